import AWSServices
import Foundation
import Templates

/// The fast path of `ferry rollback`: when the only differences from the record are the code of
/// functions with an `AutoPublishAlias` whose recorded code is still a published version, the
/// rollback moves each alias back to that version (UpdateAlias) instead of deploying a change set.
package enum AliasFastPath {
    /// One published version of a function (ListVersionsByFunction, `$LATEST` excluded).
    package struct PublishedVersion: Sendable, Equatable {
        /// `1`, `2`, ...
        package var version: String
        package var codeSha256: String

        /// A version.
        package init(version: String, codeSha256: String) {
            self.version = version
            self.codeSha256 = codeSha256
        }
    }

    /// What an alias function looks like now.
    package struct LiveAlias: Sendable, Equatable {
        /// The version the alias serves now (nil when the alias does not exist).
        package var aliasVersion: String?
        /// The function's published versions.
        package var versions: [PublishedVersion]

        /// A live alias.
        package init(aliasVersion: String?, versions: [PublishedVersion]) {
            self.aliasVersion = aliasVersion
            self.versions = versions
        }
    }

    /// The path: `.alias` with one move per function whose code differs, or `.changeSet` with
    /// the reason the fast path is not possible.
    ///
    /// - Parameters:
    ///   - steps: the rollback plan's code steps.
    ///   - aliases: per qualified name, the function's `AutoPublishAlias` (absent when it has none).
    ///   - live: per qualified name, the alias's version and the function's published versions.
    ///   - templateDifferences: how the recorded templates differ from the deployed ones beyond
    ///     the code locations of the differing functions (empty when they do not).
    package static func decide(steps: [RollbackPlan.CodeStep], aliases: [String: String], live: [String: LiveAlias],
                              templateDifferences: [String]) -> (path: RollbackPlan.Path, moves: [RollbackPlan.AliasMove], reason: String?) {
        let differing = differing(steps: steps, aliases: aliases, live: live)
        guard !differing.isEmpty else {
            return (.changeSet, [], "no function's code differs from the record")
        }
        var moves: [RollbackPlan.AliasMove] = []
        for step in differing {
            guard let functionName = step.functionName else {
                return (.changeSet, [], "\(step.resource) does not exist now")
            }
            guard let alias = aliases[step.resource] else {
                return (.changeSet, [], "\(step.resource) has no AutoPublishAlias")
            }
            guard let state = live[step.resource], let from = state.aliasVersion else {
                return (.changeSet, [], "\(step.resource) has no alias \(alias) now")
            }
            let matching = state.versions.filter { $0.codeSha256 == step.recordedCodeSha256 }
            guard let version = matching.max(by: { (Int($0.version) ?? 0) < (Int($1.version) ?? 0) }) else {
                return (.changeSet, [], "no published version of \(step.resource) has the recorded code "
                    + RollbackPlan.short(step.recordedCodeSha256))
            }
            moves.append(RollbackPlan.AliasMove(
                resource: step.resource, functionName: functionName, alias: alias, fromVersion: from,
                toVersion: version.version, codeSha256: step.recordedCodeSha256))
        }
        if let first = templateDifferences.first {
            return (.changeSet, [], "the template differs beyond function code: \(first)"
                + (templateDifferences.count > 1 ? " (and \(templateDifferences.count - 1) more)" : ""))
        }
        return (.alias, moves, nil)
    }

    /// The steps whose function does not serve the recorded code: `$LATEST` differs, or (for a
    /// function with an alias) the alias serves a version with other code — as after an earlier
    /// fast-path rollback, when `$LATEST` kept the newer code.
    package static func differing(steps: [RollbackPlan.CodeStep], aliases: [String: String],
                                 live: [String: LiveAlias]) -> [RollbackPlan.CodeStep] {
        steps.filter { step in
            if step.action != .unchanged { return true }
            guard aliases[step.resource] != nil, let state = live[step.resource], let served = state.aliasVersion,
                  let code = state.versions.first(where: { $0.version == served })?.codeSha256 else { return false }
            return code != step.recordedCodeSha256
        }
    }

    /// How the recorded templates differ from the deployed ones once the code locations of
    /// `ignoring` (qualified names) and nested stacks' template locations are set aside.
    ///
    /// - Parameters:
    ///   - recorded: per stack path, the recorded template.
    ///   - deployed: per stack path, the template the stack runs now (GetTemplate, original).
    package static func templateDifferences(recorded: [String: Template], deployed: [String: Template],
                                           ignoring: Set<String>) -> [String] {
        var differences: [String] = []
        for stackPath in recorded.keys.sorted() {
            guard let recordedTemplate = recorded[stackPath] else { continue }
            guard let deployedTemplate = deployed[stackPath] else {
                differences.append("stack \(stackPath) is not deployed now")
                continue
            }
            let left = normalized(recordedTemplate, stackPath: stackPath, ignoring: ignoring)
            let right = normalized(deployedTemplate, stackPath: stackPath, ignoring: ignoring)
            if left != right {
                differences.append("the template of stack \(stackPath) changed")
            }
        }
        for stackPath in deployed.keys.sorted() where recorded[stackPath] == nil {
            differences.append("stack \(stackPath) is not in the record")
        }
        return differences
    }

    /// `template` without the code locations of the ignored functions nor nested stacks' locations.
    static func normalized(_ template: Template, stackPath: String, ignoring: Set<String>) -> Template {
        var copy = template
        copy.sourceFile = nil
        for id in template.resources.keys {
            guard var resource = copy.resources[id] else { continue }
            var properties = resource.properties
            switch resource.type {
            case "AWS::Serverless::Function", "AWS::Lambda::Function":
                guard ignoring.contains("\(stackPath)/\(id.rawValue)") else { continue }
                properties["CodeUri"] = nil
                properties["Code"] = nil
            case "AWS::CloudFormation::Stack":
                properties["TemplateURL"] = nil
            case "AWS::Serverless::Application":
                properties["Location"] = nil
            default:
                continue
            }
            resource.properties = properties
            copy.resources[id] = resource
        }
        return copy
    }
}
