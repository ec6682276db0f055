import Foundation

/// What happened to one operation: old → new hash, time taken, success or the failure.
package struct HotswapResult: Sendable, Hashable {
    /// How an operation ended.
    package enum Outcome: Sendable, Hashable {
        /// Applied and verified; `publishedVersion` when a version was published and the alias moved.
        case succeeded(publishedVersion: String?)
        /// Not applied, or applied but not verified; the message says which and what to do.
        case failed(String)
    }

    /// The operation.
    package var operation: HotswapOperation
    /// How it ended.
    package var outcome: Outcome
    /// The live hash read after the update (nil when it was never read).
    package var liveHashAfter: String?
    /// How long it took.
    package var duration: Duration

    /// A result.
    package init(operation: HotswapOperation, outcome: Outcome, liveHashAfter: String?, duration: Duration) {
        self.operation = operation
        self.outcome = outcome
        self.liveHashAfter = liveHashAfter
        self.duration = duration
    }

    /// Whether the operation was applied and verified.
    package var succeeded: Bool {
        if case .succeeded = outcome { return true }
        return false
    }

    /// `Root/Fn (Lambda code): abc → def, 1.2 s, ok` — one summary line.
    package var summaryLine: String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let time = String(format: "%.1f s", seconds)
        let result: String
        switch outcome {
        case .succeeded(let version): result = version.map { "ok (version \($0))" } ?? "ok"
        case .failed(let message): result = "FAILED: \(message)"
        }
        return "\(operation.target.qualifiedName) (\(operation.what)): \(HashText.short(operation.oldHash)) → "
            + "\(HashText.short(operation.newHash)), \(time), \(result)"
    }
}
