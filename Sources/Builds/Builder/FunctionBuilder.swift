// The contract every builder (Python, Node.js, Makefile, custom command, prebuilt zip) fulfils.
import Foundation

/// Turns one function's or layer's source into the files of its deployment package.
///
/// The engine asks for the key inputs first; when the key is cached, `build` is never called.
/// Otherwise `build` fills `staging` (an empty folder the engine owns and removes afterwards) with
/// exactly the files that go into the zip, in their archive layout (a Python layer puts them under
/// `python/`). The engine zips, checks limits and caches.
public protocol FunctionBuilder: Sendable {
    /// A stable name recorded in build keys and the manifest (`python-pip`, `nodejs-npm`).
    var name: String { get }
    /// The builder's version; bump it whenever its output changes for the same inputs.
    var version: String { get }
    /// Everything that determines the output: source files, local dependencies, parameters.
    func keyInputs(for request: BuildRequest) async throws -> BuildKeyInputs
    /// Writes the package's files into `staging`.
    func build(_ request: BuildRequest, into staging: URL) async throws
}

/// A builder whose artifact already exists (a prebuilt `.zip`): the engine uses it as is.
public protocol PrebuiltArtifactProvider: FunctionBuilder {
    /// The existing zip, hashed; its SHA-256 is also the build key.
    func existingArchive(for request: BuildRequest) async throws -> ZipArchive
}
