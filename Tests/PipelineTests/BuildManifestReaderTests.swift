import Foundation
import Hotswap
@testable import Pipeline
import Testing

/// The build manifest has one reader (`PackagePhase.readManifest`); hot-swap sees it through
/// `LocalBuildState(manifest:)` and knows no file paths.
@Suite struct BuildManifestReaderTests {
    @Test func manifestOfTheBuildEngineIsReadOnceForHotswap() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".ferry/build"), withIntermediateDirectories: true)
        // The shape `BuildManifest.encoded()` writes (branch buildengine, format 1).
        let json = """
        {"artifacts":[{"buildKey":"k","builder":"python","codeSha256":"Y29kZQ==","kind":"function","logicalID":"Fn",
          "resourceType":"AWS::Serverless::Function","s3Key":"app/abc.zip","size":10,"sourcePath":"src","stackPath":"Root/Child",
          "unzippedSize":20,"zipPath":"/cache/abc.zip","zipSHA256":"abc"},
          {"buildKey":"k2","builder":"python","codeSha256":"bGF5ZXI=","kind":"layer","logicalID":"Libs",
          "resourceType":"AWS::Serverless::LayerVersion","s3Key":null,"size":10,"sourcePath":"libs","stackPath":"Root",
          "unzippedSize":20,"zipPath":"/cache/libs.zip","zipSHA256":"def"}],
         "files":[],"formatVersion":1}
        """
        try Data(json.utf8).write(to: folder.appendingPathComponent(".ferry/build/manifest.json"))
        let manifest = try #require(try PackagePhase.readManifest(projectRoot: folder))
        let state = LocalBuildState(manifest: manifest)
        let targets = state.functionTargets(artifactBucket: "bucket")
        #expect(targets.count == 1)
        #expect(targets[0].qualifiedName == "Root/Child/Fn")
        #expect(targets[0].artifact == .zip(LocalZip(path: "/cache/abc.zip", codeSha256: "Y29kZQ==", size: 10,
                                                      s3: S3ObjectLocation(bucket: "bucket", key: "app/abc.zip"))))
        #expect(try PackagePhase.readManifest(projectRoot: folder.appendingPathComponent("none")) == nil)
    }

}
