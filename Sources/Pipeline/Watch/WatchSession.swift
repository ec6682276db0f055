// `ferry watch`: watch the inputs, build what changed, hot-swap it, report the latency; repeat.
import Builds
import Configuration
import Foundation
import Reporting
import Templates

/// Watches every function's inputs (source folders, requirements files, local packages, layers,
/// state machine definitions, AppSync files, templates) and, after each quiet period, builds what
/// changed (`BuildPhase`) and hot-swaps it (`HotswapPhase`, restricted to the affected resources),
/// emitting the latency from change seen to swap verified.
///
/// A template change, a layer change or a rejected hot-swap plan is reported as needing
/// `ferry up`; a failed build or swap is reported; watching goes on in every case until the
/// task running `run(sink:)` is cancelled.
package struct WatchSession: Sendable {
    /// How to watch (the project is the session's `request`).
    package struct Options: Sendable {
        /// The quiet period after the last change before a cycle starts (`--debounce`, 300 ms).
        package var debounce: Duration
        /// Hot-swap operations at once.
        package var concurrency: Int
        /// `--poll`: poll instead of using inotify.
        package var polling: Bool
        /// How often polling looks (500 ms).
        package var pollInterval: Duration
        /// The environment builder processes start with.
        package var processEnvironment: [String: String]

        /// Options; all have a default.
        package init(debounce: Duration = .milliseconds(300), concurrency: Int = 10, polling: Bool = false,
                    pollInterval: Duration = .milliseconds(500),
                    processEnvironment: [String: String] = ProcessInfo.processInfo.environment) {
            self.debounce = debounce
            self.concurrency = concurrency
            self.polling = polling
            self.pollInterval = pollInterval
            self.processEnvironment = processEnvironment
        }
    }

    /// The project, environment and AWS settings every cycle's hot-swap resolves.
    package let request: ProjectRequest
    /// The options.
    package let options: Options

    /// A session.
    package init(request: ProjectRequest, options: Options) {
        self.request = request
        self.options = options
    }

    /// Watches until the calling task is cancelled; returns the number of cycles run.
    /// - Throws: `PipelineFailure` when the environment has `hotswap = false`; configuration,
    ///   template and build-plan errors found before watching starts.
    package func run(sink: any EventSink) async throws -> Int {
        let project = try ProjectConfiguration.load(directory: request.projectRoot, explicitPath: request.configPath)
        let environment = try project.environment(named: request.environmentName)
        try HotswapPhase.checkPolicy(environment, sink: sink)
        var map = try loadMap(project: project, environment: environment)
        let debouncer = ChangeDebouncer(quiet: options.debounce, clock: ContinuousClock())
        var cycles = 0
        await withTaskGroup(of: Void.self) { group in
            var watcher = startWatcher(map.roots, debouncer: debouncer, group: &group, sink: sink)
            sink.emit(WatchStartedEvent(paths: map.roots.count, watched: watcher.watchedCount, mechanism: watcher.mechanism,
                                        debounceMilliseconds: Int(options.debounce / .milliseconds(1)),
                                        environment: environment.name))
            while let taken = await debouncer.next() {
                let impact = map.impact(of: taken.changes)
                guard !impact.isEmpty else { continue }
                cycles += 1
                sink.emit(WatchChangeEvent(files: relative(taken.changes.paths), affected: impact.hotswap))
                if !impact.changedTemplates.isEmpty {
                    sink.emit(WatchDeployNeededEvent(templates: relative(Set(impact.changedTemplates)), reasons: impact.notHotswappable))
                    if let reloaded = try? loadMap(project: project, environment: environment), reloaded.roots != map.roots {
                        map = reloaded
                        watcher.stop()
                        watcher = startWatcher(map.roots, debouncer: debouncer, group: &group, sink: sink)
                    }
                    continue
                }
                if !impact.notHotswappable.isEmpty {
                    sink.emit(WatchDeployNeededEvent(templates: [], reasons: impact.notHotswappable))
                    continue
                }
                await cycle(impact, environment: environment, project: project, firstSeen: taken.firstSeen, sink: sink)
            }
            watcher.stop()
            group.cancelAll()
        }
        sink.emit(WatchStoppedEvent(cycles: cycles))
        return cycles
    }

    /// Builds and hot-swaps what `impact` names; reports the outcome and latency.
    func cycle(_ impact: WatchImpact, environment: EnvironmentConfiguration, project: ProjectConfiguration,
               firstSeen: ContinuousClock.Instant, sink: any EventSink) async {
        let capture = PlanCapturingSink(forwardingTo: sink)
        func latency() -> Int { Int((ContinuousClock.now - firstSeen) / .milliseconds(1)) }
        do {
            if !impact.builds.isEmpty {
                var build = BuildPhase.Options(
                    projectRoot: project.directory, templateFile: environment.templateFile, commands: environment.build.commands,
                    concurrency: environment.build.concurrency, only: impact.builds, environment: options.processEnvironment)
                build.values = TemplateValues(environment: environment, region: request.session.region)
                _ = try await BuildPhase(options: build).run(sink: sink)
            }
            var swap = HotswapPhase.Options(concurrency: options.concurrency, only: impact.hotswap)
            swap.command = "ferry watch"
            let output = try await HotswapPhase(options: swap).run(request, sink: capture)
            sink.emit(WatchCycleEvent(succeeded: true, swapped: output.results.map(\.operation.target.qualifiedName),
                                      unchanged: output.plan.unchangedResources.count, latencyMilliseconds: latency(), failure: nil))
        } catch {
            if Task.isCancelled { return }
            if let rejections = capture.rejections, !rejections.isEmpty {
                sink.emit(WatchDeployNeededEvent(templates: [], reasons: rejections.map { "\($0.resource): \($0.reason)" }))
                return
            }
            sink.emit(WatchCycleEvent(succeeded: false, swapped: [], unchanged: 0, latencyMilliseconds: latency(),
                                      failure: FailurePresenter.present(error).message))
        }
    }

    /// The inputs of every build and packaged file of the environment's template tree.
    func loadMap(project: ProjectConfiguration, environment: EnvironmentConfiguration) throws -> WatchMap {
        let tree = try TemplateValues(environment: environment, region: request.session.region).loadTree(environment.templateFile)
        let catalog = BuilderCatalog.standard(projectRoot: project.directory.path, environment: options.processEnvironment,
                                              clean: false)
        let plan = try BuildPlan.make(tree: tree, commands: environment.build.commands, catalog: catalog)
        return try WatchMap.make(plan: plan, tree: tree)
    }

    /// Starts inotify (polling where it is missing, refused or `--poll` was given) and feeds the debouncer.
    func startWatcher(_ roots: [WatchRoot], debouncer: ChangeDebouncer<ContinuousClock>,
                      group: inout TaskGroup<Void>, sink: any EventSink) -> any FileWatcher {
        var watcher: any FileWatcher = PollingWatcher(roots: roots, interval: options.pollInterval)
        var stream: AsyncStream<FileChangeBatch>?
        #if canImport(Glibc)
        if !options.polling {
            let inotify = InotifyWatcher(roots: roots)
            do {
                stream = try inotify.changes()
                watcher = inotify
            } catch {
                sink.emit(WatchFallbackEvent(reason: String(describing: error)))
            }
        }
        #endif
        let changes = stream ?? ((try? watcher.changes()) ?? AsyncStream { $0.finish() })
        group.addTask { await debouncer.consume(changes) }
        return watcher
    }

    /// Paths relative to the project folder where inside it, sorted.
    func relative(_ paths: Set<String>) -> [String] {
        let root = request.projectRoot.standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return paths.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }.sorted()
    }
}
