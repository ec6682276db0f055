// A dependency tree made from another by replacing changed pure-Python local packages (no resolve).
import Foundation

extension PipSession {
    /// Makes `destination` the tree a full install of `resolved` would give, from the stored tree
    /// `base` whose key differs only in the wheels of the local requirements `changed` (each new
    /// wheel pure Python): copies `base`, removes each old package's files (its `RECORD`), installs
    /// each new wheel by unpacking it (`WheelUnpacker`; else with `pip install --no-deps`: no index,
    /// no resolve), and checks that the new
    /// packages declare the same dependencies and that every file their `RECORD` names is there.
    /// Returns false, leaving nothing at `destination`, when any of that does not hold: the caller
    /// then runs the full install.
    func updateTree(base: String, changed: [Int], resolved: ResolvedRequirements, into destination: String) async throws -> Bool {
        try FolderCopy.copy(FileTree.scan(base, rules: IgnoreRules(), readIgnoreFile: false), to: destination)
        var ok = true
        for index in changed {
            guard ok, let wheelPath = resolved.localWheels[index], let wheel = WheelFilename(wheelPath) else { ok = false; break }
            let oldInfo = try Self.distInfoFolders(of: wheel.distribution, in: destination)
            guard oldInfo.count == 1 else { ok = false; break }
            let oldDependencies = Self.declaredDependencies(joinPath(destination, oldInfo[0]))
            try Self.removeInstalled(distInfo: oldInfo[0], in: destination)
            var installed = try WheelUnpacker.unpack(wheelPath, into: destination)
            if !installed {
                var arguments = ["-m", "pip", "install", "--target", destination, "--no-deps", "--no-compile",
                                 "--no-warn-script-location", "--cache-dir", builder.pipCacheFolder]
                arguments += target.pipTargetOptions(acceptLocalLinuxWheels: resolved.acceptLocalLinux)
                arguments.append(wheelPath)
                installed = try await pip(arguments).succeeded
            }
            let newInfo = try Self.distInfoFolders(of: wheel.distribution, in: destination)
            guard installed, newInfo.count == 1,
                  Self.declaredDependencies(joinPath(destination, newInfo[0])) == oldDependencies,
                  Self.recordComplete(distInfo: newInfo[0], in: destination) else { ok = false; break }
        }
        if !ok { try? FileManager.default.removeItem(atPath: destination) }
        return ok
    }

    /// `<name>-<version>.dist-info` folders of `distribution` (wheel-normalised name) in `folder`.
    static func distInfoFolders(of distribution: String, in folder: String) throws -> [String] {
        let wanted = distribution.lowercased()
        return try POSIX.listDirectory(folder).filter { name in
            guard name.hasSuffix(".dist-info"), let dash = name.firstIndex(of: "-") else { return false }
            return name[..<dash].lowercased().replacingOccurrences(of: ".", with: "_") == wanted
        }
    }

    /// The `Requires-Dist` and `Provides-Extra` lines of a dist-info's `METADATA`, in order.
    static func declaredDependencies(_ distInfo: String) -> [String] {
        let text = (try? String(contentsOfFile: joinPath(distInfo, "METADATA"), encoding: .utf8)) ?? ""
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break } // the headers end at the first empty line
            if line.hasPrefix("Requires-Dist:") || line.hasPrefix("Provides-Extra:") { lines.append(String(line)) }
        }
        return lines
    }

    /// The paths a `RECORD` lists (relative to the install folder; only plain relative paths).
    static func recordPaths(distInfo: String, in folder: String) -> [String] {
        let text = (try? String(contentsOfFile: joinPath(joinPath(folder, distInfo), "RECORD"), encoding: .utf8)) ?? ""
        // Split on the byte: pip writes `\r\n`, which Swift would take as one Character.
        return text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { bytes in
            let row = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .init(charactersIn: "\r"))
            let path = row.hasPrefix("\"") ? String(row.dropFirst().prefix { $0 != "\"" })
                : String(row.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.isEmpty, !path.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0.isEmpty }) else { return nil }
            return path
        }
    }

    /// Removes every file an installed distribution's `RECORD` lists, then the folders left empty.
    static func removeInstalled(distInfo: String, in folder: String) throws {
        let manager = FileManager.default
        var parents: Set<String> = [distInfo]
        for path in recordPaths(distInfo: distInfo, in: folder) {
            try? manager.removeItem(atPath: joinPath(folder, path))
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty { parents.insert(parent); parent = (parent as NSString).deletingLastPathComponent }
        }
        for parent in parents.sorted(by: { $0.count > $1.count }) {
            let full = joinPath(folder, parent)
            if (try? POSIX.listDirectory(full))?.isEmpty == true { try? manager.removeItem(atPath: full) }
        }
        try? manager.removeItem(atPath: joinPath(folder, distInfo))
    }

    /// Whether every file the `RECORD` lists exists (pip skips a top-level folder that is already there).
    static func recordComplete(distInfo: String, in folder: String) -> Bool {
        recordPaths(distInfo: distInfo, in: folder).allSatisfy { path in
            path.hasPrefix("../") || POSIX.status(joinPath(folder, path)) != nil
        }
    }
}
