import AWSServices
import Foundation

/// Lambda layers Ferry built: hot-swapped when a function using the layer runs a version whose
/// `CodeSha256` differs from the local zip's (for a layer no function uses: when its newest
/// version's does). The swap publishes a new version and points every function of the
/// environment that uses the layer at it.
package struct LayerVersionDetector: HotswapDetector {
    package var resourceTypes: Set<String> { LayerTargets.layerTypes }
    /// `ContentUri` (SAM), `Content` (Lambda).
    package var hotswappableProperties: [String] { ["ContentUri", "Content"] }

    /// A detector.
    package init() {}

    package func classify(_ target: HotswapTarget, physicalID: String, context: DetectionContext) async throws -> HotswapClassification {
        guard case .layer(let layer) = target.artifact else {
            return .rejected(reason: "no built zip for this layer; only layers Ferry builds can be hot-swapped")
        }
        guard let deployed = LayerVersionARN(physicalID) else {
            return .rejected(reason: "the deployed layer version \(physicalID) is not a layer version ARN")
        }
        let configurations = context.services.configurations
        var uses: [FunctionLayerUse] = []
        var versions: [String] = []
        for consumer in layer.consumers {
            let functionName = try await context.resolver.physicalID(stackPath: consumer.stackPath, logicalID: consumer.logicalID)
            let live = try await configurations.configuration(of: functionName)
            guard let used = (live.layers ?? []).compactMap(\.arn).first(where: { LayerVersionARN($0)?.layerArn == deployed.layerArn })
            else {
                return .rejected(reason: "\(consumer.qualifiedName) does not use layer \(deployed.layerArn) now: CloudFormation must deploy it")
            }
            uses.append(FunctionLayerUse(qualifiedName: consumer.qualifiedName, functionName: functionName))
            if !versions.contains(used) { versions.append(used) }
        }
        if versions.isEmpty {
            // No function uses it: what counts is the newest version (an earlier hot-swap's, or CloudFormation's).
            versions = [try await configurations.newestLayerVersionArn(of: deployed.layerName) ?? physicalID]
        }
        var stale: String??
        for version in versions {
            let hash = try await configurations.layerVersion(arn: version).content?.codeSha256
            if hash != layer.zip.codeSha256, stale == nil { stale = .some(hash) }
        }
        guard let oldHash = stale else {
            return .noChange(physicalID: physicalID, hash: layer.zip.codeSha256)
        }
        let swap = LayerSwap(layerName: deployed.layerName, layerArn: deployed.layerArn, zip: layer.zip, settings: layer.settings,
                             functions: uses)
        return .hotswap(HotswapOperation(target: target, physicalID: physicalID, change: .layerVersion(swap),
                                         oldHash: oldHash, newHash: layer.zip.codeSha256))
    }
}
