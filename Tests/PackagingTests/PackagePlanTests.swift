import Builds
import Crypto
import Foundation
import Testing
import Templates
@testable import Packaging

/// A small project on disk: a root stack, a child stack and a grandchild stack.
struct SampleProject {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-packaging-\(UUID().uuidString)")
        try write("template.yaml", """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Resources:
              PrebuiltFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: prebuilt.zip
              BuiltFunction:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: src/built
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: flow.asl.json
              Child:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: child/template.yaml
            """)
        try write("prebuilt.zip", "PK\u{3}\u{4} a zip by its magic number")
        try write("src/built/app.py", "def handler(e, c): return 1\n")
        try write("flow.asl.json", #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#)
        try write("child/template.yaml", """
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  BodyS3Location: openapi.yaml
              Grandchild:
                Type: AWS::Serverless::Application
                Properties:
                  Location: grand/template.yaml
            """)
        try write("child/openapi.yaml", "openapi: 3.0.1\n")
        try write("child/grand/template.yaml", """
            Resources:
              Job:
                Type: AWS::Glue::Job
                Properties:
                  Role: r
                  Command:
                    Name: glueetl
                    ScriptLocation: job.py
              Bundle:
                Type: AWS::ElasticBeanstalk::ApplicationVersion
                Properties:
                  ApplicationName: app
                  SourceBundle: bundle
            """)
        try write("child/grand/job.py", "print('job')\n")
        try write("child/grand/bundle/index.html", "<html></html>\n")
        try write(".ferry/build/cache/built.zip", "PK-built-zip-bytes")
    }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    var builtZip: URL { root.appendingPathComponent(".ferry/build/cache/built.zip") }

    /// A manifest with the one built function.
    func manifest() throws -> BuildManifest {
        let data = try Data(contentsOf: builtZip)
        return BuildManifest(artifacts: [BuildManifest.Artifact(
            logicalID: "BuiltFunction", stackPath: "Root", resourceType: "AWS::Lambda::Function", kind: "function",
            builder: "python", buildKey: String(repeating: "b", count: 64), zipSHA256: sha256(data),
            codeSha256: "", size: UInt64(data.count), unzippedSize: 0, zipPath: builtZip.path,
            sourcePath: root.appendingPathComponent("src/built").path)])
    }

