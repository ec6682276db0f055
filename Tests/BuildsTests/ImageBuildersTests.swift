@testable import Builds
import Foundation
import Templates
import Testing

/// The image builds beside Ferry's writer: a runtime builder's output as a `/var/task` layer, and
/// Dockerfiles that need a container builder.
@Suite("Image builders")
struct ImageBuildersTests {
    static let base = ImageWriterTests.base

    /// Copies the source folder as it is (a stand-in for the Python builder's output).
    struct CopyBuilder: FunctionBuilder {
        var builderName: String { "copy-test" }
        var builderVersion: String { "1" }
        func buildKeyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
            try await BuildKeyInputs.gather(builder: builderName, builderVersion: builderVersion, runtime: request.runtime,
                                            architecture: request.architecture, sourceFolder: request.sourceFolder)
        }
        func inputPaths(for request: BuildRequest) throws -> [String] { [request.sourceFolder] }
        func build(_ request: BuildRequest, workFolder: String) async throws -> StagedBuild {
            let staged = workFolder + "/staged"
            try FileManager.default.copyItem(atPath: request.sourceFolder, toPath: staged)
            return StagedBuild(folder: staged)
        }
    }

    static func request(_ scratch: URL, context: URL) -> ImageBuildRequest {
        ImageBuildRequest(
            context: context.path, bases: ["public.ecr.aws/lambda/python:3.12": "oci:\(base):3.12"],
            store: BlobStore(root: scratch.appendingPathComponent("blobs").path),
            recordFolder: scratch.appendingPathComponent("images").path,
            output: scratch.appendingPathComponent("out/image").path)
    }

    static func functionImage(_ code: URL, command: [String]? = ["app.handler"], method: String = "python3.12") -> PlannedImage {
        PlannedImage(target: BuildTarget(stackPath: "Root", logicalID: "Fn", resourceType: "AWS::Serverless::Function",
                                         templateFile: code.deletingLastPathComponent().appendingPathComponent("template.yaml").path,
                                         line: 4),
                     codeFolder: code.path, buildMethod: method, command: command, architecture: "x86_64")
    }

    static func writeCode(_ folder: URL, mtime: Double) throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pkg"), withIntermediateDirectories: true)
        for (name, text) in [("app.py", "def handler(e, c):\n    return 1\n"), ("pkg/__init__.py", "X = 1\n")] {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: mtime)], ofItemAtPath: url.path)
        }
    }

    @Test("Lambda base images by runtime")
    func baseReferences() {
        #expect(FunctionImageBuild.baseReference(runtime: "python3.12") == "public.ecr.aws/lambda/python:3.12")
        #expect(FunctionImageBuild.baseReference(runtime: "nodejs22.x") == "public.ecr.aws/lambda/nodejs:22")
        #expect(FunctionImageBuild.baseReference(runtime: "java21") == nil)
        #expect(FunctionImageBuild.baseReference(runtime: "makefile") == nil)
    }

    @Test("a builder's output becomes one /var/task layer on the base: same digest from two copies, CMD set, cached after")
    func functionImageIsDeterministic() async throws {
        let one = try ImageWriterTests.scratch(), two = try ImageWriterTests.scratch()
        defer { try? FileManager.default.removeItem(at: one); try? FileManager.default.removeItem(at: two) }
        try Self.writeCode(one.appendingPathComponent("src"), mtime: 1_000)
        try Self.writeCode(two.appendingPathComponent("src"), mtime: 2_000_000)
        let first = try await FunctionImageBuild.build(Self.functionImage(one.appendingPathComponent("src")), builder: CopyBuilder(),
                                                       request: Self.request(one, context: one), workFolder: one.appendingPathComponent("w1").path)
        let second = try await FunctionImageBuild.build(Self.functionImage(two.appendingPathComponent("src")), builder: CopyBuilder(),
                                                        request: Self.request(two, context: two), workFolder: two.appendingPathComponent("w1").path)
        #expect(first.manifestDigest == second.manifestDigest)
        #expect(first.newLayers.count == 1 && !first.cached)

        let layout = try OCILayout.open(first.layout, tag: "latest", architecture: "amd64")
        let layers = layout.manifest["layers"]?.array ?? []
        #expect(layers.count == 2)  // the base's layer and the /var/task layer
        let configDigest = try #require(layout.manifest["config"]?["digest"]?.string)
        let config = try JSONValue.parse(try BlobStore.readChecked(layout.blobPath(configDigest), digest: configDigest), what: "config")
        #expect(config["config"]?["Cmd"] == .array([.string("app.handler")]))
        #expect(config["config"]?["Entrypoint"] == .array([.string("/lambda-entrypoint.sh")]))

        let listing = try Self.tarListing(layout.blobPath(first.newLayers[0].digest))
        #expect(listing == ["var/", "var/task/", "var/task/app.py", "var/task/pkg/", "var/task/pkg/__init__.py"])

        let again = try await FunctionImageBuild.build(Self.functionImage(one.appendingPathComponent("src")), builder: CopyBuilder(),
                                                       request: Self.request(one, context: one), workFolder: one.appendingPathComponent("w2").path)
        #expect(again.cached && again.manifestDigest == first.manifestDigest)
        #expect(!FileManager.default.fileExists(atPath: one.appendingPathComponent("w2").path))  // the builder did not run

        let other = try await FunctionImageBuild.build(Self.functionImage(one.appendingPathComponent("src"), command: ["app.other"]),
                                                       builder: CopyBuilder(), request: Self.request(one, context: one),
                                                       workFolder: one.appendingPathComponent("w3").path)
        #expect(other.manifestDigest != first.manifestDigest)
    }

    @Test("an image from BuildMethod without a command, or for a runtime without a Lambda base, is bad input")
    func functionImageRefusals() async throws {
        let scratch = try ImageWriterTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try Self.writeCode(scratch.appendingPathComponent("src"), mtime: 0)
        let noCommand = await #expect(throws: ContainerBuildError.self) {
            try await FunctionImageBuild.build(Self.functionImage(scratch.appendingPathComponent("src"), command: nil),
                                               builder: CopyBuilder(), request: Self.request(scratch, context: scratch),
                                               workFolder: scratch.appendingPathComponent("w").path)
        }
        #expect(noCommand?.isBadInput == true)
        #expect(noCommand?.description.contains("template.yaml:4") == true)
        #expect(noCommand?.description.contains("ImageConfig") == true)
        let java = await #expect(throws: ContainerBuildError.self) {
            try await FunctionImageBuild.build(Self.functionImage(scratch.appendingPathComponent("src"), method: "java21"),
                                               builder: CopyBuilder(), request: Self.request(scratch, context: scratch),
                                               workFolder: scratch.appendingPathComponent("w").path)
        }
        #expect(java?.isBadInput == true)
    }

    @Test("planning: BuildMethod without a Dockerfile is a runtime-builder image (command from ImageConfig, else Handler)")
    func planning() throws {
        let project = try TestFolder("image-plan")
        try project.write("src/app.py", "x = 1\n")
        try project.write("docker/Dockerfile", "FROM public.ecr.aws/lambda/python:3.12\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Layered:
                Type: AWS::Serverless::Function
                Properties: {PackageType: Image, Architectures: [arm64], ImageConfig: {Command: [app.handler]}}
                Metadata: {BuildMethod: python3.12, DockerContext: ./src}
              ByHandler:
                Type: AWS::Serverless::Function
                Properties: {PackageType: Image, Handler: app.other}
                Metadata: {BuildMethod: python3.12, DockerContext: ./src, DockerTag: v1}
              Written:
                Type: AWS::Serverless::Function
                Properties: {PackageType: Image}
                Metadata: {DockerContext: ./docker, Dockerfile: Dockerfile, BuildMethod: python3.12}
            """)
        let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml")))
        let plan = try BuildPlan.make(tree: tree, catalog: BuilderCatalog(python: CopyBuilder()))
        #expect(plan.builds.isEmpty)
        let images = Dictionary(uniqueKeysWithValues: plan.images.map { ($0.target.logicalID, $0) })
        let layered = try #require(images["Layered"])
        #expect(layered.buildMethod == "python3.12")
        #expect(layered.command == ["app.handler"])
        #expect(layered.architecture == "arm64")
        #expect(layered.context.hasSuffix("/src"))
        #expect(images["ByHandler"]?.command == ["app.other"])
        #expect(images["ByHandler"]?.tag == "v1")
        let written = try #require(images["Written"])
        #expect(written.buildMethod == nil)
        #expect(written.dockerfile == "Dockerfile")
    }

    @Test("the bases of a Dockerfile: global ARGs expanded, scratch and earlier stages left out")
    func dockerfileBases() throws {
        let dockerfile = try Dockerfile(text: """
            ARG PY=3.11
            FROM --platform=linux/amd64 public.ecr.aws/lambda/python:${PY} AS build
            RUN pip install x
            FROM scratch AS empty
            FROM public.ecr.aws/lambda/python:${PY}
            COPY --from=build /opt /opt
            FROM build
            """, file: "Dockerfile")
        #expect(try DockerfileBases.references(dockerfile, arguments: [:]) == ["public.ecr.aws/lambda/python:3.11"])
        #expect(try DockerfileBases.references(dockerfile, arguments: ["PY": "3.12"]) == ["public.ecr.aws/lambda/python:3.12"])
    }

    @Test("a RUN Dockerfile without any container builder is a missing tool naming the line and how to install one")
    func runWithoutBuilder() async throws {
        let scratch = try ImageWriterTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let context = scratch.appendingPathComponent("ctx")
        try ImageWriterTests.makeContext(context, dockerfile: "FROM public.ecr.aws/lambda/python:3.12\n\nRUN echo hi\n")
        let image = PlannedImage(target: BuildTarget(stackPath: "Root", logicalID: "Fn", resourceType: "AWS::Serverless::Function",
                                                     templateFile: "template.yaml", line: 3),
                                 context: context.path, dockerfile: "Dockerfile", arguments: [:], stage: nil,
                                 architecture: "x86_64", tag: nil)
        let error = await #expect(throws: ContainerBuildError.self) {
            try await ImageBuilder.build(image, request: Self.request(scratch, context: context), catalog: nil,
                                         environment: ["PATH": "/nonexistent"], workFolder: scratch.appendingPathComponent("w").path)
        }
        #expect(error?.isMissingTool == true)
        #expect(error?.description.contains("Dockerfile:3: RUN") == true)
        #expect(error?.description.contains("apt-get install buildah") == true)
        #expect(await ContainerBuilder.locate(environment: ["PATH": "/nonexistent"]) == nil)
    }

    @Test("a Dockerfile without RUN needs no container builder")
    func writerNeedsNoBuilder() async throws {
        let scratch = try ImageWriterTests.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let context = scratch.appendingPathComponent("ctx")
        try ImageWriterTests.makeContext(context)
        let image = PlannedImage(target: BuildTarget(stackPath: "Root", logicalID: "Fn", resourceType: "AWS::Serverless::Function",
                                                     templateFile: "template.yaml", line: 3),
                                 context: context.path, dockerfile: "Dockerfile", arguments: [:], stage: nil,
                                 architecture: "x86_64", tag: nil)
        let result = try await ImageBuilder.build(image, request: Self.request(scratch, context: context), catalog: nil,
                                                  environment: ["PATH": "/nonexistent"], workFolder: scratch.appendingPathComponent("w").path)
        #expect(result.newLayers.count == 2)
    }

    /// The entry names of a gzip tar, in order (through the system's tar).
    static func tarListing(_ path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/tar")
        process.arguments = ["-tzf", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
