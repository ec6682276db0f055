// Which stored dependency entries (trees, wheels, build environments) each function's last build used.
import Crypto
import Foundation

/// Records, per function or layer, the entries of `.ferry/deps`, `.ferry/wheels` and
/// `.ferry/build-envs` its last build used (`.ferry/deps/.uses/<id>`: one `<store>/<key>` a line),
/// so `DependencyStorePruner` can keep exactly what the current functions use.
///
/// The id hashes what names the build (source folder, runtime, architecture, kind, the request's
/// extra environment); a build overwrites its record, so an entry only an earlier version of a
/// function used is no longer kept.
enum DependencyUseLog {
    /// The folder of the records, inside the dependency tree folder (ignored by its store: a dot name).
    static func folder(dependencyTrees: String) -> String { joinPath(dependencyTrees, ".uses") }

    /// The record's name for `request`.
    static func id(_ request: BuildRequest) -> String {
        var lines = [request.sourceFolder, request.runtime, request.architecture, request.kind.rawValue]
        for key in request.environment.keys.sorted() { lines.append("env \(key)=\(request.environment[key]!)") }
        return SHA256Digest(SHA256.hash(data: Data(lines.joined(separator: "\n").utf8))).hex
    }

    /// `<store>/<key>` of an entry path (`…/.ferry/deps/<key>/tree` → `deps/<key>`): the entry is
    /// the first component under a store folder named `deps`, `wheels` or `build-envs`.
    static func entryName(_ path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard let index = parts.lastIndex(where: { DependencyStorePruner.stores.contains($0) }), index + 1 < parts.count
        else { return nil }
        return parts[index] + "/" + parts[index + 1]
    }

    /// Writes the record of `request`: the entries `paths` lie in (atomically; failures ignored,
    /// a missing record only makes a later prune remove more).
    static func record(_ paths: [String], for request: BuildRequest, dependencyTrees: String) {
        let names = Set(paths.compactMap(entryName)).sorted()
        let folder = folder(dependencyTrees: dependencyTrees)
        let file = joinPath(folder, id(request))
        let temporary = POSIX.temporarySibling(of: file)
        do {
            try POSIX.makeDirectories(folder)
            try Data(names.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: temporary))
            try POSIX.rename(temporary, to: file)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    /// The entries the record of `request` names (empty when there is none).
    static func entries(of request: BuildRequest, dependencyTrees: String) -> [String] {
        let file = joinPath(folder(dependencyTrees: dependencyTrees), id(request))
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }
}
