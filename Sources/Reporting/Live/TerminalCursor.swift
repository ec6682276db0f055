import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes sure a hidden cursor is shown again however the process ends: at `exit` and on Ctrl-C
/// (SIGINT) or SIGTERM left to their default, whose handler shows the cursor and then lets the
/// signal end the process as it would have.
enum TerminalCursor {
    private static let installed = Mutex(false)

    /// The cursor was hidden: installs the handlers once.
    static func hidden() {
        cursorHiddenFlag = 1
        let first = installed.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        guard first else { return }
        atexit { showCursorNow() }
        for number in [SIGINT, SIGTERM] {
            // A signal the command handles itself (ignored here, heard by a dispatch source that
            // exits) is left alone: `exit` shows the cursor.
            var current = sigaction()
            sigaction(number, nil, &current)
            #if canImport(Glibc)
            guard current.__sigaction_handler.sa_handler == nil else { continue }
            #else
            guard current.__sigaction_u.__sa_handler == nil else { continue }
            #endif
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = restoreCursorThenRaise
            #else
            action.__sigaction_u.__sa_handler = restoreCursorThenRaise
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }

    /// The cursor is visible again.
    static func shown() { cursorHiddenFlag = 0 }
}

/// 1 while the live region has hidden the cursor; read by the signal handler.
nonisolated(unsafe) private var cursorHiddenFlag: sig_atomic_t = 0

/// Writes "show the cursor" to standard output when it is hidden; async-signal-safe.
private func showCursorNow() {
    guard cursorHiddenFlag != 0 else { return }
    var sequence: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0x1B, 0x5B, 0x3F, 0x32, 0x35, 0x68, 0x0A)
    _ = withUnsafeBytes(of: &sequence) { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    cursorHiddenFlag = 0
}

/// The SIGINT/SIGTERM handler: shows the cursor, then dies of the signal as it would have.
private func restoreCursorThenRaise(_ number: Int32) {
    showCursorNow()
    signal(number, SIG_DFL)
    raise(number)
}
