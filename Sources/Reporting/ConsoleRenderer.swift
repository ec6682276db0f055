import Foundation
import Synchronization

/// Renders events for people: a symbol, the message, indented details; colour on a TTY.
///
/// Every event goes to standard output in the order it happened (a checklist read top to bottom);
/// only the final error of a failed command goes to standard error (see the CLI's error reporter).
public final class ConsoleRenderer: EventSink {
    private let style: OutputStyle
    private let out: any TextOutput
    private let lock = Mutex(())

    public init(style: OutputStyle, out: any TextOutput = FileHandleOutput.standardOutput) {
        self.style = style
        self.out = out
    }

    public func emit(_ event: any FerryEvent) {
        guard event.level >= style.minimumLevel else { return }
        var text = "\(symbol(for: event.level)) \(event.message)\n"
        for line in event.details {
            text += "    \(paint(line, .dim))\n"
        }
        lock.withLock { _ in out.write(text) }
    }

    private enum Paint: String {
        case red = "31", green = "32", yellow = "33", blue = "34", dim = "2"
    }

    private func paint(_ text: String, _ paint: Paint) -> String {
        style.colour ? "\u{1B}[\(paint.rawValue)m\(text)\u{1B}[0m" : text
    }

    private func symbol(for level: EventLevel) -> String {
        switch level {
        case .debug: paint("·", .dim)
        case .info: paint("•", .blue)
        case .success: paint("✓", .green)
        case .warning: paint("!", .yellow)
        case .error: paint("✗", .red)
        }
    }
}
