import Foundation

/// The start of a time window as `--since` gives it: a duration back from now or an ISO 8601 date.
package enum TimeWindowStart {
    /// `now` minus `30s`, `10m`, `2h`, `1d` or `1w`; or the instant of `2026-11-27` (UTC midnight),
    /// `2026-11-27T10:00:00Z`, `2026-11-27T10:00:00.5+01:00` or `2026-11-27T10:00` (UTC).
    /// - Throws: `OperateError.badSince` for anything else.
    package static func parse(_ text: String, now: Date) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = durationSeconds(trimmed) { return now.addingTimeInterval(-seconds) }
        if let date = isoDate(trimmed) { return date }
        throw OperateError.badSince(text)
    }

    /// Seconds in `10m`-style text, or nil.
    static func durationSeconds(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount >= 0 else { return nil }
        let perUnit: TimeInterval
        switch unit {
        case "s": perUnit = 1
        case "m": perUnit = 60
        case "h": perUnit = 3600
        case "d": perUnit = 86_400
        case "w": perUnit = 604_800
        default: return nil
        }
        return TimeInterval(amount) * perUnit
    }

    private static func isoDate(_ text: String) -> Date? {
        let utc = TimeZone(identifier: "UTC")!
        var candidates: [(String, ISO8601DateFormatter.Options)] = [
            (text, [.withInternetDateTime]),
            (text, [.withInternetDateTime, .withFractionalSeconds]),
        ]
        switch text.count {
        case 10: candidates.append((text, [.withFullDate]))
        case 16: candidates.append((text + ":00Z", [.withInternetDateTime]))
        case 19: candidates.append((text + "Z", [.withInternetDateTime]))
        default: break
        }
        for (candidate, options) in candidates {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = utc
            formatter.formatOptions = options
            if let date = formatter.date(from: candidate) { return date }
        }
        return nil
    }
}
