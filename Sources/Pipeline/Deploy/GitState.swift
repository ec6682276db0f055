import Foundation
import Toolchains

/// The project's git commit and whether the working tree has uncommitted changes.
struct GitState: Sendable {
    var commit: String?
    var dirty: Bool?

    /// Reads `git rev-parse HEAD` and `git status --porcelain` in `directory`; nils when git or
    /// the repository is missing.
    static func read(in directory: URL, runner: ProcessRunner = ProcessRunner()) async -> GitState {
        let git = "/usr/bin/env"
        guard let head = try? await runner.run(git, ["git", "rev-parse", "HEAD"], workingDirectory: directory),
              head.succeeded else { return GitState(commit: nil, dirty: nil) }
        let status = try? await runner.run(git, ["git", "status", "--porcelain"], workingDirectory: directory)
        let dirty = status.map { $0.succeeded ? !$0.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty : false }
        return GitState(commit: head.stdout.trimmingCharacters(in: .whitespacesAndNewlines), dirty: dirty)
    }
}
