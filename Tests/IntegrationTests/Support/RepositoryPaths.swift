import Foundation

/// Paths inside this repository, found from this source file (tests run from any folder).
enum RepositoryPaths {
    /// The repository root.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // IntegrationTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The example app.
    static var exampleApp: URL { root.appendingPathComponent("examples/fiscalshield-idp") }

    /// The `ferry` executable built next to the test bundle.
    static var ferryBinary: URL {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            bundleFolder.appendingPathComponent("ferry"),
            bundleFolder.deletingLastPathComponent().appendingPathComponent("ferry"),
            root.appendingPathComponent(".build/debug/ferry"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// The Python interpreter the tests use (`FERRY_PYTHON` overrides `python3` on PATH).
    static var python: String {
        ProcessInfo.processInfo.environment["FERRY_PYTHON"] ?? "/usr/bin/env"
    }

    /// Arguments that start Python: `python3` through env unless FERRY_PYTHON names one.
    static var pythonPrefix: [String] {
        ProcessInfo.processInfo.environment["FERRY_PYTHON"] == nil ? ["python3"] : []
    }
}
