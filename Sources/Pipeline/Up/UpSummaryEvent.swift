import Foundation
import Hotswap
import Reporting

/// The end of `ferry up`: the path taken, the time of each phase, and the verification verdict.
package struct UpSummaryEvent: FerryEvent {
    /// One phase's wall time.
    package struct PhaseTime: Sendable, Encodable, Equatable {
        /// `build`, `package`, `plan`, `deploy`, `hotswap` or `verify`.
        package let phase: String
        /// Seconds.
        package var seconds: Double
    }

    /// `nothing`, `hotswap`, `cloudFormation` or `dryRun`.
    package let path: UpPhase.Path
    package let environment: String
    package let stackName: String
    package let phases: [PhaseTime]
    package let totalSeconds: Double
    /// How many resources were hot-swapped or changed by the deploy, per the plan.
    package let changed: Int
    /// Resources verification found stale or not deployed.
    package let stale: [String]
    /// Resources verification could not check (or every resource, when the stack does not exist).
    package let unverified: [String]
    package let failed: Bool
    /// The phase that failed (`build`, `package`, `plan`, `deploy`, `hotswap`, `verify`), when one did.
    package let failedPhase: String?
    /// The stacks `--stack` limited build, hot-swap and verify to; empty for the whole tree.
    package let selection: [String]

    /// The summary.
    package init(path: UpPhase.Path, plan: DeploymentPlan, timings: [PhaseTime], verification: VerificationReport?,
                failedPhase: String? = nil) {
        self.path = path
        environment = plan.environment
        stackName = plan.stackName
        phases = timings
        totalSeconds = timings.reduce(0) { $0 + $1.seconds }
        changed = plan.code?.operations.count ?? 0
        // A function has two entries (code and settings): each name is said once.
        func once(_ entries: [VerificationEntry]) -> [String] {
            var seen = Set<String>()
            return entries.map(\.target.qualifiedName).filter { seen.insert($0).inserted }
        }
        if verification?.missingStack != nil {
            stale = []
            unverified = once(verification?.entries ?? [])
        } else {
            stale = once((verification?.stale ?? []) + (verification?.missing ?? []))
            unverified = once(verification?.unverifiable ?? [])
        }
        missingStack = verification?.missingStack
        self.failed = failedPhase != nil
        self.failedPhase = failedPhase
        selection = plan.selection
    }

    package var kind: String { "up.summary" }
    /// The root stack's name when verification found it does not exist.
    package let missingStack: String?

    package var level: EventLevel { failed || !stale.isEmpty || !unverified.isEmpty || missingStack != nil ? .error : .success }

    package var message: String {
        let times = phases.map { "\($0.phase) \(String(format: "%.1f", $0.seconds))s" }.joined(separator: ", ")
        let verdict = failed ? "FAILED: " : !stale.isEmpty ? "STALE after up: "
            : (missingStack != nil || !unverified.isEmpty) ? "NOT VERIFIED after up: " : ""
        let scope = selection.isEmpty ? "" : " --stack \(selection.joined(separator: ", "))"
        return "\(verdict)\(stackName)\(scope) (\(environment)): \(what) in \(String(format: "%.1f", totalSeconds))s (\(times))"
    }

    /// What happened, in words that are true for the phase reached: a failure before the deploy or
    /// hot-swap never says it deployed.
    private var what: String {
        switch (path, failedPhase) {
        case (.cloudFormation, "deploy"): return "the CloudFormation deploy failed"
        case (.hotswap, "hotswap"): return "the hot-swap failed"
        case (.cloudFormation, "verify"): return "deployed through CloudFormation, then verification failed"
        case (.hotswap, "verify"): return "hot-swapped \(changed) resource(s), then verification failed"
        case (_, let phase?): return "\(phase) failed, nothing was deployed"
        case (.nothing, nil): return "up to date, nothing to do"
        case (.hotswap, nil): return "hot-swapped \(changed) resource(s)"
        case (.cloudFormation, nil): return "deployed through CloudFormation"
        case (.dryRun, nil): return "planned only (dry run)"
        }
    }

    package var details: [String] {
        var lines: [String] = []
        if !stale.isEmpty { lines.append("still not running the local build: \(stale.joined(separator: ", "))") }
        if let missingStack { lines.append("stack \(missingStack) does not exist after up: nothing could be verified") }
        else if !unverified.isEmpty { lines.append("not verified: \(unverified.joined(separator: ", "))") }
        return lines
    }

    enum CodingKeys: String, CodingKey {
        case path, environment, stackName, phases, totalSeconds, changed, stale, unverified, failed, failedPhase, selection, missingStack
    }
}
