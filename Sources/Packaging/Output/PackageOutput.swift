import Builds
import Foundation

/// Writes the packaged templates and the updated build manifest under `<project>/.ferry/`.
///
/// Layout: `.ferry/package/packaged.yaml` is the root's packaged template; every stack's template is
/// also at `.ferry/package/stacks/<StackPath>.template` (`Root.template`, `Root/Pattern2Stack.template`);
/// `.ferry/package/package.json` names the root template's key and URL; the build manifest
/// (`.ferry/build/manifest.json`) gets the `s3Key` of every artifact. Every file is written atomically.
package enum PackageOutput {
    /// The root packaged template: `<project>/.ferry/package/packaged.yaml`.
    package static func packagedTemplate(projectRoot: URL) -> URL {
        projectRoot.appendingPathComponent(".ferry/package/packaged.yaml")
    }

    /// A stack's packaged template: `<project>/.ferry/package/stacks/<StackPath>.template`.
    package static func stackTemplate(projectRoot: URL, stackPath: String) -> URL {
        projectRoot.appendingPathComponent(".ferry/package/stacks/\(stackPath).template")
    }

    /// The summary: `<project>/.ferry/package/package.json`.
    package static func summary(projectRoot: URL) -> URL {
        projectRoot.appendingPathComponent(".ferry/package/package.json")
    }

    /// The folder where the packager zips folders: `<project>/.ferry/package/staging`.
    package static func stagingDirectory(projectRoot: URL) -> URL {
        projectRoot.appendingPathComponent(".ferry/package/staging", isDirectory: true)
    }

    /// What `package.json` holds.
    package struct Summary: Sendable, Codable, Equatable {
        /// The bucket.
        package var bucket: String
        /// The root template's key.
        package var templateKey: String
        /// The root template's URL (for `TemplateURL` when the body is over 51,200 bytes).
        package var templateURL: String
        /// Every stack's template key, by stack path.
        package var stackKeys: [String: String]
        /// The root packaged template's size in bytes.
        package var templateSize: Int
    }

    /// Writes every file of `plan`.
    /// - Returns: the root packaged template's file.
    @discardableResult
    package static func write(_ plan: PackagePlan, projectRoot: URL) throws -> URL {
        for stack in plan.stacks {
            try atomicWrite(stack.body, to: stackTemplate(projectRoot: projectRoot, stackPath: stack.stackPath))
        }
        let rootURL = packagedTemplate(projectRoot: projectRoot)
        if let root = plan.root {
            try atomicWrite(root.body, to: rootURL)
            let info = Summary(
                bucket: plan.store.bucket, templateKey: root.key, templateURL: root.templateURL,
                stackKeys: Dictionary(plan.stacks.map { ($0.stackPath, $0.key) }, uniquingKeysWith: { first, _ in first }),
                templateSize: root.body.count)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try atomicWrite(encoder.encode(info) + Data("\n".utf8), to: summary(projectRoot: projectRoot))
        }
        if let manifest = plan.manifest {
            try manifest.write(to: BuildManifest.location(projectRoot: projectRoot))
        }
        return rootURL
    }

    /// Writes `data` to a temporary sibling, then renames it into place.
    static func atomicWrite(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
