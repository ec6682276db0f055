/// Container-image functions: where images are pushed and where base images come from locally.
///
/// ```toml
/// [images]
/// repository = "{account}.dkr.ecr.{region}.amazonaws.com/my-app"   # every image function
/// [images.repositories]
/// ReportsFunction = "{account}.dkr.ecr.{region}.amazonaws.com/reports"  # per logical ID
/// [images.bases]
/// "public.ecr.aws/lambda/python:3.12" = "oci:vendor/lambda-python:3.12"  # a local OCI layout
/// ```
package struct ImageSettings: Sendable, Equatable {
    /// The repository for every image function (placeholders `{account}`, `{region}`, `{env}`).
    package var repository: String?
    /// A repository per logical ID (wins over `repository`).
    package var repositories: [String: String]
    /// Base image references mapped to local OCI layouts (`oci:/absolute/path[:tag]`, resolved
    /// against ferry.toml's folder).
    package var bases: [String: String]

    /// Settings; nothing configured by default.
    package init(repository: String? = nil, repositories: [String: String] = [:], bases: [String: String] = [:]) {
        self.repository = repository
        self.repositories = repositories
        self.bases = bases
    }

    /// The repository configured for `logicalID`, if any.
    package func repository(for logicalID: String) -> String? {
        repositories[logicalID] ?? repository
    }
}
