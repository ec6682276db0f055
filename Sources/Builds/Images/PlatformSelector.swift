// Choosing the single-platform manifest of an image index for a function's architecture.

/// Lambda runs single-platform images: an image index (OCI index or Docker manifest list) is
/// resolved to the manifest for `linux/amd64` (`x86_64`) or `linux/arm64` (variant `v8` or none).
package enum PlatformSelector {
    /// Whether `mediaType` is an image index or manifest list.
    package static func isIndex(_ mediaType: String?) -> Bool {
        guard let mediaType else { return false }
        return OCILayout.indexTypes.contains(mediaType)
    }

    /// The OCI architecture of Lambda's `Architectures` value (`x86_64` → `amd64`).
    package static func ociArchitecture(_ lambda: String) -> String { lambda == "x86_64" ? "amd64" : lambda }

    /// The digest of the manifest in `index` (its JSON bytes) for `architecture` (`amd64`, `arm64`).
    /// - Throws: `ImageError` naming the base and the platform when the index has none for it.
    package static func manifestDigest(index: [UInt8], architecture: String, base: String) throws -> String {
        let parsed = try JSONValue.parse(index, what: "the image index of \(base)")
        let wanted = ociArchitecture(architecture)
        let entries = parsed["manifests"]?.array ?? []
        let matching = entries.filter { entry in
            let platform = entry["platform"]
            guard platform?["architecture"]?.string == wanted, (platform?["os"]?.string ?? "linux") == "linux" else { return false }
            let variant = platform?["variant"]?.string
            return wanted != "arm64" || variant == nil || variant == "v8"
        }
        guard let digest = matching.first?["digest"]?.string else {
            let available = entries.compactMap { entry -> String? in
                guard let platform = entry["platform"], let architecture = platform["architecture"]?.string else { return nil }
                return [platform["os"]?.string ?? "?", architecture, platform["variant"]?.string].compactMap { $0 }.joined(separator: "/")
            }
            throw ImageError(.platformMissing(base: base, platform: "linux/\(wanted)" + (wanted == "arm64" ? "/v8" : ""),
                                              available: available))
        }
        return digest
    }
}
