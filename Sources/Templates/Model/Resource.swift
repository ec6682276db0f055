/// One entry of a template's `Resources` section.
///
/// The resource keeps its whole body (`Type`, `Properties`, `Metadata`, `Condition`, `DependsOn`,
/// `DeletionPolicy`, ... in source order) so it can be written back unchanged; the typed
/// accessors read and write that body.
package struct Resource: Sendable, Hashable {
    /// The resource's body as written in the template.
    package var body: TemplateMap
    /// The line of the resource's logical ID, when loaded from a file.
    package var line: Int?

    /// A resource from its body.
    package init(body: TemplateMap, line: Int? = nil) {
        self.body = body
        self.line = line
    }

    /// A resource of `type` with `properties`.
    package init(type: String, properties: TemplateMap = TemplateMap()) {
        var body = TemplateMap()
        body["Type"] = .string(type)
        if !properties.isEmpty { body["Properties"] = .map(properties) }
        self.init(body: body)
    }

    /// The resource type (`AWS::Serverless::Function`); empty when missing.
    package var type: String {
        get { body["Type"]?.stringValue ?? "" }
        set { body["Type"] = .string(newValue) }
    }

    /// The `Properties` mapping (empty when absent); setting an empty mapping keeps an existing key.
    package var properties: TemplateMap {
        get { body["Properties"]?.mapValue ?? TemplateMap() }
        set {
            if newValue.isEmpty && !body.contains("Properties") { return }
            body["Properties"] = .map(newValue)
        }
    }

    /// The resource's `Metadata` mapping.
    package var metadata: TemplateMap? {
        get { body["Metadata"]?.mapValue }
        set { body["Metadata"] = newValue.map(TemplateValue.map) }
    }

    /// The name of the `Condition` the resource depends on.
    package var condition: String? {
        get { body["Condition"]?.stringValue }
        set { body["Condition"] = newValue.map(TemplateValue.string) }
    }

    /// `DependsOn`, as a list whether written as one name or many.
    package var dependsOn: [LogicalID] {
        switch body["DependsOn"] {
        case .string(let name): return [LogicalID(name)]
        case .list(let names): return names.compactMap { $0.stringValue.map { LogicalID(rawValue: $0) } }
        default: return []
        }
    }

    /// The source line of property `name`, falling back to the resource's own line.
    package func line(ofProperty name: String) -> Int? {
        body["Properties"]?.mapValue?.line(of: name) ?? line
    }

    /// Equal when the bodies are equal; lines are ignored.
    package static func == (lhs: Resource, rhs: Resource) -> Bool { lhs.body == rhs.body }

    /// Hashes the body.
    package func hash(into hasher: inout Hasher) { hasher.combine(body) }
}
