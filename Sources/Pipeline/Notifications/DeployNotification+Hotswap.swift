import Foundation
import Hotswap

extension DeployNotification {
    /// The notification for applied hot-swaps: which resources changed, and which failed.
    package static func hotswap(
        _ results: [HotswapResult], environment: String, stackName: String, region: String, who: String, started: Date,
        now: Date = Date()
    ) -> DeployNotification {
        let failed = results.filter { !$0.succeeded }
        let names = results.map(\.operation.target.qualifiedName)
        let summary = failed.isEmpty
            ? "hot-swapped \(results.count): \(names.joined(separator: ", "))"
            : "\(failed.count) of \(results.count) hot-swap(s) failed"
        let failure = failed.isEmpty ? nil : failed.map { result -> String in
            if case .failed(let message) = result.outcome { return "\(result.operation.target.qualifiedName): \(message)" }
            return result.operation.target.qualifiedName
        }.joined(separator: "\n")
        return DeployNotification(
            operation: .hotswap, outcome: failed.isEmpty ? .succeeded : .failed, environment: environment,
            stackName: stackName, region: region, who: who, summary: summary, changes: results.map(\.summaryLine),
            durationSeconds: now.timeIntervalSince(started), failure: failure)
    }
}
