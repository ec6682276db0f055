import Foundation

/// What the gates did: each gate's command, exit status and time, or that they were skipped.
public struct GateReport: Sendable, Equatable {
    /// One gate that ran and passed.
    public struct Passed: Sendable, Equatable {
        /// The shell command.
        public var command: String
        /// Seconds it ran.
        public var seconds: Double
    }

    /// The gates that ran, in order (all passed; a failure throws `GateFailure`).
    public var passed: [Passed]
    /// Whether `--skip-gates` skipped them.
    public var skipped: Bool

    /// A report.
    public init(passed: [Passed] = [], skipped: Bool = false) {
        self.passed = passed
        self.skipped = skipped
    }
}

/// A gate failed or timed out: nothing was deployed.
public struct GateFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The gate's command.
    public let command: String
    /// 1-based position and count.
    public let index: Int
    public let count: Int
    /// The exit status, or nil when the gate timed out or could not start.
    public let exitStatus: Int32?
    /// Why, when it did not exit by itself (`timed out after 600 s`, `could not start /bin/sh: ...`).
    public let reason: String?
    /// The environment.
    public let environment: String

    public var description: String {
        let what = exitStatus.map { "failed with exit status \($0)" } ?? (reason ?? "failed")
        return "gate \(index) of \(count) (`\(command)`) \(what) in environment '\(environment)'; nothing was deployed. "
            + "Fix what it reports (its output is above), or pass --skip-gates to deploy anyway."
    }
}
