import Foundation
import Pipeline
import Reporting

/// The concise form of the engines' events (the default without `--verbose`): one line per
/// change (built, uploaded, swapped, deployed resource) and one summary line per phase; nothing
/// per unchanged thing, and every list said once. Events it does not know are shown in full.
struct ConciseEventPresenter: ConcisePresenter {
    /// Which command runs: `up` says the plan's operations through the hot-swap or deploy lines
    /// and the verdict in its own summary.
    enum Scope: Sendable, Equatable {
        /// `ferry up`; a dry run applies nothing, so its plan lists the operations.
        case up(dryRun: Bool)
        /// Any other command.
        case other
    }

    let scope: Scope
    /// On a terminal a person can press Ctrl-C: the deploy says what that does.
    let interactive: Bool

    init(scope: Scope = .other, interactive: Bool = false) {
        self.scope = scope
        self.interactive = interactive
    }

    func form(of event: any FerryEvent) -> ConciseForm {
        switch event {
        case let event as BuildEvent: form(of: event)
        case let event as DeploymentPlanEvent: form(of: event)
        case let event as HotswapPlanEvent:
            event.dryRun ? .full : .message(details: event.rejections.map { "! \($0.resource): \($0.reason)" })
        case let event as HotswapSummaryEvent: form(of: event)
        case is HotswapRecordEvent: .hidden
        case let event as PackageUploadedEvent:
            // A packaged template changes with every code key in it: the summary counts it.
            event.origin.hasSuffix(" template") ? .hidden : .line("uploaded \(event.origin) (\(Self.bytes(event.size)))", details: [])
        case let event as PackageSummaryEvent: form(of: event)
        case let event as VerificationSummaryEvent: .line("verify: \(event.message)", details: event.details)
        case let event as StackActivityEvent: form(of: event)
        case let event as DeployStepEvent: form(of: event)
        default: .full
        }
    }

    private func form(of event: BuildEvent) -> ConciseForm {
        switch event.phase {
        case .started, .cached, .prebuilt, .skipped: .hidden
        case .finished: .message(details: [])
        case .summary: .line("build: \(event.message)", details: [])
        case .failed: .full
        }
    }

    private func form(of event: DeploymentPlanEvent) -> ConciseForm {
        // `ferry plan` (and `up --dry-run`) list everything; `up` names each operation in its
        // hot-swap or deploy lines, and the message counts what runs ahead of the template.
        guard case .up(dryRun: false) = scope else { return .line("plan: \(event.message)", details: event.details) }
        let details = event.reasons.map { "! \($0.line)" } + event.notes.map { "note: \($0)" }
        return .line("plan: \(event.message)", details: details)
    }

    private func form(of event: HotswapSummaryEvent) -> ConciseForm {
        // `up` says what was hot-swapped in its own summary; each operation had its line.
        if case .up = scope, event.failed == 0 { return .hidden }
        return .message(details: [])
    }

    private func form(of event: PackageSummaryEvent) -> ConciseForm {
        let counts = "package: \(event.uploaded) uploaded (\(Self.bytes(event.bytesUploaded))), \(event.alreadyPresent) already in \(event.location)"
        // `ferry package` says where the packaged template is; `up` deploys it itself.
        if case .up = scope { return .line(counts, details: []) }
        return .message(details: [])
    }

    /// A resource once it is done, named by its stack's path (`Pattern2Stack/ReportingStack`)
    /// rather than the nested stack's generated name, with the stack's own count.
    private func form(of event: StackActivityEvent) -> ConciseForm {
        let stackItself = event.resourceType == "AWS::CloudFormation::Stack" && event.logicalID == event.stackName
        guard !stackItself, event.status.hasSuffix("_COMPLETE") else { return .hidden }
        let stack: String
        switch event.stackPath {
        case nil, "root": stack = event.stackName
        case let path?: stack = "\(path) (\(event.stackDone)/\(event.stackTotal))"
        }
        return .line("[\(event.done)/\(event.total) \(event.elapsedSeconds)s] \(stack) \(event.logicalID) \(event.status) \(event.resourceType)",
                     details: [])
    }

    /// `512 B`, `3.4 KB`, `1.2 MB`.
    static func bytes(_ count: UInt64) -> String {
        if count < 1024 { return "\(count) B" }
        if count < 1024 * 1024 { return String(format: "%.1f KB", Double(count) / 1024) }
        return String(format: "%.1f MB", Double(count) / 1_048_576)
    }

    private func form(of event: DeployStepEvent) -> ConciseForm {
        switch event.kind {
        case "deploy.executing": interactive ? .full : .message(details: [])
        default: .full
        }
    }
}
