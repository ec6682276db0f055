import Foundation
import XMLCoder

/// A coding key made from a string at run time.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string; intValue = nil }
    init(stringValue: String) { self.init(stringValue) }
    init(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}

/// Encoders and decoders with a service's member-name mapping and lenient dates.
///
/// PascalCase services: the wire name is the Swift name with its first character upper-cased
/// (`stackName` ↔ `StackName`, `roleARN` ↔ `RoleARN`). camelCase services use names as they are.
/// String-keyed dictionaries (tags, environment variables) keep their keys.
package enum AWSCoders {
    /// The Swift name for a wire member name.
    package static func swiftName(_ wireName: String, pascalCase: Bool) -> String {
        guard pascalCase, let first = wireName.first else { return wireName }
        return first.lowercased() + wireName.dropFirst()
    }

    /// The wire member name for a Swift property name.
    package static func wireName(_ swiftName: String, pascalCase: Bool) -> String {
        guard pascalCase, let first = swiftName.first else { return swiftName }
        return first.uppercased() + swiftName.dropFirst()
    }

    /// A JSON encoder for request bodies: dates as epoch seconds.
    package static func jsonEncoder(for service: AWSService) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        if service.pascalCaseMembers {
            encoder.keyEncodingStrategy = .custom { path in renamingLastKey(of: path) { wireName($0, pascalCase: true) } }
        }
        return encoder
    }

    /// A JSON decoder for response bodies: dates as epoch seconds or ISO 8601 strings.
    package static func jsonDecoder(for service: AWSService) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(decodeDate)
        if service.pascalCaseMembers {
            decoder.keyDecodingStrategy = .custom { path in renamingLastKey(of: path) { swiftName($0, pascalCase: true) } }
        }
        return decoder
    }

    /// An XML decoder for query and REST-XML responses (the root element is skipped).
    ///
    /// Values keep their whitespace: XMLCoder's default trimming drops every whitespace-only piece
    /// the XML parser reports, and the parser splits text at each entity, so a template body with
    /// `&lt;p&gt;\n  &lt;p&gt;` (HTML in a `!Sub`) lost its line breaks and looked changed.
    /// Whitespace between elements is still dropped (`removeWhitespaceElements`).
    package static func xmlDecoder(for service: AWSService) -> XMLDecoder {
        let decoder = XMLDecoder(trimValueWhitespaces: false, removeWhitespaceElements: true)
        decoder.dateDecodingStrategy = .custom(decodeDate)
        if service.pascalCaseMembers {
            decoder.keyDecodingStrategy = .custom { path in renamingLastKey(of: path) { swiftName($0, pascalCase: true) } }
        }
        return decoder
    }

    /// The last key of `path` renamed by `rename`; array indices pass through unchanged.
    private static func renamingLastKey(of path: [any CodingKey], _ rename: (String) -> String) -> any CodingKey {
        let last = path.last!
        return last.intValue != nil ? last : AnyCodingKey(rename(last.stringValue))
    }

    /// Decodes a date from a JSON number (epoch seconds) or any string `AWSDateParser` reads.
    @Sendable static func decodeDate(_ decoder: any Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            return Date(timeIntervalSince1970: seconds)
        }
        let text = try container.decode(String.self)
        guard let date = AWSDateParser.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unrecognised date '\(text)'")
        }
        return date
    }
}
