import AWSCore
import Builds
import Foundation
import Hotswap
@testable import Pipeline
import Synchronization
import Testing

/// A public registry (Docker Hub's shape) over a fake transport: anonymous bearer tokens from a
/// realm, an image index with two platforms, blobs served by digest.
final class FakePublicRegistry: HTTPTransport {
    struct State {
        var files: [String: (body: Data, type: String)] = [:]  // path → bytes
        var requests: [String] = []
    }
    let state = Mutex(State())
    let repository = "library/python"

    static func digest(_ data: Data) -> String { "sha256:" + ContentHash.hex(String(decoding: data, as: UTF8.self)) }

    /// Serves `data` as blob (or manifest under `tag` too); returns its digest.
    @discardableResult
    func add(_ data: Data, manifestType: String? = nil, tag: String? = nil) -> String {
        let digest = Self.digest(data)
        state.withLock { state in
            let kind = manifestType == nil ? "blobs" : "manifests"
            state.files["/v2/\(repository)/\(kind)/\(digest)"] = (data, manifestType ?? "application/octet-stream")
            if let tag { state.files["/v2/\(repository)/manifests/\(tag)"] = (data, manifestType ?? "") }
        }
        return digest
    }

    func corrupt(_ digest: String) {
        state.withLock { $0.files["/v2/\(repository)/blobs/\(digest)"]?.body.append(0) }
    }

