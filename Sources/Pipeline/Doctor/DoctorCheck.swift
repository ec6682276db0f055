import Reporting

/// The result of one `ferry doctor` check: what was checked, how it went, and the fix.
package struct DoctorCheck: Sendable, Encodable, Equatable {
    /// How a check ended.
    package enum Status: String, Sendable, Encodable {
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
    package var id: String
    /// What was checked, for people.
    package var title: String
    package var status: Status
    /// What was found.
    package var detail: String
    /// What to do when it is not ok.
    package var fix: String?
    /// Whether a failure makes `ferry doctor` exit non-zero.
    package var required: Bool

    package init(id: String, title: String, status: Status, detail: String, fix: String? = nil, required: Bool = true) {
        self.id = id
        self.title = title
        self.status = status
        self.detail = detail
        self.fix = fix
        self.required = required
    }

    /// Whether this check makes the doctor's verdict fail.
    package var isBlocking: Bool { status == .failed && required }
}

/// Emitted once per finished check.
package struct DoctorCheckEvent: FerryEvent {
    package let check: DoctorCheck

    package init(_ check: DoctorCheck) { self.check = check }

    package var kind: String { "doctor.check" }

    package var level: EventLevel {
        switch check.status {
        case .ok: .success
        case .warning: .warning
        case .failed: check.required ? .error : .warning
        case .skipped: .info
        }
    }

    package var message: String { "\(check.title): \(check.detail)" }

    package var details: [String] { check.fix.map { ["fix: \($0)"] } ?? [] }

    package func encode(to encoder: any Encoder) throws { try check.encode(to: encoder) }
}

/// All checks of one `ferry doctor` run.
package struct DoctorReport: Sendable, Encodable {
    package var checks: [DoctorCheck]

    package init(checks: [DoctorCheck]) { self.checks = checks }

    /// True when no required check failed.
    package var passed: Bool { !checks.contains(where: \.isBlocking) }
}
