// Build keys are shared between machines (the remote build cache): no absolute path, HOME or
// cache location may change them.
import Foundation
import Testing
@testable import Builds
import Templates

@Suite("Build keys are the same on every machine")
struct MachineIndependentKeyTests {
    /// One checkout: the Python example app plus a Node.js package with a `file:` dependency, an
    /// npm workspace, a Makefile function, a custom-command function and a plain layer folder.
    static func checkout(_ folder: TestFolder) throws -> String {
        let app = try PythonFixture.copyExample(into: folder)
        try folder.write("app/node/api/package.json", """
            {"name": "api", "version": "1.0.0", "dependencies": {"shared": "file:../shared"}}
            """)
        try folder.write("app/node/api/index.js", "exports.handler = async () => require('shared').hello;\n")
        try folder.write("app/node/shared/package.json", #"{"name": "shared", "version": "1.0.0"}"#)
        try folder.write("app/node/shared/index.js", "exports.hello = 'hi';\n")
        try folder.write("app/ws/package.json", #"{"name": "ws", "private": true, "workspaces": ["packages/*"]}"#)
        try folder.write("app/ws/package-lock.json", #"{"name": "ws", "lockfileVersion": 3}"#)
        try folder.write("app/ws/packages/a/package.json", #"{"name": "a", "version": "1.0.0", "dependencies": {"b": "1.0.0"}}"#)
        try folder.write("app/ws/packages/a/index.js", "exports.handler = async () => 1;\n")
        try folder.write("app/ws/packages/b/package.json", #"{"name": "b", "version": "1.0.0"}"#)
        try folder.write("app/ws/packages/b/index.js", "exports.b = 2;\n")
        try folder.write("app/make/Makefile", "build-MakeFunction:\n\tcp app.sh $(ARTIFACTS_DIR)/\n")
        try folder.write("app/make/app.sh", "echo hi\n", mode: 0o755)
        try folder.write("app/custom/main.go", "package main\n")
        try folder.write("app/layer/python/util.py", "X = 1\n")
        return app
    }

    /// Every builder's key of every kind of function in the checkout at `app`, with tools that see
    /// `home` as HOME (and PATH, caches and temporary folders under it).
    static func keys(app: String, home: String) async throws -> [String: BuildKey] {
        let environment = ["HOME": home, "PATH": home + "/bin:/usr/bin:/bin", "TMPDIR": home + "/tmp",
                           "PIP_CACHE_DIR": home + "/.cache/pip", "npm_config_cache": home + "/.npm"]
        let python = PythonBuilder(environment: environment, pipCacheFolder: home + "/.cache/ferry/pip")
        let node = NodeBuilder(environment: environment)
        let esbuild = EsbuildBuilder(environment: environment)
        func request(_ id: String, _ folder: String, runtime: String, kind: BuildRequest.Kind = .function,
                     properties: TemplateMap? = nil) -> BuildRequest {
            BuildRequest(logicalID: .init(id), kind: kind, sourceFolder: app + "/" + folder, runtime: runtime,
                         templateFolder: app, templateFile: app + "/template.yaml", environment: ["STAGE": "dev"],
                         buildProperties: properties)
        }
        let ocr = PythonFixture.request("OCRFunction", app: app, codeUri: "src/ocr", templateFolder: "patterns/pattern-2")
        let wheel = PythonFixture.request("CopyToBaselineFunction", app: app, codeUri: "src/copy_to_baseline")
        let entry = TemplateMap([("EntryPoints", TemplateValue.list([.string("index.js")]))])
        let builds: [(String, any FunctionBuilder, BuildRequest)] = [
            ("python local package", python, ocr),
            ("python vendored wheel", python, wheel),
            ("node file: dependency", node, request("Api", "node/api", runtime: "nodejs20.x")),
            ("node workspace member", node, request("A", "ws/packages/a", runtime: "nodejs20.x")),
            ("esbuild", esbuild, request("Bundled", "node/api", runtime: "nodejs20.x", properties: entry)),
            ("makefile", MakefileBuilder(environment: environment), request("MakeFunction", "make", runtime: "provided.al2023")),
            ("custom command", CustomCommandBuilder(command: "go build -o $ARTIFACTS_DIR/bootstrap", environment: environment),
             request("Custom", "custom", runtime: "provided.al2023")),
            ("folder copy", FolderCopyBuilder(), request("Layer", "layer", runtime: "python3.12", kind: .layer)),
        ]
        var keys: [String: BuildKey] = [:]
        for (name, builder, request) in builds {
            keys[name] = BuildKey(try await builder.buildKeyInputs(for: request))
        }
        return keys
    }

    @Test("the same sources in two folders with different HOMEs give identical keys for every builder")
    func twoCheckouts() async throws {
        let first = try TestFolder("keys-laptop")
        let second = try TestFolder("keys-ci-runner-somewhere-else")
        let one = try await Self.keys(app: Self.checkout(first), home: first.url("home-alice"))
        let two = try await Self.keys(app: Self.checkout(second), home: second.url("home/runner"))
        #expect(one.count == 8)
        for (name, key) in one.sorted(by: { $0.key < $1.key }) {
            #expect(two[name] == key, "\(name): \(key) here, \(two[name].map(String.init(describing:)) ?? "none") there")
        }
        #expect(Set(one.values).count == one.count, "different functions have different keys")
    }

    @Test("no key input names the checkout's folder or HOME")
    func noAbsolutePaths() async throws {
        let folder = try TestFolder("keys-no-paths")
        let app = try Self.checkout(folder)
        let python = PythonBuilder(environment: ["HOME": folder.url("home")], pipCacheFolder: folder.url("pip"))
        let ocr = PythonFixture.request("OCRFunction", app: app, codeUri: "src/ocr", templateFolder: "patterns/pattern-2")
        let text = String(decoding: try await python.buildKeyInputs(for: ocr).canonicalEncoding(), as: UTF8.self)
        #expect(!text.contains(folder.path), "the key names the checkout: \(text)")
        #expect(!text.contains("/home"), "the key names a home folder: \(text)")
    }

    @Test("a changed source still changes the key in the other checkout")
    func sourcesStillCount() async throws {
        let first = try TestFolder("keys-edit-a")
        let second = try TestFolder("keys-edit-b")
        let appB = try Self.checkout(second)
        try second.write("app/node/shared/index.js", "exports.hello = 'changed';\n")
        let one = try await Self.keys(app: Self.checkout(first), home: first.url("h"))
        let two = try await Self.keys(app: appB, home: second.url("h"))
        #expect(one["node file: dependency"] != two["node file: dependency"])
        #expect(one["python local package"] == two["python local package"])
    }
}
