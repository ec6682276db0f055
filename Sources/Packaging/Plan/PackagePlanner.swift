import Builds
import Crypto
import Foundation
import Templates

/// Packages the stacks of a tree one by one, bottom-up (see ``PackagePlan/make(tree:manifest:store:stagingDirectory:)``).
struct PackagePlanner {
    let manifest: BuildManifest?
    let store: ArtifactStore
    let staging: URL
    private(set) var uploads: [PlannedUpload] = []
    private var uploadedKeys: Set<String> = []
    private(set) var stacks: [PackagedStack] = []
    private(set) var rewrites: [RewrittenProperty] = []
    private var packagedArtifacts: [String: String] = [:]  // qualified name → key
    private var zippedPaths: [String: PlannedUpload] = [:]
    /// `Stack/Path/LogicalID` → `ImageUri` (by digest) of image functions Ferry built.
    var imageURIs: [String: String] = [:]

    static let lambdaTypes: Set<String> = [
        "AWS::Serverless::Function", "AWS::Lambda::Function", "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion",
    ]

    init(manifest: BuildManifest?, store: ArtifactStore, staging: URL) {
        self.manifest = manifest
        self.store = store
        self.staging = staging
    }

    /// Rewrites every local artifact of `node`, then adds its packaged template.
    mutating func package(_ node: StackNode) throws {
        var template = node.template
        var written: [LoopArtifactMappings.Location] = []
        for artifact in node.artifacts {
            if let condition = artifact.excludedByCondition {
                try writePlaceholder(for: artifact, condition: condition, into: &template, stackPath: node.stackPath)
                continue
            }
            guard let location = try resolve(artifact, in: node) else { continue }
            let value = Self.writeBackValue(artifact.writeBack, key: location.key, store: store)
            guard let value else { continue }
            guard template.setValue(value, atPath: artifact.templatePath) else {
                throw PackagingError.notWritable(stackPath: node.stackPath, path: artifact.templatePath)
            }
            written.append(LoopArtifactMappings.Location(templatePath: artifact.templatePath, value: value))
            rewrites.append(RewrittenProperty(
                stackPath: node.stackPath, templatePath: artifact.templatePath, resourceType: artifact.resourceType,
                key: location.key, localPath: artifact.localPath.path))
        }
        for (name, uri) in imageURIs where name.hasPrefix(node.stackPath + "/") {
            let logicalID = String(name.dropFirst(node.stackPath.count + 1))
            guard !logicalID.contains("/"), template.resources[LogicalID(logicalID)] != nil else { continue }
            let path = ["Resources", logicalID, "Properties", "ImageUri"]
            guard template.setValue(.string(uri), atPath: path) else {
                throw PackagingError.notWritable(stackPath: node.stackPath, path: path)
            }
        }
        let body = Data(try Self.packagedText(template, locations: written, file: node.templateURL.path).utf8)
        let sha = Self.sha256(body)
        let key = store.key("\(sha).template")
        add(PlannedUpload(key: key, sha256: sha, size: UInt64(body.count), source: .bytes(body),
                          contentType: "text/yaml", origin: "\(node.stackPath) template"))
        stacks.append(PackagedStack(stackPath: node.stackPath, sourceTemplate: node.templateURL, body: body, key: key,
                                    templateURL: store.templateURL(key: key)))
    }

    /// A resource whose condition is false is not created: nothing is built or uploaded for it, but
    /// its property still needs an S3 location (SAM's transform reads every resource), so it names
    /// `<prefix>/condition-false/<Condition>`, an object that is never written.
    private func writePlaceholder(for artifact: LocalArtifact, condition: String, into template: inout Template,
                                  stackPath: String) throws {
        let key = store.key("condition-false/\(condition)")
        guard let value = Self.writeBackValue(artifact.writeBack, key: key, store: store) else { return }
        guard template.setValue(value, atPath: artifact.templatePath) else {
            throw PackagingError.notWritable(stackPath: stackPath, path: artifact.templatePath)
        }
    }

    /// The plan so far.
    func plan() -> PackagePlan {
        var updated = manifest
        if var copy = manifest {
            copy.artifacts = copy.artifacts.map { artifact in
                var artifact = artifact
                if let key = packagedArtifacts[artifact.qualifiedName] { artifact.s3Key = key }
                return artifact
            }
            updated = copy
        }
        return PackagePlan(store: store, uploads: uploads, stacks: stacks, rewrites: rewrites, manifest: updated)
    }

    private mutating func add(_ upload: PlannedUpload) {
        guard uploadedKeys.insert(upload.key).inserted else { return }
        uploads.append(upload)
    }

    /// The object an artifact becomes (planned for upload), or nil when nothing is uploaded.
    private mutating func resolve(_ artifact: LocalArtifact, in node: StackNode) throws -> PlannedUpload? {
        let origin = "\(node.stackPath)/\(artifact.logicalID?.rawValue ?? artifact.resourceType) "
            + artifact.property.propertyName
        if artifact.writeBack == .imageURI { return nil }
        if artifact.kind == .nestedTemplate && artifact.property.content == .nestedTemplate {
            guard let id = artifact.logicalID,
                  let child = stacks.first(where: { $0.stackPath == "\(node.stackPath)/\(id.rawValue)" }) else {
                return nil
            }
            return PlannedUpload(key: child.key, sha256: "", size: UInt64(child.body.count), source: .bytes(child.body),
                                 contentType: "text/yaml", origin: origin)
        }
        if artifact.property.content == .zipArchive, Self.lambdaTypes.contains(artifact.resourceType),
           let id = artifact.logicalID {
            if let upload = try built(id.rawValue, stackPath: node.stackPath, origin: origin) {
                add(upload)
                return upload
            }
            if artifact.kind == .zipFolder {
                throw PackagingError.notBuilt(stackPath: node.stackPath, logicalID: id.rawValue,
                                              source: artifact.localPath.path)
            }
        }
        let upload: PlannedUpload
        switch artifact.kind {
        case .zipFolder, .zipFile:
            upload = try zipped(artifact, origin: origin)
        case .file, .nestedTemplate:
            let ext = artifact.property.content == .templateFile || artifact.kind == .nestedTemplate
                ? "template" : artifact.localPath.pathExtension
            upload = try asIs(artifact, extension: ext, origin: origin)
        }
        add(upload)
        return upload
    }

