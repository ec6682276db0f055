// A builder for engine tests: real key inputs, a counted and observable build.
import Foundation
import Reporting
import Synchronization
import Templates
@testable import Builds

/// Counts invocations, tracks how many builds run at once, fails on request, and copies the source
/// (plus the files of local requirements, like pip would) into staging.
final class FakeBuilder: FunctionBuilder, @unchecked Sendable {
    struct State {
        var invocations: [String] = []
        var inFlight = 0
        var maxInFlight = 0
    }

    let builderName: String
    let builderVersion = "1"
    let failing: Set<String>
    let delay: Duration
    private let state = Mutex(State())

    init(name: String = "fake", failing: Set<String> = [], delay: Duration = .zero) {
        self.builderName = name
        self.failing = failing
        self.delay = delay
    }

    /// Logical IDs built, in order.
    var invocations: [String] { state.withLock { $0.invocations } }
    /// The most builds seen running at once.
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    func buildKeyInputs(for request: BuildRequest) async throws -> BuildKeyInputs {
        let requirements = request.sourceFolder + "/requirements.txt"
        var local: [LocalDependency] = []
        if FileManager.default.fileExists(atPath: requirements) {
            local = try RequirementsFile.localPathRequirements(inFile: requirements, base: request.templateFolder)
                .map(\.localDependency)
        }
        return try await BuildKeyInputs.gather(
            builder: builderName, builderVersion: builderVersion, runtime: request.runtime,
            architecture: request.architecture, sourceFolder: request.sourceFolder, localDependencies: local,
            rules: .python)
    }

    func build(_ request: BuildRequest, workFolder: String) async throws -> StagedBuild {
        state.withLock {
            $0.invocations.append(request.logicalID.rawValue)
            $0.inFlight += 1
            $0.maxInFlight = max($0.maxInFlight, $0.inFlight)
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        if delay > .zero { try await Task.sleep(for: delay) }
        if failing.contains(request.logicalID.rawValue) {
            throw BuilderError(.processFailed(resource: request.qualifiedName, command: "fake build", exitCode: 3,
                                              folder: request.sourceFolder), output: "line one\nERROR: no such package")
        }
        let staging = workFolder + "/staging"
        try FolderCopy.copy(FileTree.scan(request.sourceFolder, rules: .python), to: staging)
        return StagedBuild(folder: staging)
    }
}

/// Records every event, in order.
final class EventRecorder: EventSink {
    private let storage = Mutex<[BuildEvent]>([])
    func emit(_ event: any FerryEvent) {
        if let event = event as? BuildEvent { storage.withLock { $0.append(event) } }
    }
    var events: [BuildEvent] { storage.withLock { $0 } }
    func kinds(for artifact: String) -> [String] {
        events.filter { $0.artifact?.hasPrefix(artifact) == true }.map(\.kind)
    }
}

/// The example app in the repository.
enum ExampleApp {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/fiscalshield-idp")
    static var template: URL { root.appendingPathComponent("template.yaml") }
}

/// A catalog whose Python and Node builders are `builder`.
func fakeCatalog(_ builder: FakeBuilder) -> BuilderCatalog {
    BuilderCatalog(python: builder, nodejs: builder)
}

/// Plans `templateFile` with `catalog` and runs it with a cache under `project`.
func buildProject(_ project: TestFolder, template: String = "template.yaml", catalog: BuilderCatalog,
                  commands: [String: String] = [:], concurrency: Int = 2, clean: Bool = false,
                  sink: any EventSink = NullEventSink()) async throws -> BuildResult {
    let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url(template)))
    let plan = try BuildPlan.make(tree: tree, commands: commands, catalog: catalog)
    let engine = BuildEngine(cache: BuildCache(projectRoot: project.path, clean: clean),
                             workDirectory: URL(fileURLWithPath: project.url(".ferry/build/tmp")),
                             concurrency: concurrency, sink: sink)
    return await engine.run(plan)
}

extension BuildResult {
    /// Logical IDs (first target) of builds with `status`, sorted.
    func ids(_ status: BuildOutcome.Status) -> [String] {
        outcomes.filter { $0.status == status }.map { $0.build.targets[0].logicalID }.sorted()
    }
}
