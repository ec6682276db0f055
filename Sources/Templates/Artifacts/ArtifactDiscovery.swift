import Foundation

/// Finds the local files and folders a template points at, following ``PackageableProperty/all``.
package enum ArtifactDiscovery {
    /// Every local artifact of `template`, in template order.
    ///
    /// Values that are already remote (`s3://`, `https://`, `http://`), intrinsic functions or
    /// mappings (e.g. `Code: {S3Bucket: ...}`) are skipped, as are resources with `InlineCode` and
    /// properties for the other `PackageType`. Relative paths resolve against the template's folder
    /// (`templateURL`, or the template's ``Template/sourceFile``, or the current directory).
    /// - Throws: ``TemplateError`` with code `missingLocalArtifact` when a path does not exist.
    package static func localArtifacts(in template: Template, templateURL: URL? = nil) throws -> [LocalArtifact] {
        let found = scan(template, templateURL: templateURL)
        if let missing = found.missing.first { throw missing.error }
        return found.artifacts
    }

    /// Every local artifact of `template`, with property values evaluated by `evaluator` (a
    /// `CodeUri: !If [...]` or `!Sub` is read as the path it evaluates to; one that cannot be
    /// evaluated is skipped like any intrinsic). Artifacts of resources whose condition is false are
    /// marked (``LocalArtifact/excludedByCondition``) and their paths not checked. Paths that do not
    /// exist are listed in ``ArtifactScan/missing`` rather than thrown. A nested `TemplateURL` naming
    /// a SAM build output that does not exist (`x/.aws-sam/packaged.yaml`, `x/.aws-sam/build/template.yaml`)
    /// is read from the template SAM builds it from (`x/template.yaml`), with a note.
    package static func scan(_ template: Template, templateURL: URL? = nil, evaluator: TemplateEvaluator? = nil) -> ArtifactScan {
        let fileURL = templateURL ?? template.sourceFile
        let folder = fileURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        var scanner = Scanner(template: template, templateFile: fileURL, folder: folder,
                              evaluator: evaluator ?? TemplateEvaluator(template: template))
        for (id, resource) in template.resources {
            scanner.resourceArtifacts(id: id, resource: resource)
        }
        scanner.metadataArtifacts()
        scanner.includeArtifacts()
        return scanner.found
    }

    /// The template SAM builds `path` from, when `path` names a SAM build output
    /// (`<folder>/.aws-sam/<anything>`): `<folder>/template.yaml` (or `.yml`, `.json`) if it exists.
    package static func samSourceTemplate(of path: URL) -> URL? {
        let components = path.standardizedFileURL.pathComponents
        guard let index = components.lastIndex(of: ".aws-sam"), index > 0 else { return nil }
        let folder = URL(fileURLWithPath: NSString.path(withComponents: Array(components[..<index])), isDirectory: true)
        for name in ["template.yaml", "template.yml", "template.json"] {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

private struct Scanner {
    let template: Template
    let templateFile: URL?
    let folder: URL
    let evaluator: TemplateEvaluator
    var found = ArtifactScan()

    mutating func resourceArtifacts(id: LogicalID, resource: Resource) {
        let table = PackageableProperty.properties(of: resource.type)
        guard !table.isEmpty else { return }
        let excluded = evaluator.excludes(resource) ? resource.condition : nil
        var properties = resource.properties
        if resource.type == "AWS::Serverless::Function", properties["CodeUri"] == nil,
           let globalCode = SAMGlobals.globals(for: resource.type, in: template)?["CodeUri"] {
            properties["CodeUri"] = globalCode  // SAM applies Globals.Function.CodeUri before packaging
        }
        guard properties["InlineCode"] == nil else { return }
        let packageType = evaluator.valueIfKnown(properties["PackageType"])?.stringValue ?? "Zip"
        for entry in table where entry.content != .containerImage {
            if let wanted = entry.packageType, wanted != packageType { continue }
            if packageType == "Image", entry.packageType == nil, resource.type.hasSuffix("Function") { continue }
            switch entry.location {
            case .resourceProperty(let path):
                let value = evaluated(TemplateValue.map(properties).value(atPath: path))
                let line = Self.line(of: path, in: properties) ?? resource.line
                add(for: value, entry: entry, origin: .resource(id), type: resource.type, path: path, line: line,
                    excludedBy: excluded)
            case .graphQLCodeURIs:
                for (path, value, line) in Self.codeURIs(in: properties) {
                    add(for: evaluated(value), entry: entry, origin: .resource(id), type: resource.type, path: path,
                        line: line ?? resource.line, excludedBy: excluded)
                }
            case .templateMetadata, .includeTransform:
                continue
            }
        }
    }

    /// The value an intrinsic evaluates to here, else the value as written (skipped later).
    private func evaluated(_ value: TemplateValue?) -> TemplateValue? {
        guard let value, value.isIntrinsic else { return value }
        do {
            return try evaluator.value(value)
        } catch {
            return value
        }
    }

    mutating func metadataArtifacts() {
        for entry in PackageableProperty.all {
            guard case .templateMetadata(let key) = entry.location,
                  let section = template.metadata?[entry.resourceType]?.mapValue else { continue }
            add(for: section[key], entry: entry, origin: .templateMetadata(section: entry.resourceType),
                type: entry.resourceType, path: ["Metadata", entry.resourceType, key], line: section.line(of: key))
        }
    }

    mutating func includeArtifacts() {
        guard let entry = PackageableProperty.all.first(where: { $0.location == .includeTransform }) else { return }
        visitIncludes(template.value, path: [], entry: entry)
    }

    private mutating func visitIncludes(_ value: TemplateValue, path: [String], entry: PackageableProperty) {
        switch value {
        case .map(let map):
            for (key, item) in map {
                if key == "Fn::Transform", let transform = item.mapValue,
                   transform["Name"]?.stringValue == "AWS::Include",
                   let parameters = transform["Parameters"]?.mapValue {
                    let id = path.count >= 2 && path[0] == "Resources" ? LogicalID(path[1]) : nil
                    add(for: parameters["Location"], entry: entry, origin: .includeTransform(id),
                        type: "Fn::Transform", path: path + [key, "Parameters", "Location"],
                        line: parameters.line(of: "Location") ?? map.line(of: key))
                    continue
                }
                visitIncludes(item, path: path + [key], entry: entry)
            }
        case .list(let items):
            for (index, item) in items.enumerated() {
                visitIncludes(item, path: path + [String(index)], entry: entry)
            }
        default:
            return
        }
    }

    private mutating func add(for value: TemplateValue?, entry: PackageableProperty, origin: LocalArtifact.Origin,
                              type: String, path: [String], line: Int?, excludedBy condition: String? = nil) {
        do {
            if var artifact = try artifact(for: value, entry: entry, origin: origin, type: type, path: path, line: line,
                                           excluded: condition != nil) {
                artifact.excludedByCondition = condition
                if let note = artifact.note { found.notes.append(note) }
                found.artifacts.append(artifact)
            }
        } catch let error as TemplateError {
            found.missing.append(MissingArtifact(property: entry, resourceType: type, error: error))
        } catch {}
    }

    private func artifact(for value: TemplateValue?, entry: PackageableProperty, origin: LocalArtifact.Origin,
                          type: String, path: [String], line: Int?, excluded: Bool) throws -> LocalArtifact? {
        var text: String
        var implicit = false
        switch value {
        case .none, .some(.null), .some(.string("")):
            guard entry.packagesTemplateFolderWhenAbsent else { return nil }
            text = folder.path
            implicit = true
        case .some(.string(let string)):
            text = string
        default:
            return nil  // mappings (already S3 locations), intrinsics, lists: nothing to upload
        }
        let lower = text.lowercased()
        if lower.hasPrefix("s3://") || lower.hasPrefix("https://") || lower.hasPrefix("http://") { return nil }
        if text.hasPrefix("~/") {
            text = FileManager.default.homeDirectoryForCurrentUser.path + text.dropFirst()
        }
        let url = text.hasPrefix("/") ? URL(fileURLWithPath: text) : folder.appendingPathComponent(text)
        var localPath = url.standardizedFileURL
        var isDirectory: ObjCBool = false
        var exists = FileManager.default.fileExists(atPath: localPath.path, isDirectory: &isDirectory)
        let name = path.joined(separator: ".")
        var note: String?
        if excluded {
            // Not created in this environment: nothing is built or uploaded, the path is not checked.
            let kind: LocalArtifact.Kind = entry.content == .nestedTemplate ? .nestedTemplate
                : isDirectory.boolValue || !exists ? .zipFolder : .file
            return LocalArtifact(origin: origin, resourceType: type, propertyPath: path, localPath: localPath,
                                 kind: kind, property: entry, templateFile: templateFile, line: line,
                                 isImplicitTemplateFolder: implicit)
        }
        if !exists, entry.content == .nestedTemplate, let source = ArtifactDiscovery.samSourceTemplate(of: localPath) {
            let shown = templateFile?.lastPathComponent ?? "the template"
            note = "\(shown)\(line.map { ":\($0)" } ?? ""): \(name) names \(text), a SAM build output that does not exist; "
                + "Ferry builds and packages the template it is built from, \(Self.relative(source, to: folder))"
            localPath = source
            exists = FileManager.default.fileExists(atPath: localPath.path, isDirectory: &isDirectory)
        }
        let kind: LocalArtifact.Kind?
        if !exists {
            kind = nil
        } else {
            switch entry.content {
            case .zipArchive:
                kind = isDirectory.boolValue ? .zipFolder : (Self.isZip(localPath) ? .file : .zipFile)
            case .folderOrFile:
                kind = isDirectory.boolValue ? .zipFolder : .file
            case .nestedTemplate:
                kind = isDirectory.boolValue ? nil : .nestedTemplate
            case .templateFile:
                kind = isDirectory.boolValue ? nil : .file
            case .containerImage:
                return nil
            }
        }
        guard let kind else {
            let id: LogicalID?
            switch origin {
            case .resource(let resourceID): id = resourceID
            case .includeTransform(let resourceID): id = resourceID
            case .templateMetadata: id = nil
            }
            let shown = exists ? localPath.path + " (a folder, but a template file is needed)" : localPath.path
            throw TemplateError.missingLocalArtifact(property: name, path: shown, file: templateFile?.path,
                                                     line: line, logicalID: id)
        }
        var artifact = LocalArtifact(origin: origin, resourceType: type, propertyPath: path, localPath: localPath,
                                     kind: kind, property: entry, templateFile: templateFile, line: line,
                                     isImplicitTemplateFolder: implicit)
        artifact.note = note
        return artifact
    }

    /// `path` relative to `folder` when inside it, else absolute.
    static func relative(_ path: URL, to folder: URL) -> String {
        let base = folder.standardizedFileURL.path
        let full = path.standardizedFileURL.path
        return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : full
    }

    static func line(of path: [String], in map: TemplateMap) -> Int? {
        var current = map
        for (index, key) in path.enumerated() {
            if index == path.count - 1 { return current.line(of: key) }
            guard let next = current[key]?.mapValue else { return current.line(of: key) }
            current = next
        }
        return nil
    }

    /// `CodeUri` values under `Resolvers` and `Functions` of a GraphQLApi, depth first, in order.
    static func codeURIs(in properties: TemplateMap) -> [([String], TemplateValue, Int?)] {
        var found: [([String], TemplateValue, Int?)] = []
        func visit(_ map: TemplateMap, path: [String]) {
            for (key, value) in map {
                if key == "CodeUri" {
                    found.append((path + [key], value, map.line(of: key)))
                } else if let child = value.mapValue {
                    visit(child, path: path + [key])
                }
            }
        }
        for section in ["Resolvers", "Functions"] {
            if let map = properties[section]?.mapValue { visit(map, path: [section]) }
        }
        return found
    }

    static func isZip(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        return magic == Data([0x50, 0x4B, 0x03, 0x04]) || magic == Data([0x50, 0x4B, 0x05, 0x06])
    }
}
