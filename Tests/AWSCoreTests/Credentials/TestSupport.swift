import AWSCore
import AWSSigV4
import Foundation
import Synchronization

/// A temporary HOME with real `~/.aws/config` and `~/.aws/credentials` files.
final class TemporaryHome {
    let path: String

    init(config: String? = nil, credentials: String? = nil) throws {
        path = NSTemporaryDirectory() + "ferry-creds-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
        if let config { try write(".aws/config", config) }
        if let credentials { try write(".aws/credentials", credentials) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes a file under the home directory; returns its full path.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }

    /// An environment with this HOME, IMDS disabled unless overridden, and `extra` on top.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ["HOME": path, "PATH": "/usr/bin:/bin", "AWS_EC2_METADATA_DISABLED": "true",
                           "AWS_METADATA_SERVICE_TIMEOUT": "10"]
        environment.merge(extra) { _, new in new }
        return environment
    }
}

/// Records AssumeRole calls and hands out numbered credentials.
final class FakeRoleAssumer: RoleAssumer {
    struct Call: Sendable, Equatable {
        var request: AssumeRoleRequest
        var using: AWSCredentials
    }

    private let calls = Mutex<[Call]>([])
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 3600) { self.lifetime = lifetime }

    var recorded: [Call] { calls.withLock { $0 } }

    func assumeRole(_ request: AssumeRoleRequest, using credentials: AWSCredentials) async throws -> AWSCredentials {
        let count = calls.withLock { calls in
            calls.append(Call(request: request, using: credentials))
            return calls.count
        }
        let role = request.roleARN.split(separator: "/").last.map(String.init) ?? "role"
        return AWSCredentials(accessKeyID: "ASIA-\(role)-\(count)", secretAccessKey: "secret-\(count)",
                              sessionToken: "token-\(count)", expiration: Date().addingTimeInterval(lifetime))
    }
}

/// The fixture HTTP server standing in for the container endpoint and IMDS.
final class MetadataServer {
    let port: Int
    private let process: Process

    /// The script beside this file.
    static var scriptPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/metadata_server.py").path
    }

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    /// Starts the script and waits (off the cooperative pool) for the port it prints.
    static func start(arguments: [String] = []) async throws -> MetadataServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        let line = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            DispatchQueue.global().async {
                var line = Data()
                while true {
                    let byte = handle.readData(ofLength: 1)
                    if byte.isEmpty || byte == Data("\n".utf8) { break }
                    line.append(byte)
                }
                continuation.resume(returning: String(decoding: line, as: UTF8.self))
            }
        }
        guard let port = Int(line) else {
            kill(process.processIdentifier, SIGKILL)
            throw ServerError(message: "metadata_server.py did not print a port")
        }
        return MetadataServer(port: port, process: process)
    }

    deinit {
        // SIGKILL: a child started from a worker thread may have SIGTERM blocked.
        kill(process.processIdentifier, SIGKILL)
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The requests the server saw (method, path, lower-cased headers).
    func requests() async throws -> [[String: Any]] {
        let response = try await URLSessionTransport().send(HTTPRequest(method: "GET", url: URL(string: baseURL + "/_log")!))
        return (try JSONSerialization.jsonObject(with: response.body) as? [[String: Any]]) ?? []
    }

    struct ServerError: Error { let message: String }
}
