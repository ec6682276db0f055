import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The fault-injecting proxy in Fixtures/fault_proxy.py, in front of the emulator on 127.0.0.1.
///
/// It checks every request's SigV4 signature over the bytes that arrived (403 when they are not
/// the signed ones), injects faults chosen by rules or at random, and records what it saw.
final class FaultProxy: Sendable {
    /// The port the proxy listens on (127.0.0.1 only).
    let port: Int
    private let process: Process
    /// Kept open while the proxy should run; closing it stops the proxy.
    private let input: Pipe

    /// What the proxy does to a request instead of (or after) forwarding it.
    enum Fault: String, Codable, Sendable {
        /// The service's throttling error; nothing is forwarded.
        case throttle
        /// HTTP 500 InternalFailure; nothing is forwarded.
        case serverError = "500"
        /// The connection is closed without an answer; nothing is forwarded.
        case reset
        /// Forwarded (the emulator acts on it), then the connection is closed without the answer.
        case lose
        /// 403 SignatureDoesNotMatch; nothing is forwarded.
        case badSignature = "403"
    }

    /// Which requests get a fault: every given criterion must match.
    struct Rule: Encodable, Sendable {
        var kind: Fault
        /// HTTP method, e.g. `POST`.
        var method: String?
        /// A regular expression searched in the request path.
        var path: String?
        /// The query-protocol `Action` or the operation of `X-Amz-Target`.
        var action: String?
        /// How many matching requests get the fault (0: every one).
        var count: Int = 1
        /// Matching requests that pass untouched before the fault applies.
        var skip: Int = 0
    }

    /// One request as the proxy saw it.
    struct SeenRequest: Decodable, Sendable, CustomStringConvertible {
        let method: String
        let path: String
        let action: String
        let service: String
        let contentLength: Int
        let bodyLength: Int
        let bodySHA256: String
        let signedSHA256: String?
        let bodyComplete: Bool
        let bodyMatchesSignature: Bool
        let signatureValid: Bool
        let problem: String
        let fault: String?
        let status: Int?

        var description: String {
            "\(method) \(path) \(action) body \(bodyLength)/\(contentLength) signature \(signatureValid ? "ok" : problem) fault \(fault ?? "-") → \(status.map(String.init) ?? "none")"
        }
    }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts a proxy in front of `upstream` (the emulator's endpoint).
    init(upstream: URL, secret: String = "testing") throws {
        let script = RepositoryPaths.root.appendingPathComponent("Tests/IntegrationTests/Fixtures/fault_proxy.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RepositoryPaths.python)
        process.arguments = RepositoryPaths.pythonPrefix + [script.path, "--upstream", upstream.absoluteString, "--secret", secret, "--watch-stdin"]
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
            throw StartFailure(description: "fault_proxy.py did not report a port (got '\(text)')")
        }
        self.port = port
        self.process = process
        self.input = input
    }

    deinit { stop() }

    /// Stops the proxy.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The endpoint to give Ferry instead of the emulator's.
    var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Adds rules (tried in order, after the ones already there).
    func add(_ rules: [Rule]) async throws {
        struct Body: Encodable { let rules: [Rule] }
        try await control("POST", "rules", body: try JSONEncoder().encode(Body(rules: rules)))
    }

    /// Adds one rule.
    func add(_ kind: Fault, method: String? = nil, path: String? = nil, action: String? = nil, count: Int = 1, skip: Int = 0) async throws {
        try await add([Rule(kind: kind, method: method, path: path, action: action, count: count, skip: skip)])
    }

    /// Gives each request a fault with probability `rate`, drawn from `kinds` by a seeded generator.
    func randomFaults(rate: Double, seed: Int, kinds: [Fault] = [.throttle, .serverError, .reset]) async throws {
        struct Body: Encodable { let rate: Double; let seed: Int; let kinds: [Fault] }
        try await control("POST", "random", body: try JSONEncoder().encode(Body(rate: rate, seed: seed, kinds: kinds)))
    }

    /// Forgets every rule and the random mode.
    func clearRules() async throws { try await control("DELETE", "rules") }

    /// Every request seen since the start or `clearRequests()`, oldest first.
    func requests() async throws -> [SeenRequest] {
        struct Page: Decodable { let requests: [SeenRequest] }
        let data = try await control("GET", "requests")
        return try JSONDecoder().decode(Page.self, from: data).requests
    }

    /// Forgets the requests seen.
    func clearRequests() async throws { try await control("DELETE", "requests") }

    /// Requests whose body was not exactly the signed one (short, or other bytes than signed).
    func unsignedBodies() async throws -> [SeenRequest] {
        try await requests().filter { !$0.bodyComplete || !$0.bodyMatchesSignature || !$0.signatureValid }
    }

    @discardableResult
    private func control(_ method: String, _ path: String, body: Data? = nil) async throws -> Data {
        var request = URLRequest(url: endpoint.appendingPathComponent("__proxy/\(path)"), timeoutInterval: 30)
        request.httpMethod = method
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw StartFailure(description: "fault proxy \(method) \(path) answered \(String(describing: (response as? HTTPURLResponse)?.statusCode))")
        }
        return data
    }
}

extension EmulatorEnvironment {
    /// The same environment with Ferry pointed at `proxy` instead of the emulator.
    func through(_ proxy: FaultProxy) -> EmulatorEnvironment {
        EmulatorEnvironment(endpoint: proxy.endpoint, home: home)
    }
}
