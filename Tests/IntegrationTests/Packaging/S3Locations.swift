import AWSCore
import AWSServices
import Foundation
import Templates

/// Reads S3 locations out of packaged templates and checks them against the emulator.
enum S3Locations {
    /// An S3 client for the emulator at `endpoint`.
    static func client(_ endpoint: URL) -> S3 {
        S3(client: AWSClient(
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            endpoints: { service in
                ServiceEndpoint(url: endpoint, signingRegion: "eu-central-1", signingName: service.signingName,
                                usesPathStyle: true)
            }))
    }

    /// Every (bucket, key) a template names: `s3://` strings, `{Bucket, Key}` / `{S3Bucket, S3Key}`
    /// maps, and `http(s)://host/bucket/key` template URLs on the emulator or amazonaws.com.
    static func all(in value: TemplateValue) -> [(bucket: String, key: String)] {
        switch value {
        case .string(let text):
            if text.hasPrefix("s3://") {
                let rest = text.dropFirst(5)
                guard let slash = rest.firstIndex(of: "/") else { return [] }
                return [(String(rest[..<slash]), String(rest[rest.index(after: slash)...]))]
            }
            if text.hasPrefix("http"), let url = URL(string: text),
               url.host == "localhost" || url.host?.hasSuffix("amazonaws.com") == true {
                let parts = url.path.split(separator: "/", maxSplits: 1).map(String.init)
                return parts.count == 2 ? [(parts[0], parts[1])] : []
            }
            return []
        case .map(let map):
            for (bucketName, keyName) in [("Bucket", "Key"), ("S3Bucket", "S3Key")] {
                if let bucket = map[bucketName]?.stringValue, let key = map[keyName]?.stringValue {
                    return [(bucket, key)]
                }
            }
            return map.flatMap { all(in: $0.value) }
        case .list(let items):
            return items.flatMap(all(in:))
        default:
            return []
        }
    }

    /// The dotted paths (from the template root) whose values `packaged` replaced (or added) with
    /// an S3 location: an `s3://` or `http(s)://` string, or a map naming a bucket and a key.
    /// Other differences (short versus long intrinsic forms, quoting) are not rewrites.
    static func rewrittenPaths(original: TemplateValue, packaged: TemplateValue, path: [String] = []) -> Set<String> {
        if original == packaged { return [] }
        switch (original, packaged) {
        case (.map(let before), .map(let after)):
            var result: Set<String> = []
            for key in Set(before.keys).union(after.keys) {
                let old = before[key] ?? .null, new = after[key] ?? .null
                result.formUnion(rewrittenPaths(original: old, packaged: new, path: path + [key]))
            }
            return result
        case (.list(let before), .list(let after)) where before.count == after.count:
            return zip(before, after).enumerated().reduce(into: Set<String>()) { result, pair in
                result.formUnion(rewrittenPaths(original: pair.element.0, packaged: pair.element.1, path: path + ["\(pair.offset)"]))
            }
        default:
            return isLocation(packaged) ? [path.joined(separator: ".")] : []
        }
    }

    private static func isLocation(_ value: TemplateValue) -> Bool {
        switch value {
        case .string(let text): return text.hasPrefix("s3://") || text.hasPrefix("http://") || text.hasPrefix("https://")
        case .map(let map): return (map["Bucket"] ?? map["S3Bucket"]) != nil && (map["Key"] ?? map["S3Key"]) != nil
        default: return false
        }
    }
}
