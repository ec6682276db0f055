import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the live region to a terminal: moves the cursor back to the first line of the previous
/// frame, prints the lines that stay (above the region) and the new frame over it, each line
/// erased to its end, then erases what is left of the old frame. Rows are erased one by one, never
/// with "erase below": tmux (and others) copy the whole screen into the scrollback when that runs
/// from the top-left corner. Not thread-safe: ``LiveConsoleRenderer`` calls it under its lock.
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
        var text = ""
        if !frame.isEmpty && !cursorHidden {
            text = "\u{1B}[?25l"
            cursorHidden = true
            TerminalCursor.hidden()
        }
        text += Self.redraw(shown: shownLines, above: above, frame: frame.map(paint))
        shownLines = frame.count
        if !text.isEmpty { out.write(text) }
    }

    /// Removes the frame from the screen and shows the cursor again.
    func clear() {
        var text = Self.redraw(shown: shownLines, above: "", frame: [])
        if cursorHidden {
            text += "\u{1B}[?25h"
            cursorHidden = false
            TerminalCursor.shown()
        }
        shownLines = 0
        if !text.isEmpty { out.write(text) }
    }

    /// The text that replaces a frame of `shown` lines (the cursor on the line after it) with
    /// `above` and `frame`, leaving the cursor on the line after the new frame.
    static func redraw(shown: Int, above: String, frame: [String]) -> String {
        var text = shown > 0 ? "\r\u{1B}[\(shown)A" : ""
        var written = 0
        let above = above.isEmpty || above.hasSuffix("\n") ? above : above + "\n"
        for line in above.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) + frame {
            // A line of `above` may wrap: its rows are overwritten whole, the last erased to its end.
            text += line + "\u{1B}[K\n"
            written += 1
        }
        let leftover = shown - written
        if leftover > 0 {
            text += "\u{1B}[2K" + String(repeating: "\u{1B}[1B\u{1B}[2K", count: leftover - 1)
            if leftover > 1 { text += "\u{1B}[\(leftover - 1)A" }
        }
        return text
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
