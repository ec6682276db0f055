// Which files each resource is built from, and so which resources a change affects.
import Builds
import Foundation
import Templates

/// The inputs of every build (from each builder's `inputPaths(for:)`: source folder, requirements
/// files, local packages), the files the packager uploads (state machine definitions, AppSync
/// code and schemas) and the template files, so a changed path maps to the resources it affects.
package struct WatchMap: Sendable {
    /// One build's inputs and the resources using it.
    package struct BuildInputs: Sendable {
        /// The resources using the artifact.
        package let targets: [BuildTarget]
        /// Where its inputs are.
        package let inputs: [WatchRoot]
        /// True for a layer (its new content needs a deploy).
        package let isLayer: Bool
    }

    /// One packaged file and the resource naming it.
    package struct ResourceFile: Sendable {
        /// The file or folder.
        package let root: WatchRoot
        /// `Root/Flow`, or nil when no resource names it (an `AWS::Include`, metadata).
        package let qualifiedName: String?
        /// The resource type.
        package let resourceType: String
    }

    /// Resource types whose local files `ferry update` can swap.
    package static let hotswappableFileTypes: Set<String> = [
        "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine", "AWS::AppSync::Resolver",
        "AWS::AppSync::FunctionConfiguration", "AWS::AppSync::GraphQLSchema",
    ]

    /// Every template file of the tree.
    package let templates: [String]
    /// Every build.
    package let builds: [BuildInputs]
    /// Every packaged file.
    package let files: [ResourceFile]

    /// A map from its parts.
    package init(templates: [String], builds: [BuildInputs], files: [ResourceFile]) {
        self.templates = templates
        self.builds = builds
        self.files = files
    }

    /// The map of a planned template tree.
    /// - Throws: `BuilderError` when a requirements file cannot be read.
    package static func make(plan: BuildPlan, tree: TemplateTree) throws -> WatchMap {
        let templates = tree.allStacks.map { $0.templateURL.standardizedFileURL.path }
        let builds = try plan.builds.map { build in
            BuildInputs(targets: build.targets,
                        inputs: try build.builder.inputPaths(for: build.request).map(root),
                        isLayer: build.request.kind == .layer)
        }
        let files = plan.files.map { file in
            ResourceFile(root: root(file.localPath), qualifiedName: file.logicalID.map { "\(file.stackPath)/\($0)" },
                         resourceType: file.resourceType)
        }
        return WatchMap(templates: templates, builds: builds, files: files)
    }

    /// A root for `path`: a folder when it is one (or does not exist yet), else a file.
    static func root(_ path: String) -> WatchRoot {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        return WatchRoot(path: path, isFolder: !exists || isFolder.boolValue)
    }

    /// Everything to watch: template files, build inputs and packaged files, without roots that
    /// another folder root already covers.
    package var roots: [WatchRoot] {
        let all = Set(templates.map { WatchRoot(path: $0, isFolder: false) } + builds.flatMap(\.inputs) + files.map(\.root))
        let folders = all.filter(\.isFolder)
        return all.filter { candidate in
            !folders.contains { $0 != candidate && $0.contains(candidate.path) }
        }.sorted()
    }

    /// What `changes` affect. An overflowed batch counts as every build and file changed.
    package func impact(of changes: FileChangeBatch) -> WatchImpact {
        var impact = WatchImpact()
        let paths = changes.paths.sorted()
        impact.changedTemplates = templates.filter { changes.paths.contains($0) }
        var hotswap: [String] = []
        var builds: [String] = []
        for build in self.builds
        where changes.overflowed || paths.contains(where: { path in build.inputs.contains { $0.contains(path) } }) {
            builds += build.targets.map(\.qualifiedName)
            if build.isLayer {
                impact.notHotswappable += build.targets.map { "layer \($0.qualifiedName) changed: a new layer version needs a deploy" }
            } else {
                hotswap += build.targets.map(\.qualifiedName)
            }
        }
        for file in files where changes.overflowed || paths.contains(where: file.root.contains) {
            if let name = file.qualifiedName, Self.hotswappableFileTypes.contains(file.resourceType) {
                hotswap.append(name)
            } else {
                let owner = file.qualifiedName.map { "\($0) (\(file.resourceType))" } ?? file.resourceType
                impact.notHotswappable.append("\(file.root.path) of \(owner) changed: it cannot be hot-swapped")
            }
        }
        impact.builds = Self.unique(builds)
        impact.hotswap = Self.unique(hotswap)
        impact.notHotswappable = Self.unique(impact.notHotswappable)
        return impact
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
