import Foundation
import Synchronization

/// Renders events for people: a symbol, the message, indented details; colour on a TTY.
///
/// Every event goes to standard output in the order it happened (a checklist read top to bottom);
/// only the final error of a failed command goes to standard error (see the CLI's error reporter).
/// Unless the style is detailed (`--verbose`), the presenter makes the output concise: one line
/// per change and one per phase; warnings and errors are always shown in full.
package final class ConsoleRenderer: EventSink {
    private let style: OutputStyle
    private let out: any TextOutput
    private let presenter: any ConcisePresenter
    private let lock = Mutex(())

    /// A renderer; `presenter` decides the concise form of each event (unless `style.detailed`).
    package init(style: OutputStyle, out: any TextOutput = FileHandleOutput.standardOutput,
                presenter: any ConcisePresenter = DetailedPresenter()) {
        self.style = style
        self.out = out
        self.presenter = style.detailed ? DetailedPresenter() : presenter
    }

    package func emit(_ event: any FerryEvent) {
        guard event.level >= style.minimumLevel, let text = render(event) else { return }
        lock.withLock { _ in out.write(text) }
    }

    /// The text of `event` (lines ending in a newline), nil when it is not shown.
    package func render(_ event: any FerryEvent) -> String? {
        let form = event.level >= .warning ? .full : presenter.form(of: event)
        let message: String, details: [String]
        switch form {
        case .full: (message, details) = (event.message, event.details)
        case .message(let shown): (message, details) = (event.message, shown)
        case .line(let line, let shown): (message, details) = (line, shown)
        case .hidden: return nil
        }
        var text = "\(symbol(for: event.level)) \(message)\n"
        for line in details {
            text += "    \(paint(line, .dim))\n"
        }
        return text
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
