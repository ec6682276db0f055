import AWSCore
import Configuration
import Deployment
import Foundation
import Synchronization
import Testing
@testable import Pipeline

/// Answers with the given status codes in turn (then 200), recording each request.
private final class ScriptedTransport: HTTPTransport {
    private let state: Mutex<(codes: [Int], requests: [HTTPRequest])>
    init(_ codes: [Int]) { state = Mutex((codes, [])) }
    var requests: [HTTPRequest] { state.withLock { $0.requests } }
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let code = state.withLock { value -> Int in
            value.requests.append(request)
            return value.codes.isEmpty ? 200 : value.codes.removeFirst()
        }
        if code == 0 { throw TransportError(kind: .cannotConnect, url: request.url, underlying: "refused") }
        return HTTPResponse(statusCode: code, body: Data("oops".utf8))
    }
}

@Suite("deploy notifications")
struct NotificationTests {
    private let notification = DeployNotification(
        operation: .deploy, outcome: .succeeded, environment: "dev", stackName: "app-dev",
        stackID: "arn:aws:cloudformation:eu-central-1:123456789012:stack/app-dev/abc", region: "eu-central-1",
        who: "arn:aws:iam::123456789012:user/ana", summary: "1 to add, 2 to modify, 0 to remove (UPDATE_COMPLETE)",
        changes: ["+ Root/Queue AWS::SQS::Queue"], durationSeconds: 83.4, gitCommit: "0123456789abcdef0123")

    @Test("the payload has Slack's text and blocks and the facts as plain fields")
    func payload() throws {
        let data = try SlackPayload.body(for: notification)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let text = try #require(json["text"] as? String)
        #expect(text == ":white_check_mark: app-dev (dev) deployed by arn:aws:iam::123456789012:user/ana in 1m 23s: "
            + "1 to add, 2 to modify, 0 to remove (UPDATE_COMPLETE)")
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.first?["type"] as? String == "section")
        let rendered = String(decoding: data, as: UTF8.self)
        #expect(rendered.contains("+ Root/Queue AWS::SQS::Queue"))
        #expect(rendered.contains("commit `0123456789ab`"))
        let ferry = try #require(json["ferry"] as? [String: Any])
        #expect(ferry["environment"] as? String == "dev")
        #expect(ferry["outcome"] as? String == "succeeded")
        #expect(ferry["who"] as? String == "arn:aws:iam::123456789012:user/ana")
    }

    @Test("the console link points at the stack in its region")
    func consoleURL() {
        #expect(notification.consoleURL == "https://eu-central-1.console.aws.amazon.com/cloudformation/home?region=eu-central-1"
            + "#/stacks/stackinfo?stackId=arn%3Aaws%3Acloudformation%3Aeu-central-1%3A123456789012%3Astack%2Fapp-dev%2Fabc")
        var china = notification
        china.region = "cn-north-1"
        china.stackID = nil
        #expect(china.consoleURL.hasPrefix("https://cn-north-1.console.amazonaws.cn/"))
        #expect(china.consoleURL.hasSuffix("stackId=app-dev"))
    }

    @Test("dry runs, up-to-date and declined deploys tell nobody; failures tell the root cause")
    func fromOutcome() {
        func result(_ outcome: DeployResult.Outcome) -> Result<DeployResult, any Error> {
            .success(DeployResult(outcome: outcome, stackName: "s", stackID: nil, report: nil, outputs: [], templateHash: "",
                                  templateURL: nil, maskedParameters: []))
        }
        let started = Date(timeIntervalSince1970: 0)
        for quiet in [DeployResult.Outcome.upToDate, .dryRun, .declined] {
            #expect(DeployNotification.deploy(result(quiet), environment: "dev", stackName: "s", region: "us-east-1", who: "w",
                                              started: started, gitCommit: nil) == nil)
        }
        let deployed = DeployNotification.deploy(result(.deployed(.updateComplete)), environment: "dev", stackName: "s",
                                                 region: "us-east-1", who: "w", started: started, gitCommit: nil,
                                                 now: Date(timeIntervalSince1970: 12))
        #expect(deployed?.outcome == .succeeded)
        #expect(deployed?.durationSeconds == 12)
        let failed = DeployNotification.deploy(result(.failed(status: .updateRollbackComplete, rootCause: nil)), environment: "dev",
                                               stackName: "s", region: "us-east-1", who: "w", started: started, gitCommit: nil)
        #expect(failed?.outcome == .failed)
        #expect(failed?.failure == "UPDATE_ROLLBACK_COMPLETE")
        #expect(SlackPayload.text(for: failed!).hasPrefix(":x: s (dev) deploy FAILED by w"))
    }

    @Test("500 twice then 200: three attempts and delivered")
    func retries() async throws {
        let transport = ScriptedTransport([500, 503, 200])
        let sink = RecordingSink()
        let notifier = WebhookNotifier(transport: transport, backoff: 0.01, processEnvironment: ["HOOK": "https://hooks.example.com/T/B/C"])
        let delivered = await notifier.notify(notification, webhooks: [try WebhookURLTemplate("${HOOK}")], sink: sink)
        #expect(delivered == 1)
        #expect(transport.requests.count == 3)
        #expect(transport.requests.allSatisfy { $0.method == "POST" && $0.url.absoluteString == "https://hooks.example.com/T/B/C" })
        #expect(transport.requests.first?.header("Content-Type") == "application/json")
        let event = try #require(sink.all.first as? NotificationEvent)
        #expect(event.level == .info)
        #expect(!event.message.contains("T/B/C"))
    }

    @Test("a webhook that keeps failing is a warning after 3 attempts; a 4xx is not retried")
    func failures() async throws {
        let refused = ScriptedTransport([0, 0, 0, 0])
        let sink = RecordingSink()
        let notifier = WebhookNotifier(transport: refused, backoff: 0.01, processEnvironment: [:])
        let delivered = await notifier.notify(notification, webhooks: [try WebhookURLTemplate("https://h.example.com/x")], sink: sink)
        #expect(delivered == 0)
        #expect(refused.requests.count == 3)
        let event = try #require(sink.all.first as? NotificationEvent)
        #expect(event.level == .warning)
        #expect(event.message.contains("after 3 attempt(s)"))

        let forbidden = ScriptedTransport([403])
        _ = await WebhookNotifier(transport: forbidden, backoff: 0.01, processEnvironment: [:])
            .notify(notification, webhooks: [try WebhookURLTemplate("https://h.example.com/x")], sink: RecordingSink())
        #expect(forbidden.requests.count == 1)
    }

    @Test("an unset variable is a warning and nothing is sent")
    func unsetVariable() async throws {
        let transport = ScriptedTransport([])
        let sink = RecordingSink()
        _ = await WebhookNotifier(transport: transport, processEnvironment: [:])
            .notify(notification, webhooks: [try WebhookURLTemplate("${SLACK_WEBHOOK}")], sink: sink)
        #expect(transport.requests.isEmpty)
        #expect((sink.all.first as? NotificationEvent)?.message.contains("SLACK_WEBHOOK") == true)
    }
}
