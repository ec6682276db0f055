import AWSServices
import Foundation
import Testing

extension Integration {
    /// `ferry rollback`'s fast path against the emulator: a SAM function with `AutoPublishAlias`
    /// whose code alone changed goes back by moving its alias, with no change set.
    @Suite struct RollbackAlias {
        /// The app of `Rollback`, with `AutoPublishAlias: live` on Greeter.
        static func template() -> String {
            Rollback.template(greeterMemory: 128)
                .replacingOccurrences(of: "      CodeUri: src/greeter/\n", with: "      CodeUri: src/greeter/\n      AutoPublishAlias: live\n")
        }

        /// Greeter's function name, the version its alias serves and that version's CodeSha256.
        static func alias(_ app: Rollback.App) async throws -> (functionName: String, version: String, codeSha256: String?) {
            let lambda = Lambda(client: app.env.client())
            let resources = try await app.client.listStackResources(Rollback.stackName)
            let name = try #require(resources.first { $0.logicalResourceId == "Greeter" }?.physicalResourceId)
            let version = try #require(try await lambda.getAlias(name, name: "live").functionVersion)
            return (name, version, try await lambda.getFunctionConfiguration(name, qualifier: version).codeSha256)
        }

        @Test func aCodeOnlyChangeGoesBackByMovingTheAlias() async throws {
            let app = try await Rollback.app()
            try app.folder.write("template.yaml", Self.template())
            #expect(Self.template().contains("AutoPublishAlias: live"))
            try await app.release("v1")
            let v1 = try await Self.alias(app)
            let v1Code = try await app.code()
            #expect(v1.codeSha256 == v1Code["Greeter"])

            try app.folder.write("src/greeter/app.py", Rollback.source("hello v2"))
            try await app.release("v2")
            let v2 = try await Self.alias(app)
            #expect(v2.version != v1.version)
            #expect(v2.codeSha256 != v1.codeSha256)

            let before = try await app.env.journal().count
            let rollback = try await app.ferry(["rollback", "--yes"])
            #expect(rollback.exitCode == 0, "\(rollback.output)")
            #expect(rollback.stdout.contains("fast path: moving alias live → version \(v1.version)"), "\(rollback.output)")
            #expect(rollback.stdout.contains("$LATEST keeps the newer code"), "\(rollback.output)")
            let after = try await Self.alias(app)
            #expect(after.version == v1.version)
            #expect(after.codeSha256 == v1.codeSha256)
            // $LATEST still runs v2: only the alias moved.
            #expect(try await app.code()["Greeter"] == v2.codeSha256)
            let requests = try await app.env.journal().dropFirst(before)
            #expect(!requests.contains { $0.operation == "ExecuteChangeSet" || $0.operation == "CreateChangeSet" }, "\(requests)")
            #expect(requests.contains { $0.operation == "UpdateAlias" }, "\(requests)")

            let history = try await app.history()
            #expect(history.first?["kind"] as? String == "rollback", "\(history)")
            let record = history.first?["record"] as? [String: Any]
            #expect(record?["path"] as? String == "alias", "\(history)")
            let v1ID = try #require(history.last?["id"] as? String)
            #expect(record?["rollbackOf"] as? String == v1ID)

            let show = try await app.ferry(["history", "show", String((history.first?["id"] as? String ?? "").prefix(8))])
            #expect(show.stdout.contains("rolled back to: \(v1ID) (path: alias)"), "\(show.output)")

            // Back to v2: $LATEST already runs it, the alias does not, so the alias moves forward.
            let v2ID = try #require(history.dropFirst().first?["id"] as? String)
            let forward = try await app.ferry(["rollback", "--to", String(v2ID.prefix(8)), "--yes"])
            #expect(forward.exitCode == 0, "\(forward.output)")
            #expect(forward.stdout.contains("fast path: moving alias live → version \(v2.version)"), "\(forward.output)")
            #expect(try await Self.alias(app).codeSha256 == v2.codeSha256)
        }
    }
}
