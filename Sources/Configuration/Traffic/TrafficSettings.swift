import Foundation

/// How an environment moves its aliases to new versions (`[env.X.traffic]`).
///
/// ```toml
/// [env.prod.traffic]
/// strategy = "canary:10:5m"             # canary:PCT:WAIT | linear:PCT:EVERY | all-at-once
/// alarms = ["orders-5xx", "orders-p99"] # CloudWatch alarms watched between steps
/// functions = ["OrdersFunction"]        # optional; default every function with an alias
/// error_threshold = 0                   # optional; Errors of a new version above this roll back
/// watch_errors = true                   # optional; default true
/// ```
package struct TrafficSettings: Sendable, Equatable {
    /// The strategy.
    package var strategy: TrafficStrategy
    /// CloudWatch alarm names; any in `ALARM` between steps rolls back.
    package var alarms: [String]
    /// Logical IDs of the functions to shift (empty: every function with an alias).
    package var functions: [String]
    /// Whether each new version's `AWS/Lambda` `Errors` metric is watched too.
    package var watchErrors: Bool
    /// The number of errors (sum since the shift started) a new version may have; one more rolls back.
    package var errorThreshold: Int

    /// The default error threshold: a single error of the new version rolls back.
    package static let defaultErrorThreshold = 0

    /// Settings.
    package init(strategy: TrafficStrategy, alarms: [String] = [], functions: [String] = [], watchErrors: Bool = true,
                errorThreshold: Int = Self.defaultErrorThreshold) {
        self.strategy = strategy
        self.alarms = alarms
        self.functions = functions
        self.watchErrors = watchErrors
        self.errorThreshold = errorThreshold
    }
}
