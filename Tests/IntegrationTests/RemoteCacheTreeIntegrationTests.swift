import AWSCore
import AWSServices
import Foundation
import Testing

extension Integration.RemoteCache {
    /// The action entries under `app/.ferry/cache/`, decoded.
    static func actionEntries(_ s3: S3) async throws -> [[String: Any]] {
        var entries: [[String: Any]] = []
        for object in try await s3.listObjectsV2(bucket: Integration.Up.bucket, prefix: "app/.ferry/cache/") {
            let body = try await s3.getObject(bucket: Integration.Up.bucket, key: object.key).body
            if let fields = try JSONSerialization.jsonObject(with: body) as? [String: Any] { entries.append(fields) }
        }
        return entries
    }

    /// The dependency tree FnB and FnC share goes into the bucket once, named in both entries; a
    /// second checkout (its own HOME, no `.ferry`) that edits FnB's handler restores that tree
    /// instead of installing it, hot-swaps FnB, and that hot-swap-only run writes FnB's new entry.
    @Test func aSecondCheckoutRestoresTheSharedDependencyTreeAndItsHotSwapWritesAnEntry() async throws {
        let project = try await Integration.Up.deployed()
        let s3 = S3(client: project.client)
        let deps = try await s3.listObjectsV2(bucket: Integration.Up.bucket, prefix: "app/.ferry/deps/").map(\.key)
        let treeEntries = deps.filter { $0.hasSuffix(".json") }, treeZips = deps.filter { $0.hasSuffix(".zip") }
        #expect(treeEntries.count == 1 && treeZips.count == 1, "one shared tree: \(deps)")
        let zipSHA = String(treeZips.first?.split(separator: "/").last?.dropLast(4) ?? "")
        let head = try await s3.headObject(bucket: Integration.Up.bucket, key: treeZips.first ?? "", checksumMode: true)
        #expect(head?.checksumSHA256 == S3.base64SHA256(hex: zipSHA), "the tree's zip has S3's SHA-256 checksum")
        let named = try await Self.actionEntries(s3).compactMap { $0["dependencyTrees"] as? [String: String] }.filter { !$0.isEmpty }
        #expect(named.count == 2 && named.allSatisfy { $0.values.first == zipSHA }, "FnB's and FnC's entries name it: \(named)")

        // The same pip settings as the first checkout (so the same tree key), another HOME, no `.ferry`.
        let second = try Checkout(copying: project)
        var variables = project.env.variables
        variables["HOME"] = second.home.url.path
        try second.folder.write("src/b/app.py", "import shared\n" + Integration.Up.handler("b2-second"))
        let up = try await FerryRun.run(["up", "--env", "dev", "--json"], in: second.folder.url, environment: variables)
        #expect(up.exitCode == 0, "\(up.output)")
        #expect(Integration.Up.summary(up)?["path"] as? String == "hotswap", "\(up.output)")
        let finished = Self.events(up, "build.finished")
        #expect(finished.count == 1 && (finished.first?["artifact"] as? String)?.hasSuffix("FnB") == true, "\(up.output)")
        let notes = finished.first?["notes"] as? [String] ?? []
        #expect(notes.contains { $0.contains("restored from the remote build cache") }, "no pip install: \(notes)")
        let localTrees = try FileManager.default.contentsOfDirectory(
            atPath: second.folder.url.appendingPathComponent(".ferry/deps").path).filter { !$0.hasPrefix(".") }
        #expect(localTrees.count == 1, "\(localTrees)")

        // The hot-swap-only run wrote FnB's new entry (a teammate's checkout finds it).
        let entries = try await s3.listObjectsV2(bucket: Integration.Up.bucket, prefix: "app/.ferry/cache/")
        #expect(entries.count == 5, "\(entries.map(\.key))")
        let verify = try await FerryRun.run(["verify", "--env", "dev"], in: second.folder.url, environment: variables)
        #expect(verify.exitCode == 0, "\(verify.output)")
    }

    /// `ferry update` puts the zip it hot-swapped into the bucket (with S3's checksum) and writes
    /// its entry; with `FERRY_CACHE_WRITE=0` it writes nothing there.
    @Test func ferryUpdateSharesWhatItHotSwapped() async throws {
        let project = try await Integration.Up.deployed()
        let s3 = S3(client: project.client)
        try project.folder.write("child/d/app.py", Integration.Up.handler("d2-update"))
        #expect(try await project.ferry(["build", "--env", "dev"]).exitCode == 0)
        try await project.env.clearJournal()
        let readOnly = try await FerryRun.run(["update", "--env", "dev", "--json"], in: project.folder.url,
                                              environment: project.env.variables.merging(["FERRY_CACHE_WRITE": "0"]) { $1 })
        #expect(readOnly.exitCode == 0, "\(readOnly.output)")
        let shared = try await project.env.journal().filter { $0.write && ($0.path.contains("/.ferry/cache/") || $0.path.hasSuffix(".zip")) }
        #expect(shared.isEmpty, "no zip, no entry: \(shared)")

        try project.folder.write("child/d/app.py", Integration.Up.handler("d3-update"))
        #expect(try await project.ferry(["build", "--env", "dev"]).exitCode == 0)
        let update = try await project.ferry(["update", "--env", "dev", "--json"])
        #expect(update.exitCode == 0, "\(update.output)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: project.folder.url
            .appendingPathComponent(".ferry/build/manifest.json"))) as? [String: Any]
        let artifacts = manifest?["artifacts"] as? [[String: Any]] ?? []
        let sha = try #require(artifacts.first { $0["logicalID"] as? String == "FnD" }?["zipSHA256"] as? String)
        let object = try await s3.headObject(bucket: Integration.Up.bucket, key: "app/\(sha).zip", checksumMode: true)
        #expect(object?.checksumSHA256 == S3.base64SHA256(hex: sha), "FnD's new zip is in the bucket")
        #expect(try await s3.listObjectsV2(bucket: Integration.Up.bucket, prefix: "app/.ferry/cache/").count == 5)
    }
}
