import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who holds an environment's deploy lock, as stored in the lock object.
package struct LockHolder: Sendable, Codable, Equatable {
    /// A unique ID for this acquisition.
    package var id: String
    /// The caller's ARN (STS GetCallerIdentity).
    package var owner: String
    package var host: String
    /// The machine's identity (`/etc/machine-id`, else the host name); absent in older locks.
    package var hostID: String?
    package var pid: Int32
    package var stackName: String
    package var environment: String
    /// The command that holds it (`ferry deploy`, `ferry update`, ...); absent in older locks.
    package var command: String?
    package var acquiredAt: Date
    package var expiresAt: Date

    /// A holder.
    package init(id: String = UUID().uuidString, owner: String, host: String, hostID: String? = nil, pid: Int32, stackName: String,
                environment: String, command: String? = nil, acquiredAt: Date, expiresAt: Date) {
        self.id = id
        self.owner = owner
        self.host = host
        self.hostID = hostID
        self.pid = pid
        self.stackName = stackName
        self.environment = environment
        self.command = command
        self.acquiredAt = acquiredAt
        self.expiresAt = expiresAt
    }

    /// Whether the lock has expired at `now` (its holder died or forgot it).
    package func isStale(at now: Date) -> Bool { now >= expiresAt }

    /// Whether the holder was a process of the machine `hostID` that no longer runs, seen from
    /// another process `pid` of that machine: its lock can be taken over at once.
    package func isAbandoned(hostID: String, pid: Int32, processExists: (Int32) -> Bool = LockHolder.processExists) -> Bool {
        guard let mine = self.hostID, mine == hostID, self.pid != pid, self.pid > 0 else { return false }
        return !processExists(self.pid)
    }

    /// Who and where, for messages: `arn:... (ferry up on host, pid 42)`.
    package var summary: String {
        "\(owner) (\(command.map { "\($0) " } ?? "")on \(host), pid \(pid))"
    }

    /// Whether a process with this ID runs on this machine (`kill(pid, 0)`; EPERM means it does).
    package static func processExists(_ pid: Int32) -> Bool {
        if kill(pid, 0) == 0 { return true }
        return errno != ESRCH
    }

    /// This machine's identity: `/etc/machine-id` (or the D-Bus one), else the host name.
    package static let localHostID: String = {
        for path in ["/etc/machine-id", "/var/lib/dbus/machine-id"] {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !id.isEmpty { return id }
            }
        }
        return ProcessInfo.processInfo.hostName
    }()
}
