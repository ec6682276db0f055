// Everything that goes into a build key, and its canonical encoding.

/// The inputs of one build; `canonicalEncoding()` is what `BuildKey` hashes.
///
/// Encoding, version 1 (bytes, `\n`-terminated lines, every string written as `<UTF-8 byte count>:<bytes>`
/// so no value can be confused with a separator):
/// ```
/// ferry-build-key 1
/// builder <name> <version>
/// runtime <runtime>
/// architecture <architecture>
/// parameter <key> <value>                  one line per parameter, sorted bytewise by key
/// source <file count>
/// file <relative path> <x|-> <sha256 hex>  one line per file, sorted bytewise by path
/// dependency <name> <file count>           one block per dependency (this line and its file lines),
/// file <relative path> <x|-> <sha256 hex>  blocks sorted bytewise by their encoding
/// end
/// ```
/// `x` means some execute bit is set. Paths are relative to their folder; absolute folders, file
/// times, owners and other mode bits are not encoded, and enumeration order does not matter.
package struct BuildKeyInputs: Sendable, Hashable {
    /// A local dependency's name and hashed files.
    package struct Dependency: Sendable, Hashable {
        /// The dependency's name.
        package var name: String
        /// Its hashed files.
        package var files: [HashedFile]

        /// A hashed dependency.
        package init(name: String, files: [HashedFile]) {
            self.name = name
            self.files = files
        }
    }

    /// The builder's name (e.g. `python-pip`).
    package var builder: String
    /// The builder's version; bump it when a builder's output changes for the same inputs.
    package var builderVersion: String
    /// The Lambda runtime (e.g. `python3.12`).
    package var runtime: String
    /// The architecture (`x86_64` or `arm64`).
    package var architecture: String
    /// Extra build parameters (environment, flags) that change the output.
    package var parameters: [String: String]
    /// The hashed files of the source folder.
    package var sourceFiles: [HashedFile]
    /// The hashed files of each local path dependency.
    package var dependencies: [Dependency]

    /// Build inputs.
    package init(builder: String, builderVersion: String, runtime: String, architecture: String,
                parameters: [String: String] = [:], sourceFiles: [HashedFile], dependencies: [Dependency] = []) {
        self.builder = builder
        self.builderVersion = builderVersion
        self.runtime = runtime
        self.architecture = architecture
        self.parameters = parameters
        self.sourceFiles = sourceFiles
        self.dependencies = dependencies
    }

    /// The exact bytes hashed into a `BuildKey` (see the type's documentation).
    package func canonicalEncoding() -> [UInt8] {
        var out: [UInt8] = []
        out.appendText("ferry-build-key 1\n")
        out.appendText("builder ")
        out.appendField(builder)
        out.appendText(" ")
        out.appendField(builderVersion)
        out.appendText("\nruntime ")
        out.appendField(runtime)
        out.appendText("\narchitecture ")
        out.appendField(architecture)
        out.appendText("\n")
        for key in parameters.keys.sorted(by: utf8Precedes) {
            out.appendText("parameter ")
            out.appendField(key)
            out.appendText(" ")
            out.appendField(parameters[key] ?? "")
            out.appendText("\n")
        }
        out.appendText("source \(sourceFiles.count)\n")
        Self.appendFiles(sourceFiles, to: &out)
        let blocks = dependencies.map { dependency -> [UInt8] in
            var block: [UInt8] = []
            block.appendText("dependency ")
            block.appendField(dependency.name)
            block.appendText(" \(dependency.files.count)\n")
            Self.appendFiles(dependency.files, to: &block)
            return block
        }
        for block in blocks.sorted(by: { $0.lexicographicallyPrecedes($1) }) { out.append(contentsOf: block) }
        out.appendText("end\n")
        return out
    }

    private static func appendFiles(_ files: [HashedFile], to out: inout [UInt8]) {
        for file in files.sorted(by: { utf8Precedes($0.entry.relativePath, $1.entry.relativePath) }) {
            out.appendText("file ")
            out.appendField(file.entry.relativePath)
            out.appendText(file.entry.isExecutable ? " x " : " - ")
            out.appendText(file.sha256.hex)
            out.appendText("\n")
        }
    }
}

extension Array where Element == UInt8 {
    mutating func appendText(_ text: String) { append(contentsOf: text.utf8) }

    /// `<byte count>:<bytes>`
    mutating func appendField(_ text: String) {
        appendText("\(text.utf8.count):")
        append(contentsOf: text.utf8)
    }
}
