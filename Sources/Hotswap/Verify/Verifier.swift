import Foundation
import Templates

/// How one deployed resource compares with the local build.
package enum VerificationStatus: Sendable, Hashable {
    /// Runs the local build.
    case fresh(hash: String)
    /// Runs something else: `live` is what runs, `local` what was built.
    case stale(live: String?, local: String)
    /// A function whose settings (state, environment, handler, runtime, architecture, memory,
    /// timeout) differ from its template: each difference with expected and actual values.
    case differs([SettingDifference])
    /// Not deployed (a new resource, or its stack is missing).
    case missing
    /// Could not be compared (unsupported type, unresolvable definition, an error reading it).
    case unverifiable(reason: String)
}

/// One line of a verification report.
package struct VerificationEntry: Sendable, Hashable {
    /// The target checked.
    package var target: HotswapTarget
    /// Its physical ID, when deployed.
    package var physicalID: String?
    /// The verdict.
    package var status: VerificationStatus

    /// An entry.
    package init(target: HotswapTarget, physicalID: String?, status: VerificationStatus) {
        self.target = target
        self.physicalID = physicalID
        self.status = status
    }

    /// Whether it runs the local build.
    package var isFresh: Bool {
        if case .fresh = status { return true }
        return false
    }
}

/// Every target's verdict.
package struct VerificationReport: Sendable, Hashable {
    /// One entry per target, in target order.
    package var entries: [VerificationEntry]
    /// The root stack's name when it does not exist: nothing could be verified (the entries are
    /// all `missing`), and the cause is said once.
    package var missingStack: String?

    /// A report.
    package init(entries: [VerificationEntry], missingStack: String? = nil) {
        self.entries = entries
        self.missingStack = missingStack
    }

    /// Entries running something other than the local build.
    package var stale: [VerificationEntry] {
        entries.filter {
            switch $0.status {
            case .stale, .differs: true
            default: false
            }
        }
    }

    /// Entries not deployed.
    package var missing: [VerificationEntry] { entries.filter { $0.status == .missing } }

    /// Entries that could not be compared.
    package var unverifiable: [VerificationEntry] {
        entries.filter { if case .unverifiable = $0.status { return true } else { return false } }
    }

    /// Whether everything deployed runs the local build (nothing stale, missing or unverifiable).
    package var allFresh: Bool { entries.allSatisfy(\.isFresh) }

    /// Functions whose invocation (`ferry verify --invoke`) failed, each with why.
    package var failedInvocations: [String] = []

    /// Whether everything was verified: the stack exists, every entry is fresh and no invocation
    /// failed. Anything else (stale, missing, not checkable) makes `ferry verify` and `ferry up` exit 1.
    package var isVerified: Bool { missingStack == nil && allFresh && failedInvocations.isEmpty }

    /// Reasons shared by more than one entry that could not be checked, each with the resources
    /// it stopped, in order of first appearance: said once instead of once per resource.
    package var sharedCauses: [(reason: String, resources: [String])] {
        var order: [String] = []
        var resources: [String: [String]] = [:]
        for entry in unverifiable {
            guard case .unverifiable(let reason) = entry.status else { continue }
            let key = Self.withoutRequestID(reason)
            if resources[key] == nil { order.append(key) }
            // A function's code and settings are two targets of one resource: named once.
            if resources[key]?.contains(entry.target.qualifiedName) != true {
                resources[key, default: []].append(entry.target.qualifiedName)
            }
        }
        return order.compactMap { key in
            let names = resources[key] ?? []
            return names.count > 1 ? (key, names) : nil
        }
    }

    /// `... (request ID abc)` without the request ID, which differs per call.
    static func withoutRequestID(_ reason: String) -> String {
        guard let range = reason.range(of: #" \(request ID [^)]*\)"#, options: .regularExpression) else { return reason }
        var text = reason
        text.removeSubrange(range)
        return text
    }
}

/// Compares every deployed function and definition with the local build; reads only.
package struct Verifier: Sendable {
    /// The planner whose detectors compare.
    package let planner: HotswapPlanner

    /// A verifier using `planner`'s detectors, context and concurrency.
    package init(planner: HotswapPlanner) { self.planner = planner }

    /// The report for `targets`.
    package func verify(_ targets: [HotswapTarget]) async -> VerificationReport {
        let planner = self.planner
        await planner.prefetchFunctions(of: targets)
        let entries = await BoundedTasks.map(targets, concurrency: planner.concurrency) { target in
            await Self.verify(target, planner: planner)
        }
        return VerificationReport(entries: entries)
    }

    static func verify(_ target: HotswapTarget, planner: HotswapPlanner) async -> VerificationEntry {
        guard let detector = planner.detector(for: target.resourceType) else {
            return VerificationEntry(target: target, physicalID: nil,
                                     status: .unverifiable(reason: "\(target.resourceType) is not checked"))
        }
        let physicalID: String
        do {
            physicalID = try await planner.context.resolver.physicalID(of: target)
        } catch let error as HotswapError where error.isNotDeployed {
            return VerificationEntry(target: target, physicalID: nil, status: .missing)
        } catch {
            return VerificationEntry(target: target, physicalID: nil, status: .unverifiable(reason: "\(error)"))
        }
        if case .functionConfiguration(let settings) = target.artifact {
            do {
                let differences = try await FunctionSettingsComparison.differences(
                    target, settings: settings, physicalID: physicalID, context: planner.context)
                return VerificationEntry(target: target, physicalID: physicalID,
                                         status: differences.isEmpty ? .fresh(hash: "settings") : .differs(differences))
            } catch {
                return VerificationEntry(target: target, physicalID: physicalID, status: .unverifiable(reason: "\(error)"))
            }
        }
        do {
            switch try await detector.classify(target, physicalID: physicalID, context: planner.context) {
            case .noChange(_, let hash):
                return VerificationEntry(target: target, physicalID: physicalID, status: .fresh(hash: hash))
            case .hotswap(let operation):
                return VerificationEntry(target: target, physicalID: physicalID,
                                         status: .stale(live: operation.oldHash, local: operation.newHash))
            case .rejected(let reason):
                return VerificationEntry(target: target, physicalID: physicalID, status: .unverifiable(reason: reason))
            case .cannotEvaluate(let failure):
                return VerificationEntry(target: target, physicalID: physicalID,
                                         status: .unverifiable(reason: "cannot be evaluated locally: \(failure)"))
            }
        } catch {
            return VerificationEntry(target: target, physicalID: physicalID, status: .unverifiable(reason: "\(error)"))
        }
    }
}
