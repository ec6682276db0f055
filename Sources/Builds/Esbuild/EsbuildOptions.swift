// SAM's `Metadata.BuildProperties` for `BuildMethod: esbuild`, as esbuild command-line flags.
import Templates

/// The esbuild settings of one function, read from `Metadata.BuildProperties` the way SAM CLI
/// reads them, and the flags they become.
///
/// SAM always passes `--bundle --platform=node --outdir=<artifacts>`, adds `--target=es2020`,
/// `--format=cjs` and `--minify` unless `Target`, `Format` or `Minify` say otherwise, then:
/// - booleans `Minify`, `Sourcemap` → `--minify`, `--sourcemap` when true;
/// - single values `Target`, `Format`, `MainFields`, `SourcesContent` → `--target=es2022`
///   (a list for `MainFields` is joined with commas);
/// - lists `External`, `Loader`, `OutExtension`, `Banner`, `Footer` → one `--external:x` per item
///   (`Loader: [".png=file"]` → `--loader:.png=file`; `Banner: ["js=// x"]` → `--banner:js=// x`).
/// `EntryPoints` (required, relative to `CodeUri`) are passed last, each with `.ts` or `.js` added
/// when written without an extension (`.ts` first, as SAM does).
package struct EsbuildOptions: Sendable, Hashable {
    /// The entry points as written, relative to the source folder.
    package var entryPoints: [String]
    /// Every flag but the entry points, in a fixed order.
    package var flags: [String]
    /// Keys of `BuildProperties` that are not esbuild settings (reported, not used).
    package var unusedKeys: [String]

    /// Why `BuildProperties` cannot be used: a detail, not a stage's error. The planner reports it
    /// as ``BuildPlanError`` (with the template line), the esbuild builder as ``BuilderError``.
    package struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// The key (`EntryPoints`), or nil for the whole section.
        package var key: String?
        /// What is wrong.
        package var description: String
    }

    static let booleans = ["Minify", "Sourcemap"]
    static let singles = ["Target", "Format", "MainFields", "SourcesContent"]
    static let lists = ["External", "Loader", "OutExtension", "Banner", "Footer"]

    /// Reads `properties` (nil when the function has none: then `EntryPoints` is missing).
    package init(properties: TemplateMap?) throws(Problem) {
        guard let properties else {
            throw Problem(key: "EntryPoints", description: "BuildMethod esbuild needs Metadata.BuildProperties.EntryPoints "
                          + "(for example EntryPoints: [app.ts])")
        }
        guard let entries = properties["EntryPoints"] else {
            throw Problem(key: "EntryPoints", description: "Metadata.BuildProperties has no EntryPoints "
                          + "(for example EntryPoints: [app.ts])")
        }
        let points = try Self.strings(entries, key: "EntryPoints")
        guard !points.isEmpty else { throw Problem(key: "EntryPoints", description: "EntryPoints is empty") }
        entryPoints = points
        var flags = ["--bundle", "--platform=node"]
        if properties["Target"] == nil { flags.append("--target=es2020") }
        if properties["Format"] == nil { flags.append("--format=cjs") }
        if properties["Minify"] == nil { flags.append("--minify") }
        for key in Self.booleans {
            guard let value = properties[key] else { continue }
            guard let flag = value.boolValue else {
                throw Problem(key: key, description: "\(key) must be true or false")
            }
            if flag { flags.append("--\(Self.kebab(key))") }
        }
        for key in Self.singles {
            guard let value = properties[key] else { continue }
            let text: String
            if let scalar = value.scalarText { text = scalar } else { text = try Self.strings(value, key: key).joined(separator: ",") }
            flags.append("--\(Self.kebab(key))=\(text)")
        }
        for key in Self.lists {
            guard let value = properties[key] else { continue }
            for item in try Self.strings(value, key: key) { flags.append("--\(Self.kebab(key)):\(item)") }
        }
        self.flags = flags
        let known = Set(["EntryPoints"] + Self.booleans + Self.singles + Self.lists)
        unusedKeys = properties.keys.filter { !known.contains($0) }
    }

    /// A string or a list of scalars.
    private static func strings(_ value: TemplateValue, key: String) throws(Problem) -> [String] {
        if let text = value.scalarText { return [text] }
        guard let list = value.listValue else {
            throw Problem(key: key, description: "\(key) must be a string or a list of strings")
        }
        var result: [String] = []
        for item in list {
            guard let text = item.scalarText else {
                throw Problem(key: key, description: "\(key) must be a list of strings")
            }
            result.append(text)
        }
        return result
    }

    /// `MainFields` → `main-fields`, `OutExtension` → `out-extension`.
    static func kebab(_ key: String) -> String {
        var result = ""
        for (index, character) in key.enumerated() {
            if character.isUppercase, index > 0 { result.append("-") }
            result.append(contentsOf: character.lowercased())
        }
        return result
    }

    /// The key text of these options, for build keys.
    package var keyText: String { (flags + ["--"] + entryPoints).joined(separator: "\u{1F}") }
}
