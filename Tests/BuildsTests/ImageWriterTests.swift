import Builds
import Foundation
import Testing

/// Ferry's own image writer: Dockerfiles without RUN become deterministic OCI layouts.
@Suite("Image writer")
struct ImageWriterTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/images")
    static let base = fixtures.appendingPathComponent("lambda-base").path
    static let baseReference = "public.ecr.aws/lambda/python:3.12"

    static let dockerfile = """
        # A function image without RUN
        ARG PYTHON=3.12
        FROM public.ecr.aws/lambda/python:${PYTHON}
        ARG GREETING=hello
        ENV GREETING=$GREETING \\
            STAGE=test
        LABEL app=demo
        COPY app/ ${LAMBDA_TASK_ROOT:-/var/task}/
        COPY config.json settings/
        CMD ["app.handler"]
        """

    /// A fresh context folder with the Dockerfile, two app files and an ignored one.
    static func makeContext(_ folder: URL, mode: Int = 0o644, dockerfile: String = dockerfile) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("app/lib"), withIntermediateDirectories: true)
        try Data(dockerfile.utf8).write(to: folder.appendingPathComponent("Dockerfile"))
        try Data("def handler(event, context):\n    return 'hi'\n".utf8).write(to: folder.appendingPathComponent("app/app.py"))
        try Data("X = 1\n".utf8).write(to: folder.appendingPathComponent("app/lib/util.py"))
        try Data("secret\n".utf8).write(to: folder.appendingPathComponent("app/notes.secret"))
        try Data("{}\n".utf8).write(to: folder.appendingPathComponent("config.json"))
        try Data("*.secret\napp/*.secret\n".utf8).write(to: folder.appendingPathComponent(".dockerignore"))
        for file in ["app/app.py", "app/lib/util.py", "config.json"] {
            try manager.setAttributes([.posixPermissions: mode, .modificationDate: Date(timeIntervalSince1970: Double(mode * 1000))],
                                      ofItemAtPath: folder.appendingPathComponent(file).path)
        }
    }

    static func request(_ folder: URL, _ scratch: URL) -> ImageBuildRequest {
        ImageBuildRequest(
            context: folder.path, bases: [baseReference: "oci:\(base):3.12"],
            store: BlobStore(root: scratch.appendingPathComponent("blobs").path),
            recordFolder: scratch.appendingPathComponent("images").path,
            output: scratch.appendingPathComponent("out/image").path)
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-image-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("the same inputs in two copies with other modes and mtimes give the same image digest")
    func sameDigestFromTwoCopies() throws {
        let one = try Self.scratch(), two = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: one); try? FileManager.default.removeItem(at: two) }
        try Self.makeContext(one.appendingPathComponent("ctx"), mode: 0o644)
        try Self.makeContext(two.appendingPathComponent("ctx"), mode: 0o600)
        let first = try ImageWriter.build(Self.request(one.appendingPathComponent("ctx"), one))
        let second = try ImageWriter.build(Self.request(two.appendingPathComponent("ctx"), two))
        #expect(first.manifestDigest == second.manifestDigest)
        #expect(first.newLayers.count == 2)
        #expect(first.blobs.count == 4)  // config, the base layer, two COPY layers
        #expect(!first.cached)
    }

    @Test("a second build of unchanged inputs is cached; an edited file changes only its layer")
    func cachedAndEdited() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let context = scratch.appendingPathComponent("ctx")
        try Self.makeContext(context)
        let first = try ImageWriter.build(Self.request(context, scratch))
        let again = try ImageWriter.build(Self.request(context, scratch))
        #expect(again.cached && again.manifestDigest == first.manifestDigest)
        try Data("def handler(event, context):\n    return 'bye'\n".utf8).write(to: context.appendingPathComponent("app/app.py"))
        let edited = try ImageWriter.build(Self.request(context, scratch))
        #expect(edited.manifestDigest != first.manifestDigest)
        #expect(edited.newLayers[0] != first.newLayers[0])
        #expect(edited.newLayers[1] == first.newLayers[1])
    }

    @Test("layers hold sorted entries with explicit folders, mtime 0, root owner and modes 0644/0755")
    func layerEntriesNormalised() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let context = scratch.appendingPathComponent("ctx")
        try Self.makeContext(context, mode: 0o700)
        let result = try ImageWriter.build(Self.request(context, scratch))
        let layer = BlobStore(root: scratch.appendingPathComponent("blobs").path).path(result.newLayers[0].digest)
        let listing = try Self.run("/usr/bin/tar", ["--numeric-owner", "--utc", "-tvzf", layer])
        let lines = listing.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(lines.map { String($0.last!) } == ["var/", "var/task/", "var/task/app.py", "var/task/lib/", "var/task/lib/util.py"])
        #expect(lines.map { String($0[0]) } == ["drwxr-xr-x", "drwxr-xr-x", "-rwxr-xr-x", "drwxr-xr-x", "-rwxr-xr-x"])
        #expect(lines.allSatisfy { $0[1] == "0/0" && $0[3] == "1970-01-01" })
        #expect(!listing.contains("secret"))
    }

    @Test("the config keeps the base's settings and adds ENV, LABEL, CMD and the new diff_ids")
    func configEdited() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let context = scratch.appendingPathComponent("ctx")
        try Self.makeContext(context)
        var request = Self.request(context, scratch)
        request.arguments = ["GREETING": "bonjour"]
        let result = try ImageWriter.build(request)
        let store = BlobStore(root: scratch.appendingPathComponent("blobs").path)
        let config = try JSONValue.parse(try store.read(result.blobs[0]), what: "config")
        let env = config["config"]?["Env"]?.array?.compactMap(\.string) ?? []
        #expect(env.contains("GREETING=bonjour") && env.contains("STAGE=test") && env.contains("LAMBDA_TASK_ROOT=/var/task"))
        #expect(config["config"]?["Entrypoint"] == .array([.string("/lambda-entrypoint.sh")]))
        #expect(config["config"]?["Cmd"] == .array([.string("app.handler")]))
        #expect(config["config"]?["WorkingDir"] == .string("/var/task"))
        #expect(config["config"]?["Labels"]?["app"] == .string("demo"))
        #expect(config["rootfs"]?["diff_ids"]?.array?.count == 3)
    }

    @Test("RUN is refused with its file and line, as needing a container builder")
    func runRefused() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let context = scratch.appendingPathComponent("ctx")
        try Self.makeContext(context, dockerfile: "FROM public.ecr.aws/lambda/python:3.12\n\nRUN pip install x \\\n  y\n")
        let error = try #require(throws: ImageError.self) { try ImageWriter.build(Self.request(context, scratch)) }
        #expect(error.needsExternalBuilder)
        #expect(error.description.contains("/Dockerfile:3: RUN"))
    }

    @Test("a base missing from [images.bases] and a missing COPY source say what to do")
    func clearErrors() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let context = scratch.appendingPathComponent("ctx")
        try Self.makeContext(context, dockerfile: "FROM public.ecr.aws/lambda/nodejs:22\n")
        let unmapped = try #require(throws: ImageError.self) { try ImageWriter.build(Self.request(context, scratch)) }
        #expect(unmapped.description.contains("[images.bases]"))
        try Data("FROM public.ecr.aws/lambda/python:3.12\nCOPY missing.py /var/task/\n".utf8)
            .write(to: context.appendingPathComponent("Dockerfile"))
        let missing = try #require(throws: ImageError.self) { try ImageWriter.build(Self.request(context, scratch)) }
        #expect(missing.description.contains("Dockerfile:2: COPY source 'missing.py'"))
    }

    @Test("skopeo reads Ferry's OCI layout", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/skopeo"),
                                                      "skopeo is not installed (apt-get install skopeo)"))
    func skopeoInspects() throws {
        let scratch = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let context = scratch.appendingPathComponent("ctx")
        try Self.makeContext(context)
        let result = try ImageWriter.build(Self.request(context, scratch))
        let output = try Self.run("/usr/bin/skopeo", ["inspect", "oci:\(result.layout):latest"])
        let inspected = try JSONValue.parse(Array(output.utf8), what: "skopeo inspect")
        #expect(inspected["Digest"] == .string(result.manifestDigest))
        #expect(inspected["Layers"]?.array?.count == 3)
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments) failed")
        return String(decoding: data, as: UTF8.self)
    }
}
