import Foundation

/// Hides secrets in what `--debug` shows.
package enum Redaction {
    /// The placeholder that replaces a secret.
    package static let mask = "<redacted>"

    /// Field names that look secret (matched case-insensitively as substrings).
    static let secretFieldFragments = [
        "secret", "password", "passwd", "sessiontoken", "securitytoken", "privatekey", "accesstoken",
        "refreshtoken", "idtoken", "authtoken", "apikey",
    ]

    /// Whether a field, header or parameter name looks like it holds a secret.
    package static func isSecretName(_ name: String) -> Bool {
        let lowered = name.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "")
        return secretFieldFragments.contains { lowered.contains($0) }
    }

    /// Redacts the signature in `Authorization` and the whole security token; other headers unchanged.
    package static func header(name: String, value: String) -> String {
        switch name.lowercased() {
        case "authorization":
            guard let range = value.range(of: "Signature=") else { return mask }
            return value[..<range.upperBound] + mask
        case "x-amz-security-token", "cookie", "x-api-key":
            return mask
        default:
            return isSecretName(name) ? mask : value
        }
    }

    /// Redacts `X-Amz-Signature`, `X-Amz-Security-Token` and `X-Amz-Credential` query values.
    package static func url(_ url: URL) -> String {
        let text = url.absoluteString
        guard let mark = text.firstIndex(of: "?") else { return text }
        let query = text[text.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false)
        let redacted = query.map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let decoded = name.removingPercentEncoding ?? name
            let lowered = decoded.lowercased()
            guard parts.count == 2,
                  lowered == "x-amz-signature" || lowered == "x-amz-security-token" || isSecretName(decoded) else {
                return String(pair)
            }
            return "\(name)=\(mask)"
        }
        return text[...mark] + redacted.joined(separator: "&")
    }

    /// The body as text with secret-looking JSON fields, XML elements and form fields redacted,
    /// cut at `limit` characters.
    package static func body(_ data: Data, limit: Int = 4096) -> String {
        guard !data.isEmpty else { return "" }
        guard var text = String(data: data, encoding: .utf8) else { return "<\(data.count) bytes of binary data>" }
        text = redactJSON(text)
        text = redactXML(text)
        text = redactForm(text)
        if text.count > limit { text = String(text.prefix(limit)) + "… (\(data.count) bytes)" }
        return text
    }

    /// A description of a body without reading files or one-shot streams.
    static func body(_ body: HTTPBody, limit: Int = 4096) -> String {
        switch body {
        case .empty: return ""
        case .data(let data): return self.body(data, limit: limit)
        case .file(let url, let offset, let length): return "<\(length) bytes from \(url.path) at offset \(offset)>"
        case .oneShot: return "<one-shot stream>"
        }
    }

    private static let jsonField = try! NSRegularExpression(
        pattern: #""([^"\\]{1,128})"(\s*:\s*)"(?:[^"\\]|\\.)*""#)
    private static let xmlElement = try! NSRegularExpression(
        pattern: #"<([A-Za-z_][A-Za-z0-9_.:-]{0,127})>([^<]*)</\1>"#)
    private static let formField = try! NSRegularExpression(
        pattern: #"(^|&)([^=&]{1,256})=([^&]*)"#)

    static func redactJSON(_ text: String) -> String {
        replace(jsonField, in: text) { groups in
            isSecretName(groups[1]) ? "\"\(groups[1])\"\(groups[2])\"\(mask)\"" : nil
        }
    }

    static func redactXML(_ text: String) -> String {
        replace(xmlElement, in: text) { groups in
            isSecretName(groups[1]) ? "<\(groups[1])>\(mask)</\(groups[1])>" : nil
        }
    }

    static func redactForm(_ text: String) -> String {
        guard !text.hasPrefix("{"), !text.hasPrefix("<"), text.contains("=") else { return text }
        return replace(formField, in: text) { groups in
            let name = groups[2].removingPercentEncoding ?? groups[2]
            return isSecretName(name) ? "\(groups[1])\(groups[2])=\(mask)" : nil
        }
    }

    /// Replaces each match for which `transform` returns a string.
    private static func replace(_ regex: NSRegularExpression, in text: String,
                                transform: ([String]) -> String?) -> String {
        let nsText = text as NSString
        var result = ""
        var last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: nsText.length)) {
            let groups = (0..<match.numberOfRanges).map { index -> String in
                let range = match.range(at: index)
                return range.location == NSNotFound ? "" : nsText.substring(with: range)
            }
            guard let replacement = transform(groups) else { continue }
            result += nsText.substring(with: NSRange(location: last, length: match.range.location - last))
            result += replacement
            last = match.range.location + match.range.length
        }
        result += nsText.substring(from: last)
        return result
    }
}
