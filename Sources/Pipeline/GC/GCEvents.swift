import Foundation
import Reporting

/// A step of `ferry gc`: what it read, or a warning.
package struct GCEvent: FerryEvent {
    package let level: EventLevel
    package let message: String
    package var kind: String { "gc.step" }

    /// An information line.
    static func info(_ message: String) -> GCEvent { GCEvent(level: .info, message: message) }
    /// A warning.
    static func warning(_ message: String) -> GCEvent { GCEvent(level: .warning, message: message) }
}

/// One object that goes (or would go).
package struct GCObjectEvent: FerryEvent {
    package let key: String
    package let size: Int64
    package let deleted: Bool
    package var kind: String { "gc.object" }
    package var level: EventLevel { .info }
    package var message: String {
        "\(deleted ? "delete" : "would delete") \(key) (\(StorageCost.formatted(bytes: size)))"
    }
}

/// What gc freed or would free, and what that storage cost per month.
package struct GCSummaryEvent: FerryEvent {
    package let objects: Int
    package let bytes: Int64
    package let monthlyUSD: Double
    package let dryRun: Bool
    package let deleted: Int
    package let referenced: Int
    package let keptByAge: Int
    package let environment: String
    package let keep: Int

    /// Noncurrent versions deleted (or that would be) with the objects.
    package let noncurrentVersions: Int
    /// Whether the bucket's versions were listed: without them nothing is counted as freed.
    package let versionsKnown: Bool

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

    package var kind: String { "gc.summary" }
    package var level: EventLevel { dryRun || (objects == 0 && noncurrentVersions == 0) ? .info : .success }
    package var message: String {
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
    package var details: [String] {
        var lines = ["kept: \(referenced) referenced by the last \(keep) deploy(s), hot-swap records or the live stacks; "
            + "\(keptByAge) too new or possibly used by an older deploy",
            "cost: an estimate at S3 Standard $0.023 per GB-month; your region and storage class may differ"]
        if dryRun, objects > 0 { lines.append("run `ferry gc --env \(environment) --yes` to delete them") }
        return lines
    }
}
