import Foundation

/// GraphQL SDL reduced to its tokens, so a schema compares equal to AppSync's re-printed copy of it.
///
/// AppSync stores the schema it was given but `GetIntrospectionSchema` prints it again: comments
/// are gone, commas and spaces around punctuation change, descriptions may switch between `"..."`
/// and `"""..."""`. None of that changes the schema, so none of it may make a deployed schema look
/// stale. The normal form is the token sequence joined by single spaces, where
/// - whitespace, commas (insignificant in GraphQL) and `#` comments are dropped;
/// - punctuators (`{ } ( ) [ ] : ! = @ | & $ ...`) are tokens of their own;
/// - a string or block string becomes one token `"text"` with its whitespace runs collapsed;
/// - a leading `|` of a union's member list and a leading `&` after `implements` are dropped.
package enum GraphQLSchemaText {
    /// The normal form of `sdl` (see the type's documentation).
    package static func normalised(_ sdl: String) -> String {
        var tokens: [String] = []
        for token in tokenize(Array(sdl.unicodeScalars)) {
            if token == "|", tokens.last == "=" { continue }
            if token == "&", tokens.last == "implements" { continue }
            tokens.append(token)
        }
        return tokens.joined(separator: " ")
    }

    static let punctuators: Set<Unicode.Scalar> = ["{", "}", "(", ")", "[", "]", ":", "!", "=", "@", "|", "&", "$"]

    static func isIgnored(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "," || scalar == "\u{FEFF}" || scalar.properties.isWhitespace
    }

    static func tokenize(_ text: [Unicode.Scalar]) -> [String] {
        var tokens: [String] = []
        var index = 0
        while index < text.count {
            let scalar = text[index]
            if isIgnored(scalar) {
                index += 1
            } else if scalar == "#" {
                while index < text.count, text[index] != "\n", text[index] != "\r" { index += 1 }
            } else if scalar == "\"" {
                let (value, next) = readString(text, from: index)
                tokens.append("\"\(collapsed(value))\"")
                index = next
            } else if scalar == ".", index + 2 < text.count, text[index + 1] == ".", text[index + 2] == "." {
                tokens.append("...")
                index += 3
            } else if punctuators.contains(scalar) {
                tokens.append(String(scalar))
                index += 1
            } else {
                var word = String.UnicodeScalarView()
                while index < text.count, !isIgnored(text[index]), !punctuators.contains(text[index]),
                      text[index] != "#", text[index] != "\"" {
                    word.append(text[index])
                    index += 1
                }
                tokens.append(String(word))
            }
        }
        return tokens
    }

    /// The raw content of the string or block string starting at `start`, and the index after it.
    static func readString(_ text: [Unicode.Scalar], from start: Int) -> (String, Int) {
        let isBlock = start + 2 < text.count && text[start + 1] == "\"" && text[start + 2] == "\""
        var index = start + (isBlock ? 3 : 1)
        var value = String.UnicodeScalarView()
        while index < text.count {
            if isBlock {
                if text[index] == "\\", index + 3 < text.count, text[index + 1] == "\"", text[index + 2] == "\"", text[index + 3] == "\"" {
                    value.append(contentsOf: "\"\"\"".unicodeScalars)
                    index += 4
                    continue
                }
                if text[index] == "\"", index + 2 < text.count, text[index + 1] == "\"", text[index + 2] == "\"" {
                    return (String(value), index + 3)
                }
            } else {
                if text[index] == "\\", index + 1 < text.count {
                    value.append(text[index])
                    value.append(text[index + 1])
                    index += 2
                    continue
                }
                if text[index] == "\"" { return (String(value), index + 1) }
            }
            value.append(text[index])
            index += 1
        }
        return (String(value), index)
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
