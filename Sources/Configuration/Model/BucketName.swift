// S3's rules for a general purpose bucket's name, and a valid name made from any text.
import Foundation

/// S3 general purpose bucket naming rules (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html):
/// 3–63 characters; lowercase letters, digits, `.` and `-`; begins and ends with a letter or digit;
/// no `..`; not an IP address; not starting with `xn--`, `sthree-` or `amzn-s3-demo-`; not ending with
/// `-s3alias`, `--ol-s3`, `.mrap` or `--x-s3` (and `--table-s3`).
package enum BucketName {
    /// The length of the longest region name to plan for (`ap-southeast-5`, `ap-northeast-3`).
    package static let longestRegionName = 14

    /// Prefixes S3 reserves.
    package static let reservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"]
    /// Suffixes S3 reserves.
    package static let reservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"]

    /// Why `name` is not a valid bucket name, or nil when it is.
    package static func problem(_ name: String) -> String? {
        let count = name.utf8.count
        if count < 3 || count > 63 { return "it has \(count) characters; S3 allows 3 to 63" }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "-")) }) {
            let what = bad.isUppercase ? "an uppercase letter" : bad == "_" ? "an underscore" : "'\(bad)'"
            return "it contains \(what); S3 allows only lowercase letters, digits, '.' and '-'"
        }
        guard let first = name.first, let last = name.last,
              first.isLetter || first.isNumber, last.isLetter || last.isNumber else {
            return "it must begin and end with a letter or digit"
        }
        if name.contains("..") { return "it contains '..'" }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) { return "it looks like an IP address" }
        if let prefix = reservedPrefixes.first(where: name.hasPrefix) { return "it begins with '\(prefix)', which S3 reserves" }
        if let suffix = reservedSuffixes.first(where: name.hasSuffix) { return "it ends with '\(suffix)', which S3 reserves" }
        return nil
    }

    /// A valid bucket name made of `parts` joined with `-`: lowercased, other characters turned into
    /// `-`, repeated and edge dashes removed; when longer than 63 characters, the first part is
    /// shortened and a stable 8-character hash of the full text is added, so different long inputs
    /// give different names and the same input always gives the same name.
    package static func make(_ parts: [String]) -> String {
        let cleaned = parts.map(clean).filter { !$0.isEmpty }
        var name = cleaned.joined(separator: "-")
        if name.count < 3 { name = (cleaned + ["artifacts"]).joined(separator: "-") }
        if reservedPrefixes.contains(where: name.hasPrefix) { name = "app-" + name }
        if reservedSuffixes.contains(where: name.hasSuffix) { name += "-artifacts" }
        if name.count > 63 || problem(name) != nil {
            let hash = fnv1a(parts.joined(separator: "\u{0}"))
            let rest = cleaned.dropFirst().joined(separator: "-")
            let room = 63 - hash.count - 1 - (rest.isEmpty ? 0 : rest.count + 1)
            var head = String((cleaned.first ?? "app").prefix(max(room, 1)))
            while head.hasSuffix("-") { head.removeLast() }
            if head.isEmpty { head = "app" }
            name = ([head, hash] + (rest.isEmpty ? [] : [rest])).joined(separator: "-")
            if name.count > 63 { name = String(name.prefix(63)).trimmingCharacters(in: CharacterSet(charactersIn: "-.")) }
        }
        return name
    }

    /// A part of a bucket name made from `text` (a folder name): lowercase letters, digits and
    /// single dashes, beginning with a letter, at most `maxLength` characters; a text that had to be
    /// shortened (or had nothing usable) gets a stable 8-character hash of the original at the end.
    package static func component(_ text: String, maxLength: Int) -> String {
        var cleaned = clean(text)
        if cleaned.first?.isLetter != true { cleaned = "app" + (cleaned.isEmpty ? "" : "-" + cleaned) }
        if reservedPrefixes.contains(where: cleaned.hasPrefix) { cleaned = "app-" + cleaned }
        guard cleaned.count > maxLength || clean(text).isEmpty else { return cleaned }
        let hash = fnv1a(text)
        var head = String(cleaned.prefix(max(maxLength - hash.count - 1, 1)))
        while head.hasSuffix("-") { head.removeLast() }
        return head + "-" + hash
    }

    /// FNV-1a (32 bits) of the UTF-8 bytes as 8 hex digits: stable across runs and machines.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Lowercase letters, digits and single dashes; no dots (dots break virtual-hosted TLS).
    private static func clean(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                result.append(character)
            } else if !result.hasSuffix("-") {
                result.append("-")
            }
        }
        return result.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
