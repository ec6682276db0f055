import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the live region to a terminal: moves the cursor back over the previous frame, clears
/// to the end of the screen, prints the lines that stay (above the region) and the new frame.
/// Not thread-safe: ``LiveConsoleRenderer`` calls it under its lock.
final class LiveTerminal {
    private let out: any TextOutput
    private let colour: Bool
    /// Lines of the frame on screen, below the lines that stay.
    private var shownLines = 0
    private var cursorHidden = false

    init(out: any TextOutput, colour: Bool) {
        self.out = out
        self.colour = colour
    }

    /// Replaces the frame on screen with `frame`, printing `above` (whole lines) first.
    func draw(above: String, frame: [String]) {
        var text = rewind()
        text += above
        for line in frame { text += paint(line) + "\n" }
        if !frame.isEmpty && !cursorHidden {
            text = "\u{1B}[?25l" + text
            cursorHidden = true
            TerminalCursor.hidden()
        }
        shownLines = frame.count
        out.write(text)
    }

    /// Removes the frame from the screen and shows the cursor again.
    func clear() {
        var text = rewind()
        if cursorHidden {
            text += "\u{1B}[?25h"
            cursorHidden = false
            TerminalCursor.shown()
        }
        shownLines = 0
        if !text.isEmpty { out.write(text) }
    }

    /// The cursor movement back to the first line of the frame, clearing it.
    private func rewind() -> String {
        guard shownLines > 0 else { return "" }
        return "\r\u{1B}[\(shownLines)A\u{1B}[J"
    }

    /// Task and stack lines dimmed, the phase lines as they are.
    private func paint(_ line: String) -> String {
        guard colour, line.hasPrefix("    ") else { return line }
        return "\u{1B}[2m\(line)\u{1B}[0m"
    }

    /// The terminal's size (columns, rows) from `TIOCGWINSZ`; 80×24 when it cannot be read.
    static func size(of descriptor: Int32 = STDOUT_FILENO) -> (columns: Int, rows: Int) {
        var size = winsize()
        let result = withUnsafeMutablePointer(to: &size) { ioctl(descriptor, UInt(TIOCGWINSZ), $0) }
        guard result == 0, size.ws_col > 0, size.ws_row > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
