import AWSCore
import Foundation

extension S3 {
    /// Whether a bucket exists and these credentials may use it (HeadBucket).
    package func headBucket(_ bucket: String) async throws -> BucketAccess {
        let response = try await send("HeadBucket", method: "HEAD", bucket: bucket, accepting: [301, 403, 404])
        switch response.statusCode {
        case 404: return .notFound
        case 403: return .forbidden
        default: return .exists(region: response.header("x-amz-bucket-region"))
        }
    }

    /// Creates a bucket in `region` (CreateBucket); outside us-east-1 the region goes in a
    /// `LocationConstraint`.
    package func createBucket(_ bucket: String, region: String) async throws {
        var body = HTTPBody.empty
        if region != "us-east-1" {
            body = .data(Data(Self.createBucketXML(region: region).utf8))
        }
        _ = try await send("CreateBucket", method: "PUT", bucket: bucket, body: body)
    }

    /// Turns versioning on or suspends it (PutBucketVersioning).
    package func putBucketVersioning(_ bucket: String, enabled: Bool) async throws {
        let status = enabled ? "Enabled" : "Suspended"
        try await putSubresource(
            "PutBucketVersioning", bucket: bucket, subresource: "versioning",
            xml: "<VersioningConfiguration xmlns=\"\(Self.xmlNamespace)\"><Status>\(status)</Status></VersioningConfiguration>")
    }

    /// Sets the bucket's default encryption (PutBucketEncryption); with KMS the bucket key is on.
    package func putBucketEncryption(_ bucket: String, encryption: ServerSideEncryption) async throws {
        try await putSubresource(
            "PutBucketEncryption", bucket: bucket, subresource: "encryption", xml: Self.bucketEncryptionXML(encryption))
    }

    /// Blocks every form of public access (PutPublicAccessBlock with all four settings on).
    package func putPublicAccessBlock(_ bucket: String) async throws {
        let settings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"]
            .map { "<\($0)>true</\($0)>" }.joined()
        try await putSubresource(
            "PutPublicAccessBlock", bucket: bucket, subresource: "publicAccessBlock",
            xml: "<PublicAccessBlockConfiguration xmlns=\"\(Self.xmlNamespace)\">\(settings)</PublicAccessBlockConfiguration>")
    }

    /// Replaces the bucket policy (PutBucketPolicy) with a JSON policy document.
    package func putBucketPolicy(_ bucket: String, policy: String) async throws {
        let body = Data(policy.utf8)
        _ = try await send(
            "PutBucketPolicy", method: "PUT", bucket: bucket, query: [("policy", "")],
            headers: [("Content-MD5", Self.contentMD5(body)), ("Content-Type", "application/json")], body: .data(body))
    }

    /// The region a bucket lives in (GetBucketLocation): an empty constraint is us-east-1, `EU` is eu-west-1.
    package func getBucketLocation(_ bucket: String) async throws -> String {
        let response = try await send("GetBucketLocation", method: "GET", bucket: bucket, query: [("location", "")])
        return Self.region(fromLocationXML: String(decoding: response.body, as: UTF8.self))
    }

    /// A bucket policy that denies every request not made over TLS.
    package static func tlsOnlyPolicy(bucket: String, partition: String = "aws") -> String {
        let arn = "arn:\(partition):s3:::\(bucket)"
        return """
            {"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*",\
            "Action":"s3:*","Resource":["\(arn)","\(arn)/*"],\
            "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
            """
    }

    private func putSubresource(_ operation: String, bucket: String, subresource: String, xml: String) async throws {
        let body = Data(xml.utf8)
        _ = try await send(
            operation, method: "PUT", bucket: bucket, query: [(subresource, "")],
            headers: [("Content-MD5", Self.contentMD5(body)), ("Content-Type", "application/xml")], body: .data(body))
    }

    static func createBucketXML(region: String) -> String {
        "<CreateBucketConfiguration xmlns=\"\(xmlNamespace)\"><LocationConstraint>\(xmlEscaped(region))</LocationConstraint></CreateBucketConfiguration>"
    }

    static func bucketEncryptionXML(_ encryption: ServerSideEncryption) -> String {
        var rule = "<SSEAlgorithm>\(encryption.algorithm)</SSEAlgorithm>"
        if case .kms(let keyId?) = encryption { rule += "<KMSMasterKeyID>\(xmlEscaped(keyId))</KMSMasterKeyID>" }
        var bucketKey = ""
        if case .kms = encryption { bucketKey = "<BucketKeyEnabled>true</BucketKeyEnabled>" }
        return "<ServerSideEncryptionConfiguration xmlns=\"\(xmlNamespace)\"><Rule><ApplyServerSideEncryptionByDefault>"
            + rule + "</ApplyServerSideEncryptionByDefault>\(bucketKey)</Rule></ServerSideEncryptionConfiguration>"
    }

    /// Reads the region out of a `<LocationConstraint>` document.
    static func region(fromLocationXML xml: String) -> String {
        guard let open = xml.range(of: "<LocationConstraint"),
              let end = xml[open.upperBound...].range(of: ">") else { return "us-east-1" }
        let rest = xml[end.upperBound...]
        if xml[open.upperBound..<end.upperBound].hasSuffix("/>") { return "us-east-1" }
        let value = rest.range(of: "</LocationConstraint>").map { String(rest[..<$0.lowerBound]) } ?? ""
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        switch trimmed {
        case "": return "us-east-1"
        case "EU": return "eu-west-1"
        default: return trimmed
        }
    }
}
