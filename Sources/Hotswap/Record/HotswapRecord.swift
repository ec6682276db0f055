import AWSCore
import AWSServices
import Foundation

/// What runs ahead of a stack's template after hot-swaps: kept in the artifact bucket so
/// `ferry plan` and teammates see it, and the next deploy reconciles it.
package struct HotswapRecord: Sendable, Codable, Hashable {
    /// One hot-swapped resource.
    package struct Entry: Sendable, Codable, Hashable {
        /// The stack path.
        package var stackPath: String
        /// The logical ID.
        package var logicalID: String
        /// The resource type.
        package var resourceType: String
        /// The physical ID.
        package var physicalID: String
        /// What CloudFormation's template last deployed (the hash before the first hot-swap).
        package var previousHash: String?
        /// What runs now (Lambda `CodeSha256`, or the definition's hash).
        package var hash: String
        /// The content-addressed S3 key of the code (or layer zip), when uploaded.
        package var s3Key: String?
        /// For a layer: the version published by the hot-swap, which the functions using the
        /// layer now run (the template still names the version CloudFormation published).
        package var layerVersionArn: String?
        /// Who swapped it.
        package var by: String
        /// When (ISO 8601).
        package var at: String

        /// An entry.
        package init(stackPath: String, logicalID: String, resourceType: String, physicalID: String, previousHash: String?,
                    hash: String, s3Key: String?, by: String, at: String, layerVersionArn: String? = nil) {
            self.stackPath = stackPath
            self.logicalID = logicalID
            self.resourceType = resourceType
            self.physicalID = physicalID
            self.previousHash = previousHash
            self.hash = hash
            self.s3Key = s3Key
            self.layerVersionArn = layerVersionArn
            self.by = by
            self.at = at
        }

        /// `Root/Fn`.
        package var qualifiedName: String { "\(stackPath)/\(logicalID)" }
    }

    /// The format's version.
    package var formatVersion: Int
    /// The root stack's name.
    package var stackName: String
    /// When the record was last written (ISO 8601).
    package var updatedAt: String
    /// The resources running ahead of the template, sorted by stack path and logical ID.
    package var entries: [Entry]

    /// A record.
    package init(stackName: String, updatedAt: String, entries: [Entry]) {
        formatVersion = 1
        self.stackName = stackName
        self.updatedAt = updatedAt
        self.entries = entries.sorted { ($0.stackPath, $0.logicalID) < ($1.stackPath, $1.logicalID) }
    }

    /// The entries of the successful results.
    package static func entries(from results: [HotswapResult], by who: String, at time: String) -> [Entry] {
        results.filter(\.succeeded).map { result in
            let operation = result.operation
            var s3Key: String?
            var layerVersionArn: String?
            var logicalID = operation.target.logicalID.rawValue
            switch operation.change {
            case .lambdaCode(_, let zip): s3Key = zip.s3?.key
            case .layerVersion(let swap):
                s3Key = swap.zip.s3?.key
                if case .succeeded(let arn) = result.outcome { layerVersionArn = arn }
            case .functionConfiguration:
                // A function's settings are recorded next to its code, under their own name.
                logicalID += "#Configuration"
            default: break
            }
            return Entry(stackPath: operation.target.stackPath, logicalID: logicalID,
                         resourceType: operation.target.resourceType, physicalID: operation.physicalID,
                         previousHash: operation.oldHash, hash: result.liveHashAfter ?? operation.newHash,
                         s3Key: s3Key, by: who, at: time, layerVersionArn: layerVersionArn)
        }
    }

    /// This record with `newer` entries added, replacing entries of the same resource (keeping
    /// the older `previousHash`: what the template has).
    package func merging(_ newer: [Entry], updatedAt time: String) -> HotswapRecord {
        var byName = Dictionary(entries.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { _, last in last })
        for entry in newer {
            var merged = entry
            if let existing = byName[entry.qualifiedName] { merged.previousHash = existing.previousHash }
            byName[entry.qualifiedName] = merged
        }
        return HotswapRecord(stackName: stackName, updatedAt: time, entries: Array(byName.values))
    }

    /// `<prefix>/.ferry/hotswaps/<stack>/latest.json`.
    package static func latestKey(prefix: String, stackName: String) -> String {
        key(prefix: prefix, stackName: stackName, file: "latest.json")
    }

    /// `<prefix>/.ferry/hotswaps/<stack>/<timestamp>.json`, the timestamp made key-safe.
    package static func historyKey(prefix: String, stackName: String, timestamp: String) -> String {
        let safe = timestamp.replacingOccurrences(of: ":", with: "-")
        return key(prefix: prefix, stackName: stackName, file: "\(safe).json")
    }

    static func key(prefix: String, stackName: String, file: String) -> String {
        let trimmed = prefix.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let path = ".ferry/hotswaps/\(stackName)/\(file)"
        return trimmed.isEmpty ? path : "\(trimmed)/\(path)"
    }

    /// The JSON bytes (sorted keys, pretty).
    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// Reads and writes hot-swap records in the artifact bucket.
package struct HotswapRecordStore: Sendable {
    /// The S3 client.
    package let s3: S3
    /// The artifact bucket.
    package let bucket: String
    /// The key prefix (may be empty).
    package let prefix: String

    /// A store in `bucket` under `prefix`.
    package init(s3: S3, bucket: String, prefix: String) {
        self.s3 = s3
        self.bucket = bucket
        self.prefix = prefix
    }

    /// The latest record of `stackName`, or nil when nothing runs ahead of its template.
    package func latest(stackName: String) async throws -> HotswapRecord? {
        let key = HotswapRecord.latestKey(prefix: prefix, stackName: stackName)
        guard try await s3.headObject(bucket: bucket, key: key) != nil else { return nil }
        let content = try await s3.getObject(bucket: bucket, key: key)
        return try JSONDecoder().decode(HotswapRecord.self, from: content.body)
    }

    /// Adds `entries` to the latest record and writes it, plus a copy under its timestamp.
    /// Returns the keys written.
    @discardableResult
    package func record(_ entries: [HotswapRecord.Entry], stackName: String, at time: String) async throws -> [String] {
        let previous = try await latest(stackName: stackName) ?? HotswapRecord(stackName: stackName, updatedAt: time, entries: [])
        let record = previous.merging(entries, updatedAt: time)
        let data = try record.encoded()
        let keys = [HotswapRecord.historyKey(prefix: prefix, stackName: stackName, timestamp: time),
                    HotswapRecord.latestKey(prefix: prefix, stackName: stackName)]
        var options = PutObjectOptions()
        options.contentType = "application/json"
        for key in keys {
            _ = try await s3.putObject(bucket: bucket, key: key, body: .data(data), options: options)
        }
        return keys
    }

    /// Removes the latest record (a deploy has reconciled the template with what runs).
    package func clear(stackName: String) async throws {
        try await s3.deleteObject(bucket: bucket, key: HotswapRecord.latestKey(prefix: prefix, stackName: stackName))
    }
}
