/// Why a template value cannot be evaluated locally: only CloudFormation knows it.
///
/// Not a template mistake: the resource that needs the value falls back to CloudFormation (or is
/// built and packaged as if its condition were true), and the reason is shown to the user.
package struct Unevaluable: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is missing.
    package enum Reason: Sendable, Hashable {
        /// A parameter with no value given, no deployed value and no default.
        case parameterWithoutValue(String)
        /// A nested stack's parameter that its parent sets from a value Ferry cannot compute
        /// (`because` says which, e.g. its parent's `Fn::GetAtt`).
        case parameterNotKnown(String, because: String)
        /// `Ref` or `Fn::GetAtt` of a resource that is not deployed (or not known here).
        case resourceValue(logicalID: String, attribute: String?)
        /// A pseudo parameter not known here (`AWS::AccountId` before any AWS call).
        case pseudoParameter(String)
        /// `Fn::ImportValue`: another stack's export.
        case importValue
        /// A dynamic reference (`{{resolve:ssm:...}}`) that CloudFormation resolves at deploy time.
        case dynamicReference(String)
        /// A condition that is not defined in `Conditions` (or defined in terms of itself).
        case unknownCondition(String)
        /// An intrinsic Ferry does not evaluate (`Fn::GetAZs`, `Fn::Cidr`, `Fn::Transform`, ...).
        case unsupported(String)
        /// An intrinsic whose arguments are not in the documented shape.
        case malformed(String)
    }

    /// What is missing.
    package let reason: Reason

    /// A failure for `reason`.
    package init(_ reason: Reason) { self.reason = reason }

    /// One phrase, e.g. `Fn::GetAtt Other.Arn: Other is not deployed here`.
    package var description: String {
        switch reason {
        case .parameterWithoutValue(let name):
            return "parameter \(name) has no value (give it in parameter_overrides, or a Default)"
        case .parameterNotKnown(let name, let because):
            return "parameter \(name) comes from the parent stack, where \(because)"
        case .resourceValue(let id, let attribute?):
            return "Fn::GetAtt \(id).\(attribute) is known only to CloudFormation here"
        case .resourceValue(let id, nil):
            return "Ref \(id) is known only to CloudFormation here"
        case .pseudoParameter(let name):
            return "the pseudo parameter \(name) is not known here"
        case .importValue:
            return "Fn::ImportValue reads another stack's export, known only to CloudFormation"
        case .dynamicReference(let text):
            return "the dynamic reference \(text) is resolved by CloudFormation at deploy time"
        case .unknownCondition(let name):
            return "condition \(name) is not defined in Conditions"
        case .unsupported(let name):
            return "\(name) is evaluated only by CloudFormation"
        case .malformed(let name):
            return "\(name) has arguments in the wrong shape"
        }
    }
}
