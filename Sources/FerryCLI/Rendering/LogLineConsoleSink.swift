import Foundation
import Pipeline
import Reporting
import Synchronization

/// Prints `ferry logs` lines as `FUNCTION  TIME  MESSAGE`, the function in its own colour on a
/// TTY and padded so messages line up; every other event goes to `fallback`.
final class LogLineConsoleSink: EventSink {
    private let style: OutputStyle
    private let fallback: any EventSink
    private let out: any TextOutput
    /// Colour index per function in order of first appearance, and the widest name so far.
    private let state = Mutex<(colours: [String: Int], width: Int)>(([:], 0))

    init(style: OutputStyle, fallback: any EventSink, out: any TextOutput = FileHandleOutput.standardOutput) {
        self.style = style
        self.fallback = fallback
        self.out = out
    }

    func emit(_ event: any FerryEvent) {
        guard let event = event as? LogLineEvent else { return fallback.emit(event) }
        state.withLock { state in
            let name = event.line.function
            let colour = state.colours[name] ?? state.colours.count
            state.colours[name] = colour
            state.width = max(state.width, name.count)
            let padded = name + String(repeating: " ", count: state.width - name.count)
            let tag = style.colour
                ? "\u{1B}[\(FunctionColours.codes[colour % FunctionColours.codes.count])m\(padded)\u{1B}[0m" : padded
            let time = style.colour ? "\u{1B}[2m\(event.timeText)\u{1B}[0m" : event.timeText
            out.write("\(tag)  \(time)  \(event.trimmedMessage)\n")
        }
    }
}
