import AWSCore
import AWSSigV4
import Foundation
import Synchronization

/// A transport that answers with canned responses in order and records every request.
final class FakeTransport: HTTPTransport {
    private let state: Mutex<(responses: [HTTPResponse], requests: [HTTPRequest])>

    init(_ responses: [HTTPResponse]) {
        state = Mutex((responses, []))
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try state.withLock { state in
            state.requests.append(request)
            guard !state.responses.isEmpty else {
                throw FixtureError(message: "unexpected request \(request.method) \(request.url)")
            }
            return state.responses.removeFirst()
        }
    }

    /// The requests sent so far.
    var requests: [HTTPRequest] { state.withLock { $0.requests } }

    /// The form parameters of a query-protocol request.
    static func form(_ request: HTTPRequest) throws -> [String: String] {
        let text = String(decoding: try request.body.bytes(), as: UTF8.self)
        var form: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            form[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return form
    }

    /// The JSON body of a request as a dictionary.
    static func json(_ request: HTTPRequest) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try request.body.bytes()) as? [String: Any] ?? [:]
    }
}

/// Adds nothing: the fake transport does not check signatures.
struct NoSigner: RequestSigner {
    func sign(_ request: HTTPRequest, credentials: AWSCredentials, region: String, signingName: String,
              pathEncoding: SigningPathEncoding, date: Date) throws -> HTTPRequest { request }
}

extension Fixture {
    /// A client that talks to `transport` at `http://localhost:5077` (path-style S3), without retries.
    static func client(_ transport: FakeTransport) -> AWSClient {
        AWSClient(
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            endpoints: { service in
                ServiceEndpoint(url: URL(string: "http://localhost:5077")!, signingRegion: "us-east-1",
                                signingName: service.signingName, usesPathStyle: true)
            },
            transport: transport, retry: .standard(maxAttempts: 1), signer: NoSigner(), sleep: { _ in })
    }

    /// A 200 response whose body is a fixture file.
    static func response(_ name: String, status: Int = 200, headers: [(String, String)] = []) throws -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers.map { (name: $0.0, value: $0.1) }, body: try data(name))
    }

    /// A response with a literal body.
    static func response(status: Int, body: String = "", headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers.map { (name: $0.0, value: $0.1) }, body: Data(body.utf8))
    }
}

extension Fixture {
    /// A response recorded from the local moto server (`Fixtures/moto/<name>.txt`): a
    /// `### <request>` line, a `### status N` line, the headers, a blank line, then the body.
    static func recorded(_ name: String) throws -> HTTPResponse {
        let text = String(decoding: try data("moto/\(name).txt"), as: UTF8.self)
        guard let split = text.range(of: "\n\n") else { throw FixtureError(message: "\(name): no blank line") }
        let head = text[..<split.lowerBound].split(separator: "\n")
        guard head.count >= 2, let status = Int(head[1].dropFirst("### status ".count)) else {
            throw FixtureError(message: "\(name): no status line")
        }
        let headers = head.dropFirst(2).compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(text[split.upperBound...].utf8))
    }

    /// A client whose transport replays the named recordings in order.
    static func replaying(_ names: String...) throws -> (AWSClient, FakeTransport) {
        let transport = FakeTransport(try names.map(recorded))
        return (client(transport), transport)
    }
}

extension Fixture {
    /// A client that answers with literal 200 bodies first, then the named recordings.
    static func replayingLiteral(_ bodies: [String], then names: String...) throws -> (AWSClient, FakeTransport) {
        let transport = FakeTransport(bodies.map { response(status: 200, body: $0) } + (try names.map(recorded)))
        return (client(transport), transport)
    }
}
