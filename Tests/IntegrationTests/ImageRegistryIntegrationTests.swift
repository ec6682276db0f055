import AWSCore
import AWSServices
import Builds
import Foundation
import Packaging
import Pipeline
import Testing

extension Integration {
    /// Images and the emulator's registry beyond `ferry up`: bases pulled from ECR (an index with
    /// two platforms), pushes by `ferry package`/`deploy`/`update`, and `ferry gc` of image digests.
    @Suite struct ImageRegistry {
        static let base = ImageAppConfig.fixtureBase
        static let baseManifest = "sha256:e05299c1b5ecd41e554174626b479dd456889c831e1203f70a51750ad76002bb"
        static let ecrBase = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/bases/python:3.12"

        static func json(_ bytes: [UInt8]) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        }

        /// Pushes the fixture base to `bases/python` as `3.12`: an index of the fixture (amd64) and
        /// an arm64 copy (its config says arm64). Returns the two manifest digests.
        static func pushBase(_ ecr: ECR, folder: TemporaryFolder) async throws -> (amd64: String, arm64: String) {
            let copy = folder.url.appendingPathComponent("base-blobs")
            try FileManager.default.copyItem(atPath: "\(base)/blobs", toPath: copy.path)
            let store = BlobStore(root: copy.path)
            let manifest = try json(try store.read(baseManifest))
            let configDigest = try #require((manifest["config"] as? [String: Any])?["digest"] as? String)
            let layers = try #require(manifest["layers"] as? [[String: Any]]).compactMap { $0["digest"] as? String }
            _ = try await ImagePusher.push(manifestDigest: baseManifest, blobs: [configDigest] + layers, store: store,
                                           repository: "bases/python", tag: nil, ecr: ecr)
            var config = try json(try store.read(configDigest))
            config["architecture"] = "arm64"
            let armConfig = try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys])
            let armConfigDigest = try store.put(Array(armConfig))
            var armManifest = manifest
            armManifest["config"] = ["mediaType": "application/vnd.oci.image.config.v1+json", "digest": armConfigDigest,
                                     "size": armConfig.count]
            let armBytes = try JSONSerialization.data(withJSONObject: armManifest, options: [.sortedKeys])
            let armDigest = try store.put(Array(armBytes))
            _ = try await ImagePusher.push(manifestDigest: armDigest, blobs: [armConfigDigest] + layers, store: store,
                                           repository: "bases/python", tag: nil, ecr: ecr)
            let amdSize = try store.read(baseManifest).count
            let index: [String: Any] = [
                "schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                "manifests": [
                    ["mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": baseManifest, "size": amdSize,
                     "platform": ["architecture": "amd64", "os": "linux"]],
                    ["mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": armDigest, "size": armBytes.count,
                     "platform": ["architecture": "arm64", "os": "linux", "variant": "v8"]],
                ],
            ]
            try await RegistryClient(try await ecr.authorization()).putManifest(
                repository: "bases/python", reference: "3.12", bytes: JSONSerialization.data(withJSONObject: index, options: [.sortedKeys]),
                mediaType: "application/vnd.oci.image.index.v1+json")
            return (baseManifest, armDigest)
        }

        /// The architecture in the config of the image built for `logicalID`.
        static func builtArchitecture(_ folder: TemporaryFolder, _ logicalID: String) throws -> String? {
            let images = try json(Array(try Data(contentsOf: folder.url.appendingPathComponent(".ferry/build/images.json"))))
            let entry = try #require((images["images"] as? [[String: Any]])?.first { $0["logicalID"] as? String == logicalID })
            let store = BlobStore(root: folder.url.appendingPathComponent(".ferry/blobs").path)
            let manifest = try json(try store.read(try #require(entry["manifestDigest"] as? String)))
            let config = try json(try store.read(try #require((manifest["config"] as? [String: Any])?["digest"] as? String)))
            return config["architecture"] as? String
        }

        @Test("an unmapped ECR base is pulled once (an index resolved per function's architecture); a second build only asks for the tag")
        func basePulledFromECR() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let ecr = ECR(client: env.client())
            _ = try await ecr.createRepository(named: "bases/python")
            let folder = try TemporaryFolder("ferry-image-pull")
            _ = try await Self.pushBase(ecr, folder: folder)
            try folder.write("ferry.toml", """
                template = "template.yaml"
                [artifacts]
                bucket = "ferry-pull-123456789012"
                [env.dev]
                stack_name = "images-pull"
                """)
            try folder.write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Intel:
                    Type: AWS::Serverless::Function
                    Properties: {PackageType: Image, Architectures: [x86_64]}
                    Metadata: {DockerContext: ./app, Dockerfile: Dockerfile}
                  Graviton:
                    Type: AWS::Serverless::Function
                    Properties: {PackageType: Image, Architectures: [arm64]}
                    Metadata: {DockerContext: ./app, Dockerfile: Dockerfile}
                """)
            try folder.write("app/Dockerfile", "FROM \(Self.ecrBase)\nCOPY app.py /var/task/\nCMD [\"app.handler\"]\n")
            try folder.write("app/app.py", "def handler(e, c):\n    return 1\n")

            let build = try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(build.exitCode == 0, "\(build.output)")
            #expect(build.output.contains("base \(Self.ecrBase)"), "\(build.output)")
            #expect(build.output.contains("pulled"), "\(build.output)")
            #expect(try Self.builtArchitecture(folder, "Intel") == "amd64")
            #expect(try Self.builtArchitecture(folder, "Graviton") == "arm64")

            let again = try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(again.exitCode == 0, "\(again.output)")
            #expect(!again.output.contains("pulled"), "\(again.output)")
            #expect(again.output.contains(": cached"), "\(again.output)")
            #expect(again.output.contains("unchanged (cached)"), "\(again.output)")
        }

        @Test("ferry package pushes the images it pins, ferry deploy pushes what is missing, ferry update pushes before hot-swapping")
        func packageThenDeploy() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-image-package")
            try ImageUp.write(folder, handler: "def handler(e, c):\n    return 1\n")
            let build = try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(build.exitCode == 0, "\(build.output)")
            let package = try await FerryRun.run(["package", "--env", "dev", "--create-bucket"], in: folder.url, environment: env.variables)
            #expect(package.exitCode == 0, "\(package.output)")
            #expect(package.output.contains("pushed"), "\(package.output)")
            let ecr = ECR(client: env.client())
            let pushed = try await ecr.imageDigests(repository: "team/images-app")
            #expect(pushed.count == 1)
            let digest = try #require(pushed.first)

            // A second package uploads no blob, and asks STS for the account once (the caller identity is shared).
            try await env.clearJournal()
            let second = try await FerryRun.run(["package", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(second.output.contains("(0 blob(s) uploaded"), "\(second.output)")
            let identityCalls = try await env.journal().filter { $0.operation == "GetCallerIdentity" }
            #expect(identityCalls.count == 1, "\(identityCalls)")

            // The image disappears from the registry; deploy pushes it again before CloudFormation needs it.
            _ = try await ecr.batchDeleteImages(repository: "team/images-app", digests: [digest])
            #expect(try await ecr.imageDigests(repository: "team/images-app").isEmpty)
            let deploy = try await FerryRun.run(["deploy", "--env", "dev", "--yes"], in: folder.url, environment: env.variables)
            #expect(deploy.exitCode == 0, "\(deploy.output)")
            #expect(deploy.output.contains("pushed"), "\(deploy.output)")
            #expect(try await ecr.imageDigests(repository: "team/images-app") == [digest])
            let lambda = Lambda(client: env.client())
            let function = try #require(try await lambda.listFunctions().first?.functionName)
            #expect(try await lambda.getFunction(function).code?.resolvedImageUri?.hasSuffix("@\(digest)") == true)

            // A handler edit: ferry update pushes the new image, then hot-swaps to it.
            try folder.write("app/app.py", "def handler(e, c):\n    return 2\n")
            #expect(try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: env.variables).exitCode == 0)
            let update = try await FerryRun.run(["update", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(update.exitCode == 0, "\(update.output)")
            #expect(update.output.contains("pushed"), "\(update.output)")
            let digests = try await ecr.imageDigests(repository: "team/images-app")
            let edited = try #require(digests.first { $0 != digest })
            #expect(try await lambda.getFunction(function).code?.resolvedImageUri?.hasSuffix("@\(edited)") == true)
        }

        @Test("ferry gc lists, then deletes, the image digests no kept deploy or live function uses, with the bytes freed")
        func gcDeletesUnusedImages() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-image-gc")
            try ImageUp.write(folder, handler: "def handler(e, c):\n    return 1\n")
            let first = try await FerryRun.run(["up", "--env", "dev", "--yes"], in: folder.url, environment: env.variables)
            #expect(first.exitCode == 0, "\(first.output)")
            try folder.write("app/app.py", "def handler(e, c):\n    return 2\n")
            let swapped = try await FerryRun.run(["up", "--env", "dev", "--yes"], in: folder.url, environment: env.variables)
            #expect(swapped.exitCode == 0, "\(swapped.output)")
            // A third image is pushed by `ferry package` but never deployed.
            try folder.write("app/app.py", "def handler(e, c):\n    return 3\n")
            #expect(try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: env.variables).exitCode == 0)
            #expect(try await FerryRun.run(["package", "--env", "dev"], in: folder.url, environment: env.variables).exitCode == 0)
            let ecr = ECR(client: env.client())
            let all = try await ecr.describeImages(repository: "team/images-app")
            #expect(all.count == 3)
            let images = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent(".ferry/build/images.json"))) as? [String: Any]
            let unused = try #require(((images?["images"] as? [[String: Any]])?.first?["manifestDigest"]) as? String)
            let size = try #require(all.first { $0.imageDigest == unused }?.imageSizeInBytes)
            #expect(size > 0)

            let dryRun = try await FerryRun.run(["gc", "--env", "dev", "--keep", "1", "--min-age", "0"], in: folder.url, environment: env.variables)
            #expect(dryRun.exitCode == 0, "\(dryRun.output)")
            #expect(dryRun.output.contains("would delete image team/images-app@\(unused)"), "\(dryRun.output)")
            #expect(dryRun.output.contains("images: would delete 1 image(s), \(StorageCost.formatted(bytes: size))"), "\(dryRun.output)")
            #expect(try await ecr.describeImages(repository: "team/images-app").count == 3)

            let collect = try await FerryRun.run(["gc", "--env", "dev", "--keep", "1", "--min-age", "0", "--yes"], in: folder.url,
                                                 environment: env.variables)
            #expect(collect.exitCode == 0, "\(collect.output)")
            #expect(collect.output.contains("images: deleted 1 image(s), freed \(StorageCost.formatted(bytes: size))"), "\(collect.output)")
            let left = Set(try await ecr.imageDigests(repository: "team/images-app"))
            #expect(left == Set(all.map(\.imageDigest)).subtracting([unused]))

            // Everything left is used: the deployed image (template) and the hot-swapped one (live function).
            let again = try await FerryRun.run(["gc", "--env", "dev", "--keep", "1", "--min-age", "0", "--yes"], in: folder.url,
                                               environment: env.variables)
            #expect(again.output.contains("images: nothing to collect"), "\(again.output)")
            #expect(try await ecr.imageDigests(repository: "team/images-app").count == 2)
        }
    }
}
