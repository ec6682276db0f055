// What an image build needs, as a value.

/// The inputs of one image build: the Dockerfile and its context, build arguments, target stage,
/// platform, the local base image map, and where blobs and the finished layout go.
package struct ImageBuildRequest: Sendable, Hashable {
    /// The build context folder (SAM `DockerContext`), absolute.
    package var context: String
    /// The Dockerfile path relative to the context (SAM `Dockerfile`, default `Dockerfile`).
    package var dockerfile: String
    /// `DockerBuildArgs`.
    package var arguments: [String: String]
    /// `DockerBuildTarget`; nil builds the last stage.
    package var target: String?
    /// The OCI architecture: `amd64` (Lambda `x86_64`) or `arm64`.
    package var architecture: String
    /// Base references mapped to local layouts: `"public.ecr.aws/lambda/python:3.12" = "oci:/abs/path[:tag]"`.
    package var bases: [String: String]
    /// The blob cache (`.ferry/blobs`).
    package var store: BlobStore
    /// Where build records live (`.ferry/images`).
    package var recordFolder: String
    /// The OCI layout folder to write.
    package var output: String

    /// A request; `architecture` takes Lambda's spelling too (`x86_64` becomes `amd64`).
    package init(context: String, dockerfile: String = "Dockerfile", arguments: [String: String] = [:], target: String? = nil,
                architecture: String = "amd64", bases: [String: String], store: BlobStore, recordFolder: String, output: String) {
        self.context = context
        self.dockerfile = dockerfile
        self.arguments = arguments
        self.target = target
        self.architecture = architecture == "x86_64" ? "amd64" : architecture
        self.bases = bases
        self.store = store
        self.recordFolder = recordFolder
        self.output = output
    }
}

/// A finished image build.
package struct ImageBuildResult: Sendable, Hashable {
    /// `sha256:<hex>` of the manifest: the image's identity (`repo@<digest>`).
    package var manifestDigest: String
    /// The build key (hex) of the inputs.
    package var key: String
    /// Every blob the image needs: config, base layers and new layers (not the manifest).
    package var blobs: [String]
    /// Layers Ferry wrote (the base's excluded).
    package var newLayers: [LayerBlob]
    /// True when the key was already built and nothing was written but the layout.
    package var cached: Bool
    /// The OCI layout written.
    package var layout: String
}
