import Foundation
import Testing
import Templates
@testable import Packaging

/// `PackagePlan.make` on a template with `Fn::ForEach`: the packaged template keeps the loops; a
/// location shared by every item sits in the loop's body, per-item ones go through a mapping.
@Suite struct LanguageExtensionsPackagePlanTests {
    @Test func packagedTemplateKeepsLoopsWithSharedAndPerItemLocations() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-le-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("template.yaml", """
            Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
            Resources:
              Fn::ForEach::Workers:
                - Name
                - [One, Two]
                - ${Name}Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: dist/${Name}.zip
                      Handler: app.handler
                      Runtime: python3.12
                  ${Name}Shared:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: dist/shared.zip
                      Handler: app.handler
                      Runtime: python3.12
            """)
        for name in ["One", "Two", "shared"] { try write("dist/\(name).zip", "PK\u{3}\u{4} \(name)") }
        let tree = try TemplateTree.load(rootTemplate: root.appendingPathComponent("template.yaml"))
        let store = ArtifactStore(bucket: "bkt", prefix: "app", region: "eu-central-1")
        let plan = try PackagePlan.make(tree: tree, manifest: nil, store: store,
                                        stagingDirectory: root.appendingPathComponent(".ferry/package/staging"))
        #expect(plan.uploads.filter { $0.key.hasSuffix(".zip") }.count == 3)
        #expect(plan.rewrites.map(\.templatePath[1]) == ["OneWorker", "OneShared", "TwoWorker", "TwoShared"])

        let text = String(decoding: try #require(plan.root).body, as: UTF8.self)
        let packaged = try TemplateLoader.parseValue(text)
        let body = try #require(packaged["Resources"]?["Fn::ForEach::Workers"]?.listValue?[2])
        #expect(body["${Name}Worker"]?["Properties"]?["CodeUri"]
            == ["Fn::FindInMap": ["SAMCodeUriWorkers", ["Ref": "Name"], "CodeUri"]])
        let shared = try #require(body["${Name}Shared"]?["Properties"]?["CodeUri"]?.stringValue)
        #expect(shared.hasPrefix("s3://bkt/app/") && shared.hasSuffix(".zip"))
        #expect(packaged["Mappings"]?["SAMCodeUriWorkers"]?.mapValue?.keys == ["One", "Two"])
        let expanded = try TemplateLoader.parse(text)
        #expect(expanded.resources["TwoShared"]?.properties["CodeUri"] == .string(shared))
        #expect(expanded.resources["OneWorker"]?.properties["CodeUri"] != expanded.resources["TwoWorker"]?.properties["CodeUri"])
    }
}
