import Reporting

/// An event that is a command's last word (its error, an interrupt) and so also has a plain line
/// for standard error, which is shown whatever the output mode.
protocol FinalLineEvent: FerryEvent {
    /// The text written to standard error (ending in a newline).
    var standardErrorText: String { get }
}

/// The sink of a command's last word: with `--json` its JSON line on standard output first, then
/// (always) its plain line on standard error. Ferry's one route for the error and interrupt lines.
struct FinalLineSink: EventSink {
    /// Where the JSON line goes (`--json`); nil for none.
    let json: JSONLinesRenderer?
    /// Where the plain line goes.
    let standardError: any TextOutput

    /// The sink for `--json` (or not), writing to `standardOutput` and `standardError`.
    init(json: Bool, standardOutput: any TextOutput = FileHandleOutput.standardOutput,
         standardError: any TextOutput = FileHandleOutput.standardError) {
        self.json = json ? JSONLinesRenderer(out: standardOutput) : nil
        self.standardError = standardError
    }

    func emit(_ event: any FerryEvent) {
        json?.emit(event)
        if let final = event as? any FinalLineEvent {
            standardError.write(final.standardErrorText)
        }
    }
}
