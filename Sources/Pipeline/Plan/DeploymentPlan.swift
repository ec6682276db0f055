import Foundation
import Hotswap

/// What `ferry plan` decided for one environment: nothing to do, a hot-swap, or a CloudFormation
/// deploy (with every reason a hot-swap is not enough). `ferry up` applies it.
package struct DeploymentPlan: Sendable {
    /// The path to take.
    package enum Decision: Sendable {
        /// What runs is the local build and the deployed templates equal the packaged ones
        /// (code locations aside, when the code itself is the same).
        case upToDate
        /// Only code and definitions changed: these operations bring what runs up to date.
        case hotswap(HotswapPlan)
        /// CloudFormation must deploy; every reason found, in stack order.
        case cloudFormation(reasons: [PlanReason])
    }

    /// The environment planned for.
    package var environment: String
    /// The root stack's name.
    package var stackName: String
    /// The path to take.
    package var decision: Decision
    /// The code and definition comparison (also computed when CloudFormation is needed and the
    /// stack exists); nil when nothing could be compared.
    package var code: HotswapPlan?
    /// Resources running code ahead of their stack's template after earlier hot-swaps (from the
    /// hot-swap record in the artifact bucket).
    package var aheadOfTemplate: [HotswapRecord.Entry]
    /// Things worth knowing that do not change the decision (a `NoEcho` parameter that could not
    /// be compared, a record that could not be read, ...).
    package var notes: [String]
    /// The stacks `--stack` limited the code comparison to (`Root/Child`); empty for the whole tree.
    package var selection: [String] = []

    /// A plan.
    package init(environment: String, stackName: String, decision: Decision, code: HotswapPlan? = nil,
                aheadOfTemplate: [HotswapRecord.Entry] = [], notes: [String] = []) {
        self.environment = environment
        self.stackName = stackName
        self.decision = decision
        self.code = code
        self.aheadOfTemplate = aheadOfTemplate
        self.notes = notes
    }

    /// `upToDate`, `hotswap` or `cloudFormation`: the decision's name for machines.
    package var decisionName: String {
        switch decision {
        case .upToDate: "upToDate"
        case .hotswap: "hotswap"
        case .cloudFormation: "cloudFormation"
        }
    }

    /// Whether applying the plan would change anything.
    package var hasChanges: Bool {
        if case .upToDate = decision { return false }
        return true
    }

    /// The reasons CloudFormation is needed (empty unless the decision is `cloudFormation`).
    package var reasons: [PlanReason] {
        if case .cloudFormation(let reasons) = decision { return reasons }
        return []
    }
}

/// One reason a hot-swap is not enough and CloudFormation must deploy.
package struct PlanReason: Sendable, Hashable, Encodable {
    /// The kind of reason, stable for machines.
    package enum Kind: String, Sendable, Hashable, Encodable {
        /// The root stack does not exist.
        case stackMissing
        /// The stack is failed, rolled back or busy: the deploy handles its state.
        case stackState
        /// A stack parameter's value differs from the deployed one.
        case parameterChanged
        /// A template section other than `Resources` changed (`Outputs`, `Parameters`, `Globals`, ...).
        case sectionChanged
        /// A resource is new in the template.
        case resourceAdded
        /// A resource was removed from the template.
        case resourceRemoved
        /// A nested stack is new in the template.
        case nestedStackAdded
        /// A nested stack was removed from the template.
        case nestedStackRemoved
        /// A layer's content (or another property) changed.
        case layerChanged
        /// A property a hot-swap cannot change.
        case propertyChanged
        /// A code or definition change that cannot be hot-swapped (not deployed, unreadable, ...).
        case notHotswappable
        /// Code changed, but the environment (or `--no-hotswap`) does not allow hot-swap.
        case hotswapNotAllowed
    }

    /// The kind.
    package var kind: Kind
    /// The stack path (`Root`, `Root/Child`).
    package var stackPath: String
    /// The resource's logical ID, when the reason is about one resource.
    package var logicalID: String?
    /// What changed, for people.
    package var message: String

    /// A reason.
    package init(_ kind: Kind, stackPath: String, logicalID: String? = nil, message: String) {
        self.kind = kind
        self.stackPath = stackPath
        self.logicalID = logicalID
        self.message = message
    }

    /// `Root/Fn: message`, or `Root: message`.
    package var line: String {
        "\(stackPath)\(logicalID.map { "/\($0)" } ?? ""): \(message)"
    }
}
