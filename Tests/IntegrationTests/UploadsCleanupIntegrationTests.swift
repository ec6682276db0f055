import AWSCore
import AWSServices
import Foundation
import Packaging
import Pipeline
import Testing

extension Integration {
    /// Interrupted uploads leave nothing behind, the bucket Ferry creates expires what it should,
    /// and `ferry gc` counts only bytes it frees.
    @Suite struct UploadsCleanup {
        static func s3(_ env: EmulatorEnvironment) throws -> S3 {
            try AWSSession.make(AWSSessionOptions(processEnvironment: env.variables)).s3
        }

        /// The Truth app, built and packaged once (the bucket exists).
        static func packaged(extraArtifacts: String = "") async throws -> (EmulatorEnvironment, TemporaryFolder) {
            let (env, folder) = try await Truth.project()
            if !extraArtifacts.isEmpty {
                let toml = try String(contentsOf: folder.url.appendingPathComponent("ferry.toml"), encoding: .utf8)
                try folder.write("ferry.toml", toml.replacingOccurrences(
                    of: "bucket = \"\(Truth.bucket)\"\n", with: "bucket = \"\(Truth.bucket)\"\n\(extraArtifacts)\n"))
            }
            let build = try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(build.exitCode == 0, "\(build.output)")
            let package = try await FerryRun.run(["package", "--env", "dev", "--create-bucket"], in: folder.url, environment: env.variables)
            #expect(package.exitCode == 0, "\(package.output)")
            return (env, folder)
        }

        @Test func theBucketFerryCreatesAbortsUploadsAfterADayAndExpiresNoncurrentVersions() async throws {
            let (env, _) = try await Self.packaged(extraArtifacts: "noncurrent_version_days = 7")
            let response = try await env.client().restXML(
                .s3, operation: "GetBucketLifecycleConfiguration", method: "GET", bucket: Truth.bucket, key: nil,
                query: [("lifecycle", "")], headers: [], body: .empty)
            let xml = String(decoding: response.body, as: UTF8.self)
            #expect(xml.contains("<DaysAfterInitiation>1</DaysAfterInitiation>"), "\(xml)")
            #expect(xml.contains("<NoncurrentDays>7</NoncurrentDays>"), "\(xml)")
        }

