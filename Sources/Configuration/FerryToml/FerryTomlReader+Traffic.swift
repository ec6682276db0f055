import Foundation

extension FerryTomlReader {
    /// Reads an `[env.<name>.traffic]` table (nil when absent or when `strategy` is missing or bad, reported).
    func readTraffic(_ table: [String: TOMLNode], at path: KeyPath, _ v: inout TableValidator) -> TrafficSettings? {
        guard let traffic = v.table("traffic", in: table, at: path) else { return nil }
        let trafficPath = path.appending("traffic")
        v.rejectUnknownKeys(in: traffic, at: trafficPath, allowed: FerryTomlSchema.trafficKeys)
        let alarms = v.stringArray("alarms", in: traffic, at: trafficPath) ?? []
        let functions = v.stringArray("functions", in: traffic, at: trafficPath) ?? []
        let watchErrors = v.bool("watch_errors", in: traffic, at: trafficPath) ?? true
        var threshold = TrafficSettings.defaultErrorThreshold
        if let value = v.integer("error_threshold", in: traffic, at: trafficPath) {
            if value < 0 {
                let keyPath = trafficPath.appending("error_threshold")
                v.report(.badValue(file: document.file, key: keyPath.description, line: v.line(keyPath), value: String(value),
                                   allowed: [], explanation: "It is the number of errors a new version may have: 0 or more."))
            } else {
                threshold = value
            }
        }
        let strategyPath = trafficPath.appending("strategy")
        guard let text = v.string("strategy", in: traffic, at: trafficPath) else {
            if traffic["strategy"] == nil {
                v.report(.missingValue(file: document.file, key: strategyPath.description, line: v.line(trafficPath),
                                       explanation: "Add strategy = \"canary:10:5m\" (or linear:25:1m, all-at-once)."))
            }
            return nil
        }
        do {
            let strategy = try TrafficStrategy.parse(text)
            return TrafficSettings(strategy: strategy, alarms: alarms, functions: functions, watchErrors: watchErrors,
                                   errorThreshold: threshold)
        } catch let error as TrafficStrategyError {
            v.report(.badValue(file: document.file, key: strategyPath.description, line: v.line(strategyPath), value: text,
                               allowed: TrafficStrategy.examples, explanation: error.reason.prefix(1).uppercased() + String(error.reason.dropFirst()) + "."))
            return nil
        } catch {
            return nil
        }
    }
}
