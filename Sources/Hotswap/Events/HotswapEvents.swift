import Foundation
import Reporting

/// The plan, shown before anything is applied.
public struct HotswapPlanEvent: FerryEvent {
    /// `Root/Fn` → what is swapped, old and new hash.
    public struct Operation: Sendable, Encodable {
        public let resource: String
        public let what: String
        public let physicalID: String
        public let oldHash: String?
        public let newHash: String
    }

    /// `Root/Fn` → why it needs a deploy.
    public struct Rejection: Sendable, Encodable {
        public let resource: String
        public let resourceType: String
        public let reason: String
    }

    public let operations: [Operation]
    public let rejections: [Rejection]
    public let unchanged: [String]
    public let dryRun: Bool
    let lines: [String]

    /// The event for `plan`.
    public init(plan: HotswapPlan, dryRun: Bool) {
        operations = plan.operations.map {
            Operation(resource: $0.target.qualifiedName, what: $0.what, physicalID: $0.physicalID, oldHash: $0.oldHash, newHash: $0.newHash)
        }
        rejections = plan.rejections.map { Rejection(resource: $0.qualifiedName, resourceType: $0.resourceType, reason: $0.reason) }
        unchanged = plan.unchangedResources
        self.dryRun = dryRun
        lines = plan.rendered()
    }

    public var kind: String { "hotswap.plan" }
    public var level: EventLevel { rejections.isEmpty ? .info : .warning }
    public var message: String {
        "hot-swap plan\(dryRun ? " (dry run)" : ""): \(operations.count) to update, \(rejections.count) need a deploy, "
            + "\(unchanged.count) unchanged"
    }
    public var details: [String] { lines }

    enum CodingKeys: String, CodingKey { case operations, rejections, unchanged, dryRun }
}

/// One operation finished.
public struct HotswapOperationEvent: FerryEvent {
    public let resource: String
    public let what: String
    public let physicalID: String
    public let oldHash: String?
    public let newHash: String
    public let liveHashAfter: String?
    public let seconds: Double
    public let succeeded: Bool
    public let publishedVersion: String?
    public let error: String?
    let line: String

    /// The event for `result`.
    public init(result: HotswapResult) {
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

    public var kind: String { "hotswap.operation" }
    public var level: EventLevel { succeeded ? .success : .error }
    public var message: String { line }

    enum CodingKeys: String, CodingKey {
        case resource, what, physicalID, oldHash, newHash, liveHashAfter, seconds, succeeded, publishedVersion, error
    }
}

/// Every operation's result, one line each.
public struct HotswapSummaryEvent: FerryEvent {
    public let updated: Int
    public let failed: Int
    public let unchanged: Int
    let lines: [String]

    /// The summary of `results` (and the count of unchanged targets).
    public init(results: [HotswapResult], unchanged: Int) {
        updated = results.filter(\.succeeded).count
        failed = results.count - updated
        self.unchanged = unchanged
        lines = results.map(\.summaryLine)
    }

    public var kind: String { "hotswap.summary" }
    public var level: EventLevel { failed == 0 ? .success : .error }
    public var message: String {
        if updated == 0 && failed == 0 { return "nothing to hot-swap: \(unchanged) resource(s) already run the local build" }
        return "hot-swapped \(updated), failed \(failed), unchanged \(unchanged)"
    }
    public var details: [String] { lines }

    enum CodingKeys: String, CodingKey { case updated, failed, unchanged }
}

/// One resource's verification verdict.
public struct VerificationEntryEvent: FerryEvent {
    public let resource: String
    public let physicalID: String?
    /// `fresh`, `stale`, `missing`, `unverifiable`.
    public let status: String
    public let liveHash: String?
    public let localHash: String?
    public let reason: String?
    /// The settings that differ (`differs`), each `Setting: expected 'x', actual 'y'`.
    public let differences: [String]

    /// The event for `entry`.
    public init(entry: VerificationEntry) {
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

    public var kind: String { "verify.resource" }
    public var level: EventLevel {
        switch status {
        case "fresh": .debug
        case "unverifiable": .warning
        default: .error
        }
    }
    public var message: String {
        switch status {
        case "fresh": return "\(resource): fresh (\(HashText.short(localHash)))"
        case "differs":
            return "\(resource): configuration differs from the template (\(differences.count) setting(s))"
        case "stale": return "\(resource): STALE — runs \(HashText.short(liveHash)), local build is \(HashText.short(localHash))"
        case "missing": return "\(resource): not deployed"
        default: return "\(resource): not verified: \(reason ?? "")"
        }
    }
    public var details: [String] { differences }
}

/// The verification verdict.
public struct VerificationSummaryEvent: FerryEvent {
    public let checked: Int
    public let fresh: Int
    public let stale: [String]
    public let missing: [String]
    public let unverifiable: [String]
    /// The root stack's name when it does not exist (nothing was verified).
    public let missingStack: String?

    /// The summary of `report`.
    /// Resources are counted once although a function has two entries (code and settings).
    public init(report: VerificationReport) {
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

    public var kind: String { "verify.summary" }
    public var level: EventLevel { verified ? .success : .error }
    public var message: String {
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
    public var details: [String] {
        if missingStack != nil { return ["run `ferry up` (or `ferry deploy`) to create it"] }
        var lines: [String] = []
        if !stale.isEmpty { lines.append("run `ferry update` (or `ferry deploy`) so they run the local build") }
        if !missing.isEmpty { lines.append("run `ferry deploy` to create the resources not deployed yet") }
        if !unverifiable.isEmpty { lines.append("what could not be checked is not known to run the local build; fix the cause above and run `ferry verify` again") }
        return lines
    }

    enum CodingKeys: String, CodingKey { case checked, fresh, stale, missing, unverifiable, missingStack }
}
