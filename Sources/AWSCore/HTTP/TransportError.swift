import Foundation

/// No HTTP response came back: the connection failed, was reset or timed out.
package struct TransportError: Error, Sendable, CustomStringConvertible {
    package enum Kind: String, Sendable {
        case cannotConnect, connectionLost, timedOut, cannotFindHost, other
    }

    package let kind: Kind
    package let url: URL
    package let underlying: String
    /// How many attempts failed this way before the client gave up (set by the retry logic).
    package var attempts: Int = 1

    package init(kind: Kind, url: URL, underlying: String) {
        self.kind = kind
        self.url = url
        self.underlying = underlying
    }

    /// Whether trying again may succeed (everything except an unknown host).
    package var isTransient: Bool { kind != .cannotFindHost }

    package var description: String {
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
    package var mayBeWrongEndpoint: Bool { kind == .cannotConnect || kind == .cannotFindHost }
}
