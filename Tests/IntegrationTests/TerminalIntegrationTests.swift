import Foundation
import Testing

extension Integration {
    /// `ferry up` in a real terminal (a detached tmux session, 120×40) on the example app against
    /// the emulator: the screen is read while it runs and after, as a person would see it.
    @Suite(.tags(.slow)) struct Terminal {
        static let spinner = Set("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
        static let marker = "FERRY-EXIT="

        /// A copy of the example app, without any state of earlier runs.
        static func app() throws -> (TemporaryFolder, URL) {
            let folder = try TemporaryFolder("ferry-tty")
            let app = folder.url.appendingPathComponent("fiscalshield-idp")
            try FileManager.default.copyItem(at: RepositoryPaths.exampleApp, to: app)
            try? FileManager.default.removeItem(at: app.appendingPathComponent(".ferry"))
            return (folder, app)
        }

        /// A shell script that runs `ferry arguments` in `app` with `variables` and then says how it
        /// ended (the session stays open for the last screen to be read).
        static func script(_ arguments: [String], in app: URL, variables: [String: String]) throws -> URL {
            var lines = ["#!/bin/sh", "cd '\(app.path)'"]
            for (key, value) in variables.sorted(by: { $0.key < $1.key }) { lines.append("export \(key)='\(value)'") }
            lines.append("export TERM=tmux-256color")
            if variables["NO_COLOR"] == nil { lines.append("unset NO_COLOR") }
            // Ctrl-C reaches ferry; the shell itself goes on to say the exit code.
            lines.append("trap 'true' INT")
            lines.append("'\(RepositoryPaths.ferryBinary.path)' \(arguments.joined(separator: " "))")
            lines.append("echo \"\(marker)$?\"")
            lines.append("exec sleep 3600")
            let url = app.deletingLastPathComponent().appendingPathComponent("run-\(UUID().uuidString.prefix(6)).sh")
            try lines.joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
            return url
        }

        /// Reads the screen every tenth of a second until `until` says stop (or 15 minutes pass);
        /// returns every screen read.
        static func watch(_ session: TmuxSession, until: ([String]) throws -> Bool) async throws -> [[String]] {
            var screens: [[String]] = []
            let deadline = Date().addingTimeInterval(900)
            while Date() < deadline {
                let screen = try session.screen()
                screens.append(screen)
                if try until(screen) { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            return screens
        }

        /// The exit code the script printed, if it did.
        static func exitCode(_ screen: [String]) -> Int? {
            screen.compactMap { line in line.hasPrefix(marker) ? Int(line.dropFirst(marker.count)) : nil }.last
        }

        /// A phase's bar line (`⠹ build     [████░░░░]  3/17  4.2s`).
        static func isBar(_ line: String) -> Bool {
            guard let first = line.first, spinner.contains(first) else { return false }
            return ["build", "package", "deploy", "hot-swap"].contains { line.dropFirst(2).hasPrefix($0) }
        }

        /// A task in flight or a stack of the tree, under a bar.
        static func isInFlight(_ line: String) -> Bool {
            line.hasPrefix("    building ") || line.hasPrefix("    uploading ") || line.hasPrefix("    swapping ")
                || line.hasPrefix("  ▸ ") || line.contains("_IN_PROGRESS AWS::")
        }

        @Test func upShowsALiveRegionThenOneSummaryLinePerPhase() async throws {
            guard TmuxSession.executable != nil else {
                Issue.record("tmux is not installed (scripts/lib/prerequisites.sh installs it)")
                return
            }
            let env = try await EmulatorEnvironment.fresh()
            let (folder, app) = try Self.app()
            var variables = env.variables
            variables["NO_COLOR"] = nil
            let session = try TmuxSession(command: "sh '\(try Self.script(["up", "--env", "dev", "--yes"], in: app, variables: variables).path)'")
            let screens = try await Self.watch(session) { Self.exitCode($0) != nil }
            // Everything printed, the rows scrolled off the top included.
            let last = try session.scrollback()
            let shown = last.joined(separator: "\n")
            #expect(Self.exitCode(last) == 0, "\(shown)")
            withExtendedLifetime(folder) {}

            // While it ran: a bar with counts, and work in flight under it.
            let lines = screens.flatMap { $0 }
            #expect(lines.contains(where: Self.isBar), "no bar seen in \(screens.count) screens; last: \(shown)")
            #expect(lines.contains(where: Self.isInFlight), "no task in flight seen; last: \(shown)")
            #expect(lines.contains { Self.isBar($0) && $0.contains("/") && $0.contains("░]") }, "a bar with counts: \(shown)")
            // The deploy's stacks as a tree: the nested stack indented under the root, with its own bar.
            #expect(lines.contains { $0.hasPrefix("  ") && $0.contains("   Pattern2Stack ") && $0.contains("/") && $0.contains("]") },
                    "no nested stack seen in the tree: \(shown)")

            // After: one summary line per phase, no line per finished thing, nothing of the region
            // left on the screen or scrolled into the history.
            #expect(last.contains { $0.hasPrefix("✓ build: built ") }, "\(shown)")
            #expect(last.contains { $0.hasPrefix("✓ package: ") && $0.contains(" uploaded (") }, "\(shown)")
            #expect(last.contains { $0.contains("CREATE_COMPLETE") && $0.hasPrefix("✓ stack ") }, "\(shown)")
            #expect(!last.contains { $0.hasPrefix("✓ built ") || $0.hasPrefix("• uploaded ") || $0.hasPrefix("• [") }, "\(shown)")
            #expect(!last.contains(where: Self.isBar) && !shown.contains("░") && !shown.contains("█"), "a bar was left: \(shown)")
            #expect(!shown.contains("\u{1B}") && !shown.contains("[?25") && !shown.contains("[J"), "escape garbage: \(shown)")
            // The region was erased, not left as blank rows: the exit code follows the last line printed.
            if let marker = last.firstIndex(where: { $0.hasPrefix(Self.marker) }) {
                #expect(marker > 0 && !last[marker - 1].isEmpty, "blank rows left by the region: \(shown)")
            }
            #expect(try session.cursorVisible(), "the cursor is hidden after the run")
        }

        @Test func ctrlCRestoresTheCursor() async throws {
            guard TmuxSession.executable != nil else {
                Issue.record("tmux is not installed (scripts/lib/prerequisites.sh installs it)")
                return
            }
            let env = try await EmulatorEnvironment.fresh()
            let (folder, app) = try Self.app()
            var variables = env.variables
            variables["NO_COLOR"] = nil
            let session = try TmuxSession(command: "sh '\(try Self.script(["up", "--env", "dev", "--yes"], in: app, variables: variables).path)'")
            // Ctrl-C while the region shows (the cold build takes a while).
            let running = try await Self.watch(session) { $0.contains(where: Self.isBar) || Self.exitCode($0) != nil }
            #expect(running.last?.contains(where: Self.isBar) == true, "\(running.last ?? [])")
            #expect(try !session.cursorVisible(), "the live region hides the cursor while it draws")
            try session.send("C-c")
            let screens = try await Self.watch(session) { Self.exitCode($0) != nil }
            let last = screens.last ?? []
            let shown = last.joined(separator: "\n")
            withExtendedLifetime(folder) {}
            #expect(Self.exitCode(last) == 130, "\(shown)")
            #expect(last.contains { $0.contains("interrupted") }, "\(shown)")
            #expect(!last.contains(where: Self.isBar), "the region is gone: \(shown)")
            #expect(try session.cursorVisible(), "Ctrl-C left the cursor hidden")
        }
    }
}
