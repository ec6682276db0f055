import AWSCore
import AWSServices
import Foundation
import Reporting
import Synchronization

/// Follows the CodeDeploy deployments a stack update starts (SAM's `DeploymentPreference`: an
/// alias updated under `CodeDeployLambdaAliasUpdate`), so the deploy shows their lifecycle events
/// and traffic instead of a silent wait, and their root cause when they fail.
///
/// It knows the stack's deployment groups (ListStackResources) and the deployments they had
/// before the update; each `poll` lists the groups' deployments, reads the new ones
/// (GetDeployment, ListDeploymentTargets, BatchGetDeploymentTargets) and emits a
/// `CodeDeployProgressEvent` when one changed. Reading is best effort: an error skips that look.
package final class CodeDeployWatch: Sendable {
    /// A deployment group of the stack and its application.
    package struct Group: Sendable, Hashable {
        package let application: String
        package let name: String
    }

    private struct State {
        var earlier: Set<String>
        var last: [String: CodeDeployProgressEvent] = [:]
        var finished: Set<String> = []
        var rootCauses: [String: CodeDeployRootCauseEvent] = [:]
    }

    private let codeDeploy: CodeDeploy
    private let groups: [Group]
    private let stackName: String
    private let sink: any EventSink
    private let state: Mutex<State>

    /// A watch of `groups`, ignoring the deployments in `earlier`.
    package init(codeDeploy: CodeDeploy, groups: [Group], earlier: Set<String>, stackName: String, sink: any EventSink) {
        self.codeDeploy = codeDeploy
        self.groups = groups
        self.stackName = stackName
        self.sink = sink
        state = Mutex(State(earlier: earlier))
    }

    /// A watch of the stack's deployment groups, nil when it has none (or they cannot be read).
    package static func prepare(cloudFormation: CloudFormation, stackID: String, stackName: String,
                                sink: any EventSink) async -> CodeDeployWatch? {
        guard let resources = try? await cloudFormation.listStackResources(stackID) else { return nil }
        let physical = { (type: String) in
            resources.filter { $0.resourceType == type }.compactMap(\.physicalResourceId).filter { !$0.isEmpty }
        }
        let applications = physical("AWS::CodeDeploy::Application")
        let names = physical("AWS::CodeDeploy::DeploymentGroup")
        guard !applications.isEmpty, !names.isEmpty else { return nil }
        let codeDeploy = CodeDeploy(client: cloudFormation.client)
        var groups: [Group] = []
        var earlier: Set<String> = []
        for name in names {
            for application in applications {
                guard let ids = try? await codeDeploy.listDeployments(applicationName: application, deploymentGroupName: name) else { continue }
                groups.append(Group(application: application, name: name))
                earlier.formUnion(ids)
                break
            }
        }
        guard !groups.isEmpty else { return nil }
        return CodeDeployWatch(codeDeploy: codeDeploy, groups: groups, earlier: earlier, stackName: stackName, sink: sink)
    }

    /// Polls every `interval` until the task is cancelled.
    package func run(every interval: Duration) async {
        while !Task.isCancelled {
            await poll()
            try? await Task.sleep(for: interval)
        }
    }

    /// One look at every new deployment that has not finished yet.
    package func poll() async {
        for group in groups {
            guard let ids = try? await codeDeploy.listDeployments(applicationName: group.application, deploymentGroupName: group.name) else {
                continue
            }
            let pending = state.withLock { state in ids.filter { !state.earlier.contains($0) && !state.finished.contains($0) } }
            for id in pending { await look(at: id) }
        }
    }

    /// Reads one deployment and its targets; a read that fails (or is cancelled) skips this look.
    private func look(at id: String) async {
        guard let deployment = try? await codeDeploy.getDeployment(id),
              let targetIDs = try? await codeDeploy.listDeploymentTargets(id) else { return }
        var targets: [LambdaTarget] = []
        if !targetIDs.isEmpty {
            guard let found = try? await codeDeploy.batchGetDeploymentTargets(id, targetIDs: targetIDs) else { return }
            targets = found.compactMap(\.lambdaTarget)
        }
        guard !Task.isCancelled else { return }
        let event = CodeDeployProgressEvent(stackName: stackName, deployment: deployment, targets: targets)
        let changed = state.withLock { state in
            guard state.last[id] != event else { return false }
            state.last[id] = event
            if event.isFinished {
                state.finished.insert(id)
                if event.status != "Succeeded" {
                    state.rootCauses[id] = CodeDeployRootCauseEvent(deployment: deployment, targets: targets)
                }
            }
            return true
        }
        if changed { sink.emit(event) }
    }

    /// The root cause of each deployment seen failing, in deployment ID order.
    package var rootCauses: [CodeDeployRootCauseEvent] {
        state.withLock { state in state.rootCauses.sorted { $0.key < $1.key }.map(\.value) }
    }
}
