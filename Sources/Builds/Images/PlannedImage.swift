// An image function that Ferry builds from a Dockerfile.
import Foundation

/// An image function whose `Metadata` names a Dockerfile (SAM's `DockerContext`, `Dockerfile`,
/// `DockerBuildArgs`, `DockerBuildTarget`, `DockerTag`), resolved to absolute paths.
package struct PlannedImage: Sendable, Hashable, Codable {
    /// The function.
    package let target: BuildTarget
    /// The build context folder (absolute; `DockerContext` relative to the template's folder).
    package let context: String
    /// The Dockerfile relative to the context (default `Dockerfile`).
    package let dockerfile: String
    /// `DockerBuildArgs`.
    package let arguments: [String: String]
    /// `DockerBuildTarget`.
    package let stage: String?
    /// Lambda's architecture (`x86_64` or `arm64`).
    package let architecture: String
    /// `DockerTag` (pushed as a tag as well as by digest).
    package let tag: String?

    /// A planned image.
    package init(target: BuildTarget, context: String, dockerfile: String, arguments: [String: String],
                stage: String?, architecture: String, tag: String?) {
        self.target = target
        self.context = context
        self.dockerfile = dockerfile
        self.arguments = arguments
        self.stage = stage
        self.architecture = architecture
        self.tag = tag
    }
}
