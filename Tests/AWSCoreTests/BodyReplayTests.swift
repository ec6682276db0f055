import AWSCore
import Foundation
import Testing

/// A kept-alive connection dropped by the server just as a request with a body goes out: the
/// retry carries the whole body (never the headers alone), and costs the retry delay, not a timeout.
@Suite("Request bodies survive a dropped keep-alive connection", .serialized)
struct BodyReplayTests {
    let server: FaultServer

    init() throws { server = try FaultServer() }

    /// A body larger than libcurl's `Expect: 100-continue` threshold.
    static let body = Data(("Action=DescribeStacks&Version=2010-05-15&Padding=" + String(repeating: "x", count: 4000)).utf8)

    private func call(_ client: AWSClient, method: String, script: String) async throws -> HTTPResponse {
        let url = URL(string: "\(server.baseURL)/\(script)/object")!
        return try await client.send(method == "PUT" ? .s3 : .cloudFormation, operation: "Test") { _ in
            // A short timeout: a request that waited for a body that never comes would fail here.
            HTTPRequest(method: method, url: url, headers: [("Content-Type", "application/x-www-form-urlencoded")],
                        body: .data(Self.body), timeout: 15)
        }
    }

    @Test("POST and PUT: first call keeps the connection alive, the second is dropped unanswered, its retry carries the full body",
          arguments: ["POST", "PUT"])
    func droppedKeepAlive(method: String) async throws {
        let script = "ok,reset,ok~\(method)"
        let recorder = Recorder()
        let client = makeClient(transport: URLSessionTransport(), maxAttempts: 3, recorder: recorder, baseURL: server.baseURL)
        _ = try await call(client, method: method, script: script)
        let response = try await call(client, method: method, script: script)
        #expect(response.statusCode == 200)

        let bodies = try await server.bodies(script)
        #expect(bodies.count == 3, "requests the server saw: \(bodies)")
        for body in bodies {
            #expect(body.method == method)
            #expect(body.declared == Self.body.count)
            #expect(body.received == Self.body.count, "a request arrived without its whole body: \(bodies)")
        }
        // Ferry's own retry ran (2 attempts for the second call), not a silent resend inside the HTTP stack.
        #expect(recorder.traceRecords.count == 3)
        #expect(recorder.traceRecords.map(\.statusCode) == [200, nil, 200])
    }

    @Test("body-less GETs keep using pooled connections")
    func getsArePooled() async throws {
        let script = "ok~get"
        let transport = URLSessionTransport()
        for _ in 0..<3 {
            _ = try await transport.send(HTTPRequest(method: "GET", url: URL(string: "\(server.baseURL)/\(script)/x")!, timeout: 10))
        }
        let bodies = try await server.bodies(script)
        #expect(bodies.count == 3)
        let reused = bodies.dropFirst().allSatisfy { $0.reusedConnection }
        #expect(reused, "\(bodies)")
    }
}
