import Foundation
import Testing
@testable import Builds
@testable import Packaging

@Suite("Remote build cache action entries")
struct ActionEntryTests {
    static let key = String(repeating: "a1", count: 32)
    static let sha = String(repeating: "0f", count: 32)
    let store = ArtifactStore(bucket: "b", prefix: "/app/dev/", region: "eu-central-1")

    func entry() -> ActionEntry {
        ActionEntry(buildKey: Self.key, zipSHA256: Self.sha, size: 10, unzippedSize: 20, entryCount: 2,
                    zipKey: "app/dev/\(Self.sha).zip", builder: "python-pip", builderVersion: "2")
    }

    @Test("a key-only hit trusts S3's whole-object SHA-256 only when it is the name's; else it downloads")
    func checksumVerdicts() {
        // SHA-256 of "hello", hex and base64.
        let hex = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        let base64 = "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="
        #expect(RemoteBuildCache.checksumVerdict(base64, expectedHex: hex) == .matches)
        #expect(RemoteBuildCache.checksumVerdict(base64, expectedHex: Self.sha) == .differs)
        #expect(RemoteBuildCache.checksumVerdict(nil, expectedHex: hex) == .unknown)
        #expect(RemoteBuildCache.checksumVerdict(base64 + "-3", expectedHex: hex) == .unknown, "a multipart checksum of parts")
        #expect(RemoteBuildCache.checksumVerdict(base64, expectedHex: "not-hex") == .differs)
    }

    @Test("entries live under <prefix>/.ferry/cache/<key>.json, and only such keys are entries")
    func objectKeys() {
        #expect(ActionEntry.objectKey(buildKey: Self.key, store: store) == "app/dev/.ferry/cache/\(Self.key).json")
        #expect(ActionEntry.buildKey(ofObjectKey: "app/dev/.ferry/cache/\(Self.key).json", store: store) == Self.key)
        #expect(ActionEntry.buildKey(ofObjectKey: "app/dev/.ferry/cache/x.json", store: store) == nil)
        #expect(ActionEntry.buildKey(ofObjectKey: "app/dev/\(Self.sha).zip", store: store) == nil)
        #expect(ActionEntry.buildKey(ofObjectKey: "other/.ferry/cache/\(Self.key).json", store: store) == nil)
    }

    @Test("a signed entry verifies with its key only, and any changed field breaks the signature")
    func signing() throws {
        let key = Data("team-secret".utf8)
        let signed = entry().signed(with: key)
        #expect(signed.signature?.count == 64)
        #expect(signed.hasValidSignature(key))
        #expect(!signed.hasValidSignature(Data("attacker".utf8)))
        #expect(!entry().hasValidSignature(key), "unsigned")
        var moved = signed
        moved.zipKey = "app/dev/\(String(repeating: "ee", count: 32)).zip"
        #expect(!moved.hasValidSignature(key))
        var resized = signed
        resized.size = 11
        #expect(!resized.hasValidSignature(key))
        let decoded = try #require(ActionEntry.decode(try signed.encoded()))
        #expect(decoded == signed && decoded.hasValidSignature(key))
    }

    @Test("the signing key comes from FERRY_CACHE_HMAC_KEY; empty is none")
    func signingKey() {
        #expect(ActionEntry.signingKey(environment: [:]) == nil)
        #expect(ActionEntry.signingKey(environment: ["FERRY_CACHE_HMAC_KEY": ""]) == nil)
        #expect(ActionEntry.signingKey(environment: ["FERRY_CACHE_HMAC_KEY": "k"]) == Data("k".utf8))
    }

    @Test("the writer records one entry per build key of packaged, built artifacts; none for prebuilt or unpackaged ones")
    func entriesOfAManifest() {
        func artifact(_ id: String, key: String, sha: String, s3Key: String?, version: String?) -> BuildManifest.Artifact {
            BuildManifest.Artifact(logicalID: id, stackPath: "Root", resourceType: "AWS::Serverless::Function",
                                   kind: "function", builder: "python-pip", buildKey: key, zipSHA256: sha, codeSha256: "",
                                   size: 10, unzippedSize: 20, zipPath: "/c/\(sha).zip", sourcePath: "/src",
                                   s3Key: s3Key, builderVersion: version, entryCount: 3)
        }
        let other = String(repeating: "bb", count: 32)
        let manifest = BuildManifest(artifacts: [
            artifact("A", key: Self.key, sha: Self.sha, s3Key: "app/dev/\(Self.sha).zip", version: "2"),
            artifact("Twin", key: Self.key, sha: Self.sha, s3Key: "app/dev/\(Self.sha).zip", version: "2"),
            artifact("Prebuilt", key: other, sha: other, s3Key: "app/dev/\(other).zip", version: nil),
            artifact("NotPackaged", key: String(repeating: "cc", count: 32), sha: Self.sha, s3Key: nil, version: "2"),
        ])
        let entries = ActionEntryWriter.entries(for: manifest, signingKey: Data("k".utf8))
        #expect(entries.map(\.buildKey) == [Self.key])
        #expect(entries.first?.entryCount == 3 && entries.first?.builderVersion == "2")
        #expect(entries.first?.hasValidSignature(Data("k".utf8)) == true)
    }
}
