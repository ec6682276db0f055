import AWSServices
import Builds
import Foundation
import Testing

extension Integration {
    /// Dockerfiles with `RUN`: built by buildah (no daemon), taken over and pushed by Ferry.
    @Suite struct ImageRun {
        static let fixtureBase = ImageAppConfig.fixtureBase
        static let buildah = ["/usr/bin/buildah", "/usr/local/bin/buildah"].first { FileManager.default.isExecutableFile(atPath: $0) }

        /// The fixture base plus this machine's `/bin/sh` and the libraries it loads, so `RUN` has a
        /// shell: written by Ferry's own image writer into `<folder>/shell-base` (tag `latest`).
        static func shellBase(in folder: TemporaryFolder) throws -> String {
            let context = folder.url.appendingPathComponent("shell-base-context")
            let rootfs = context.appendingPathComponent("rootfs")
            var files = ["/bin/sh"]
            let ldd = Process()
            ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
            ldd.arguments = ["/bin/sh"]
            let pipe = Pipe()
            ldd.standardOutput = pipe
            try ldd.run()
            let listing = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            ldd.waitUntilExit()
            for line in listing.split(separator: "\n") {
                let words = line.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0.hasPrefix("/") }
                if let path = words.first { files.append(path) }
            }
            #expect(files.count >= 3, "ldd /bin/sh listed no libraries: \(listing)")
            for file in files {
                let target = rootfs.appendingPathComponent(String(file.dropFirst()))
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: URL(fileURLWithPath: file).resolvingSymlinksInPath().path, toPath: target.path)
            }
            try Data("FROM public.ecr.aws/lambda/python:3.12\nCOPY rootfs/ /\n".utf8)
                .write(to: context.appendingPathComponent("Dockerfile"))
            let output = folder.url.appendingPathComponent("shell-base").path
            _ = try ImageWriter.build(ImageBuildRequest(
                context: context.path, bases: ["public.ecr.aws/lambda/python:3.12": "oci:\(fixtureBase):3.12"],
                store: BlobStore(root: folder.url.appendingPathComponent("shell-base-blobs").path),
                recordFolder: folder.url.appendingPathComponent("shell-base-records").path, output: output))
            return output
        }

        static func write(_ folder: TemporaryFolder, base: String, handler: String) throws {
            try folder.write("ferry.toml", ImageAppConfig.ferryToml(name: "run-app", base: "\(base):latest"))
            try folder.write("template.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                      Architectures: [x86_64]
                    Metadata:
                      DockerContext: ./app
                      Dockerfile: Dockerfile
                      DockerBuildArgs:
                        GREETING: hello-from-args
                """)
            try folder.write("app/Dockerfile", """
                FROM public.ecr.aws/lambda/python:3.12
                ARG GREETING=unset
                COPY app.py ${LAMBDA_TASK_ROOT}/
                RUN echo "$GREETING" > /var/task/greeting.txt
                CMD ["app.handler"]
                """)
            try folder.write("app/app.py", handler)
        }

        static func builtDigest(_ folder: TemporaryFolder) throws -> String {
            let data = try Data(contentsOf: folder.url.appendingPathComponent(".ferry/build/images.json"))
            let images = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            return try #require(((images?["images"] as? [[String: Any]])?.first?["manifestDigest"]) as? String)
        }

        #if arch(x86_64)
        @Test("a RUN Dockerfile builds through buildah on the mapped base; ferry up deploys it pinned by digest and verify passes",
              .enabled(if: buildah != nil, "buildah is not installed (apt-get install buildah); scripts/lib/prerequisites.sh installs it in CI"))
        func runThroughBuildah() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-image-run")
            let base = try Self.shellBase(in: folder)
            try Self.write(folder, base: base, handler: "def handler(e, c):\n    return open('/var/task/greeting.txt').read()\n")
            let up = try await FerryRun.run(["up", "--env", "dev", "--yes"], in: folder.url, environment: env.variables)
            #expect(up.exitCode == 0, "\(up.output)")
            let digest = try Self.builtDigest(folder)

            // The image holds what RUN wrote (with the build argument), on the base's own layers.
            let layout = try OCILayout.open(folder.url.appendingPathComponent(".ferry/build/images/Root_Fn").path,
                                            tag: "latest", architecture: "amd64")
            #expect(layout.manifestDigest == digest)
            let baseLayout = try OCILayout.open(base, tag: "latest", architecture: "amd64")
            let layers = (layout.manifest["layers"]?.array ?? []).compactMap { $0["digest"]?.string }
            let baseLayers = (baseLayout.manifest["layers"]?.array ?? []).compactMap { $0["digest"]?.string }
            #expect(Array(layers.prefix(baseLayers.count)) == baseLayers, "the base's blobs are reused as they are")
            var found = false
            for layer in layers.dropFirst(baseLayers.count) {
                let text = try Self.tarFile(layout.blobPath(layer), member: "var/task/greeting.txt")
                if let text { found = true; #expect(text == "hello-from-args\n") }
            }
            #expect(found, "no layer holds var/task/greeting.txt")

            let packaged = try String(contentsOf: folder.url.appendingPathComponent(".ferry/package/packaged.yaml"), encoding: .utf8)
            #expect(packaged.contains("/team/run-app@\(digest)"), "\(packaged)")
            let lambda = Lambda(client: env.client())
            let function = try #require(try await lambda.listFunctions().first?.functionName)
            let code = try await lambda.getFunction(function)
            #expect(code.code?.resolvedImageUri?.hasSuffix("@\(digest)") == true, "\(String(describing: code.code))")
            #expect(try await ECR(client: env.client()).imageDigests(repository: "team/run-app") == [digest])
            let verify = try await FerryRun.run(["verify", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(verify.exitCode == 0, "\(verify.output)")

            // Unchanged inputs: nothing is built, not even without any builder on PATH.
            var noBuilder = env.variables
            noBuilder["PATH"] = "/nonexistent"
            let again = try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: noBuilder)
            #expect(again.exitCode == 0, "\(again.output)")
            #expect(again.output.contains("unchanged (cached)"), "\(again.output)")
            #expect(try Self.builtDigest(folder) == digest)
        }
        #endif

        @Test("a RUN Dockerfile without buildah, podman or docker buildx exits 69 naming the line and how to install buildah")
        func runWithoutBuilder() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-image-nobuilder")
            try Self.write(folder, base: Self.fixtureBase, handler: "def handler(e, c):\n    return 1\n")
            try folder.write("ferry.toml", try String(contentsOf: folder.url.appendingPathComponent("ferry.toml"), encoding: .utf8)
                .replacingOccurrences(of: ":latest\"", with: ":3.12\""))
            var variables = env.variables
            variables["PATH"] = "/nonexistent"
            let run = try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: variables)
            #expect(run.exitCode == 69, "\(run.output)")
            #expect(run.output.contains("Dockerfile:4: RUN"), "\(run.output)")
            #expect(run.output.contains("apt-get install buildah"), "\(run.output)")
        }

        /// The text of `member` in the gzip tar at `path`, or nil when the tar has no such member.
        static func tarFile(_ path: String, member: String) throws -> String? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/tar")
            process.arguments = ["-xzOf", path, member]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
        }
    }
}
