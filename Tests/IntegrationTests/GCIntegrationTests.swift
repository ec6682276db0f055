import AWSServices
import Foundation
import Hotswap
import Pipeline
import Testing

extension Integration {
    /// `ferry gc` against the emulator: two versions of a small app deployed, then collected.
    @Suite struct GC {
        static let stackName = "ferry-gc-dev"
        static let bucket = "ferry-gc-123456789012"
        static let prefix = "app/dev"

        private static func template() -> String {
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: dist/fn.zip
              Shared:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: dist/shared.zip
              Child:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: child/template.yaml
            """
        }

        private static func child(retention: Int) -> String {
            """
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  MessageRetentionPeriod: \(retention)
            """
        }

        /// Writes version `version` of the app (Fn's code and the child template change; Shared does not).
        private func write(version: Int, to folder: TemporaryFolder) throws {
            try Integration.Hotswap.makeZip(at: folder.url.appendingPathComponent("dist/fn.zip"),
                                            source: "def handler(event, context):\n    return 'v\(version)'\n")
            try Integration.Hotswap.makeZip(at: folder.url.appendingPathComponent("dist/shared.zip"),
                                            source: "def handler(event, context):\n    return 'shared'\n")
            try folder.write("child/template.yaml", Self.child(retention: 60 * version))
        }

        /// Content-addressed objects under the prefix, and every key.
        private func listing(_ s3: S3) async throws -> (artifacts: Set<String>, all: Set<String>) {
            let keys = try await s3.listObjectsV2(bucket: Self.bucket, prefix: "\(Self.prefix)/").map(\.key)
            let artifacts = keys.filter { ArtifactObject.classify(key: $0, prefix: Self.prefix).isCandidate }
            return (Set(artifacts), Set(keys))
        }

        /// The hashes the packaged templates under `.ferry/package` refer to.
        private func packagedReferences(_ folder: TemporaryFolder) throws -> ArtifactReferences {
            var references = ArtifactReferences()
            let root = folder.url.appendingPathComponent(".ferry/package")
            for case let file as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) ?? .init() {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                references.formUnion(ArtifactReferences.scan(text))
            }
            return references
        }

        private func shipAndDeploy(_ folder: TemporaryFolder, _ env: EmulatorEnvironment) async throws {
            let package = try await FerryRun.run(["package", "--create-bucket"], in: folder.url, environment: env.variables)
            #expect(package.exitCode == 0, "\(package.output)")
            let deploy = try await FerryRun.run(["deploy", "--yes"], in: folder.url, environment: env.variables)
            #expect(deploy.exitCode == 0, "\(deploy.output)")
        }

        @Test func keepOneDeletesOnlyTheFirstVersionsArtifactsAndNeverWhatTheStackRuns() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let s3 = try AWSSession.make(AWSSessionOptions(processEnvironment: env.variables)).s3
            let folder = try TemporaryFolder("ferry-gc")
            try folder.write("ferry.toml", """
            template = "template.yaml"
            [artifacts]
            bucket = "ferry-gc-{account}"
            prefix = "app/{env}"
            [env.dev]
            stack_name = "\(Self.stackName)"
            capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]
            """)
            try folder.write("template.yaml", Self.template())

            try write(version: 1, to: folder)
            try await shipAndDeploy(folder, env)
            let afterV1 = try await listing(s3).artifacts
            try write(version: 2, to: folder)
            try await shipAndDeploy(folder, env)
            let v2References = try packagedReferences(folder)
            let before = try await listing(s3)
            let v2Keys = before.artifacts.filter { v2References.references(key: $0) }
            let v1Only = afterV1.subtracting(v2Keys)
            #expect(v1Only.count == 3, "Fn's v1 zip, the v1 child and root templates: \(v1Only.sorted())")
            #expect(v2Keys.count >= 3, "\(v2Keys.sorted())")

            let dryRun = try await FerryRun.run(["gc", "--keep", "1", "--min-age", "0"], in: folder.url, environment: env.variables)
            #expect(dryRun.exitCode == 0, "\(dryRun.output)")
            for key in v1Only { #expect(dryRun.stdout.contains("would delete \(key)"), "\(dryRun.output)") }
            #expect(dryRun.stdout.contains("would delete 3 object(s)"), "\(dryRun.output)")
            #expect(dryRun.stdout.contains("/month"), "\(dryRun.output)")
            #expect(try await listing(s3).all == before.all, "a dry run deletes nothing")

            let collect = try await FerryRun.run(["gc", "--keep", "1", "--min-age", "0", "--yes"], in: folder.url,
                                                 environment: env.variables)
            #expect(collect.exitCode == 0, "\(collect.output)")
            #expect(collect.stdout.contains("deleted 3 object(s), freed"), "\(collect.output)")
            let after = try await listing(s3)
            #expect(after.all == before.all.subtracting(v1Only), "exactly the v1-only artifacts went")
            #expect(v2Keys.isSubset(of: after.all))
            #expect(after.all.contains { $0.hasPrefix("\(Self.prefix)/.ferry/history/") }, "history is never collected")

            // Without any history, the live stack (root and nested templates) still protects everything it
            // uses. The packaged root template object itself is kept only when GetTemplate returns the
            // body byte for byte (AWS does; the emulator may not), since the stack does not refer to it.
            let history = after.all.filter { $0.hasPrefix("\(Self.prefix)/.ferry/history/") }
            _ = try await s3.deleteObjects(bucket: Self.bucket, keys: Array(history))
            let packagedRoot = try String(contentsOf: folder.url.appendingPathComponent(".ferry/package/packaged.yaml"), encoding: .utf8)
            let rootKey = "\(Self.prefix)/\(ContentHash.hex(packagedRoot)).template"
            #expect(after.artifacts.contains(rootKey), "\(rootKey) in \(after.artifacts.sorted())")
            let again = try await FerryRun.run(["gc", "--keep", "1", "--min-age", "0", "--yes"], in: folder.url,
                                               environment: env.variables)
            #expect(again.exitCode == 0, "\(again.output)")
            let gone = after.artifacts.subtracting(try await listing(s3).artifacts)
            #expect(gone.isSubset(of: [rootKey]), "only the unreferenced root template may go: \(gone.sorted()) \(again.output)")
            #expect(after.artifacts.subtracting([rootKey]).count == 3, "Fn v2, Shared and the v2 child stay")
        }
    }
}
