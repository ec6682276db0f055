import AWSCore
import AWSServices
import Configuration
import Foundation
import Packaging
import Reporting

/// `ferry gc`: finds the artifacts under the environment's prefix that no kept deploy (the last
/// `keep` successful ones of every stack recorded there), no hot-swap record and no current stack
/// references, lists them with the bytes and monthly cost they hold, and with `delete` removes
/// them (DeleteObjects, 1,000 per request). The lock, history and hot-swap records are never touched.
package struct GCPhase: Sendable {
    /// What to collect and how (the project comes with `run`).
    package struct Options: Sendable {
        /// How many successful deploys per stack keep their artifacts (`--keep`, default 10).
        package var keep: Int
        /// Objects uploaded within this many seconds stay (`--min-age`, default one hour): they may
        /// belong to a package that is not deployed yet.
        package var minimumAge: TimeInterval
        /// `--yes`: delete; otherwise only list (the default).
        package var delete: Bool

        /// Options; by default a dry run keeping 10 deploys.
        package init(keep: Int = 10, minimumAge: TimeInterval = 3600, delete: Bool = false) {
            self.keep = keep
            self.minimumAge = minimumAge
            self.delete = delete
        }
    }

    /// What gc found and did.
    package struct Report: Sendable {
        /// The plan.
        package var plan: GCPlan
        /// The keys deleted (empty on a dry run).
        package var deleted: [String]
        /// Keys S3 refused to delete, with why.
        package var failures: [String]
    }

    package let options: Options

    /// A phase.
    package init(options: Options) {
        self.options = options
    }

    /// Resolves `request` and runs gc.
    /// - Throws: `ConfigurationError`, AWS errors, `PipelineFailure` when no artifact bucket is
    ///   configured or some deletions failed.
    package func run(_ request: ProjectRequest, sink: any EventSink, now: Date = Date()) async throws -> Report {
        var project = try ResolvedProject.resolve(request)
        await project.adoptManagedBucket()
        try await project.resolveArtifacts(required: true)
        let session = project.session
        let environment = project.environment
        guard let location = project.location, let bucket = location.bucket else {
            throw PipelineFailure(.badInput, "environment '\(environment.name)' has no artifact bucket (artifacts.bucket in ferry.toml): "
                + "there is nothing to collect.")
        }
        let s3 = session.s3
        let listPrefix = location.prefix.isEmpty ? nil : "\(location.prefix)/"
        let objects: [S3Object]
        do {
            objects = try await s3.listObjectsV2(bucket: bucket, prefix: listPrefix)
        } catch where S3.isNotFound(error) {
            throw PipelineFailure(.operationFailed, "the artifact bucket \(bucket) does not exist; check it with `ferry doctor`.")
        }
        let stacks = GCReferenceReader.stacks(in: objects.map(\.key), prefix: location.prefix, including: environment.stackName)
        let reader = GCReferenceReader(s3: s3, cloudFormation: CloudFormation(client: session.client), bucket: bucket,
                                       prefix: location.prefix, keep: options.keep)
        let found = try await reader.read(stacks: stacks, objects: objects)
        for record in found.unknownRecords {
            sink.emit(GCEvent.warning("the deploy of \(record.stackName) at \(record.startedAt.formatted(.iso8601)) recorded no artifacts "
                + "(made before Ferry recorded them): every object uploaded before it ends is kept"))
        }
        sink.emit(GCEvent.info("s3://\(bucket)/\(listPrefix ?? ""): \(objects.count) object(s); kept references of "
            + stacks.map { "\($0) (\(found.keptRecords[$0] ?? 0) deploy(s)\(found.liveStacks.contains($0) ? " + live stack" : ""))" }
                .joined(separator: ", ")))
        let plan = GCPlan.make(objects: objects.map(GCPlan.Listed.init), prefix: location.prefix, references: found.references,
                               newerThan: now.addingTimeInterval(-options.minimumAge), unknownBefore: found.unknownBefore)
        for doomed in plan.doomed {
            sink.emit(GCObjectEvent(key: doomed.key, size: doomed.size, deleted: options.delete))
        }
        let versions = await versionPlan(s3, bucket: bucket, listPrefix: listPrefix, plan: plan, prefix: location.prefix, now: now,
                                         references: found.references, sink: sink)
        await abortIncompleteUploads(s3, bucket: bucket, prefix: location.prefix, projectRoot: project.projectRoot, now: now,
                                     sink: sink)
        var report = Report(plan: plan, deleted: [], failures: [])
        var freed = versions?.bytes ?? plan.bytes
        if options.delete, let versions, !versions.deletions.isEmpty {
            let result = try await s3.deleteObjectVersions(
                bucket: bucket, versions: versions.deletions.map { (key: $0.key, versionId: $0.versionId) })
            let failedKeys = Set(result.errors.compactMap(\.key))
            report.deleted = plan.doomed.map(\.key).filter { !failedKeys.contains($0) }
            report.failures = result.errors.map { "\($0.key ?? "?"): \($0.code ?? "") \($0.message ?? "")" }
            freed -= versions.deletions.filter { failedKeys.contains($0.key) }.reduce(0) { $0 + $1.size }
        } else if options.delete, versions == nil, !plan.doomed.isEmpty {
            let result = try await s3.deleteObjects(bucket: bucket, keys: plan.doomed.map(\.key))
            report.deleted = result.deleted
            report.failures = result.errors.map { "\($0.key ?? "?"): \($0.code ?? "") \($0.message ?? "")" }
            freed = 0
        }
        report.failures += await collectCacheEntries(s3, bucket: bucket, prefix: location.prefix, objects: objects,
                                                     plan: plan, sink: sink)
        report.failures += await collectImages(project: &project, found: found, now: now, sink: sink)
        sink.emit(GCSummaryEvent(plan: plan, dryRun: !options.delete, deleted: report.deleted.count, environment: environment.name,
                                 keep: options.keep, bytes: freed, noncurrentVersions: versions?.noncurrentVersions ?? 0,
                                 versionsKnown: versions != nil))
        if !report.failures.isEmpty {
            throw PipelineFailure(.operationFailed, "\(report.failures.count) object(s) could not be deleted:\n  "
                + report.failures.joined(separator: "\n  "))
        }
        return report
    }

    /// The versions to delete so the bytes are really freed; nil (with a warning) when they
    /// cannot be listed.
    func versionPlan(_ s3: S3, bucket: String, listPrefix: String?, plan: GCPlan, prefix: String, now: Date,
                     references: ArtifactReferences, sink: any EventSink) async -> GCVersionPlan? {
        do {
            let versions = try await s3.listObjectVersions(bucket: bucket, prefix: listPrefix)
            return GCVersionPlan.make(versions: versions, doomed: Set(plan.doomed.map(\.key)), prefix: prefix,
                                      olderThan: now.addingTimeInterval(-options.minimumAge),
                                      isReferenced: { references.references(key: $0) })
        } catch {
            sink.emit(GCEvent.warning("the object versions could not be listed (\(FailurePresenter.present(error).message)): "
                + "in a versioned bucket deleting a key only hides it, so no bytes are counted as freed"))
            return nil
        }
    }

    /// Aborts (or, on a dry run, lists) the multipart uploads interrupted runs left: the ones
    /// `.ferry/uploads/` records and the prefix's incomplete uploads older than a day.
    func abortIncompleteUploads(_ s3: S3, bucket: String, prefix: String, projectRoot: URL, now: Date,
                                sink: any EventSink) async {
        let journal = UploadJournal(projectRoot: projectRoot)
        let cutoff = now.addingTimeInterval(-UploadCleanupEvent.maximumAge)
        if options.delete {
            let cleanup = await journal.cleanUp(s3: s3, bucket: bucket, prefix: prefix, olderThan: cutoff)
            if !cleanup.aborted.isEmpty || !cleanup.failures.isEmpty { sink.emit(UploadCleanupEvent(cleanup)) }
            return
        }
        let recorded = journal.recorded().filter { $0.record.bucket == bucket }.map(\.record.uploadId)
        let listed = (try? await s3.listMultipartUploads(bucket: bucket, prefix: prefix.isEmpty ? nil : prefix + "/")) ?? []
        let stale = Set(recorded + listed.filter { ($0.initiated ?? .distantFuture) < cutoff }.map(\.uploadId))
        if !stale.isEmpty {
            sink.emit(GCEvent.info("would abort \(stale.count) incomplete multipart upload(s) left by interrupted runs"))
        }
    }
}
