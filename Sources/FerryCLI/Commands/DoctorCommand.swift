import ArgumentParser
import Foundation
import Pipeline
import Reporting

/// `ferry doctor`: a checklist of everything a deploy needs, with a fix for each failure.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check configuration, template, credentials, region, endpoint, artifact bucket and local tools.",
        discussion: "Exits 0 when every required check passes, 1 otherwise.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = CommandContext(options: global)
        let request = DoctorRequest(
            projectDirectory: context.workingDirectory, configPath: context.configURL,
            environmentName: global.environment, session: context.sessionOptions)
        let report = await Doctor(sink: context.sink).run(request)
        let failed = report.checks.filter(\.isBlocking).count
        let warnings = report.checks.filter { $0.status == .warning || ($0.status == .failed && !$0.required) }.count
        context.sink.emit(DoctorSummaryEvent(passed: report.passed, failed: failed, warnings: warnings))
        if !report.passed { throw CommandFailure(exitCode: .failure) }
    }
}

/// The doctor's verdict.
struct DoctorSummaryEvent: FerryEvent {
    let passed: Bool
    let failed: Int
    let warnings: Int
    var kind: String { "doctor.summary" }
    var level: EventLevel { passed ? .success : .error }
    var message: String {
        passed ? "ready\(warnings > 0 ? " (\(warnings) warning(s))" : "")"
            : "\(failed) required check(s) failed"
    }
}
