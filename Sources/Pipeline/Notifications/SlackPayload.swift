import Foundation

/// The JSON a webhook receives: Slack's incoming-webhook shape (`text` for notifications and
/// clients without blocks, `blocks` for the message) plus a `ferry` object with the same facts as
/// plain fields for other webhook consumers.
package enum SlackPayload {
    /// The body for `notification`.
    package static func body(for notification: DeployNotification) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Payload(notification))
    }

    /// The one-line `text` (also the fallback Slack shows in notifications).
    package static func text(for n: DeployNotification) -> String {
        let mark = n.outcome == .succeeded ? ":white_check_mark:" : ":x:"
        let verb = switch (n.operation, n.outcome) {
        case (.deploy, .succeeded): "deployed"
        case (.deploy, .failed): "deploy FAILED"
        case (.hotswap, .succeeded): "hot-swapped"
        case (.hotswap, .failed): "hot-swap FAILED"
        case (.trafficShift, .succeeded): "shifted traffic"
        case (.trafficShift, .failed): "traffic shift ROLLED BACK"
        }
        return "\(mark) \(n.stackName) (\(n.environment)) \(verb) by \(n.who) in \(duration(n.durationSeconds)): \(n.summary)"
    }

    /// `42s`, `3m 05s`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total < 60 ? "\(total)s" : String(format: "%dm %02ds", total / 60, total % 60)
    }

    /// At most this many change lines go into the message; the rest are counted.
    static let changeLimit = 20

    private struct Payload: Encodable {
        let text: String
        let blocks: [Block]
        let ferry: DeployNotification

        init(_ n: DeployNotification) {
            text = SlackPayload.text(for: n)
            ferry = n
            var blocks: [Block] = [.section(text: text)]
            blocks.append(.fields([
                "*Environment*\n\(n.environment)", "*Stack*\n<\(n.consoleURL)|\(n.stackName)> (\(n.region))",
                "*Who*\n\(n.who)", "*Outcome*\n\(n.outcome.rawValue) in \(SlackPayload.duration(n.durationSeconds))",
            ]))
            if !n.changes.isEmpty {
                var lines = Array(n.changes.prefix(SlackPayload.changeLimit))
                if n.changes.count > lines.count { lines.append("… and \(n.changes.count - lines.count) more") }
                blocks.append(.section(text: "*Changes*\n```\n" + lines.joined(separator: "\n") + "\n```"))
            }
            if let failure = n.failure { blocks.append(.section(text: "*Root cause*\n\(failure)")) }
            var context = ["<\(n.consoleURL)|CloudFormation console>"]
            if let commit = n.gitCommit { context.append("commit `\(commit.prefix(12))`") }
            blocks.append(.context(context))
            self.blocks = blocks
        }
    }

    private struct TextObject: Encodable {
        let type = "mrkdwn"
        let text: String
    }

    private enum Block: Encodable {
        case section(text: String)
        case fields([String])
        case context([String])

        private enum CodingKeys: String, CodingKey { case type, text, fields, elements }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .section(let text):
                try container.encode("section", forKey: .type)
                try container.encode(TextObject(text: text), forKey: .text)
            case .fields(let fields):
                try container.encode("section", forKey: .type)
                try container.encode(fields.map { TextObject(text: $0) }, forKey: .fields)
            case .context(let elements):
                try container.encode("context", forKey: .type)
                try container.encode(elements.map { TextObject(text: $0) }, forKey: .elements)
            }
        }
    }
}
