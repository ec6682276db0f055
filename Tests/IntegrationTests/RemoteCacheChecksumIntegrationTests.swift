import AWSCore
import AWSServices
import Crypto
import Foundation
import Testing

extension Integration.RemoteCache {
    static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The object keys of the project's built functions, by logical ID, from its manifest.
    static func objectKeys(_ project: Integration.Up.Project) throws -> [String: String] {
        let url = project.folder.url.appendingPathComponent(".ferry/build/manifest.json")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        var keys: [String: String] = [:]
        for artifact in manifest?["artifacts"] as? [[String: Any]] ?? [] {
            if let id = artifact["logicalID"] as? String, let key = artifact["s3Key"] as? String { keys[id] = key }
        }
        return keys
    }

    /// Artifacts go up with S3's SHA-256 checksum; an artifact overwritten out of band with other
    /// bytes of the same size is never used from a key-only hit: with a checksum of its new bytes it
    /// is refused from the HEAD alone, without one it is downloaded and its hash refused.
    @Test func aTamperedArtifactIsNeverUsedFromAKeyOnlyHit() async throws {
        let project = try await Integration.Up.deployed()
        let s3 = S3(client: project.client)
        let keys = try Self.objectKeys(project)
        let a = try #require(keys["FnA"]), d = try #require(keys["FnD"]), b = try #require(keys["FnB"])
        let uploaded = try #require(try await s3.headObject(bucket: Integration.Up.bucket, key: b, checksumMode: true))
        let expected = String(b.split(separator: "/").last!.dropLast(4))
        #expect(uploaded.checksumSHA256 == S3.base64SHA256(hex: expected), "uploaded with S3's SHA-256 checksum")

        // FnA: other bytes, of the same size, with their own (true) checksum, as any SDK writes them.
        let originalA = try await s3.getObject(bucket: Integration.Up.bucket, key: a).body
        let tamperedA = Data(repeating: 0x50, count: originalA.count)
        var withChecksum = PutObjectOptions()
        withChecksum.sha256 = Self.sha256Hex(tamperedA)
        _ = try await s3.putObject(bucket: Integration.Up.bucket, key: a, body: .data(tamperedA), options: withChecksum)
        // FnD: other bytes of the same size and no checksum at all.
        let originalD = try await s3.getObject(bucket: Integration.Up.bucket, key: d).body
        _ = try await s3.putObject(bucket: Integration.Up.bucket, key: d,
                                   body: .data(Data(repeating: 0x51, count: originalD.count)))
        #expect(try await s3.headObject(bucket: Integration.Up.bucket, key: d, checksumMode: true)?.checksumSHA256 == nil)

        try await project.env.clearJournal()
        let second = try Checkout(copying: project)
        let up = try await second.ferry(["up", "--env", "dev", "--json"])
        #expect(up.exitCode == 0, "\(up.output)")
        let rejected = Self.events(up, "cache.remote.rejected").compactMap { $0["reason"] as? String }
        #expect(rejected.count == 2, "\(up.output)")
        #expect(rejected.filter { $0.contains("does not hash to its name") }.count == 2, "\(rejected)")
        #expect(rejected.contains { $0.contains("S3's checksum") }, "FnA is refused from its HEAD: \(rejected)")
        let started = Self.events(up, "build.started").compactMap { $0["artifact"] as? String }.sorted()
        #expect(started.count == 2 && started.contains { $0.hasSuffix("FnA") } && started.contains { $0.hasSuffix("FnD") },
                "the two tampered functions are built here: \(started)")
        #expect(Self.buildSummary(up)?["cached"] as? Int == 2, "FnB and FnC come from their entries: \(up.output)")
        let journal = try await project.env.journal()
        let downloads = journal.filter { $0.operation == "GetObject" && $0.path.hasSuffix(".zip") }.map(\.path)
        #expect(downloads.count == 1 && downloads.first?.hasSuffix(d) == true,
                "only FnD's object (no checksum) is downloaded to be hashed: \(downloads)")
    }
}
