// Removing stored dependency entries no current function or layer uses.
import Foundation

/// Removes the entries of `.ferry/deps` (Python and Node dependency trees), `.ferry/wheels` (local
/// packages' wheels) and `.ferry/build-envs` (build requirements) that no current function or layer
/// used in its last build (`DependencyUseLog`), the records of functions that are gone, and
/// temporary folders an interrupted run left. Deleting an entry only costs time: the next build
/// that needs it makes it again.
package enum DependencyStorePruner {
    /// The store folders under `.ferry/`.
    static let stores = ["deps", "wheels", "build-envs"]

    /// What a prune removed.
    package struct Report: Sendable, Hashable {
        /// `<store>/<key>` of each removed entry, sorted.
        package var removed: [String] = []
        /// `<store>/<key>` of each entry kept, sorted.
        package var kept: [String] = []
        /// Bytes of the removed files.
        package var bytesFreed: UInt64 = 0
    }

    /// Prunes `<ferryFolder>/{deps,wheels,build-envs}`, keeping what the last builds of `current`
    /// (every function and layer of the project) used.
    package static func prune(ferryFolder: String, current: [BuildRequest]) -> Report {
        let deps = joinPath(ferryFolder, "deps")
        let kept = Set(current.flatMap { DependencyUseLog.entries(of: $0, dependencyTrees: deps) })
        var report = Report()
        for store in stores {
            let folder = joinPath(ferryFolder, store)
            for name in ((try? POSIX.listDirectory(folder)) ?? []).sorted() {
                let path = joinPath(folder, name)
                let entry = store + "/" + name
                if name.hasPrefix(".tmp-") {
                    guard isOld(path) else { continue } // another run may be filling it
                } else if name.hasPrefix(".") || kept.contains(entry) {
                    if !name.hasPrefix(".") { report.kept.append(entry) }
                    continue
                } else {
                    report.removed.append(entry)
                }
                report.bytesFreed += size(of: path)
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        let ids = Set(current.map(DependencyUseLog.id))
        let records = DependencyUseLog.folder(dependencyTrees: deps)
        for name in (try? POSIX.listDirectory(records)) ?? [] where !ids.contains(name) {
            try? FileManager.default.removeItem(atPath: joinPath(records, name))
        }
        return report
    }

    /// True when `path` was last modified more than a day ago.
    private static func isOld(_ path: String) -> Bool {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
        return Date().timeIntervalSince(modified) > 86_400
    }

    /// The bytes of the regular files under `path` (links not followed).
    static func size(of path: String) -> UInt64 {
        guard let status = try? POSIX.lstatus(path) else { return 0 }
        guard status.kind == .directory else { return status.kind == .regular ? status.size : 0 }
        return ((try? POSIX.listDirectory(path)) ?? []).reduce(0) { $0 + size(of: joinPath(path, $1)) }
    }
}
