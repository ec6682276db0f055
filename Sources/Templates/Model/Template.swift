import Foundation

/// A CloudFormation or SAM template: its top-level sections in order and its resources by logical ID.
///
/// Load one with ``TemplateLoader``; write one with ``JSONTemplateWriter`` or ``YAMLTemplateWriter``.
package struct Template: Sendable, Hashable {
    /// Every top-level section except `Resources`, in source order.
    package var sections: TemplateMap
    /// The resources in source order.
    package var resources: OrderedMap<LogicalID, Resource>
    /// Where `Resources` sits among the sections (its index in the written output); nil when the
    /// source had no `Resources` section (it is then written last, and only if resources were added).
    package var resourcesPosition: Int?
    /// The file the template was loaded from, if any. Not part of equality.
    package var sourceFile: URL?
    /// The authored form when the template uses `AWS::LanguageExtensions` (this value is then its
    /// in-memory expansion); nil otherwise. Not part of equality.
    package var languageExtensions: LanguageExtensionsSource?

    /// A template from its parts.
    package init(sections: TemplateMap = TemplateMap(), resources: OrderedMap<LogicalID, Resource> = OrderedMap(),
                resourcesPosition: Int? = nil, sourceFile: URL? = nil) {
        self.sections = sections
        self.resources = resources
        self.resourcesPosition = resourcesPosition
        self.sourceFile = sourceFile
    }

    /// `AWSTemplateFormatVersion`.
    package var formatVersion: String? { sections["AWSTemplateFormatVersion"]?.scalarText }
    /// `Description`.
    package var description: String? { sections["Description"]?.stringValue }
    /// `Transform`, as written (a string or a list).
    package var transform: TemplateValue? { sections["Transform"] }
    /// The transform names (`AWS::Serverless-2016-10-31`, ...), whether written as one or many.
    package var transforms: [String] {
        switch transform {
        case .string(let name): return [name]
        case .list(let items): return items.compactMap { $0.stringValue ?? $0["Name"]?.stringValue }
        default: return []
        }
    }
    /// Whether the template uses the SAM transform.
    package var isSAM: Bool { transforms.contains { $0.hasPrefix("AWS::Serverless") } }
    /// `Metadata`.
    package var metadata: TemplateMap? { sections["Metadata"]?.mapValue }
    /// `Parameters`.
    package var parameters: TemplateMap? { sections["Parameters"]?.mapValue }
    /// `Mappings`.
    package var mappings: TemplateMap? { sections["Mappings"]?.mapValue }
    /// `Conditions`.
    package var conditions: TemplateMap? { sections["Conditions"]?.mapValue }
    /// `Globals` (SAM).
    package var globals: TemplateMap? { sections["Globals"]?.mapValue }
    /// `Outputs`.
    package var outputs: TemplateMap? { sections["Outputs"]?.mapValue }

    /// The whole template as one value, sections in their original order (for writing).
    package var value: TemplateValue {
        var map = TemplateMap()
        map.line = sections.line
        let position = resourcesPosition.map { min($0, sections.count) }
        var resourcesMap = TemplateMap()
        for (id, resource) in resources {
            resourcesMap.set(id.rawValue, .map(resource.body), line: resource.line)
        }
        for (index, entry) in sections.enumerated() {
            if index == position { map["Resources"] = .map(resourcesMap) }
            map.set(entry.key, entry.value, line: sections.line(of: entry.key))
        }
        if let position, position >= sections.count {
            map["Resources"] = .map(resourcesMap)
        } else if position == nil, !resources.isEmpty {
            map["Resources"] = .map(resourcesMap)
        }
        return .map(map)
    }

    /// Equal when sections and resources are equal (source file and lines ignored).
    package static func == (lhs: Template, rhs: Template) -> Bool {
        lhs.sections == rhs.sections && lhs.resources == rhs.resources
            && lhs.resourcesPosition == rhs.resourcesPosition
    }

    /// Hashes sections and resources.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(sections)
        hasher.combine(resources)
    }
}
