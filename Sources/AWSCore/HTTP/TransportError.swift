import Foundation

/// No HTTP response came back: the connection failed, was reset or timed out.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case cannotConnect, connectionLost, timedOut, cannotFindHost, other
    }

    public let kind: Kind
    public let url: URL
    public let underlying: String

    public init(kind: Kind, url: URL, underlying: String) {
        self.kind = kind
        self.url = url
        self.underlying = underlying
    }

    /// Whether trying again may succeed (everything except an unknown host).
    public var isTransient: Bool { kind != .cannotFindHost }

    public var description: String {
        let host = url.host.map { "\($0)\(url.port.map { ":\($0)" } ?? "")" } ?? url.absoluteString
        switch kind {
        case .cannotConnect: return "could not connect to \(host) (\(underlying))"
        case .connectionLost: return "the connection to \(host) was lost (\(underlying))"
        case .timedOut: return "the request to \(host) timed out"
        case .cannotFindHost: return "unknown host \(host)"
        case .other: return "request to \(host) failed: \(underlying)"
        }
    }
}
