import AWSCore
import Foundation

/// A bucket and key read from the ways templates spell S3 objects: `s3://bucket/key`,
/// virtual-host URLs (`https://bucket.s3.region.amazonaws.com/key`), path-style URLs
/// (`https://s3.region.amazonaws.com/bucket/key`) and custom endpoints (`http://localhost:4566/bucket/key`).
package struct S3Address: Sendable, Hashable, Codable {
    package var bucket: String
    package var key: String

    /// An address.
    package init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    /// Parses `text`; nil when it names no object.
    package init?(parsing text: String) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else { return nil }
        let path = components.percentEncodedPath.removingPercentEncoding ?? components.path
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if scheme == "s3" {
            guard !trimmed.isEmpty else { return nil }
            self.init(bucket: host, key: trimmed)
            return
        }
        guard scheme == "https" || scheme == "http" else { return nil }
        let lower = host.lowercased()
        let isAWS = AWSPartition.isAWSHost(lower)
        if isAWS, !(lower.hasPrefix("s3.") || lower.hasPrefix("s3-")),
           let range = lower.range(of: ".s3.") ?? lower.range(of: ".s3-") {
            let bucket = String(host[host.startIndex..<range.lowerBound])
            guard !trimmed.isEmpty else { return nil }
            self.init(bucket: bucket, key: trimmed)
            return
        }
        // Path style: AWS's s3.<region> hosts and custom endpoints.
        guard let slash = trimmed.firstIndex(of: "/") else { return nil }
        let bucket = String(trimmed[..<slash])
        let key = String(trimmed[trimmed.index(after: slash)...])
        guard !bucket.isEmpty, !key.isEmpty else { return nil }
        self.init(bucket: bucket, key: key)
    }

    /// `s3://bucket/key`.
    package var uri: String { "s3://\(bucket)/\(key)" }
}
