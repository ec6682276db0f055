// Base images not mapped in `[images.bases]`, pulled once into the blob cache from their registry.
import AWSCore
import AWSServices
import Builds
import Foundation
import Hotswap
import Reporting

/// How base images are pulled: the HTTP transport, and ECR (for `<account>.dkr.ecr.…` bases) when
/// the command has an AWS session.
package struct BaseRegistryAccess: Sendable {
    /// The transport registry requests go through.
    package var transport: any HTTPTransport
    /// ECR, for its registry credentials (`GetAuthorizationToken`); nil without AWS credentials.
    package var ecr: ECR?

    /// Access through `transport`, with ECR's credentials when `ecr` is given.
    package init(transport: any HTTPTransport = URLSessionTransport(), ecr: ECR? = nil) {
        self.transport = transport
        self.ecr = ecr
    }
}

/// The bases pulled for a build: `reference` + architecture → `oci:<layout>` (in `.ferry/bases/`).
struct PulledBases: Sendable {
    var layouts: [String: String] = [:]

    static func key(_ reference: String, _ architecture: String) -> String {
        "\(reference)|\(PlatformSelector.ociArchitecture(architecture))"
    }

    /// `configured` with the pulled bases of `image`'s architecture added.
    func bases(for image: PlannedImage, configured: [String: String]) -> [String: String] {
        var bases = configured
        let suffix = "|\(PlatformSelector.ociArchitecture(image.architecture))"
        for (key, layout) in layouts where key.hasSuffix(suffix) { bases[String(key.dropLast(suffix.count))] = layout }
        return bases
    }
}

/// Pulls every base the images build on that `[images.bases]` does not map: one `HEAD` of the
/// tag's manifest per base and run (its digest is part of the build key), then only what the
/// blob cache lacks (the manifest, an index resolved to the function's platform, the config and
/// layers, each checked against its digest). A digest reference already cached needs no request.
struct BasePuller: Sendable {
    let store: BlobStore
    /// `.ferry/bases`: one layout per base and platform.
    let folder: URL
    let access: BaseRegistryAccess
    let sink: any EventSink

    /// The layouts of the bases `images` need and `configured` does not map.
    /// - Throws: `ImageError` (a platform the base lacks, a failed pull).
    func pull(_ images: [PlannedImage], configured: [String: String]) async throws -> PulledBases {
        var pulled = PulledBases()
        var clients: [String: RegistryClient] = [:]
        var resolved: [String: String] = [:]  // tag → digest, asked once per command
        for image in images {
            let dockerfile = image.buildMethod == nil ? joinedPath(image.context, image.dockerfile) : image.context
            for reference in try ImageWriter.baseReferences(of: image) {
                let key = PulledBases.key(reference, image.architecture)
                guard configured[reference] == nil, pulled.layouts[key] == nil else { continue }
                guard let parsed = ImageReference(reference) else {
                    throw ImageError.pullFailed(base: reference, file: dockerfile, message: "it is not an image reference")
                }
                let layout = folder.appendingPathComponent(String(ContentHash.hex(key).prefix(32))).path
                do {
                    let client = try await client(for: parsed, cache: &clients)
                    resolved[reference] = try await pull(parsed, architecture: image.architecture, client: client, into: layout,
                                                         resolved: resolved[reference])
                } catch let error as ImageError {
                    throw error
                } catch let error as TransportError where (try? OCILayout.open(layout, tag: nil, architecture: PlatformSelector.ociArchitecture(image.architecture))) != nil {
                    sink.emit(BasePulledEvent(base: reference, digest: nil, downloaded: 0, bytes: 0,
                                              note: "registry unreachable (\(error)); using the copy pulled before"))
                } catch {
                    throw ImageError.pullFailed(base: reference, file: dockerfile, message: FailurePresenter.present(error).message)
                }
                pulled.layouts[key] = "oci:\(layout)"
            }
        }
        return pulled
    }

