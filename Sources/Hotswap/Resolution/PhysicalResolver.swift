import AWSServices
import Foundation
import Synchronization

/// The deployed resources of one stack (ListStackResources in AWS; a fake in tests).
package protocol StackResourceLister: Sendable {
    /// Every live resource of `stackName` (a name or an ARN).
    func deployedResources(ofStack stackName: String) async throws -> [DeployedResource]
    /// The deployed parameter values of `stackName` (empty when not known).
    func deployedParameters(ofStack stackName: String) async throws -> [String: String]
}

extension StackResourceLister {
    /// No parameters known.
    package func deployedParameters(ofStack stackName: String) async throws -> [String: String] { [:] }
}

/// Lists a stack's resources with CloudFormation ListStackResources.
package struct CloudFormationResourceLister: StackResourceLister {
    /// The CloudFormation client.
    package let cloudFormation: CloudFormation

    /// A lister calling `cloudFormation`.
    package init(cloudFormation: CloudFormation) { self.cloudFormation = cloudFormation }

    /// Every resource with a physical ID that is not deleted.
    package func deployedResources(ofStack stackName: String) async throws -> [DeployedResource] {
        try await cloudFormation.listStackResources(stackName).compactMap { summary in
            guard let physical = summary.physicalResourceId, !physical.isEmpty,
                  summary.resourceStatus != "DELETE_COMPLETE" else { return nil }
            return DeployedResource(logicalID: summary.logicalResourceId, physicalID: physical,
                                    resourceType: summary.resourceType)
        }
    }

    /// The stack's parameters from DescribeStacks (`NoEcho` values, shown as `****`, left out).
    package func deployedParameters(ofStack stackName: String) async throws -> [String: String] {
        guard let stack = try await cloudFormation.describeStack(stackName) else { return [:] }
        var values: [String: String] = [:]
        for parameter in stack.parameters.member {
            guard let key = parameter.parameterKey, let value = parameter.parameterValue, value != "****" else { continue }
            values[key] = value
        }
        return values
    }
}

/// One deployed resource: what CloudFormation calls it and what AWS calls it.
package struct DeployedResource: Sendable, Hashable {
    /// The logical ID in its stack.
    package var logicalID: String
    /// The physical ID (function name, state machine ARN, nested stack ARN or name, ...).
    package var physicalID: String
    /// The resource type.
    package var resourceType: String

    /// A deployed resource.
    package init(logicalID: String, physicalID: String, resourceType: String) {
        self.logicalID = logicalID
        self.physicalID = physicalID
        self.resourceType = resourceType
    }
}

/// Maps stack path + logical ID to the physical resource ID, following nested stacks.
///
/// The first component of a stack path is the root stack (named `rootStackName` in AWS); each
/// further component is the logical ID of an `AWS::CloudFormation::Stack` in its parent, whose
/// PhysicalResourceId is the child stack's ARN on AWS and its name in the local emulator (both are
/// accepted by ListStackResources). Each stack is listed once per resolver.
package final class PhysicalResolver: Sendable {
    private let lister: any StackResourceLister
    /// The root stack's name.
    package let rootStackName: String
    private let cache = Mutex<[String: Task<[String: DeployedResource], any Error>]>([:])
    private let parameterCache = Mutex<[String: Task<[String: String], any Error>]>([:])

    /// A resolver for the stack tree under `rootStackName`.
    package init(rootStackName: String, lister: any StackResourceLister) {
        self.rootStackName = rootStackName
        self.lister = lister
    }

    /// The physical ID of `logicalID` in the stack at `stackPath`.
    /// - Throws: `HotswapError` when the resource or a nested stack on the path is not deployed.
    package func physicalID(stackPath: String, logicalID: String) async throws -> String {
        try await resource(stackPath: stackPath, logicalID: logicalID).physicalID
    }

    /// The deployed resource `logicalID` in the stack at `stackPath`.
    package func resource(stackPath: String, logicalID: String) async throws -> DeployedResource {
        let stack = try await stackName(for: stackPath)
        guard let found = try await resources(ofStack: stack)[logicalID] else {
            throw HotswapError.stackResourceMissing(stack: "\(stack) (\(stackPath))", logicalID: logicalID)
        }
        return found
    }

    /// Every resource of the stack at `stackPath`, by logical ID.
    package func resources(stackPath: String) async throws -> [String: DeployedResource] {
        try await resources(ofStack: try await stackName(for: stackPath))
    }

    /// The deployed parameter values of the stack at `stackPath` (read once per resolver).
    package func parameters(stackPath: String) async throws -> [String: String] {
        let stack = try await stackName(for: stackPath)
        let task = parameterCache.withLock { tasks in
            if let existing = tasks[stack] { return existing }
            let lister = self.lister
            let created = Task { () throws -> [String: String] in try await lister.deployedParameters(ofStack: stack) }
            tasks[stack] = created
            return created
        }
        return try await task.value
    }

    /// The name (or ARN) to call the stack at `stackPath` by.
    package func stackName(for stackPath: String) async throws -> String {
        let components = stackPath.split(separator: "/").map(String.init)
        var current = rootStackName
        var walked = components.first ?? ""
        for component in components.dropFirst() {
            let children = try await resources(ofStack: current)
            guard let child = children[component], !child.physicalID.isEmpty else {
                throw HotswapError.nestedStackMissing(stackPath: walked, logicalID: component)
            }
            current = child.physicalID
            walked += "/\(component)"
        }
        return current
    }

    private func resources(ofStack stack: String) async throws -> [String: DeployedResource] {
        let task = cache.withLock { tasks in
            if let existing = tasks[stack] { return existing }
            let lister = self.lister
            let created = Task { () throws -> [String: DeployedResource] in
                let resources = try await lister.deployedResources(ofStack: stack)
                return Dictionary(resources.map { ($0.logicalID, $0) }, uniquingKeysWith: { _, last in last })
            }
            tasks[stack] = created
            return created
        }
        return try await task.value
    }
}
