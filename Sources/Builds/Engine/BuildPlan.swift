// The value `ferry build` works from: what to build, with which builder, and what not.
import Foundation
import Templates

/// A resource that uses a build's artifact.
package struct BuildTarget: Sendable, Hashable, Codable {
    /// The stack path (`Root/Pattern2Stack/ReportingStack`).
    package let stackPath: String
    /// The logical ID inside that stack.
    package let logicalID: String
    /// `AWS::Serverless::Function`, `AWS::Lambda::LayerVersion`, ...
    package let resourceType: String
    /// The template file that declares the resource.
    package let templateFile: String
    /// The line of the resource (or its code property), when known.
    package let line: Int?

    /// A target.
    package init(stackPath: String, logicalID: String, resourceType: String, templateFile: String, line: Int?) {
        self.stackPath = stackPath
        self.logicalID = logicalID
        self.resourceType = resourceType
        self.templateFile = templateFile
        self.line = line
    }

    /// `Root/Pattern2Stack/OCRFunction`.
    package var qualifiedName: String { "\(stackPath)/\(logicalID)" }
}

/// One artifact to build, used by one or more resources (same source, builder, runtime and architecture).
package struct PlannedBuild: Sendable {
    /// The resources using the artifact, in template order (the first names the build).
    package let targets: [BuildTarget]
    /// What the builder is asked.
    package let request: BuildRequest
    /// The builder.
    package let builder: any FunctionBuilder

    /// A planned build.
    package init(targets: [BuildTarget], request: BuildRequest, builder: any FunctionBuilder) {
        self.targets = targets
        self.request = request
        self.builder = builder
    }

    /// The build's name: its first target's qualified name.
    package var id: String { targets.first?.qualifiedName ?? request.qualifiedName }

    /// The logical IDs of all targets, for messages (`OCRFunction, ClassificationFunction`).
    package var displayName: String {
        targets.count <= 1 ? id : id + " (+ " + targets.dropFirst().map(\.logicalID).joined(separator: ", ") + ")"
    }
}

/// A function or layer that needs no build, and why.
package struct SkippedResource: Sendable, Hashable, Codable {
    /// The resource.
    package let target: BuildTarget
    /// Why nothing is built (`inline code`, `container image`, `code already in S3`).
    package let reason: String
}

/// A local file or folder the packager uploads as it is (state machine definitions, GraphQL
/// schemas, resolver code, ...); not built.
package struct PackagedFile: Sendable, Hashable, Codable {
    /// The stack path of the template naming it.
    package let stackPath: String
    /// The resource naming it, when it belongs to one.
    package let logicalID: String?
    /// The resource type (or metadata section, or `Fn::Transform`).
    package let resourceType: String
    /// The property path (`DefinitionUri`, `Command.ScriptLocation`).
    package let property: String
    /// The absolute local path.
    package let localPath: String
    /// `file` (uploaded as is) or `folder` (zipped by the packager).
    package let kind: String
}

/// Every build of a template tree, the resources skipped, and the plain files to package.
package struct BuildPlan: Sendable {
    /// The artifacts to build, in stack then template order.
    package var builds: [PlannedBuild]
    /// Functions and layers that need no build.
    package var skipped: [SkippedResource]
    /// Other local artifacts, for the packager.
    package var files: [PackagedFile]
    /// Image functions built from a Dockerfile by Ferry's image writer (`ImageWriter`).
    package var images: [PlannedImage] = []

    /// A plan from its parts.
    package init(builds: [PlannedBuild], skipped: [SkippedResource] = [], files: [PackagedFile] = []) {
        self.builds = builds
        self.skipped = skipped
        self.files = files
    }

    /// Only the builds used by one of `names` (a logical ID, or a qualified `Stack/Path/LogicalID`).
    /// - Throws: `BuildPlanError` naming the unknown names and the known ones.
    package func selecting(_ names: [String]) throws -> BuildPlan {
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