        @Test func theNextPackageAbortsTheUploadsAKilledRunRecorded() async throws {
            let (env, folder) = try await Self.packaged()
            let s3 = try Self.s3(env)
            // What a `kill -9` during an upload leaves: an upload in progress and its record.
            let key = String(repeating: "d", count: 64) + ".zip"
            let uploadId = try await s3.createMultipartUpload(bucket: Truth.bucket, key: key)
            try folder.write(".ferry/uploads/killed.json", """
                {"bucket": "\(Truth.bucket)", "key": "\(key)", "started": "2026-01-01T00:00:00Z", "uploadId": "\(uploadId)"}
                """)
            #expect(try await s3.listMultipartUploads(bucket: Truth.bucket).map(\.uploadId) == [uploadId])
            let package = try await FerryRun.run(["package", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(package.exitCode == 0, "\(package.output)")
            #expect(package.stdout.contains("aborted 1 incomplete multipart upload(s)"), "\(package.output)")
            #expect(try await s3.listMultipartUploads(bucket: Truth.bucket).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".ferry/uploads/killed.json").path))
        }

        @Test func unrecordedUploadsAreAbortedOnlyOnceOlderThanTheCutoff() async throws {
            let (env, folder) = try await Self.packaged()
            let s3 = try Self.s3(env)
            let key = String(repeating: "e", count: 64) + ".zip"
            let uploadId = try await s3.createMultipartUpload(bucket: Truth.bucket, key: key)
            let journal = UploadJournal(projectRoot: folder.url)
            let young = await journal.cleanUp(s3: s3, bucket: Truth.bucket, prefix: "", olderThan: Date().addingTimeInterval(-86_400))
            #expect(young.aborted.isEmpty, "an upload started now may be another run's")
            #expect(try await s3.listMultipartUploads(bucket: Truth.bucket).map(\.uploadId) == [uploadId])
            let old = await journal.cleanUp(s3: s3, bucket: Truth.bucket, prefix: "", olderThan: Date().addingTimeInterval(60))
            #expect(old.aborted.count == 1 && old.aborted[0].contains(uploadId), "\(old)")
            #expect(try await s3.listMultipartUploads(bucket: Truth.bucket).isEmpty)
        }

        @Test func ctrlCAbortsTheUploadsInProgress() async throws {
            // What the Ctrl-C handler runs: the active uploads of this run are aborted.
            let (env, folder) = try await Self.packaged()
            let s3 = try Self.s3(env)
            let journal = UploadJournal(projectRoot: folder.url)
            let key = String(repeating: "f", count: 64) + ".zip"
            let uploadId = try await s3.createMultipartUpload(bucket: Truth.bucket, key: key)
            await journal.started(bucket: Truth.bucket, key: key, uploadId: uploadId)
            #expect(journal.recorded().isEmpty, "this run's own uploads are not an earlier run's leftovers")
            #expect(try FileManager.default.contentsOfDirectory(atPath: journal.folder.path).count == 1)
            #expect(await journal.abortActive(s3: s3) == 1)
            #expect(try await s3.listMultipartUploads(bucket: Truth.bucket).isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: journal.folder.path).isEmpty)
        }

        @Test func gcFreesEveryVersionOfWhatItCollectsAndAbortsLeftovers() async throws {
            let (env, folder) = try await Self.packaged()
            let s3 = try Self.s3(env)
            // An artifact nothing references, written twice: two versions in the versioned bucket.
            let key = String(repeating: "a", count: 64) + ".zip"
            _ = try await s3.putObject(bucket: Truth.bucket, key: key, body: .data(Data(repeating: 1, count: 1000)))
            _ = try await s3.putObject(bucket: Truth.bucket, key: key, body: .data(Data(repeating: 2, count: 3000)))
            let leftover = try await s3.createMultipartUpload(bucket: Truth.bucket, key: String(repeating: "b", count: 64) + ".zip")
            try folder.write(".ferry/uploads/killed.json", """
                {"bucket": "\(Truth.bucket)", "key": "x", "started": "2026-01-01T00:00:00Z", "uploadId": "\(leftover)"}
                """)
            #expect(try await s3.listObjectVersions(bucket: Truth.bucket).filter { $0.key == key }.count == 2)
            let dryRun = try await FerryRun.run(["gc", "--env", "dev", "--min-age", "0"], in: folder.url, environment: env.variables)
            #expect(dryRun.exitCode == 0, "\(dryRun.output)")
            #expect(dryRun.stdout.contains("would delete"), "\(dryRun.output)")
            #expect(dryRun.stdout.contains("would abort 1 incomplete multipart upload(s)"), "\(dryRun.output)")
            let gc = try await FerryRun.run(["gc", "--env", "dev", "--min-age", "0", "--yes", "--json"], in: folder.url,
                                            environment: env.variables)
            #expect(gc.exitCode == 0, "\(gc.output)")
            let summary = gc.jsonLines.last { $0["event"] as? String == "gc.summary" }?["data"] as? [String: Any]
            let objects = summary?["objects"] as? Int ?? 0
            #expect(objects >= 1, "\(gc.output)")
            #expect((summary?["noncurrentVersions"] as? Int ?? 0) >= 1, "\(gc.output)")
            let remaining = try await s3.listObjectVersions(bucket: Truth.bucket)
            #expect(!remaining.contains { $0.key == key }, "every version of the collected key is gone: \(remaining)")
            #expect(try await s3.listMultipartUploads(bucket: Truth.bucket).isEmpty, "\(gc.output)")
            // The freed bytes are the versions really deleted: at least both versions of the junk key.
            #expect((summary?["bytes"] as? Int ?? 0) >= 4000, "\(gc.output)")
        }
    }
}
