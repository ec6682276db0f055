// `.ferry/build/images.json`: the images the last build wrote.
import Builds
import Foundation

/// The images of the last `ferry build`, one per image function: what `ferry package`/`up` push
/// and pin (`repository@digest`).
package struct ImageManifest: Sendable, Hashable, Codable {
    /// One built image.
    package struct Entry: Sendable, Hashable, Codable {
        /// `Stack/Path/LogicalID` of the function.
        package var qualifiedName: String
        package var stackPath: String
        package var logicalID: String
        /// `sha256:<hex>` of the manifest.
        package var manifestDigest: String
        /// The config and layer blobs (in `.ferry/blobs`).
        package var blobs: [String]
        /// `DockerTag`, pushed as a tag too.
        package var tag: String?
        /// The OCI layout written for it.
        package var layout: String
    }

    /// The images, by qualified name order.
    package var images: [Entry]

    /// `<project>/.ferry/build/images.json`.
    package static func location(projectRoot: URL) -> URL {
        projectRoot.appendingPathComponent(".ferry/build/images.json")
    }

    /// The manifest at `projectRoot`, or nil when there is none.
    package static func read(projectRoot: URL) throws -> ImageManifest? {
        let url = location(projectRoot: projectRoot)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try JSONDecoder().decode(ImageManifest.self, from: Data(contentsOf: url))
    }

    /// Writes the manifest atomically.
    package func write(projectRoot: URL) throws {
        let url = Self.location(projectRoot: projectRoot)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(JSONValue.canonical(self)).write(to: url, options: .atomic)
    }
}
