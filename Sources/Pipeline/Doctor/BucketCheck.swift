import AWSServices
import Configuration

/// Checks that the environment's artifact bucket exists and is usable.
enum BucketCheck {
    static func run(environment: EnvironmentConfiguration, session: AWSSession, account: String) async -> DoctorCheck {
        let id = "artifact-bucket", title = "Artifact bucket"
        let location: ResolvedArtifactLocation
        do {
            location = try environment.resolvedArtifacts(region: session.settings.region, account: account)
        } catch {
            return DoctorCheck(id: id, title: title, status: .failed, detail: FailurePresenter.present(error).message,
                               fix: "correct [artifacts] bucket/prefix in the configuration")
        }
        guard let bucket = location.bucket else {
            return DoctorCheck(id: id, title: title, status: .failed, detail: "no artifact bucket is configured",
                               fix: "set `bucket` under [artifacts] in ferry.toml (placeholders {region} {account} {env} allowed)")
        }
        if let problem = BucketName.problem(bucket) {
            return DoctorCheck(id: id, title: title, status: .failed,
                               detail: "'\(bucket)' is not a valid S3 bucket name: \(problem)",
                               fix: "choose a name of 3–63 lowercase letters, digits, '.' and '-' (ferry init writes one), "
                                   + "or use resolve_s3 = true for a managed bucket")
        }
        let name = "s3://\(bucket)/\(location.prefix)"
        do {
            switch try await session.s3.headBucket(bucket) {
            case .exists(let region):
                if let region, region != session.settings.region {
                    return DoctorCheck(id: id, title: title, status: .warning,
                                       detail: "\(name) is in \(region), the stack in \(session.settings.region)",
                                       fix: "use a bucket in \(session.settings.region) (CloudFormation reads nested templates and code from it)",
                                       required: false)
                }
                return DoctorCheck(id: id, title: title, status: .ok, detail: "\(name) exists")
            case .notFound where environment.artifacts.isManaged:
                return DoctorCheck(id: id, title: title, status: .ok,
                                   detail: "\(name) (managed, resolve_s3) does not exist yet: the first `ferry package` or `ferry up` "
                                       + "creates it (versioned, encrypted, public access blocked, TLS only)")
            case .notFound:
                let createsItself = EnvironmentPolicy.defaultHotswap(environment: environment.name)  // not a production environment
                return DoctorCheck(
                    id: id, title: title, status: createsItself ? .warning : .failed,
                    detail: "\(name) does not exist",
                    fix: "run `ferry package --create-bucket --env \(environment.name)` (versioned, encrypted, public access blocked, TLS only)",
                    required: !createsItself)
            case .forbidden:
                return DoctorCheck(id: id, title: title, status: .failed,
                                   detail: "\(name) exists but these credentials may not use it (403)",
                                   fix: "pick a bucket name of your own account, or grant s3:GetObject/PutObject/ListBucket on it")
            }
        } catch {
            return DoctorCheck(id: id, title: title, status: .failed, detail: FailurePresenter.present(error).message,
                               fix: IdentityFix.suggestion(for: error))
        }
    }
}
