import Foundation

/// One HTTP request as the transport sends it.
package struct HTTPRequest: Sendable {
    package var method: String
    package var url: URL
    /// Header fields in order; names compare case-insensitively.
    package var headers: [(name: String, value: String)]
    package var body: HTTPBody
    /// Seconds before the request is given up on.
    package var timeout: TimeInterval

    package init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: HTTPBody = .empty, timeout: TimeInterval = 60) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The value of the first header with this name (case-insensitive).
    package func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Replaces every header with this name by one with the new value.
    package mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        headers.append((name, value))
    }
}

/// A request body. Bytes in memory and files can be sent again on a retry; a one-shot stream
/// cannot, so a failed attempt with one is not retried.
package enum HTTPBody: Sendable {
    case empty
    case data(Data)
    /// A byte range of a file on disk (large uploads, multipart parts).
    case file(URL, offset: UInt64, length: UInt64)
    /// Bytes that can be read only once (a pipe, a generated stream): never sent twice.
    case oneShot(OneShotBody)

    /// Whether the same bytes can be produced again for a retry.
    package var isReplayable: Bool {
        if case .oneShot = self { return false }
        return true
    }

    /// The bytes, read into memory.
    package func bytes() throws -> Data {
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
package struct HTTPResponse: Sendable {
    package var statusCode: Int
    package var headers: [(name: String, value: String)]
    package var body: Data

    package init(statusCode: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The value of the first header with this name (case-insensitive).
    package func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Sends HTTP requests. The production implementation is `URLSessionTransport`; tests may use
/// their own.
package protocol HTTPTransport: Sendable {
    /// Sends the request and reads the whole response. Throws `TransportError` when no HTTP
    /// response came back (refused, reset, timed out, DNS).
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
