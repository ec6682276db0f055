// Node.js node_modules trees installed once per lock file: a handler edit runs no npm.
import Foundation
import Testing
@testable import Builds

@Suite("NodeBuilder dependency trees")
struct NodeDependencyTreeTests {
    /// An `npm` wrapper on PATH that logs its arguments and runs the real npm, laid out as npm is
    /// (`npm` links to `…/npm/bin/npm-cli.js`, beside npm's `package.json`).
    struct NpmShim {
        let environment: [String: String]
        let log: String

        init(in folder: TestFolder) throws {
            let npm = try #require(which("npm"), "npm must be installed for this test")
            log = folder.url("npm-calls.log")
            try folder.write("wrap/npm/bin/npm-cli.js", "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '\(log)'\nexec '\(npm)' \"$@\"\n",
                             mode: 0o755)
            let version = try run("npm", ["--version"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
            try folder.write("wrap/npm/package.json", "{\"name\": \"npm\", \"version\": \"\(version)\"}\n")
            try folder.symlink("wrap-bin/npm", to: folder.url("wrap/npm/bin/npm-cli.js"))
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = folder.url("wrap-bin") + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            self.environment = environment
        }

        /// Every logged npm invocation.
        var calls: [String] {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    /// Two functions with the same package.json and lock file, depending on `lib/greeting` through
    /// `file:` (no registry needed).
    static func writeApp(_ folder: TestFolder) throws -> String {
        try folder.write("app/template.yaml", "Resources: {}\n")
        try folder.write("app/lib/greeting/package.json", "{\"name\": \"greeting\", \"version\": \"1.0.0\", \"main\": \"index.js\"}\n")
        try folder.write("app/lib/greeting/index.js", "module.exports = () => 'hello'\n")
        let manifest = """
            {"name": "fn", "version": "1.0.0", "private": true,
             "dependencies": {"greeting": "file:../../lib/greeting"}}

            """
        for index in 1...2 {
            try folder.write("app/src/f\(index)/package.json", manifest)
            try folder.write("app/src/f\(index)/index.js", handler(index, version: 1))
            let result = try run("npm", ["install", "--package-lock-only", "--install-links", "--no-audit", "--no-fund",
                                         "--prefix", folder.url("app/src/f\(index)")])
            #expect(result.status == 0, "\(result.output)")
        }
        return folder.url("app")
    }

    static func handler(_ index: Int, version: Int) -> String {
        "const greeting = require('greeting')\nexports.handler = async () => [\(index), \(version), greeting()]\n"
    }

    static func request(_ app: String, _ index: Int) -> BuildRequest {
        BuildRequest(logicalID: .init("F\(index)"), kind: .function, sourceFolder: app + "/src/f\(index)",
                     runtime: "nodejs20.x", architecture: "x86_64", templateFolder: app, templateFile: app + "/template.yaml")
    }

    @Test("functions with the same lock file share one installed tree; a handler edit runs no npm; zips equal the per-function install's")
    func sharedTree() async throws {
        let folder = try TestFolder("node-deps")
        let shim = try NpmShim(in: folder)
        let app = try Self.writeApp(folder)
        let deps = folder.url("ferry/deps")
        let builder = { NodeBuilder(environment: shim.environment, dependencyTreeFolder: deps) }
        func ciRuns() -> Int { shim.calls.filter { $0.hasPrefix("ci ") }.count }

        let first = builder()
        let staged = try await withThrowingTaskGroup(of: (Int, StagedBuild).self) { group in
            for index in 1...2 {
                group.addTask { (index, try await first.build(Self.request(app, index), workFolder: folder.url("w1-\(index)"))) }
            }
            return try await group.reduce(into: [Int: StagedBuild]()) { $0[$1.0] = $1.1 }
        }
        #expect(ciRuns() == 1)
        #expect(shim.calls.count == 1, "only `npm ci` ran: \(shim.calls)")
        #expect(first.dependencyTrees?.treesInstalled == 1)
        #expect(staged[1]!.parts.count == 1 && staged[1]!.parts == staged[2]!.parts)
        let files = try PythonFixture.tree(staged[1]!)
        #expect(files["node_modules/greeting/index.js"] != nil && files["index.js"] != nil && files["package.json"] != nil)
        #expect(files["node_modules/.package-lock.json"] == nil)

        // The same function built the old way (npm in its own copy): the same zip bytes.
        let perFunction = try await NodeBuilder(environment: shim.environment)
            .build(Self.request(app, 1), workFolder: folder.url("w-old"))
        let shared = try PythonFixture.zips(staged[1]!, to: folder.url("shared"))
        let old = try staged[1]!.writeZip(to: folder.url("shared-again.zip"))
        #expect(shared.sha256 == old.sha256)
        let oldZip = try DeterministicZip().write(FileTree.scan(perFunction.folder, rules: .always, readIgnoreFile: false),
                                                  to: folder.url("old.zip"))
        #expect(oldZip.sha256 == shared.sha256)

        // A handler edit, in a new run: no npm at all.
        let callsBefore = shim.calls.count
        try folder.write("app/src/f2/index.js", Self.handler(2, version: 2))
        let edited = try await builder().build(Self.request(app, 2), workFolder: folder.url("w2"))
        #expect(shim.calls.count == callsBefore)
        #expect(try PythonFixture.tree(edited)["index.js"]?.bytes == Data(Self.handler(2, version: 2).utf8))

        // The local dependency edited: a new tree, one `npm ci`.
        let ciBefore = ciRuns()
        try folder.write("app/lib/greeting/index.js", "module.exports = () => 'hi'\n")
        let rebuilt = try await builder().build(Self.request(app, 1), workFolder: folder.url("w3"))
        #expect(ciRuns() == ciBefore + 1)
        #expect(try PythonFixture.tree(rebuilt)["node_modules/greeting/index.js"]?.bytes == Data("module.exports = () => 'hi'\n".utf8))
    }
}
