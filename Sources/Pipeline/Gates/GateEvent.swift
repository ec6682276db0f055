import Foundation
import Reporting

/// What the gates before a deploy are doing: starting, a line of output, passed, failed, skipped.
package struct GateEvent: FerryEvent {
    /// The step of a gate.
    package enum Step: String, Sendable, Encodable {
        case started, output, passed, failed, timedOut = "timed-out", skipped
    }

    /// The step.
    package let step: Step
    /// The gate's command (`pytest -q tests/unit`); empty for `skipped`.
    package let command: String
    /// 1-based position of the gate, and how many there are.
    package let index: Int
    package let count: Int
    /// The output line (for `output`), the exit status (for `failed`), seconds taken.
    package let line: String?
    package let exitStatus: Int32?
    package let seconds: Double?

    /// An event.
    package init(_ step: Step, command: String, index: Int, count: Int, line: String? = nil, exitStatus: Int32? = nil,
                seconds: Double? = nil) {
        self.step = step
        self.command = command
        self.index = index
        self.count = count
        self.line = line
        self.exitStatus = exitStatus
        self.seconds = seconds
    }

    package var kind: String { "gate.\(step.rawValue)" }

    package var level: EventLevel {
        switch step {
        case .started, .output: .info
        case .passed: .success
        case .failed, .timedOut: .error
        case .skipped: .warning
        }
    }

    package var message: String {
        let time = seconds.map { String(format: " in %.1fs", $0) } ?? ""
        switch step {
        case .started: return "gate \(index)/\(count): \(command)"
        case .output: return "  │ \(line ?? "")"
        case .passed: return "gate \(index)/\(count) passed\(time): \(command)"
        case .failed: return "gate \(index)/\(count) failed with exit status \(exitStatus ?? -1)\(time): \(command)"
        case .timedOut: return "gate \(index)/\(count) timed out\(time) and was stopped: \(command)"
        case .skipped: return "GATES SKIPPED (--skip-gates): \(count) before_deploy gate(s) did not run"
        }
    }

    package var details: [String] {
        step == .skipped ? [line ?? ""].filter { !$0.isEmpty } : []
    }
}
