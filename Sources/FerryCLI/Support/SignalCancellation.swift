import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns Ctrl-C (SIGINT) and SIGTERM into a call of `onSignal` (cancelling a task), so a
/// long-running command such as `ferry watch` can stop cleanly instead of being killed.
final class SignalCancellation {
    private let sources: [any DispatchSourceSignal]
    private let signals: [Int32]
    private let received = ReceivedSignal()

    /// Calls `onSignal` once on the first of `signals`.
    init(signals: [Int32] = [SIGINT, SIGTERM], onSignal: @escaping @Sendable () -> Void) {
        self.signals = signals
        sources = signals.map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        for (source, number) in zip(sources, signals) {
            source.setEventHandler { [received] in
                let first = received.value.withLock { value -> Bool in
                    guard value == nil else { return false }
                    value = number
                    return true
                }
                if first { onSignal() }
            }
        }
    }

    /// The signal received, if any.
    var receivedSignal: Int32? { received.value.withLock { $0 } }

    /// Takes the signals over from their default handlers.
    func start() {
        for (source, number) in zip(sources, signals) {
            signal(number, SIG_IGN)
            source.resume()
        }
    }

    /// Gives the signals back to their default handlers.
    func stop() {
        for (source, number) in zip(sources, signals) {
            source.cancel()
            signal(number, SIG_DFL)
        }
    }
}

/// The first signal received, shared with the signal handlers.
private final class ReceivedSignal: Sendable {
    let value = Mutex<Int32?>(nil)
}
