import Foundation
import Testing
@testable import Builds
@testable import Packaging

@Suite("Remote build cache dependency trees")
struct DependencyTreeEntryTests {
    static let tree = String(repeating: "7e", count: 32)
    static let zip = String(repeating: "0a", count: 32)
    let store = ArtifactStore(bucket: "b", prefix: "app", region: "eu-central-1")

    static func artifact(_ id: String, key: String, s3Key: String?, trees: [String]?) -> BuildManifest.Artifact {
        var artifact = BuildManifest.Artifact(
            logicalID: id, stackPath: "Root", resourceType: "AWS::Serverless::Function", kind: "function",
            builder: "python-pip", buildKey: key, zipSHA256: String(repeating: "0f", count: 32), codeSha256: "",
            size: 10, unzippedSize: 20, zipPath: "/c/x.zip", sourcePath: "/src", s3Key: s3Key, builderVersion: "2",
            entryCount: 3)
        artifact.dependencyTrees = trees
        return artifact
    }

    @Test("trees live under <prefix>/.ferry/deps/, the entry by tree key and the zip by its SHA-256")
    func keys() {
        let entry = DependencyTreeEntry(treeKey: Self.tree, zipSHA256: Self.zip, size: 5, store: store)
        #expect(DependencyTreeEntry.objectKey(treeKey: Self.tree, store: store) == "app/.ferry/deps/\(Self.tree).json")
        #expect(entry.zipKey == "app/.ferry/deps/\(Self.zip).zip")
        #expect(DependencyTreeEntry.isHexKey(Self.tree) && !DependencyTreeEntry.isHexKey("../x"))
    }

    @Test("a signed tree entry verifies with its key only, and a moved zip breaks it")
    func signing() throws {
        let key = Data("team-secret".utf8)
        let signed = DependencyTreeEntry(treeKey: Self.tree, zipSHA256: Self.zip, size: 5, store: store).signed(with: key)
        #expect(signed.hasValidSignature(key) && !signed.hasValidSignature(Data("attacker".utf8)))
        var moved = signed
        moved.zipSHA256 = String(repeating: "ee", count: 32)
        #expect(!moved.hasValidSignature(key))
        let decoded = try #require(DependencyTreeEntry.decode(try signed.encoded()))
        #expect(decoded == signed && decoded.hasValidSignature(key))
    }

    @Test("a tree entry is refused when it names another tree, a zip not named by its hash, or lacks the signature")
    func readerChecks() {
        let signing = Data("k".utf8)
        func problem(_ entry: DependencyTreeEntry, _ key: String) -> String? {
            entry.problem(forKey: key, store: store, signingKey: signing)
        }
        let good = DependencyTreeEntry(treeKey: Self.tree, zipSHA256: Self.zip, size: 5, store: store).signed(with: Data("k".utf8))
        #expect(problem(good, Self.tree) == nil)
        #expect(problem(good, String(repeating: "11", count: 32))?.contains("is for tree") == true)
        var elsewhere = good
        elsewhere.zipKey = "app/\(Self.zip).zip"
        #expect(problem(elsewhere, Self.tree)?.contains("not named by its SHA-256") == true)
        var unsigned = good
        unsigned.signature = nil
        #expect(problem(unsigned, Self.tree)?.contains("not signed") == true)
    }

    @Test("action entries name the shared trees their builds used; only packaged artifacts' trees are shared")
    func entriesNameTheirTrees() {
        let key = String(repeating: "a1", count: 32), other = String(repeating: "b2", count: 32)
        let manifest = BuildManifest(artifacts: [
            Self.artifact("A", key: key, s3Key: "app/\(String(repeating: "0f", count: 32)).zip", trees: [Self.tree]),
            Self.artifact("Unpackaged", key: other, s3Key: nil, trees: [String(repeating: "99", count: 32)]),
        ])
        #expect(DependencyTreeWriter.treeKeys(of: manifest) == [Self.tree])
        let entries = ActionEntryWriter.entries(for: manifest, signingKey: nil, trees: [Self.tree: Self.zip])
        #expect(entries.first?.dependencyTrees == [Self.tree: Self.zip])
        #expect(ActionEntryWriter.entries(for: manifest, signingKey: nil).first?.dependencyTrees == [:],
                "a tree that could not be shared is not named")
    }

    @Test("the manifest keeps the trees a build used, and reads manifests without them")
    func manifestTrees() throws {
        let manifest = BuildManifest(artifacts: [Self.artifact("A", key: Self.tree, s3Key: nil, trees: [Self.zip])])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try manifest.write(to: url)
        #expect(try BuildManifest.read(from: url).artifacts.first?.dependencyTrees == [Self.zip])
        let plain = BuildManifest(artifacts: [Self.artifact("A", key: Self.tree, s3Key: nil, trees: nil)])
        try plain.write(to: url)
        #expect(try String(contentsOf: url, encoding: .utf8).contains("dependencyTrees") == false)
        #expect(try BuildManifest.read(from: url).artifacts.first?.dependencyTrees == nil)
    }
}
