import Builds
import Foundation
import Hotswap
@testable import Pipeline
import Templates
import Testing

/// `ferry update` shares through the remote build cache exactly the built zips it hot-swapped.
@Suite struct HotswapCacheWriterTests {
    static func artifact(_ id: String, zipPath: String, version: String? = "2") -> BuildManifest.Artifact {
        BuildManifest.Artifact(logicalID: id, stackPath: "Root", resourceType: "AWS::Serverless::Function",
                               kind: "function", builder: "python-pip", buildKey: String(repeating: "a\(id.count)", count: 32),
                               zipSHA256: String(repeating: "0f", count: 32), codeSha256: "", size: 10, unzippedSize: 20,
                               zipPath: zipPath, sourcePath: "/src", s3Key: nil, builderVersion: version, entryCount: 1)
    }

    static func result(_ id: String, zipPath: String, succeeded: Bool) -> HotswapResult {
        let zip = LocalZip(path: zipPath, codeSha256: "H\(id)")
        let target = HotswapTarget(stackPath: "Root", logicalID: LogicalID(id), resourceType: "AWS::Lambda::Function",
                                   artifact: .zip(zip))
        let operation = HotswapOperation(target: target, physicalID: id, change: .lambdaCode(functionName: id, zip: zip),
                                         oldHash: "old", newHash: "H\(id)")
        return HotswapResult(operation: operation, outcome: succeeded ? .succeeded(publishedVersion: nil) : .failed("no"),
                             liveHashAfter: nil, duration: .zero)
    }

    @Test func onlySucceededBuiltZipsAreShared() {
        let manifest = BuildManifest(artifacts: [
            Self.artifact("A", zipPath: "/c/a.zip"),
            Self.artifact("Failed", zipPath: "/c/f.zip"),
            Self.artifact("Untouched", zipPath: "/c/u.zip"),
            Self.artifact("Prebuilt", zipPath: "/c/p.zip", version: nil),
            Self.artifact("RemoteOnly", zipPath: ""),
        ])
        let results = [Self.result("A", zipPath: "/c/a.zip", succeeded: true),
                       Self.result("Failed", zipPath: "/c/f.zip", succeeded: false),
                       Self.result("Prebuilt", zipPath: "/c/p.zip", succeeded: true),
                       Self.result("RemoteOnly", zipPath: "", succeeded: true)]
        #expect(HotswapCacheWriter.sharedArtifacts(manifest, results: results).map(\.logicalID) == ["A"])
    }
}
