// A requirements.txt split into local path packages and everything else, with paths made absolute.
import Foundation

/// The requirements of one build, flattened (`-r` includes inlined) and split into local path
/// requirements (built into wheels by Ferry) and the remaining lines (given to pip unchanged, except
/// that relative `-c` and `-f` paths are made absolute).
struct PipRequirementsPlan: Sendable, Hashable {
    /// A line for pip, or the place of a local requirement (replaced by a direct wheel reference).
    enum Line: Sendable, Hashable {
        case text(String)
        case local(Int)
    }

    /// Lines in file order.
    var lines: [Line] = []
    /// The local path requirements, indexed by `Line.local`.
    var localRequirements: [LocalPathRequirement] = []
    /// Every requirements file read, in reading order (the top file first).
    var files: [String] = []

    /// True when there is nothing to install.
    var isEmpty: Bool {
        !lines.contains { if case .local = $0 { true } else if case let .text(text) = $0 { !text.hasPrefix("-") } else { false } }
    }

    /// Reads `file`; relative local paths are resolved against `templateFolder` (as SAM runs pip
    /// there), `-r`/`-c`/`-f` paths against the including file's folder.
    static func read(file: String, templateFolder: String) throws -> PipRequirementsPlan {
        var plan = PipRequirementsPlan()
        try plan.include(file: file, templateFolder: templateFolder)
        return plan
    }

    private mutating func include(file: String, templateFolder: String) throws {
        guard !files.contains(file) else { return }
        files.append(file)
        let text: String
        do {
            text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
        } catch {
            throw BuildFilesError(.io(operation: "read requirements", path: file, errno: 2))
        }
        let folder = (file as NSString).deletingLastPathComponent
        for (number, logical) in RequirementsFile.parse(text) {
            if let included = Self.optionValue(logical, names: ["-r", "--requirement"]) {
                try include(file: RequirementsFile.normalize(included, base: folder), templateFolder: templateFolder)
            } else if let constraint = Self.optionValue(logical, names: ["-c", "--constraint"]) {
                lines.append(.text("--constraint \(RequirementsFile.normalize(constraint, base: folder))"))
            } else if let links = Self.optionValue(logical, names: ["-f", "--find-links"]) {
                lines.append(.text("--find-links \(Self.absoluteLink(links, folder: folder, templateFolder: templateFolder))"))
            } else if let local = RequirementsFile.localRequirement(logical, line: number, file: file, base: templateFolder) {
                lines.append(.local(localRequirements.count))
                localRequirements.append(local)
            } else {
                lines.append(.text(logical))
            }
        }
    }

    /// The text for pip, with each local requirement replaced by `reference(index)`.
    func render(reference: (Int) -> String) -> String {
        lines.map { line in
            switch line {
            case let .text(text): text
            case let .local(index): reference(index)
            }
        }.joined(separator: "\n") + "\n"
    }

    /// The value of `-x value`, `-x=value`, `--long value` or `--long=value`.
    static func optionValue(_ text: String, names: [String]) -> String? {
        for name in names where text.hasPrefix(name + " ") || text.hasPrefix(name + "=") {
            return String(text.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// URLs stay; a relative path is taken against the requirements file's folder when it exists
    /// there (as pip does), else against the template folder (pip's working folder under SAM).
    private static func absoluteLink(_ value: String, folder: String, templateFolder: String) -> String {
        if value.contains("://") || value.hasPrefix("/") { return value }
        let besideFile = RequirementsFile.normalize(value, base: folder)
        if FileManager.default.fileExists(atPath: besideFile) { return besideFile }
        return RequirementsFile.normalize(value, base: templateFolder)
    }
}
