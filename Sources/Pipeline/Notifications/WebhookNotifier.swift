import AWSCore
import Configuration
import Foundation
import Reporting

/// Posts a `DeployNotification` to an environment's webhooks through the project's HTTP
/// transport: 3 attempts per URL with backoff on a refused connection, a timeout, 429 or 5xx.
/// A webhook that still fails is a warning event; it never fails the deploy.
package struct WebhookNotifier: Sendable {
    private let transport: any HTTPTransport
    /// Attempts per webhook.
    package var attempts: Int
    /// Seconds before the second attempt; doubled for each further one.
    package var backoff: TimeInterval
    /// Seconds before one request is given up on.
    package var requestTimeout: TimeInterval
    /// Where `${VAR}` in a URL is looked up.
    package var processEnvironment: [String: String]

    /// A notifier over `transport`.
    package init(transport: any HTTPTransport = URLSessionTransport(), attempts: Int = 3, backoff: TimeInterval = 1,
                requestTimeout: TimeInterval = 10,
                processEnvironment: [String: String] = ProcessInfo.processInfo.environment) {
        self.transport = transport
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.requestTimeout = requestTimeout
        self.processEnvironment = processEnvironment
    }

    /// Sends `notification` to every URL of `webhooks`, one after the other; emits a
    /// `NotificationEvent` per webhook. Returns how many accepted it.
    @discardableResult
    package func notify(_ notification: DeployNotification, webhooks: [WebhookURLTemplate], sink: any EventSink) async -> Int {
        guard !webhooks.isEmpty else { return 0 }
        let body: Data
        do {
            // NoEcho values never leave in a notification, whatever the payload quotes.
            body = Data(SecretValues.shared.redact(String(decoding: try SlackPayload.body(for: notification), as: UTF8.self)).utf8)
        } catch {
            sink.emit(NotificationEvent(webhook: "all webhooks", problem: "could not encode the notification: \(error)", attempts: 0))
            return 0
        }
        var delivered = 0
        for webhook in webhooks {
            let url: URL
            do {
                url = try webhook.expand(processEnvironment)
            } catch {
                sink.emit(NotificationEvent(webhook: webhook.raw, problem: error.message, attempts: 0))
                continue
            }
            let shown = Self.redacted(url)
            let (problem, tries) = await post(body, to: url)
            sink.emit(NotificationEvent(webhook: shown, problem: problem, attempts: tries))
            if problem == nil { delivered += 1 }
        }
        return delivered
    }

    /// Posts with retries; returns the last problem (nil when delivered) and the attempts made.
    func post(_ body: Data, to url: URL) async -> (String?, Int) {
        var problem: String?
        for attempt in 1...attempts {
            if attempt > 1 {
                let delay = backoff * pow(2, Double(attempt - 2))
                try? await Task.sleep(for: .seconds(delay))
            }
            let request = HTTPRequest(
                method: "POST", url: url, headers: [("Content-Type", "application/json"), ("User-Agent", "ferry")],
                body: .data(body), timeout: requestTimeout)
            do {
                let response = try await transport.send(request)
                if (200..<300).contains(response.statusCode) { return (nil, attempt) }
                let text = String(decoding: response.body.prefix(200), as: UTF8.self)
                problem = "HTTP \(response.statusCode)" + (text.isEmpty ? "" : ": \(text)")
                guard response.statusCode == 429 || response.statusCode >= 500 else { return (problem, attempt) }
            } catch {
                problem = "\(error)"
            }
        }
        return (problem, attempts)
    }

    /// The URL without its path and query (a Slack webhook's path is its secret).
    static func redacted(_ url: URL) -> String {
        let port = url.port.map { ":\($0)" } ?? ""
        return "\(url.scheme ?? "https")://\(url.host ?? "")\(port)/…"
    }
}

/// A webhook was told, or could not be.
package struct NotificationEvent: FerryEvent {
    /// The webhook, its path hidden.
    package let webhook: String
    /// Why it failed; nil when delivered.
    package let problem: String?
    /// Attempts made.
    package let attempts: Int

    package var kind: String { "notify.webhook" }
    package var level: EventLevel { problem == nil ? .info : .warning }
    package var message: String {
        guard let problem else { return "notified \(webhook)" }
        let tries = attempts > 0 ? " after \(attempts) attempt(s)" : ""
        return "could not notify \(webhook)\(tries): \(problem) (the deploy itself is not affected)"
    }
}
