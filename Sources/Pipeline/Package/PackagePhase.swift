// `ferry package` as a phase: build manifest + template tree → plan → uploads → packaged templates.
import AWSServices
import Builds
import Foundation
import Packaging
import Reporting
import Templates

/// Packages a built project: plans content-addressed keys, makes sure the artifact bucket exists
/// (creating it when asked), uploads what is missing and writes `.ferry/package/`.
package struct PackagePhase: Sendable {
    /// What to package and where.
    package struct Options: Sendable {
        /// The project folder (`.ferry/` lives here).
        package var projectRoot: URL
        /// The main template.
        package var templateFile: URL
        /// The bucket, prefix, region and URL form.
        package var store: ArtifactStore
        /// A KMS key for the objects; nil for AES256.
        package var kmsKeyID: String?
        /// `--create-bucket`: create the bucket (hardened) when it is missing.
        package var createBucket: Bool
        /// The most uploads at once.
        package var concurrency: Int
        /// Days before the noncurrent versions of a bucket Ferry creates are deleted.
        package var noncurrentVersionDays = 30
        /// Ctrl-C handling: the uploads in progress are aborted before Ferry exits.
        package var interruption: DeployInterruption?
        /// The values templates are evaluated with (parameters, region, stack name).
        package var values = TemplateValues()
        /// Whether to emit the templates' notes (`ferry up` has already said them while building).
        package var reportNotes = true
        /// Whether and how action entries of the remote build cache are written after the upload.
        package var remoteCache = RemoteCacheSettings.off
        /// `Stack/Path/LogicalID` → `ImageUri` pinned by digest, for image functions Ferry built.
        package var imageURIs: [String: String] = [:]

        /// Options; AES256, no bucket creation and 8 uploads at once by default.
        package init(projectRoot: URL, templateFile: URL, store: ArtifactStore, kmsKeyID: String? = nil,
                    createBucket: Bool = false, concurrency: Int = 8) {
            self.projectRoot = projectRoot
            self.templateFile = templateFile
            self.store = store
            self.kmsKeyID = kmsKeyID
            self.createBucket = createBucket
            self.concurrency = concurrency
        }
    }

    /// What the phase produced.
    package struct Output: Sendable {
        /// The plan that was carried out.
        package let plan: PackagePlan
        /// What was uploaded.
        package let result: Packager.Result
        /// The root packaged template on disk.
        package let packagedTemplate: URL
        /// True when the bucket was created.
        package let bucketCreated: Bool
    }

    /// The options.
    package let options: Options

    /// A phase with `options`.
    package init(options: Options) { self.options = options }

    /// Reads the build manifest, or nil when there is none.
    /// - Throws: ``PackagingError/manifestUnreadable(path:reason:)``.
    package static func readManifest(projectRoot: URL) throws -> BuildManifest? {
        let url = BuildManifest.location(projectRoot: projectRoot)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try BuildManifest.read(from: url)
        } catch {
            throw PackagingError.manifestUnreadable(path: url.path, reason: "\(error)")
        }
    }

    /// Plans without touching AWS (the bucket is only named).
    /// - Throws: `TemplateError`, ``PackagingError`` (`manifestMissing` when a function needs a build
    ///   and there is no manifest at all).
    package func plan() throws -> PackagePlan {
        try planWithNotes().plan
    }

    /// The plan and the templates' notes.
    func planWithNotes() throws -> (plan: PackagePlan, notes: [String]) {
        let tree = try options.values.loadTree(options.templateFile)
        try tree.requireArtifacts()
        let manifest = try Self.readManifest(projectRoot: options.projectRoot)
        return (try Self.plan(tree: tree, manifest: manifest, store: options.store, projectRoot: options.projectRoot,
                             imageURIs: options.imageURIs), tree.notes)
    }

    /// Plans a loaded tree with a build manifest, without touching AWS (the bucket is only named).
    /// - Throws: `TemplateError`, ``PackagingError`` (`manifestMissing` when a function needs a build
    ///   and there is no manifest at all).
    static func plan(tree: TemplateTree, manifest: BuildManifest?, store: ArtifactStore, projectRoot: URL,
                     imageURIs: [String: String] = [:]) throws -> PackagePlan {
        try tree.requireArtifacts()
        do {
            return try PackagePlan.make(
                tree: tree, manifest: manifest, store: store,
                stagingDirectory: PackageOutput.stagingDirectory(projectRoot: projectRoot),
                imageURIs: imageURIs)
        } catch let error as PackagingError where error.needsBuild && manifest == nil {
            throw PackagingError.manifestMissing(path: BuildManifest.location(projectRoot: projectRoot).path)
        }
    }

    /// Runs the phase.
    /// - Throws: ``PackagingError``, `TemplateError`, or the S3 error that stopped it.
    package func run(s3: S3, sink: any EventSink) async throws -> Output {
        try FerryFolder.requireWritable(projectRoot: options.projectRoot)
        let (plan, notes) = try planWithNotes()
        return try await upload(plan, notes: notes, s3: s3, sink: sink)
    }

    /// Carries out a plan already computed (by `ferry plan`'s logic or `ferry up`): makes sure the
    /// bucket exists, uploads what is missing and writes `.ferry/package/`. `notes` are the
    /// templates' notes, emitted when `reportNotes` says so.
    /// - Throws: ``PackagingError``, or the S3 error that stopped it.
    package func upload(_ plan: PackagePlan, notes: [String], s3: S3, sink: any EventSink) async throws -> Output {
        try FerryFolder.requireWritable(projectRoot: options.projectRoot)
        if options.reportNotes { for note in notes { sink.emit(TemplateNoteEvent(note: note)) } }
        let encryption: ServerSideEncryption = options.kmsKeyID.map { .kms(keyId: $0) } ?? .aes256
        let bucket = ArtifactBucket(s3: s3, bucket: options.store.bucket, region: options.store.region,
                                    endpointUsesTLS: options.store.customEndpoint?.scheme != "http", sink: sink)
        let created = try await bucket.ensure(create: options.createBucket, noncurrentVersionDays: options.noncurrentVersionDays)
        let journal = UploadJournal(projectRoot: options.projectRoot)
        let cleanup = await journal.cleanUp(s3: s3, bucket: options.store.bucket, prefix: options.store.prefix,
                                            olderThan: Date().addingTimeInterval(-UploadCleanupEvent.maximumAge))
        if !cleanup.aborted.isEmpty || !cleanup.failures.isEmpty { sink.emit(UploadCleanupEvent(cleanup)) }
        options.interruption?.onInterrupt { await journal.abortActive(s3: s3) }
        defer { options.interruption?.onInterrupt(nil) }
        let packager = Packager(s3: s3, encryption: encryption, concurrency: options.concurrency, journal: journal, sink: sink)
        let result = try await packager.upload(plan)
        let template = try PackageOutput.write(plan, projectRoot: options.projectRoot)
        if options.remoteCache.writes, let manifest = plan.manifest {
            let trees = await DependencyTreeWriter(s3: s3, store: options.store, projectRoot: options.projectRoot,
                                                   signingKey: options.remoteCache.signingKey, encryption: encryption)
                .share(manifest)
            let writer = ActionEntryWriter(s3: s3, store: options.store, signingKey: options.remoteCache.signingKey,
                                           concurrency: options.concurrency, encryption: encryption)
            sink.emit(await writer.write(manifest, trees: trees.trees).adding(trees: trees))
        }
        sink.emit(PackageSummaryEvent(
            uploaded: result.uploaded.count, alreadyPresent: result.alreadyPresent.count,
            bytesUploaded: result.bytesUploaded, location: packager.location(options.store),
            templatePath: template.path))
        return Output(plan: plan, result: result, packagedTemplate: template, bucketCreated: created)
    }
}
