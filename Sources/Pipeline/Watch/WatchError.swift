// Why watching could not start.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file watcher could not start, with what to do about it.
package struct WatchError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case unavailable(mechanism: String, call: String, errno: Int32)
        case watchLimit(path: String)
        case unsupported(mechanism: String)
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    /// `call` failed with `errno` for `mechanism`.
    static func unavailable(_ mechanism: String, call: String, errno: Int32) -> WatchError {
        WatchError(.unavailable(mechanism: mechanism, call: call, errno: errno))
    }

    /// The per-user inotify watch limit was reached while adding `path`.
    static func watchLimit(at path: String) -> WatchError { WatchError(.watchLimit(path: path)) }

    /// `mechanism` does not exist on this platform.
    static func unsupported(_ mechanism: String) -> WatchError { WatchError(.unsupported(mechanism: mechanism)) }

    /// True when the inotify watch limit was reached.
    package var isWatchLimit: Bool {
        if case .watchLimit = kind { return true }
        return false
    }

    /// What went wrong, where, and what to do.
    package var description: String {
        switch kind {
        case let .unavailable(mechanism, call, errno):
            return "\(mechanism) could not start: \(call) failed (\(String(cString: strerror(errno)))); "
                + "Ferry watches by polling instead."
        case let .watchLimit(path):
            return "the inotify watch limit was reached while watching \(path); raise it with "
                + "`sudo sysctl fs.inotify.max_user_watches=524288`. Ferry watches by polling instead."
        case let .unsupported(mechanism):
            return "\(mechanism) is not available on this platform; Ferry watches by polling instead."
        }
    }
}
