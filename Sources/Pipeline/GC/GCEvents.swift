import Foundation
import Reporting

/// A step of `ferry gc`: what it read, or a warning.
public struct GCEvent: FerryEvent {
    public let level: EventLevel
    public let message: String
    public var kind: String { "gc.step" }

    /// An information line.
    static func info(_ message: String) -> GCEvent { GCEvent(level: .info, message: message) }
    /// A warning.
    static func warning(_ message: String) -> GCEvent { GCEvent(level: .warning, message: message) }
}

/// One object that goes (or would go).
public struct GCObjectEvent: FerryEvent {
    public let key: String
    public let size: Int64
    public let deleted: Bool
    public var kind: String { "gc.object" }
    public var level: EventLevel { .info }
    public var message: String {
        "\(deleted ? "delete" : "would delete") \(key) (\(StorageCost.formatted(bytes: size)))"
    }
}

/// What gc freed or would free, and what that storage cost per month.
public struct GCSummaryEvent: FerryEvent {
    public let objects: Int
    public let bytes: Int64
    public let monthlyUSD: Double
    public let dryRun: Bool
    public let deleted: Int
    public let referenced: Int
    public let keptByAge: Int
    public let environment: String
    public let keep: Int

    init(plan: GCPlan, dryRun: Bool, deleted: Int, environment: String, keep: Int) {
        objects = plan.doomed.count
        bytes = plan.bytes
        monthlyUSD = StorageCost.monthlyUSD(bytes: plan.bytes)
        self.dryRun = dryRun
        self.deleted = deleted
        referenced = plan.referenced
        keptByAge = plan.keptByAge
        self.environment = environment
        self.keep = keep
    }

    public var kind: String { "gc.summary" }
    public var level: EventLevel { dryRun || objects == 0 ? .info : .success }
    public var message: String {
        let size = StorageCost.formatted(bytes: bytes)
        let cost = StorageCost.formattedUSD(monthlyUSD)
        if objects == 0 { return "nothing to collect: every artifact is referenced or too new" }
        if dryRun {
            return "would delete \(objects) object(s), \(size), about \(cost)/month (dry run: nothing was deleted)"
        }
        return "deleted \(deleted) object(s), freed \(size), about \(cost)/month"
    }
    public var details: [String] {
        var lines = ["kept: \(referenced) referenced by the last \(keep) deploy(s), hot-swap records or the live stacks; "
            + "\(keptByAge) too new or possibly used by an older deploy",
            "cost: an estimate at S3 Standard $0.023 per GB-month; your region and storage class may differ"]
        if dryRun, objects > 0 { lines.append("run `ferry gc --env \(environment) --yes` to delete them") }
        return lines
    }
}
