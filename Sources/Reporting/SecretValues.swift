import Foundation
import Synchronization

/// Values that must never be printed: the values of `NoEcho` parameters (root and nested
/// templates), learned while a command runs. Everything Ferry writes for people or machines
/// (events, errors, `--debug` traces, webhook bodies) passes through `redact`, so a secret is
/// masked even where a service echoes it back unmasked (the emulator does not mask NoEcho).
package final class SecretValues: Sendable {
    /// The process-wide registry the CLI's outputs redact with.
    package static let shared = SecretValues()

    /// What replaces a secret.
    package static let mask = "****"

    /// Values shorter than this are not redacted as text (masking every `1` or `dev` would make
    /// output unreadable); they are still masked by name wherever parameters are shown.
    package static let minimumLength = 4

    private let valueStore = Mutex<Set<String>>([])
    private let nameStore = Mutex<Set<String>>([])

    /// An empty registry (tests); commands use `shared`.
    package init() {}

    /// Adds values to mask from now on.
    package func add<S: Sequence>(_ secrets: S) where S.Element == String {
        let kept = secrets.filter { $0.count >= Self.minimumLength }
        guard !kept.isEmpty else { return }
        valueStore.withLock { $0.formUnion(kept) }
    }

    /// Adds the names of `NoEcho` parameters: whatever value CloudFormation sends or receives for
    /// them (`ParameterKey`/`ParameterValue` pairs in query requests and XML responses) is masked,
    /// even a value Ferry never knew (the previous one, read back from a stack).
    package func addNames<S: Sequence>(_ parameterNames: S) where S.Element == String {
        nameStore.withLock { $0.formUnion(parameterNames) }
    }

    /// The registered values.
    package var all: Set<String> { valueStore.withLock { $0 } }

    /// The registered NoEcho parameter names.
    package var names: Set<String> { nameStore.withLock { $0 } }

    /// `text` with every registered value masked, also in its percent-encoded (query strings, form
    /// bodies) and JSON-escaped forms. Longer values are replaced first.
    package func redact(_ text: String) -> String {
        let secrets = valueStore.withLock { $0 }
        let parameterNames = nameStore.withLock { $0 }
        guard !secrets.isEmpty || !parameterNames.isEmpty else { return text }
        var result = Self.redactParameterPairs(text, names: parameterNames)
        for secret in secrets.sorted(by: { $0.count > $1.count }) {
            for form in Self.forms(of: secret) where result.contains(form) {
                result = result.replacingOccurrences(of: form, with: Self.mask)
            }
        }
        return result
    }

    /// Masks the value of each `ParameterKey` named in `names`: the XML pair of responses
    /// (`<ParameterKey>K</ParameterKey><ParameterValue>v</ParameterValue>`) and the form pair of
    /// query requests (`Parameters.member.1.ParameterKey=K&Parameters.member.1.ParameterValue=v`).
    static func redactParameterPairs(_ text: String, names: Set<String>) -> String {
        guard !names.isEmpty, text.contains("ParameterKey") else { return text }
        var result = text
        for name in names {
            let escaped = NSRegularExpression.escapedPattern(for: name)
            let xml = "(<ParameterKey>\(escaped)</ParameterKey>\\s*<ParameterValue>)[^<]*(</ParameterValue>)"
            result = replace(xml, in: result, with: "$1\(mask)$2")
            let encodedName = NSRegularExpression.escapedPattern(
                for: name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name)
            let form = "(Parameters\\.member\\.(\\d+)\\.ParameterKey=\(encodedName)(?:&|$)(?:.*?&)?Parameters\\.member\\.\\2\\.ParameterValue=)[^&]*"
            result = replace(form, in: result, with: "$1\(mask)")
            let formReversed = "(Parameters\\.member\\.(\\d+)\\.ParameterValue=)[^&]*((?:&[^&]*)*?&Parameters\\.member\\.\\2\\.ParameterKey=\(encodedName)(?:&|$))"
            result = replace(formReversed, in: result, with: "$1\(mask)$3")
        }
        return result
    }

    private static func replace(_ pattern: String, in text: String, with template: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// The ways a value can appear in output: as is, percent-encoded (AWS and form style), JSON-escaped.
    static func forms(of secret: String) -> [String] {
        var forms = [secret]
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: unreserved) {
            forms.append(encoded)
            forms.append(encoded.replacingOccurrences(of: "%20", with: "+"))
        }
        if let data = try? JSONEncoder().encode(secret), var json = String(data: data, encoding: .utf8) {
            json.removeFirst()
            json.removeLast()
            forms.append(json)
        }
        var unique: [String] = []
        for form in forms where !unique.contains(form) { unique.append(form) }
        return unique
    }
}
