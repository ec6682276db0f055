// Builders whose artifact already exists.

/// A builder whose artifact already exists (a prebuilt `.zip`): the engine uses it as is and never
/// calls `build`.
package protocol PrebuiltArtifactProvider: FunctionBuilder {
    /// The existing zip, hashed, with its sizes; its SHA-256 is also the build key.
    func existingArchive(for request: BuildRequest) async throws -> ZipArchive
}
