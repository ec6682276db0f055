import Foundation

/// The lines of the live region for a state: a pure function, so what a person sees is tested
/// without a terminal.
///
/// Per running phase, a bar line with a spinner, counts, bytes and elapsed time:
///
///     ⠹ package  [██████░░░░░░░░░░░░░░]  3/10  1.2 MB  4.2s
///         uploading HelloFunction CodeUri  0.8s
///
/// then one line per task in flight (the oldest first; the rest counted in a last line), and for a
/// deploy the stacks as an indented tree, each with its status and its own bar.
package enum LiveFrame {
    /// Spinner frames, one per tenth of a second.
    static let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    /// Width of a phase's bar, in cells.
    static let barWidth = 20
    /// Width of a stack's bar, in cells.
    static let stackBarWidth = 12
    /// The most task lines per phase.
    static let maximumTasks = 6

    /// The region's lines at `now`, each at most `width - 1` characters (a line that fills the
    /// last column would wrap on some terminals) and at most `height - 1` lines in all.
    package static func lines(of state: LiveRegionState, now: Double, width: Int = 80, height: Int = 24) -> [String] {
        var lines: [String] = []
        for phase in state.phases {
            lines.append(phaseLine(phase, now: now))
            let stacks = phase.stacks.sorted { components($0.path).lexicographicallyPrecedes(components($1.path)) }
            let nameWidth = stacks.map { depth($0.path) * 2 + $0.name.count }.max() ?? 0
            for stack in stacks { lines.append(stackLine(stack, nameWidth: nameWidth)) }
            for task in phase.tasks.prefix(maximumTasks) {
                lines.append("    \(task.label)  \(seconds(now - task.startedAt))")
            }
            if phase.tasks.count > maximumTasks { lines.append("    … and \(phase.tasks.count - maximumTasks) more") }
        }
        let room = max(1, height - 1)
        if lines.count > room { lines = Array(lines.prefix(room - 1)) + ["    … \(lines.count - room + 1) more line(s)"] }
        return lines.map { truncate($0, to: max(1, width - 1)) }
    }

    /// `⠹ deploy   [████░░░░]  5/12  2.0 MB  31.4s`.
    static func phaseLine(_ phase: LiveRegionState.Phase, now: Double) -> String {
        let frame = spinner[Int(max(0, now) * 10) % spinner.count]
        var parts = ["\(frame) \(phase.name.padding(toLength: 8, withPad: " ", startingAt: 0))"]
        if let total = phase.total, total > 0 {
            parts.append("\(bar(done: phase.done, total: total, width: barWidth))  \(phase.done)/\(total)")
        } else if phase.done > 0 {
            parts.append("\(phase.done) done")
        }
        if phase.bytes > 0 { parts.append(bytes(phase.bytes)) }
        parts.append(seconds(now - phase.startedAt))
        return parts.joined(separator: "  ")
    }

    /// `  ✓ Child      UPDATE_COMPLETE       [████████████] 4/4`, indented by depth.
    static func stackLine(_ stack: LiveRegionState.Stack, nameWidth: Int) -> String {
        let indent = String(repeating: "  ", count: depth(stack.path))
        let name = (indent + stack.name).padding(toLength: max(nameWidth, 1), withPad: " ", startingAt: 0)
        let status = stack.status.padding(toLength: max(22, stack.status.count), withPad: " ", startingAt: 0)
        let counts = stack.total > 0 ? "\(bar(done: stack.done, total: stack.total, width: stackBarWidth)) \(stack.done)/\(stack.total)" : ""
        return "  \(symbol(for: stack.status)) \(name)  \(status)\(counts)"
    }

    /// `✓` complete, `✗` failed, `↺` rolling back, `▸` in progress.
    static func symbol(for status: String) -> String {
        if status.hasSuffix("_FAILED") { return "✗" }
        if status.contains("ROLLBACK") { return "↺" }
        if status.hasSuffix("_COMPLETE") { return "✓" }
        return "▸"
    }

    /// `[██████░░░░]`: the done part full, never more than the whole.
    static func bar(done: Int, total: Int, width: Int) -> String {
        let filled = total > 0 ? min(width, max(0, done) * width / total) : 0
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]"
    }

    /// `0.8s`, `12.3s`, `2m05s`.
    static func seconds(_ value: Double) -> String {
        let value = max(0, value)
        if value < 60 { return String(format: "%.1fs", value) }
        let whole = Int(value)
        return String(format: "%dm%02ds", whole / 60, whole % 60)
    }

    /// `512 B`, `3.4 KB`, `1.2 MB`.
    static func bytes(_ count: UInt64) -> String {
        if count < 1024 { return "\(count) B" }
        if count < 1024 * 1024 { return String(format: "%.1f KB", Double(count) / 1024) }
        return String(format: "%.1f MB", Double(count) / 1_048_576)
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }

    private static func depth(_ path: String) -> Int { components(path).count }

    /// `line` cut to `width` characters, the cut marked with `…`.
    static func truncate(_ line: String, to width: Int) -> String {
        guard line.count > width else { return line }
        return String(line.prefix(max(0, width - 1))) + "…"
    }
}
