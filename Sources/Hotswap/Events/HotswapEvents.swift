import Foundation
import Reporting

/// The plan, shown before anything is applied.
package struct HotswapPlanEvent: FerryEvent {
    /// `Root/Fn` → what is swapped, old and new hash.
    package struct Operation: Sendable, Encodable {
        package let resource: String
        package let what: String
        package let physicalID: String
        package let oldHash: String?
        package let newHash: String
    }

    /// `Root/Fn` → why it needs a deploy.
    package struct Rejection: Sendable, Encodable {
        package let resource: String
        package let resourceType: String
        package let reason: String
    }

    package let operations: [Operation]
    package let rejections: [Rejection]
    package let unchanged: [String]
    package let dryRun: Bool
    let lines: [String]

    /// The event for `plan`.
    package init(plan: HotswapPlan, dryRun: Bool) {
        operations = plan.operations.map {
            Operation(resource: $0.target.qualifiedName, what: $0.what, physicalID: $0.physicalID, oldHash: $0.oldHash, newHash: $0.newHash)
        }
        rejections = plan.rejections.map { Rejection(resource: $0.qualifiedName, resourceType: $0.resourceType, reason: $0.reason) }
        unchanged = plan.unchangedResources
        self.dryRun = dryRun
        lines = plan.rendered()
    }

    package var kind: String { "hotswap.plan" }
    package var level: EventLevel { rejections.isEmpty ? .info : .warning }
    package var message: String {
        "hot-swap plan\(dryRun ? " (dry run)" : ""): \(operations.count) to update, \(rejections.count) need a deploy, "
            + "\(unchanged.count) unchanged"
    }
    package var details: [String] { lines }

    enum CodingKeys: String, CodingKey { case operations, rejections, unchanged, dryRun }
}

/// One operation finished.
package struct HotswapOperationEvent: FerryEvent {
    package let resource: String
    package let what: String
    package let physicalID: String
    package let oldHash: String?
    package let newHash: String
    package let liveHashAfter: String?
    package let seconds: Double
    package let succeeded: Bool
    package let publishedVersion: String?
    package let error: String?
    let line: String

    /// The event for `result`.
    package init(result: HotswapResult) {
        let operation = result.operation
        resource = operation.target.qualifiedName
        what = operation.what
        physicalID = operation.physicalID
        oldHash = operation.oldHash
        newHash = operation.newHash
        liveHashAfter = result.liveHashAfter
        seconds = Double(result.duration.components.seconds) + Double(result.duration.components.attoseconds) / 1e18
        switch result.outcome {
        case .succeeded(let version):
            succeeded = true
            publishedVersion = version
            error = nil
        case .failed(let message):
            succeeded = false
            publishedVersion = nil
            error = message
        }
        line = result.summaryLine
    }

    package var kind: String { "hotswap.operation" }
    package var level: EventLevel { succeeded ? .success : .error }
    package var message: String { line }

    enum CodingKeys: String, CodingKey {
        case resource, what, physicalID, oldHash, newHash, liveHashAfter, seconds, succeeded, publishedVersion, error
    }
}

/// Every operation's result, one line each.
package struct HotswapSummaryEvent: FerryEvent {
    package let updated: Int
    package let failed: Int
    package let unchanged: Int
    let lines: [String]

    /// The summary of `results` (and the count of unchanged targets).
    package init(results: [HotswapResult], unchanged: Int) {
        updated = results.filter(\.succeeded).count
        failed = results.count - updated
        self.unchanged = unchanged
        lines = results.map(\.summaryLine)
    }

    package var kind: String { "hotswap.summary" }
    package var level: EventLevel { failed == 0 ? .success : .error }
    package var message: String {
        if updated == 0 && failed == 0 { return "nothing to hot-swap: \(unchanged) resource(s) already run the local build" }
        return "hot-swapped \(updated), failed \(failed), unchanged \(unchanged)"
    }
    package var details: [String] { lines }

    enum CodingKeys: String, CodingKey { case updated, failed, unchanged }
}

