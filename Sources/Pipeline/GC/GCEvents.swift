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

    /// Noncurrent versions deleted (or that would be) with the objects.
    public let noncurrentVersions: Int
    /// Whether the bucket's versions were listed: without them nothing is counted as freed.
    public let versionsKnown: Bool

    init(plan: GCPlan, dryRun: Bool, deleted: Int, environment: String, keep: Int, bytes: Int64? = nil,
         noncurrentVersions: Int = 0, versionsKnown: Bool = true) {
        objects = plan.doomed.count
        let freed = bytes ?? plan.bytes
        self.bytes = freed
        monthlyUSD = StorageCost.monthlyUSD(bytes: freed)
        self.noncurrentVersions = noncurrentVersions
        self.versionsKnown = versionsKnown
        self.dryRun = dryRun
        self.deleted = deleted
        referenced = plan.referenced
        keptByAge = plan.keptByAge
        self.environment = environment
        self.keep = keep
    }

    public var kind: String { "gc.summary" }
    public var level: EventLevel { dryRun || (objects == 0 && noncurrentVersions == 0) ? .info : .success }
    public var message: String {
        let size = StorageCost.formatted(bytes: bytes)
        let cost = StorageCost.formattedUSD(monthlyUSD)
        let versions = noncurrentVersions > 0 ? " and \(noncurrentVersions) noncurrent version(s)" : ""
        if objects == 0 && noncurrentVersions == 0 { return "nothing to collect: every artifact is referenced or too new" }
        if dryRun {
            return "would delete \(objects) object(s)\(versions), \(size), about \(cost)/month (dry run: nothing was deleted)"
        }
        if !versionsKnown { return "deleted \(deleted) object(s); the bytes freed are unknown (object versions could not be listed)" }
        return "deleted \(deleted) object(s)\(versions), freed \(size), about \(cost)/month"
    }
    public var details: [String] {
        var lines = ["kept: \(referenced) referenced by the last \(keep) deploy(s), hot-swap records or the live stacks; "
            + "\(keptByAge) too new or possibly used by an older deploy",
            "cost: an estimate at S3 Standard $0.023 per GB-month; your region and storage class may differ"]
        if dryRun, objects > 0 { lines.append("run `ferry gc --env \(environment) --yes` to delete them") }
        return lines
    }
}
