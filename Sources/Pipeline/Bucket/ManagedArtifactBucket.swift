// samconfig's `resolve_s3 = true`: the artifact bucket Ferry (or SAM) manages per account and region.
import AWSServices
import Configuration

/// Chooses the bucket of an environment whose configuration asks Ferry to manage it
/// (`ArtifactSettings.isManaged`: samconfig `resolve_s3 = true` without `s3_bucket`).
///
/// When SAM CLI's own managed stack (`aws-sam-cli-managed-default`, created by `sam deploy
/// --resolve-s3` or `--guided`) exists in the region with its `SourceBucket` output, that bucket is
/// used, so a SAM user's artifacts stay where they are. Otherwise the environment keeps Ferry's
/// managed name (`ferry-artifacts-<account>-<region>`), found again by name on every run and
/// created on first use with the same hardening as `ferry package --create-bucket`.
package enum ManagedArtifactBucket {
    /// SAM CLI's managed stack.
    package static let samStackName = "aws-sam-cli-managed-default"
    /// The output of SAM's stack that names its bucket.
    package static let samOutputKey = "SourceBucket"

    /// `environment` with SAM's managed bucket adopted when it is managed and SAM's stack has one;
    /// unchanged otherwise (also when the lookup fails: Ferry's own managed name is used then).
    package static func adopting(_ environment: EnvironmentConfiguration, session: AWSSession) async -> EnvironmentConfiguration {
        guard environment.artifacts.isManaged,
              let bucket = await samBucket(CloudFormation(client: session.client)) else { return environment }
        var adopted = environment
        adopted.artifacts.bucket = PlaceholderTemplate(literal: bucket)
        return adopted
    }

    /// The `SourceBucket` output of SAM's managed stack, when the stack exists and is usable.
    static func samBucket(_ cloudFormation: CloudFormation) async -> String? {
        guard let stack = try? await cloudFormation.describeStack(samStackName),
              !stack.stackStatus.description.hasPrefix("DELETE"),
              !stack.stackStatus.description.hasSuffix("_FAILED") else { return nil }
        return stack.outputs.member.first { $0.outputKey == samOutputKey }?.outputValue.flatMap { $0.isEmpty ? nil : $0 }
    }
}
