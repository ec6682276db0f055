import Foundation
import Testing
@testable import Templates

@Suite struct ArtifactDiscoveryTests {
    struct Expected: Equatable, CustomStringConvertible {
        let id: String?
        let path: String
        let kind: LocalArtifact.Kind
        let local: String
        var description: String { "\(id ?? "-") \(path) \(kind) \(local)" }
    }

    static let templateURL = fixtures.appendingPathComponent("every-packageable.yaml")

    @Test func findsEveryPackageablePropertyInTheFixture() throws {
        let template = try TemplateLoader.load(contentsOf: Self.templateURL)
        let artifacts = try ArtifactDiscovery.localArtifacts(in: template)
        let base = fixtures.standardizedFileURL.path + "/"
        let found = artifacts.map {
            Expected(id: $0.logicalID?.rawValue, path: $0.propertyPath.joined(separator: "."), kind: $0.kind,
                     local: $0.localPath.path.replacingOccurrences(of: base, with: ""))
        }
        let expected: [Expected] = [
            .init(id: "SamFunction", path: "CodeUri", kind: .zipFolder, local: "artifacts/function"),
            .init(id: "SamApi", path: "DefinitionUri", kind: .file, local: "artifacts/api.yaml"),
            .init(id: "SamHttpApi", path: "DefinitionUri", kind: .file, local: "artifacts/httpapi.yaml"),
            .init(id: "SamStateMachine", path: "DefinitionUri", kind: .file, local: "artifacts/statemachine.asl.json"),
            .init(id: "SamGraphQLApi", path: "SchemaUri", kind: .file, local: "artifacts/schema.graphql"),
            .init(id: "SamGraphQLApi", path: "Resolvers.Query.getItem.CodeUri", kind: .file,
                  local: "artifacts/gql/getItem.js"),
            .init(id: "SamGraphQLApi", path: "Functions.loadItem.CodeUri", kind: .file, local: "artifacts/gql/loadItem.js"),
            .init(id: "SamLayer", path: "ContentUri", kind: .zipFolder, local: "artifacts/layer"),
            .init(id: "SamApplication", path: "Location", kind: .nestedTemplate, local: "artifacts/app/template.yaml"),
            .init(id: "GraphQLSchema", path: "DefinitionS3Location", kind: .file, local: "artifacts/schema.graphql"),
            .init(id: "VtlResolver", path: "RequestMappingTemplateS3Location", kind: .file,
                  local: "artifacts/resolvers/request.vtl"),
            .init(id: "VtlResolver", path: "ResponseMappingTemplateS3Location", kind: .file,
                  local: "artifacts/resolvers/response.vtl"),
            .init(id: "JsResolver", path: "CodeS3Location", kind: .file, local: "artifacts/resolvers/resolver.js"),
            .init(id: "VtlFunction", path: "RequestMappingTemplateS3Location", kind: .file,
                  local: "artifacts/resolvers/request.vtl"),
            .init(id: "VtlFunction", path: "ResponseMappingTemplateS3Location", kind: .file,
                  local: "artifacts/resolvers/response.vtl"),
            .init(id: "JsFunction", path: "CodeS3Location", kind: .file, local: "artifacts/resolvers/function.js"),
            .init(id: "LambdaFunction", path: "Code", kind: .zipFile, local: "artifacts/single_handler.py"),
            .init(id: "LambdaLayer", path: "Content", kind: .file, local: "artifacts/prebuilt-layer.zip"),
            .init(id: "RestApi", path: "BodyS3Location", kind: .file, local: "artifacts/restapi.yaml"),
            .init(id: "HttpApiV2", path: "BodyS3Location", kind: .file, local: "artifacts/httpv2.yaml"),
            .init(id: "StateMachine", path: "DefinitionS3Location", kind: .file, local: "artifacts/sfn.asl.json"),
            .init(id: "BeanstalkVersion", path: "SourceBundle", kind: .zipFolder, local: "artifacts/beanstalk"),
            .init(id: "GlueJob", path: "Command.ScriptLocation", kind: .file, local: "artifacts/glue/job.py"),
            .init(id: "Module", path: "ModulePackage", kind: .zipFolder, local: "artifacts/module"),
            .init(id: "ResourceVersion", path: "SchemaHandlerPackage", kind: .file,
                  local: "artifacts/handler-package.zip"),
            .init(id: "NestedStack", path: "TemplateURL", kind: .nestedTemplate, local: "artifacts/nested/child.yaml"),
            .init(id: "StackSet", path: "TemplateURL", kind: .file, local: "artifacts/stackset/member.yaml"),
            .init(id: "Repository", path: "Code.S3", kind: .zipFolder, local: "artifacts/codecommit"),
            .init(id: nil, path: "Metadata.AWS::ServerlessRepo::Application.LicenseUrl", kind: .file,
                  local: "artifacts/LICENSE.txt"),
            .init(id: nil, path: "Metadata.AWS::ServerlessRepo::Application.ReadmeUrl", kind: .file,
                  local: "artifacts/README.md"),
            .init(id: "IncludedTopic", path: "Resources.IncludedTopic.Properties.Fn::Transform.Parameters.Location",
                  kind: .file, local: "artifacts/include-snippet.yaml"),
        ]
        #expect(found == expected)
    }

