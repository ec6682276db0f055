// What goes into a Python build's key, computed without starting a process.
import Foundation
import Testing
@testable import Builds

@Suite("PythonBuilder build keys")
struct PythonBuildKeyTests {
    /// No Python at all: key inputs must not need one.
    func builder(_ folder: TestFolder) -> PythonBuilder {
        PythonBuilder(environment: ["PATH": folder.url("none"), "HOME": folder.url("none")],
                      pipCacheFolder: folder.url("pip"))
    }

    func ocrKey(_ builder: PythonBuilder, app: String) async throws -> BuildKey {
        let request = PythonFixture.request("OCRFunction", app: app, codeUri: "src/ocr", templateFolder: "patterns/pattern-2")
        return BuildKey(try await builder.buildKeyInputs(for: request))
    }

    @Test("inputs list the sources, the requirements file and the shared library by relative path and extras")
    func inputs() async throws {
        let folder = try TestFolder("py-key-in")
        let app = try PythonFixture.copyExample(into: folder)
        let request = PythonFixture.request("OCRFunction", app: app, codeUri: "src/ocr", templateFolder: "patterns/pattern-2")
        let inputs = try await builder(folder).buildKeyInputs(for: request)
        #expect(inputs.builder == "python-pip" && inputs.runtime == "python3.12" && inputs.architecture == "x86_64")
        #expect(inputs.sourceFiles.map(\.entry.relativePath) == ["index.py", "requirements.txt"])
        let names = inputs.dependencies.map(\.name).sorted()
        #expect(names == ["local ../../lib/idp_common_pkg[docs_service,ocr]", "requirements src/ocr/requirements.txt"])
        let library = try #require(inputs.dependencies.first { $0.name.hasPrefix("local") })
        #expect(library.files.map(\.entry.relativePath).contains("idp_common/ocr.py"))
        #expect(library.files.map(\.entry.relativePath).contains("pyproject.toml"))
    }

    @Test("the vendored wheel's bytes are an input")
    func vendoredWheel() async throws {
        let folder = try TestFolder("py-key-whl")
        let app = try PythonFixture.copyExample(into: folder)
        let request = PythonFixture.request("CopyToBaselineFunction", app: app, codeUri: "src/copy_to_baseline")
        let before = BuildKey(try await builder(folder).buildKeyInputs(for: request))
        let wheel = app + "/vendor/wheels/slugify_lite-1.0.0-py3-none-any.whl"
        var bytes = try readBytes(wheel)
        bytes.append(0)
        try bytes.write(to: URL(fileURLWithPath: wheel))
        #expect(BuildKey(try await builder(folder).buildKeyInputs(for: request)) != before)
    }

    @Test("the key changes when the shared library changes, and not for unrelated files or build leftovers")
    func sharedLibraryChanges() async throws {
        let folder = try TestFolder("py-key-lib")
        let app = try PythonFixture.copyExample(into: folder)
        let builder = builder(folder)
        let original = try await ocrKey(builder, app: app)

        try folder.write("app/src/get_document/other.py", "x = 1\n")
        try folder.write("app/lib/idp_common_pkg/build/lib/idp_common/stale.py", "old = True\n")
        try folder.write("app/lib/idp_common_pkg/idp_common.egg-info/PKG-INFO", "Name: idp_common\n")
        try folder.write("app/lib/idp_common_pkg/idp_common/__pycache__/ocr.cpython-312.pyc", "bytecode")
        try folder.write("app/patterns/pattern-2/src/ocr/tests/test_ocr.py", "def test(): pass\n")
        #expect(try await ocrKey(builder, app: app) == original)

        try folder.write("app/lib/idp_common_pkg/idp_common/ocr.py", "# changed\n")
        let changed = try await ocrKey(builder, app: app)
        #expect(changed != original)

        try folder.write("app/patterns/pattern-2/src/ocr/requirements.txt", "../../lib/idp_common_pkg[ocr]\n")
        #expect(try await ocrKey(builder, app: app) != changed)
    }

    @Test("the same project in two folders has the same key; layer and function keys differ")
    func stableAcrossFolders() async throws {
        let first = try TestFolder("py-key-a")
        let second = try TestFolder("py-key-second")
        let keyA = try await ocrKey(builder(first), app: PythonFixture.copyExample(into: first))
        let keyB = try await ocrKey(builder(second), app: PythonFixture.copyExample(into: second, name: "elsewhere"))
        #expect(keyA == keyB)

        let app = try PythonFixture.copyExample(into: first, name: "layer-app")
        var request = PythonFixture.request("CommonUtilsLayer", app: app, codeUri: "layers/common_utils", kind: .layer)
        let layerKey = BuildKey(try await builder(first).buildKeyInputs(for: request))
        request.kind = .function
        #expect(BuildKey(try await builder(first).buildKeyInputs(for: request)) != layerKey)
        request.architecture = "arm64"
        let armKey = BuildKey(try await builder(first).buildKeyInputs(for: request))
        request.architecture = "x86_64"
        #expect(BuildKey(try await builder(first).buildKeyInputs(for: request)) != armKey)
    }
}
