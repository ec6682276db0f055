import Foundation
import Templates

/// A layer Ferry built (an `AWS::Serverless::LayerVersion` or `AWS::Lambda::LayerVersion` of the
/// build manifest), the settings a new version is published with, and the functions that use it.
package struct LocalLayer: Sendable, Hashable {
    /// The built zip and its content-addressed S3 object.
    package var zip: LocalZip
    /// `LayerName` when the template names the layer (else the deployed version's name is used).
    package var layerName: String?
    /// `Description`, `CompatibleRuntimes`, `CompatibleArchitectures`, `LicenseInfo`.
    package var settings: LayerPublishSettings
    /// Every function of the environment whose `Layers` refer to this layer (directly, or
    /// through nested stack parameters), in stack and template order.
    package var consumers: [FunctionReference]

    /// A layer.
    package init(zip: LocalZip, layerName: String? = nil, settings: LayerPublishSettings = LayerPublishSettings(),
                consumers: [FunctionReference]) {
        self.zip = zip
        self.layerName = layerName
        self.settings = settings
        self.consumers = consumers
    }
}

/// A function of the template tree: its stack path and logical ID.
package struct FunctionReference: Sendable, Hashable, Codable {
    /// The stack path (`Root/Child`).
    package var stackPath: String
    /// The function's logical ID.
    package var logicalID: String

    /// A reference.
    package init(stackPath: String, logicalID: String) {
        self.stackPath = stackPath
        self.logicalID = logicalID
    }

    /// `Root/Child/Fn`.
    package var qualifiedName: String { "\(stackPath)/\(logicalID)" }
}

/// What a layer hot-swap does: publish a new version of the layer, then point each function at it.
package struct LayerSwap: Sendable, Hashable {
    /// The layer's name (what PublishLayerVersion is called with).
    package var layerName: String
    /// The layer's ARN without a version: a function's layer with this prefix is replaced.
    package var layerArn: String
    /// The zip to publish.
    package var zip: LocalZip
    /// The new version's settings.
    package var settings: LayerPublishSettings
    /// The functions to point at the new version.
    package var functions: [FunctionLayerUse]

    /// A layer swap.
    package init(layerName: String, layerArn: String, zip: LocalZip, settings: LayerPublishSettings, functions: [FunctionLayerUse]) {
        self.layerName = layerName
        self.layerArn = layerArn
        self.zip = zip
        self.settings = settings
        self.functions = functions
    }
}

/// One function using a layer: where it is in the tree and its name in Lambda.
package struct FunctionLayerUse: Sendable, Hashable {
    /// `Root/Child/Fn`.
    package var qualifiedName: String
    /// The function's name (physical ID).
    package var functionName: String

    /// A use.
    package init(qualifiedName: String, functionName: String) {
        self.qualifiedName = qualifiedName
        self.functionName = functionName
    }
}

extension LayerSwap {
    /// `layers` with every version of this layer replaced by `newArn`, the others kept in their order.
    package func replacing(in layers: [String], with newArn: String) -> [String] {
        layers.map { LayerVersionARN($0)?.layerArn == layerArn ? newArn : $0 }
    }
}
