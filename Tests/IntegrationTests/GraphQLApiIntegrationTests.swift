import AWSServices
import Foundation
import Pipeline
import Testing

extension Integration {
    /// A SAM `AWS::Serverless::GraphQLApi` (``GraphQLApiApp``) through `ferry up` on the emulator:
    /// its schema and code are packaged, deployed, verified, and hot-swapped through the AppSync
    /// resources SAM generates.
    @Suite struct ServerlessGraphQLApi {
        static let bucket = "ferry-gql-123456789012"

        @Test func schemaAndCodeArePackagedDeployedVerifiedAndHotswapped() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-graphql")
            for (path, text) in GraphQLApiApp.files(ferryToml: """
                template = "template.yaml"

                [artifacts]
                bucket = "\(Self.bucket)"
                prefix = "app/{env}"

                [env.dev]
                stack_name = "graphql-app"
                """) {
                try folder.write(path, text)
            }
            let session = try AWSSession.make(AWSSessionOptions(processEnvironment: env.variables))
            try? await session.s3.createBucket(Self.bucket, region: "eu-central-1")
            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
            }

            let up = try await ferry(["up", "--yes"])
            #expect(up.exitCode == 0, "\(up.output)")
            let packaged = try String(contentsOf: folder.url.appendingPathComponent(".ferry/package/packaged.yaml"), encoding: .utf8)
            for property in ["SchemaUri: s3://\(Self.bucket)/app/dev/", "CodeUri: s3://\(Self.bucket)/app/dev/"] {
                #expect(packaged.contains(property), "\(packaged)")
            }
            #expect(!packaged.contains("graphql/"), "every local path is packaged: \(packaged)")

            let fresh = try await ferry(["verify", "--verbose"])
            #expect(fresh.exitCode == 0, "\(fresh.output)")
            for resource in ["Root/NotesApiSchema: fresh", "Root/NotesApilookup: fresh", "Root/NotesApiQuerygetNote: fresh"] {
                #expect(fresh.output.contains(resource), "\(fresh.output)")
            }
            #expect(fresh.output.contains("all 3 resource(s) run the local build"), "\(fresh.output)")

            try folder.write("graphql/getNote.js", GraphQLApiApp.resolver(2))
            try folder.write("graphql/lookup.js", GraphQLApiApp.function(2))
            let stale = try await ferry(["verify"])
            #expect(stale.exitCode == 1, "\(stale.output)")
            #expect(stale.output.contains("2 stale"), "\(stale.output)")
            let plan = try await ferry(["plan"])
            #expect(plan.output.contains("hot-swap 2"), "\(plan.output)")

            let swapped = try await ferry(["up", "--yes"])
            #expect(swapped.exitCode == 0, "\(swapped.output)")
            #expect(swapped.output.contains("hot-swap"), "\(swapped.output)")
            let resources = try await CloudFormation(client: session.client).listStackResources("graphql-app")
            let resolverArn = try #require(resources.first { $0.logicalResourceId == "NotesApiQuerygetNote" }?.physicalResourceId)
            let apiId = try #require(resolverArn.split(separator: "/").dropFirst().first.map(String.init))
            let live = try await AppSync(client: session.client).getResolver(apiId: apiId, typeName: "Query", fieldName: "getNote")
            #expect(live.code == GraphQLApiApp.resolver(2))
            let after = try await ferry(["verify"])
            #expect(after.exitCode == 0, "\(after.output)")
            let again = try await ferry(["plan"])
            #expect(again.output.contains("up to date"), "\(again.output)")
        }
    }
}