    var requests: [String] { state.withLock { $0.requests } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let url = request.url
        return state.withLock { state in
            state.requests.append("\(request.method) \(url.host ?? "")\(url.path)")
            if url.host == "auth.example.com" {
                let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
                guard query.contains(where: { $0.name == "service" && $0.value == "registry.docker.io" }),
                      query.contains(where: { $0.name == "scope" && $0.value == "repository:library/python:pull" }) else {
                    return HTTPResponse(statusCode: 400)
                }
                return HTTPResponse(statusCode: 200, body: Data(#"{"token":"anonymous-token"}"#.utf8))
            }
            guard url.host == "registry-1.docker.io" else { return HTTPResponse(statusCode: 502) }
            guard request.headers.contains(where: { $0.name == "Authorization" && $0.value == "Bearer anonymous-token" }) else {
                return HTTPResponse(statusCode: 401, headers: [("WWW-Authenticate",
                    #"Bearer realm="https://auth.example.com/token",service="registry.docker.io",scope="repository:library/python:pull""#)])
            }
            guard let file = state.files[url.path] else { return HTTPResponse(statusCode: 404) }
            let headers = [("Docker-Content-Digest", Self.digest(file.body)), ("Content-Type", file.type)]
            return HTTPResponse(statusCode: 200, headers: headers, body: request.method == "HEAD" ? Data() : file.body)
        }
    }
}

@Suite struct BasePullerTests {
    static let manifestType = "application/vnd.oci.image.manifest.v1+json"

    /// A registry serving `python:3.12` as an index of the given architectures; returns the layer digests by architecture.
    static func registry(architectures: [String]) -> (FakePublicRegistry, [String: String]) {
        let registry = FakePublicRegistry()
        var layers: [String: String] = [:]
        var entries: [String] = []
        for architecture in architectures {
            let layer = Data("layer for \(architecture)".utf8)
            let layerDigest = registry.add(layer)
            layers[architecture] = layerDigest
            let config = Data(#"{"architecture":"\#(architecture)","os":"linux","config":{"Env":["LAMBDA_TASK_ROOT=/var/task"]},"rootfs":{"type":"layers","diff_ids":["\#(layerDigest)"]}}"#.utf8)
            let configDigest = registry.add(config)
            let manifest = Data(#"{"schemaVersion":2,"mediaType":"\#(manifestType)","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"\#(configDigest)","size":\#(config.count)},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"\#(layerDigest)","size":\#(layer.count)}]}"#.utf8)
            let manifestDigest = registry.add(manifest, manifestType: manifestType)
            let variant = architecture == "arm64" ? #","variant":"v8""# : ""
            entries.append(#"{"mediaType":"\#(manifestType)","digest":"\#(manifestDigest)","size":\#(manifest.count),"platform":{"architecture":"\#(architecture)","os":"linux"\#(variant)}}"#)
        }
        let index = Data(#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[\#(entries.joined(separator: ","))]}"#.utf8)
        registry.add(index, manifestType: "application/vnd.oci.image.index.v1+json", tag: "3.12")
        return (registry, layers)
    }

    static func project(architecture: String) throws -> (URL, PlannedImage) {
        let root = try temporaryFolder()
        let context = root.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: context, withIntermediateDirectories: true)
        try Data("FROM python:3.12\nCOPY app.py /var/task/\nCMD [\"app.handler\"]\n".utf8).write(to: context.appendingPathComponent("Dockerfile"))
        try Data("def handler(e, c):\n    return 1\n".utf8).write(to: context.appendingPathComponent("app.py"))
        let target = BuildTarget(stackPath: "Root", logicalID: "Fn", resourceType: "AWS::Serverless::Function",
                                 templateFile: root.appendingPathComponent("template.yaml").path, line: 3)
        return (root, PlannedImage(target: target, context: context.path, dockerfile: "Dockerfile", arguments: [:], stage: nil,
                                   architecture: architecture, tag: nil))
    }

    static func puller(_ root: URL, _ registry: FakePublicRegistry, sink: RecordingSink = RecordingSink()) -> BasePuller {
        BasePuller(store: BlobStore(root: root.appendingPathComponent(".ferry/blobs").path),
                   folder: root.appendingPathComponent(".ferry/bases"), access: BaseRegistryAccess(transport: registry), sink: sink)
    }

    @Test("python:3.12 is pulled anonymously from Docker Hub with a bearer token; the index resolves to arm64; a second pull only HEADs the tag")
    func pullsOnceWithBearerToken() async throws {
        let (registry, layers) = Self.registry(architectures: ["amd64", "arm64"])
        let (root, image) = try Self.project(architecture: "arm64")
        let pulled = try await Self.puller(root, registry).pull([image], configured: [:])
        let requests = registry.requests
        #expect(requests.first == "HEAD registry-1.docker.io/v2/library/python/manifests/3.12")
        #expect(requests[1] == "GET auth.example.com/token")
        #expect(requests.contains("GET registry-1.docker.io/v2/library/python/blobs/\(try #require(layers["arm64"]))"))
        let amd64 = try #require(layers["amd64"])
        #expect(!requests.contains { $0.hasSuffix(amd64) })

        // The image builds on the pulled arm64 base.
        let store = BlobStore(root: root.appendingPathComponent(".ferry/blobs").path)
        let result = try ImageWriter.build(ImageBuildRequest(
            context: image.context, architecture: "arm64", bases: pulled.bases(for: image, configured: [:]), store: store,
            recordFolder: root.appendingPathComponent(".ferry/images").path,
            output: root.appendingPathComponent(".ferry/build/images/Fn").path))
        #expect(result.blobs.contains(try #require(layers["arm64"])))

        let before = registry.requests.count
        let sink = RecordingSink()
        _ = try await Self.puller(root, registry, sink: sink).pull([image], configured: [:])
        let again = registry.requests.dropFirst(before)
        #expect(again.filter { $0.contains("/v2/") }.allSatisfy { $0.hasPrefix("HEAD ") }, "\(again)")
        #expect(sink.all.compactMap { $0 as? BasePulledEvent }.first?.downloaded == 0)
    }

    @Test("two functions on one base with two architectures ask for the tag once")
    func tagAskedOncePerCommand() async throws {
        let (registry, layers) = Self.registry(architectures: ["amd64", "arm64"])
        let (root, intel) = try Self.project(architecture: "x86_64")
        let graviton = PlannedImage(target: BuildTarget(stackPath: "Root", logicalID: "Arm", resourceType: "AWS::Serverless::Function",
                                                        templateFile: intel.target.templateFile, line: 9),
                                    context: intel.context, dockerfile: "Dockerfile", arguments: [:], stage: nil,
                                    architecture: "arm64", tag: nil)
        let pulled = try await Self.puller(root, registry).pull([intel, graviton], configured: [:])
        #expect(pulled.layouts.count == 2)
        #expect(registry.requests.filter { $0.contains("/manifests/3.12") }.count == 2)  // the 401, then the answer
        let store = BlobStore(root: root.appendingPathComponent(".ferry/blobs").path)
        let amd64 = try #require(layers["amd64"])
        let arm64 = try #require(layers["arm64"])
        #expect(store.contains(amd64) && store.contains(arm64))
    }

    @Test("a base mapped in [images.bases] is not pulled")
    func mappedBaseIsNotPulled() async throws {
        let (registry, _) = Self.registry(architectures: ["amd64"])
        let (root, image) = try Self.project(architecture: "x86_64")
        let pulled = try await Self.puller(root, registry).pull([image], configured: ["python:3.12": "oci:/somewhere"])
        #expect(registry.requests.isEmpty)
        #expect(pulled.bases(for: image, configured: ["python:3.12": "oci:/somewhere"]) == ["python:3.12": "oci:/somewhere"])
    }

    @Test("a base without the function's platform is an error naming both")
    func platformMissing() async throws {
        let (registry, _) = Self.registry(architectures: ["amd64"])
        let (root, image) = try Self.project(architecture: "arm64")
        let error = await #expect(throws: ImageError.self) { try await Self.puller(root, registry).pull([image], configured: [:]) }
        #expect(error?.description.contains("linux/arm64") == true)
        #expect(error?.description.contains("registry-1.docker.io/library/python:3.12") == true)
    }

    @Test("a blob whose bytes do not have its digest fails the pull and is not cached")
    func digestChecked() async throws {
        let (registry, layers) = Self.registry(architectures: ["amd64"])
        registry.corrupt(try #require(layers["amd64"]))
        let (root, image) = try Self.project(architecture: "x86_64")
        let error = await #expect(throws: ImageError.self) { try await Self.puller(root, registry).pull([image], configured: [:]) }
        #expect(error?.description.contains("python:3.12") == true)
        #expect(!BlobStore(root: root.appendingPathComponent(".ferry/blobs").path).contains(try #require(layers["amd64"])))
    }

    @Test("an unreachable registry uses the base pulled before, with a warning; without one the pull fails naming the base")
    func offlineUsesThePreviousPull() async throws {
        let (registry, _) = Self.registry(architectures: ["amd64"])
        let (root, image) = try Self.project(architecture: "x86_64")
        let first = try await Self.puller(root, registry).pull([image], configured: [:])
        let sink = RecordingSink()
        let offline = BasePuller(store: BlobStore(root: root.appendingPathComponent(".ferry/blobs").path),
                                 folder: root.appendingPathComponent(".ferry/bases"),
                                 access: BaseRegistryAccess(transport: UnreachableTransport()), sink: sink)
        let again = try await offline.pull([image], configured: [:])
        #expect(again.layouts == first.layouts)
        #expect(sink.all.contains { $0.level == .warning && $0.message.contains("using the copy pulled before") })

        let (fresh, _) = try Self.project(architecture: "x86_64")
        let never = BasePuller(store: BlobStore(root: fresh.appendingPathComponent(".ferry/blobs").path),
                               folder: fresh.appendingPathComponent(".ferry/bases"),
                               access: BaseRegistryAccess(transport: UnreachableTransport()), sink: RecordingSink())
        let error = await #expect(throws: ImageError.self) { try await never.pull([image], configured: [:]) }
        #expect(error?.description.contains("[images.bases]") == true)
        #expect(error?.isBadInput == false)
    }
}

/// A network that answers nothing.
struct UnreachableTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw TransportError(kind: .cannotConnect, url: request.url, underlying: "connection refused")
    }
}
