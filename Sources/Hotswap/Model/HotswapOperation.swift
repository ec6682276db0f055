import Foundation
import Templates

/// One change a hot-swap will make, decided by a detector.
package struct HotswapOperation: Sendable, Hashable {
    /// What the operation changes.
    package enum Change: Sendable, Hashable {
        /// UpdateFunctionCode on `functionName`, then wait, verify, and maybe publish.
        case lambdaCode(functionName: String, zip: LocalZip)
        /// UpdateStateMachine with the resolved `definition`.
        case stateMachineDefinition(stateMachineArn: String, definition: String)
        /// UpdateResolver of `typeName.fieldName` with the new code.
        case appSyncResolver(apiId: String, typeName: String, fieldName: String, code: AppSyncCode)
        /// UpdateFunction of `functionId` with the new code.
        case appSyncFunction(apiId: String, functionId: String, code: AppSyncCode)
        /// StartSchemaCreation with `definition`.
        case appSyncSchema(apiId: String, definition: String)
        /// PublishLayerVersion from the layer's zip, then UpdateFunctionConfiguration(Layers) of every
        /// function using the layer.
        case layerVersion(LayerSwap)
        /// UpdateFunctionConfiguration of `Environment.Variables` and/or `Description`.
        case functionConfiguration(ConfigurationSwap)
    }

    /// The target it came from.
    package var target: HotswapTarget
    /// The physical resource ID (function name, state machine ARN, resolver ARN, ...).
    package var physicalID: String
    /// What changes.
    package var change: Change
    /// The live content's hash (Lambda `CodeSha256`, or a short SHA-256 of the definition).
    package var oldHash: String?
    /// The local content's hash, the same kind as `oldHash`.
    package var newHash: String

    /// An operation.
    package init(target: HotswapTarget, physicalID: String, change: Change, oldHash: String?, newHash: String) {
        self.target = target
        self.physicalID = physicalID
        self.change = change
        self.oldHash = oldHash
        self.newHash = newHash
    }

    /// A short name for what is swapped (`Lambda code`, `Step Functions definition`, ...).
    package var what: String {
        switch change {
        case .lambdaCode: "Lambda code"
        case .stateMachineDefinition: "Step Functions definition"
        case .appSyncResolver: "AppSync resolver code"
        case .appSyncFunction: "AppSync function code"
        case .appSyncSchema: "AppSync schema"
        case .layerVersion(let swap) where swap.functions.isEmpty: "layer version (no function uses it)"
        case .layerVersion(let swap):
            "layer version, then Layers of \(swap.functions.map(\.qualifiedName).joined(separator: ", "))"
        case .functionConfiguration(let swap): "Lambda configuration: \(swap.summary)"
        }
    }
}

/// What a detector decided for one target.
package enum HotswapClassification: Sendable, Hashable {
    /// What runs equals the local build.
    case noChange(physicalID: String, hash: String)
    /// The target can be hot-swapped with this operation.
    case hotswap(HotswapOperation)
    /// The change cannot be hot-swapped; a CloudFormation deploy is needed.
    case rejected(reason: String)
    /// The local content needs a value only CloudFormation knows: this resource (only) goes
    /// through CloudFormation.
    case cannotEvaluate(Unevaluable)
}

/// A change that cannot be hot-swapped, with the reason.
package struct HotswapRejection: Sendable, Hashable {
    /// The stack path.
    package var stackPath: String
    /// The resource's logical ID.
    package var logicalID: LogicalID
    /// The resource type.
    package var resourceType: String
    /// Why (e.g. `Properties.MemorySize changed; only Code can be hot-swapped`).
    package var reason: String
    /// Set when the local content cannot be evaluated without CloudFormation (the other
    /// resources can still be hot-swapped).
    package var unevaluable: Unevaluable?

    /// A rejection.
    package init(stackPath: String, logicalID: LogicalID, resourceType: String, reason: String,
                unevaluable: Unevaluable? = nil) {
        self.stackPath = stackPath
        self.logicalID = logicalID
        self.resourceType = resourceType
        self.reason = reason
        self.unevaluable = unevaluable
    }

    /// `Root/Pattern2Stack/OCRFunction`.
    package var qualifiedName: String { "\(stackPath)/\(logicalID.rawValue)" }
}

/// A target whose deployed content equals the local build.
package struct UnchangedResource: Sendable, Hashable {
    /// The target.
    package var target: HotswapTarget
    /// Its physical ID.
    package var physicalID: String
    /// The hash both sides share.
    package var hash: String

    /// An unchanged resource.
    package init(target: HotswapTarget, physicalID: String, hash: String) {
        self.target = target
        self.physicalID = physicalID
        self.hash = hash
    }
}
