// Planning builds from template trees: the example app, sharing, builder choice and errors.
import Foundation
import Testing
import Templates
@testable import Builds

@Suite("BuildPlan")
struct BuildPlanTests {
    @Test("the example app: 16 function builds + 1 layer, the inline function skipped, nested stack paths")
    func exampleApp() throws {
        let fake = FakeBuilder(name: "python-fake")
        let tree = try TemplateTree.load(rootTemplate: ExampleApp.template)
        let plan = try BuildPlan.make(tree: tree, catalog: fakeCatalog(fake))
        let targets = plan.builds.flatMap(\.targets)
        let functions = targets.filter { $0.resourceType == "AWS::Serverless::Function" }
        #expect(functions.count == 16)
        #expect(functions.count + plan.skipped.count == 17)
        #expect(plan.skipped.map(\.target.logicalID) == ["ConfigurationResolverFunction"])
        #expect(plan.skipped.first?.reason.contains("inline") == true)

        let layer = try #require(plan.builds.first { $0.request.kind == .layer })
        #expect(layer.targets.map(\.logicalID) == ["CommonUtilsLayer"])
        #expect(layer.request.runtime == "python3.12")
        #expect(layer.builder.builderName == "python-fake")
        #expect(layer.request.sourceFolder.hasSuffix("examples/fiscalshield-idp/layers/common_utils"))

        let byName = Dictionary(uniqueKeysWithValues: targets.map { ($0.logicalID, $0.stackPath) })
        #expect(byName["QueueSender"] == "Root")
        #expect(byName["OCRFunction"] == "Root/Pattern2Stack")
        #expect(byName["ReportWriterFunction"] == "Root/Pattern2Stack/ReportingStack")
        #expect(byName["MetricsPublisherFunction"] == "Root/Pattern2Stack/ReportingStack")
        #expect(plan.builds.count == 17)
        let ocr = try #require(plan.builds.first { $0.targets[0].logicalID == "OCRFunction" })
        #expect(ocr.request.runtime == "python3.12")
        #expect(ocr.request.architecture == "x86_64")
        #expect(ocr.request.templateFolder.hasSuffix("patterns/pattern-2"))
        #expect(ocr.request.templateFile?.hasSuffix("patterns/pattern-2/template.yaml") == true)
        #expect(ocr.id == "Root/Pattern2Stack/OCRFunction")

        let files = plan.files.map { URL(fileURLWithPath: $0.localPath).lastPathComponent }.sorted()
        #expect(files == ["getDocument.js", "schema.graphql", "workflow.asl.json"])
    }

    @Test("java21 is an error naming the resource, the file, the Runtime line and what is supported")
    func unsupportedRuntime() throws {
        let project = try TestFolder("plan")
        try project.write("src/app/Main.java", "class Main {}\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              JavaFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/app
                  Handler: Main::handle
                  Runtime: java21
            """)
        let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml")))
        let error = try #require(throws: BuildPlanError.self) {
            try BuildPlan.make(tree: tree, catalog: fakeCatalog(FakeBuilder()))
        }
        #expect(error.logicalID == "JavaFunction")
        #expect(error.line == 8)
        #expect(error.file?.hasSuffix("/template.yaml") == true)
        #expect(error.description.contains("java21"))
        #expect(error.description.contains("Root/JavaFunction"))
        #expect(error.description.contains("python3.x"))
        #expect(error.description.contains("makefile"))
    }

    @Test("functions sharing CodeUri, runtime and architecture build once; another architecture builds apart")
    func sharedCodeUri() throws {
        let project = try TestFolder("plan")
        try project.write("src/shared/index.py", "def handler(e, c): pass\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: python3.12
                Handler: index.handler
                CodeUri: src/shared
            Resources:
              A:
                Type: AWS::Serverless::Function
              B:
                Type: AWS::Serverless::Function
              C:
                Type: AWS::Serverless::Function
                Properties:
                  Architectures: [arm64]
            """)
        let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml")))
        let plan = try BuildPlan.make(tree: tree, catalog: fakeCatalog(FakeBuilder()))
        #expect(plan.builds.map { $0.targets.map(\.logicalID) } == [["A", "B"], ["C"]])
        #expect(plan.builds[1].request.architecture == "arm64")
    }

    @Test("builder choice: command, makefile, prebuilt zip, nodejs, layer without BuildMethod, image skipped")
    func builderChoice() throws {
        let project = try TestFolder("plan")
        try project.write("src/py/index.py", "x = 1\n")
        try project.write("src/node/index.js", "exports.handler = async () => 1\n")
        try project.write("src/go/Makefile", "build-GoFunction:\n\ttrue\n")
        try project.write("dist/app.zip", try readBytes(makeZip(project)))
        try project.write("layer/data.txt", "data\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Custom:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/py, Runtime: python3.12, Handler: index.handler}
              Node:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/node, Runtime: nodejs20.x, Handler: index.handler}
              GoFunction:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/go, Runtime: provided.al2023, Handler: bootstrap}
                Metadata: {BuildMethod: makefile}
              Zipped:
                Type: AWS::Lambda::Function
                Properties: {Code: dist/app.zip, Runtime: python3.12, Handler: a.b, Role: r}
              Image:
                Type: AWS::Serverless::Function
                Properties: {PackageType: Image, ImageUri: repo/app:1}
              Plain:
                Type: AWS::Serverless::LayerVersion
                Properties: {ContentUri: layer}
            """)
        let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml")))
        let plan = try BuildPlan.make(tree: tree, commands: ["Custom": "cp -r . $ARTIFACTS_DIR"],
                                      catalog: BuilderCatalog(python: FakeBuilder(name: "python-fake")))
        let builders = Dictionary(uniqueKeysWithValues: plan.builds.map { ($0.targets[0].logicalID, $0.builder.builderName) })
        #expect(builders == ["Custom": "custom-command", "Node": "nodejs-npm", "GoFunction": "makefile",
                             "Zipped": "prebuilt-zip", "Plain": "copy"])
        let custom = plan.builds.first { $0.targets[0].logicalID == "Custom" }?.builder as? CustomCommandBuilder
        #expect(custom?.command == "cp -r . $ARTIFACTS_DIR")
        #expect(plan.skipped.map(\.target.logicalID) == ["Image"])
    }

    @Test("selecting by logical ID or qualified name; unknown names are an error listing the known ones")
    func selecting() throws {
        let tree = try TemplateTree.load(rootTemplate: ExampleApp.template)
        let plan = try BuildPlan.make(tree: tree, catalog: fakeCatalog(FakeBuilder()))
        let some = try plan.selecting(["QueueSender", "Root/Pattern2Stack/ReportingStack/ReportWriterFunction"])
        #expect(some.builds.map(\.id) == ["Root/QueueSender", "Root/Pattern2Stack/ReportingStack/ReportWriterFunction"])
        let error = try #require(throws: BuildPlanError.self) { try plan.selecting(["Nope"]) }
        #expect(error.description.contains("Nope"))
        #expect(error.description.contains("OCRFunction"))
    }

    private func makeZip(_ folder: TestFolder) throws -> String {
        let source = try TestFolder("zipsrc")
        try source.write("a.py", "print(1)\n")
        return try DeterministicZip().write(FileTree.scan(source.path), to: folder.url("made.zip")).path
    }
}
