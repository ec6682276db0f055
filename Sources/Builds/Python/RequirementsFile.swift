// Reading pip requirements files for local path dependencies.
import Foundation

/// Finds the local path requirements of a pip `requirements.txt`, so their files feed `BuildKey`.
///
/// Recognised forms (after removing comments, `\` continuations, environment markers and `--hash`
/// options): `./pkg`, `../../lib/pkg[a,b]`, `/abs/pkg`, `.`, `-e ./pkg`, `--editable=./pkg`,
/// `file:./pkg`, `file:///abs/pkg#egg=name[a]`, `name[a] @ file:///abs/pkg`. A bare name
/// (`requests>=2`) is not local; pip treats a requirement as a path only when it starts with `.`
/// or `/` or contains a `/`.
///
/// Relative paths are resolved against `base`: pip resolves them against its working directory, and
/// SAM runs the build with the working directory at the template's folder, so pass the folder of the
/// template that declares the function (not the requirements file's folder). Nested `-r other.txt`
/// files are relative to the including file, as pip does, and are followed.
package enum RequirementsFile {
    /// The local path requirements of the file at `path`, resolving relative paths against `base`.
    package static func localPathRequirements(inFile path: String, base: String) throws -> [LocalPathRequirement] {
        var visited: Set<String> = []
        return try collect(file: normalize(path, base: currentDirectory()), base: base, visited: &visited)
    }

    /// The local path requirements in `text` (from `file`, used in messages and for `-r` includes).
    package static func localPathRequirements(inText text: String, file: String, base: String) -> [LocalPathRequirement] {
        parse(text).compactMap { localRequirement($0.text, line: $0.line, file: file, base: base) }
    }

    /// Logical lines: comments removed, `\` continuations joined, blank lines dropped.
    package static func parse(_ text: String) -> [(line: Int, text: String)] {
        var result: [(line: Int, text: String)] = []
        var pending = ""
        var pendingLine = 0
        // Split on the byte 0x0A: Swift reads "\r\n" as one Character, so CRLF files need this.
        let rawLines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        for (index, raw) in rawLines.enumerated() {
            var line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            line = stripComment(line)
            if pending.isEmpty { pendingLine = index + 1 }
            if line.hasSuffix("\\") {
                pending += String(line.dropLast())
                continue
            }
            let logical = (pending + line).trimmingCharacters(in: .whitespaces)
            pending = ""
            if !logical.isEmpty { result.append((line: pendingLine, text: logical)) }
        }
        let rest = pending.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { result.append((line: pendingLine, text: rest)) }
        return result
    }

    private static func collect(file: String, base: String, visited: inout Set<String>) throws -> [LocalPathRequirement] {
        guard visited.insert(file).inserted else { return [] }
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let text = String(decoding: data, as: UTF8.self)
        var found: [LocalPathRequirement] = []
        let folder = parentFolder(file)
        for (line, logical) in parse(text) {
            if let include = includedFile(logical) {
                found += try collect(file: normalize(include, base: folder), base: base, visited: &visited)
            } else if let requirement = localRequirement(logical, line: line, file: file, base: base) {
                found.append(requirement)
            }
        }
        return found
    }

    private static func includedFile(_ text: String) -> String? {
        for option in ["-r", "--requirement"] {
            if text.hasPrefix(option + " ") || text.hasPrefix(option + "=") {
                return String(text.dropFirst(option.count + 1)).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The local requirement on one logical line, or nil when the line is something else.
    static func localRequirement(_ text: String, line: Int, file: String, base: String) -> LocalPathRequirement? {
        var body = text
        var editable = false
        for option in ["-e", "--editable"] where body.hasPrefix(option + " ") || body.hasPrefix(option + "=") {
            editable = true
            body = String(body.dropFirst(option.count + 1)).trimmingCharacters(in: .whitespaces)
        }
        if body.hasPrefix("-") { return nil } // other options (-i, -c, -f, --hash ...)
        // Drop trailing options (`--hash=...`) and environment markers.
        if let option = body.range(of: " --") { body = String(body[..<option.lowerBound]) }
        if let marker = body.firstIndex(of: ";") { body = String(body[..<marker]) }
        body = body.trimmingCharacters(in: .whitespaces)
        var name: String?
        if let at = body.range(of: " @ ") ?? body.range(of: "@ ") {
            let head = body[..<at.lowerBound].trimmingCharacters(in: .whitespaces)
            let (bare, extras) = splitExtras(head)
            name = bare
            body = String(body[at.upperBound...]).trimmingCharacters(in: .whitespaces)
            guard let location = fileLocation(body) else { return nil }
            let (path, fragmentExtras) = splitFragment(location)
            return LocalPathRequirement(path: normalize(path, base: base), extras: extras + fragmentExtras.extras,
                                        name: name, isEditable: editable, file: file, line: line)
        }
        var location: String
        if let url = fileLocation(body) {
            location = url
        } else if body == "." || body.hasPrefix("./") || body.hasPrefix("../") || body.hasPrefix("/") || body == ".."
                    || (body.contains("/") && !body.contains("://")) {
            location = body
        } else {
            return nil
        }
        let fragment = splitFragment(location)
        location = fragment.path
        name = fragment.extras.name
        let (path, extras) = splitExtras(location)
        return LocalPathRequirement(path: normalize(path, base: base), extras: extras + fragment.extras.extras,
                                    name: name, isEditable: editable, file: file, line: line)
    }

    /// `file:` URL → path (percent-decoded); nil when not a `file:` URL.
    private static func fileLocation(_ text: String) -> String? {
        guard text.hasPrefix("file:") else { return nil }
        var rest = String(text.dropFirst(5))
        if rest.hasPrefix("//") {
            rest = String(rest.dropFirst(2))
            if rest.hasPrefix("localhost/") { rest = String(rest.dropFirst(9)) }
        }
        return rest.removingPercentEncoding ?? rest
    }

    /// Splits `path#egg=name[extras]` into the path and the fragment's name and extras.
    private static func splitFragment(_ text: String) -> (path: String, extras: (name: String?, extras: [String])) {
        guard let hash = text.firstIndex(of: "#") else { return (text, (nil, [])) }
        let path = String(text[..<hash])
        let fragment = text[text.index(after: hash)...]
        guard let egg = fragment.split(separator: "&").first(where: { $0.hasPrefix("egg=") }) else { return (path, (nil, [])) }
        let (name, extras) = splitExtras(String(egg.dropFirst(4)))
        return (path, (name, extras))
    }

    /// Splits `thing[a, b]` into `thing` and `["a", "b"]`.
    static func splitExtras(_ text: String) -> (String, [String]) {
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "[") else { return (text, []) }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let extras = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return (String(text[..<open]).trimmingCharacters(in: .whitespaces), extras)
    }

    private static func stripComment(_ line: String) -> String {
        if line.hasPrefix("#") { return "" }
        var previous: Character = " "
        for index in line.indices {
            if line[index] == "#" && (previous == " " || previous == "\t") { return String(line[..<index]) }
            previous = line[index]
        }
        return line
    }

    /// `path` made absolute against `base` with `.` and `..` removed lexically.
    static func normalize(_ path: String, base: String) -> String {
        let absoluteBase = base.hasPrefix("/") ? base : currentDirectory() + "/" + base
        let joined = path.hasPrefix("/") ? path : absoluteBase + "/" + path
        var parts: [Substring] = []
        for component in joined.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(component)
        }
        return "/" + parts.joined(separator: "/")
    }

    private static func parentFolder(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    private static func currentDirectory() -> String { FileManager.default.currentDirectoryPath }
}
