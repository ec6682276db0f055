import AWSServices
import Builds
import Foundation
import Testing

extension Integration {
    /// `PackageType: Image` with `Metadata.BuildMethod: python3.12` and no Dockerfile: the Python
    /// builder's output (dependencies and code) as one `/var/task` layer on the Lambda base.
    @Suite struct ImageFunctionLayer {
        static let base = ImageAppConfig.fixtureBase

        static func write(_ folder: TemporaryFolder, handler: String) throws {
            try folder.write("ferry.toml", ImageAppConfig.ferryToml(name: "python-image", base: "\(base):3.12"))
            try folder.write("template.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                      Architectures: [x86_64]
                      ImageConfig:
                        Command: ["app.handler"]
                    Metadata:
                      BuildMethod: python3.12
                      DockerContext: ./src
                """)
            try folder.write("src/app.py", "import helper\n" + handler)
            try folder.write("src/requirements.txt", "./lib/helper\n")
            try folder.write("lib/helper/pyproject.toml", """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "helper"
                version = "1.0"
                """)
            try folder.write("lib/helper/helper/__init__.py", "VALUE = 1\n")
        }

        static func built(_ folder: TemporaryFolder) throws -> (digest: String, layout: String) {
            let data = try Data(contentsOf: folder.url.appendingPathComponent(".ferry/build/images.json"))
            let images = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let entry = try #require((images?["images"] as? [[String: Any]])?.first)
            return (try #require(entry["manifestDigest"] as? String), try #require(entry["layout"] as? String))
        }

        @Test("the Python build output as a /var/task image: same digest from two copies, ferry up deploys and verifies, a handler edit hot-swaps")
        func pythonImageDeploysAndHotswaps() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-python-image")
            try Self.write(folder, handler: "def handler(e, c):\n    return helper.VALUE\n")
            let up = try await FerryRun.run(["up", "--env", "dev", "--yes"], in: folder.url, environment: env.variables)
            #expect(up.exitCode == 0, "\(up.output)")
            let (digest, layoutPath) = try Self.built(folder)

            // One new layer on the base: the code and the dependency under /var/task; CMD from ImageConfig.
            let layout = try OCILayout.open(layoutPath, tag: "latest", architecture: "amd64")
            let layers = (layout.manifest["layers"]?.array ?? []).compactMap { $0["digest"]?.string }
            #expect(layers.count == 2, "\(layers)")
            let listing = try Self.tarListing(layout.blobPath(try #require(layers.last)))
            #expect(listing.contains("var/task/app.py"), "\(listing)")
            #expect(listing.contains("var/task/helper/__init__.py"), "\(listing)")
            let configDigest = try #require(layout.manifest["config"]?["digest"]?.string)
            let config = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: layout.blobPath(configDigest)))), what: "config")
            #expect(config["config"]?["Cmd"] == .array([.string("app.handler")]))

            // The same digest from a fresh copy of the project.
            let copy = try TemporaryFolder("ferry-python-image-copy")
            try Self.write(copy, handler: "def handler(e, c):\n    return helper.VALUE\n")
            let build = try await FerryRun.run(["build", "--env", "dev"], in: copy.url, environment: env.variables)
            #expect(build.exitCode == 0, "\(build.output)")
            #expect(try Self.built(copy).digest == digest)

            let lambda = Lambda(client: env.client())
            let function = try #require(try await lambda.listFunctions().first?.functionName)
            let code = try await lambda.getFunction(function)
            #expect(code.code?.resolvedImageUri?.hasSuffix("/team/python-image@\(digest)") == true, "\(String(describing: code.code))")
            let verify = try await FerryRun.run(["verify", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(verify.exitCode == 0, "\(verify.output)")

            // A handler edit: a new /var/task layer, hot-swapped, then verified.
            try folder.write("src/app.py", "import helper\ndef handler(e, c):\n    return helper.VALUE + 1\n")
            let again = try await FerryRun.run(["up", "--env", "dev", "--yes"], in: folder.url, environment: env.variables)
            #expect(again.exitCode == 0, "\(again.output)")
            #expect(again.output.contains("hot-swapped 1 resource(s)"), "\(again.output)")
            let digest2 = try Self.built(folder).digest
            #expect(digest2 != digest)
            let swapped = try await lambda.getFunction(function)
            #expect(swapped.code?.resolvedImageUri?.hasSuffix("@\(digest2)") == true, "\(String(describing: swapped.code))")
            let verified = try await FerryRun.run(["verify", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(verified.exitCode == 0, "\(verified.output)")
        }

        static let ociImageTool = ["/usr/bin/oci-image-tool", "/usr/local/bin/oci-image-tool"].first { FileManager.default.isExecutableFile(atPath: $0) }
        static let skopeo = ["/usr/bin/skopeo", "/usr/local/bin/skopeo"].first { FileManager.default.isExecutableFile(atPath: $0) }

        @Test("oci-image-tool validate and skopeo inspect accept the images ferry build writes (Dockerfile and Python layer)",
              .enabled(if: ociImageTool != nil && skopeo != nil,
                       "oci-image-tool or skopeo is not installed (apt-get install oci-image-tool skopeo); CI installs them"))
        func otherToolsReadFerrysImages() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-image-tools")
            try Self.write(folder, handler: "def handler(e, c):\n    return helper.VALUE\n")
            try folder.write("template.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Layered:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                      ImageConfig:
                        Command: ["app.handler"]
                    Metadata:
                      BuildMethod: python3.12
                      DockerContext: ./src
                  Written:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                    Metadata:
                      DockerContext: ./docker
                      Dockerfile: Dockerfile
                """)
            try folder.write("docker/Dockerfile", """
                FROM public.ecr.aws/lambda/python:3.12
                ENV STAGE=test
                COPY app.py ${LAMBDA_TASK_ROOT}/
                CMD ["app.handler"]
                """)
            try folder.write("docker/app.py", "def handler(e, c):\n    return 1\n")
            let build = try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(build.exitCode == 0, "\(build.output)")
            let data = try Data(contentsOf: folder.url.appendingPathComponent(".ferry/build/images.json"))
            let images = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["images"] as? [[String: Any]])
            #expect(images.count == 2)
            for image in images {
                let layout = try #require(image["layout"] as? String)
                let digest = try #require(image["manifestDigest"] as? String)
                let validate = try Self.run(try #require(Self.ociImageTool), ["validate", "--type", "image", "--ref", "name=latest", layout])
                #expect(validate.status == 0, "\(validate.output)")
                #expect(validate.output.contains("Validation succeeded"), "\(validate.output)")
                let inspect = try Self.run(try #require(Self.skopeo), ["inspect", "oci:\(layout):latest"])
                #expect(inspect.status == 0, "\(inspect.output)")
                let json = try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any]
                #expect(json?["Digest"] as? String == digest, "\(inspect.output)")
                #expect(json?["Architecture"] as? String == "amd64")
            }
        }

        static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, output: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, stdout, stdout + stderr)
        }

        static func tarListing(_ path: String) throws -> [String] {
            let result = try run("/bin/tar", ["-tzf", path])
            return result.stdout.split(separator: "\n").map(String.init)
        }
    }
}
