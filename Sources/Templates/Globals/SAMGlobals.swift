/// SAM's `Globals` section applied to resources, with SAM's own merge rules.
///
/// A `Globals.<Section>` applies to every `AWS::Serverless::<Section>` resource. Merging follows
/// aws-sam-translator: a property set on the resource wins over the global one; when both are
/// mappings they merge key by key (recursively); when both are lists the global items come first,
/// then the resource's; intrinsic functions count as plain values (the resource's wins).
package enum SAMGlobals {
    /// Globals sections SAM supports and the resource type each applies to.
    package static let sectionResourceTypes: [String: String] = [
        "Function": "AWS::Serverless::Function",
        "Api": "AWS::Serverless::Api",
        "HttpApi": "AWS::Serverless::HttpApi",
        "SimpleTable": "AWS::Serverless::SimpleTable",
        "StateMachine": "AWS::Serverless::StateMachine",
        "LayerVersion": "AWS::Serverless::LayerVersion",
        "CapacityProvider": "AWS::Serverless::CapacityProvider",
        "WebSocketApi": "AWS::Serverless::WebSocketApi",
    ]

    /// The globals that apply to `resourceType` in `template`, if any.
    package static func globals(for resourceType: String, in template: Template) -> TemplateMap? {
        guard let globals = template.globals else { return nil }
        let prefix = "AWS::Serverless::"
        guard resourceType.hasPrefix(prefix) else { return nil }
        let section = String(resourceType.dropFirst(prefix.count))
        guard sectionResourceTypes[section] == resourceType else { return nil }
        return globals[section]?.mapValue
    }

    /// The resource's properties with the template's globals merged in (resource properties win).
    package static func effectiveProperties(of resource: Resource, in template: Template) -> TemplateMap {
        guard let globals = globals(for: resource.type, in: template) else { return resource.properties }
        return merge(global: .map(globals), local: .map(resource.properties)).mapValue ?? resource.properties
    }

    /// One SAM-style merge of a global value with a local value.
    package static func merge(global: TemplateValue, local: TemplateValue) -> TemplateValue {
        switch (kind(of: global), kind(of: local)) {
        case (.map, .map):
            guard let globalMap = global.mapValue, let localMap = local.mapValue else { return local }
            var merged = globalMap
            for (key, value) in localMap {
                let combined = globalMap[key].map { merge(global: $0, local: value) } ?? value
                merged.set(key, combined, line: localMap.line(of: key))
            }
            return .map(merged)
        case (.list, .list):
            return .list((global.listValue ?? []) + (local.listValue ?? []))
        default:
            return local
        }
    }

    private enum Kind { case map, list, primitive }

    private static func kind(of value: TemplateValue) -> Kind {
        switch value {
        case .map: return value.isIntrinsic ? .primitive : .map
        case .list: return .list
        default: return .primitive
        }
    }
}

extension Template {
    /// `resource`'s properties with SAM globals applied (resource properties win).
    package func effectiveProperties(of id: LogicalID) -> TemplateMap? {
        guard let resource = resources[id] else { return nil }
        return SAMGlobals.effectiveProperties(of: resource, in: self)
    }
}
