import AWSServices
import Foundation
import Hotswap

/// Reads every Lambda alias of a deployed stack tree (`AWS::Lambda::Alias` resources, as SAM's
/// `AutoPublishAlias` makes them, or written by hand) with the version it serves (GetAlias).
package struct AliasReader: Sendable {
    /// The deployed stack tree.
    package let resolver: PhysicalResolver
    /// The Lambda client.
    package let lambda: Lambda

    /// A reader.
    package init(resolver: PhysicalResolver, lambda: Lambda) {
        self.resolver = resolver
        self.lambda = lambda
    }

    /// Every alias of the tree (or of the stacks at `stackPaths` and those under them), sorted by
    /// function and alias; empty when the stack does not exist.
    package func aliases(under stackPaths: [String] = [StackFunctionResolver.rootStackPath]) async throws -> [AliasState] {
        var found: [AliasState] = []
        do {
            for stackPath in stackPaths { try await collect(stackPath: stackPath, into: &found) }
        } catch where CloudFormation.isStackMissing(error) {
            return []
        }
        return found.sorted { $0.key < $1.key }
    }

    private func collect(stackPath: String, into found: inout [AliasState]) async throws {
        let resources = try await resolver.resources(stackPath: stackPath)
        var functions: [String: String] = [:]
        for resource in resources.values where resource.resourceType == "AWS::Lambda::Function" {
            functions[resource.physicalID] = resource.logicalID
        }
        for resource in resources.values.sorted(by: { $0.logicalID < $1.logicalID }) {
            switch resource.resourceType {
            case "AWS::Lambda::Alias":
                guard let (functionName, aliasName) = Self.parseAliasARN(resource.physicalID) else { continue }
                let alias: AliasConfiguration
                do {
                    alias = try await lambda.getAlias(functionName, name: aliasName)
                } catch where Lambda.isResourceNotFound(error) {
                    continue
                }
                guard let version = alias.functionVersion else { continue }
                let logicalID = functions[functionName] ?? functionName
                let nested = stackPath.split(separator: "/").dropFirst().map(String.init)
                found.append(AliasState(
                    resource: (nested + [logicalID]).joined(separator: "/"), logicalID: logicalID, functionName: functionName,
                    alias: aliasName, version: version, routing: alias.routingConfig?.additionalVersionWeights ?? [:]))
            case "AWS::CloudFormation::Stack":
                try await collect(stackPath: "\(stackPath)/\(resource.logicalID)", into: &found)
            default:
                continue
            }
        }
    }

    /// `arn:aws:lambda:REGION:ACCOUNT:function:NAME:ALIAS` → (NAME, ALIAS); nil for anything else.
    package static func parseAliasARN(_ arn: String) -> (functionName: String, alias: String)? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 8, parts[0] == "arn", parts[2] == "lambda", parts[5] == "function",
              !parts[6].isEmpty, !parts[7].isEmpty else { return nil }
        return (parts[6], parts[7])
    }
}
