import AWSCore
import AWSSigV4
import Foundation
import Synchronization

/// A transport that records requests and answers from a script.
final class FakeTransport: HTTPTransport {
    enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(TransportError.Kind)
    }

    private let state: Mutex<(script: [Step], requests: [HTTPRequest])>
    private let fallback: Step

    init(_ script: [Step], fallback: Step = .respond(HTTPResponse(statusCode: 200))) {
        state = Mutex((script, []))
        self.fallback = fallback
    }

    convenience init(responses: [HTTPResponse]) {
        self.init(responses.map { .respond($0) })
    }

    var requests: [HTTPRequest] { state.withLock { $0.requests } }
    var attempts: Int { requests.count }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try request.body.bytes()
        let step = state.withLock { value -> Step in
            value.requests.append(request)
            return value.script.isEmpty ? fallback : value.script.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let kind): throw TransportError(kind: kind, url: request.url, underlying: "scripted \(kind)")
        }
    }
}

/// A signer that adds recognisable headers and records the dates it signed at.
final class FakeSigner: RequestSigner {
    private let dates = Mutex<[Date]>([])
    var signingDates: [Date] { dates.withLock { $0 } }

    func sign(_ request: HTTPRequest, credentials: AWSCredentials, region: String, signingName: String,
              pathEncoding: SigningPathEncoding, date: Date) throws -> HTTPRequest {
        dates.withLock { $0.append(date) }
        var request = request
        request.setHeader("X-Amz-Date", "\(Int(date.timeIntervalSince1970))")
        if let token = credentials.sessionToken { request.setHeader("X-Amz-Security-Token", token) }
        request.setHeader("Authorization",
                          "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/20261127/\(region)/\(signingName)/aws4_request, "
                          + "SignedHeaders=host;x-amz-date, Signature=deadbeefcafe\(pathEncoding == .s3 ? "s3" : "std")")
        return request
    }
}

/// Records what the client does between attempts.
final class Recorder: Sendable {
    private let sleeps = Mutex<[Duration]>([])
    private let traces = Mutex<[HTTPTrace]>([])
    var delays: [Duration] { sleeps.withLock { $0 } }
    var traceRecords: [HTTPTrace] { traces.withLock { $0 } }
    func sleep(_ duration: Duration) { sleeps.withLock { $0.append(duration) } }
    func trace(_ trace: HTTPTrace) { traces.withLock { $0.append(trace) } }
}

let testCredentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                     sessionToken: "FQoGZXIvYXdzEXAMPLETOKEN")
let fixedNow = Date(timeIntervalSince1970: 1_795_000_000)

/// A client with a fake signer, instant sleeps, a fixed clock and a fixed jitter.
func makeClient(transport: any HTTPTransport, maxAttempts: Int = 3, recorder: Recorder = Recorder(),
                signer: any RequestSigner = FakeSigner(), random: Double = 0.5, pathStyle: Bool = false,
                baseURL: String? = nil, clock: @escaping @Sendable () -> Date = { fixedNow }) -> AWSClient {
    AWSClient(
        credentialProvider: StaticCredentialProvider(testCredentials),
        endpoints: { service in
            let url = URL(string: baseURL ?? "https://\(service.endpointPrefix).eu-central-1.amazonaws.com")!
            return ServiceEndpoint(url: url, signingRegion: "eu-central-1", signingName: service.signingName,
                                   usesPathStyle: pathStyle)
        },
        transport: transport,
        retry: .standard(maxAttempts: maxAttempts),
        signer: signer,
        clock: clock,
        sleep: { recorder.sleep($0) },
        random: { random },
        trace: { recorder.trace($0) }
    )
}

extension HTTPResponse {
    static func xml(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [("Content-Type", "text/xml")] + headers, body: Data(body.utf8))
    }

    static func json(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [("Content-Type", "application/json")] + headers, body: Data(body.utf8))
    }
}

extension HTTPRequest {
    var bodyText: String { (try? body.bytes()).flatMap { String(data: $0, encoding: .utf8) } ?? "" }
}

/// Loads a recorded response body from Fixtures.
func fixture(_ name: String) throws -> Data {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name)
    return try Data(contentsOf: url)
}
