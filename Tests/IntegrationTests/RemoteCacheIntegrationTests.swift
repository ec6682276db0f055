import AWSCore
import AWSServices
import Foundation
import Testing

extension Integration {
    /// The remote build cache (issue 16): a second checkout of a deployed app, in another folder
    /// with another HOME, no `.ferry` and no package index, brings the environment up to date with
    /// nothing built, uploaded or deployed.
    @Suite struct RemoteCache {
        /// A second checkout of `project`'s files (no `.ferry`), run with its own HOME and a package
        /// index that refuses connections.
        struct Checkout {
            let folder: TemporaryFolder
            let home: TemporaryFolder
            let env: EmulatorEnvironment

            init(copying project: Up.Project) throws {
                folder = try TemporaryFolder("ferry-second-checkout")
                home = try TemporaryFolder("ferry-second-home")
                env = project.env
                let manager = FileManager.default
                for name in try manager.contentsOfDirectory(atPath: project.folder.url.path) where name != ".ferry" {
                    try manager.copyItem(at: project.folder.url.appendingPathComponent(name),
                                         to: folder.url.appendingPathComponent(name))
                }
            }

            var variables: [String: String] {
                var variables = env.variables
                variables["HOME"] = home.url.path
                variables["PIP_INDEX_URL"] = "http://127.0.0.1:9/simple"
                variables["PIP_RETRIES"] = "0"
                variables["PIP_TIMEOUT"] = "2"
                return variables
            }

            func ferry(_ arguments: [String], extra: [String: String] = [:]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: variables.merging(extra) { $1 })
            }
        }

        static func events(_ run: FerryRun, _ kind: String) -> [[String: Any]] {
            run.jsonLines.filter { $0["event"] as? String == kind }.compactMap { $0["data"] as? [String: Any] }
        }

        static func buildSummary(_ run: FerryRun) -> [String: Any]? { events(run, "build.summary").last }

        @Test func aSecondCheckoutBuildsUploadsAndDeploysNothingThenOnlyTheEditedFunction() async throws {
            let project = try await Up.deployed()
            let s3 = S3(client: project.client)
            let entries = try await s3.listObjectsV2(bucket: Up.bucket, prefix: "app/.ferry/cache/")
            #expect(entries.count == 4, "one action entry per built function: \(entries.map(\.key))")

            let second = try Checkout(copying: project)
            #expect(!FileManager.default.fileExists(atPath: second.folder.url.appendingPathComponent(".ferry").path))
            let up = try await second.ferry(["up", "--env", "dev", "--json"])
            #expect(up.exitCode == 0, "\(up.output)")
            #expect(Up.summary(up)?["path"] as? String == "nothing", "\(up.output)")
            #expect(Self.buildSummary(up)?["built"] as? Int == 0, "\(up.output)")
            #expect(Self.buildSummary(up)?["cached"] as? Int == 4, "\(up.output)")
            #expect(Self.events(up, "build.started").isEmpty, "no builder ran: \(up.output)")
            let journal = try await project.env.journal()
            #expect(journal.filter(\.write).isEmpty, "no upload, no change set, no write at all: \(journal.filter(\.write))")
            #expect(!journal.contains { $0.operation == "CreateChangeSet" })
            #expect(!journal.contains { $0.operation == "PutObject" && $0.path.hasSuffix(".zip") })
            #expect(!journal.contains { $0.operation == "GetObject" && $0.path.hasSuffix(".zip") },
                    "ferry up only needs the artifacts' keys: \(journal)")

            let verify = try await second.ferry(["verify", "--env", "dev", "--json"])
            #expect(verify.exitCode == 0, "\(verify.output)")

