import Foundation

/// What ``ArtifactDiscovery`` found in one template: the local artifacts, the paths that do not
/// exist (an error for whoever needs them: `ferry build` for code, `ferry package` for all), and
/// notes for the user.
package struct ArtifactScan: Sendable {
    /// Every local artifact, in template order (those of resources whose condition is false included, marked).
    package var artifacts: [LocalArtifact] = []
    /// A `missingLocalArtifact` error per path that does not exist, with the property it belongs to.
    package var missing: [MissingArtifact] = []
    /// Notes to show once (e.g. a nested template read from its source).
    package var notes: [String] = []

    /// A scan.
    package init(artifacts: [LocalArtifact] = [], missing: [MissingArtifact] = [], notes: [String] = []) {
        self.artifacts = artifacts
        self.missing = missing
        self.notes = notes
    }
}

/// A packageable property naming a local path that does not exist.
package struct MissingArtifact: Sendable {
    /// The property's table entry.
    package let property: PackageableProperty
    /// The resource type (or metadata section, or `Fn::Transform`).
    package let resourceType: String
    /// The error to throw when the path is needed.
    package let error: TemplateError

    /// Whether `ferry build` needs it: Lambda code, layer content or a nested template.
    package var isNeededToBuild: Bool {
        property.content == .nestedTemplate || (property.content == .zipArchive && LocalArtifact.lambdaTypes.contains(resourceType))
    }
}

extension LocalArtifact {
    /// The resource types whose zip archives `ferry build` builds.
    package static let lambdaTypes: Set<String> = [
        "AWS::Serverless::Function", "AWS::Lambda::Function", "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion",
    ]
}
