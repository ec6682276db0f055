import Foundation

/// Lambda functions: code, hot-swapped when the local zip's SHA-256 differs from `CodeSha256`;
/// `Environment.Variables` and `Description`, hot-swapped when their evaluated values differ from
/// the live ones (a function's settings are a target of their own, see ``FunctionSettings``).
package struct LambdaCodeDetector: HotswapDetector {
    package var resourceTypes: Set<String> { ["AWS::Lambda::Function", "AWS::Serverless::Function"] }
    /// `Code` (Lambda), `CodeUri` and `ImageUri` (SAM), `Environment` (its `Variables`), `Description`;
    /// `AutoPublishAlias` only names the alias to move.
    package var hotswappableProperties: [String] { ["Code", "CodeUri", "ImageUri", "AutoPublishAlias", "Environment", "Description"] }

    /// A detector.
    package init() {}

    package func classify(_ target: HotswapTarget, physicalID: String, context: DetectionContext) async throws -> HotswapClassification {
        if case .functionConfiguration(let settings) = target.artifact {
            return try await FunctionSettingsComparison.classify(target, settings: settings, physicalID: physicalID, context: context)
        }
        guard case .zip(let zip) = target.artifact else {
            return .rejected(reason: "no built zip for this function; only zip code can be hot-swapped")
        }
        let live = try await context.services.functions.liveCode(of: physicalID)
        if live.codeSha256 == zip.codeSha256 {
            return .noChange(physicalID: physicalID, hash: zip.codeSha256)
        }
        return .hotswap(HotswapOperation(
            target: target, physicalID: physicalID, change: .lambdaCode(functionName: physicalID, zip: zip),
            oldHash: live.codeSha256, newHash: zip.codeSha256))
    }
}
