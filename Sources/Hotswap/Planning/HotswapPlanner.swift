import Foundation
import Templates

/// Classifies every target (and every template change) before anything is applied.
package struct HotswapPlanner: Sendable {
    /// The detectors, one per resource family.
    package let detectors: [any HotswapDetector]
    /// Live state and physical IDs.
    package let context: DetectionContext
    /// The most classifications at once.
    package let concurrency: Int

    /// A planner; `concurrency` is at least 1.
    package init(context: DetectionContext, detectors: [any HotswapDetector] = HotswapDetectors.standard, concurrency: Int = 10) {
        self.context = context
        self.detectors = detectors
        self.concurrency = max(1, concurrency)
    }

    /// The detector for `resourceType`, if any.
    package func detector(for resourceType: String) -> (any HotswapDetector)? {
        detectors.first { $0.resourceTypes.contains(resourceType) }
    }

    /// The plan for `targets`.
    ///
    /// - Parameter templateChanges: per stack path, how the local template differs from the
    ///   deployed one. A resource added, removed, or changed outside its detector's hot-swappable
    ///   properties is rejected (its target is not classified).
    package func plan(targets: [HotswapTarget], templateChanges: [String: [ResourceDifference]] = [:]) async -> HotswapPlan {
        var plan = HotswapPlan()
        var rejected = Set<String>()
        for stackPath in templateChanges.keys.sorted() {
            for difference in templateChanges[stackPath] ?? [] {
                guard let reason = rejection(for: difference) else { continue }
                plan.rejections.append(HotswapRejection(
                    stackPath: stackPath, logicalID: difference.logicalID, resourceType: difference.resourceType, reason: reason))
                rejected.insert("\(stackPath)/\(difference.logicalID.rawValue)")
            }
        }
        let remaining = targets.filter { !rejected.contains($0.qualifiedName) }
        let results = await classifyAll(remaining)
        for (target, result) in zip(remaining, results) {
            switch result {
            case .noChange(let physicalID, let hash):
                plan.unchanged.append(UnchangedResource(target: target, physicalID: physicalID, hash: hash))
            case .hotswap(let operation):
                plan.operations.append(operation)
            case .rejected(let reason):
                plan.rejections.append(HotswapRejection(
                    stackPath: target.stackPath, logicalID: target.logicalID, resourceType: target.resourceType, reason: reason))
            case .cannotEvaluate(let failure):
                plan.rejections.append(HotswapRejection(
                    stackPath: target.stackPath, logicalID: target.logicalID, resourceType: target.resourceType,
                    reason: "cannot be evaluated locally (\(failure)): CloudFormation deploys it", unevaluable: failure))
            }
        }
        return plan
    }

    /// Why a template difference cannot be hot-swapped, or nil when its detector can swap it.
    package func rejection(for difference: ResourceDifference) -> String? {
        switch difference.change {
        case .added:
            return "new resource: CloudFormation must create it"
        case .removed:
            return "removed from the template: CloudFormation must delete it"
        case .modified(let all):
            // A local path against the S3 location packaging made of it is not a change by itself:
            // code is compared by hash, nested templates by their own differences.
            let properties = all.filter { !Self.isPackagingOnly($0) }
            guard !properties.isEmpty else { return nil }
            guard let detector = detector(for: difference.resourceType) else {
                let paths = properties.map(\.dottedPath).prefix(3).joined(separator: ", ")
                return "\(difference.resourceType) cannot be hot-swapped (changed: \(paths))"
            }
            let blocked = properties.filter { !detector.allows(changeAt: $0.path) }
            guard !blocked.isEmpty else { return nil }
            let paths = blocked.map(\.dottedPath).prefix(3).joined(separator: ", ")
            return "\(paths) changed; only \(detector.hotswappableProperties.joined(separator: ", ")) can be hot-swapped"
        }
    }

    /// Whether a difference is only a local path (new) against a packaged S3 location (old).
    package static func isPackagingOnly(_ property: PropertyDifference) -> Bool {
        guard let local = property.newValue?.stringValue, !local.hasPrefix("s3://"), !local.hasPrefix("https://"),
              !local.hasPrefix("http://"), let old = property.oldValue else { return false }
        if let text = old.stringValue { return text.hasPrefix("s3://") || text.hasPrefix("https://") || text.hasPrefix("http://") }
        if let map = old.mapValue { return map["S3Bucket"] != nil || map["Bucket"] != nil }
        return false
    }

    /// One classification per target, in order, at most `concurrency` at once.
    func classifyAll(_ targets: [HotswapTarget]) async -> [HotswapClassification] {
        await prefetchFunctions(of: targets)
        return await BoundedTasks.map(targets, concurrency: concurrency) { target in
            await classify(target)
        }
    }

    /// Lists the Lambda functions of `targets` ahead of their reads, when the context's services
    /// share reads and listing is cheaper (one ListFunctions page per 50 functions).
    package func prefetchFunctions(of targets: [HotswapTarget]) async {
        guard context.services.reads != nil else { return }
        let functions = targets.filter { detector(for: $0.resourceType) is LambdaCodeDetector }
        let resolver = context.resolver
        let names = await BoundedTasks.map(functions, concurrency: concurrency) { target in
            try? await resolver.physicalID(of: target)
        }
        await context.services.prefetch(functions: Set(names.compactMap { $0 }), concurrency: concurrency)
    }

    /// The classification of one target; errors reading live state become rejections.
    package func classify(_ target: HotswapTarget) async -> HotswapClassification {
        guard let detector = detector(for: target.resourceType) else {
            return .rejected(reason: "\(target.resourceType) cannot be hot-swapped")
        }
        do {
            let physicalID = try await context.resolver.physicalID(of: target)
            return try await detector.classify(target, physicalID: physicalID, context: context)
        } catch let error as HotswapError where error.isNotDeployed {
            return .rejected(reason: "not deployed yet: CloudFormation must create it")
        } catch {
            return .rejected(reason: "could not read the live resource: \(error)")
        }
    }
}

/// Runs work on many items with a bound on how many run at once, keeping the items' order.
package enum BoundedTasks {
    /// `transform` applied to every item, at most `concurrency` at a time; results in item order.
    package static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], concurrency: Int, _ transform: @escaping @Sendable (Item) async -> Result
    ) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: items.count)
            var next = 0
            func startNext() {
                guard next < items.count else { return }
                let index = next
                let item = items[index]
                group.addTask { (index, await transform(item)) }
                next += 1
            }
            for _ in 0..<min(max(1, concurrency), items.count) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                startNext()
            }
            return results.map { $0! }
        }
    }
}
