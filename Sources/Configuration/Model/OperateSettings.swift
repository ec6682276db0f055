import Foundation

/// What runs around a deploy of one environment: the gates before it and the webhooks told after.
///
/// ```toml
/// [env.dev]
/// before_deploy = ["pytest -q tests/unit", "ruff check src"]
/// gate_timeout = 600
/// notify = ["${SLACK_WEBHOOK}", "https://example.com/hooks/ferry"]
/// [env.dev.invoke]                     # events for `ferry verify --invoke`, per function
/// Hello = "events/hello.json"
/// ```
package struct OperateSettings: Sendable, Equatable {
    /// Shell commands run in order in the project folder before anything is deployed (`before_deploy`).
    package var beforeDeploy: [String]
    /// Seconds each gate may run before it is stopped (`gate_timeout`, default 600).
    package var gateTimeout: TimeInterval
    /// Webhook URLs told about each deploy and hot-swap (`notify`), `${VAR}` not yet expanded.
    package var notify: [WebhookURLTemplate]
    /// The event file (relative to the project) each function is invoked with by
    /// `ferry verify --invoke`, by logical ID or `Stack/Path/LogicalID` (`[env.<name>.invoke]`).
    package var invokeEvents: [KeyValue] = []

    /// The default gate timeout: ten minutes.
    package static let defaultGateTimeout: TimeInterval = 600

    /// Settings; by default no gates and no webhooks.
    package init(beforeDeploy: [String] = [], gateTimeout: TimeInterval = Self.defaultGateTimeout, notify: [WebhookURLTemplate] = []) {
        self.beforeDeploy = beforeDeploy
        self.gateTimeout = gateTimeout
        self.notify = notify
    }
}
