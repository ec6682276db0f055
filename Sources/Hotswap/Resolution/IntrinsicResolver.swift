import Foundation
import Templates

/// An intrinsic that hot-swap cannot evaluate from live state; the change needs a deploy.
public struct UnresolvableIntrinsic: Error, Sendable, CustomStringConvertible {
    /// What could not be resolved and why.
    public let description: String
}

/// Evaluates the intrinsics a definition may use, from live physical IDs: `Ref` to resources and
/// pseudo parameters, `Fn::GetAtt X.Arn` (Lambda functions, resources whose ID is an ARN, DynamoDB
/// tables), `Fn::Sub` and `Fn::Join`. Anything else is an `UnresolvableIntrinsic`.
public struct IntrinsicResolver: Sendable {
    /// The stack the values live in.
    public let stackPath: String
    /// The context (physical IDs, Lambda ARNs).
    public let context: DetectionContext
    /// `AWS::Region`, `AWS::AccountId`, `AWS::Partition`, `AWS::StackName`, ... when known.
    public let pseudoParameters: [String: String]

    /// A resolver for values of the stack at `stackPath`; pseudo parameters are read from
    /// `knownArn` (any ARN of the same account and region).
    public init(stackPath: String, context: DetectionContext, knownArn: String?, stackName: String?) {
        self.stackPath = stackPath
        self.context = context
        var pseudo: [String: String] = ["AWS::NoValue": ""]
        if let arn = knownArn {
            let parts = arn.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            if parts.count > 4, parts[0] == "arn" {
                pseudo["AWS::Partition"] = parts[1]
                pseudo["AWS::Region"] = parts[3]
                pseudo["AWS::AccountId"] = parts[4]
                pseudo["AWS::URLSuffix"] = parts[1] == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"
            }
        }
        if let stackName {
            // An ARN `arn:...:stack/NAME/ID` names the stack in its middle.
            let parts = stackName.split(separator: "/")
            pseudo["AWS::StackName"] = stackName.hasPrefix("arn:") && parts.count >= 2 ? String(parts[1]) : stackName
        }
        pseudoParameters = pseudo
    }

    /// `value` as a string.
    public func string(_ value: TemplateValue) async throws -> String {
        switch value {
        case .string(let text), .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        default: break
        }
        guard let intrinsic = value.intrinsic else {
            throw UnresolvableIntrinsic(description: "a list or mapping where a string was expected")
        }
        switch intrinsic {
        case .ref(let name): return try await ref(name)
        case .getAtt(let resource, let attribute):
            guard let name = attribute.stringValue else {
                throw UnresolvableIntrinsic(description: "Fn::GetAtt \(resource) with a computed attribute")
            }
            return try await getAtt(resource, name)
        case .sub(let text, let variables): return try await sub(text, variables: variables)
        case .join(let delimiter, let values):
            guard let items = values.listValue else {
                throw UnresolvableIntrinsic(description: "Fn::Join of a computed list")
            }
            var parts: [String] = []
            for item in items { parts.append(try await string(item)) }
            return parts.joined(separator: delimiter)
        default:
            throw UnresolvableIntrinsic(description: "\(value.mapValue?.keys.first ?? "intrinsic") cannot be evaluated without CloudFormation")
        }
    }

    /// `value` as a JSON-compatible object (mappings, lists, scalars), intrinsics evaluated.
    public func json(_ value: TemplateValue) async throws -> Any {
        if value.isIntrinsic { return try await string(value) }
        switch value {
        case .string(let text): return text
        case .number(let text): return Double(text).map { $0 == $0.rounded() && abs($0) < 1e15 ? Int($0) as Any : $0 as Any } ?? text
        case .bool(let flag): return flag
        case .null: return NSNull()
        case .list(let items):
            var result: [Any] = []
            for item in items { result.append(try await json(item)) }
            return result
        case .map(let map):
            var result: [String: Any] = [:]
            for (key, item) in map { result[key] = try await json(item) }
            return result
        }
    }

    /// `Fn::Sub`: `${Name}`, `${Name.Attribute}`, `${!Literal}`, with `variables` first.
    public func sub(_ text: String, variables: TemplateMap?) async throws -> String {
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                output += rest[start.lowerBound...]
                return output
            }
            let name = String(rest[start.upperBound..<end])
            rest = rest[rest.index(after: end)...]
            if name.hasPrefix("!") {
                output += "${\(name.dropFirst())}"
            } else if let variable = variables?[name] {
                output += try await string(variable)
            } else if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
                output += try await getAtt(String(name[..<dot]), String(name[name.index(after: dot)...]))
            } else {
                output += try await ref(name)
            }
        }
        output += rest
        return output
    }

    func ref(_ name: String) async throws -> String {
        if let pseudo = pseudoParameters[name] { return pseudo }
        if name.hasPrefix("AWS::") {
            throw UnresolvableIntrinsic(description: "the pseudo parameter \(name) is not known here")
        }
        do {
            return try await context.resolver.physicalID(stackPath: stackPath, logicalID: name)
        } catch let error as HotswapError where error.isNotDeployed {
            throw UnresolvableIntrinsic(description: "Ref \(name): not a deployed resource of this stack (a parameter or a new resource)")
        }
    }

    func getAtt(_ resource: String, _ attribute: String) async throws -> String {
        let deployed: DeployedResource
        do {
            deployed = try await context.resolver.resource(stackPath: stackPath, logicalID: resource)
        } catch let error as HotswapError where error.isNotDeployed {
            throw UnresolvableIntrinsic(description: "Fn::GetAtt \(resource).\(attribute): \(resource) is not deployed")
        }
        guard attribute == "Arn" else {
            throw UnresolvableIntrinsic(description: "Fn::GetAtt \(resource).\(attribute) cannot be read without CloudFormation")
        }
        if deployed.resourceType == "AWS::Lambda::Function" {
            if let arn = try await context.services.functions.liveCode(of: deployed.physicalID).functionArn { return arn }
        }
        if deployed.physicalID.hasPrefix("arn:") { return deployed.physicalID }
        if deployed.resourceType == "AWS::DynamoDB::Table", let partition = pseudoParameters["AWS::Partition"],
           let region = pseudoParameters["AWS::Region"], let account = pseudoParameters["AWS::AccountId"] {
            return "arn:\(partition):dynamodb:\(region):\(account):table/\(deployed.physicalID)"
        }
        throw UnresolvableIntrinsic(description: "Fn::GetAtt \(resource).Arn of a \(deployed.resourceType) cannot be read without CloudFormation")
    }
}
