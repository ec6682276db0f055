// Which of Ferry's three image builds a planned image takes.

/// Builds one planned image with the right builder: a runtime builder's output as a `/var/task`
/// layer (`Metadata.BuildMethod`, no Dockerfile), Ferry's own writer (Dockerfiles without `RUN`),
/// or a container builder (`RUN`, `COPY --from`, `FROM` an earlier stage).
package enum ImageBuilder {
    /// Builds `image` described by `request`; `catalog` provides the runtime builders, `environment`
    /// is what builder processes see (and where buildah is looked for), `workFolder` is scratch
    /// space the caller removes.
    /// - Throws: `ImageError`, `ContainerBuildError`, a runtime builder's errors, I/O errors.
    package static func build(_ image: PlannedImage, request: ImageBuildRequest, catalog: BuilderCatalog?,
                              environment: [String: String], workFolder: String) async throws -> ImageBuildResult {
        if let method = image.buildMethod {
            return try await FunctionImageBuild.build(image, builder: catalog?.builder(forRuntime: method), request: request,
                                                      workFolder: workFolder)
        }
        do {
            return try ImageWriter.build(request)
        } catch let error as ImageError where error.needsExternalBuilder {
            return try await ContainerImageBuild.build(request, reason: error, environment: environment)
        }
    }
}
