import Foundation
import Testing
@testable import Templates

@Suite struct TemplateTreeTests {
    @Test func loadsNestedTemplatesTwoLevelsDeepWithRelativePaths() throws {
        let tree = try TemplateTree.load(rootTemplate: fixtures.appendingPathComponent("nested/root.yaml"))
        #expect(tree.allStacks.map(\.stackPath) == ["Root", "Root/Pattern2Stack", "Root/Pattern2Stack/Inner"])
        #expect(tree.bottomUp.map(\.stackPath) == ["Root/Pattern2Stack/Inner", "Root/Pattern2Stack", "Root"])
        let inner = try #require(tree.stack(at: "Root/Pattern2Stack/Inner"))
        #expect(inner.logicalID == "Inner")
        #expect(inner.templateURL.lastPathComponent == "inner.json")
        let innerCode = try #require(inner.artifacts.first)
        #expect(innerCode.logicalID == "InnerFunction")
        #expect(innerCode.localPath.path.hasSuffix("Fixtures/nested/src/inner_fn"))
        let pattern2 = try #require(tree.stack(at: "Root/Pattern2Stack"))
        #expect(pattern2.artifacts.map(\.localPath.lastPathComponent) == ["ocr", "inner.json"])
        #expect(tree.root.artifacts.map(\.kind) == [.zipFolder, .nestedTemplate])
    }

    @Test func cycleIsAnErrorNamingTheChain() throws {
        let folder = try temporaryFolder([
            "a.yaml": "Resources:\n  ToB:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: sub/b.yaml\n",
            "sub/b.yaml": "Resources:\n  BackToA:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: ../a.yaml\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(templateError {
            _ = try TemplateTree.load(rootTemplate: folder.appendingPathComponent("a.yaml"))
        })
        #expect(error.code == .nestedCycle)
        #expect(error.logicalID == "BackToA")
        #expect(error.line == 5)
        #expect(error.file?.hasSuffix("sub/b.yaml") == true)
        #expect(error.description.contains("Root/ToB/BackToA"))
    }

    @Test func missingNestedTemplateIsAnError() throws {
        let folder = try temporaryFolder([
            "a.yaml": "Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./nope.yaml\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(templateError {
            try TemplateTree.load(rootTemplate: folder.appendingPathComponent("a.yaml")).requireArtifacts(neededToBuild: true)
        })
        #expect(error.code == .missingLocalArtifact)
        #expect(error.logicalID == "Child")
        #expect(error.line == 5)
    }

    @Test func aMissingPathOnlyPackagingUploadsIsAnErrorOnlyForPackaging() throws {
        let folder = try temporaryFolder([
            "a.yaml": "Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      BodyS3Location: api/openapi.yaml\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let tree = try TemplateTree.load(rootTemplate: folder.appendingPathComponent("a.yaml"))
        try tree.requireArtifacts(neededToBuild: true)
        let error = try #require(templateError { try tree.requireArtifacts() })
        #expect(error.code == .missingLocalArtifact)
        #expect(error.logicalID == "Api")
        #expect(error.description.contains("BodyS3Location"))
    }

    @Test func aSAMBuildOutputTemplateURLIsReadFromItsSourceTemplateWithANote() throws {
        let folder = try temporaryFolder([
            "root.yaml": """
            Resources:
              P2:
                Type: AWS::CloudFormation::Stack
                Properties: {TemplateURL: ./patterns/p2/.aws-sam/packaged.yaml}
              P3:
                Type: AWS::CloudFormation::Stack
                Properties: {TemplateURL: patterns/p3/.aws-sam/build/template.yaml}
            """,
            "patterns/p2/template.yaml": "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n",
            "patterns/p3/template.yml": "Resources:\n  T:\n    Type: AWS::SNS::Topic\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let tree = try TemplateTree.load(rootTemplate: folder.appendingPathComponent("root.yaml"))
        try tree.requireArtifacts()
        #expect(tree.root.children.map(\.templateURL.lastPathComponent) == ["template.yaml", "template.yml"])
        #expect(tree.notes.count == 2)
        #expect(tree.notes.first?.contains("patterns/p2/template.yaml") == true, "\(tree.notes)")
    }

    @Test func nestedStacksWhoseConditionIsFalseAreNotLoadedAndParametersFlowDown() throws {
        let folder = try temporaryFolder([
            "root.yaml": """
            Parameters:
              Pattern: {Type: String, Default: one}
              Flag: {Type: String, Default: "true"}
            Conditions:
              IsOne: !Equals [!Ref Pattern, one]
              IsTwo: !Equals [!Ref Pattern, two]
            Resources:
              Api: {Type: AWS::AppSync::GraphQLApi}
              One:
                Type: AWS::CloudFormation::Stack
                Condition: IsOne
                Properties: {TemplateURL: missing/.aws-sam/packaged.yaml}
              Two:
                Type: AWS::CloudFormation::Stack
                Condition: IsTwo
                Properties:
                  TemplateURL: two.yaml
                  Parameters: {Flag: !Ref Flag, ApiArn: !GetAtt Api.Arn, Name: !Sub '${AWS::StackName}-two'}
            """,
            "two.yaml": """
            Parameters:
              Flag: {Type: String}
              ApiArn: {Type: String}
              Name: {Type: String}
            Conditions:
              IsOn: !Equals [!Ref Flag, "true"]
            Resources:
              Q: {Type: AWS::SQS::Queue}
            """,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let tree = try TemplateTree.load(rootTemplate: folder.appendingPathComponent("root.yaml"),
                                         parameters: ["Pattern": "two"], pseudoParameters: ["StackName": "app"])
        try tree.requireArtifacts()
        #expect(tree.allStacks.map(\.stackPath) == ["Root", "Root/Two"])
        let two = try #require(tree.stack(at: "Root/Two"))
        #expect(try two.evaluator.condition("IsOn"))
        #expect(try two.evaluator.string(["Ref": "Name"]) == "app-two")
        #expect(throws: Unevaluable.self) { try two.evaluator.string(["Ref": "ApiArn"]) }
        let excluded = tree.root.artifacts.filter { $0.excludedByCondition != nil }.compactMap(\.logicalID)
        #expect(excluded == ["One"])
    }
}
