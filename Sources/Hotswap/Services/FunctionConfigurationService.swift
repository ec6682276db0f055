import AWSCore
import AWSServices
import Foundation

/// The Lambda calls that layer and configuration hot-swaps (and whole-function verification) make.
package protocol FunctionConfigurationService: Sendable {
    /// The function's settings (GetFunctionConfiguration).
    func configuration(of functionName: String) async throws -> FunctionConfiguration
    /// The function's settings without `State` and `LastUpdateStatus` when a ListFunctions page
    /// gave them (code hash, ARN, environment, description, ...); by default ``configuration(of:)``.
    func summary(of functionName: String) async throws -> FunctionConfiguration
    /// Changes the settings given in `update` (UpdateFunctionConfiguration); the change then runs asynchronously.
    func updateConfiguration(of functionName: String, _ update: FunctionConfigurationUpdate) async throws
    /// Waits until `LastUpdateStatus` leaves `InProgress` and returns the settings then, whatever the status.
    func waitUntilConfigured(_ functionName: String) async throws -> FunctionConfiguration
    /// Publishes a new version of the layer `layerName` (PublishLayerVersion).
    func publishLayerVersion(_ layerName: String, content: FunctionCode, settings: LayerPublishSettings) async throws -> LayerVersion
    /// One layer version (GetLayerVersion), by its version ARN (`arn:...:layer:NAME:VERSION`).
    func layerVersion(arn: String) async throws -> LayerVersion
    /// The ARN of the newest version of the layer `layerName` (ListLayerVersions), nil for none.
    func newestLayerVersionArn(of layerName: String) async throws -> String?
}

extension FunctionConfigurationService {
    /// The whole settings (``configuration(of:)``).
    package func summary(of functionName: String) async throws -> FunctionConfiguration {
        try await configuration(of: functionName)
    }
}

/// The settings a new layer version is published with (from the template's `LayerVersion`).
package struct LayerPublishSettings: Sendable, Hashable {
    /// `Description`.
    package var description: String?
    /// `CompatibleRuntimes`.
    package var compatibleRuntimes: [String]?
    /// `CompatibleArchitectures`.
    package var compatibleArchitectures: [String]?
    /// `LicenseInfo`.
    package var licenseInfo: String?

    /// Settings; nil ones are not sent.
    package init(description: String? = nil, compatibleRuntimes: [String]? = nil, compatibleArchitectures: [String]? = nil,
                licenseInfo: String? = nil) {
        self.description = description
        self.compatibleRuntimes = compatibleRuntimes
        self.compatibleArchitectures = compatibleArchitectures
        self.licenseInfo = licenseInfo
    }
}

/// `FunctionConfigurationService` over the real Lambda API.
package struct LambdaFunctionConfigurationService: FunctionConfigurationService {
    /// The Lambda client.
    package let lambda: Lambda
    /// Time between GetFunctionConfiguration polls while an update runs.
    package let pollInterval: Duration
    /// Reads shared with other services (one GetFunctionConfiguration per function); nil: every call reads.
    package let reads: LiveFunctionReads?

    /// A service calling `lambda`, polling every `pollInterval`, reading through `reads` when given.
    package init(lambda: Lambda, pollInterval: Duration = .milliseconds(500), reads: LiveFunctionReads? = nil) {
        self.lambda = lambda
        self.pollInterval = pollInterval
        self.reads = reads
    }

    package func configuration(of functionName: String) async throws -> FunctionConfiguration {
        if let reads { return try await reads.configuration(of: functionName) }
        return try await lambda.getFunctionConfiguration(functionName, qualifier: nil)
    }

    package func summary(of functionName: String) async throws -> FunctionConfiguration {
        if let reads { return try await reads.summary(of: functionName) }
        return try await lambda.getFunctionConfiguration(functionName, qualifier: nil)
    }

    package func updateConfiguration(of functionName: String, _ update: FunctionConfigurationUpdate) async throws {
        reads?.forget(functionName)
        _ = try await lambda.updateFunctionConfiguration(functionName, update)
    }

    package func waitUntilConfigured(_ functionName: String) async throws -> FunctionConfiguration {
        reads?.forget(functionName)
        do {
            return try await lambda.waitUntilUpdated(functionName: functionName, qualifier: nil, pollInterval: pollInterval,
                                                     maxAttempts: 1200)
        } catch let error as AWSServicesError where error.isFunctionUpdateFailed {
            return try await lambda.getFunctionConfiguration(functionName, qualifier: nil)
        }
    }

    package func publishLayerVersion(_ layerName: String, content: FunctionCode, settings: LayerPublishSettings) async throws -> LayerVersion {
        try await lambda.publishLayerVersion(
            layerName, content: content, description: settings.description, compatibleRuntimes: settings.compatibleRuntimes,
            compatibleArchitectures: settings.compatibleArchitectures, licenseInfo: settings.licenseInfo)
    }

    package func layerVersion(arn: String) async throws -> LayerVersion {
        guard let parsed = LayerVersionARN(arn) else {
            throw NotALayerVersion(arn: arn)
        }
        return try await lambda.getLayerVersion(parsed.layerName, versionNumber: parsed.version)
    }

    package func newestLayerVersionArn(of layerName: String) async throws -> String? {
        try await lambda.listLayerVersions(layerName).max { ($0.version ?? 0) < ($1.version ?? 0) }?.layerVersionArn
    }
}

/// A layer version ARN that is not one.
struct NotALayerVersion: Error, CustomStringConvertible {
    let arn: String
    var description: String { "\(arn) is not a layer version ARN (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)" }
}

/// A service for tests and callers without Lambda configuration access: every call fails.
package struct UnavailableFunctionConfigurationService: FunctionConfigurationService {
    /// A service that fails every call.
    package init() {}

    struct Unavailable: Error, CustomStringConvertible {
        var description: String { "function configuration calls are not available here" }
    }

    package func configuration(of functionName: String) async throws -> FunctionConfiguration { throw Unavailable() }
    package func updateConfiguration(of functionName: String, _ update: FunctionConfigurationUpdate) async throws { throw Unavailable() }
    package func waitUntilConfigured(_ functionName: String) async throws -> FunctionConfiguration { throw Unavailable() }
    package func publishLayerVersion(_ layerName: String, content: FunctionCode, settings: LayerPublishSettings) async throws -> LayerVersion {
        throw Unavailable()
    }
    package func layerVersion(arn: String) async throws -> LayerVersion { throw Unavailable() }
    package func newestLayerVersionArn(of layerName: String) async throws -> String? { throw Unavailable() }
}

/// The parts of a layer version ARN, `arn:PARTITION:lambda:REGION:ACCOUNT:layer:NAME:VERSION`.
package struct LayerVersionARN: Sendable, Hashable {
    /// The layer's ARN without the version (`arn:...:layer:NAME`).
    package var layerArn: String
    /// The layer's name.
    package var layerName: String
    /// The version number.
    package var version: Int64

    /// The parts of `arn`, or nil when it is not a layer version ARN.
    package init?(_ arn: String) {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 8, parts[0] == "arn", parts[2] == "lambda", parts[5] == "layer",
              let version = Int64(parts[7]) else { return nil }
        layerArn = parts[0..<7].joined(separator: ":")
        layerName = parts[6]
        self.version = version
    }
}
