import AWSCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The scripted loopback server in Fixtures/fault_server.py, run with python3.
final class FaultServer: Sendable {
    let port: Int
    private let process: Process
    /// Kept open while the server should run; closing it stops the server.
    private let input: Pipe

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fault_server.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--watch-stdin"]
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw StartFailure(description: "fault_server.py did not report a port (got '\(text)')")
        }
        self.port = port
        self.process = process
        self.input = input
    }

    deinit { stop() }

    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// How many requests the path with this script received.
    func attempts(_ script: String) async throws -> Int {
        var components = URLComponents(string: "\(baseURL)/__attempts")!
        components.queryItems = [URLQueryItem(name: "path", value: script)]
        let response = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: components.url!, timeout: 10))
        return Int(String(decoding: response.body, as: UTF8.self)) ?? -1
    }
}

extension FaultServer {
    /// One request a scripted path received, as the server read it.
    struct ReceivedBody: Decodable, Sendable {
        let method: String
        /// The Content-Length the request declared.
        let declared: Int
        /// The body bytes that arrived.
        let received: Int
        /// Whether it came on a connection that had already served a request.
        let reusedConnection: Bool
    }

    /// What each request to the path with this script carried, in order.
    func bodies(_ script: String) async throws -> [ReceivedBody] {
        var components = URLComponents(string: "\(baseURL)/__bodies")!
        components.queryItems = [URLQueryItem(name: "path", value: script)]
        let response = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: components.url!, timeout: 10))
        return try JSONDecoder().decode([ReceivedBody].self, from: response.body)
    }
}
