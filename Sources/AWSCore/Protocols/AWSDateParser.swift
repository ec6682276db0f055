import Foundation

/// Reads the date formats AWS sends: ISO 8601 with or without fractional seconds (up to nine
/// digits) and with `Z`, `+0000` or `+00:00`; RFC 1123 (`Date` headers); epoch seconds.
package enum AWSDateParser {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Parses any of the supported formats; nil when none fits.
    package static func parse(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let seconds = Double(text) {
            return Date(timeIntervalSince1970: seconds)
        }
        if let date = parseISO8601(text) { return date }
        return parseRFC1123(text)
    }

    /// `2026-11-27T11:00:00Z`, `2026-11-27T11:00:00.096000000Z`, `2026-11-27T11:00:00.096+0000`.
    package static func parseISO8601(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= chars.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let c = chars[index + offset]
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            index += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < chars.count, chars[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2) else { return nil }
        guard index < chars.count, chars[index] == 84 || chars[index] == 116 || chars[index] == 32 else { return nil }
        index += 1
        guard let hour = number(2), expect(58), let minute = number(2), expect(58), let second = number(2) else { return nil }
        var fraction = 0.0
        if expect(46) {
            var scale = 0.1
            var digits = 0
            while index < chars.count, chars[index] >= 48, chars[index] <= 57 {
                fraction += Double(chars[index] - 48) * scale
                scale /= 10
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
        }
        var offsetSeconds = 0
        if index < chars.count {
            let sign = chars[index]
            if sign == 90 || sign == 122 {
                index += 1
            } else if sign == 43 || sign == 45 {
                index += 1
                guard let hours = number(2) else { return nil }
                _ = expect(58)
                let minutes = number(2) ?? 0
                offsetSeconds = (hours * 3600 + minutes * 60) * (sign == 45 ? -1 : 1)
            } else {
                return nil
            }
        }
        guard index == chars.count else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let base = calendar.date(from: components) else { return nil }
        return base.addingTimeInterval(fraction - Double(offsetSeconds))
    }

    /// `Fri, 27 Nov 2026 12:00:00 GMT`.
    package static func parseRFC1123(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, d MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// Formats a date as an RFC 1123 HTTP date (`Fri, 27 Nov 2026 12:00:00 GMT`).
    package static func rfc1123(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
