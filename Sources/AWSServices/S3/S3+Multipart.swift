import AWSCore
import Foundation

extension S3 {
    /// Starts a multipart upload and returns its upload ID (CreateMultipartUpload). `Content-Type`,
    /// encryption and metadata are set here; `onlyIfAbsent` applies at completion.
    package func createMultipartUpload(
        bucket: String, key: String, options: PutObjectOptions = PutObjectOptions()
    ) async throws -> String {
        let response = try await send(
            "CreateMultipartUpload", method: "POST", bucket: bucket, key: key,
            query: [("uploads", "")], headers: options.objectHeaders)
        return try decode(InitiateMultipartUploadResult.self, response, operation: "CreateMultipartUpload").uploadId
    }

    /// Uploads one part (UploadPart), usually a `.file` byte range; parts except the last must be
    /// at least 5 MiB.
    package func uploadPart(
        bucket: String, key: String, uploadId: String, partNumber: Int, body: HTTPBody, sendContentMD5: Bool = false
    ) async throws -> CompletedPart {
        var headers: [(String, String)] = []
        if sendContentMD5 { headers.append(("Content-MD5", Self.contentMD5(try body.bytes()))) }
        let response = try await send(
            "UploadPart", method: "PUT", bucket: bucket, key: key,
            query: [("partNumber", String(partNumber)), ("uploadId", uploadId)], headers: headers, body: body)
        guard let eTag = response.header("ETag") else {
            throw AWSServicesError.unexpectedResponse(operation: "UploadPart", detail: "no ETag for part \(partNumber) of s3://\(bucket)/\(key)")
        }
        return CompletedPart(partNumber: partNumber, eTag: eTag)
    }

    /// Joins the parts into the object (CompleteMultipartUpload). With `onlyIfAbsent` an existing
    /// object is left alone and the result is `.alreadyExists` (the upload is then aborted).
    package func completeMultipartUpload(
        bucket: String, key: String, uploadId: String, parts: [CompletedPart], onlyIfAbsent: Bool = false
    ) async throws -> PutObjectResult {
        let body = Data(Self.completeMultipartUploadXML(parts: parts).utf8)
        var headers: [(String, String)] = [("Content-Type", "application/xml")]
        if onlyIfAbsent { headers.append(("If-None-Match", "*")) }
        let response = try await send(
            "CompleteMultipartUpload", method: "POST", bucket: bucket, key: key,
            query: [("uploadId", uploadId)], headers: headers, body: .data(body), accepting: [412])
        if response.statusCode == 412 {
            try? await abortMultipartUpload(bucket: bucket, key: key, uploadId: uploadId)
            return .alreadyExists
        }
        // S3 may answer 200 and put an <Error> in the body when completion fails late.
        if let text = String(data: response.body, encoding: .utf8), text.contains("<Error>") {
            throw AWSServicesError.unexpectedResponse(
                operation: "CompleteMultipartUpload", detail: "S3 reported an error after accepting s3://\(bucket)/\(key): \(text)")
        }
        let result = try decode(CompleteMultipartUploadResult.self, response, operation: "CompleteMultipartUpload")
        return .written(eTag: result.eTag.map(Self.unquoted), versionId: response.header("x-amz-version-id"))
    }

    /// Discards a multipart upload and its parts (AbortMultipartUpload).
    package func abortMultipartUpload(bucket: String, key: String, uploadId: String) async throws {
        _ = try await send(
            "AbortMultipartUpload", method: "DELETE", bucket: bucket, key: key, query: [("uploadId", uploadId)])
    }

    /// The `<CompleteMultipartUpload>` document listing the parts in order.
    static func completeMultipartUploadXML(parts: [CompletedPart]) -> String {
        let elements = parts.sorted { $0.partNumber < $1.partNumber }.map {
            "<Part><PartNumber>\($0.partNumber)</PartNumber><ETag>\(xmlEscaped($0.eTag))</ETag></Part>"
        }
        return "<CompleteMultipartUpload xmlns=\"\(xmlNamespace)\">\(elements.joined())</CompleteMultipartUpload>"
    }
}
