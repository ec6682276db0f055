// What the build engine reports while it works.
import Foundation
import Reporting

/// An event of `ferry build`: one artifact started, came from the cache, finished or failed,
/// a resource was skipped, or the run ended (`build.summary`).
package struct BuildEvent: FerryEvent, Equatable {
    /// Which moment of a build this is.
    package enum Phase: String, Sendable, Encodable {
        /// A builder is about to run (`build.started`).
        case started
        /// The artifact came from the cache; nothing ran (`build.cached`).
        case cached
        /// A prebuilt `.zip` was taken as is (`build.prebuilt`).
        case prebuilt
        /// The builder ran and the artifact is cached (`build.finished`).
        case finished
        /// The build failed (`build.failed`).
        case failed
        /// A resource needs no build (`build.skipped`).
        case skipped
        /// Every build is done (`build.summary`).
        case summary
    }

    /// Which moment this is.
    package let phase: Phase
    /// The build's name (`Root/Pattern2Stack/OCRFunction`); nil for the summary.
    package var artifact: String?
    /// Every logical ID using the artifact.
    package var logicalIDs: [String]?
    /// The builder's name.
    package var builder: String?
    /// The build key (hex).
    package var buildKey: String?
    /// The zip's SHA-256 (hex).
    package var zipSHA256: String?
    /// The zip's size in bytes.
    package var size: UInt64?
    /// Seconds spent (the build, or the whole run for the summary).
    package var seconds: Double?
    /// Position in the run (1-based) and number of builds, for progress.
    package var position: Int?
    /// Number of builds in the run.
    package var total: Int?
    /// The error message of a failure, or the reason for a skip.
    package var reason: String?
    /// The failed tool's output (last lines).
    package var output: [String]?
    /// The builder's notes (not errors), shown under a finished build.
    package var notes: [String]?
    /// Summary counts.
    package var built: Int?
    /// Summary: artifacts taken from the cache.
    package var cachedCount: Int?
    /// Summary: prebuilt zips taken as they are.
    package var prebuiltCount: Int?
    /// Summary: failed builds.
    package var failedCount: Int?

    /// An event of `phase`; set the other fields as needed.
    package init(_ phase: Phase) { self.phase = phase }

    /// `build.<phase>`.
    package var kind: String { "build.\(phase.rawValue)" }

    /// Errors for failures, success for the end of a good run, debug for skips, info otherwise.
    package var level: EventLevel {
        switch phase {
        case .failed: .error
        case .summary: (failedCount ?? 0) > 0 ? .error : .success
        case .skipped: .debug
        case .started, .cached, .prebuilt, .finished: .info
        }
    }

    /// One line for people.
    package var message: String {
        let name = artifact ?? ""
        let counter = position.map { "[\($0)/\(total ?? $0)] " } ?? ""
        let sizeText = size.map { ", " + Self.format(bytes: $0) } ?? ""
        let shaText = zipSHA256.map { ", sha256 " + $0.prefix(12) } ?? ""
        switch phase {
        case .started: return "building \(name) (\(builder ?? "?"))"
        case .cached: return "\(counter)cached \(name)\(sizeText)\(shaText)"
        case .prebuilt: return "\(counter)prebuilt \(name)\(sizeText)\(shaText)"
        case .finished:
            return "\(counter)built \(name) in \(Self.format(seconds: seconds ?? 0))\(sizeText)\(shaText)"
        case .failed: return "\(counter)failed \(name): \(reason ?? "unknown error")"
        case .skipped: return "skipped \(name): \(reason ?? "")"
        case .summary:
            var parts = ["built \(built ?? 0)", "cached \(cachedCount ?? 0)"]
            if let prebuilt = prebuiltCount, prebuilt > 0 { parts.append("prebuilt \(prebuilt)") }
            if let failed = failedCount, failed > 0 { parts.append("failed \(failed)") }
            return parts.joined(separator: ", ") + " in " + Self.format(seconds: seconds ?? 0)
        }
    }

    /// The failed tool's output, or the builder's notes, indented under the message.
    package var details: [String] { output ?? notes ?? [] }

    enum CodingKeys: String, CodingKey {
        case artifact, logicalIDs, builder, buildKey, zipSHA256, size, seconds, position, total, reason, output, notes
        case built, cachedCount = "cached", prebuiltCount = "prebuilt", failedCount = "failed"
    }

    /// `1.2 s`, `350 ms`.
    static func format(seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.1f s", seconds)
    }

    /// `512 B`, `3.4 KB`, `1.2 MB`.
    static func format(bytes: UInt64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.1f KB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
