// The key of an installed dependency tree: everything that decides what pip installs, nothing of this machine.
import Crypto
import Foundation

/// Names one installed dependency tree (`.ferry/deps/<key>/`).
///
/// It hashes what decides the installed files: the requirements' resolved content (every line in
/// order; a `-c` constraints file and a local `--find-links` folder by their content, a local package
/// by its wheel's name, SHA-256 and extras), the target (Python version, architecture and the exact
/// platform tags pip is given), the interpreter that runs pip (by version, exactness and this
/// platform, never by path), pip, setuptools and wheel versions, pip's settings (`PIP_*` variables,
/// the content of pip's configuration files, `SOURCE_DATE_EPOCH`, the request's extra environment)
/// and the normaliser's version. Paths are relative to the template folder, so the same project on
/// another machine or in another folder gives the same key.
struct PythonDependencyKey: Sendable, Hashable {
    /// Bumped when the installed tree changes for the same inputs (pip options, normalisation).
    static let version = "1"

    /// The lines hashed (readable, for tests and debugging).
    let lines: [String]
    /// For each line naming a local package: the plan index of that requirement.
    let localRequirementByLine: [Int: Int]

    /// The key's SHA-256, hex.
    var hex: String {
        let text = lines.map { $0.replacingOccurrences(of: "\n", with: "\\n") }.joined(separator: "\n")
        return SHA256Digest(SHA256.hash(data: Data(text.utf8))).hex
    }

    /// The key of installing `plan` (resolved as `resolved`) for `target` with `python`.
    init(plan: PipRequirementsPlan, resolved: ResolvedRequirements, templateFolder: String, target: PythonTarget,
         python: PythonChoice, toolEnvironment: [String: String], requestEnvironment: [String: String]) throws {
        var lines = [
            "ferry-python-deps \(Self.version)",
            "target python\(target.version) \(target.machine)",
            "pip-target " + target.pipTargetOptions(acceptLocalLinuxWheels: resolved.acceptLocalLinux).joined(separator: " "),
            "interpreter \(python.version) exact=\(python.isExact) host=\(Self.hostPlatform)",
            "tools \(python.buildTools)",
        ]
        var localByLine: [Int: Int] = [:]
        for line in plan.lines {
            switch line {
            case let .local(index):
                localByLine[lines.count] = index
                lines.append("local \(resolved.localKeyLines[index] ?? "?")")
            case let .text(text): lines.append(try Self.keyLine(text, templateFolder: templateFolder))
            }
        }
        for name in toolEnvironment.keys.sorted()
        where name.hasPrefix("PIP_") || name == "SOURCE_DATE_EPOCH" || requestEnvironment[name] != nil {
            guard name != "PIP_CONFIG_FILE" else { continue }
            lines.append("env \(name)=\(toolEnvironment[name]!)")
        }
        for file in Self.pipConfigFiles(toolEnvironment) where POSIX.status(file)?.kind == .regular {
            lines.append("pip-config " + ((try? FileHasher.sha256(ofFile: file).hex) ?? "unreadable"))
        }
        self.lines = lines
        self.localRequirementByLine = localByLine
    }

    /// The local requirements (plan indexes) whose wheel differs from the tree keyed by `base`,
    /// when that is the only difference and each new wheel is pure Python (so that tree, with
    /// those packages replaced, is this key's tree); nil otherwise.
    func localWheelChanges(from base: [String], resolved: ResolvedRequirements) -> [Int]? {
        guard base.count == lines.count else { return nil }
        var changed: [Int] = []
        for (position, line) in lines.enumerated() where line != base[position] {
            guard let index = localRequirementByLine[position], base[position].hasPrefix("local "),
                  let wheel = resolved.localWheels[index].flatMap(WheelFilename.init), wheel.isPure,
                  Self.requirementName(line) == Self.requirementName(base[position]) else { return nil }
            changed.append(index)
        }
        return changed.isEmpty ? nil : changed
    }

    /// `name[extras]` of a `local …` line.
    private static func requirementName(_ line: String) -> Substring {
        line.split(separator: " ").dropFirst().first ?? ""
    }

    /// A requirements line for the key: local paths relative to the template folder, the content of
    /// a constraints file or a `--find-links` folder hashed.
    static func keyLine(_ text: String, templateFolder: String) throws -> String {
        if let path = PipRequirementsPlan.optionValue(text, names: ["--constraint"]) {
            let digest = (try? FileHasher.sha256(ofFile: path).hex) ?? "missing"
            return "constraint \(PythonBuilder.relativePath(path, from: templateFolder)) sha256=\(digest)"
        }
        if let link = PipRequirementsPlan.optionValue(text, names: ["--find-links"]), link.hasPrefix("/") {
            var parts = ["find-links \(PythonBuilder.relativePath(link, from: templateFolder))"]
            if POSIX.status(link)?.kind == .directory {
                for name in try POSIX.listDirectory(link).sorted() where POSIX.status(joinPath(link, name))?.kind == .regular {
                    parts.append("\(name)=\((try? FileHasher.sha256(ofFile: joinPath(link, name)).hex) ?? "unreadable")")
                }
            } else if POSIX.status(link)?.kind == .regular {
                parts.append((try? FileHasher.sha256(ofFile: link).hex) ?? "unreadable")
            }
            return parts.joined(separator: " ")
        }
        return "line \(text)"
    }

    /// pip's configuration files that exist for this environment (their content is part of the key).
    static func pipConfigFiles(_ environment: [String: String]) -> [String] {
        var files = ["/etc/pip.conf", "/etc/xdg/pip/pip.conf"]
        if let home = environment["HOME"] {
            files.append(joinPath(environment["XDG_CONFIG_HOME"] ?? joinPath(home, ".config"), "pip/pip.conf"))
            files.append(joinPath(home, ".pip/pip.conf"))
        }
        if let explicit = environment["PIP_CONFIG_FILE"], explicit != "/dev/null" { files.append(explicit) }
        return files
    }

    /// `linux-x86_64`: where pip runs (decides wheels built here from source).
    static var hostPlatform: String {
        #if os(Linux)
        let system = "linux"
        #elseif os(macOS)
        let system = "macos"
        #else
        let system = "other"
        #endif
        #if arch(x86_64)
        return system + "-x86_64"
        #elseif arch(arm64)
        return system + "-aarch64"
        #else
        return system + "-other"
        #endif
    }
}
