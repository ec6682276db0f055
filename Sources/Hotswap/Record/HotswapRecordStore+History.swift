import AWSServices
import Foundation

extension HotswapRecordStore {
    /// Every hot-swap of `stackName` as recorded at the time (the copies under their timestamps,
    /// not `latest.json`), oldest first; unreadable objects are skipped.
    package func history(stackName: String) async throws -> [HotswapRecord] {
        let latest = HotswapRecord.latestKey(prefix: prefix, stackName: stackName)
        let folder = String(latest.dropLast("latest.json".count))
        let keys = try await s3.listObjectsV2(bucket: bucket, prefix: folder).map(\.key)
            .filter { $0.hasSuffix(".json") && $0 != latest }
            .sorted()
        var records: [HotswapRecord] = []
        for key in keys {
            guard let object = try? await s3.getObject(bucket: bucket, key: key),
                  let record = try? JSONDecoder().decode(HotswapRecord.self, from: object.body) else { continue }
            records.append(record)
        }
        return records
    }
}
