// Zipping a staged build: the folder's files, plus the parts' entries copied.

extension StagedBuild {
    /// Writes the artifact's deterministic zip to `destination`: the folder's files (all of them when
    /// `zipsAsLeft`, else without what `IgnoreRules.always` names) compressed, and each part's entries
    /// copied as they are. Byte for byte the zip of one folder holding the parts' files with the
    /// staged folder copied over them.
    package func writeZip(to destination: String) throws -> ZipArchive {
        let tree = try FileTree.scan(folder, rules: zipsAsLeft ? IgnoreRules() : .always, readIgnoreFile: false)
        return try DeterministicZip().write(entries: tree.entries, parts: parts, to: destination)
    }
}
