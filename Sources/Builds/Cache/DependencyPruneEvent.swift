// What pruning the stored dependency entries removed.
import Reporting

/// `build.pruned`: stored dependency trees, wheels and build environments no current function or
/// layer uses were removed after a full build (`DependencyStorePruner`).
package struct DependencyPruneEvent: FerryEvent, Equatable {
    /// `<store>/<key>` of each removed entry.
    package let removed: [String]
    /// How many entries were kept.
    package let keptCount: Int
    /// Bytes freed.
    package let bytesFreed: UInt64

    /// The event of `report`.
    package init(report: DependencyStorePruner.Report) {
        removed = report.removed
        keptCount = report.kept.count
        bytesFreed = report.bytesFreed
    }

    /// `build.pruned`.
    package var kind: String { "build.pruned" }
    /// Info.
    package var level: EventLevel { .info }
    /// `pruned 3 unused dependency entries (12.4 MB freed), kept 2`.
    package var message: String {
        "pruned \(removed.count) unused dependency \(removed.count == 1 ? "entry" : "entries") "
            + "(\(BuildEvent.format(bytes: bytesFreed)) freed), kept \(keptCount)"
    }
}
