// Building the example app's Python functions and layer with real pip runs.
import Foundation
import Testing
@testable import Builds

@Suite("PythonBuilder builds")
struct PythonBuilderTests {
    let builder = PythonBuilder(environment: PythonFixture.hostEnvironment, pipCacheFolder: PythonFixture.pipCache)

    @Test("a nested-template function gets the shared library from ../../lib with its extras, and its own code")
    func nestedSharedLibrary() async throws {
        let folder = try TestFolder("py-ocr")
        let app = try PythonFixture.copyExample(into: folder)
        let request = PythonFixture.request("OCRFunction", app: app, codeUri: "src/ocr", templateFolder: "patterns/pattern-2")
        let staged = try await builder.build(request, workFolder: folder.url("work"))
        let files = try PythonFixture.tree(staged)
        #expect(files["index.py"] != nil)
        #expect(files["requirements.txt"] != nil)
        for module in ["__init__", "ocr", "docs_service", "models", "extraction"] {
            #expect(files["idp_common/\(module).py"] != nil, "idp_common/\(module).py missing")
        }
        let library = try readBytes(app + "/lib/idp_common_pkg/idp_common/ocr.py")
        #expect(files["idp_common/ocr.py"]?.bytes == library)
        let names = try PythonFixture.allNames(staged)
        #expect(!names.contains { $0.contains("__pycache__") || $0.hasSuffix(".pyc") })
        #expect(!names.contains { $0.hasSuffix("direct_url.json") })
        let records = files.filter { $0.key.hasSuffix(".dist-info/RECORD") }
        #expect(!records.isEmpty)
        for (_, record) in records {
            let text = String(decoding: record.bytes, as: UTF8.self)
            #expect(!text.contains("direct_url.json") && !text.contains(folder.path))
        }
        // The user's library folder is left as it was (the wheel is built from a copy).
        let libraryNames = PythonFixture.allNames(app + "/lib/idp_common_pkg")
        #expect(!libraryNames.contains { $0 == "build" || $0.hasSuffix(".egg-info") })
    }

    @Test("a root function installs the vendored wheel named relative to the template's folder")
    func vendoredWheel() async throws {
        let folder = try TestFolder("py-wheel")
        let app = try PythonFixture.copyExample(into: folder)
        let request = PythonFixture.request("CopyToBaselineFunction", app: app, codeUri: "src/copy_to_baseline")
        let staged = try await builder.build(request, workFolder: folder.url("work"))
        let files = try PythonFixture.tree(staged)
        #expect(files["index.py"] != nil)
        #expect(files["slugify_lite/__init__.py"] != nil)
        #expect(files.keys.contains { $0.hasPrefix("slugify_lite-1.0.0.dist-info/") })
        #expect(!files.keys.contains { $0.hasPrefix("idp_common") })
    }

    @Test("a layer puts its code and its dependencies under python/")
    func layer() async throws {
        let folder = try TestFolder("py-layer")
        let app = try PythonFixture.copyExample(into: folder)
        let request = PythonFixture.request("CommonUtilsLayer", app: app, codeUri: "layers/common_utils", kind: .layer)
        let staged = try await builder.build(request, workFolder: folder.url("work"))
        let files = try PythonFixture.tree(staged)
        #expect(files["python/ferry_layer_utils.py"] != nil)
        #expect(files["python/slugify_lite/__init__.py"] != nil)
        #expect(files.keys.allSatisfy { $0.hasPrefix("python/") })
    }

    @Test("sources follow .ferryignore and the Python rules; a source file wins over a dependency's")
    func ignoreRulesAndPrecedence() async throws {
        let folder = try TestFolder("py-ignore")
        let app = try PythonFixture.copyExample(into: folder)
        try folder.write("app/src/copy_to_baseline/.ferryignore", "*.md\nscratch/\n")
        try folder.write("app/src/copy_to_baseline/NOTES.md", "notes")
        try folder.write("app/src/copy_to_baseline/scratch/a.py", "x = 1")
        try folder.write("app/src/copy_to_baseline/tests/test_index.py", "def test(): pass")
        try folder.write("app/src/copy_to_baseline/__pycache__/index.cpython-312.pyc", "bytecode")
        try folder.write("app/src/copy_to_baseline/slugify_lite/__init__.py", "OVERRIDE = True\n")
        try folder.write("app/src/copy_to_baseline/run.sh", "#!/bin/sh\n", mode: 0o755)
        let request = PythonFixture.request("CopyToBaselineFunction", app: app, codeUri: "src/copy_to_baseline")
        let staged = try await builder.build(request, workFolder: folder.url("work"))
        let files = try PythonFixture.tree(staged)
        #expect(files["NOTES.md"] == nil && files["scratch/a.py"] == nil && files["tests/test_index.py"] == nil)
        #expect(files[".ferryignore"] == nil)
        #expect(!files.keys.contains { $0.contains("__pycache__") })
        #expect(files["slugify_lite/__init__.py"]?.bytes == Data("OVERRIDE = True\n".utf8))
        #expect(files["run.sh"]?.mode == 0o755 && files["index.py"]?.mode == 0o644)
    }

    @Test("a function without requirements.txt is its sources only, and starts no process")
    func noRequirements() async throws {
        let folder = try TestFolder("py-plain")
        let app = try PythonFixture.copyExample(into: folder)
        // An environment without any Python: a build that ran pip would fail.
        let empty = PythonBuilder(environment: ["PATH": folder.url("nothing"), "HOME": folder.url("nothing")],
                                  pipCacheFolder: PythonFixture.pipCache)
        let request = PythonFixture.request("MetricsPublisherFunction", app: app, codeUri: "src/metrics_publisher",
                                            templateFolder: "patterns/pattern-2/reporting")
        let staged = try await empty.build(request, workFolder: folder.url("work"))
        #expect(try PythonFixture.tree(staged).keys.sorted() == ["index.py"])
    }
}
