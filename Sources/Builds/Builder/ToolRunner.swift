// Running a build tool and turning a failure into a `BuilderError` with its output.
import Foundation
import Toolchains

/// Finds and runs the external tools builders need (npm, make, sh).
struct ToolRunner: Sendable {
    let environment: [String: String]
    let runner = ProcessRunner()

    /// The executable `name` on `PATH`, or a `toolNotFound` error naming `resource`.
    func locate(_ name: String, for resource: String, hint: String) throws -> String {
        guard let url = ExecutableLocator(environment: environment).onPath(name) else {
            throw BuilderError(.toolNotFound(tool: name, resource: resource, hint: hint))
        }
        return url.path
    }

    /// Runs `executable arguments` in `folder` with `extra` environment variables; returns the output,
    /// or throws `processFailed` carrying stdout and stderr.
    @discardableResult
    func run(_ executable: String, _ arguments: [String], in folder: String, extra: [String: String] = [:],
             shownAs command: String, resource: String) async throws -> ProcessOutput {
        var env = environment
        for (key, value) in extra { env[key] = value }
        let output = try await runner.run(executable, arguments, environment: env,
                                          workingDirectory: URL(fileURLWithPath: folder, isDirectory: true))
        guard output.succeeded else {
            let text = [output.stdout, output.stderr].filter { !$0.isEmpty }.joined(separator: "\n")
            throw BuilderError(.processFailed(resource: resource, command: command, exitCode: output.exitCode,
                                              folder: folder), output: text)
        }
        return output
    }

    /// Whether `folder` holds no regular file at any depth.
    static func isEmpty(_ folder: String) -> Bool {
        (try? FileTree.scan(folder, rules: IgnoreRules(), readIgnoreFile: false).entries.isEmpty) ?? true
    }

    /// Creates `<workFolder>/staging` and returns its path.
    static func makeStaging(in workFolder: String) throws -> String {
        let staging = joinPath(workFolder, "staging")
        try POSIX.makeDirectories(staging)
        return staging
    }
}
