import Foundation

/// Finds the local files and folders a template points at, following ``PackageableProperty/all``.
public enum ArtifactDiscovery {
    /// Every local artifact of `template`, in template order.
    ///
    /// Values that are already remote (`s3://`, `https://`, `http://`), intrinsic functions or
    /// mappings (e.g. `Code: {S3Bucket: ...}`) are skipped, as are resources with `InlineCode` and
    /// properties for the other `PackageType`. Relative paths resolve against the template's folder
    /// (`templateURL`, or the template's ``Template/sourceFile``, or the current directory).
    /// - Throws: ``TemplateError`` with code `missingLocalArtifact` when a path does not exist.
    public static func localArtifacts(in template: Template, templateURL: URL? = nil) throws -> [LocalArtifact] {
        let fileURL = templateURL ?? template.sourceFile
        let folder = fileURL?.deletingLastPathComponent()
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let scanner = Scanner(template: template, templateFile: fileURL, folder: folder)
        var found: [LocalArtifact] = []
        for (id, resource) in template.resources {
            found += try scanner.resourceArtifacts(id: id, resource: resource)
        }
        found += try scanner.metadataArtifacts()
        found += try scanner.includeArtifacts()
        return found
    }
}

private struct Scanner {
    let template: Template
    let templateFile: URL?
    let folder: URL

    func resourceArtifacts(id: LogicalID, resource: Resource) throws -> [LocalArtifact] {
        let table = PackageableProperty.properties(of: resource.type)
        guard !table.isEmpty else { return [] }
        var properties = resource.properties
        if resource.type == "AWS::Serverless::Function", properties["CodeUri"] == nil,
           let globalCode = SAMGlobals.globals(for: resource.type, in: template)?["CodeUri"] {
            properties["CodeUri"] = globalCode  // SAM applies Globals.Function.CodeUri before packaging
        }
        guard properties["InlineCode"] == nil else { return [] }
        let packageType = properties["PackageType"]?.stringValue ?? "Zip"
        var found: [LocalArtifact] = []
        for entry in table where entry.content != .containerImage {
            if let wanted = entry.packageType, wanted != packageType { continue }
            if packageType == "Image", entry.packageType == nil, resource.type.hasSuffix("Function") { continue }
            switch entry.location {
            case .resourceProperty(let path):
                let value = TemplateValue.map(properties).value(atPath: path)
                let line = Self.line(of: path, in: properties) ?? resource.line
                if let artifact = try artifact(for: value, entry: entry, origin: .resource(id),
                                               type: resource.type, path: path, line: line) {
                    found.append(artifact)
                }
            case .graphQLCodeURIs:
                for (path, value, line) in Self.codeURIs(in: properties) {
                    if let artifact = try artifact(for: value, entry: entry, origin: .resource(id),
                                                   type: resource.type, path: path, line: line ?? resource.line) {
                        found.append(artifact)
                    }
                }
            case .templateMetadata, .includeTransform:
                continue
            }
        }
        return found
    }

    func metadataArtifacts() throws -> [LocalArtifact] {
        var found: [LocalArtifact] = []
        for entry in PackageableProperty.all {
            guard case .templateMetadata(let key) = entry.location,
                  let section = template.metadata?[entry.resourceType]?.mapValue else { continue }
            if let artifact = try artifact(for: section[key], entry: entry,
                                           origin: .templateMetadata(section: entry.resourceType),
                                           type: entry.resourceType, path: ["Metadata", entry.resourceType, key],
                                           line: section.line(of: key)) {
                found.append(artifact)
            }
        }
        return found
    }

    func includeArtifacts() throws -> [LocalArtifact] {
        guard let entry = PackageableProperty.all.first(where: { $0.location == .includeTransform }) else { return [] }
        var found: [LocalArtifact] = []
        try visitIncludes(template.value, path: [], entry: entry, into: &found)
        return found
    }

    private func visitIncludes(_ value: TemplateValue, path: [String], entry: PackageableProperty,
                               into found: inout [LocalArtifact]) throws {
        switch value {
        case .map(let map):
            for (key, item) in map {
                if key == "Fn::Transform", let transform = item.mapValue,
                   transform["Name"]?.stringValue == "AWS::Include",
                   let parameters = transform["Parameters"]?.mapValue {
                    let id = path.count >= 2 && path[0] == "Resources" ? LogicalID(path[1]) : nil
                    if let artifact = try artifact(
                        for: parameters["Location"], entry: entry, origin: .includeTransform(id),
                        type: "Fn::Transform", path: path + [key, "Parameters", "Location"],
                        line: parameters.line(of: "Location") ?? map.line(of: key)) {
                        found.append(artifact)
                    }
                    continue
                }
                try visitIncludes(item, path: path + [key], entry: entry, into: &found)
            }
        case .list(let items):
            for (index, item) in items.enumerated() {
                try visitIncludes(item, path: path + [String(index)], entry: entry, into: &found)
            }
        default:
            return
        }
    }

    private func artifact(for value: TemplateValue?, entry: PackageableProperty, origin: LocalArtifact.Origin,
                          type: String, path: [String], line: Int?) throws -> LocalArtifact? {
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
        let localPath = url.standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: localPath.path, isDirectory: &isDirectory)
        let name = path.joined(separator: ".")
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
        return LocalArtifact(origin: origin, resourceType: type, propertyPath: path, localPath: localPath,
                             kind: kind, property: entry, templateFile: templateFile, line: line,
                             isImplicitTemplateFolder: implicit)
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
