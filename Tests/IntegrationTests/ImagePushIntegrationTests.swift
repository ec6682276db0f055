import AWSServices
import Builds
import Foundation
import Packaging
import Testing

extension Integration {
    /// Images Ferry writes itself, pushed to the emulator's registry (moto's ECR behind `/v2/`).
    @Suite struct ImagePush {
        static let base = ImageAppConfig.fixtureBase

        static func build(_ folder: TemporaryFolder, handler: String) throws -> ImageBuildResult {
            try folder.write("ctx/Dockerfile", """
                FROM public.ecr.aws/lambda/python:3.12
                COPY app.py ${LAMBDA_TASK_ROOT:-/var/task}/
                CMD ["app.handler"]
                """)
            try folder.write("ctx/app.py", handler)
            return try ImageWriter.build(ImageBuildRequest(
                context: folder.url.appendingPathComponent("ctx").path,
                bases: ["public.ecr.aws/lambda/python:3.12": "oci:\(base):3.12"],
                store: BlobStore(root: folder.url.appendingPathComponent(".ferry/blobs").path),
                recordFolder: folder.url.appendingPathComponent(".ferry/images").path,
                output: folder.url.appendingPathComponent(".ferry/build/Fn/image").path))
        }

        @Test("a push creates the repository and uploads every blob; the same push again uploads none; an edit uploads one layer")
        func secondPushUploadsNothing() async throws {
            let environment = try await EmulatorEnvironment.fresh()
            let ecr = ECR(client: environment.client())
            let folder = try TemporaryFolder("ferry-image-push")
            let image = try Self.build(folder, handler: "def handler(e, c):\n    return 1\n")
            let store = BlobStore(root: folder.url.appendingPathComponent(".ferry/blobs").path)

            let first = try await ImagePusher.push(manifestDigest: image.manifestDigest, blobs: image.blobs, store: store,
                                                   repository: "team/app", tag: nil, ecr: ecr)
            #expect(first.createdRepository)
            #expect(Set(first.uploaded) == Set(image.blobs))
            #expect(first.imageURI.hasSuffix("/team/app@\(image.manifestDigest)"))
            #expect(try await ecr.imageDigests(repository: "team/app") == [image.manifestDigest])

            let second = try await ImagePusher.push(manifestDigest: image.manifestDigest, blobs: image.blobs, store: store,
                                                    repository: "team/app", tag: nil, ecr: ecr)
            #expect(second.uploaded.isEmpty)
            #expect(!second.createdRepository)

            let edited = try Self.build(folder, handler: "def handler(e, c):\n    return 2\n")
            let third = try await ImagePusher.push(manifestDigest: edited.manifestDigest, blobs: edited.blobs, store: store,
                                                   repository: "team/app", tag: nil, ecr: ecr)
            #expect(third.uploaded.count == 2)  // the new app layer and the new config
            #expect(third.uploaded.contains(edited.newLayers[0].digest))
            #expect(Set(try await ecr.imageDigests(repository: "team/app")) == [image.manifestDigest, edited.manifestDigest])
        }
    }
}
