/// How the CLI shows events: decided once from flags, environment and the terminal.
package struct OutputStyle: Sendable, Equatable {
    package enum Format: String, Sendable { case console, jsonLines }

    package var format: Format
    /// ANSI colour codes on.
    package var colour: Bool
    /// Spinners and rewritten progress lines on (only on a TTY).
    package var interactive: Bool
    /// The lowest level that is shown.
    package var minimumLevel: EventLevel
    /// Every event in full (`--verbose`, `--debug`); otherwise concise: one line per change and
    /// one summary line per phase.
    package var detailed: Bool

    /// The live region (bars, tasks in flight) on: a terminal with colour, and not `--verbose`;
    /// `NO_COLOR`, a pipe or `--verbose` keep the plain lines.
    package var live: Bool { format == .console && interactive && colour && !detailed }

    package init(format: Format, colour: Bool, interactive: Bool, minimumLevel: EventLevel, detailed: Bool = false) {
        self.format = format
        self.colour = colour
        self.interactive = interactive
        self.minimumLevel = minimumLevel
        self.detailed = detailed
    }

    /// Resolves the style the way users expect: `--json` wins, `--no-color` or a non-empty
    /// `NO_COLOR` turns colour off, and colour or spinners only ever go to a terminal.
    package static func resolve(
        json: Bool, noColor: Bool, verbose: Bool, environment: [String: String], stdoutIsTerminal: Bool
    ) -> OutputStyle {
        if json {
            return OutputStyle(format: .jsonLines, colour: false, interactive: false, minimumLevel: verbose ? .debug : .info,
                               detailed: true)
        }
        let noColorEnv = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        let colour = stdoutIsTerminal && !noColor && !noColorEnv && !dumb
        return OutputStyle(
            format: .console, colour: colour, interactive: stdoutIsTerminal && !dumb,
            minimumLevel: verbose ? .debug : .info, detailed: verbose
        )
    }
}
