import Foundation

/// An AWS partition: the set of regions that share a DNS suffix.
package struct AWSPartition: Sendable, Equatable {
    /// `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`.
    package let id: String
    /// `amazonaws.com`, `amazonaws.com.cn`, ...
    package let dnsSuffix: String
    /// The region global services are signed in (`us-east-1` for `aws`).
    package let globalRegion: String
    /// The host label global services use before the suffix (`iam.amazonaws.com`, `iam.us-gov.amazonaws.com`).
    let globalHostLabel: String?

    /// The standard partition.
    package static let aws = AWSPartition(id: "aws", dnsSuffix: "amazonaws.com", globalRegion: "us-east-1", globalHostLabel: nil)
    /// China (`cn-*`).
    package static let china = AWSPartition(id: "aws-cn", dnsSuffix: "amazonaws.com.cn", globalRegion: "cn-north-1",
                                           globalHostLabel: "cn-north-1")
    /// AWS GovCloud (US) (`us-gov-*`).
    package static let govCloud = AWSPartition(id: "aws-us-gov", dnsSuffix: "amazonaws.com", globalRegion: "us-gov-west-1",
                                              globalHostLabel: "us-gov")
    /// US ISO East (`us-iso-*`).
    package static let iso = AWSPartition(id: "aws-iso", dnsSuffix: "c2s.ic.gov", globalRegion: "us-iso-east-1",
                                         globalHostLabel: "us-iso-east-1")
    /// US ISOB East (`us-isob-*`).
    package static let isoB = AWSPartition(id: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov", globalRegion: "us-isob-east-1",
                                          globalHostLabel: "us-isob-east-1")

    /// The partition a region belongs to (`cn-*` → aws-cn, `us-gov-*` → aws-us-gov, else aws).
    package static func containing(region: String) -> AWSPartition {
        if region.hasPrefix("cn-") { return .china }
        if region.hasPrefix("us-gov-") { return .govCloud }
        if region.hasPrefix("us-isob-") { return .isoB }
        if region.hasPrefix("us-iso-") { return .iso }
        return .aws
    }

    /// Every partition Ferry knows.
    package static let all: [AWSPartition] = [.aws, .china, .govCloud, .iso, .isoB]

    /// The partition whose DNS suffix `host` ends with (`lambda.cn-north-1.amazonaws.com.cn` →
    /// aws-cn), or nil for any other host (a local emulator, a proxy): the one answer to "is this
    /// an AWS endpoint". Case-insensitive.
    package static func serving(host: String) -> AWSPartition? {
        let lower = host.lowercased()
        func ends(with suffix: String) -> Bool { lower == suffix || lower.hasSuffix(".\(suffix)") }
        for partition in [AWSPartition.china, .isoB, .iso] where ends(with: partition.dnsSuffix) { return partition }
        guard ends(with: AWSPartition.aws.dnsSuffix) else { return nil }
        return lower.contains("us-gov") ? .govCloud : .aws
    }

    /// Whether `host` is an AWS endpoint of any partition.
    package static func isAWSHost(_ host: String) -> Bool { serving(host: host) != nil }

    /// Whether `url` has a host and it is an AWS endpoint of any partition.
    package static func isAWSEndpoint(_ url: URL) -> Bool { url.host.map(isAWSHost) ?? false }

    /// The standard host of a service: `{prefix}.{region}.{suffix}`, or the partition's global
    /// host for global services.
    package func hostname(endpointPrefix: String, region: String, isGlobal: Bool) -> String {
        guard isGlobal else { return "\(endpointPrefix).\(region).\(dnsSuffix)" }
        return [endpointPrefix, globalHostLabel, dnsSuffix].compactMap { $0 }.joined(separator: ".")
    }
}
