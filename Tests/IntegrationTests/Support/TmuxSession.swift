import Foundation

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
        // The server it starts keeps its descriptors: nothing of its output is read.
        try Self.tmux(socket, ["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", command],
                      reading: false)
    }

    deinit { try? Self.tmux(socket, ["kill-server"]) }

    /// The screen's text now, one string per row (trailing blanks trimmed by tmux).
    func screen() throws -> [String] {
        let text = try Self.tmux(socket, ["capture-pane", "-p", "-t", name])
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The screen with its escape sequences (`capture-pane -e`): colours only, never cursor moves.
    func screenWithEscapes() throws -> String {
        try Self.tmux(socket, ["capture-pane", "-p", "-e", "-t", name])
    }

    /// True when the cursor is visible (`#{cursor_flag}`).
    func cursorVisible() throws -> Bool {
        try Self.tmux(socket, ["display-message", "-p", "-t", name, "#{cursor_flag}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Types `keys` (`C-c` for Ctrl-C).
    func send(_ keys: String) throws {
        try Self.tmux(socket, ["send-keys", "-t", name, keys])
    }

    @discardableResult
    private static func tmux(_ socket: String, _ arguments: [String], reading: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? "/usr/bin/tmux")
        process.arguments = ["-L", socket] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        process.environment = environment
        let out = Pipe()
        process.standardOutput = reading ? out : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = reading ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "tmux \(arguments.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
