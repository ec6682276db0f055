import Foundation
import Hotswap
import Reporting

/// The end of `ferry up`: the path taken, the time of each phase, and the verification verdict.
public struct UpSummaryEvent: FerryEvent {
    /// One phase's wall time.
    public struct PhaseTime: Sendable, Encodable, Equatable {
        /// `build`, `package`, `plan`, `deploy`, `hotswap` or `verify`.
        public let phase: String
        /// Seconds.
        public var seconds: Double
    }

    /// `nothing`, `hotswap`, `cloudFormation` or `dryRun`.
    public let path: UpPhase.Path
    public let environment: String
    public let stackName: String
    public let phases: [PhaseTime]
    public let totalSeconds: Double
    /// How many resources were hot-swapped or changed by the deploy, per the plan.
    public let changed: Int
    /// Resources verification found stale or not deployed.
    public let stale: [String]
    public let failed: Bool
    /// The stacks `--stack` limited build, hot-swap and verify to; empty for the whole tree.
    public let selection: [String]

    /// The summary.
    public init(path: UpPhase.Path, plan: DeploymentPlan, timings: [PhaseTime], verification: VerificationReport?,
                failed: Bool = false) {
        self.path = path
        environment = plan.environment
        stackName = plan.stackName
        phases = timings
        totalSeconds = timings.reduce(0) { $0 + $1.seconds }
        changed = plan.code?.operations.count ?? 0
        stale = ((verification?.stale ?? []) + (verification?.missing ?? [])).map(\.target.qualifiedName)
        self.failed = failed
        selection = plan.selection
    }

    public var kind: String { "up.summary" }
    public var level: EventLevel { failed || !stale.isEmpty ? .error : .success }

    public var message: String {
        let what: String
        switch path {
        case .nothing: what = "up to date, nothing to do"
        case .hotswap: what = "hot-swapped \(changed) resource(s)"
        case .cloudFormation: what = "deployed through CloudFormation"
        case .dryRun: what = "planned only (dry run)"
        }
        let times = phases.map { "\($0.phase) \(String(format: "%.1f", $0.seconds))s" }.joined(separator: ", ")
        let verdict = failed ? "FAILED: " : !stale.isEmpty ? "STALE after up: " : ""
        let scope = selection.isEmpty ? "" : " --stack \(selection.joined(separator: ", "))"
        return "\(verdict)\(stackName)\(scope) (\(environment)): \(what) in \(String(format: "%.1f", totalSeconds))s (\(times))"
    }

    public var details: [String] {
        stale.isEmpty ? [] : ["still not running the local build: \(stale.joined(separator: ", "))"]
    }

    enum CodingKeys: String, CodingKey {
        case path, environment, stackName, phases, totalSeconds, changed, stale, failed, selection
    }
}
