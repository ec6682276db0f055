import Foundation

extension PhysicalResolver {
    /// The physical ID of `target`: that of its logical ID, or, for an `AWS::Serverless::LayerVersion`,
    /// that of the `AWS::Lambda::LayerVersion` SAM generates from it (the logical ID followed by
    /// 10 hexadecimal characters of a content hash).
    /// - Throws: `HotswapError` when the resource or a nested stack on the path is not deployed.
    package func physicalID(of target: HotswapTarget) async throws -> String {
        do {
            return try await physicalID(stackPath: target.stackPath, logicalID: target.logicalID.rawValue)
        } catch let error as HotswapError where error.isNotDeployed && target.resourceType == "AWS::Serverless::LayerVersion" {
            let prefix = target.logicalID.rawValue
            let generated = try await resources(stackPath: target.stackPath).values.filter { resource in
                resource.resourceType == "AWS::Lambda::LayerVersion" && Self.isGenerated(resource.logicalID, from: prefix)
            }
            guard let only = generated.first, generated.count == 1 else { throw error }
            return only.physicalID
        }
    }

    /// Whether `logicalID` is `prefix` followed by SAM's 10-character hexadecimal hash.
    static func isGenerated(_ logicalID: String, from prefix: String) -> Bool {
        guard logicalID.hasPrefix(prefix) else { return false }
        let suffix = logicalID.dropFirst(prefix.count)
        return suffix.count == 10 && suffix.allSatisfy(\.isHexDigit)
    }
}
