// The error of the first stage of a build: planning it from the template (before anything runs).
import Templates

/// A resource cannot be built as declared: says which one, where, and what is supported.
///
/// Always bad input (exit 64). Running a builder throws ``BuilderError``, the files stage
/// ``BuildFilesError``, a whole run ``BuildRunError``.
package struct BuildPlanError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case unsupportedRuntime(runtime: String, supported: String)
        case missingRuntime(supported: String)
        case unsupportedBuildMethod(method: String, supported: String)
        case codeIsSingleFile(path: String)
        case unknownLogicalIDs(requested: [String], known: [String])
        case imageBuildNotSupported(detail: String)
        case badBuildProperties(detail: String)
        case codeLinkLeavesProject(path: String, target: String, project: String)
    }

    let kind: Kind
    /// The resource's logical ID, when the error is about one.
    package let logicalID: LogicalID?
    /// The resource's stack path (`Root/Pattern2Stack`).
    package let stackPath: String?
    /// The template file that declares it.
    package let file: String?
    /// The line of the offending property (or of the resource).
    package let line: Int?

    init(_ kind: Kind, logicalID: LogicalID? = nil, stackPath: String? = nil, file: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.logicalID = logicalID
        self.stackPath = stackPath
        self.file = file
        self.line = line
    }

    /// What is wrong, where, and what to do.
    package var description: String {
        var place = ""
        if let file { place = line.map { "\(file):\($0): " } ?? "\(file): " }
        let resource = logicalID.map { id in stackPath.map { "\($0)/\(id)" } ?? id.rawValue } ?? "?"
        switch kind {
        case let .unsupportedRuntime(runtime, supported):
            return "\(place)\(resource) uses runtime '\(runtime)', which Ferry cannot build. "
                + "Supported: \(supported)."
        case let .missingRuntime(supported):
            return "\(place)\(resource) has no Runtime, so Ferry does not know how to build it. "
                + "Set Runtime, or use one of: \(supported)."
        case let .unsupportedBuildMethod(method, supported):
            return "\(place)\(resource) has Metadata BuildMethod '\(method)', which Ferry cannot build. "
                + "Supported: \(supported)."
        case let .codeIsSingleFile(path):
            return "\(place)the code of \(resource) is the single file '\(path)'. Point it at the folder "
                + "that holds the file, or at a .zip."
        case let .badBuildProperties(detail):
            return "\(place)\(resource) has Metadata BuildMethod esbuild, but \(detail). "
                + "See https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-sam-cli-using-build-typescript.html"
        case let .imageBuildNotSupported(detail):
            return "\(place)\(resource) has PackageType: Image and \(detail), so there is nothing to build or deploy. "
                + "Add Metadata: {Dockerfile: Dockerfile, DockerContext: ./folder} so Ferry builds the image, or set "
                + "ImageUri to an image already pushed (Ferry then deploys the function as it is)."
        case let .codeLinkLeavesProject(path, target, project):
            return "\(place)the code of \(resource) is '\(path)', a symbolic link to '\(target)', outside the project "
                + "'\(project)'. Ferry does not zip folders outside the project through links: point CodeUri at the "
                + "real folder (a relative path such as ../shared is fine), or copy the code into the project."
        case let .unknownLogicalIDs(requested, known):
            return "No buildable function or layer named \(requested.joined(separator: ", ")). "
                + "Known: \(known.joined(separator: ", "))."
        }
    }
}
