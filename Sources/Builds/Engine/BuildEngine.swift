// Running a plan: keys, cache, builders, zips, limits, with bounded concurrency.
import Foundation
import Reporting

/// Builds every artifact of a `BuildPlan`, at most `concurrency` at once.
///
/// For each build: compute the key from the builder's inputs; a cache hit reuses the zip and starts
/// no builder; a miss builds into a fresh staging folder, zips it deterministically, checks Lambda's
/// size limits and stores it in the cache (atomically). A prebuilt `.zip` is used as is. One failure
/// does not stop the others. Staging folders and temporary zips are always removed. Emits
/// `BuildEvent`s; never prints.
package struct BuildEngine: Sendable {
    /// Where artifacts are cached (and read from unless `--clean`).
    package var cache: BuildCache
    /// A scratch folder for staging folders and temporary zips (created when needed); put it on
    /// the same file system as the cache.
    package var workDirectory: URL
    /// The most builds at once (at least 1).
    package var concurrency: Int
    /// Where events go.
    package var sink: any EventSink
    /// A cache shared between machines, asked after a local miss; nil for none.
    package var remote: (any RemoteBuildLookup)?

    /// The number of builds at once when none is given: the number of active cores.
    package static var defaultConcurrency: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// An engine.
    package init(cache: BuildCache, workDirectory: URL, concurrency: Int = BuildEngine.defaultConcurrency,
                sink: any EventSink = NullEventSink()) {
        self.cache = cache
        self.workDirectory = workDirectory
        self.concurrency = max(1, concurrency)
        self.sink = sink
    }

    /// Builds every artifact of `plan`; never throws: failures are outcomes (see `BuildResult.requireSuccess()`).
    package func run(_ plan: BuildPlan) async -> BuildResult {
        let start = ContinuousClock.now
        for skip in plan.skipped {
            var event = BuildEvent(.skipped)
            event.artifact = skip.target.qualifiedName
            event.reason = skip.reason
            sink.emit(event)
        }
        var outcomes = [BuildOutcome?](repeating: nil, count: plan.builds.count)
        let total = plan.builds.count
        await withTaskGroup(of: (Int, BuildOutcome).self) { group in
            var next = 0
            var done = 0
            func addTask() {
                let index = next
                let build = plan.builds[index]
                next += 1
                group.addTask { (index, await self.perform(build, total: total)) }
            }
            while next < total && next < concurrency { addTask() }
            while let (index, outcome) = await group.next() {
                done += 1
                outcomes[index] = outcome
                sink.emit(Self.event(for: outcome, position: done, total: total))
                if next < total { addTask() }
            }
        }
        let result = BuildResult(outcomes: outcomes.compactMap { $0 }, skipped: plan.skipped, files: plan.files,
                                 seconds: Self.seconds(since: start))
        var summary = BuildEvent(.summary)
        summary.built = result.builtCount
        summary.cachedCount = result.cachedCount
        summary.prebuiltCount = result.prebuiltCount
        summary.failedCount = result.failures.count
        summary.seconds = result.seconds
        summary.total = total
        sink.emit(summary)
        return result
    }

    /// Builds one artifact; `total` (the run's number of builds) goes into its started event.
    func perform(_ build: PlannedBuild, total: Int? = nil) async -> BuildOutcome {
        let start = ContinuousClock.now
        var key: BuildKey?
        do {
            if let provider = build.builder as? any PrebuiltArtifactProvider {
                let archive = try await provider.existingArchive(for: build.request)
                try checkLimits(build, archive)
                return BuildOutcome(build: build, status: .prebuilt, key: BuildKey(digest: archive.sha256),
                                    archive: archive, seconds: Self.seconds(since: start))
            }
            let computed = BuildKey(try await build.builder.buildKeyInputs(for: build.request))
            key = computed
            if case .hit(let cached) = cache.lookup(computed) {
                var outcome = BuildOutcome(build: build, status: .cached, key: computed, archive: cached.archive,
                                           seconds: Self.seconds(since: start))
                outcome.dependencyTrees = cached.record.dependencyTrees ?? []
                return outcome
            }
            if let remote, let hit = await remote.find(computed, builder: build.builder.builderName,
                                                        builderVersion: build.builder.builderVersion, cache: cache) {
                var outcome = BuildOutcome(build: build, status: .cached, key: computed, archive: hit.archive,
                                           seconds: Self.seconds(since: start),
                                           notes: ["from the remote cache (\(hit.entryLocation))"])
                outcome.remoteObjectKey = hit.objectKey
                outcome.dependencyTrees = hit.dependencyTrees
                return outcome
            }
            var started = BuildEvent(.started)
            started.artifact = build.displayName
            started.logicalIDs = build.targets.map(\.logicalID)
            started.builder = build.builder.builderName
            started.buildKey = computed.hex
            started.total = total
            sink.emit(started)
            let (archive, staged) = try await buildAndStore(build, key: computed)
            var outcome = BuildOutcome(build: build, status: .built, key: computed, archive: archive,
                                       seconds: Self.seconds(since: start), notes: staged.notes)
            outcome.dependencyTrees = staged.dependencyTrees
            return outcome
        } catch {
            let output = (error as? BuilderError)?.output ?? ""
            var outcome = BuildOutcome(build: build, status: .failed(message: String(describing: error), output: output),
                                       key: key, archive: nil, seconds: Self.seconds(since: start))
            outcome.missingTool = (error as? BuilderError)?.isMissingTool ?? false
            outcome.badInput = (error as? BuildFilesError)?.isBadInput ?? (error as? BuilderError)?.isBadInput ?? false
            return outcome
        }
    }

    /// Staging → builder → zip → limits → cache; temporary files removed whatever happens.
    private func buildAndStore(_ build: PlannedBuild, key: BuildKey) async throws -> (ZipArchive, StagedBuild) {
        let manager = FileManager.default
        let unique = "\(key.hex.prefix(16))-\(UUID().uuidString)"
        let workFolder = workDirectory.appendingPathComponent("work-" + unique, isDirectory: true)
        let temporaryZip = workDirectory.appendingPathComponent("zip-" + unique + ".zip")
        defer {
            try? manager.removeItem(at: workFolder)
            try? manager.removeItem(at: temporaryZip)
        }
        try manager.createDirectory(at: workFolder, withIntermediateDirectories: true)
        let staged = try await build.builder.build(build.request, workFolder: workFolder.path)
        try Task.checkCancellation()
        let archive = try staged.writeZip(to: temporaryZip.path)
        guard archive.entryCount > 0 else {
            throw BuilderError(.producedNothing(resource: build.request.qualifiedName, command: build.builder.builderName))
        }
        try checkLimits(build, archive)
        return (try cache.store(archive, for: key, dependencyTrees: staged.dependencyTrees).archive, staged)
    }

    private func checkLimits(_ build: PlannedBuild, _ archive: ZipArchive) throws {
        _ = try LambdaLimits.check(functionName: build.id, archive: archive)
    }

    static func event(for outcome: BuildOutcome, position: Int, total: Int) -> BuildEvent {
        let phase: BuildEvent.Phase
        switch outcome.status {
        case .built: phase = .finished
        case .cached: phase = .cached
        case .prebuilt: phase = .prebuilt
        case .failed: phase = .failed
        }
        var event = BuildEvent(phase)
        event.artifact = outcome.build.displayName
        event.logicalIDs = outcome.build.targets.map(\.logicalID)
        event.builder = outcome.build.builder.builderName
        event.buildKey = outcome.key?.hex
        event.zipSHA256 = outcome.archive?.sha256.hex
        event.size = outcome.archive?.size
        event.seconds = outcome.seconds
        event.position = position
        event.total = total
        event.notes = outcome.notes.isEmpty ? nil : outcome.notes
        if case .failed(let message, let output) = outcome.status {
            event.reason = message
            let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            event.output = lines.isEmpty || output.isEmpty ? nil : Array(lines.suffix(60))
        }
        return event
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
