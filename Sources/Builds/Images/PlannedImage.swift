// An image function that Ferry builds from a Dockerfile.
import Foundation

/// An image function whose `Metadata` names a Dockerfile (SAM's `DockerContext`, `Dockerfile`,
/// `DockerBuildArgs`, `DockerBuildTarget`, `DockerTag`), resolved to absolute paths; or one whose
/// `Metadata.BuildMethod` names a runtime (`python3.12`): its code folder (`DockerContext`) built
/// by that runtime's builder into `/var/task` of the Lambda base image.
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
    /// `Metadata.BuildMethod` (`python3.12`) of an image without a Dockerfile: the runtime builder
    /// fills `/var/task` of the runtime's Lambda base image from `context`; nil for a Dockerfile.
    package var buildMethod: String?
    /// The image's `CMD` for a `buildMethod` image: `ImageConfig.Command`, else the handler.
    package var command: [String]?

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

    /// A planned image of a runtime builder's output (`Metadata.BuildMethod`, no Dockerfile).
    package init(target: BuildTarget, codeFolder: String, buildMethod: String, command: [String]?, architecture: String,
                tag: String? = nil) {
        self.init(target: target, context: codeFolder, dockerfile: "", arguments: [:], stage: nil,
                  architecture: architecture, tag: tag)
        self.buildMethod = buildMethod
        self.command = command
    }
}
