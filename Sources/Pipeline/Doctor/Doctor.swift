import AWSCore
import AWSServices
import Configuration
import Foundation
import Reporting
import Templates
import Toolchains

/// `ferry doctor`: checks configuration, template, credentials, region, endpoint, the caller's
/// identity, the artifact bucket, the stack's state, the deploy lock, hot-swap drift and the local tools, each with a fix when it fails.
///
/// Checks that depend on an earlier one are reported as skipped when it failed, so every run
/// prints the whole checklist.
package struct Doctor: Sendable {
    private let sink: any EventSink
    private let transport: any HTTPTransport
    private let runner: ProcessRunner

    package init(sink: any EventSink, transport: any HTTPTransport = URLSessionTransport(), runner: ProcessRunner = ProcessRunner()) {
        self.sink = sink
        self.transport = transport
        self.runner = runner
    }

    /// Runs every check, emitting a `DoctorCheckEvent` for each, and returns the report.
    package func run(_ request: DoctorRequest) async -> DoctorReport {
        var checks: [DoctorCheck] = []
        func record(_ check: DoctorCheck) {
            checks.append(check)
            sink.emit(DoctorCheckEvent(check))
        }

        let environment = ProjectChecks.configuration(request, record: record)
        let tree = environment.flatMap { ProjectChecks.template($0, record: record) }

        let options = request.session.applying(environment)
        var session: AWSSession?
        do {
            let made = try AWSSession.make(options, transport: transport)
            session = made
            record(DoctorCheck(id: "region", title: "Region", status: .ok,
                               detail: "\(made.settings.region) (\(options.configuredBy["region"] ?? made.settings.regionSource.description))"))
            record(endpointCheck(made))
        } catch {
            record(DoctorCheck(id: "aws-settings", title: "AWS settings", status: .failed,
                               detail: FailurePresenter.present(error).message,
                               fix: "see the message; `ferry doctor --debug` shows where each value came from"))
        }

        var account: String?
        if let session {
            account = await identityChecks(session, record: record)
        } else {
            record(DoctorCheck(id: "credentials", title: "Credentials", status: .skipped, detail: "needs the AWS settings above"))
        }

        if let configured = environment, let session, let account {
            let environment = await ManagedArtifactBucket.adopting(configured, session: session)
            let bucket = await BucketCheck.run(environment: environment, session: session, account: account)
            record(bucket)
            for check in await StackChecks.run(environment: environment, session: session, account: account,
                                               bucketUsable: bucket.status != .failed && !bucket.detail.hasSuffix("does not exist")
                                                   && !bucket.detail.contains("does not exist yet")) {
                record(check)
            }
            record(await RemoteCacheCheck.run(environment: environment, session: session, account: account,
                                              processEnvironment: request.session.processEnvironment))
        } else {
            record(DoctorCheck(id: "artifact-bucket", title: "Artifact bucket", status: .skipped,
                               detail: "needs a valid configuration and working credentials"))
        }

        if let tree {
            let (runtimes, needsDocker) = ProjectChecks.runtimes(in: tree)
            let tools = ToolChecks(environment: request.session.processEnvironment, runner: runner)
            for check in await tools.run(runtimes: runtimes, needsDocker: needsDocker) {
                record(check)
            }
            let esbuildFolders = ProjectChecks.esbuildFolders(in: tree)
            if !esbuildFolders.isEmpty { record(await tools.esbuild(functionFolders: esbuildFolders)) }
        } else {
            record(DoctorCheck(id: "tools", title: "Local tools", status: .skipped, detail: "needs the template above"))
        }
        return DoctorReport(checks: checks)
    }

    private func endpointCheck(_ session: AWSSession) -> DoctorCheck {
        do {
            let endpoint = try session.settings.endpoint(for: .cloudFormation)
            let custom = !AWSPartition.isAWSEndpoint(endpoint.url)
            return DoctorCheck(id: "endpoint", title: "Endpoint", status: .ok,
                               detail: custom ? "\(endpoint.url.absoluteString) (custom endpoint)" : "AWS \(session.settings.endpoints.partition.id) partition")
        } catch {
            return DoctorCheck(id: "endpoint", title: "Endpoint", status: .failed, detail: FailurePresenter.present(error).message,
                               fix: "fix --endpoint-url, AWS_ENDPOINT_URL or endpoint_url in the profile")
        }
    }

    /// Credentials and STS GetCallerIdentity; returns the account on success.
    private func identityChecks(_ session: AWSSession, record: (DoctorCheck) -> Void) async -> String? {
        let source: String
        do {
            _ = try await session.settings.credentials.credentials()
            source = (try? await session.settings.credentialChain.describeSource()) ?? session.settings.credentialSource
            record(DoctorCheck(id: "credentials", title: "Credentials", status: .ok, detail: "from \(source)"))
        } catch {
            let message = FailurePresenter.present(error).message
            let fix = "run `aws configure`, set AWS_PROFILE, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
            record(DoctorCheck(id: "credentials", title: "Credentials", status: .failed, detail: message,
                               fix: message.contains("aws configure") ? nil : fix))
            record(DoctorCheck(id: "identity", title: "Caller identity", status: .skipped, detail: "needs credentials"))
            return nil
        }
        do {
            let identity = try await session.sts.getCallerIdentity()
            record(DoctorCheck(id: "identity", title: "Caller identity", status: .ok, detail: "\(identity.arn) (account \(identity.account))"))
            return identity.account
        } catch {
            record(DoctorCheck(id: "identity", title: "Caller identity", status: .failed, detail: FailurePresenter.present(error).message,
                               fix: IdentityFix.suggestion(for: error)))
            return nil
        }
    }
}
