import Foundation
import Hotswap
@testable import Pipeline
import Templates
import Testing

/// `ferry plan` rules for a SAM `AWS::Serverless::GraphQLApi`: its schema and code locations are
/// for the AppSync detectors to decide; anything else about it needs CloudFormation.
@Suite struct GraphQLApiPlanTests {
    static func packaged(schema: String = "s1", resolver: String = "r1", pipeline: String = "[lookup]") throws -> Template {
        try TemplateLoader.parse("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              NotesApi:
                Type: AWS::Serverless::GraphQLApi
                Properties:
                  SchemaUri: s3://b/app/\(schema).graphql
                  Auth: {Type: API_KEY}
                  Functions:
                    lookup: {Runtime: {Name: APPSYNC_JS, Version: 1.0.0}, DataSource: NONE, CodeUri: s3://b/app/f1.js}
                  Resolvers:
                    Query:
                      getNote: {Runtime: {Name: APPSYNC_JS, Version: 1.0.0}, Pipeline: \(pipeline), CodeUri: s3://b/app/\(resolver).js}
            """)
    }

    @Test func schemaAndCodeChangesAreForTheDetectors() throws {
        let reasons = StackComparison.reasons(stackPath: "Root", deployed: try Self.packaged(),
                                              packaged: try Self.packaged(schema: "s2", resolver: "r2"),
                                              planner: StackComparisonTests.planner)
        #expect(reasons.isEmpty, "\(reasons.map(\.message))")
    }

    @Test func aPipelineChangeNeedsCloudFormation() throws {
        let reasons = StackComparison.reasons(stackPath: "Root", deployed: try Self.packaged(),
                                              packaged: try Self.packaged(pipeline: "[lookup, lookup]"),
                                              planner: StackComparisonTests.planner)
        #expect(reasons.map(\.logicalID) == ["NotesApi"])
        #expect(reasons.first?.message.contains("Properties.Resolvers.Query.getNote.Pipeline") == true, "\(reasons.map(\.message))")
    }
}
