import Foundation

/// One HTTP request as the transport sends it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    /// Header fields in order; names compare case-insensitively.
    public var headers: [(name: String, value: String)]
    public var body: HTTPBody
    /// Seconds before the request is given up on.
    public var timeout: TimeInterval

    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: HTTPBody = .empty, timeout: TimeInterval = 60) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The value of the first header with this name (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Replaces every header with this name by one with the new value.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        headers.append((name, value))
    }
}

/// A request body. Bytes in memory and files can be sent again on a retry; a one-shot stream
/// cannot, so a failed attempt with one is not retried.
public enum HTTPBody: Sendable {
    case empty
    case data(Data)
    /// A byte range of a file on disk (large uploads, multipart parts).
    case file(URL, offset: UInt64, length: UInt64)
    /// Bytes that can be read only once (a pipe, a generated stream): never sent twice.
    case oneShot(OneShotBody)

    /// Whether the same bytes can be produced again for a retry.
    public var isReplayable: Bool {
        if case .oneShot = self { return false }
        return true
    }

    /// The bytes, read into memory.
    public func bytes() throws -> Data {
        switch self {
        case .empty:
            return Data()
        case .data(let data):
            return data
        case .file(let url, let offset, let length):
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            try handle.seek(toOffset: offset)
            return try handle.read(upToCount: Int(length)) ?? Data()
        case .oneShot(let body):
            return try body.take()
        }
    }
}

/// One HTTP response, body fully read.
public struct HTTPResponse: Sendable {
    public var statusCode: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(statusCode: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The value of the first header with this name (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Sends HTTP requests. The production implementation is `URLSessionTransport`; tests may use
/// their own.
public protocol HTTPTransport: Sendable {
    /// Sends the request and reads the whole response. Throws `TransportError` when no HTTP
    /// response came back (refused, reset, timed out, DNS).
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
