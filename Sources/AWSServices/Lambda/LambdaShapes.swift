import Foundation

/// A function's settings and code identity (GetFunctionConfiguration, and the answer of most
/// Lambda writes).
package struct FunctionConfiguration: Decodable, Sendable, Equatable {
    package var functionName: String?
    package var functionArn: String?
    package var runtime: String?
    package var role: String?
    package var handler: String?
    package var codeSize: Int64?
    package var description: String?
    package var timeout: Int?
    package var memorySize: Int?
    /// As Lambda writes it (`2026-11-27T11:00:00.000+0000`).
    package var lastModified: String?
    /// base64(SHA-256 of the deployment package).
    package var codeSha256: String?
    /// `$LATEST` or a published version number.
    package var version: String?
    package var environment: FunctionEnvironment?
    package var revisionId: String?
    package var layers: [FunctionLayer]?
    /// `Pending`, `Active`, `Inactive`, `Failed`.
    package var state: String?
    package var stateReason: String?
    package var stateReasonCode: String?
    /// `Successful`, `Failed`, `InProgress`.
    package var lastUpdateStatus: String?
    package var lastUpdateStatusReason: String?
    package var lastUpdateStatusReasonCode: String?
    /// `Zip` or `Image`.
    package var packageType: String?
    /// `x86_64` or `arm64`.
    package var architectures: [String]?
    package var ephemeralStorage: EphemeralStorage?
    package var tracingConfig: TracingConfig?
    /// Where the function logs (`LogGroup`) and in which format.
    package var loggingConfig: FunctionLoggingConfig?
}

/// A function's logging settings (`LoggingConfig`).
package struct FunctionLoggingConfig: Decodable, Sendable, Equatable {
    /// The log group, when not `/aws/lambda/<function name>`.
    package var logGroup: String?
    /// `Text` or `JSON`.
    package var logFormat: String?
    package var applicationLogLevel: String?
    package var systemLogLevel: String?
}

/// A function's environment variables.
package struct FunctionEnvironment: Codable, Sendable, Equatable {
    package var variables: [String: String]?

    /// Environment variables.
    package init(variables: [String: String]) { self.variables = variables }
}

/// A layer version a function uses.
package struct FunctionLayer: Decodable, Sendable, Equatable {
    package var arn: String?
    package var codeSize: Int64?
}

/// The size of a function's `/tmp` in MB.
package struct EphemeralStorage: Codable, Sendable, Equatable {
    package var size: Int

    /// `/tmp` of `size` MB (512-10,240).
    package init(size: Int) { self.size = size }
}

/// X-Ray tracing mode (`Active` or `PassThrough`).
package struct TracingConfig: Codable, Sendable, Equatable {
    package var mode: String?

    /// A tracing mode.
    package init(mode: String) { self.mode = mode }
}

/// The answer of GetFunction: settings plus where the code can be downloaded.
package struct GetFunctionOutput: Decodable, Sendable, Equatable {
    package var configuration: FunctionConfiguration?
    package var code: FunctionCodeLocation?
    package var tags: [String: String]?
}

/// Where a function's code is (a presigned URL valid for ten minutes, or an image).
package struct FunctionCodeLocation: Decodable, Sendable, Equatable {
    /// `S3` or `ECR`.
    package var repositoryType: String?
    package var location: String?
    package var imageUri: String?
    package var resolvedImageUri: String?
}

/// An alias pointing at a function version.
package struct AliasConfiguration: Decodable, Sendable, Equatable {
    package var aliasArn: String?
    package var name: String?
    package var functionVersion: String?
    package var description: String?
    package var routingConfig: AliasRoutingConfiguration?
    package var revisionId: String?
}

/// Weighted routing of an alias to a second version.
package struct AliasRoutingConfiguration: Codable, Sendable, Equatable {
    /// Version → weight (0.0-1.0).
    package var additionalVersionWeights: [String: Double]?

    /// Routing to additional versions.
    package init(additionalVersionWeights: [String: Double]) { self.additionalVersionWeights = additionalVersionWeights }
}

/// One layer version in ListLayerVersions.
package struct LayerVersionsListItem: Decodable, Sendable, Equatable {
    package var layerVersionArn: String?
    package var version: Int64?
    package var description: String?
    package var createdDate: String?
    package var compatibleRuntimes: [String]?
    package var licenseInfo: String?
    package var compatibleArchitectures: [String]?
}

/// A layer version with its content (PublishLayerVersion, GetLayerVersion).
package struct LayerVersion: Decodable, Sendable, Equatable {
    package var content: LayerVersionContent?
    package var layerArn: String?
    package var layerVersionArn: String?
    package var description: String?
    package var createdDate: String?
    package var version: Int64?
    package var compatibleRuntimes: [String]?
    package var licenseInfo: String?
    package var compatibleArchitectures: [String]?
}

/// Where a layer version's zip is and its hash.
package struct LayerVersionContent: Decodable, Sendable, Equatable {
    package var location: String?
    /// base64(SHA-256 of the zip).
    package var codeSha256: String?
    package var codeSize: Int64?
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
