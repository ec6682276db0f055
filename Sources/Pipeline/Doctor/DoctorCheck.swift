import Reporting

/// The result of one `ferry doctor` check: what was checked, how it went, and the fix.
public struct DoctorCheck: Sendable, Encodable, Equatable {
    /// How a check ended.
    public enum Status: String, Sendable, Encodable {
        /// Fine.
        case ok
        /// Works, but something is worth knowing (a fallback is used).
        case warning
        /// Broken.
        case failed
        /// Not run because an earlier check it depends on failed.
        case skipped
    }

    /// A stable identifier (`configuration`, `credentials`, `tool.python3.12`, ...).
    public var id: String
    /// What was checked, for people.
    public var title: String
    public var status: Status
    /// What was found.
    public var detail: String
    /// What to do when it is not ok.
    public var fix: String?
    /// Whether a failure makes `ferry doctor` exit non-zero.
    public var required: Bool

    public init(id: String, title: String, status: Status, detail: String, fix: String? = nil, required: Bool = true) {
        self.id = id
        self.title = title
        self.status = status
        self.detail = detail
        self.fix = fix
        self.required = required
    }

    /// Whether this check makes the doctor's verdict fail.
    public var isBlocking: Bool { status == .failed && required }
}

/// Emitted once per finished check.
public struct DoctorCheckEvent: FerryEvent {
    public let check: DoctorCheck

    public init(_ check: DoctorCheck) { self.check = check }

    public var kind: String { "doctor.check" }

    public var level: EventLevel {
        switch check.status {
        case .ok: .success
        case .warning: .warning
        case .failed: check.required ? .error : .warning
        case .skipped: .info
        }
    }

    public var message: String { "\(check.title): \(check.detail)" }

    public var details: [String] { check.fix.map { ["fix: \($0)"] } ?? [] }

    public func encode(to encoder: any Encoder) throws { try check.encode(to: encoder) }
}

/// All checks of one `ferry doctor` run.
public struct DoctorReport: Sendable, Encodable {
    public var checks: [DoctorCheck]

    public init(checks: [DoctorCheck]) { self.checks = checks }

    /// True when no required check failed.
    public var passed: Bool { !checks.contains(where: \.isBlocking) }
}