    /// The built zip of `logicalID` from the manifest, checked against the file on disk.
    private mutating func built(_ logicalID: String, stackPath: String, origin: String) throws -> PlannedUpload? {
        guard let entry = manifest?.artifact(logicalID: logicalID, stackPath: stackPath) else { return nil }
        if entry.zipPath.isEmpty, let remote = entry.s3Key {  // found by the remote build cache, bytes not downloaded
            packagedArtifacts[entry.qualifiedName] = remote
            return PlannedUpload(key: remote, sha256: entry.zipSHA256, size: entry.size, source: .inBucket,
                                 contentType: "application/zip", origin: origin)
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: entry.zipPath)
        guard let size = (attributes?[.size] as? NSNumber)?.uint64Value else {
            throw PackagingError.builtZipMissing(qualifiedName: entry.qualifiedName, zipPath: entry.zipPath)
        }
        guard size == entry.size else {
            throw PackagingError.staleBuild(qualifiedName: entry.qualifiedName, zipPath: entry.zipPath,
                                            expectedSize: entry.size, actualSize: size)
        }
        let key = store.key("\(entry.zipSHA256).zip")
        packagedArtifacts[entry.qualifiedName] = key
        return PlannedUpload(key: key, sha256: entry.zipSHA256, size: entry.size,
                             source: .file(URL(fileURLWithPath: entry.zipPath)), contentType: "application/zip",
                             origin: origin)
    }

    /// A file uploaded as it is, named by its bytes.
    private func asIs(_ artifact: LocalArtifact, extension ext: String, origin: String) throws -> PlannedUpload {
        let path = artifact.localPath.path
        do {
            let digest = try FileHasher.sha256(ofFile: path)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
            let name = ext.isEmpty ? digest.hex : "\(digest.hex).\(ext)"
            return PlannedUpload(key: store.key(name), sha256: digest.hex, size: size, source: .file(artifact.localPath),
                                 contentType: ext == "zip" ? "application/zip" : nil, origin: origin)
        } catch {
            throw PackagingError.unreadableArtifact(path: path, property: origin, reason: "\(error)")
        }
    }

    /// A folder (or a single file) zipped deterministically into the staging folder.
    private mutating func zipped(_ artifact: LocalArtifact, origin: String) throws -> PlannedUpload {
        let path = artifact.localPath.path
        if let done = zippedPaths[path] {
            return PlannedUpload(key: done.key, sha256: done.sha256, size: done.size, source: done.source,
                                 contentType: done.contentType, origin: origin)
        }
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            let temporary = staging.appendingPathComponent("zip-\(UUID().uuidString).tmp").path
            let archive: ZipArchive
            if artifact.kind == .zipFolder {
                archive = try DeterministicZip().write(FileTree.scan(path), to: temporary)
            } else {
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
                let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
                let entry = FileTreeEntry(relativePath: artifact.localPath.lastPathComponent, sourcePath: path,
                                          size: size, isExecutable: mode & 0o111 != 0)
                archive = try DeterministicZip().write(entries: [entry], to: temporary)
            }
            let final = staging.appendingPathComponent("\(archive.sha256.hex).zip")
            try? FileManager.default.removeItem(at: final)
            try FileManager.default.moveItem(atPath: temporary, toPath: final.path)
            let upload = PlannedUpload(key: store.key("\(archive.sha256.hex).zip"), sha256: archive.sha256.hex,
                                       size: archive.size, source: .file(final), contentType: "application/zip",
                                       origin: origin)
            zippedPaths[path] = upload
            return upload
        } catch let error as PackagingError {
            throw error
        } catch {
            throw PackagingError.unreadableArtifact(path: path, property: origin, reason: "\(error)")
        }
    }

    /// The packaged template's text: the authored template, loops intact, with the locations
    /// carried through `Mappings` when it uses `AWS::LanguageExtensions`; else the template itself.
    static func packagedText(_ template: Template, locations: [LoopArtifactMappings.Location], file: String) throws -> String {
        guard let source = template.languageExtensions else { return YAMLTemplateWriter().write(template) }
        return YAMLTemplateWriter().write(try LoopArtifactMappings.authored(source, locations: locations, file: file))
    }

    /// The template value written back for an object at `key`; nil for container images.
    static func writeBackValue(_ format: PackageableProperty.S3LocationFormat, key: String,
                               store: ArtifactStore) -> TemplateValue? {
        switch format {
        case .s3URI: return .string(store.s3URI(key: key))
        case .httpsURL: return .string(store.templateURL(key: key))
        case .bucketKeyMap(let bucketName, let keyName, _):
            return .map(TemplateMap([(bucketName, .string(store.bucket)), (keyName, .string(key))]))
        case .imageURI: return nil
        }
    }

    /// The SHA-256 of `data` in hex.
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
