import AWSCore
import Foundation

/// Where packaged artifacts go: a bucket, a key prefix, and how locations are spelled.
package struct ArtifactStore: Sendable, Hashable {
    /// The bucket.
    package var bucket: String
    /// The key prefix without slashes at either end; empty for none.
    package var prefix: String
    /// The bucket's (and the stacks') region.
    package var region: String
    /// A custom S3 endpoint (the local emulator); nil on AWS.
    package var customEndpoint: URL?

    /// A store; slashes around `prefix` are dropped.
    package init(bucket: String, prefix: String, region: String, customEndpoint: URL? = nil) {
        self.bucket = bucket
        self.prefix = prefix.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        self.region = region
        self.customEndpoint = customEndpoint
    }

    /// The key of an object named `name` (`<prefix>/<name>`).
    package func key(_ name: String) -> String {
        prefix.isEmpty ? name : "\(prefix)/\(name)"
    }

    /// `s3://bucket/key`.
    package func s3URI(key: String) -> String { "s3://\(bucket)/\(key)" }

    /// The HTTPS URL `TemplateURL` takes: path style on `s3.<region>.amazonaws.com` (what
    /// `aws cloudformation package` writes), or `http://localhost:PORT/bucket/key` on a custom
    /// endpoint (the emulator reads `127.0.0.1` as a bucket name, so loopback is spelled `localhost`).
    package func templateURL(key: String) -> String {
        if let customEndpoint, var components = URLComponents(url: customEndpoint, resolvingAgainstBaseURL: false) {
            if components.host == "127.0.0.1" || components.host == "::1" { components.host = "localhost" }
            components.path = ""
            components.query = nil
            let base = components.string ?? customEndpoint.absoluteString
            return "\(base.hasSuffix("/") ? String(base.dropLast()) : base)/\(bucket)/\(key)"
        }
        return "https://s3.\(region).\(AWSPartition.containing(region: region).dnsSuffix)/\(bucket)/\(key)"
    }

    /// True when `endpoint` is not an AWS S3 endpoint (so locations use it).
    package static func isCustom(_ endpoint: URL) -> Bool {
        !AWSPartition.isAWSEndpoint(endpoint)
    }
}
