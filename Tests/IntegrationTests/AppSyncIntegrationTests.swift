import AWSServices
import Foundation
import Pipeline
import Testing

extension Integration {
    /// `ferry verify` and `ferry update` on AppSync resources that CloudFormation created in the
    /// emulator: schema, pipeline function and resolver with inline code.
    @Suite struct AppSyncHotswap {
        static let bucket = "ferry-it-123456789012"

        static func template(resolver: String, function: String) -> String {
            """
            Resources:
              Api:
                Type: AWS::AppSync::GraphQLApi
                Properties: {Name: docs, AuthenticationType: API_KEY}
              Schema:
                Type: AWS::AppSync::GraphQLSchema
                Properties:
                  ApiId: !GetAtt Api.ApiId
                  Definition: "type Query{getDocument(id: ID!): String, listDocuments: [String]}"
              None:
                Type: AWS::AppSync::DataSource
                Properties: {ApiId: !GetAtt Api.ApiId, Name: none, Type: NONE}
              Lookup:
                Type: AWS::AppSync::FunctionConfiguration
                Properties:
                  ApiId: !GetAtt Api.ApiId
                  Name: lookup
                  DataSourceName: !GetAtt None.Name
                  Runtime: {Name: APPSYNC_JS, RuntimeVersion: 1.0.0}
                  Code: "\(function)"
              GetDocument:
                Type: AWS::AppSync::Resolver
                DependsOn: Schema
                Properties:
                  ApiId: !GetAtt Api.ApiId
                  TypeName: Query
                  FieldName: getDocument
                  Kind: PIPELINE
                  PipelineConfig: {Functions: [!GetAtt Lookup.FunctionId]}
                  Runtime: {Name: APPSYNC_JS, RuntimeVersion: 1.0.0}
                  Code: "\(resolver)"

            """
        }

        @Test func deployedAppSyncResourcesVerifyFreshAndHotswapThroughTheAppSyncAPI() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-appsync")
            try folder.write("ferry.toml", """
                template = "template.yaml"

                [artifacts]
                bucket = "\(Self.bucket)"
                prefix = "app/{env}"

                [env.dev]
                stack_name = "appsync-app"
                """)
            try folder.write("template.yaml", Self.template(resolver: "export function request(ctx) { return 1; }",
                                                            function: "export function response(ctx) { return 1; }"))
            let session = try AWSSession.make(AWSSessionOptions(processEnvironment: env.variables))
            try? await session.s3.createBucket(Self.bucket, region: "eu-central-1")
            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
            }

            let deployed = try await ferry(["deploy", "--yes"])
            #expect(deployed.exitCode == 0, "\(deployed.output)")
            #expect(try await ferry(["build"]).exitCode == 0)
            let fresh = try await ferry(["verify", "--verbose"])
            #expect(fresh.exitCode == 0, "\(fresh.output)")
            for resource in ["Root/Schema: fresh", "Root/Lookup: fresh", "Root/GetDocument: fresh"] {
                #expect(fresh.output.contains(resource), "\(fresh.output)")
            }

            try folder.write("template.yaml", Self.template(resolver: "export function request(ctx) { return 2; }",
                                                            function: "export function response(ctx) { return 2; }"))
            let stale = try await ferry(["verify"])
            #expect(stale.exitCode != 0, "\(stale.output)")
            #expect(stale.output.contains("2 stale"), "\(stale.output)")
            let swapped = try await ferry(["update"])
            #expect(swapped.exitCode == 0, "\(swapped.output)")
            #expect(swapped.output.contains("hot-swapped 2, failed 0, unchanged 1"), "\(swapped.output)")

            let resources = try await CloudFormation(client: session.client).listStackResources("appsync-app")
            let resolverArn = try #require(resources.first { $0.logicalResourceId == "GetDocument" }?.physicalResourceId)
            let apiId = try #require(resolverArn.split(separator: "/").dropFirst().first.map(String.init))
            let live = try await AppSync(client: session.client).getResolver(apiId: apiId, typeName: "Query", fieldName: "getDocument")
            #expect(live.code == "export function request(ctx) { return 2; }")
            #expect(try await ferry(["verify"]).exitCode == 0)
        }
    }
}