    @Test func everyTableEntryIsExercisedByTheFixture() throws {
        let template = try TemplateLoader.load(contentsOf: Self.templateURL)
        let artifacts = try ArtifactDiscovery.localArtifacts(in: template)
        let used = Set(artifacts.map(\.property))
        let images = PackageableProperty.all.filter { $0.content == .containerImage }
        for entry in PackageableProperty.all where entry.content != .containerImage {
            #expect(used.contains(entry), "no artifact for \(entry.resourceType) \(entry.propertyName)")
        }
        #expect(images.map(\.resourceType) == ["AWS::Serverless::Function", "AWS::Lambda::Function"])
        let imageFunction = try #require(template.functions.first { $0.logicalID == "SamImageFunction" })
        #expect(imageFunction.packageType == .image)
    }

    @Test func writeBackFormsFollowTheCLIs() {
        func format(_ type: String, _ name: String) -> PackageableProperty.S3LocationFormat? {
            PackageableProperty.properties(of: type).first { $0.propertyName == name }?.writeBack
        }
        #expect(format("AWS::Serverless::Function", "CodeUri") == .s3URI)
        #expect(format("AWS::Serverless::Api", "DefinitionUri") == .s3URI)
        #expect(format("AWS::Serverless::StateMachine", "DefinitionUri")
            == .bucketKeyMap(bucket: "Bucket", key: "Key", version: "Version"))
        #expect(format("AWS::Lambda::Function", "Code")
            == .bucketKeyMap(bucket: "S3Bucket", key: "S3Key", version: "S3ObjectVersion"))
        #expect(format("AWS::ElasticBeanstalk::ApplicationVersion", "SourceBundle")
            == .bucketKeyMap(bucket: "S3Bucket", key: "S3Key", version: nil))
        #expect(format("AWS::CloudFormation::Stack", "TemplateURL") == .httpsURL)
        #expect(format("AWS::Serverless::Application", "Location") == .httpsURL)
        #expect(format("AWS::Glue::Job", "Command.ScriptLocation") == .s3URI)
    }

    @Test func artifactsCarryLinesAndWriteBackPaths() throws {
        var template = try TemplateLoader.load(contentsOf: Self.templateURL)
        let artifacts = try ArtifactDiscovery.localArtifacts(in: template)
        let code = try #require(artifacts.first { $0.logicalID == "SamFunction" })
        #expect(code.line == 17)
        #expect(code.templatePath == ["Resources", "SamFunction", "Properties", "CodeUri"])
        let setCode = template.setValue("s3://bucket/abc", atPath: code.templatePath)
        #expect(setCode)
        #expect(template.resources["SamFunction"]?.properties["CodeUri"] == "s3://bucket/abc")
        let include = try #require(artifacts.first { $0.resourceType == "Fn::Transform" })
        let setInclude = template.setValue("s3://bucket/inc", atPath: include.templatePath)
        #expect(setInclude)
        #expect(template.resources["IncludedTopic"]?.properties["Fn::Transform"]?["Parameters"]?["Location"]
            == "s3://bucket/inc")
    }

    @Test func globalCodeUriAndImplicitTemplateFolder() throws {
        let folder = try temporaryFolder([
            "template.yaml": """
            Globals:
              Function: {CodeUri: shared}
            Resources:
              UsesGlobal:
                Type: AWS::Serverless::Function
                Properties: {Handler: a.b}
            """,
            "shared/a.py": "b = 1\n",
            "other/template.yaml": """
            Resources:
              NoCode:
                Type: AWS::Serverless::Function
                Properties: {Handler: a.b, Runtime: python3.12}
            """,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let withGlobal = try TemplateLoader.load(contentsOf: folder.appendingPathComponent("template.yaml"))
        let found = try ArtifactDiscovery.localArtifacts(in: withGlobal)
        #expect(found.map(\.localPath.lastPathComponent) == ["shared"])
        #expect(found.first?.kind == .zipFolder)

        let implicit = try TemplateLoader.load(contentsOf: folder.appendingPathComponent("other/template.yaml"))
        let implicitFound = try ArtifactDiscovery.localArtifacts(in: implicit)
        #expect(implicitFound.count == 1)
        #expect(implicitFound.first?.isImplicitTemplateFolder == true)
        #expect(implicitFound.first?.localPath.lastPathComponent == "other")
    }

    @Test func missingCodeUriFolderNamesFileLineAndResource() throws {
        let folder = try temporaryFolder([
            "template.yaml": """
            Resources:
              Present:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/present}
              Missing:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  CodeUri: src/missing
            """,
            "src/present/app.py": "x = 1\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("template.yaml")
        let template = try TemplateLoader.load(contentsOf: url)
        let error = try #require(templateError { _ = try ArtifactDiscovery.localArtifacts(in: template) })
        #expect(error.code == .missingLocalArtifact)
        #expect(error.file == url.path)
        #expect(error.line == 9)
        #expect(error.logicalID == "Missing")
        #expect(error.description.contains("src/missing"))
        #expect(error.description.contains("CodeUri"))
    }
}
