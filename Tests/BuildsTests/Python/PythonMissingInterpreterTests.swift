// Building for a runtime whose interpreter is not installed, and the errors of failed builds.
import Foundation
import Testing
@testable import Builds

@Suite("PythonBuilder without the runtime's interpreter, and failures")
struct PythonMissingInterpreterTests {
    @Test("pure-Python local packages and wheels still build for the missing runtime, with a note")
    func pureDependencies() async throws {
        let folder = try TestFolder("py-missing")
        let app = try PythonFixture.copyExample(into: folder)
        let (environment, runtime) = try PythonFixture.missingInterpreter(in: folder)
        let builder = PythonBuilder(environment: environment, pipCacheFolder: PythonFixture.pipCache)
        try folder.write("app/src/queue_sender/requirements.txt",
                         "./lib/idp_common_pkg[docs_service]\n./vendor/wheels/slugify_lite-1.0.0-py3-none-any.whl\n")
        let request = PythonFixture.request("QueueSenderFunction", app: app, codeUri: "src/queue_sender", runtime: runtime)
        let staged = try await builder.build(request, workFolder: folder.url("work"))
        let files = try PythonFixture.tree(staged)
        #expect(files["idp_common/docs_service.py"] != nil)
        #expect(files["slugify_lite/__init__.py"] != nil)
        #expect(files["index.py"] != nil)
        #expect(staged.notes.contains { $0.contains(runtime) && $0.contains("was not found") })
    }

    @Test("a local package that compiles C for a missing interpreter is an error naming runtime, package and the fix")
    func nativeLocalPackage() async throws {
        let folder = try TestFolder("py-native")
        let (environment, runtime) = try PythonFixture.missingInterpreter(in: folder)
        let builder = PythonBuilder(environment: environment, pipCacheFolder: PythonFixture.pipCache)
        try folder.write("app/native_pkg/setup.py", """
            from setuptools import setup, Extension
            setup(name="native_pkg", version="1.0", ext_modules=[Extension("native_pkg", ["native.c"])])
            """)
        try folder.write("app/native_pkg/native.c", """
            #include <Python.h>
            static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "native_pkg", NULL, -1, NULL};
            PyMODINIT_FUNC PyInit_native_pkg(void) { return PyModule_Create(&module); }
            """)
        try folder.write("app/fn/index.py", "def handler(event, context):\n    return 1\n")
        try folder.write("app/fn/requirements.txt", "./native_pkg\n")
        try folder.write("app/template.yaml", "Resources: {}\n")
        let request = PythonFixture.request("NativeFunction", app: folder.url("app"), codeUri: "fn", runtime: runtime)
        let error = try await #require(throws: BuilderError.self) {
            try await builder.build(request, workFolder: folder.url("work"))
        }
        let version = String(runtime.dropFirst("python".count))
        #expect(error.logicalID == "NativeFunction")
        #expect(error.package == folder.url("app/native_pkg"))
        #expect(error.description.contains(runtime))
        #expect(error.description.contains("native code"))
        #expect(error.description.contains("pyenv install \(version)"))
        #expect(error.description.contains("uv python install \(version)"))
    }

    @Test("a failed pip run names the function and the template and shows pip's output")
    func pipFailure() async throws {
        let folder = try TestFolder("py-pipfail")
        try folder.write("app/fn/index.py", "def handler(event, context):\n    return 1\n")
        try folder.write("app/fn/requirements.txt", "this is not a requirement!!\n")
        let builder = PythonBuilder(environment: PythonFixture.hostEnvironment, pipCacheFolder: PythonFixture.pipCache)
        let request = PythonFixture.request("BrokenFunction", app: folder.url("app"), codeUri: "fn")
        let error = try await #require(throws: BuilderError.self) {
            try await builder.build(request, workFolder: folder.url("work"))
        }
        #expect(error.logicalID == "BrokenFunction")
        #expect(error.description.contains("'BrokenFunction'"))
        #expect(error.description.contains(folder.url("app/template.yaml")))
        let output = try #require(error.toolOutput)
        #expect(output.contains("this is not a requirement"))
        #expect(error.description.contains(output))
    }

    @Test("a local path that does not exist is reported with the requirements file and line")
    func missingLocalPath() async throws {
        let folder = try TestFolder("py-nopath")
        try folder.write("app/fn/index.py", "x = 1\n")
        try folder.write("app/fn/requirements.txt", "# shared\n../lib/absent_pkg[a]\n")
        let builder = PythonBuilder(environment: PythonFixture.hostEnvironment, pipCacheFolder: PythonFixture.pipCache)
        let request = PythonFixture.request("Fn", app: folder.url("app"), codeUri: "fn")
        let error = try await #require(throws: BuilderError.self) {
            try await builder.buildKeyInputs(for: request)
        }
        #expect(error.description.contains("requirements.txt:2"))
        #expect(error.package == folder.path + "/lib/absent_pkg")
    }
}
