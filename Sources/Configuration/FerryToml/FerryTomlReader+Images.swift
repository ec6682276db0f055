import Foundation

extension FerryTomlReader {
    /// `[images]`: `repository`, `[images.repositories]` and `[images.bases]`.
    func readImages(_ table: [String: TOMLNode], _ v: inout TableValidator) -> ImageSettings {
        let path = KeyPath(["images"])
        v.rejectUnknownKeys(in: table, at: path, allowed: FerryTomlSchema.imageKeys)
        var settings = ImageSettings()
        settings.repository = v.string("repository", in: table, at: path)
        for pair in v.keyValues("repositories", in: table, at: path, allowArrays: false) {
            settings.repositories[pair.key] = pair.value
        }
        for pair in v.keyValues("bases", in: table, at: path, allowArrays: false) {
            var location = pair.value.hasPrefix("oci:") ? String(pair.value.dropFirst(4)) : pair.value
            if !location.hasPrefix("/") { location = directory.appendingPathComponent(location).standardizedFileURL.path }
            settings.bases[pair.key] = "oci:" + location
        }
        return settings
    }
}
