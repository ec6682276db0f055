import Foundation

/// What ``ArtifactDiscovery`` found in one template: the local artifacts, the paths that do not
/// exist (an error for whoever needs them: `ferry build` for code, `ferry package` for all), and
/// notes for the user.
public struct ArtifactScan: Sendable {
    /// Every local artifact, in template order (those of resources whose condition is false included, marked).
    public var artifacts: [LocalArtifact] = []
    /// A `missingLocalArtifact` error per path that does not exist, with the property it belongs to.
    public var missing: [MissingArtifact] = []
    /// Notes to show once (e.g. a nested template read from its source).
    public var notes: [String] = []

    /// A scan.
    public init(artifacts: [LocalArtifact] = [], missing: [MissingArtifact] = [], notes: [String] = []) {
        self.artifacts = artifacts
        self.missing = missing
        self.notes = notes
    }
}

/// A packageable property naming a local path that does not exist.
public struct MissingArtifact: Sendable {
    /// The property's table entry.
    public let property: PackageableProperty
    /// The resource type (or metadata section, or `Fn::Transform`).
    public let resourceType: String
    /// The error to throw when the path is needed.
    public let error: TemplateError

    /// Whether `ferry build` needs it: Lambda code, layer content or a nested template.
    public var isNeededToBuild: Bool {
        property.content == .nestedTemplate || (property.content == .zipArchive && LocalArtifact.lambdaTypes.contains(resourceType))
    }
}

extension LocalArtifact {
    /// The resource types whose zip archives `ferry build` builds.
    public static let lambdaTypes: Set<String> = [
        "AWS::Serverless::Function", "AWS::Lambda::Function", "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion",
    ]
}
