import Foundation

/// No HTTP response came back: the connection failed, was reset or timed out.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case cannotConnect, connectionLost, timedOut, cannotFindHost, other
    }

    public let kind: Kind
    public let url: URL
    public let underlying: String
    /// How many attempts failed this way before the client gave up (set by the retry logic).
    public var attempts: Int = 1

    public init(kind: Kind, url: URL, underlying: String) {
        self.kind = kind
        self.url = url
        self.underlying = underlying
    }

    /// Whether trying again may succeed (everything except an unknown host).
    public var isTransient: Bool { kind != .cannotFindHost }

    public var description: String {
        let host = url.host.map { "\($0)\(url.port.map { ":\($0)" } ?? "")" } ?? url.absoluteString
        let tries = attempts > 1 ? " after \(attempts) attempts" : ""
        switch kind {
        case .cannotConnect: return "could not connect to \(host)\(tries) (\(underlying))"
        case .connectionLost: return "connection reset by \(host)\(tries)"
        case .timedOut: return "the request to \(host) timed out\(tries)"
        case .cannotFindHost: return "unknown host \(host)"
        case .other: return "request to \(host) failed\(tries): \(underlying)"
        }
    }

    /// Whether the endpoint itself may be wrong (nothing listens there, or the name is unknown)
    /// rather than the network having failed on the way.
    public var mayBeWrongEndpoint: Bool { kind == .cannotConnect || kind == .cannotFindHost }
}
