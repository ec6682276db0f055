import Foundation

/// What the gates did: each gate's command, exit status and time, or that they were skipped.
package struct GateReport: Sendable, Equatable {
    /// One gate that ran and passed.
    package struct Passed: Sendable, Equatable {
        /// The shell command.
        package var command: String
        /// Seconds it ran.
        package var seconds: Double
    }

    /// The gates that ran, in order (all passed; a failure throws `GateFailure`).
    package var passed: [Passed]
    /// Whether `--skip-gates` skipped them.
    package var skipped: Bool

    /// A report.
    package init(passed: [Passed] = [], skipped: Bool = false) {
        self.passed = passed
        self.skipped = skipped
    }
}

/// A gate failed or timed out: nothing was deployed.
package struct GateFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The gate's command.
    package let command: String
    /// 1-based position and count.
    package let index: Int
    package let count: Int
    /// The exit status, or nil when the gate timed out or could not start.
    package let exitStatus: Int32?
    /// Why, when it did not exit by itself (`timed out after 600 s`, `could not start /bin/sh: ...`).
    package let reason: String?
    /// The environment.
    package let environment: String

    package var description: String {
        let what = exitStatus.map { "failed with exit status \($0)" } ?? (reason ?? "failed")
        return "gate \(index) of \(count) (`\(command)`) \(what) in environment '\(environment)'; nothing was deployed. "
            + "Fix what it reports (its output is above), or pass --skip-gates to deploy anyway."
    }
}