    /// Resolves `reference` for `architecture` (its tag already resolved to `resolved` when this
    /// command asked before) and writes its layout at `layout`; returns the digest the reference names.
    private func pull(_ reference: ImageReference, architecture: String, client: RegistryClient, into layout: String,
                      resolved: String?) async throws -> String {
        let name = reference.description
        var digest = reference.digest ?? resolved
        if digest == nil {
            digest = try await client.manifestDigest(repository: reference.repository, reference: reference.reference)
        }
        var downloaded = 0
        var bytes: Int64 = 0
        func fetchManifest(_ wanted: String?) async throws -> (digest: String, bytes: [UInt8]) {
            if let wanted, store.contains(wanted) { return (wanted, try store.read(wanted)) }
            let fetched = try await client.manifest(repository: reference.repository, reference: wanted ?? reference.reference)
            try store.put(Array(fetched.bytes), expecting: fetched.digest)
            downloaded += 1
            bytes += Int64(fetched.bytes.count)
            return (fetched.digest, Array(fetched.bytes))
        }
        var manifest = try await fetchManifest(digest)
        let top = manifest.digest
        var parsed = try JSONValue.parse(manifest.bytes, what: "the manifest of \(name)")
        if PlatformSelector.isIndex(parsed["mediaType"]?.string) || (parsed["manifests"] != nil && parsed["layers"] == nil) {
            let platform = try PlatformSelector.manifestDigest(index: manifest.bytes, architecture: architecture, base: name)
            manifest = try await fetchManifest(platform)
            parsed = try JSONValue.parse(manifest.bytes, what: "the manifest of \(name)")
        }
        guard let config = parsed["config"]?["digest"]?.string else {
            throw BasePullProblem(description: "its manifest \(manifest.digest) has no config")
        }
        let blobs = [config] + (parsed["layers"]?.array ?? []).compactMap { $0["digest"]?.string }
        for blob in blobs where !store.contains(blob) {
            let data = try await client.blob(repository: reference.repository, digest: blob)
            try store.put(Array(data), expecting: blob)
            downloaded += 1
            bytes += Int64(data.count)
        }
        try store.writeLayout(to: layout, manifestDigest: manifest.digest, blobs: blobs)
        sink.emit(BasePulledEvent(base: name, digest: top, downloaded: downloaded, bytes: bytes, note: nil))
        return top
    }

    /// The registry client of `reference`'s registry: ECR's Basic credentials for an ECR host, else anonymous.
    private func client(for reference: ImageReference, cache: inout [String: RegistryClient]) async throws -> RegistryClient {
        if let known = cache[reference.registry] { return known }
        let client: RegistryClient
        if reference.isECR {
            guard let ecr = access.ecr else {
                throw BasePullProblem(description: "an ECR base needs AWS credentials (the environment's region and profile)")
            }
            var authorization = try await ecr.authorization()
            // ECR's token is valid for every registry the caller may read; the proxy endpoint is the
            // caller's own (or a local emulator's, which serves every account).
            let proxyHost = authorization.endpoint.host ?? ""
            if proxyHost != reference.registry, proxyHost.hasSuffix(".amazonaws.com") || proxyHost.hasSuffix(".amazonaws.com.cn"),
               let url = URL(string: reference.endpoint) {
                authorization.endpoint = url
            }
            client = RegistryClient(authorization, transport: access.transport)
        } else {
            guard let url = URL(string: reference.endpoint) else {
                throw BasePullProblem(description: "its registry host is not valid")
            }
            client = RegistryClient(anonymous: url, transport: access.transport)
        }
        cache[reference.registry] = client
        return client
    }

    private func joinedPath(_ folder: String, _ file: String) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent(file).path
    }
}

/// Why a pull cannot go on (reported as `ImageError.pullFailed` with the Dockerfile).
struct BasePullProblem: Error, CustomStringConvertible {
    let description: String
}

/// A base image resolved (and whatever the blob cache lacked downloaded).
package struct BasePulledEvent: FerryEvent {
    package let base: String
    /// The digest the reference resolved to (nil when the registry was not reached).
    package let digest: String?
    package let downloaded: Int
    package let bytes: Int64
    package let note: String?

    package var kind: String { "build.base" }
    package var level: EventLevel { note == nil ? .info : .warning }
    package var message: String {
        if let note { return "base \(base): \(note)" }
        let at = digest.map { " \($0.prefix(19))" } ?? ""
        return downloaded == 0 ? "base \(base)\(at): cached"
            : "base \(base)\(at): pulled \(downloaded) blob(s), \(StorageCost.formatted(bytes: bytes))"
    }
}
