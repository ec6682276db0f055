// The ferry.toml of the image test apps: one artifact bucket, one ECR repository, the fixture base.
import Foundation

/// The ferry.toml every image integration app shares, apart from its name and base layout.
enum ImageAppConfig {
    /// The Lambda-like base image fixture (an OCI layout).
    static let fixtureBase = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/images/lambda-base").path

    /// A ferry.toml for stack `name` with repository `team/<name>` and
    /// `public.ecr.aws/lambda/python:3.12` mapped to `oci:<base>` (`layout:tag`).
    static func ferryToml(name: String, base: String) -> String {
        """
        template = "template.yaml"

        [artifacts]
        bucket = "ferry-images-123456789012"

        [images]
        repository = "{account}.dkr.ecr.{region}.amazonaws.com/team/\(name)"

        [images.bases]
        "public.ecr.aws/lambda/python:3.12" = "oci:\(base)"

        [env.dev]
        stack_name = "\(name)"
        """
    }
}
