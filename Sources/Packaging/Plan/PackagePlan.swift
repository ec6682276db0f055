import Builds
import Foundation
import Templates

/// What `ferry package` does, as a value: every object to upload (named by content), every
/// property rewritten, and every packaged template, children before parents.
///
/// Keys are `<prefix>/<sha256>.<ext>`: built zips by their zip hash, files by their bytes (extension
/// kept), folders by the hash of their deterministic zip, and templates (`.template`) by the hash of
/// their packaged bytes. Nested templates are packaged bottom-up, so a change deep down changes the
/// key of every ancestor's template and nothing else.
package struct PackagePlan: Sendable {
    /// Where everything goes.
    package let store: ArtifactStore
    /// The objects, one per key, in plan order (children's artifacts first, each template after its artifacts).
    package let uploads: [PlannedUpload]
    /// Every packaged template, bottom-up: the root's is last.
    package let stacks: [PackagedStack]
    /// Every property written with an S3 location.
    package let rewrites: [RewrittenProperty]
    /// The build manifest with `s3Key` set on every artifact packaged (nil without a manifest).
    package let manifest: BuildManifest?

    /// A plan from its parts; `stacks` must not be empty.
    package init(store: ArtifactStore, uploads: [PlannedUpload], stacks: [PackagedStack], rewrites: [RewrittenProperty],
                manifest: BuildManifest?) {
        self.store = store
        self.uploads = uploads
        self.stacks = stacks
        self.rewrites = rewrites
        self.manifest = manifest
    }

    /// The root stack's packaged template.
    package var root: PackagedStack? { stacks.last }

    /// The packaged template of `stackPath`.
    package func stack(_ stackPath: String) -> PackagedStack? { stacks.first { $0.stackPath == stackPath } }

    /// The sum of every upload's size.
    package var totalBytes: UInt64 { uploads.reduce(0) { $0 + $1.size } }

    /// Plans the packaging of `tree`.
    ///
    /// - Parameters:
    ///   - manifest: the build manifest; functions and layers with a local folder need an entry.
    ///   - store: the bucket, prefix and URL form.
    ///   - stagingDirectory: where folders are zipped (`.ferry/package/staging`).
    /// - Throws: ``PackagingError`` (`notBuilt` when a function was not built, unreadable files, ...).
    package static func make(tree: TemplateTree, manifest: BuildManifest?, store: ArtifactStore,
                            stagingDirectory: URL, imageURIs: [String: String] = [:]) throws -> PackagePlan {
        var planner = PackagePlanner(manifest: manifest, store: store, staging: stagingDirectory)
        planner.imageURIs = imageURIs
        for node in tree.bottomUp { try planner.package(node) }
        return planner.plan()
    }
}