            try second.folder.write("src/a/app.py", Up.handler("a2-from-the-second-checkout"))
            try await project.env.clearJournal()
            let edited = try await second.ferry(["up", "--env", "dev", "--json"])
            #expect(edited.exitCode == 0, "\(edited.output)")
            let started = Self.events(edited, "build.started").compactMap { $0["artifact"] as? String }
            #expect(started.count == 1 && started.first?.hasSuffix("FnA") == true, "only FnA is built: \(started)")
            #expect(Self.buildSummary(edited)?["built"] as? Int == 1, "\(edited.output)")
            #expect(try await second.ferry(["verify", "--env", "dev"]).exitCode == 0)
        }

        @Test func aFunctionKnownOnlyByItsKeyIsHotSwappedFromItsObject() async throws {
            let project = try await Up.deployed()
            let second = try Checkout(copying: project)
            try project.folder.write("src/a/app.py", Up.handler("a2-ahead"))
            let ahead = try await project.ferry(["up", "--env", "dev", "--json"])
            #expect(ahead.exitCode == 0, "\(ahead.output)")
            #expect(Up.summary(ahead)?["path"] as? String == "hotswap", "\(ahead.output)")

            // The second checkout has FnA's first version only as a remote cache hit (no zip on disk):
            // bringing the function back to it points Lambda at the object.
            try await project.env.clearJournal()
            let back = try await second.ferry(["up", "--env", "dev", "--json"])
            #expect(back.exitCode == 0, "\(back.output)")
            #expect(Up.summary(back)?["path"] as? String == "hotswap", "\(back.output)")
            #expect(Self.buildSummary(back)?["built"] as? Int == 0, "\(back.output)")
            #expect(try await project.requests("UpdateFunctionCode").count == 1)
            let localZips = (try? FileManager.default.contentsOfDirectory(
                atPath: second.folder.url.appendingPathComponent(".ferry/cache/builds").path)) ?? []
            #expect(localZips.isEmpty, "nothing was downloaded: \(localZips)")
            let verify = try await second.ferry(["verify", "--env", "dev"])
            #expect(verify.exitCode == 0, "\(verify.output)")
        }

        @Test func signedEntriesAreUsedOnlyWithTheirKeyAndReadOnlyRunsWriteNothing() async throws {
            let project = try await Up.project()
            let signed = ["FERRY_CACHE_HMAC_KEY": "team-secret"]
            let first = try await FerryRun.run(["up", "--env", "dev", "--yes", "--json"], in: project.folder.url,
                                               environment: project.env.variables.merging(signed) { $1 })
            #expect(first.exitCode == 0, "\(first.output)")
            let s3 = S3(client: project.client)
            let keys = try await s3.listObjectsV2(bucket: Up.bucket, prefix: "app/.ferry/cache/").map(\.key)
            #expect(keys.count == 4)
            let entry = try await s3.getObject(bucket: Up.bucket, key: keys[0])
            let fields = try JSONSerialization.jsonObject(with: entry.body) as? [String: Any]
            #expect((fields?["signature"] as? String)?.count == 64, "\(fields ?? [:])")

            // Another key: every entry is rejected, so the builds run (and pip cannot reach its index).
            let second = try Checkout(copying: project)
            let wrong = try await second.ferry(["build", "--env", "dev", "--json"], extra: ["FERRY_CACHE_HMAC_KEY": "attacker"])
            #expect(Self.events(wrong, "cache.remote.rejected").count == 4, "\(wrong.output)")
            #expect(!Self.events(wrong, "build.started").isEmpty, "\(wrong.output)")

            // The right key: `ferry build` downloads each zip, checks its SHA-256 and keeps it.
            let right = try await second.ferry(["build", "--env", "dev", "--json"], extra: signed)
            #expect(right.exitCode == 0, "\(right.output)")
            #expect(Self.buildSummary(right)?["built"] as? Int == 0, "\(right.output)")
            let local = try FileManager.default.contentsOfDirectory(
                atPath: second.folder.url.appendingPathComponent(".ferry/cache/builds").path)
            #expect(local.filter { $0.hasSuffix(".zip") }.count == 4, "\(local)")

            // A read-only run (untrusted CI) that builds something new writes no entry.
            try second.folder.write("src/a/app.py", Up.handler("a3"))
            try await project.env.clearJournal()
            let readOnly = try await second.ferry(["up", "--env", "dev", "--yes", "--no-hotswap", "--json"],
                                                  extra: signed.merging(["FERRY_CACHE_WRITE": "0"]) { $1 })
            #expect(readOnly.exitCode == 0, "\(readOnly.output)")
            let writes = try await project.env.journal().filter { $0.write && $0.path.contains("/.ferry/cache/") }
            #expect(writes.isEmpty, "\(writes)")
            #expect(try await s3.listObjectsV2(bucket: Up.bucket, prefix: "app/.ferry/cache/").count == 4)
        }

        @Test func gcDeletesTheEntriesOfTheArtifactsItDeletesAndDoctorCountsThem() async throws {
            let project = try await Up.deployed()
            let doctor = try await project.ferry(["doctor", "--env", "dev", "--json"])
            let check = doctor.jsonLines.compactMap { $0["data"] as? [String: Any] }.first { $0["id"] as? String == "remote-cache" }
            #expect((check?["detail"] as? String)?.hasPrefix("4 entries") == true, "\(doctor.output)")

            try project.folder.write("src/a/app.py", Up.handler("a2"))
            let redeploy = try await project.ferry(["up", "--env", "dev", "--yes", "--no-hotswap", "--json"])
            #expect(redeploy.exitCode == 0, "\(redeploy.output)")
            let s3 = S3(client: project.client)
            #expect(try await s3.listObjectsV2(bucket: Up.bucket, prefix: "app/.ferry/cache/").count == 5)
            // A shared tree no entry names (its entry and zip): gc deletes it; the named trees stay.
            let orphan = String(repeating: "f", count: 64)
            let orphans: Set = ["app/.ferry/deps/\(orphan).json", "app/.ferry/deps/\(orphan).zip"]
            for key in orphans { _ = try await s3.putObject(bucket: Up.bucket, key: key, body: .data(Data("{}".utf8))) }
            let treesBefore = Set(try await s3.listObjectsV2(bucket: Up.bucket, prefix: "app/.ferry/deps/").map(\.key))
            let gc = try await project.ferry(["gc", "--env", "dev", "--keep", "1", "--min-age", "0", "--yes", "--json"])
            #expect(gc.exitCode == 0, "\(gc.output)")
            let remaining = try await s3.listObjectsV2(bucket: Up.bucket, prefix: "app/.ferry/cache/")
            #expect(remaining.count == 4, "FnA's old entry went with its artifact: \(remaining.map(\.key)) \(gc.output)")
            let treesAfter = Set(try await s3.listObjectsV2(bucket: Up.bucket, prefix: "app/.ferry/deps/").map(\.key))
            #expect(treesAfter == treesBefore.subtracting(orphans), "\(treesBefore) → \(treesAfter) \(gc.output)")
            #expect(gc.stdout.contains("shared dependency trees:"), "\(gc.output)")
        }
    }
}
