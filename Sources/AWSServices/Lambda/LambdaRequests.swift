import Foundation

/// The new code for UpdateFunctionCode or PublishLayerVersion: zip bytes or an S3 object.
package enum FunctionCode: Sendable, Equatable {
    /// The zip itself (sent base64-encoded; at most 50 MB).
    case zipFile(Data)
    /// A zip in S3.
    case s3(bucket: String, key: String, objectVersion: String? = nil)
    /// A container image URI (functions only).
    case imageUri(String)
}

/// The body of UpdateFunctionCode.
struct UpdateFunctionCodeBody: Encodable, Sendable {
    var zipFile: String?
    var s3Bucket: String?
    var s3Key: String?
    var s3ObjectVersion: String?
    var imageUri: String?
    var publish: Bool?
    var revisionId: String?
    var architectures: [String]?

    init(code: FunctionCode, publish: Bool?, revisionId: String?, architectures: [String]?) {
        switch code {
        case .zipFile(let data): zipFile = data.base64EncodedString()
        case .s3(let bucket, let key, let version):
            s3Bucket = bucket
            s3Key = key
            s3ObjectVersion = version
        case .imageUri(let uri): imageUri = uri
        }
        self.publish = publish
        self.revisionId = revisionId
        self.architectures = architectures
    }
}

/// The settings UpdateFunctionConfiguration changes; `nil` leaves a setting as it is.
package struct FunctionConfigurationUpdate: Encodable, Sendable, Equatable {
    package var role: String?
    package var handler: String?
    package var description: String?
    package var timeout: Int?
    package var memorySize: Int?
    package var environment: FunctionEnvironment?
    package var runtime: String?
    /// Layer version ARNs (replaces the whole list).
    package var layers: [String]?
    package var ephemeralStorage: EphemeralStorage?
    package var tracingConfig: TracingConfig?
    /// Only update if the function's revision is still this one.
    package var revisionId: String?

    /// An update that changes nothing yet; set the fields to change.
    package init() {}
}

struct PublishVersionBody: Encodable, Sendable {
    var codeSha256: String?
    var description: String?
    var revisionId: String?
}

struct CreateAliasBody: Encodable, Sendable {
    var name: String
    var functionVersion: String
    var description: String?
    var routingConfig: AliasRoutingConfiguration?
}

struct UpdateAliasBody: Encodable, Sendable {
    var functionVersion: String?
    var description: String?
    var routingConfig: AliasRoutingConfiguration?
    var revisionId: String?
}

struct PublishLayerVersionBody: Encodable, Sendable {
    struct Content: Encodable, Sendable {
        var s3Bucket: String?
        var s3Key: String?
        var s3ObjectVersion: String?
        var zipFile: String?
    }

    var description: String?
    var content: Content
    var compatibleRuntimes: [String]?
    var licenseInfo: String?
    var compatibleArchitectures: [String]?
}
