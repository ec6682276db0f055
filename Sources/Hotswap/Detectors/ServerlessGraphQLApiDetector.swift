import Foundation
import Templates

/// Which template changes of a SAM `AWS::Serverless::GraphQLApi` a hot-swap can make: its schema
/// (`SchemaUri`, `SchemaInline`) and the code of its functions and resolvers (`CodeUri`,
/// `InlineCode`). The swaps themselves are made on the AppSync resources SAM generates (see
/// ``GraphQLApiTargets``), by the AppSync detectors; this detector only judges the differences.
package struct ServerlessGraphQLApiDetector: HotswapDetector {
    package var resourceTypes: Set<String> { [GraphQLApiTargets.resourceType] }
    package var hotswappableProperties: [String] {
        ["SchemaUri", "SchemaInline", "Functions.*.CodeUri", "Functions.*.InlineCode", "Resolvers.*.*.CodeUri",
         "Resolvers.*.*.InlineCode"]
    }

    /// A detector.
    package init() {}

    /// Allows the schema, and the code of one function (`Properties.Functions.F.CodeUri`) or one
    /// resolver (`Properties.Resolvers.Type.R.CodeUri`).
    package func allows(changeAt path: [String]) -> Bool {
        guard path.first == "Properties", path.count >= 2 else { return false }
        let codeKeys: Set<String> = ["CodeUri", "InlineCode"]
        switch path[1] {
        case "SchemaUri", "SchemaInline": return path.count == 2
        case "Functions": return path.count == 4 && codeKeys.contains(path[3])
        case "Resolvers": return path.count == 5 && codeKeys.contains(path[4])
        default: return false
        }
    }

    package func classify(_ target: HotswapTarget, physicalID: String, context: DetectionContext) async throws -> HotswapClassification {
        .rejected(reason: "the GraphQL API is hot-swapped through the AppSync resources SAM generates from it")
    }
}
