import Foundation
import Yams

/// Loads CloudFormation/SAM templates from YAML or JSON, keeping key order and converting short-form tags.
package enum TemplateLoader {
    /// Reads and parses the template at `url` (YAML or JSON, decided by the content).
    /// `parameterValues` decide `AWS::LanguageExtensions` loops over parameters (else their defaults).
    package static func load(contentsOf url: URL, parameterValues: [String: String] = [:]) throws -> Template {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TemplateError.unreadableFile(url.path, reason: Self.reason(error))
        }
        var template = try parse(text, file: url.path, parameterValues: parameterValues)
        template.sourceFile = url
        return template
    }

    /// Parses template text; `file` names the source in errors.
    /// - Throws: `TemplateError` for bad syntax, an unknown intrinsic, a wrong shape, or an empty
    ///   template (no sections at all).
    package static func parse(_ text: String, file: String? = nil, parameterValues: [String: String] = [:]) throws -> Template {
        let value = try parseValue(text, file: file)
        if value == .null || value.mapValue?.isEmpty == true {
            throw TemplateError.invalidStructure(
                "the template is empty: it has no sections. A template needs at least Resources "
                    + "(for example a function of Type AWS::Serverless::Function)", file: file, line: 1, logicalID: nil)
        }
        return try template(from: value, file: file, parameterValues: parameterValues)
    }

    /// Parses YAML or JSON text into a value without interpreting it as a template.
    package static func parseValue(_ text: String, file: String? = nil) throws -> TemplateValue {
        let isJSON = text.first(where: { !$0.isWhitespace }) == "{"
        // JSON is YAML, except that YAML forbids tabs where JSON allows them as whitespace.
        // A literal tab is never valid inside a JSON string, so replacing them all is safe.
        let source = isJSON ? text.replacingOccurrences(of: "\t", with: " ") : text
        let node: Node?
        do {
            node = try Yams.compose(yaml: source, NodeConverter.resolver)
        } catch let error as YamlError {
            throw translate(error, text: source, file: file)
        } catch {
            throw TemplateError.syntax(String(describing: error), file: file, line: nil, logicalID: nil)
        }
        guard let node else { return .map(TemplateMap()) }
        return try NodeConverter(file: file).convert(node)
    }

    /// Interprets a parsed value as a template (a mapping whose `Resources` is a mapping of mappings).
    /// A template that uses `AWS::LanguageExtensions` is expanded (see ``LanguageExtensions``).
    package static func template(from value: TemplateValue, file: String? = nil,
                                parameterValues: [String: String] = [:]) throws -> Template {
        if let root = value.mapValue, LanguageExtensions.applies(to: root) {
            return try LanguageExtensions.template(from: root, file: file, parameterValues: parameterValues)
        }
        return try plainTemplate(from: value, file: file)
    }

    /// Interprets a parsed value, without language extensions, as a template.
    static func plainTemplate(from value: TemplateValue, file: String?) throws -> Template {
        guard let root = value.mapValue else {
            throw TemplateError.invalidStructure("a template must be a mapping of sections (Resources, ...)",
                                                 file: file, line: 1, logicalID: nil)
        }
        var sections = TemplateMap()
        sections.line = root.line
        var resources = OrderedMap<LogicalID, Resource>()
        var position: Int?
        for (key, sectionValue) in root {
            guard key == "Resources" else {
                sections.set(key, sectionValue, line: root.line(of: key))
                continue
            }
            position = sections.count
            guard let resourceMap = sectionValue.mapValue else {
                if sectionValue == .null { continue }
                throw TemplateError.invalidStructure("Resources must be a mapping of logical IDs to resources",
                                                     file: file, line: root.line(of: key), logicalID: nil)
            }
            for (id, body) in resourceMap {
                let line = resourceMap.line(of: id)
                guard let bodyMap = body.mapValue else {
                    throw TemplateError.invalidStructure(
                        "a resource must be a mapping with Type and Properties", file: file, line: line,
                        logicalID: LogicalID(id))
                }
                guard id.hasPrefix("Fn::") || bodyMap.contains("Fn::Transform") || bodyMap["Type"]?.stringValue != nil
                else {
                    throw TemplateError.invalidStructure("the resource has no Type; add one (e.g. Type: "
                        + "AWS::Serverless::Function)", file: file, line: line, logicalID: LogicalID(id))
                }
                resources[LogicalID(id)] = Resource(body: bodyMap, line: line)
            }
        }
        return Template(sections: sections, resources: resources, resourcesPosition: position)
    }

    private static func translate(_ error: YamlError, text: String, file: String?) -> TemplateError {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let first = context.mark.line
            let again = SourceScan.lineOfRepeatedKey(key, after: first, column: context.mark.column, in: text)
            let line = again ?? first
            return .duplicateKey(key, firstLine: again == nil ? nil : first, file: file, line: line,
                                 logicalID: SourceScan.logicalID(enclosing: line, in: text))
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = [context.map { $0.text }, problem].compactMap { $0 }.joined(separator: ": ")
            return .syntax(detail, file: file, line: mark.line,
                           logicalID: SourceScan.logicalID(enclosing: mark.line, in: text))
        default:
            return .syntax(String(describing: error), file: file, line: nil, logicalID: nil)
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
