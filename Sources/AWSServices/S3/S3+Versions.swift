import AWSCore
import Foundation

extension S3 {
    /// Every version and delete marker under `prefix`, all pages (ListObjectVersions).
    package func listObjectVersions(bucket: String, prefix: String? = nil) async throws -> [S3ObjectVersion] {
        try await paginate(operation: "ListObjectVersions") { token in
            var query: [(String, String)] = [("versions", "")]
            if let prefix { query.append(("prefix", prefix)) }
            if let token {
                let parts = token.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                query.append(("key-marker", parts[0]))
                if parts.count > 1, !parts[1].isEmpty { query.append(("version-id-marker", parts[1])) }
            }
            let response = try await send("ListObjectVersions", method: "GET", bucket: bucket, query: query)
            return try decode(S3ListVersionsPage.self, response, operation: "ListObjectVersions")
        } items: { (page: S3ListVersionsPage) -> [S3ObjectVersion] in
            let versions: [S3ObjectVersion] = (page.version ?? []).map { $0.version(deleteMarker: false) }
            let markers: [S3ObjectVersion] = (page.deleteMarker ?? []).map { $0.version(deleteMarker: true) }
            return versions + markers
        } nextToken: { (page: S3ListVersionsPage) -> String? in
            guard page.isTruncated == true, let key = page.nextKeyMarker else { return nil }
            return key + "\u{0}" + (page.nextVersionIdMarker ?? "")
        }
    }

    /// Deletes object versions (or delete markers) by key and version ID, 1,000 per request
    /// (DeleteObjects); reports the keys of the deleted versions and the per-version errors.
    package func deleteObjectVersions(bucket: String, versions: [(key: String, versionId: String)]) async throws -> DeleteObjectsResult {
        try await deleteObjects(bucket: bucket, objects: versions.map { Self.objectElement(key: $0.key, versionId: $0.versionId) })
    }

    /// The multipart uploads in progress under `prefix`, all pages (ListMultipartUploads).
    package func listMultipartUploads(bucket: String, prefix: String? = nil) async throws -> [S3MultipartUpload] {
        try await paginate(operation: "ListMultipartUploads") { token in
            var query: [(String, String)] = [("uploads", "")]
            if let prefix { query.append(("prefix", prefix)) }
            if let token {
                let parts = token.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                query.append(("key-marker", parts[0]))
                if parts.count > 1, !parts[1].isEmpty { query.append(("upload-id-marker", parts[1])) }
            }
            let response = try await send("ListMultipartUploads", method: "GET", bucket: bucket, query: query)
            return try decode(S3ListMultipartUploadsPage.self, response, operation: "ListMultipartUploads")
        } items: { (page: S3ListMultipartUploadsPage) -> [S3MultipartUpload] in
            (page.upload ?? []).map { S3MultipartUpload(key: $0.key, uploadId: $0.uploadId, initiated: $0.initiated) }
        } nextToken: { (page: S3ListMultipartUploadsPage) -> String? in
            guard page.isTruncated == true, let key = page.nextKeyMarker else { return nil }
            return key + "\u{0}" + (page.nextUploadIdMarker ?? "")
        }
    }

    /// Replaces the bucket's lifecycle configuration with `rules` (PutBucketLifecycleConfiguration).
    package func putBucketLifecycleConfiguration(_ bucket: String, rules: [S3LifecycleRule]) async throws {
        let body = Data(Self.lifecycleXML(rules).utf8)
        _ = try await send(
            "PutBucketLifecycleConfiguration", method: "PUT", bucket: bucket, query: [("lifecycle", "")],
            headers: [("Content-MD5", Self.contentMD5(body)), ("Content-Type", "application/xml")], body: .data(body))
    }

    /// The `<LifecycleConfiguration>` document for `rules`.
    static func lifecycleXML(_ rules: [S3LifecycleRule]) -> String {
        let items = rules.map { rule -> String in
            var xml = "<Rule><ID>\(xmlEscaped(rule.id))</ID><Filter><Prefix>\(xmlEscaped(rule.prefix))</Prefix></Filter><Status>Enabled</Status>"
            if let days = rule.abortIncompleteMultipartUploadDays {
                xml += "<AbortIncompleteMultipartUpload><DaysAfterInitiation>\(days)</DaysAfterInitiation></AbortIncompleteMultipartUpload>"
            }
            if let days = rule.noncurrentVersionExpirationDays {
                xml += "<NoncurrentVersionExpiration><NoncurrentDays>\(days)</NoncurrentDays></NoncurrentVersionExpiration>"
            }
            return xml + "</Rule>"
        }.joined()
        return "<LifecycleConfiguration xmlns=\"\(xmlNamespace)\">\(items)</LifecycleConfiguration>"
    }
}
