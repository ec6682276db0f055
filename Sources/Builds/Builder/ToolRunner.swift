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
    func run(_ executable: String, _ arguments: [String], in folder: URL, extra: [String: String] = [:],
             shownAs command: String, resource: String) async throws -> ProcessOutput {
        var env = environment
        for (key, value) in extra { env[key] = value }
        let output = try await runner.run(executable, arguments, environment: env, workingDirectory: folder)
        guard output.succeeded else {
            let text = [output.stdout, output.stderr].filter { !$0.isEmpty }.joined(separator: "\n")
            throw BuilderError(.processFailed(resource: resource, command: command, exitCode: output.exitCode,
                                              folder: folder.path), output: text)
        }
        return output
    }
}

/// Copies the files of a walked tree into a folder, keeping relative paths and execute bits.
enum StagingCopy {
    /// Copies every entry of `tree` under `destination`.
    static func copy(_ tree: FileTree, to destination: URL) throws {
        let manager = FileManager.default
        for entry in tree.entries {
            let target = destination.appendingPathComponent(entry.relativePath)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(atPath: entry.sourcePath, toPath: target.path)
            try manager.setAttributes([.posixPermissions: entry.isExecutable ? 0o755 : 0o644], ofItemAtPath: target.path)
        }
    }

    /// Whether `folder` holds no regular file at any depth.
    static func isEmpty(_ folder: URL) -> Bool {
        (try? FileTree.scan(folder.path, rules: IgnoreRules(), readIgnoreFile: false).entries.isEmpty) ?? true
    }
}
