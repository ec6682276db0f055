import AWSServices
import Foundation
import Hotswap

/// Finds a function's own log group (`LoggingConfig.LogGroup`); nil means Lambda's default.
package protocol FunctionLogGroupLookup: Sendable {
    /// The configured log group of `functionName`, or nil when it uses `/aws/lambda/<name>`.
    func configuredLogGroup(ofFunction functionName: String) async -> String?
}

/// Reads `LoggingConfig.LogGroup` with Lambda GetFunctionConfiguration; any failure means the default.
package struct LambdaLogGroupLookup: FunctionLogGroupLookup {
    /// The Lambda client.
    package let lambda: Lambda

    /// A lookup calling `lambda`.
    package init(lambda: Lambda) { self.lambda = lambda }

    package func configuredLogGroup(ofFunction functionName: String) async -> String? {
        let group = try? await lambda.getFunctionConfiguration(functionName).loggingConfig?.logGroup
        return group.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Every Lambda function of a deployed stack and its nested stacks (ListStackResources, recursively,
/// through the hot-swap `PhysicalResolver`).
package struct StackFunctionResolver: Sendable {
    /// The resolver of the deployed stack tree.
    package let resolver: PhysicalResolver
    /// Where each function's log group comes from.
    package let logGroups: any FunctionLogGroupLookup

    /// A resolver.
    package init(resolver: PhysicalResolver, logGroups: any FunctionLogGroupLookup) {
        self.resolver = resolver
        self.logGroups = logGroups
    }

    /// The stack path of the root stack.
    package static let rootStackPath = "Root"

    /// Every function of the tree, sorted by display name.
    /// - Throws: `OperateError.stackNotDeployed` when the root stack does not exist.
    package func functions() async throws -> [StackFunction] {
        var found: [StackFunction] = []
        do {
            try await collect(stackPath: Self.rootStackPath, into: &found)
        } catch where CloudFormation.isStackMissing(error) {
            throw OperateError.stackNotDeployed(resolver.rootStackName)
        }
        let lookup = logGroups
        let withGroups = await withTaskGroup(of: (Int, String?).self) { group in
            for (index, function) in found.enumerated() {
                group.addTask { (index, await lookup.configuredLogGroup(ofFunction: function.functionName)) }
            }
            var result = found
            for await (index, configured) in group where configured != nil {
                result[index].logGroupName = configured!
            }
            return result
        }
        return withGroups.sorted { $0.displayName < $1.displayName }
    }

    private func collect(stackPath: String, into found: inout [StackFunction]) async throws {
        let resources = try await resolver.resources(stackPath: stackPath)
        for resource in resources.values.sorted(by: { $0.logicalID < $1.logicalID }) {
            switch resource.resourceType {
            case "AWS::Lambda::Function":
                found.append(StackFunction(logicalID: resource.logicalID, stackPath: stackPath, functionName: resource.physicalID))
            case "AWS::CloudFormation::Stack":
                try await collect(stackPath: "\(stackPath)/\(resource.logicalID)", into: &found)
            default:
                continue
            }
        }
    }
}
