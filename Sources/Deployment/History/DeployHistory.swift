import AWSServices
import Foundation

/// Deploy records in the artifact bucket, one object per deploy:
/// `<prefix>/.ferry/history/<stack>/<yyyyMMdd'T'HHmmss.SSS'Z'>-<id>.json`.
package struct DeployHistory: Sendable {
    private let s3: S3
    package let bucket: String
    /// The folder of this stack's records.
    package let folder: String

    /// The history of `stackName` under `prefix` in `bucket`.
    package init(s3: S3, bucket: String, prefix: String, stackName: String) {
        self.s3 = s3
        self.bucket = bucket
        let base = prefix.isEmpty ? ".ferry" : "\(prefix)/.ferry"
        folder = "\(base)/history/\(stackName)/"
    }

    /// The key a record is stored under (sorts by time).
    package func key(for record: DeployRecord) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        return "\(folder)\(formatter.string(from: record.startedAt))-\(record.id.prefix(8)).json"
    }

    /// Stores `record`; returns its key.
    @discardableResult
    package func append(_ record: DeployRecord) async throws -> String {
        let key = key(for: record)
        _ = try await s3.putObject(
            bucket: bucket, key: key, body: .data(try EnvironmentLock.encoder.encode(record)),
            options: PutObjectOptions(contentType: "application/json"))
        return key
    }

    /// The newest `limit` records, newest first; unreadable objects are skipped.
    package func list(limit: Int = 20) async throws -> [DeployRecord] {
        let objects = try await s3.listObjectsV2(bucket: bucket, prefix: folder)
        let keys = objects.map(\.key).filter { $0.hasSuffix(".json") }.sorted(by: >).prefix(limit)
        var records: [DeployRecord] = []
        for key in keys {
            guard let object = try? await s3.getObject(bucket: bucket, key: key),
                  let record = try? EnvironmentLock.decoder.decode(DeployRecord.self, from: object.body) else { continue }
            records.append(record)
        }
        return records
    }
}
