import Foundation
import Reporting
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What every command needs: the global options, the process environment, the project folder
/// and where events go.
struct CommandContext: Sendable {
    let options: GlobalOptions
    let environment: [String: String]
    let workingDirectory: URL
    let style: OutputStyle
    let sink: any EventSink

    /// A context; `scope` tells the concise console which command runs; `live` asks for the
    /// live region (bars and tasks in flight) when the output is a terminal with colour.
    init(options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
         scope: ConciseEventPresenter.Scope = .other, live: Bool = false) {
        self.options = options
        self.environment = environment
        workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        style = OutputStyle.resolve(
            json: options.json, noColor: options.noColor, verbose: options.verbose || options.debug,
            environment: environment, stdoutIsTerminal: isatty(STDOUT_FILENO) != 0)
        // NoEcho values learned while the command runs are masked in everything printed.
        let out = RedactingOutput(FileHandleOutput.standardOutput)
        switch style.format {
        case .jsonLines: sink = JSONLinesRenderer(out: out, minimumLevel: style.minimumLevel)
        case .console where live && style.live:
            let renderer = LiveConsoleRenderer(style: style, out: out, presenter: ConciseEventPresenter(scope: scope, interactive: true),
                                               live: LiveEventPresenter())
            renderer.start()
            sink = renderer
        case .console:
            sink = ConsoleRenderer(style: style, out: out,
                                   presenter: ConciseEventPresenter(scope: scope, interactive: style.interactive))
        }
    }

    /// The `--config` path as a file URL, relative to the working directory.
    var configURL: URL? {
        options.config.map { URL(fileURLWithPath: $0, relativeTo: workingDirectory).standardizedFileURL }
    }
}
