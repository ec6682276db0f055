import Foundation
import Testing
@testable import Templates

@Suite struct LoopArtifactMappingsTests {
    static func location(_ id: String, _ uri: String, property: String = "CodeUri") -> LoopArtifactMappings.Location {
        LoopArtifactMappings.Location(templatePath: ["Resources", id, "Properties", property], value: .string(uri))
    }

    @Test func perItemLocationsGoThroughMappingsAndTheLoopStays() throws {
        let template = try parse(LanguageExtensionsTests.functions)
        let source = try #require(template.languageExtensions)
        let packaged = try LoopArtifactMappings.authored(source, locations: [
            Self.location("AlphaFunction", "s3://b/a.zip"), Self.location("BetaFunction", "s3://b/b.zip"),
            Self.location("GammaFunction", "s3://b/c.zip"),
        ], file: "template.yaml")
        let loop = try #require(packaged["Resources"]?["Fn::ForEach::Functions"]?.listValue)
        #expect(loop[2]["${Name}Function"]?["Properties"]?["CodeUri"]
            == ["Fn::FindInMap": ["SAMCodeUriFunctions", ["Ref": "Name"], "CodeUri"]])
        #expect(packaged["Mappings"]?["SAMCodeUriFunctions"]
            == ["Alpha": ["CodeUri": "s3://b/a.zip"], "Beta": ["CodeUri": "s3://b/b.zip"], "Gamma": ["CodeUri": "s3://b/c.zip"]])
        #expect(packaged.mapValue?.keys == ["Transform", "Parameters", "Mappings", "Resources", "Outputs"])

        // What CloudFormation (and Ferry's plan) expands again: each function has its own location,
        // and the generated mapping is not a section difference.
        let again = try parse(YAMLTemplateWriter().write(packaged))
        #expect(again.resources["BetaFunction"]?.properties["CodeUri"] == "s3://b/b.zip")
        #expect(again.mappings?.isEmpty ?? true)
    }

    @Test func oneLocationForEveryItemIsWrittenIntoTheBody() throws {
        let text = LanguageExtensionsTests.functions.replacingOccurrences(of: "src/${Name}", with: "src")
        let source = try #require(try parse(text).languageExtensions)
        let packaged = try LoopArtifactMappings.authored(source, locations: [
            Self.location("AlphaFunction", "s3://b/same.zip"), Self.location("BetaFunction", "s3://b/same.zip"),
            Self.location("GammaFunction", "s3://b/same.zip"),
        ], file: nil)
        #expect(packaged["Resources"]?["Fn::ForEach::Functions"]?.listValue?[2]["${Name}Function"]?["Properties"]?["CodeUri"]
            == "s3://b/same.zip")
        #expect(packaged["Mappings"] == nil)
    }

    @Test func nestedLoopsUseCompoundKeysAndMapLocationsKeepTheirShape() throws {
        let source = try #require(try parse("""
            Transform: AWS::LanguageExtensions
            Resources:
              Fn::ForEach::Envs:
                - Env
                - [dev, prod]
                - Fn::ForEach::Jobs:
                    - Job
                    - [a, b]
                    - ${Env}${Job}:
                        Type: AWS::Lambda::Function
                        Properties:
                          Code: src/${Env}/${Job}
              Plain:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/plain
            """).languageExtensions)
        func code(_ id: String, _ key: String) -> LoopArtifactMappings.Location {
            LoopArtifactMappings.Location(templatePath: ["Resources", id, "Properties", "Code"],
                                          value: ["S3Bucket": "b", "S3Key": .string(key)])
        }
        let packaged = try LoopArtifactMappings.authored(source, locations: [
            code("deva", "1.zip"), code("devb", "2.zip"), code("proda", "3.zip"), code("prodb", "4.zip"),
            Self.location("Plain", "s3://b/plain.zip"),
        ], file: nil)
        let body = packaged["Resources"]?["Fn::ForEach::Envs"]?.listValue?[2]["Fn::ForEach::Jobs"]?.listValue?[2]["${Env}${Job}"]
        let lookup: TemplateValue = ["Fn::Join": ["-", [["Ref": "Env"], ["Ref": "Job"]]]]
        #expect(body?["Properties"]?["Code"] == [
            "S3Bucket": ["Fn::FindInMap": ["SAMCodeEnvsJobs", lookup, "S3Bucket"]],
            "S3Key": ["Fn::FindInMap": ["SAMCodeEnvsJobs", lookup, "S3Key"]],
        ])
        #expect(packaged["Mappings"]?["SAMCodeEnvsJobs"]?["prod-b"] == ["S3Bucket": "b", "S3Key": "4.zip"])
        #expect(packaged["Resources"]?["Plain"]?["Properties"]?["CodeUri"] == "s3://b/plain.zip")
        let again = try parse(YAMLTemplateWriter().write(packaged))
        #expect(again.resources["proda"]?.properties["Code"] == ["S3Bucket": "b", "S3Key": "3.zip"])
    }

    @Test func itemsThatCannotBeMappingKeysAreAClearError() throws {
        let source = try #require(try parse("""
            Transform: AWS::LanguageExtensions
            Resources:
              Fn::ForEach::Functions:
                - Name
                - [a.b, c]
                - F&{Name}:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/${Name}
            """).languageExtensions)
        let error = try #require(templateError {
            _ = try LoopArtifactMappings.authored(source, locations: [
                Self.location("Fab", "s3://b/1.zip"), Self.location("Fc", "s3://b/2.zip"),
            ], file: "t.yaml")
        })
        #expect(error.description.contains("loop Functions"))
        #expect(error.description.contains("'a.b'"))
    }
}
