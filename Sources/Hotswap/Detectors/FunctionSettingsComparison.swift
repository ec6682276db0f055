import AWSServices
import Foundation
import Templates

/// One setting of a function that differs from what its template says.
package struct SettingDifference: Sendable, Hashable {
    /// The setting (`Environment.Variables.GREETING`, `MemorySize`, `State`, ...).
    package var setting: String
    /// What the template (plus the hot-swap record) says; `****` for `NoEcho`-derived values; nil for unset.
    package var expected: String?
    /// What runs; `****` for `NoEcho`-derived values; nil for unset.
    package var actual: String?

    /// A difference.
    package init(setting: String, expected: String?, actual: String?) {
        self.setting = setting
        self.expected = expected
        self.actual = actual
    }

    /// `Environment.Variables.GREETING: expected 'hi', actual 'hello'`.
    package var line: String {
        "\(setting): expected \(expected.map { "'\($0)'" } ?? "unset"), actual \(actual.map { "'\($0)'" } ?? "unset")"
    }
}

/// Compares a function's settings as its local template writes them (evaluated with the stack's
/// parameters, conditions and live resource values) with the live function: the configuration
/// hot-swap (`Environment.Variables`, `Description`) and the whole-function verification.
package enum FunctionSettingsComparison {
    /// The mask shown instead of `NoEcho`-derived values.
    package static let mask = "****"

    /// The evaluated settings: variables that could be evaluated, those that could not (with why), description.
    struct Evaluated {
        var variables: [String: String]
        var unevaluable: [String: Unevaluable]
        var description: String
        var evaluator: TemplateEvaluator
    }

    static func evaluate(_ target: HotswapTarget, settings: FunctionSettings, live: FunctionConfiguration,
                         context: DetectionContext) async throws(Unevaluable) -> Evaluated {
        let values = [settings.variables, settings.description, settings.handler, settings.runtime, settings.memorySize,
                      settings.timeout, settings.architectures].compactMap { $0 }
        let evaluator = await LiveValues.evaluator(for: target, values: values, knownArn: live.functionArn, context: context)
        var variables: [String: String] = [:]
        var unevaluable: [String: Unevaluable] = [:]
        var map = settings.variables?.mapValue ?? TemplateMap()
        if let whole = settings.variables, whole.isIntrinsic {
            map = try evaluator.value(whole)?.mapValue ?? TemplateMap()
        }
        for (name, value) in map {
            do {
                guard let evaluated = try evaluator.value(value) else { continue }  // AWS::NoValue
                variables[name] = evaluated.scalarText ?? ""
            } catch {
                unevaluable[name] = error
            }
        }
        var description = ""
        if let value = settings.description { description = try evaluator.value(value)?.scalarText ?? "" }
        return Evaluated(variables: variables, unevaluable: unevaluable, description: description, evaluator: evaluator)
    }

    /// The configuration hot-swap classification of `target`.
    package static func classify(_ target: HotswapTarget, settings: FunctionSettings, physicalID: String,
                                context: DetectionContext) async throws -> HotswapClassification {
        let live = try await context.services.configurations.summary(of: physicalID)
        let local: Evaluated
        do { local = try await evaluate(target, settings: settings, live: live, context: context) } catch {
            return .cannotEvaluate(error)
        }
        let liveVariables = live.environment?.variables ?? [:]
        var wanted = local.variables
        for name in local.unevaluable.keys { wanted[name] = liveVariables[name] }
        let changed = Set(wanted.keys).union(liveVariables.keys).filter { wanted[$0] != liveVariables[$0] }.sorted()
        let liveDescription = live.description ?? ""
        let newHash = ConfigurationSwap.hash(variables: wanted, description: local.description)
        if changed.isEmpty && local.description == liveDescription {
            return .noChange(physicalID: physicalID, hash: newHash)
        }
        if !changed.isEmpty, let first = local.unevaluable.min(by: { $0.key < $1.key }) {
            // What runs differs and part of the environment only CloudFormation can evaluate.
            return .cannotEvaluate(first.value)
        }
        let swap = ConfigurationSwap(functionName: physicalID, variables: changed.isEmpty ? nil : wanted,
                                     description: local.description == liveDescription ? nil : local.description,
                                     changedVariables: changed)
        return .hotswap(HotswapOperation(
            target: target, physicalID: physicalID, change: .functionConfiguration(swap),
            oldHash: ConfigurationSwap.hash(variables: liveVariables, description: liveDescription), newHash: newHash))
    }

    /// Every setting of the live function that differs from `target`'s template: state and last
    /// update status, environment variables, handler, runtime, architecture, memory, timeout, and
    /// layer versions the template names by ARN.
    /// Variables only CloudFormation can evaluate are not compared.
    package static func differences(_ target: HotswapTarget, settings: FunctionSettings, physicalID: String,
                                   context: DetectionContext) async throws -> [SettingDifference] {
        var live = try await context.services.configurations.configuration(of: physicalID)
        if live.lastUpdateStatus == "InProgress" {
            // An update still running (a deploy or hot-swap that just ended) is waited for.
            live = try await context.services.configurations.waitUntilConfigured(physicalID)
        }
        var differences: [SettingDifference] = []
        if let state = live.state, state != "Active" {
            differences.append(SettingDifference(setting: "State", expected: "Active",
                                                 actual: state + (live.stateReason.map { " (\($0))" } ?? "")))
        }
        if let status = live.lastUpdateStatus, status != "Successful" {
            differences.append(SettingDifference(setting: "LastUpdateStatus", expected: "Successful",
                                                 actual: status + (live.lastUpdateStatusReason.map { " (\($0))" } ?? "")))
        }
        let evaluator: TemplateEvaluator
        if let local = try? await evaluate(target, settings: settings, live: live, context: context) {
            evaluator = local.evaluator
            differences += variableDifferences(local, live: live, secret: settings.secretVariables)
        } else {
            // The variables as a whole (an `Fn::If` of maps, say) only CloudFormation can evaluate: not compared.
            let values = [settings.handler, settings.runtime, settings.memorySize, settings.timeout, settings.architectures]
            evaluator = await LiveValues.evaluator(for: target, values: values.compactMap { $0 }, knownArn: live.functionArn,
                                                   context: context)
        }
        func text(_ value: TemplateValue?) -> String? { evaluator.valueIfKnown(value)?.scalarText }
        if settings.handler != nil, let expected = text(settings.handler), expected != live.handler {
            differences.append(SettingDifference(setting: "Handler", expected: expected, actual: live.handler))
        }
        if settings.runtime != nil, let expected = text(settings.runtime), expected != live.runtime {
            differences.append(SettingDifference(setting: "Runtime", expected: expected, actual: live.runtime))
        }
        let architecture = settings.architectures == nil ? "x86_64"
            : evaluator.valueIfKnown(settings.architectures)?.listValue?.first?.scalarText
        let liveArchitecture = live.architectures?.first ?? "x86_64"
        if let architecture, architecture != liveArchitecture {
            differences.append(SettingDifference(setting: "Architectures", expected: architecture, actual: liveArchitecture))
        }
        let memory = settings.memorySize == nil ? "128" : text(settings.memorySize)
        if let memory, let actual = live.memorySize, memory != String(actual) {
            differences.append(SettingDifference(setting: "MemorySize", expected: memory, actual: String(actual)))
        }
        let timeout = settings.timeout == nil ? "3" : text(settings.timeout)
        if let timeout, let actual = live.timeout, timeout != String(actual) {
            differences.append(SettingDifference(setting: "Timeout", expected: timeout, actual: String(actual)))
        }
        // Layer versions named literally must be used; a layer by `Ref` is checked by its own target.
        let liveLayers = (live.layers ?? []).compactMap(\.arn)
        for entry in settings.layers?.listValue ?? [] {
            guard let arn = entry.stringValue, LayerVersionARN(arn) != nil, !liveLayers.contains(arn) else { continue }
            differences.append(SettingDifference(setting: "Layers", expected: arn,
                                                 actual: liveLayers.isEmpty ? nil : liveLayers.joined(separator: ", ")))
        }
        return differences
    }

    /// The variables that differ, except those only CloudFormation can evaluate; `secret` ones masked.
    static func variableDifferences(_ local: Evaluated, live: FunctionConfiguration, secret: Set<String>) -> [SettingDifference] {
        let liveVariables = live.environment?.variables ?? [:]
        return Set(local.variables.keys).union(liveVariables.keys).sorted().compactMap { name in
            guard local.unevaluable[name] == nil else { return nil }
            let expected = local.variables[name]
            let actual = liveVariables[name]
            guard expected != actual else { return nil }
            let masked = secret.contains(name)
            return SettingDifference(setting: "Environment.Variables.\(name)", expected: masked ? expected.map { _ in mask } : expected,
                                     actual: masked ? actual.map { _ in mask } : actual)
        }
    }
}
