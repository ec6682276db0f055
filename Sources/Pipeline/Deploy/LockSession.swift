import Deployment
import Foundation
import Reporting

/// The environment's deploy lock held by one command (`ferry deploy`, `up`, `update`,
/// `rollback`, `watch`): taken with events for what happened, waited for within a bound, and
/// released with a warning when that fails.
struct LockSession: Sendable {
    let lock: EnvironmentLock
    let holder: LockHolder

    /// Takes `lock` for `command`. While someone else holds it, waits up to `timeout` (polling
    /// every `pollInterval`), then throws `DeploymentError.locked` naming them.
    ///
    /// An expired lock, and a lock of a process of this machine that has ended, are taken over
    /// with a warning; a lock this very acquisition already took (its answer was lost) is ours.
    static func take(
        _ lock: EnvironmentLock, owner: String, environment: String, stackName: String, command: String,
        timeout: Duration = .zero, pollInterval: Duration = .seconds(2), sink: any EventSink
    ) async throws -> LockSession {
        let now = Date()
        let holder = LockHolder(
            owner: owner, host: ProcessInfo.processInfo.hostName, hostID: LockHolder.localHostID,
            pid: ProcessInfo.processInfo.processIdentifier, stackName: stackName, environment: environment,
            command: command, acquiredAt: now, expiresAt: now.addingTimeInterval(lock.lifetime))
        let hostID = LockHolder.localHostID
        let pid = holder.pid
        let deadline = ContinuousClock.now + timeout
        var announced = false
        while true {
            do {
                let acquisition = try await lock.acquire(holder) { $0.isAbandoned(hostID: hostID, pid: pid) }
                sink.emit(LockEvent(acquisition, lock: lock))
                return LockSession(lock: lock, holder: holder)
            } catch let error as DeploymentError where error.isLocked && ContinuousClock.now < deadline {
                if !announced {
                    announced = true
                    sink.emit(LockEvent(kind: "lock.waiting", level: .warning,
                                        message: "\(error.description.components(separatedBy: " since ").first ?? "the environment is locked"); "
                                            + "waiting up to \(timeout.components.seconds) s (--lock-timeout)"))
                }
                try await Task.sleep(for: pollInterval)
            }
        }
    }

    /// Releases the lock; when that fails, a warning names the lock and the command that clears it.
    func release(sink: any EventSink) async {
        do {
            try await lock.release(holder)
        } catch {
            sink.emit(LockEvent(
                kind: "lock.notReleased", level: .warning,
                message: "could not release the deploy lock \(lock.location): \(FailurePresenter.present(error).message)",
                details: ["the next ferry run on this machine takes it over (this process will have ended);",
                          "from elsewhere, once nothing runs: \(lock.unlockCommand)"]))
        }
    }
}

/// What happened to the environment's deploy lock.
package struct LockEvent: FerryEvent {
    package let kind: String
    package let level: EventLevel
    package let message: String
    package let details: [String]

    /// An event; `kind` is `lock.<what>`.
    package init(kind: String, level: EventLevel, message: String, details: [String] = []) {
        self.kind = kind
        self.level = level
        self.message = message
        self.details = details
    }

    init(_ acquisition: EnvironmentLock.Acquisition, lock: EnvironmentLock) {
        switch acquisition {
        case .acquired:
            self.init(kind: "lock.acquired", level: .debug, message: "took the deploy lock \(lock.location)")
        case .alreadyOurs:
            self.init(kind: "lock.acquired", level: .debug,
                      message: "took the deploy lock \(lock.location) (an earlier attempt had taken it; its answer was lost)")
        case .replacedStale(_, let previous):
            self.init(kind: "lock.replacedStale", level: .warning,
                      message: "replaced a stale lock of \(previous.owner) that expired at \(previous.expiresAt.formatted(.iso8601))")
        case .tookOverAbandoned(_, let previous):
            self.init(kind: "lock.tookOver", level: .warning,
                      message: "took over the deploy lock \(lock.location) of \(previous.summary): that process has ended without releasing it")
        }
    }
}
