import Foundation

/// Every target classified before anything is applied: what will be swapped, what cannot be,
/// and what is already fresh.
package struct HotswapPlan: Sendable, Hashable {
    /// The changes to apply, in target order.
    package var operations: [HotswapOperation]
    /// Changes that need a CloudFormation deploy.
    package var rejections: [HotswapRejection]
    /// Targets already equal to the local build.
    package var unchanged: [UnchangedResource]

    /// A plan.
    package init(operations: [HotswapOperation] = [], rejections: [HotswapRejection] = [],
                unchanged: [UnchangedResource] = []) {
        self.operations = operations
        self.rejections = rejections
        self.unchanged = unchanged
    }

    /// The resources (`Root/Fn`) all of whose targets are unchanged, each once: a function's code
    /// and settings are two targets but one resource.
    package var unchangedResources: [String] {
        let touched = Set(operations.map(\.target.qualifiedName) + rejections.map(\.qualifiedName))
        var seen = Set<String>()
        return unchanged.map(\.target.qualifiedName).filter { !touched.contains($0) && seen.insert($0).inserted }
    }

    /// Nothing to swap and nothing rejected: what runs is what was built.
    package var isEmpty: Bool { operations.isEmpty && rejections.isEmpty }

    /// The plan as lines for people: one per operation, rejection and (optionally) unchanged target.
    package func rendered(includingUnchanged: Bool = false) -> [String] {
        var lines: [String] = []
        for operation in operations {
            lines.append("~ \(operation.target.qualifiedName) (\(operation.what)): "
                + "\(HashText.short(operation.oldHash)) → \(HashText.short(operation.newHash))")
        }
        for rejection in rejections {
            lines.append("! \(rejection.qualifiedName) (\(rejection.resourceType)): \(rejection.reason)")
        }
        if includingUnchanged {
            for resource in unchanged {
                lines.append("= \(resource.target.qualifiedName): \(HashText.short(resource.hash))")
            }
        }
        if lines.isEmpty { lines.append("nothing to hot-swap: every resource runs the local build") }
        return lines
    }
}

/// Shortened hashes for messages.
package enum HashText {
    /// The first 12 characters of `hash`, or `none` when nil or empty.
    package static func short(_ hash: String?) -> String {
        guard let hash, !hash.isEmpty else { return "none" }
        return hash.count > 12 ? String(hash.prefix(12)) : hash
    }
}
