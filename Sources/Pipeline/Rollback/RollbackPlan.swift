import Configuration
import Deployment
import Foundation

/// What `ferry rollback` will do, as a value shown before anything changes: (1) deploy the
/// recorded template with the recorded parameters, (2) hot-swap the functions CloudFormation
/// leaves running other code, (3) verify.
package struct RollbackPlan: Sendable, Encodable {
    /// What happens to one function's code.
    package struct CodeStep: Sendable, Encodable, Equatable {
        /// How the function gets the recorded code.
        package enum Action: String, Sendable, Encodable {
            /// It already runs the recorded code.
            case unchanged
            /// The template's code location changes, so the CloudFormation deploy updates it.
            case cloudFormation = "cloudformation"
            /// The template does not change it but it runs other code (a hot-swap since): update-function-code from S3.
            case hotswap
            /// It does not exist now; the deploy creates it.
            case create
        }

        /// `Root/Fn`.
        package var resource: String
        /// The function's name now (nil when it does not exist).
        package var functionName: String?
        /// What runs now.
        package var liveCodeSha256: String?
        /// What the record's template says.
        package var recordedCodeSha256: String
        /// The recorded code's object.
        package var location: S3Address
        package var action: Action

        /// A step.
        package init(resource: String, functionName: String?, liveCodeSha256: String?, recordedCodeSha256: String,
                    location: S3Address, action: Action) {
            self.resource = resource
            self.functionName = functionName
            self.liveCodeSha256 = liveCodeSha256
            self.recordedCodeSha256 = recordedCodeSha256
            self.location = location
            self.action = action
        }
    }

    /// How the rollback returns the stack to the record.
    package enum Path: String, Sendable, Encodable {
        /// Deploy the recorded template through a change set, then hot-swap and verify.
        case changeSet = "change-set"
        /// Move each differing function's alias back to the published version with the recorded code.
        case alias
    }

    /// The fast path's step for one function: UpdateAlias to a published version.
    package struct AliasMove: Sendable, Encodable, Equatable {
        /// `Root/Fn`.
        package var resource: String
        package var functionName: String
        /// The alias (`AutoPublishAlias`).
        package var alias: String
        /// The version the alias serves now.
        package var fromVersion: String
        /// The published version with the recorded code.
        package var toVersion: String
        /// The recorded code.
        package var codeSha256: String

        /// A move.
        package init(resource: String, functionName: String, alias: String, fromVersion: String, toVersion: String, codeSha256: String) {
            self.resource = resource
            self.functionName = functionName
            self.alias = alias
            self.fromVersion = fromVersion
            self.toVersion = toVersion
            self.codeSha256 = codeSha256
        }
    }

    package var stackName: String
    package var environment: String
    /// The record the stack runs now (nil when none is recorded).
    package var current: DeployRecord?
    /// The record to return to.
    package var target: DeployRecord
    /// The recorded root template's object.
    package var template: S3Address
    /// The parameters sent (`Secret=(previous value)` for masked NoEcho ones).
    package var parameters: [String]
    /// One step per zip function of the recorded template.
    package var code: [CodeStep]
    /// The path taken.
    package var path: Path = .changeSet
    /// On the alias path: one move per function whose code differs.
    package var aliasMoves: [AliasMove] = []
    /// On the change-set path: why the alias path is not possible.
    package var pathReason: String?

    /// A plan.
    package init(stackName: String, environment: String, current: DeployRecord?, target: DeployRecord, template: S3Address,
                parameters: [String], code: [CodeStep]) {
        self.stackName = stackName
        self.environment = environment
        self.current = current
        self.target = target
        self.template = template
        self.parameters = parameters
        self.code = code
    }

    /// The plan as lines for people.
    package func rendered() -> [String] {
        var lines: [String] = []
        let when = target.startedAt.formatted(.iso8601)
        let commit = target.gitCommit.map { String($0.prefix(8)) + (target.gitDirty == true ? "+dirty" : "") } ?? "no git"
        if let current {
            lines.append("from: \(current.id.prefix(8)) \(current.startedAt.formatted(.iso8601)) (\(current.outcome.rawValue))")
        }
        lines.append("to:   \(target.id.prefix(8)) \(when) by \(target.who), commit \(commit): \(target.changeSummary)")
        if path == .alias {
            lines.append("path: alias (fast path): only the code of functions with AutoPublishAlias differs and "
                + "published versions have the recorded code; no change set")
            for move in aliasMoves {
                lines.append("   fast path: moving alias \(move.alias) → version \(move.toVersion) of \(move.resource) "
                    + "(\(move.functionName), from version \(move.fromVersion), code \(Self.short(move.codeSha256)))")
            }
            lines.append("   note: $LATEST keeps the newer code; only what the alias serves changes")
            lines.append("verify each alias's version CodeSha256 against the record; record the rollback (path: alias)")
            return lines
        }
        if let pathReason {
            lines.append("path: change set (no fast path: \(pathReason))")
        }
        lines.append("1. deploy \(template.uri) through a change set"
            + (parameters.isEmpty ? "" : " with " + parameters.joined(separator: " ")))
        let changing = code.filter { $0.action != .unchanged }
        if changing.isEmpty {
            lines.append("2. code: every function already runs the recorded code (\(code.count) checked)")
        } else {
            lines.append("2. code of \(changing.count) function(s):")
            for step in changing {
                let how = switch step.action {
                case .cloudFormation: "by the deploy"
                case .hotswap: "hot-swap from \(step.location.uri)"
                case .create: "created by the deploy"
                case .unchanged: "unchanged"
                }
                lines.append("   \(step.resource): \(Self.short(step.liveCodeSha256)) → \(Self.short(step.recordedCodeSha256)) (\(how))")
            }
        }
        lines.append("3. verify every function's CodeSha256 and the stack's template against the record; record the rollback")
        return lines
    }

    static func short(_ hash: String?) -> String {
        guard let hash, !hash.isEmpty else { return "none" }
        return String(hash.prefix(8))
    }

    /// The recorded parameters for CreateChangeSet: masked NoEcho values become
    /// `UsePreviousValue` (the stack still has them; the record never did).
    package static func parameters(from record: DeployRecord) -> DeployParameters {
        var parameters = DeployParameters(configured: record.parameters.map { KeyValue(key: $0.key, value: $0.value) })
        parameters.keepPrevious = Set(record.parameters.filter { $0.value == DeployParameters.mask }.map(\.key))
        parameters.noEcho = parameters.keepPrevious
        return parameters
    }

    /// The parameters as shown in the plan.
    static func parameterLines(_ parameters: DeployParameters) -> [String] {
        parameters.values.map { parameters.keepPrevious.contains($0.key) ? "\($0.key)=(previous value)" : "\($0.key)=\($0.value)" }
    }

    /// Decides each function's step.
    ///
    /// - Parameters:
    ///   - recorded: the recorded template's functions with the `CodeSha256` their code has.
    ///   - live: per qualified name, the function's name and `CodeSha256` now (absent when it does not exist).
    ///   - deployedLocations: per qualified name, the code object the stack's current template names.
    package static func codeSteps(recorded: [(code: RecordedCode, codeSha256: String)],
                                 live: [String: (functionName: String, codeSha256: String?)],
                                 deployedLocations: [String: S3Address]) -> [CodeStep] {
        recorded.map { entry in
            let name = entry.code.qualifiedName
            let now = live[name]
            let action: CodeStep.Action
            if now == nil {
                action = .create
            } else if now?.codeSha256 == entry.codeSha256 {
                action = .unchanged
            } else if deployedLocations[name] != entry.code.location {
                action = .cloudFormation
            } else {
                action = .hotswap
            }
            return CodeStep(resource: name, functionName: now?.functionName, liveCodeSha256: now?.codeSha256,
                            recordedCodeSha256: entry.codeSha256, location: entry.code.location, action: action)
        }
    }
}
