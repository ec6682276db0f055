// What a builder hands back: a folder to zip.

/// The result of a build: a folder whose contents, as they are, become the zip.
///
/// For a layer the builder has already placed files under the runtime's folder (`python/...`), so
/// the zip is written without a prefix: `DeterministicZip().write(FileTree.scan(folder, rules: .always,
/// readIgnoreFile: false), to: ...)`.
package struct StagedBuild: Sendable, Hashable {
    /// The folder to zip (inside the work folder the caller passed to `build`).
    package var folder: String
    /// Things worth telling the user that are not errors (e.g. which interpreter was used).
    package var notes: [String]
    /// True when the folder is zipped exactly as the build tool left it (a Makefile or custom
    /// command's `ARTIFACTS_DIR`, byte-code included, as SAM does); false to leave out what
    /// `IgnoreRules.always` names (`__pycache__`, `*.pyc`, ...).
    package var zipsAsLeft: Bool
    /// Entries already compressed (a shared dependency tree) that go into the zip with the folder's
    /// files; a file of the folder replaces a part's entry of the same path. Empty for most builders.
    package var parts: [ArchivePart]
    /// The keys of the shared dependency trees the parts came from (`.ferry/deps/<key>`), recorded
    /// with the build so the remote build cache can share them too.
    package var dependencyTrees: [String] = []

    /// A staged build.
    package init(folder: String, notes: [String] = [], zipsAsLeft: Bool = false, parts: [ArchivePart] = []) {
        self.folder = folder
        self.notes = notes
        self.zipsAsLeft = zipsAsLeft
        self.parts = parts
    }
}