/// One resource's verification verdict.
package struct VerificationEntryEvent: FerryEvent {
    package let resource: String
    package let physicalID: String?
    /// `fresh`, `stale`, `missing`, `unverifiable`.
    package let status: String
    package let liveHash: String?
    package let localHash: String?
    package let reason: String?
    /// The settings that differ (`differs`), each `Setting: expected 'x', actual 'y'`.
    package let differences: [String]

    /// The event for `entry`.
    package init(entry: VerificationEntry) {
        resource = entry.target.qualifiedName
        physicalID = entry.physicalID
        let parts: (String, String?, String?, String?)
        var differences: [String] = []
        switch entry.status {
        case .fresh(let hash): parts = ("fresh", hash, hash, nil)
        case .stale(let live, let local): parts = ("stale", live, local, nil)
        case .differs(let found):
            parts = ("differs", nil, nil, nil)
            differences = found.map(\.line)
        case .missing: parts = ("missing", nil, nil, "not deployed")
        case .unverifiable(let why): parts = ("unverifiable", nil, nil, why)
        }
        status = parts.0
        self.differences = differences
        liveHash = parts.1
        localHash = parts.2
        reason = parts.3
    }

    package var kind: String { "verify.resource" }
    package var level: EventLevel {
        switch status {
        case "fresh": .debug
        case "unverifiable": .warning
        default: .error
        }
    }
    package var message: String {
        switch status {
        case "fresh": return "\(resource): fresh (\(HashText.short(localHash)))"
        case "differs":
            return "\(resource): configuration differs from the template (\(differences.count) setting(s))"
        case "stale": return "\(resource): STALE — runs \(HashText.short(liveHash)), local build is \(HashText.short(localHash))"
        case "missing": return "\(resource): not deployed"
        default: return "\(resource): not verified: \(reason ?? "")"
        }
    }
    package var details: [String] { differences }
}

/// The verification verdict.
package struct VerificationSummaryEvent: FerryEvent {
    package let checked: Int
    package let fresh: Int
    package let stale: [String]
    package let missing: [String]
    package let unverifiable: [String]
    /// The root stack's name when it does not exist (nothing was verified).
    package let missingStack: String?

    /// The summary of `report`.
    /// Resources are counted once although a function has two entries (code and settings).
    package init(report: VerificationReport) {
        func names(_ entries: [VerificationEntry]) -> [String] {
            var seen = Set<String>()
            return entries.map(\.target.qualifiedName).filter { seen.insert($0).inserted }
        }
        let all = names(report.entries)
        let notFresh = Set(report.entries.filter { !$0.isFresh }.map(\.target.qualifiedName))
        checked = all.count
        fresh = all.filter { !notFresh.contains($0) }.count
        stale = names(report.stale)
        missing = names(report.missing)
        unverifiable = names(report.unverifiable)
        missingStack = report.missingStack
    }

    private var verified: Bool { missingStack == nil && stale.isEmpty && missing.isEmpty && unverifiable.isEmpty }

    package var kind: String { "verify.summary" }
    package var level: EventLevel { verified ? .success : .error }
    package var message: String {
        if let missingStack {
            return "stack \(missingStack) does not exist: nothing is deployed, \(checked) resource(s) not verified"
        }
        if verified { return "all \(checked) resource(s) run the local build" }
        var parts: [String] = []
        if !stale.isEmpty { parts.append("\(stale.count) stale: \(stale.joined(separator: ", "))") }
        if !missing.isEmpty { parts.append("\(missing.count) not deployed: \(missing.joined(separator: ", "))") }
        if !unverifiable.isEmpty { parts.append("\(unverifiable.count) not verified: \(unverifiable.joined(separator: ", "))") }
        return parts.joined(separator: "; ")
    }
    package var details: [String] {
        if missingStack != nil { return ["run `ferry up` (or `ferry deploy`) to create it"] }
        var lines: [String] = []
        if !stale.isEmpty { lines.append("run `ferry update` (or `ferry deploy`) so they run the local build") }
        if !missing.isEmpty { lines.append("run `ferry deploy` to create the resources not deployed yet") }
        if !unverifiable.isEmpty { lines.append("what could not be checked is not known to run the local build; fix the cause above and run `ferry verify` again") }
        return lines
    }

    enum CodingKeys: String, CodingKey { case checked, fresh, stale, missing, unverifiable, missingStack }
}
