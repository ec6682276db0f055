import Foundation
import Templates

/// What a detector may use to classify a target.
package struct DetectionContext: Sendable {
    /// The services to read live state from.
    package var services: HotswapServices
    /// Stack path + logical ID → physical ID.
    package var resolver: PhysicalResolver

    /// A context.
    package init(services: HotswapServices, resolver: PhysicalResolver) {
        self.services = services
        self.resolver = resolver
    }
}

/// Decides, for one resource type, whether a target runs the local build, can be hot-swapped, or
/// needs CloudFormation. Detectors only read; the applier writes.
package protocol HotswapDetector: Sendable {
    /// The resource types this detector handles.
    var resourceTypes: Set<String> { get }
    /// The property paths (under `Properties`) that may change without CloudFormation, e.g. `Code`,
    /// `CodeUri`; a template change anywhere else is rejected.
    var hotswappableProperties: [String] { get }
    /// Whether a template difference at `path` (from the resource body) is one this detector can
    /// swap; by default, any change below one of ``hotswappableProperties``.
    func allows(changeAt path: [String]) -> Bool
    /// Compares the local build of `target` with the live resource `physicalID`.
    func classify(_ target: HotswapTarget, physicalID: String, context: DetectionContext) async throws -> HotswapClassification
}

extension HotswapDetector {
    /// Whether a template difference at `path` (from the resource body, e.g. `Properties.CodeUri.Key`)
    /// is one this detector can swap.
    package func allows(changeAt path: [String]) -> Bool {
        guard path.first == "Properties", path.count >= 2 else { return false }
        let property = path[1]
        return hotswappableProperties.contains(property)
    }
}

/// The detectors Ferry ships, one per resource family.
package enum HotswapDetectors {
    /// Lambda code and settings, layers, Step Functions definitions, AppSync resolvers, functions
    /// and schema (also those of a SAM GraphQLApi).
    package static let standard: [any HotswapDetector] = [
        LambdaCodeDetector(), LayerVersionDetector(), StateMachineDefinitionDetector(), AppSyncResolverCodeDetector(),
        AppSyncFunctionCodeDetector(), AppSyncSchemaDetector(), ServerlessGraphQLApiDetector(),
    ]
}
