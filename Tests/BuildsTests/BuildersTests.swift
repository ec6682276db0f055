// The real builders with real tools: make, sh, npm, and a prebuilt zip.
import Foundation
import Testing
@testable import Builds

@Suite("Builders")
struct BuildersTests {
    /// `name mode` lines of the zip at `path`, read by Python's zipfile.
    func listing(_ path: String) throws -> [String] {
        try python("""
            import sys, zipfile
            for i in zipfile.ZipFile(sys.argv[1]).infolist():
                print(i.filename, oct(i.external_attr >> 16 & 0o777))
            """, [path]).split(separator: "\n").map(String.init)
    }

    func read(_ zip: String, _ name: String) throws -> String {
        try python("import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())", [zip, name])
    }

    @Test("makefile: `make build-<LogicalID>` with ARTIFACTS_DIR, in the source folder; cached the second time")
    func makefile() async throws {
        let project = try TestFolder("make")
        try project.write("src/go/Makefile", """
            build-GoFunction:
            \tprintf '#!/bin/sh\\necho hi\\n' > $(ARTIFACTS_DIR)/bootstrap
            \tchmod +x $(ARTIFACTS_DIR)/bootstrap
            \tpwd > $(ARTIFACTS_DIR)/where.txt

            """)
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              GoFunction:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/go, Runtime: provided.al2023, Handler: bootstrap}
                Metadata: {BuildMethod: makefile}
            """)
        let result = try await buildProject(project, catalog: BuilderCatalog())
        try result.requireSuccess()
        let zip = try #require(result.outcomes.first?.archive?.path)
        #expect(try listing(zip) == ["bootstrap 0o755", "where.txt 0o644"])
        let folder = URL(fileURLWithPath: project.url("src/go")).resolvingSymlinksInPath().path
        #expect(try read(zip, "where.txt") == folder + "\n")
        let again = try await buildProject(project, catalog: BuilderCatalog())
        #expect(again.outcomes.first?.status == .cached)
    }

    @Test("a failing make target fails with its output and names the function")
    func makefileFailure() async throws {
        let project = try TestFolder("make")
        try project.write("src/go/Makefile", "build-Broken:\n\t@echo 'compiler says boom' >&2; exit 2\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Broken:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/go, Runtime: provided.al2023, Handler: bootstrap}
                Metadata: {BuildMethod: makefile}
            """)
        let result = try await buildProject(project, catalog: BuilderCatalog())
        guard case .failed(let message, let output)? = result.outcomes.first?.status else {
            Issue.record("expected a failure")
            return
        }
        #expect(message.contains("Root/Broken"))
        #expect(message.contains("build-Broken"))
        #expect(output.contains("compiler says boom"))
    }

    @Test("custom command: /bin/sh -c with ARTIFACTS_DIR and FERRY_SOURCE_DIR; the command is part of the key")
    func customCommand() async throws {
        let project = try TestFolder("custom")
        try project.write("src/app/index.py", "x = 1\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Custom:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/app, Runtime: python3.12, Handler: index.handler}
            """)
        let command = "cp \"$FERRY_SOURCE_DIR/index.py\" \"$ARTIFACTS_DIR/\" && echo \"$FERRY_LOGICAL_ID\" > \"$ARTIFACTS_DIR/id.txt\""
        let result = try await buildProject(project, catalog: BuilderCatalog(), commands: ["Custom": command])
        try result.requireSuccess()
        let zip = try #require(result.outcomes.first?.archive?.path)
        #expect(try listing(zip) == ["id.txt 0o644", "index.py 0o644"])
        #expect(try read(zip, "id.txt") == "Custom\n")
        let same = try await buildProject(project, catalog: BuilderCatalog(), commands: ["Custom": command])
        #expect(same.outcomes.first?.status == .cached)
        let changed = try await buildProject(project, catalog: BuilderCatalog(), commands: ["Custom": command + " && true"])
        #expect(changed.outcomes.first?.status == .built)
    }

    @Test("prebuilt zip: taken as is; its SHA-256 is the key; sizes read from its central directory")
    func prebuiltZip() async throws {
        let project = try TestFolder("prebuilt")
        _ = try python("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('pkg/', '')
                z.writestr('pkg/a.py', 'a' * 1000)
                z.writestr('b.txt', 'hello')
            """, [project.url("app.zip")])
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Zipped:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: app.zip, Runtime: python3.12, Handler: a.handler}
            """)
        let result = try await buildProject(project, catalog: BuilderCatalog())
        let outcome = try #require(result.outcomes.first)
        #expect(outcome.status == .prebuilt)
        let archive = try #require(outcome.archive)
        #expect(archive.path == project.url("app.zip"))
        #expect(archive.sha256 == (try FileHasher.sha256(ofFile: project.url("app.zip"))))
        #expect(outcome.key?.digest == archive.sha256)
        #expect(archive.entryCount == 3)
        #expect(archive.unzippedSize == 1005)
    }

    @Test("Node.js: npm install --omit=dev in a staging copy, without the source's node_modules; layers under nodejs/")
    func node() async throws {
        let project = try TestFolder("node")
        try project.write("src/fn/index.js", "exports.handler = async () => 'ok'\n")
        try project.write("src/fn/package.json", "{\"name\": \"fn\", \"version\": \"1.0.0\", \"private\": true}\n")
        try project.write("src/fn/node_modules/stale/index.js", "stale\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              NodeFunction:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/fn, Runtime: nodejs20.x, Handler: index.handler}
              NodeLayer:
                Type: AWS::Serverless::LayerVersion
                Properties: {ContentUri: src/fn, CompatibleRuntimes: [nodejs20.x]}
                Metadata: {BuildMethod: nodejs20.x}
            """)
        let result = try await buildProject(project, catalog: BuilderCatalog())
        try result.requireSuccess()
        let function = try #require(result.outcomes.first { $0.build.request.kind == .function }?.archive?.path)
        let names = try listing(function).map { String($0.split(separator: " ")[0]) }
        #expect(names.contains("index.js"))
        #expect(names.contains("package.json"))
        #expect(!names.contains { $0.hasPrefix("node_modules/stale") })
        let layer = try #require(result.outcomes.first { $0.build.request.kind == .layer }?.archive?.path)
        #expect(try listing(layer).allSatisfy { $0.hasPrefix("nodejs/") })
        #expect(!FileManager.default.fileExists(atPath: project.url("src/fn/package-lock.json")))
    }

    @Test("Node.js keys include local file: dependencies")
    func nodeLocalDependencies() throws {
        let project = try TestFolder("node")
        try project.write("lib/shared/index.js", "module.exports = 1\n")
        try project.write("src/fn/package.json", """
            {"name": "fn", "dependencies": {"shared": "file:../../lib/shared", "left-pad": "1.3.0"},
             "devDependencies": {"tooling": "file:../../lib/tooling"}}
            """)
        let found = try NodeBuilder.localDependencies(packageFolder: URL(fileURLWithPath: project.url("src/fn")))
        #expect(found.map(\.name) == ["shared"])
        #expect(found.first?.folder.hasSuffix("/lib/shared") == true)
    }
}
