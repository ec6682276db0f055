import Foundation

/// One `[section]` of an AWS shared config or credentials file, as written.
package struct SharedConfigSection: Sendable, Equatable {
    /// The text between the brackets, whitespace-trimmed (`default`, `profile dev`, `services local`).
    package var header: String
    /// The 1-based line of the `[header]`.
    package var line: Int
    /// Plain `key = value` settings; keys are lower-cased as the AWS CLI does.
    package var values: [String: SharedConfigValue]
    /// Nested sub-sections: a key with an empty value followed by indented `key = value` lines
    /// (`s3 =` then `  max_concurrent_requests = 20`).
    package var subSections: [String: [String: String]]

    /// A section as parsed.
    package init(header: String, line: Int, values: [String: SharedConfigValue] = [:], subSections: [String: [String: String]] = [:]) {
        self.header = header
        self.line = line
        self.values = values
        self.subSections = subSections
    }
}

/// A setting's value and where it was written.
package struct SharedConfigValue: Sendable, Equatable {
    /// The text after `=`, whitespace-trimmed.
    package var value: String
    /// The file it came from (as given to the parser).
    package var file: String
    /// The 1-based line of the `key = value`.
    package var line: Int

    /// A value read from `file` at `line`.
    package init(value: String, file: String, line: Int) {
        self.value = value
        self.file = file
        self.line = line
    }
}

/// Parses the INI dialect of `~/.aws/config` and `~/.aws/credentials` the way the AWS CLI reads
/// it (Python's `RawConfigParser` plus botocore's nested values).
package enum SharedConfigParser {
    /// Parses `text`; `file` is the path shown in errors. Sections keep file order.
    package static func parse(_ text: String, file: String) throws(SharedConfigError) -> [SharedConfigSection] {
        var sections: [SharedConfigSection] = []
        var headerLines: [String: Int] = [:]
        var keyLines: [String: Int] = [:]
        // The key whose value indented lines continue, with its indentation.
        var openKey: (name: String, indent: Int, line: Int)?

        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, rawSubstring) in lines.enumerated() {
            let lineNumber = index + 1
            var raw = String(rawSubstring)
            if raw.hasSuffix("\r") { raw.removeLast() }
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.count

            if indent > 0, let key = openKey, indent > key.indent, !sections.isEmpty {
                try continueValue(of: key, with: trimmed, in: &sections[sections.count - 1], file: file, line: lineNumber)
                continue
            }
            openKey = nil

            if trimmed.hasPrefix("[") {
                let header = try parseHeader(trimmed, file: file, line: lineNumber)
                if let first = headerLines[header] {
                    throw SharedConfigError(.duplicateSection(file: file, line: lineNumber, header: header, firstLine: first))
                }
                headerLines[header] = lineNumber
                keyLines = [:]
                sections.append(SharedConfigSection(header: header, line: lineNumber))
                continue
            }

            guard let (key, value) = splitSetting(trimmed) else {
                throw SharedConfigError(.malformedLine(file: file, line: lineNumber, text: trimmed))
            }
            guard !sections.isEmpty else {
                throw SharedConfigError(.settingOutsideSection(file: file, line: lineNumber, key: key))
            }
            let last = sections.count - 1
            if let firstLine = keyLines[key] {
                throw SharedConfigError(.duplicateKey(file: file, line: lineNumber, key: key,
                                                      section: sections[last].header, firstLine: firstLine))
            }
            keyLines[key] = lineNumber
            sections[last].values[key] = SharedConfigValue(value: value, file: file, line: lineNumber)
            openKey = (key, indent, lineNumber)
        }
        return sections
    }

    /// `[ profile dev ]` → `profile dev`; anything but `#`/`;` comments after `]` is an error.
    private static func parseHeader(_ trimmed: String, file: String, line: Int) throws(SharedConfigError) -> String {
        guard let close = trimmed.lastIndex(of: "]") else {
            throw SharedConfigError(.unclosedSection(file: file, line: line, text: trimmed))
        }
        let after = trimmed[trimmed.index(after: close)...].trimmingCharacters(in: .whitespaces)
        guard after.isEmpty || after.hasPrefix("#") || after.hasPrefix(";") else {
            throw SharedConfigError(.malformedLine(file: file, line: line, text: trimmed))
        }
        let inner = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
        let header = inner.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        guard !header.isEmpty else {
            throw SharedConfigError(.malformedLine(file: file, line: line, text: trimmed))
        }
        return header
    }

    /// Splits `key = value` or `key: value` at the first delimiter; keys are lower-cased.
    static func splitSetting(_ trimmed: String) -> (String, String)? {
        guard let delimiter = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return nil }
        let key = trimmed[..<delimiter].trimmingCharacters(in: .whitespaces).lowercased()
        let value = trimmed[trimmed.index(after: delimiter)...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { return nil }
        return (key, value)
    }

    /// An indented line: part of a nested sub-section when the key's own value is empty,
    /// otherwise another line of a multi-line value (as `RawConfigParser` does).
    private static func continueValue(
        of key: (name: String, indent: Int, line: Int), with trimmed: String,
        in section: inout SharedConfigSection, file: String, line: Int
    ) throws(SharedConfigError) {
        let isNested = section.subSections[key.name] != nil || section.values[key.name]?.value.isEmpty == true
        if isNested {
            guard let (nestedKey, nestedValue) = splitSetting(trimmed), !trimmed.hasPrefix("[") else {
                throw SharedConfigError(.malformedNestedLine(file: file, line: line, parent: key.name, text: trimmed))
            }
            section.values[key.name] = nil
            section.subSections[key.name, default: [:]][nestedKey] = nestedValue
        } else if var existing = section.values[key.name] {
            existing.value += "\n" + trimmed
            section.values[key.name] = existing
        }
    }
}
