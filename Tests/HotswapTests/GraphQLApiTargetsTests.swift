import Foundation
import Hotswap
import Templates
import Testing

@Suite struct GraphQLApiTargetsTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          NotesApi:
            Type: AWS::Serverless::GraphQLApi
            Properties:
              SchemaUri: schema.graphql
              Auth: {Type: API_KEY}
              Functions:
                lookup: {Runtime: {Name: APPSYNC_JS, Version: 1.0.0}, DataSource: NONE, CodeUri: lookup.js}
                existing: {Id: abc123}
                inline: {Runtime: {Name: APPSYNC_JS, Version: 1.0.0}, DataSource: NONE, InlineCode: "export const x = 1;"}
              Resolvers:
                Query:
                  getNote: {Runtime: {Name: APPSYNC_JS, Version: 1.0.0}, Pipeline: [lookup], CodeUri: getNote.js}
                  notes: {Pipeline: [lookup], FieldName: listNotes}
        """

    @Test func targetsAreTheAppSyncResourcesSAMGeneratesUnderTheirLogicalIDs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "type Query { getNote: String }".write(to: folder.appendingPathComponent("schema.graphql"), atomically: true, encoding: .utf8)
        try "export function request() {}".write(to: folder.appendingPathComponent("lookup.js"), atomically: true, encoding: .utf8)
        try "export function response() {}".write(to: folder.appendingPathComponent("getNote.js"), atomically: true, encoding: .utf8)
        try Self.template.write(to: folder.appendingPathComponent("template.yaml"), atomically: true, encoding: .utf8)

        let tree = try TemplateTree.load(rootTemplate: folder.appendingPathComponent("template.yaml"))
        let targets = try HotswapTargetCollector.targets(tree: tree, build: nil, artifactBucket: nil)
        #expect(targets.map(\.logicalID.rawValue) == ["NotesApiSchema", "NotesApilookup", "NotesApiinline", "NotesApiQuerygetNote"])
        #expect(targets.map(\.resourceType) == ["AWS::AppSync::GraphQLSchema", "AWS::AppSync::FunctionConfiguration",
                                                "AWS::AppSync::FunctionConfiguration", "AWS::AppSync::Resolver"])
        let api: TemplateValue = ["Fn::GetAtt": ["NotesApi", "ApiId"]]
        #expect(targets[0].artifact == .appSyncSchema(definition: "type Query { getNote: String }", api: api))
        #expect(targets[2].artifact == .appSyncFunction(AppSyncCode(code: "export const x = 1;"), api: api))
        #expect(targets[3].artifact == .appSyncResolver(AppSyncCode(code: "export function response() {}"), api: api,
                                                        typeName: "Query", fieldName: "getNote"))
    }

    @Test func aMissingCodeFileIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let properties = try #require(try TemplateLoader.parse(Self.template).resources["NotesApi"]?.properties)
        #expect(throws: HotswapError.self) {
            _ = try GraphQLApiTargets.targets(stackPath: "Root", id: "NotesApi", properties: properties, folder: folder)
        }
    }

    @Test func onlySchemaAndCodeChangesOfTheGraphQLApiCanBeHotswapped() throws {
        let detector = ServerlessGraphQLApiDetector()
        #expect(detector.allows(changeAt: ["Properties", "SchemaUri"]))
        #expect(detector.allows(changeAt: ["Properties", "Functions", "lookup", "CodeUri"]))
        #expect(detector.allows(changeAt: ["Properties", "Resolvers", "Query", "getNote", "InlineCode"]))
        #expect(!detector.allows(changeAt: ["Properties", "Resolvers", "Query", "getNote", "Pipeline", "0"]))
        #expect(!detector.allows(changeAt: ["Properties", "Functions", "lookup", "DataSource"]))
        #expect(!detector.allows(changeAt: ["Properties", "Auth", "Type"]))
        #expect(HotswapDetectors.standard.contains { $0.resourceTypes.contains("AWS::Serverless::GraphQLApi") })
    }
}
