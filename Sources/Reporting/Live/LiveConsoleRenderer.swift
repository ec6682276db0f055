import Foundation
import Synchronization

/// The console on a terminal: the concise lines stay on screen, and below them a live region
/// shows each running phase with its bar, its tasks in flight and, for a deploy, its stacks.
///
/// Lines are printed as events arrive (warnings and errors always, above the region); the region
/// is redrawn at most ten times a second by a ticker, which also keeps spinners and elapsed times
/// moving. ``finish()`` (or ``finishActive()``) removes the region and shows the cursor again.
package final class LiveConsoleRenderer: EventSink, Sendable {
    private struct Screen {
        var state = LiveRegionState()
        var dirty = false
        var paused = false
        var finished = false
        let terminal: LiveTerminal
    }

    private let console: ConsoleRenderer
    private let minimumLevel: EventLevel
    private let live: any LivePresenter
    private let size: @Sendable () -> (columns: Int, rows: Int)
    private let screen: Mutex<Screen>
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    /// The renderer of the running command, finished before its last words are printed.
    private static let active = Mutex<LiveConsoleRenderer?>(nil)

    /// A live console writing to `out` (a terminal); `presenter` decides the lines printed, `live`
    /// the region's updates. `size` reads the terminal's columns and rows (`TIOCGWINSZ` by default).
    package init(style: OutputStyle, out: any TextOutput, presenter: any ConcisePresenter, live: any LivePresenter,
                size: (@Sendable () -> (columns: Int, rows: Int))? = nil) {
        console = ConsoleRenderer(style: style, out: out, presenter: presenter)
        minimumLevel = style.minimumLevel
        self.live = live
        self.size = size ?? { LiveTerminal.size() }
        screen = Mutex(Screen(terminal: LiveTerminal(out: out, colour: style.colour)))
        start = clock.now
    }

    /// Starts the ticker and makes this the renderer ``finishActive()`` finishes.
    package func start(ticking: Bool = true) {
        Self.active.withLock { $0 = self }
        guard ticking else { return }
        let thread = Thread { [self] in
            while tick() { Thread.sleep(forTimeInterval: 0.1) }
        }
        thread.start()
    }

    package func emit(_ event: any FerryEvent) {
        let reading = live.reading(of: event)
        let shown = event.level >= minimumLevel && !(reading.absorbed && event.level < .warning)
        let text = shown ? console.render(event) : nil
        let now = seconds()
        screen.withLock { screen in
            guard !screen.finished else {
                if let text { screen.terminal.draw(above: text, frame: []) }
                return
            }
            for update in reading.updates { screen.state.apply(update, at: now) }
            screen.paused = false
            if let text {
                draw(&screen, above: text, now: now)
            } else if !reading.updates.isEmpty {
                screen.dirty = true
            }
        }
    }

    /// Redraws the region when it shows something or changed; false once finished.
    @discardableResult
    package func tick() -> Bool {
        let now = seconds()
        return screen.withLock { screen in
            guard !screen.finished else { return false }
            if !screen.paused && (screen.dirty || !screen.state.isEmpty) { draw(&screen, above: "", now: now) }
            return true
        }
    }

    /// Removes the region (for a question asked on the terminal); the next event draws it again.
    package func pause() {
        screen.withLock { screen in
            screen.terminal.clear()
            screen.paused = true
        }
    }

    /// Removes the region for good and shows the cursor; later events print plain lines.
    package func finish() {
        screen.withLock { screen in
            screen.terminal.clear()
            screen.finished = true
        }
        Self.active.withLock { if $0 === self { $0 = nil } }
    }

    /// Finishes the running command's live region, if any (before its error is reported).
    package static func finishActive() {
        let renderer = active.withLock { $0 }
        renderer?.finish()
    }

    /// Pauses the running command's live region, if any (before a question is asked).
    package static func pauseActive() {
        let renderer = active.withLock { $0 }
        renderer?.pause()
    }

    private func draw(_ screen: inout Screen, above: String, now: Double) {
        let (columns, rows) = size()
        screen.terminal.draw(above: above, frame: LiveFrame.lines(of: screen.state, now: now, width: columns, height: rows))
        screen.dirty = false
    }

    private func seconds() -> Double {
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
