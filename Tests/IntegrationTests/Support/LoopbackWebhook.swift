import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP server on 127.0.0.1 for webhook tests: answers each POST with the next scripted
/// status code (200 once the script is used up) and records the bodies it received.
final class LoopbackWebhook: Sendable {
    /// The port it listens on.
    let port: Int
    private let listener: Int32
    private let stopped = Mutex(false)
    private let state: Mutex<(statuses: [Int], bodies: [Data])>

    /// Starts listening; `statuses` are answered in turn.
    init(statuses: [Int] = []) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw EmulatorError("socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw EmulatorError("bind/listen failed") }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
        listener = fd
        state = Mutex((statuses, []))
        let thread = Thread { [self] in self.serve() }
        thread.start()
    }

    /// The URL to post to.
    var url: String { "http://127.0.0.1:\(port)/hooks/ferry" }

    /// The bodies received so far, in order.
    var bodies: [Data] { state.withLock { $0.bodies } }

    /// The bodies as JSON objects.
    var json: [[String: Any]] {
        bodies.compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    /// Stops accepting connections.
    func stop() {
        let first = stopped.withLock { wasStopped in
            defer { wasStopped = true }
            return !wasStopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then closed).
    static func refusedPort() throws -> Int {
        let server = try LoopbackWebhook()
        let port = server.port
        server.stop()
        return port
    }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var bodyStart: Int?
        var contentLength = 0
        while true {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return }
            received.append(contentsOf: buffer[0..<count])
            if bodyStart == nil, let range = received.range(of: Data("\r\n\r\n".utf8)) {
                bodyStart = range.upperBound
                let head = String(decoding: received[..<range.lowerBound], as: UTF8.self).lowercased()
                for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
                    contentLength = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            if let start = bodyStart, received.count - start >= contentLength {
                let body = Data(received[start..<(start + contentLength)])
                let status = state.withLock { value -> Int in
                    value.bodies.append(body)
                    return value.statuses.isEmpty ? 200 : value.statuses.removeFirst()
                }
                let reply = "HTTP/1.1 \(status) Scripted\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                _ = reply.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                return
            }
        }
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
