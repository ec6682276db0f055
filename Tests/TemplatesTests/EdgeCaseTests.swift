import Foundation
import Testing
@testable import Templates

@Suite struct EdgeCaseTests {
    @Test func jsonEscapesAndNumbers() throws {
        let json = #"{"Resources": {"A": {"Type": "T", "Properties": {"Esc": "q\"b\\s\/n\nu\u00e9\t", "N": -0.5e-3, "Big": 12345678901234567890, "E": {}, "L": []}}}}"#
        let props = try #require(try TemplateLoader.parse(json).resources["A"]).properties
        #expect(props["Esc"] == .string("q\"b\\s/n\nu\u{e9}\t"))
        #expect(props["N"] == .number("-0.5e-3"))
        #expect(props["Big"] == .number("12345678901234567890"))
        #expect(props["E"] == .map(TemplateMap()))
        #expect(props["L"] == .list([]))
        let written = JSONTemplateWriter().write(try TemplateLoader.parse(json))
        #expect(try TemplateLoader.parse(written) == (try TemplateLoader.parse(json)))
    }

    @Test func templateWithoutResourcesIsWrittenWithoutThem() throws {
        let template = try parse("Description: only a description\nOutputs:\n  A: {Value: x}\n")
        #expect(YAMLTemplateWriter().write(template) == "Description: only a description\nOutputs:\n  A:\n    Value: x\n")
    }

    @Test func malformedForEachIsRejectedClearly() throws {
        let error = try #require(templateError {
            _ = try parse("Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Topics:\n    - T\n    - [a, b]\n")
        })
        #expect(error.code == .invalidStructure)
        #expect(error.line == 3)
        #expect(error.description.contains("Fn::ForEach"))
    }

    @Test func includeTransformAtResourcesLevel() throws {
        let folder = try temporaryFolder([
            "t.yaml": "Resources:\n  Fn::Transform:\n    Name: AWS::Include\n    Parameters:\n      Location: snippet.yaml\n",
            "snippet.yaml": "Bucket:\n  Type: AWS::S3::Bucket\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        var template = try TemplateLoader.load(contentsOf: folder.appendingPathComponent("t.yaml"))
        let artifacts = try ArtifactDiscovery.localArtifacts(in: template)
        let include = try #require(artifacts.first)
        #expect(artifacts.count == 1)
        #expect(include.localPath.lastPathComponent == "snippet.yaml")
        #expect(include.line == 5)
        let done = template.setValue("s3://b/k", atPath: include.templatePath)
        #expect(done)
        #expect(template.resources["Fn::Transform"]?.body["Parameters"]?["Location"] == "s3://b/k")
    }

    @Test func multiLineStringsRoundTripThroughYAML() throws {
        for text in ["a\nb", "a\nb\n", "a\nb\n\n", "a\n  indented\nb", "x\n\ny", "trailing \nspace"] {
            let value: TemplateValue = ["K": .string(text)]
            let yaml = YAMLTemplateWriter().write(value)
            #expect(try TemplateLoader.parseValue(yaml) == value, "\(text.debugDescription) via \(yaml)")
        }
    }
}
