import AWSServices
import Foundation

extension HotswapApplier {
    /// PublishLayerVersion from the content-addressed S3 object (inline when there is none) →
    /// check its `CodeSha256` → for every function using the layer, UpdateFunctionConfiguration
    /// with the layer's entry replaced (the other layers and their order kept) → wait → check
    /// `LastUpdateStatus` and that the new version is used.
    func applyLayer(_ operation: HotswapOperation, swap: LayerSwap) async throws -> (liveHash: String?, versionArn: String?) {
        let configurations = services.configurations
        let name = operation.target.qualifiedName
        let content: FunctionCode
        if let s3 = swap.zip.s3 {
            content = .s3(bucket: s3.bucket, key: s3.key, objectVersion: s3.version)
        } else {
            content = try functionCode(for: swap.zip, resource: name)
        }
        let published = try await backoff.run(shouldRetry: { _ in false }) {
            try await configurations.publishLayerVersion(swap.layerName, content: content, settings: swap.settings)
        }
        let liveHash = published.content?.codeSha256
        guard let newArn = published.layerVersionArn, liveHash == swap.zip.codeSha256 else {
            throw HotswapFailure(error: .staleAfterUpdate(resource: name, physicalID: published.layerVersionArn ?? swap.layerArn,
                                                          live: liveHash, local: swap.zip.codeSha256), liveHash: liveHash)
        }
        for use in swap.functions {
            try await pointFunction(use, at: newArn, swap: swap)
        }
        return (liveHash, newArn)
    }

    /// Points one function at `newArn` in place of its version of the layer, and checks the result.
    func pointFunction(_ use: FunctionLayerUse, at newArn: String, swap: LayerSwap) async throws {
        let configurations = services.configurations
        let functions = services.functions
        let functionName = use.functionName
        try await backoff.run(shouldRetry: { functions.isUpdateInProgress($0) || Lambda.isPreconditionFailed($0) }, beforeRetry: {
            _ = try? await configurations.waitUntilConfigured(functionName)
        }) {
            let live = try await configurations.configuration(of: functionName)
            var update = FunctionConfigurationUpdate()
            update.layers = swap.replacing(in: (live.layers ?? []).compactMap(\.arn), with: newArn)
            update.revisionId = live.revisionId
            try await configurations.updateConfiguration(of: functionName, update)
        }
        let final = try await configurations.waitUntilConfigured(functionName)
        try Self.checkUpdated(final, resource: use.qualifiedName, functionName: functionName)
        let layers = (final.layers ?? []).compactMap(\.arn)
        guard layers.contains(newArn) else {
            throw HotswapFailure(error: .staleAfterUpdate(resource: use.qualifiedName, physicalID: functionName,
                                                          live: layers.first { LayerVersionARN($0)?.layerArn == swap.layerArn },
                                                          local: newArn), liveHash: nil)
        }
    }

    /// UpdateFunctionConfiguration of `Environment.Variables` and/or `Description` → wait →
    /// check `LastUpdateStatus` → read back and compare.
    func applyConfiguration(_ operation: HotswapOperation, swap: ConfigurationSwap) async throws -> String {
        let configurations = services.configurations
        let functions = services.functions
        let functionName = swap.functionName
        try await backoff.run(shouldRetry: { functions.isUpdateInProgress($0) }, beforeRetry: {
            _ = try? await configurations.waitUntilConfigured(functionName)
        }) {
            var update = FunctionConfigurationUpdate()
            if let variables = swap.variables { update.environment = FunctionEnvironment(variables: variables) }
            update.description = swap.description
            try await configurations.updateConfiguration(of: functionName, update)
        }
        let final = try await configurations.waitUntilConfigured(functionName)
        try Self.checkUpdated(final, resource: operation.target.qualifiedName, functionName: functionName)
        let variables = final.environment?.variables ?? [:]
        let description = final.description ?? ""
        let liveHash = ConfigurationSwap.hash(variables: variables, description: description)
        let wrongVariables = swap.variables.map { $0 != variables } ?? false
        let wrongDescription = swap.description.map { $0 != description } ?? false
        guard !wrongVariables, !wrongDescription else {
            throw HotswapFailure(error: .staleAfterUpdate(resource: operation.target.qualifiedName, physicalID: functionName,
                                                          live: liveHash, local: operation.newHash), liveHash: liveHash)
        }
        return liveHash
    }

    /// Throws when `LastUpdateStatus` is `Failed`.
    static func checkUpdated(_ configuration: FunctionConfiguration, resource: String, functionName: String) throws {
        guard configuration.lastUpdateStatus == "Failed" else { return }
        let reason = [configuration.lastUpdateStatusReasonCode, configuration.lastUpdateStatusReason].compactMap { $0 }
            .joined(separator: ": ")
        throw HotswapFailure(error: .updateFailed(resource: resource, physicalID: functionName,
                                                  reason: "LastUpdateStatus is Failed: \(reason.isEmpty ? "no reason given" : reason)"),
                             liveHash: nil)
    }
}
