import Foundation

/// A function's settings and code identity (GetFunctionConfiguration, and the answer of most
/// Lambda writes).
public struct FunctionConfiguration: Decodable, Sendable, Equatable {
    public var functionName: String?
    public var functionArn: String?
    public var runtime: String?
    public var role: String?
    public var handler: String?
    public var codeSize: Int64?
    public var description: String?
    public var timeout: Int?
    public var memorySize: Int?
    /// As Lambda writes it (`2026-11-27T11:00:00.000+0000`).
    public var lastModified: String?
    /// base64(SHA-256 of the deployment package).
    public var codeSha256: String?
    /// `$LATEST` or a published version number.
    public var version: String?
    public var environment: FunctionEnvironment?
    public var revisionId: String?
    public var layers: [FunctionLayer]?
    /// `Pending`, `Active`, `Inactive`, `Failed`.
    public var state: String?
    public var stateReason: String?
    public var stateReasonCode: String?
    /// `Successful`, `Failed`, `InProgress`.
    public var lastUpdateStatus: String?
    public var lastUpdateStatusReason: String?
    public var lastUpdateStatusReasonCode: String?
    /// `Zip` or `Image`.
    public var packageType: String?
    /// `x86_64` or `arm64`.
    public var architectures: [String]?
    public var ephemeralStorage: EphemeralStorage?
    public var tracingConfig: TracingConfig?
    /// Where the function logs (`LogGroup`) and in which format.
    public var loggingConfig: FunctionLoggingConfig?
}

/// A function's logging settings (`LoggingConfig`).
public struct FunctionLoggingConfig: Decodable, Sendable, Equatable {
    /// The log group, when not `/aws/lambda/<function name>`.
    public var logGroup: String?
    /// `Text` or `JSON`.
    public var logFormat: String?
    public var applicationLogLevel: String?
    public var systemLogLevel: String?
}

/// A function's environment variables.
public struct FunctionEnvironment: Codable, Sendable, Equatable {
    public var variables: [String: String]?

    /// Environment variables.
    public init(variables: [String: String]) { self.variables = variables }
}

/// A layer version a function uses.
public struct FunctionLayer: Decodable, Sendable, Equatable {
    public var arn: String?
    public var codeSize: Int64?
}

/// The size of a function's `/tmp` in MB.
public struct EphemeralStorage: Codable, Sendable, Equatable {
    public var size: Int

    /// `/tmp` of `size` MB (512-10,240).
    public init(size: Int) { self.size = size }
}

/// X-Ray tracing mode (`Active` or `PassThrough`).
public struct TracingConfig: Codable, Sendable, Equatable {
    public var mode: String?

    /// A tracing mode.
    public init(mode: String) { self.mode = mode }
}

/// The answer of GetFunction: settings plus where the code can be downloaded.
public struct GetFunctionOutput: Decodable, Sendable, Equatable {
    public var configuration: FunctionConfiguration?
    public var code: FunctionCodeLocation?
    public var tags: [String: String]?
}

/// Where a function's code is (a presigned URL valid for ten minutes, or an image).
public struct FunctionCodeLocation: Decodable, Sendable, Equatable {
    /// `S3` or `ECR`.
    public var repositoryType: String?
    public var location: String?
    public var imageUri: String?
    public var resolvedImageUri: String?
}

/// An alias pointing at a function version.
public struct AliasConfiguration: Decodable, Sendable, Equatable {
    public var aliasArn: String?
    public var name: String?
    public var functionVersion: String?
    public var description: String?
    public var routingConfig: AliasRoutingConfiguration?
    public var revisionId: String?
}

/// Weighted routing of an alias to a second version.
public struct AliasRoutingConfiguration: Codable, Sendable, Equatable {
    /// Version → weight (0.0-1.0).
    public var additionalVersionWeights: [String: Double]?

    /// Routing to additional versions.
    public init(additionalVersionWeights: [String: Double]) { self.additionalVersionWeights = additionalVersionWeights }
}

/// One layer version in ListLayerVersions.
public struct LayerVersionsListItem: Decodable, Sendable, Equatable {
    public var layerVersionArn: String?
    public var version: Int64?
    public var description: String?
    public var createdDate: String?
    public var compatibleRuntimes: [String]?
    public var licenseInfo: String?
    public var compatibleArchitectures: [String]?
}

/// A layer version with its content (PublishLayerVersion, GetLayerVersion).
public struct LayerVersion: Decodable, Sendable, Equatable {
    public var content: LayerVersionContent?
    public var layerArn: String?
    public var layerVersionArn: String?
    public var description: String?
    public var createdDate: String?
    public var version: Int64?
    public var compatibleRuntimes: [String]?
    public var licenseInfo: String?
    public var compatibleArchitectures: [String]?
}

/// Where a layer version's zip is and its hash.
public struct LayerVersionContent: Decodable, Sendable, Equatable {
    public var location: String?
    /// base64(SHA-256 of the zip).
    public var codeSha256: String?
    public var codeSize: Int64?
}

struct ListFunctionsPage: Decodable, Sendable {
    var nextMarker: String?
    var functions: [FunctionConfiguration]?
}

struct ListVersionsPage: Decodable, Sendable {
    var nextMarker: String?
    var versions: [FunctionConfiguration]?
}

struct ListLayerVersionsPage: Decodable, Sendable {
    var nextMarker: String?
    var layerVersions: [LayerVersionsListItem]?
}
