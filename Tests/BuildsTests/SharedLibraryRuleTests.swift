// The rule end to end: a byte changed in a shared library rebuilds exactly its dependents.
import Foundation
import Testing
@testable import Builds

@Suite("Shared library rebuild rule")
struct SharedLibraryRuleTests {
    /// A, B bundle lib/common through requirements.txt; C does not.
    func project() throws -> TestFolder {
        let project = try TestFolder("sharedlib")
        try project.write("lib/common/pyproject.toml", "[project]\nname = \"common\"\nversion = \"1\"\n")
        try project.write("lib/common/common/__init__.py", "VALUE = 1\n")
        try project.write("src/a/index.py", "import common\n")
        try project.write("src/a/requirements.txt", "./lib/common\n")
        try project.write("src/b/index.py", "import common\n")
        try project.write("src/b/requirements.txt", "requests==2.32.3\n-e ./lib/common  # shared\n")
        try project.write("src/c/index.py", "print('c')\n")
        try project.write("README.md", "# app\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function: {Runtime: python3.12, Handler: index.handler}
            Resources:
              A:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/a}
              B:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/b}
              C:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/c}
            """)
        return project
    }

    @Test("byte in the library → A and B rebuild; +x on C's file → only C; README → nothing")
    func rebuildsExactlyDependents() async throws {
        let project = try project()
        let first = try await buildProject(project, catalog: fakeCatalog(FakeBuilder()))
        #expect(first.ids(.built) == ["A", "B", "C"])

        try project.write("lib/common/common/__init__.py", "VALUE = 2\n")
        let libChange = FakeBuilder()
        let second = try await buildProject(project, catalog: fakeCatalog(libChange))
        #expect(libChange.invocations.sorted() == ["A", "B"])
        #expect(second.ids(.cached) == ["C"])

        try project.chmod("src/c/index.py", 0o755)
        let modeChange = FakeBuilder()
        let third = try await buildProject(project, catalog: fakeCatalog(modeChange))
        #expect(modeChange.invocations == ["C"])
        #expect(third.ids(.cached) == ["A", "B"])

        try project.chmod("lib/common/common/__init__.py", 0o755)
        let libMode = FakeBuilder()
        _ = try await buildProject(project, catalog: fakeCatalog(libMode))
        #expect(libMode.invocations.sorted() == ["A", "B"])

        try project.write("README.md", "# app, changed\n")
        try project.write("docs/notes.txt", "new file\n")
        let unrelated = FakeBuilder()
        let last = try await buildProject(project, catalog: fakeCatalog(unrelated))
        #expect(unrelated.invocations.isEmpty)
        #expect(last.ids(.cached) == ["A", "B", "C"])
    }

    @Test("the build key changes with the library and stays with unrelated files")
    func keysFollowInputs() async throws {
        let project = try project()
        let before = try await buildProject(project, catalog: fakeCatalog(FakeBuilder()))
        try project.write("lib/common/common/__init__.py", "VALUE = 3\n")
        let after = try await buildProject(project, catalog: fakeCatalog(FakeBuilder()))
        let keys = { (result: BuildResult) in
            Dictionary(uniqueKeysWithValues: result.outcomes.map { ($0.build.targets[0].logicalID, $0.key) })
        }
        #expect(keys(before)["A"] != keys(after)["A"])
        #expect(keys(before)["B"] != keys(after)["B"])
        #expect(keys(before)["C"] == keys(after)["C"])
    }

    @Test("with the real Python builder: the library change rebuilds A (bundling the new bytes), C stays cached")
    func realPythonBuilder() async throws {
        let project = try TestFolder("sharedlib-pip")
        try project.write("lib/common/pyproject.toml", """
            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "common"
            version = "1.0"

            [tool.setuptools]
            packages = ["common"]
            """)
        try project.write("lib/common/common/__init__.py", "VALUE = 1\n")
        try project.write("src/a/index.py", "import common\n")
        try project.write("src/a/requirements.txt", "./lib/common\n")
        try project.write("src/c/index.py", "print('c')\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function: {Runtime: python3.12, Handler: index.handler}
            Resources:
              A:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/a}
              C:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/c}
            """)
        let catalog = BuilderCatalog.standard(projectRoot: project.path)
        let first = try await buildProject(project, catalog: catalog)
        try first.requireSuccess()
        #expect(first.ids(.built) == ["A", "C"])
        try project.write("lib/common/common/__init__.py", "VALUE = 2\n")
        let second = try await buildProject(project, catalog: catalog)
        try second.requireSuccess()
        #expect(second.ids(.built) == ["A"])
        #expect(second.ids(.cached) == ["C"])
        let zip = try #require(second.outcomes.first { $0.build.targets[0].logicalID == "A" }?.archive?.path)
        let value = try python("import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('common/__init__.py').decode())", [zip])
        #expect(value == "VALUE = 2\n")
    }
}
