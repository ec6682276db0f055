import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A detached tmux session of a fixed size on its own server (its own socket, no config file):
/// a real terminal whose screen a test reads with `capture-pane`, as a person would see it.
final class TmuxSession: Sendable {
    let name: String
    private let socket: String

    /// tmux, when installed.
    static var executable: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `command` (run by `sh -c`) in a new session of `columns`×`rows`.
    init(command: String, columns: Int = 120, rows: Int = 40) throws {
        name = "ferry-\(UUID().uuidString.prefix(8))"
        socket = "ferry-test-\(name)"
        try Self.tmux(socket, ["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", command])
    }

    deinit { try? Self.tmux(socket, ["kill-server"]) }

    /// The screen's text now, one string per row (trailing blanks trimmed by tmux).
    func screen() throws -> [String] {
        let text = try Self.tmux(socket, ["capture-pane", "-p", "-t", name])
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Everything printed so far: the rows scrolled off the top (the history) and the screen.
    func scrollback() throws -> [String] {
        let text = try Self.tmux(socket, ["capture-pane", "-p", "-S", "-", "-E", "-", "-t", name])
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// True when the cursor is visible (`#{cursor_flag}`).
    func cursorVisible() throws -> Bool {
        try Self.tmux(socket, ["display-message", "-p", "-t", name, "#{cursor_flag}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Types `keys` (`C-c` for Ctrl-C).
    func send(_ keys: String) throws {
        try Self.tmux(socket, ["send-keys", "-t", name, keys])
    }

    /// Runs tmux and returns its standard output. Not through `Process`: Foundation learns that a
    /// child ended when a descriptor the child inherited closes, and the tmux server that
    /// `new-session` starts keeps it open; here the output goes to a file and `waitpid` waits.
    @discardableResult
    private static func tmux(_ socket: String, _ arguments: [String]) throws -> String {
        let tmux = executable ?? "/usr/bin/tmux"
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([tmux, "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, nil, argv, environment)
        var status: Int32 = 0
        guard spawned == 0, waitpid(pid, &status, 0) == pid, status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "tmux \(arguments.joined(separator: " ")) failed"])
        }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}
