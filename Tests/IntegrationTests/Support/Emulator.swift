import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The local AWS emulator (moto server with Ferry's launcher), started once per test run.
///
/// The server is started with `--exit-with-parent`, so it ends with the test process even when
/// the run is interrupted. Tests reset it (`POST /moto-api/reset`) before they use it.
actor Emulator {
    static let shared = Emulator()

    private var startTask: Task<URL, any Error>?

    /// The endpoint URL (`http://localhost:PORT`), starting the server on first use.
    func endpoint() async throws -> URL {
        if let startTask { return try await startTask.value }
        let task = Task { try await Self.start() }
        startTask = task
        return try await task.value
    }

    /// Wipes all state of the emulator.
    func reset() async throws {
        let url = try await endpoint().appendingPathComponent("moto-api/reset")
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        let (_, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw EmulatorError("reset answered \(String(describing: (response as? HTTPURLResponse)?.statusCode))")
        }
    }

    private static func start() async throws -> URL {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-emulator-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let portFile = state.appendingPathComponent("port")
        let logFile = state.appendingPathComponent("emulator.log")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RepositoryPaths.python)
        process.arguments = RepositoryPaths.pythonPrefix + [
            RepositoryPaths.root.appendingPathComponent("emulator/launcher.py").path,
            "--port-file", portFile.path, "--exit-with-parent", String(getpid()),
        ]
        let log = try FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8),
               let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return URL(string: "http://localhost:\(port)")!
            }
            if !process.isRunning {
                let tail = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
                throw EmulatorError("the emulator exited during start-up (pip install -r emulator/requirements.txt?):\n\(tail.suffix(2000))")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        process.terminate()
        throw EmulatorError("the emulator did not start within 180 s; log: \(logFile.path)")
    }
}

/// The emulator could not be started or reset.
struct EmulatorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
