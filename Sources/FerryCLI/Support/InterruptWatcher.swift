import Dispatch
import Foundation
import Pipeline
import Reporting
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Handles Ctrl-C (SIGINT) during a deploy: says what CloudFormation is doing and how to cancel
/// it, runs the registered cleanup (the lock's release), and exits 130. It never cancels the
/// stack operation.
final class InterruptWatcher {
    private let interruption: DeployInterruption
    private let json: Bool
    private let source: any DispatchSourceSignal

    init(interruption: DeployInterruption, json: Bool) {
        self.interruption = interruption
        self.json = json
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    }

    /// Takes over SIGINT from the default handler.
    func start() {
        signal(SIGINT, SIG_IGN)
        let interruption = interruption
        let json = json
        source.setEventHandler {
            let message = interruption.message
            LiveConsoleRenderer.finishActive()
            FinalLineSink(json: json).emit(DeployInterruptedEvent(message: message))
            let done = DispatchSemaphore(value: 0)
            if let cleanup = interruption.cleanup {
                Task.detached {
                    await cleanup()
                    done.signal()
                }
                let seconds = Int(interruption.cleanupTimeout.components.seconds)
                _ = done.wait(timeout: .now() + .seconds(max(seconds, 1)))
            }
            exit(FerryExitCode.interrupted.rawValue)
        }
        source.resume()
    }

    /// Gives SIGINT back to the default handler.
    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
