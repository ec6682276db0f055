import Configuration
import Foundation
import Reporting

/// Runs an environment's `before_deploy` gates: each shell command in order, in the project
/// folder, its output streamed as events, each bounded by `gate_timeout`. The first failure stops
/// the run with a `GateFailure`. `ferry deploy`, `ferry update` and `ferry up` call it before
/// they take a lock or change anything.
package struct GateRunner: Sendable {
    /// The shell gates run through.
    package var shell: String
    /// The variables gates see (the process environment by default), plus `FERRY_ENV` and `FERRY_STACK`.
    package var processEnvironment: [String: String]

    /// A runner using `/bin/sh` and the process environment.
    package init(shell: String = "/bin/sh", processEnvironment: [String: String] = ProcessInfo.processInfo.environment) {
        self.shell = shell
        self.processEnvironment = processEnvironment
    }

    /// Runs the gates of `environment` (or, with `skip`, emits a loud warning and runs none).
    ///
    /// ```swift
    /// try await GateRunner.run(environment: env, projectRoot: project.directory, sink: sink, skip: skipGates)
    /// ```
    /// - Throws: `GateFailure` when a gate exits non-zero, times out or cannot start.
    @discardableResult
    package static func run(environment: EnvironmentConfiguration, projectRoot: URL, sink: any EventSink,
                           skip: Bool = false) async throws -> GateReport {
        try await GateRunner().run(environment: environment, projectRoot: projectRoot, sink: sink, skip: skip)
    }

    /// Runs the gates of `environment` with this runner's shell and variables.
    @discardableResult
    package func run(environment: EnvironmentConfiguration, projectRoot: URL, sink: any EventSink,
                    skip: Bool = false) async throws -> GateReport {
        let gates = environment.operate.beforeDeploy
        guard !gates.isEmpty else { return GateReport() }
        if skip {
            sink.emit(GateEvent(.skipped, command: "", index: 0, count: gates.count,
                                line: "not run: " + gates.joined(separator: "; ")))
            return GateReport(skipped: true)
        }
        var variables = processEnvironment
        variables["FERRY_ENV"] = environment.name
        variables["FERRY_STACK"] = environment.stackName
        var report = GateReport()
        for (offset, command) in gates.enumerated() {
            let index = offset + 1
            sink.emit(GateEvent(.started, command: command, index: index, count: gates.count))
            let started = Date()
            let process = GateProcess(shell: shell, command: command, directory: projectRoot, environment: variables)
            let ending: GateProcess.Ending
            do {
                ending = try await process.run(timeout: environment.operate.gateTimeout) { line in
                    sink.emit(GateEvent(.output, command: command, index: index, count: gates.count, line: line))
                }
            } catch {
                sink.emit(GateEvent(.failed, command: command, index: index, count: gates.count))
                throw GateFailure(command: command, index: index, count: gates.count, exitStatus: nil,
                                  reason: "could not start \(shell): \(error)", environment: environment.name)
            }
            let seconds = Date().timeIntervalSince(started)
            switch ending {
            case .exited(0):
                sink.emit(GateEvent(.passed, command: command, index: index, count: gates.count, seconds: seconds))
                report.passed.append(GateReport.Passed(command: command, seconds: seconds))
            case .exited(let status):
                sink.emit(GateEvent(.failed, command: command, index: index, count: gates.count, exitStatus: status, seconds: seconds))
                throw GateFailure(command: command, index: index, count: gates.count, exitStatus: status, reason: nil,
                                  environment: environment.name)
            case .timedOut:
                sink.emit(GateEvent(.timedOut, command: command, index: index, count: gates.count, seconds: seconds))
                let limit = Int(environment.operate.gateTimeout)
                throw GateFailure(command: command, index: index, count: gates.count, exitStatus: nil,
                                  reason: "timed out after \(limit) s (gate_timeout = \(limit)) and was stopped",
                                  environment: environment.name)
            }
        }
        return report
    }
}
