import AWSServices
import Configuration
import Deployment
import Foundation
import Hotswap

/// The checks of what is deployed: the stack's state, the deploy lock, and functions running
/// ahead of the template after hot-swaps. The decisions are pure; `run` reads AWS.
enum StackChecks {
    /// Reads the stack, the lock and the hot-swap record, and checks each.
    static func run(environment: EnvironmentConfiguration, session: AWSSession, account: String, bucketUsable: Bool,
                    now: Date = Date()) async -> [DoctorCheck] {
        let cloudFormation = CloudFormation(client: session.client)
        var checks: [DoctorCheck] = []
        do {
            let described = try await cloudFormation.describeStack(environment.stackName)
            checks.append(stack(status: described?.stackStatus, reason: described?.stackStatusReason,
                                since: described?.lastUpdatedTime ?? described?.creationTime, environment: environment))
        } catch {
            checks.append(DoctorCheck(id: "stack", title: "Stack", status: .failed, detail: FailurePresenter.present(error).message,
                                      fix: IdentityFix.suggestion(for: error), required: false))
        }
        guard bucketUsable, let location = try? environment.resolvedArtifacts(region: session.settings.region, account: account),
              let bucket = location.bucket else {
            checks.append(DoctorCheck(id: "lock", title: "Deploy lock", status: .skipped, detail: "needs the artifact bucket above"))
            checks.append(DoctorCheck(id: "drift", title: "Hot-swap drift", status: .skipped, detail: "needs the artifact bucket above"))
            return checks
        }
        let lock = EnvironmentLock(s3: session.s3, bucket: bucket, prefix: location.prefix, stackName: environment.stackName,
                                   environment: environment.name)
        do {
            let holder = try await lock.read()
            let abandoned = holder?.isAbandoned(hostID: LockHolder.localHostID, pid: ProcessInfo.processInfo.processIdentifier) ?? false
            checks.append(self.lock(holder, key: lock.location, environment: environment.name, now: now, abandoned: abandoned))
        } catch {
            checks.append(DoctorCheck(id: "lock", title: "Deploy lock", status: .warning, detail: FailurePresenter.present(error).message,
                                      required: false))
        }
        let store = HotswapRecordStore(s3: session.s3, bucket: bucket, prefix: location.prefix)
        do {
            checks.append(drift(try await store.latest(stackName: environment.stackName), environment: environment.name))
        } catch {
            checks.append(DoctorCheck(id: "drift", title: "Hot-swap drift", status: .warning,
                                      detail: FailurePresenter.present(error).message, required: false))
        }
        return checks
    }

    /// The stack's state, with the command that fixes a failed or rolled-back one.
    ///
    /// - Parameters:
    ///   - status: the stack's status, nil when it does not exist.
    ///   - reason: its status reason.
    ///   - since: when it was last created or updated.
    static func stack(status current: StackStatus?, reason: String?, since: Date?, environment: EnvironmentConfiguration) -> DoctorCheck {
        let name = environment.stackName
        let id = "stack", title = "Stack"
        let state = current.map { StackState(status: $0) } ?? .absent
        let rules = DeployPreparation.Rules(
            recreateFailedCreate: EnvironmentPolicy.defaultHotswap(environment: environment.name)
                && environment.policy.approval != .required && !environment.policy.terminationProtection,
            waitForOtherOperation: false, environmentName: environment.name)
        switch state {
        case .absent, .reviewInProgress:
            return DoctorCheck(id: id, title: title, status: .ok,
                               detail: "\(name) does not exist yet: `ferry deploy --env \(environment.name)` creates it")
        case .ready(let status):
            let updated = since.map { " since \($0.formatted(.iso8601))" } ?? ""
            if status == .updateRollbackComplete {
                return DoctorCheck(id: id, title: title, status: .warning,
                                   detail: "\(name) is \(status.rawValue)\(updated): its last update failed and was rolled back",
                                   fix: "see why with `ferry history --env \(environment.name)`, fix it and deploy again", required: false)
            }
            return DoctorCheck(id: id, title: title, status: .ok, detail: "\(name) is \(status.rawValue)\(updated)")
        case .inProgress(let status):
            return DoctorCheck(id: id, title: title, status: .warning,
                               detail: "\(name) is \(status.rawValue): an operation is running",
                               fix: "wait for it; `ferry deploy` waits by itself", required: false)
        case .rollbackComplete, .updateRollbackFailed, .failed:
            let status = current?.rawValue ?? "?"
            var fix = "look at the stack's events in the CloudFormation console"
            if case .refuse(_, let command) = DeployPreparation.decide(state, stackName: name, rules: rules), let command {
                fix = "run `\(command)`"
            } else if case .recreate = DeployPreparation.decide(state, stackName: name, rules: rules) {
                fix = "fix the template and run `ferry deploy --env \(environment.name)`: the failed stack is deleted and created again"
            }
            return DoctorCheck(id: id, title: title, status: .failed,
                               detail: "\(name) is \(status)" + (reason.map { ": \($0)" } ?? ""), fix: fix)
        }
    }

    /// Who holds the deploy lock, since when, and whether it expired.
    ///
    /// - Parameter abandoned: the holder is a process of this machine that has ended.
    static func lock(_ holder: LockHolder?, key: String, environment: String, now: Date, abandoned: Bool = false) -> DoctorCheck {
        let id = "lock", title = "Deploy lock"
        guard let holder else { return DoctorCheck(id: id, title: title, status: .ok, detail: "free (\(key))") }
        let who = "\(holder.owner) on \(holder.host) (\(holder.command.map { "\($0), " } ?? "")pid \(holder.pid)) "
            + "since \(holder.acquiredAt.formatted(.iso8601))"
        let unlock = "ferry deploy --env \(environment) --force-unlock"
        if abandoned {
            return DoctorCheck(id: id, title: title, status: .warning,
                               detail: "stale lock of \(who): that process has ended on this machine without releasing it; "
                                   + "the next deploy or hot-swap from this machine takes it over",
                               fix: "nothing needed; to remove it now: `\(unlock)`", required: false)
        }
        if holder.isStale(at: now) {
            return DoctorCheck(id: id, title: title, status: .warning,
                               detail: "expired lock of \(who), expired at \(holder.expiresAt.formatted(.iso8601)): the next deploy replaces it",
                               fix: "nothing needed; to remove it now: `\(unlock)`", required: false)
        }
        return DoctorCheck(id: id, title: title, status: .warning,
                           detail: "held by \(who), expires at \(holder.expiresAt.formatted(.iso8601)): deploys wait for it",
                           fix: "wait for that deploy to end; if it died, `\(unlock)`", required: false)
    }

    /// Resources running code the template does not have, per the hot-swap record.
    static func drift(_ record: HotswapRecord?, environment: String) -> DoctorCheck {
        let id = "drift", title = "Hot-swap drift"
        guard let record, !record.entries.isEmpty else {
            return DoctorCheck(id: id, title: title, status: .ok, detail: "nothing runs ahead of the template (no hot-swap since the last deploy)")
        }
        let lines = record.entries.map { entry in
            "\(entry.qualifiedName) \(HashText.short(entry.previousHash)) → \(HashText.short(entry.hash)) by \(entry.by) at \(entry.at)"
        }
        return DoctorCheck(id: id, title: title, status: .warning,
                           detail: "\(record.entries.count) resource(s) run ahead of the template after hot-swaps: " + lines.joined(separator: "; "),
                           fix: "run `ferry deploy --env \(environment)` to reconcile", required: false)
    }
}
