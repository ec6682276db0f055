import AWSCore
import Foundation

extension S3 {
    /// An object's metadata, or `nil` when there is no object under the key (HeadObject). With
    /// `checksumMode` (`x-amz-checksum-mode: ENABLED`) the stored checksums come back too.
    package func headObject(bucket: String, key: String, checksumMode: Bool = false) async throws -> ObjectMetadata? {
        let headers = checksumMode ? [("x-amz-checksum-mode", "ENABLED")] : []
        let response = try await send("HeadObject", method: "HEAD", bucket: bucket, key: key, headers: headers,
                                      accepting: [404])
        return response.statusCode == 404 ? nil : ObjectMetadata(headers: response)
    }

    /// Writes an object (PutObject). With `options.onlyIfAbsent` an existing object is left alone
    /// and the result is `.alreadyExists`.
    package func putObject(
        bucket: String, key: String, body: HTTPBody, options: PutObjectOptions = PutObjectOptions()
    ) async throws -> PutObjectResult {
        var headers = options.objectHeaders
        if options.sendContentMD5 { headers.append(("Content-MD5", Self.contentMD5(try body.bytes()))) }
        if options.onlyIfAbsent { headers.append(("If-None-Match", "*")) }
        if let eTag = options.onlyIfETag { headers.append(("If-Match", "\"\(eTag)\"")) }
        if let hex = options.sha256, let checksum = Self.base64SHA256(hex: hex) {
            headers.append(("X-Amz-Content-SHA256", hex.lowercased()))
            headers.append(("x-amz-checksum-sha256", checksum))
        }
        let response = try await send(
            "PutObject", method: "PUT", bucket: bucket, key: key, headers: headers, body: body, accepting: [412])
        if response.statusCode == 412 { return .alreadyExists }
        return .written(eTag: response.header("ETag").map(Self.unquoted), versionId: response.header("x-amz-version-id"))
    }

    /// The base64 of a hex SHA-256 (`x-amz-checksum-sha256`'s form), or nil when `hex` is not 64 hex digits.
    package static func base64SHA256(hex: String) -> String? {
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return Data(bytes).base64EncodedString()
    }

    /// An object's bytes and metadata (GetObject).
    package func getObject(bucket: String, key: String) async throws -> S3ObjectContent {
        let response = try await send("GetObject", method: "GET", bucket: bucket, key: key)
        return S3ObjectContent(body: response.body, metadata: ObjectMetadata(headers: response))
    }

    /// Every object under `prefix`, all pages (ListObjectsV2).
    package func listObjectsV2(bucket: String, prefix: String? = nil) async throws -> [S3Object] {
        try await paginate(operation: "ListObjectsV2") { token in
            var query: [(String, String)] = [("list-type", "2")]
            if let prefix { query.append(("prefix", prefix)) }
            if let token { query.append(("continuation-token", token)) }
            let response = try await send("ListObjectsV2", method: "GET", bucket: bucket, query: query)
            return try decode(ListObjectsV2Page.self, response, operation: "ListObjectsV2")
        } items: { $0.contents ?? [] } nextToken: { $0.isTruncated == true ? $0.nextContinuationToken : nil }
    }

    /// Deletes one object (DeleteObject); deleting a missing key succeeds.
    package func deleteObject(bucket: String, key: String) async throws {
        _ = try await send("DeleteObject", method: "DELETE", bucket: bucket, key: key)
    }

    /// Deletes many objects, 1,000 per request (DeleteObjects), and reports per key.
    package func deleteObjects(bucket: String, keys: [String]) async throws -> DeleteObjectsResult {
        try await deleteObjects(bucket: bucket, objects: keys.map { Self.objectElement(key: $0) })
    }

    /// DeleteObjects of `<Object>` elements (a key, and a version ID when one is meant), 1,000 per
    /// request; reports the deleted keys and the per-object errors.
    func deleteObjects(bucket: String, objects: [String]) async throws -> DeleteObjectsResult {
        var result = DeleteObjectsResult(deleted: [], errors: [])
        for start in stride(from: 0, to: objects.count, by: 1000) {
            let batch = objects[start..<min(start + 1000, objects.count)]
            let body = Data(Self.deleteObjectsXML(objects: Array(batch)).utf8)
            let response = try await send(
                "DeleteObjects", method: "POST", bucket: bucket, query: [("delete", "")],
                headers: [("Content-MD5", Self.contentMD5(body)), ("Content-Type", "application/xml")], body: .data(body))
            let page = try decode(DeleteObjectsPage.self, response, operation: "DeleteObjects")
            result.deleted += (page.deleted ?? []).compactMap(\.key)
            result.errors += page.error ?? []
        }
        return result
    }

    static func deleteObjectsXML(keys: [String]) -> String {
        deleteObjectsXML(objects: keys.map { objectElement(key: $0) })
    }

    /// One `<Object>` of a DeleteObjects body: the key, and the version when one is meant.
    static func objectElement(key: String, versionId: String? = nil) -> String {
        let version = versionId.map { "<VersionId>\(xmlEscaped($0))</VersionId>" } ?? ""
        return "<Object><Key>\(xmlEscaped(key))</Key>\(version)</Object>"
    }

    /// The DeleteObjects body of `<Object>` elements.
    static func deleteObjectsXML(objects: [String]) -> String {
        "<Delete xmlns=\"\(xmlNamespace)\">\(objects.joined())<Quiet>false</Quiet></Delete>"
    }
}
