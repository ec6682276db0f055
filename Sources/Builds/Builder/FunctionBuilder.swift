// The contract every builder (Python, Node.js, makefile, custom command, prebuilt zip) follows.

/// Builds one function or layer into a staging folder whose contents get zipped.
///
/// The build engine uses a builder in two steps:
/// 1. `buildKeyInputs(for:)` reads and hashes files only (it starts no process), so the engine can
///    compute `BuildKey(inputs)` and look the cache up before anything runs;
/// 2. on a miss, `build(_:workFolder:)` fills a folder inside `workFolder` (an empty folder the engine
///    owns and removes afterwards) and returns it; the engine zips it with `DeterministicZip`.
///
/// Builders never print; failures are thrown as `BuilderError` naming the resource and the template.
/// A builder must give identical staged trees (paths, modes, bytes) for identical key inputs, and
/// must change `builderVersion` when its output changes for the same inputs.
package protocol FunctionBuilder: Sendable {
    /// A short stable name recorded in build keys (`python-pip`).
    var builderName: String { get }
    /// The builder's output version, recorded in build keys.
    var builderVersion: String { get }
    /// Everything the artifact depends on, hashed: source tree, manifests, local path dependencies,
    /// runtime, architecture, builder name and version, extra environment. Starts no process.
    func buildKeyInputs(for request: BuildRequest) async throws -> BuildKeyInputs
    /// The files and folders whose content `buildKeyInputs(for:)` reads (source folder, manifests,
    /// local path dependencies), absolute; for watching. Starts no process and hashes nothing.
    func inputPaths(for request: BuildRequest) throws -> [String]
    /// Builds `request` inside `workFolder` and returns the folder to zip.
    func build(_ request: BuildRequest, workFolder: String) async throws -> StagedBuild
}
