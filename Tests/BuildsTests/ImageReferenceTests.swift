import Builds
import Testing

/// Base references as Dockerfiles write them, resolved to registry, repository and tag or digest,
/// and an image index resolved to one platform.
@Suite struct ImageReferenceTests {
    @Test("Docker Hub names get registry-1.docker.io, library/ and latest")
    func dockerHub() throws {
        let python = try #require(ImageReference("python:3.12"))
        #expect(python.registry == "registry-1.docker.io")
        #expect(python.repository == "library/python")
        #expect(python.reference == "3.12")
        #expect(python.endpoint == "https://registry-1.docker.io")
        let user = try #require(ImageReference("someone/tool"))
        #expect(user.repository == "someone/tool")
        #expect(user.tag == "latest")
        #expect(try #require(ImageReference("docker.io/library/alpine")).registry == "registry-1.docker.io")
    }

    @Test("registries with hosts and ports, digests, ECR hosts")
    func hosts() throws {
        let lambda = try #require(ImageReference("public.ecr.aws/lambda/python:3.12"))
        #expect(lambda.registry == "public.ecr.aws")
        #expect(lambda.repository == "lambda/python")
        #expect(!lambda.isECR)
        let digest = "sha256:" + String(repeating: "ab", count: 32)
        let local = try #require(ImageReference("127.0.0.1:5000/team/base@\(digest)"))
        #expect(local.registry == "127.0.0.1:5000")
        #expect(local.repository == "team/base")
        #expect(local.reference == digest)
        #expect(local.endpoint == "http://127.0.0.1:5000")
        let ecr = try #require(ImageReference("123456789012.dkr.ecr.eu-west-1.amazonaws.com/bases/python:3.12"))
        #expect(ecr.isECR)
        #expect(ecr.repository == "bases/python")
        #expect(ImageReference("python@sha256:short") == nil)
        #expect(ImageReference("") == nil)
    }

    static let index: [UInt8] = Array("""
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
         {"digest":"sha256:aaaa","platform":{"architecture":"amd64","os":"linux"}},
         {"digest":"sha256:bbbb","platform":{"architecture":"arm64","os":"linux","variant":"v8"}},
         {"digest":"sha256:cccc","platform":{"architecture":"arm","os":"linux","variant":"v7"}}]}
        """.utf8)

    @Test("an index with two platforms resolves to the function's architecture")
    func twoPlatforms() throws {
        #expect(try PlatformSelector.manifestDigest(index: Self.index, architecture: "x86_64", base: "python:3.12") == "sha256:aaaa")
        #expect(try PlatformSelector.manifestDigest(index: Self.index, architecture: "arm64", base: "python:3.12") == "sha256:bbbb")
    }

    @Test("a base without the function's platform is an error naming both")
    func missingPlatform() throws {
        let amd64Only: [UInt8] = Array("""
            {"manifests":[{"digest":"sha256:aaaa","platform":{"architecture":"amd64","os":"linux"}}]}
            """.utf8)
        let error = #expect(throws: ImageError.self) {
            try PlatformSelector.manifestDigest(index: amd64Only, architecture: "arm64", base: "python:3.12")
        }
        let message = error?.description ?? ""
        #expect(message.contains("python:3.12"))
        #expect(message.contains("linux/arm64"))
        #expect(message.contains("linux/amd64"))
        #expect(error?.isBadInput == true)
    }
}
