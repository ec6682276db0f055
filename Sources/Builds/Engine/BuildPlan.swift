// The value `ferry build` works from: what to build, with which builder, and what not.
import Foundation
import Templates

/// A resource that uses a build's artifact.
public struct BuildTarget: Sendable, Hashable, Codable {
    /// The stack path (`Root/Pattern2Stack/ReportingStack`).
    public let stackPath: String
    /// The logical ID inside that stack.
    public let logicalID: String
    /// `AWS::Serverless::Function`, `AWS::Lambda::LayerVersion`, ...
    public let resourceType: String
    /// The template file that declares the resource.
    public let templateFile: String
    /// The line of the resource (or its code property), when known.
    public let line: Int?

    /// A target.
    public init(stackPath: String, logicalID: String, resourceType: String, templateFile: String, line: Int?) {
        self.stackPath = stackPath
        self.logicalID = logicalID
        self.resourceType = resourceType
        self.templateFile = templateFile
        self.line = line
    }

    /// `Root/Pattern2Stack/OCRFunction`.
    public var qualifiedName: String { "\(stackPath)/\(logicalID)" }
}

/// One artifact to build, used by one or more resources (same source, builder, runtime and architecture).
public struct PlannedBuild: Sendable {
    /// The resources using the artifact, in template order (the first names the build).
    public let targets: [BuildTarget]
    /// What the builder is asked.
    public let request: BuildRequest
    /// The builder.
    public let builder: any FunctionBuilder

    /// A planned build.
    public init(targets: [BuildTarget], request: BuildRequest, builder: any FunctionBuilder) {
        self.targets = targets
        self.request = request
        self.builder = builder
    }

    /// The build's name: its first target's qualified name.
    public var id: String { targets.first?.qualifiedName ?? request.qualifiedName }

    /// The logical IDs of all targets, for messages (`OCRFunction, ClassificationFunction`).
    public var displayName: String {
        targets.count <= 1 ? id : id + " (+ " + targets.dropFirst().map(\.logicalID).joined(separator: ", ") + ")"
    }
}

/// A function or layer that needs no build, and why.
public struct SkippedResource: Sendable, Hashable, Codable {
    /// The resource.
    public let target: BuildTarget
    /// Why nothing is built (`inline code`, `container image`, `code already in S3`).
    public let reason: String
}

/// A local file or folder the packager uploads as it is (state machine definitions, GraphQL
/// schemas, resolver code, ...); not built.
public struct PackagedFile: Sendable, Hashable, Codable {
    /// The stack path of the template naming it.
    public let stackPath: String
    /// The resource naming it, when it belongs to one.
    public let logicalID: String?
    /// The resource type (or metadata section, or `Fn::Transform`).
    public let resourceType: String
    /// The property path (`DefinitionUri`, `Command.ScriptLocation`).
    public let property: String
    /// The absolute local path.
    public let localPath: String
    /// `file` (uploaded as is) or `folder` (zipped by the packager).
    public let kind: String
}

/// Every build of a template tree, the resources skipped, and the plain files to package.
public struct BuildPlan: Sendable {
    /// The artifacts to build, in stack then template order.
    public var builds: [PlannedBuild]
    /// Functions and layers that need no build.
    public var skipped: [SkippedResource]
    /// Other local artifacts, for the packager.
    public var files: [PackagedFile]
    /// Image functions built from a Dockerfile by Ferry's image writer (`ImageWriter`).
    public var images: [PlannedImage] = []

    /// A plan from its parts.
    public init(builds: [PlannedBuild], skipped: [SkippedResource] = [], files: [PackagedFile] = []) {
        self.builds = builds
        self.skipped = skipped
        self.files = files
    }

    /// Only the builds used by one of `names` (a logical ID, or a qualified `Stack/Path/LogicalID`).
    /// - Throws: `BuildPlanError` naming the unknown names and the known ones.
    public func selecting(_ names: [String]) throws -> BuildPlan {
        guard !names.isEmpty else { return self }
        let wanted = Set(names)
        func matches(_ target: BuildTarget) -> Bool {
            wanted.contains(target.logicalID) || wanted.contains(target.qualifiedName)
        }
        let all = builds.flatMap(\.targets) + images.map(\.target)
        let unknown = names.filter { name in !all.contains { $0.logicalID == name || $0.qualifiedName == name } }
        guard unknown.isEmpty else {
            throw BuildPlanError(.unknownLogicalIDs(requested: unknown, known: all.map(\.logicalID)))
        }
        var selected = BuildPlan(builds: builds.filter { $0.targets.contains(where: matches) }, skipped: [], files: files)
        selected.images = images.filter { matches($0.target) }
        return selected
    }
}