    func plan(store: ArtifactStore = ArtifactStore(bucket: "bkt", prefix: "app/dev", region: "eu-central-1"),
              manifest: BuildManifest? = nil) throws -> PackagePlan {
        let tree = try TemplateTree.load(rootTemplate: root.appendingPathComponent("template.yaml"))
        return try PackagePlan.make(tree: tree, manifest: manifest ?? self.manifest(), store: store,
                                    stagingDirectory: root.appendingPathComponent(".ferry/package/staging"))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

func fileSHA(_ url: URL) throws -> String { sha256(try Data(contentsOf: url)) }

@Suite struct PackagePlanTests {
    @Test func keysAreContentHashesUnderThePrefix() throws {
        let project = try SampleProject()
        defer { project.remove() }
        let plan = try project.plan()
        let keys = Set(plan.uploads.map(\.key))
        #expect(keys.contains("app/dev/\(try fileSHA(project.root.appendingPathComponent("prebuilt.zip"))).zip"))
        #expect(keys.contains("app/dev/\(try fileSHA(project.builtZip)).zip"))
        #expect(keys.contains("app/dev/\(try fileSHA(project.root.appendingPathComponent("flow.asl.json"))).json"))
        #expect(keys.contains("app/dev/\(try fileSHA(project.root.appendingPathComponent("child/openapi.yaml"))).yaml"))
        #expect(keys.contains("app/dev/\(try fileSHA(project.root.appendingPathComponent("child/grand/job.py"))).py"))
        for stack in plan.stacks {
            #expect(stack.key == "app/dev/\(sha256(stack.body)).template")
            #expect(keys.contains(stack.key))
        }
        #expect(plan.stacks.map(\.stackPath) == ["Root/Child/Grandchild", "Root/Child", "Root"])
        // Every upload that is a file on disk has the bytes its key names.
        for upload in plan.uploads {
            if case .file(let url) = upload.source {
                #expect(upload.key.hasPrefix("app/dev/\(try fileSHA(url))"))
            }
        }
        #expect(Set(plan.uploads.map(\.key)).count == plan.uploads.count)
    }

    @Test func aByteChangedInAGrandchildChangesEveryAncestorAndNothingElse() throws {
        let project = try SampleProject()
        defer { project.remove() }
        let before = try project.plan()
        try project.write("child/grand/job.py", "print('job!')\n")
        let after = try project.plan()
        let changedStacks = Set(before.stacks.map(\.stackPath).filter { before.stack($0)?.key != after.stack($0)?.key })
        #expect(changedStacks == ["Root", "Root/Child", "Root/Child/Grandchild"])
        let beforeKeys = Set(before.uploads.map(\.key)), afterKeys = Set(after.uploads.map(\.key))
        // Gone: the old script and the three old templates; new: their replacements.
        #expect(beforeKeys.subtracting(afterKeys).count == 4)
        #expect(afterKeys.subtracting(beforeKeys).count == 4)
        #expect(after.stack("Root")?.body != before.stack("Root")?.body)
    }

    @Test func aChangeInTheRootLeavesChildTemplatesAlone() throws {
        let project = try SampleProject()
        defer { project.remove() }
        let before = try project.plan()
        try project.write("flow.asl.json", #"{"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}"#)
        let after = try project.plan()
        #expect(after.stack("Root/Child")?.key == before.stack("Root/Child")?.key)
        #expect(after.stack("Root/Child/Grandchild")?.key == before.stack("Root/Child/Grandchild")?.key)
        #expect(after.stack("Root")?.key != before.stack("Root")?.key)
    }

    @Test func writeBackFormsFollowTheProperty() throws {
        let project = try SampleProject()
        defer { project.remove() }
        let plan = try project.plan()
        let root = try TemplateLoader.parse(String(decoding: try #require(plan.stack("Root")).body, as: UTF8.self))
        let resources = root.value["Resources"]
        let codeURI = try #require(resources?["PrebuiltFunction"]?["Properties"]?["CodeUri"]?.stringValue)
        #expect(codeURI.hasPrefix("s3://bkt/app/dev/") && codeURI.hasSuffix(".zip"))
        let code = try #require(resources?["BuiltFunction"]?["Properties"]?["Code"]?.mapValue)
        #expect(code.keys == ["S3Bucket", "S3Key"])
        #expect(code["S3Key"]?.stringValue == "app/dev/\(try fileSHA(project.builtZip)).zip")
        let definition = try #require(resources?["Flow"]?["Properties"]?["DefinitionUri"]?.mapValue)
        #expect(definition.keys == ["Bucket", "Key"])
        #expect(definition["Bucket"]?.stringValue == "bkt")
        let childURL = try #require(resources?["Child"]?["Properties"]?["TemplateURL"]?.stringValue)
        #expect(childURL == "https://s3.eu-central-1.amazonaws.com/bkt/\(try #require(plan.stack("Root/Child")).key)")

        let child = try TemplateLoader.parse(String(decoding: try #require(plan.stack("Root/Child")).body, as: UTF8.self))
        let body = try #require(child.value["Resources"]?["Api"]?["Properties"]?["BodyS3Location"]?.mapValue)
        #expect(body.keys == ["Bucket", "Key"])
        #expect(child.value["Resources"]?["Grandchild"]?["Properties"]?["Location"]?.stringValue
            == "https://s3.eu-central-1.amazonaws.com/bkt/\(try #require(plan.stack("Root/Child/Grandchild")).key)")

        let grand = try TemplateLoader.parse(
            String(decoding: try #require(plan.stack("Root/Child/Grandchild")).body, as: UTF8.self))
        let script = grand.value["Resources"]?["Job"]?["Properties"]?["Command"]?["ScriptLocation"]?.stringValue
        #expect(script?.hasPrefix("s3://bkt/app/dev/") == true && script?.hasSuffix(".py") == true)
        let bundle = try #require(grand.value["Resources"]?["Bundle"]?["Properties"]?["SourceBundle"]?.mapValue)
        #expect(bundle.keys == ["S3Bucket", "S3Key"])
        #expect(bundle["S3Key"]?.stringValue?.hasSuffix(".zip") == true)
    }

    @Test func customEndpointsGiveLocalhostPathStyleURLs() throws {
        let project = try SampleProject()
        defer { project.remove() }
        let store = ArtifactStore(bucket: "bkt", prefix: "/p/", region: "us-east-1",
                                  customEndpoint: URL(string: "http://127.0.0.1:5123"))
        let plan = try project.plan(store: store)
        let root = try #require(plan.root)
        #expect(root.templateURL == "http://localhost:5123/bkt/\(root.key)")
        #expect(root.key.hasPrefix("p/"))
        let text = String(decoding: root.body, as: UTF8.self)
        #expect(text.contains("http://localhost:5123/bkt/\(try #require(plan.stack("Root/Child")).key)"))
        #expect(!ArtifactStore.isCustom(URL(string: "https://s3.eu-west-1.amazonaws.com")!))
        #expect(ArtifactStore.isCustom(URL(string: "http://localhost:4566")!))
    }

    @Test func packagedBytesAreDeterministic() throws {
        let project = try SampleProject()
        defer { project.remove() }
        let first = try project.plan(), second = try project.plan()
        #expect(first.stacks.map(\.body) == second.stacks.map(\.body))
        #expect(first.uploads.map(\.key) == second.uploads.map(\.key))
    }

    @Test func theManifestGetsTheS3Keys() throws {
        let project = try SampleProject()
        defer { project.remove() }
        let plan = try project.plan()
        let entry = try #require(plan.manifest?.artifact(logicalID: "BuiltFunction", stackPath: "Root"))
        #expect(entry.s3Key == "app/dev/\(try fileSHA(project.builtZip)).zip")
    }

    @Test func aFolderFunctionWithoutABuildAsksForFerryBuild() throws {
        let project = try SampleProject()
        defer { project.remove() }
        let error = #expect(throws: PackagingError.self) {
            try project.plan(manifest: BuildManifest(artifacts: []))
        }
        #expect(error?.needsBuild == true)
        #expect(error?.description.contains("ferry build") == true)
        #expect(error?.description.contains("Root/BuiltFunction") == true)
    }

    @Test func aBuiltZipThatChangedSizeIsStale() throws {
        let project = try SampleProject()
        defer { project.remove() }
        let manifest = try project.manifest()
        try project.write(".ferry/build/cache/built.zip", "PK-something-else-entirely")
        let error = #expect(throws: PackagingError.self) { try project.plan(manifest: manifest) }
        #expect(error?.description.contains("changed since the manifest") == true)
    }
}

@Suite struct ConditionalPackagingTests {
    /// A function and a nested stack whose condition is false for these parameters, and a
    /// `CodeUri` chosen by `!If`: nothing is built or uploaded for what is not created, and its
    /// properties name a location that is never written (SAM's transform reads every resource).
    @Test func resourcesWhoseConditionIsFalseAreNotUploaded() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-conditions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Waf: {Type: String, Default: "0.0.0.0/0"}
              Flavour: {Type: String, Default: lite}
            Conditions:
              IsWafEnabled: !Not [!Equals [!Ref Waf, "0.0.0.0/0"]]
              IsFull: !Equals [!Ref Flavour, full]
            Resources:
              IpSetUpdater:
                Type: AWS::Serverless::Function
                Condition: IsWafEnabled
                Properties: {CodeUri: ./src/not-here, Handler: app.handler, Runtime: python3.12}
              Chosen:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: !If [IsFull, prebuilt-full.zip, prebuilt-lite.zip], Handler: app.handler, Runtime: python3.12}
              Pattern:
                Type: AWS::CloudFormation::Stack
                Condition: IsWafEnabled
                Properties: {TemplateURL: ./patterns/x/.aws-sam/packaged.yaml}
            """)
        try write("prebuilt-lite.zip", "PK\u{3}\u{4} lite")
        try write("prebuilt-full.zip", "PK\u{3}\u{4} full")
        let tree = try TemplateTree.load(rootTemplate: root.appendingPathComponent("template.yaml"))
        try tree.requireArtifacts()
        let store = ArtifactStore(bucket: "bkt", prefix: "app", region: "eu-central-1")
        let plan = try PackagePlan.make(tree: tree, manifest: BuildManifest(artifacts: []), store: store,
                                        stagingDirectory: root.appendingPathComponent(".ferry/package/staging"))
        let origins = plan.uploads.map(\.origin)
        #expect(origins == ["Root/Chosen CodeUri", "Root template"], "\(origins)")
        let lite = try fileSHA(root.appendingPathComponent("prebuilt-lite.zip"))
        #expect(plan.uploads.first?.key == "app/\(lite).zip")
        let packaged = try TemplateLoader.parse(String(decoding: try #require(plan.root).body, as: UTF8.self))
        #expect(packaged.resources["IpSetUpdater"]?.properties["CodeUri"] == "s3://bkt/app/condition-false/IsWafEnabled")
        #expect(packaged.resources["Pattern"]?.properties["TemplateURL"]?.stringValue?.hasSuffix("/bkt/app/condition-false/IsWafEnabled") == true)
        #expect(packaged.resources["Chosen"]?.properties["CodeUri"] == .string("s3://bkt/app/\(lite).zip"))
    }
}
