import Foundation
import Hotswap
import Templates

/// The decision rules for one stack: how its packaged template differs from the deployed one,
/// and which of those differences a hot-swap cannot make.
///
/// - Code locations (`CodeUri`, `Code.S3Key`, a state machine's definition, AppSync code) are
///   allowed by their detector: the code hash decides.
/// - A nested stack (`AWS::CloudFormation::Stack`) whose only change is `TemplateURL` is decided
///   by its own stack's differences (compared separately).
/// - A layer's content (`ContentUri`, `Content`) is allowed when Ferry built the layer (it is a
///   hot-swap target, `hotswapTargets`): the layer's detector compares the content the functions run.
/// - A resource or nested stack added or removed, another layer change, a section other than
///   `Resources`, or any other property needs CloudFormation.
package enum StackComparison {
    /// Resource types whose content change CloudFormation must publish (a new layer version).
    package static let layerTypes: Set<String> = ["AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion"]
    /// Nested stack resource types.
    package static let nestedStackTypes: Set<String> = ["AWS::CloudFormation::Stack"]

    /// Every reason CloudFormation must deploy `packaged` over `deployed` (empty when a hot-swap,
    /// or nothing, is enough).
    package static func reasons(stackPath: String, deployed: Template, packaged: Template,
                               planner: HotswapPlanner, hotswapTargets: Set<String> = []) -> [PlanReason] {
        var reasons = sectionReasons(stackPath: stackPath, deployed: deployed, packaged: packaged)
        for difference in TemplateDiff.resources(from: deployed, to: packaged) {
            if let reason = reason(for: difference, stackPath: stackPath, planner: planner, hotswapTargets: hotswapTargets) {
                reasons.append(reason)
            }
        }
        return reasons
    }

    /// Sections other than `Resources` that differ (`Parameters`, `Outputs`, `Globals`, ...).
    static func sectionReasons(stackPath: String, deployed: Template, packaged: Template) -> [PlanReason] {
        var names: [String] = []
        for (key, _) in packaged.sections where key != "Resources" { names.append(key) }
        for (key, _) in deployed.sections where key != "Resources" && !names.contains(key) { names.append(key) }
        return names.compactMap { name in
            let old = deployed.sections[name]
            let new = packaged.sections[name]
            if let old, let new, TemplateDiff.semanticallyEqual(old, new) { return nil }
            let what = old == nil ? "added" : new == nil ? "removed" : "changed"
            var detail = ""
            if let old, let new {
                let paths = TemplateDiff.values(old, new).map { $0.dottedPath.isEmpty ? name : "\(name).\($0.dottedPath)" }
                if !paths.isEmpty { detail = " (\(paths.prefix(3).joined(separator: ", ")))" }
            }
            return PlanReason(.sectionChanged, stackPath: stackPath, message: "template section \(name) \(what)\(detail)")
        }
    }

    /// The reason one resource difference needs CloudFormation, or nil when a hot-swap (or
    /// nothing) is enough.
    package static func reason(for difference: ResourceDifference, stackPath: String, planner: HotswapPlanner,
                              hotswapTargets: Set<String> = []) -> PlanReason? {
        let id = difference.logicalID.rawValue
        let type = difference.resourceType
        let isNested = nestedStackTypes.contains(type)
        switch difference.change {
        case .added:
            return PlanReason(isNested ? .nestedStackAdded : .resourceAdded, stackPath: stackPath, logicalID: id,
                              message: isNested ? "nested stack added: CloudFormation must create it"
                                  : "\(type) added: CloudFormation must create it")
        case .removed:
            return PlanReason(isNested ? .nestedStackRemoved : .resourceRemoved, stackPath: stackPath, logicalID: id,
                              message: isNested ? "nested stack removed: CloudFormation must delete it"
                                  : "\(type) removed: CloudFormation must delete it")
        case .modified(let properties):
            if isNested {
                let others = properties.filter { $0.path.count < 2 || $0.path[0] != "Properties" || $0.path[1] != "TemplateURL" }
                guard !others.isEmpty else { return nil }
                return PlanReason(.propertyChanged, stackPath: stackPath, logicalID: id,
                                  message: "nested stack \(paths(others)) changed")
            }
            if layerTypes.contains(type) {
                if hotswapTargets.contains("\(stackPath)/\(id)"), planner.rejection(for: difference) == nil { return nil }
                let content = properties.contains { $0.path.count >= 2 && ["ContentUri", "Content"].contains($0.path[1]) }
                return PlanReason(.layerChanged, stackPath: stackPath, logicalID: id,
                                  message: content ? "layer content changed (\(paths(properties))): CloudFormation must publish a new version"
                                      : "layer \(paths(properties)) changed")
            }
            guard let why = planner.rejection(for: difference) else { return nil }
            return PlanReason(.propertyChanged, stackPath: stackPath, logicalID: id, message: why)
        }
    }

    /// Up to three dotted paths.
    static func paths(_ properties: [PropertyDifference]) -> String {
        let all = properties.map(\.dottedPath)
        return all.prefix(3).joined(separator: ", ") + (all.count > 3 ? " and \(all.count - 3) more" : "")
    }
}
