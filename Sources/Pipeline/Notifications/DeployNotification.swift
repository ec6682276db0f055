import Foundation

/// What a webhook is told about one deploy or hot-swap: where, who, what changed, how it ended.
package struct DeployNotification: Sendable, Equatable, Encodable {
    /// Which command made the change.
    package enum Operation: String, Sendable, Encodable {
        case deploy, hotswap = "hot-swap"
        /// A gradual traffic shift after a deploy or hot-swap (`[env.X.traffic]`).
        case trafficShift = "traffic-shift"
    }

    /// How it ended.
    package enum Outcome: String, Sendable, Encodable {
        case succeeded, failed
    }

    package var operation: Operation
    package var outcome: Outcome
    /// The environment (`dev`).
    package var environment: String
    /// The root stack.
    package var stackName: String
    /// The stack's ID (ARN), when known; the console link uses it.
    package var stackID: String?
    /// The region of the stack.
    package var region: String
    /// The caller's STS ARN.
    package var who: String
    /// One line: `3 to add, 1 to modify, 0 to remove` or `hot-swapped 2 function(s)`.
    package var summary: String
    /// The changes, one per line (`+ Root/Queue AWS::SQS::Queue`, `Root/Fn (Lambda code)`).
    package var changes: [String]
    /// Seconds the operation took.
    package var durationSeconds: Double
    /// The root cause or error, when it failed.
    package var failure: String?
    /// The git commit deployed, when known.
    package var gitCommit: String?

    /// A notification.
    package init(operation: Operation, outcome: Outcome, environment: String, stackName: String, stackID: String? = nil,
                region: String, who: String, summary: String, changes: [String] = [], durationSeconds: Double,
                failure: String? = nil, gitCommit: String? = nil) {
        self.operation = operation
        self.outcome = outcome
        self.environment = environment
        self.stackName = stackName
        self.stackID = stackID
        self.region = region
        self.who = who
        self.summary = summary
        self.changes = changes
        self.durationSeconds = durationSeconds
        self.failure = failure
        self.gitCommit = gitCommit
    }

    /// The CloudFormation console page of the stack in its region.
    package var consoleURL: String {
        let partitionHost = region.hasPrefix("cn-") ? "console.amazonaws.cn"
            : region.hasPrefix("us-gov-") ? "console.amazonaws-us-gov.com" : "console.aws.amazon.com"
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        let stack = (stackID ?? stackName).addingPercentEncoding(withAllowedCharacters: allowed) ?? stackName
        return "https://\(region).\(partitionHost)/cloudformation/home?region=\(region)#/stacks/stackinfo?stackId=\(stack)"
    }
}

extension DeployNotification {
    private enum CodingKeys: String, CodingKey {
        case operation, outcome, environment, stackName, stackID, region, who, summary, changes, durationSeconds, failure,
             gitCommit, consoleURL
    }

    /// Encodes every field and the console link.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(operation, forKey: .operation)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(environment, forKey: .environment)
        try container.encode(stackName, forKey: .stackName)
        try container.encodeIfPresent(stackID, forKey: .stackID)
        try container.encode(region, forKey: .region)
        try container.encode(who, forKey: .who)
        try container.encode(summary, forKey: .summary)
        try container.encode(changes, forKey: .changes)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encodeIfPresent(failure, forKey: .failure)
        try container.encodeIfPresent(gitCommit, forKey: .gitCommit)
        try container.encode(consoleURL, forKey: .consoleURL)
    }
}
