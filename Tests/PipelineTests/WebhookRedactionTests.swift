import AWSCore
import Configuration
import Foundation
import Reporting
import Synchronization
import Testing
@testable import Pipeline

/// A webhook body never carries a NoEcho value, whatever the notification quotes.
@Suite struct WebhookRedactionTests {
    private final class Capturing: HTTPTransport {
        let bodies = Mutex<[String]>([])
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let text = String(decoding: try request.body.bytes(), as: UTF8.self)
            bodies.withLock { $0.append(text) }
            return HTTPResponse(statusCode: 200)
        }
    }

    @Test func noEchoValuesAreMaskedInTheBody() async throws {
        let secret = "webhook-secret-\(UUID().uuidString)"
        SecretValues.shared.add([secret])
        let notification = DeployNotification(
            operation: .deploy, outcome: .failed, environment: "dev", stackName: "app-dev", region: "eu-central-1",
            who: "arn:aws:iam::123456789012:user/ana", summary: "UPDATE_ROLLBACK_COMPLETE", changes: [],
            durationSeconds: 3, failure: "Fn: CREATE_FAILED: invalid value \(secret) for DB_PASSWORD")
        let transport = Capturing()
        let delivered = await WebhookNotifier(transport: transport, backoff: 0.01, processEnvironment: [:])
            .notify(notification, webhooks: [try WebhookURLTemplate("https://hooks.example.com/T/B/C")], sink: NullEventSink())
        #expect(delivered == 1)
        let body = try #require(transport.bodies.withLock { $0.first })
        #expect(!body.contains(secret), "\(body)")
        #expect(body.contains("invalid value ****"), "\(body)")
    }
}
