import Foundation

/// How an alias moves from its current version to a new one: `canary:PCT:WAIT`,
/// `linear:PCT:EVERY` or `all-at-once`, as written in ferry.toml (`[env.X.traffic] strategy`) or
/// after `--traffic`.
///
/// - `canary:10:5m`: 10% to the new version, wait 5 minutes watching alarms, then 100%.
/// - `linear:25:1m`: 25%, 50%, 75% with 1 minute between each step, then 100%.
/// - `all-at-once`: the alias points at the new version in one step.
///
/// Durations are a whole number followed by `s`, `m` or `h` (`30s`, `5m`, `1h`).
package enum TrafficStrategy: Sendable, Equatable, CustomStringConvertible {
    /// `percent`% of the traffic for `wait`, then 100%.
    case canary(percent: Int, wait: Duration)
    /// `percent`% more every `every` until 100%.
    case linear(percent: Int, every: Duration)
    /// 100% at once.
    case allAtOnce

    /// The written form (`canary:10:5m`).
    package var description: String {
        switch self {
        case .canary(let percent, let wait): "canary:\(percent):\(Self.format(wait))"
        case .linear(let percent, let every): "linear:\(percent):\(Self.format(every))"
        case .allAtOnce: "all-at-once"
        }
    }

    /// The examples an error message offers.
    package static let examples = ["canary:10:5m", "linear:25:1m", "all-at-once"]

    /// Parses the written form.
    /// - Throws: `TrafficStrategyError` saying what is wrong with `text`.
    package static func parse(_ text: String) throws -> TrafficStrategy {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "all-at-once" { return .allAtOnce }
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let kind = parts.first, kind == "canary" || kind == "linear" else {
            throw TrafficStrategyError(text, .unknownKind)
        }
        guard parts.count == 3 else { throw TrafficStrategyError(text, .wrongShape(kind: kind)) }
        guard let percent = Int(parts[1]), (1...99).contains(percent) else {
            throw TrafficStrategyError(text, .badPercent(parts[1]))
        }
        guard let duration = parseDuration(parts[2]) else {
            throw TrafficStrategyError(text, .badDuration(parts[2]))
        }
        return kind == "canary" ? .canary(percent: percent, wait: duration) : .linear(percent: percent, every: duration)
    }

    /// `30s`, `5m`, `1h` → a duration of at least one second; nil when not of that form.
    package static func parseDuration(_ text: String) -> Duration? {
        guard let unit = text.last, let number = Int(text.dropLast()), number >= 1, number <= 86_400 else { return nil }
        switch unit {
        case "s": return .seconds(number)
        case "m": return .seconds(number * 60)
        case "h": return .seconds(number * 3600)
        default: return nil
        }
    }

    /// `2s`, `5m`, `1h` (the largest unit that divides the duration).
    package static func format(_ duration: Duration) -> String {
        let seconds = duration.components.seconds
        if seconds >= 3600, seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds >= 60, seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}

/// A traffic strategy that could not be read: what was written and what is wrong with it.
package struct TrafficStrategyError: Error, Sendable, Equatable, CustomStringConvertible {
    fileprivate enum Problem: Sendable, Equatable {
        case unknownKind
        case wrongShape(kind: String)
        case badPercent(String)
        case badDuration(String)
    }

    /// The text as written.
    package let text: String
    private let problem: Problem

    fileprivate init(_ text: String, _ problem: Problem) {
        self.text = text
        self.problem = problem
    }

    /// What is wrong, without the "where" (the caller adds the file and key, or the flag).
    package var reason: String {
        switch problem {
        case .unknownKind:
            "it is not canary:PCT:WAIT, linear:PCT:EVERY or all-at-once"
        case .wrongShape(let kind):
            "\(kind) takes a percentage and a duration: \(kind):PCT:\(kind == "canary" ? "WAIT" : "EVERY") (e.g. \(kind == "canary" ? "canary:10:5m" : "linear:25:1m"))"
        case .badPercent(let value):
            "the percentage \"\(value)\" must be a whole number from 1 to 99"
        case .badDuration(let value):
            "the duration \"\(value)\" must be a whole number of seconds, minutes or hours (30s, 5m, 1h; at most 24h)"
        }
    }

    package var description: String {
        "traffic strategy \"\(text)\": \(reason). Use one of: \(TrafficStrategy.examples.joined(separator: ", "))."
    }
}
