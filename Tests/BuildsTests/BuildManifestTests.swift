// The build manifest: entries per resource, both hash spellings, deterministic bytes, atomic write.
import Foundation
import Testing
@testable import Builds

@Suite("BuildManifest")
struct BuildManifestTests {
    @Test("one entry per resource (shared builds too), hex and base64 hashes, s3Key null, sorted, stable bytes")
    func manifest() async throws {
        let project = try TestFolder("manifest")
        try project.write("src/shared/index.py", "x = 1\n")
        try project.write("nested/src/n/index.py", "y = 2\n")
        try project.write("nested/template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Inner:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/n, Runtime: python3.12, Handler: index.handler}
            """)
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function: {Runtime: python3.12, Handler: index.handler, CodeUri: src/shared}
            Resources:
              Zeta:
                Type: AWS::Serverless::Function
              Alpha:
                Type: AWS::Serverless::Function
              Child:
                Type: AWS::CloudFormation::Stack
                Properties: {TemplateURL: nested/template.yaml}
            """)
        let result = try await buildProject(project, catalog: fakeCatalog(FakeBuilder()))
        try result.requireSuccess()
        #expect(result.outcomes.count == 2)
        let manifest = BuildManifest(result: result)
        #expect(manifest.artifacts.map(\.qualifiedName) == ["Root/Alpha", "Root/Zeta", "Root/Child/Inner"])
        let alpha = try #require(manifest.artifact(logicalID: "Alpha", stackPath: "Root"))
        let zeta = try #require(manifest.artifact(logicalID: "Zeta", stackPath: "Root"))
        #expect(alpha.zipSHA256 == zeta.zipSHA256)
        #expect(alpha.buildKey == zeta.buildKey)
        let digest = try #require(SHA256Digest(hex: alpha.zipSHA256))
        #expect(alpha.codeSha256 == digest.base64)
        #expect(alpha.zipSHA256 == (try FileHasher.sha256(ofFile: alpha.zipPath)).hex)
        #expect(alpha.s3Key == nil)
        #expect(alpha.kind == "function")

        let url = BuildManifest.location(projectRoot: URL(fileURLWithPath: project.path))
        try manifest.write(to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"s3Key\" : null"))
        #expect(try BuildManifest.read(from: url) == manifest)
        let again = BuildManifest(result: try await buildProject(project, catalog: fakeCatalog(FakeBuilder())))
        #expect(try again.encoded() == manifest.encoded())
        let siblings = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.contains(".tmp-") })
    }

    @Test("merging keeps the previous entries of resources not rebuilt")
    func merging() {
        func entry(_ id: String, _ sha: String) -> BuildManifest.Artifact {
            BuildManifest.Artifact(logicalID: id, stackPath: "Root", resourceType: "AWS::Serverless::Function",
                                   kind: "function", builder: "fake", buildKey: "k", zipSHA256: sha, codeSha256: "c",
                                   size: 1, unzippedSize: 1, zipPath: "/z", sourcePath: "/s")
        }
        let previous = BuildManifest(artifacts: [entry("A", "old"), entry("B", "old")])
        let merged = BuildManifest(artifacts: [entry("B", "new")]).merging(previous: previous)
        #expect(merged.artifacts.map(\.logicalID) == ["A", "B"])
        #expect(merged.artifacts.map(\.zipSHA256) == ["old", "new"])
    }
}
