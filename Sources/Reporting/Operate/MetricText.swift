/// Short texts for metric values in tables.
package enum MetricText {
    /// A count: `0`, `42`, `1.2k`, `3.4M`.
    package static func count(_ value: Double) -> String {
        switch value {
        case ..<1000: return String(Int(value.rounded()))
        case ..<1_000_000: return trimmed(value / 1000) + "k"
        default: return trimmed(value / 1_000_000) + "M"
        }
    }

    /// Milliseconds: `–` without data, `12 ms`, `1.25 s`.
    package static func milliseconds(_ value: Double?) -> String {
        guard let value else { return "–" }
        if value < 1000 { return "\(trimmed(value)) ms" }
        return "\(trimmed(value / 1000)) s"
    }

    /// One decimal at most, none when it is zero (`12`, `12.5`).
    private static func trimmed(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}
