import Foundation
import Reporting

/// What the gates before a deploy are doing: starting, a line of output, passed, failed, skipped.
public struct GateEvent: FerryEvent {
    /// The step of a gate.
    public enum Step: String, Sendable, Encodable {
        case started, output, passed, failed, timedOut = "timed-out", skipped
    }

    /// The step.
    public let step: Step
    /// The gate's command (`pytest -q tests/unit`); empty for `skipped`.
    public let command: String
    /// 1-based position of the gate, and how many there are.
    public let index: Int
    public let count: Int
    /// The output line (for `output`), the exit status (for `failed`), seconds taken.
    public let line: String?
    public let exitStatus: Int32?
    public let seconds: Double?

    /// An event.
    public init(_ step: Step, command: String, index: Int, count: Int, line: String? = nil, exitStatus: Int32? = nil,
                seconds: Double? = nil) {
        self.step = step
        self.command = command
        self.index = index
        self.count = count
        self.line = line
        self.exitStatus = exitStatus
        self.seconds = seconds
    }

    public var kind: String { "gate.\(step.rawValue)" }

    public var level: EventLevel {
        switch step {
        case .started, .output: .info
        case .passed: .success
        case .failed, .timedOut: .error
        case .skipped: .warning
        }
    }

    public var message: String {
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

    public var details: [String] {
        step == .skipped ? [line ?? ""].filter { !$0.isEmpty } : []
    }
}
