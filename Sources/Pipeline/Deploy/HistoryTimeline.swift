import Deployment
import Foundation
import Hotswap

/// Merges deploy records and hot-swap records into one time-ordered history: pure functions.
package enum HistoryTimeline {
    /// One entry per recorded hot-swap. Each record is the state after one hot-swap; the swaps of
    /// that hot-swap are its entries stamped with the record's time. A swap's old hash is what
    /// the previous record said ran, else what the template had before the first hot-swap.
    ///
    /// - Parameter records: the hot-swap records, oldest first.
    package static func hotswapEntries(_ records: [HotswapRecord]) -> [HistoryEntry] {
        var entries: [HistoryEntry] = []
        var previous: [String: String] = [:]
        for record in records {
            let swapped = record.entries.filter { $0.at == record.updatedAt }
            let swaps = swapped.map { entry in
                HistoryEntry.Swap(resource: entry.qualifiedName, resourceType: entry.resourceType,
                                  oldHash: previous[entry.qualifiedName] ?? entry.previousHash, newHash: entry.hash)
            }
            for entry in record.entries { previous[entry.qualifiedName] = entry.hash }
            guard !swaps.isEmpty, let at = date(record.updatedAt) else { continue }
            let who = Array(Set(swapped.map(\.by))).sorted().joined(separator: ", ")
            entries.append(HistoryEntry(
                kind: .hotswap, id: hotswapID(record.updatedAt), who: who, at: at,
                summary: "\(swaps.count) resource(s) hot-swapped", swaps: swaps, outcome: "hotswapped"))
        }
        return entries
    }

    /// Deploys, rollbacks and hot-swaps in one list, newest first, at most `limit` long.
    ///
    /// Records store times to the second, so the lists are merged as they come (deploys newest
    /// first, as their keys sort to the millisecond; hot-swaps oldest first) and a tie keeps the
    /// deploys' own order, the deploy first.
    package static func merge(deploys: [DeployRecord], hotswaps: [HistoryEntry], limit: Int) -> [HistoryEntry] {
        let deployEntries = deploys.map(HistoryEntry.init(record:))
        let swaps = Array(hotswaps.reversed())
        var merged: [HistoryEntry] = []
        var d = 0, h = 0
        while merged.count < max(0, limit), d < deployEntries.count || h < swaps.count {
            if h >= swaps.count || (d < deployEntries.count && deployEntries[d].at >= swaps[h].at) {
                merged.append(deployEntries[d])
                d += 1
            } else {
                merged.append(swaps[h])
                h += 1
            }
        }
        return merged
    }

    /// The entry whose ID is `id` or starts with it.
    /// - Throws: `PipelineFailure` (bad input) when no entry or more than one matches.
    package static func find(_ id: String, in entries: [HistoryEntry]) throws -> HistoryEntry {
        if let exact = entries.first(where: { $0.id == id }) { return exact }
        let matches = entries.filter { $0.id.hasPrefix(id) }
        guard let first = matches.first else {
            throw PipelineFailure(.badInput, "no history record has the ID \(id): run `ferry history` to see the IDs")
        }
        guard matches.count == 1 else {
            throw PipelineFailure(.badInput, "the ID \(id) matches \(matches.count) records ("
                + matches.map(\.shortID).joined(separator: ", ") + "): give more characters")
        }
        return first
    }

    /// `hs-20261127153000` for `2026-11-27T15:30:00Z`.
    package static func hotswapID(_ timestamp: String) -> String {
        "hs-" + timestamp.filter(\.isNumber)
    }

    /// An ISO 8601 time, with or without fractional seconds.
    static func date(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
