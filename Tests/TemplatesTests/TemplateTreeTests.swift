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
            _ = try TemplateTree.load(rootTemplate: folder.appendingPathComponent("a.yaml"))
        })
        #expect(error.code == .missingLocalArtifact)
        #expect(error.logicalID == "Child")
        #expect(error.line == 5)
    }
}
