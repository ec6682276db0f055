import AWSServices
import Foundation

/// What `ferry gc` would delete and keep, computed from the bucket listing and the references.
package struct GCPlan: Sendable, Equatable {
    /// One object to delete.
    package struct Doomed: Sendable, Equatable {
        /// The S3 key.
        package var key: String
        /// Its size in bytes.
        package var size: Int64
        /// When it was uploaded.
        package var lastModified: Date?
    }

    /// The objects no kept deploy, hot-swap record or current stack references, oldest first.
    package var doomed: [Doomed]
    /// Candidate objects kept because something references them.
    package var referenced: Int
    /// Candidate objects kept because they are too new (`--min-age`) or older than a deploy whose
    /// references are unknown.
    package var keptByAge: Int
    /// Objects that are not artifacts (lock, history, hot-swap records, foreign objects).
    package var notArtifacts: Int

    /// The bytes deleting `doomed` frees.
    package var bytes: Int64 { doomed.reduce(0) { $0 + $1.size } }

    /// One object of the bucket listing.
    package struct Listed: Sendable, Equatable {
        package var key: String
        package var size: Int64
        package var lastModified: Date?

        /// An object.
        package init(key: String, size: Int64, lastModified: Date?) {
            self.key = key
            self.size = size
            self.lastModified = lastModified
        }

        /// The listing entry of `object`.
        package init(_ object: S3Object) {
            self.init(key: object.key, size: object.size ?? 0, lastModified: object.lastModified)
        }
    }

    /// Decides, for every object of `objects`, whether it goes.
    ///
    /// - Parameters:
    ///   - prefix: the environment's artifact prefix (no slashes around it).
    ///   - references: the hashes that must stay.
    ///   - newerThan: objects modified after this date stay (uploads not yet deployed).
    ///   - unknownBefore: objects modified at or before this date stay (a kept deploy whose
    ///     artifacts were not recorded may use any of them); nil when every kept deploy is known.
    package static func make(objects: [Listed], prefix: String, references: ArtifactReferences, newerThan: Date,
                            unknownBefore: Date?) -> GCPlan {
        var plan = GCPlan(doomed: [], referenced: 0, keptByAge: 0, notArtifacts: 0)
        for object in objects {
            guard ArtifactObject.classify(key: object.key, prefix: prefix).isCandidate else {
                plan.notArtifacts += 1
                continue
            }
            if references.references(key: object.key) {
                plan.referenced += 1
                continue
            }
            let modified = object.lastModified ?? .distantFuture
            if modified > newerThan || (unknownBefore.map { modified <= $0 } ?? false) {
                plan.keptByAge += 1
                continue
            }
            plan.doomed.append(Doomed(key: object.key, size: object.size, lastModified: object.lastModified))
        }
        plan.doomed.sort { ($0.lastModified ?? .distantPast, $0.key) < ($1.lastModified ?? .distantPast, $1.key) }
        return plan
    }
}

/// What S3 Standard storage costs, for the estimate `ferry gc` prints.
package enum StorageCost {
    /// US East S3 Standard, first 50 TB: USD per GB-month (GB = 2^30 bytes).
    package static let standardPerGBMonth = 0.023

    /// The monthly cost of storing `bytes` in S3 Standard, in USD (an estimate: prices differ by
    /// region and tier).
    package static func monthlyUSD(bytes: Int64) -> Double {
        Double(bytes) / 1_073_741_824 * standardPerGBMonth
    }

    /// `1.5 MB`, `2.0 GB`, `512 B` (binary units).
    package static func formatted(bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
    }

    /// `$0.0012`, `$1.23`.
    package static func formattedUSD(_ amount: Double) -> String {
        amount < 0.01 ? String(format: "$%.4f", amount) : String(format: "$%.2f", amount)
    }
}
