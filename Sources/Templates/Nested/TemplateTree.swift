import Foundation

/// One template in a tree of nested stacks.
public struct StackNode: Sendable {
    /// The stack's path from the root, e.g. `Root/Pattern2Stack/Inner`.
    public let stackPath: String
    /// The logical ID of the `AWS::CloudFormation::Stack`/`AWS::Serverless::Application` in the parent;
    /// nil for the root.
    public let logicalID: LogicalID?
    /// The template.
    public let template: Template
    /// The template's file.
    public let templateURL: URL
    /// The template's local artifacts (nested templates included, as `.nestedTemplate`).
    public let artifacts: [LocalArtifact]
    /// Nested stacks whose templates are local files, in template order.
    public let children: [StackNode]
}

/// A root template and every nested template it points at through local paths.
public struct TemplateTree: Sendable {
    /// The root stack.
    public let root: StackNode

    /// Loads `url` and, recursively, every local nested template.
    /// - Parameters:
    ///   - rootName: the first component of every stack path.
    ///   - parameterValues: the root template's parameter values (for `AWS::LanguageExtensions` loops).
    /// - Throws: ``TemplateError`` for unreadable templates, missing artifacts, or a cycle (`nestedCycle`).
    public static func load(rootTemplate url: URL, rootName: String = "Root",
                            parameterValues: [String: String] = [:]) throws -> TemplateTree {
        let root = try loadNode(url: url.standardizedFileURL, stackPath: rootName, logicalID: nil, chain: [],
                                parameterValues: parameterValues)
        return TemplateTree(root: root)
    }

    /// Every stack, parents before children, in template order.
    public var allStacks: [StackNode] {
        var result: [StackNode] = []
        func visit(_ node: StackNode) {
            result.append(node)
            node.children.forEach(visit)
        }
        visit(root)
        return result
    }

    /// Every stack, children before parents: the order nested templates must be packaged in.
    public var bottomUp: [StackNode] {
        var result: [StackNode] = []
        func visit(_ node: StackNode) {
            node.children.forEach(visit)
            result.append(node)
        }
        visit(root)
        return result
    }

    /// The stack at `stackPath`, if any.
    public func stack(at stackPath: String) -> StackNode? {
        allStacks.first { $0.stackPath == stackPath }
    }

    private static func loadNode(url: URL, stackPath: String, logicalID: LogicalID?,
                                 chain: [(path: String, stack: String)], parameterValues: [String: String] = [:]) throws -> StackNode {
        let template = try TemplateLoader.load(contentsOf: url, parameterValues: parameterValues)
        let artifacts = try ArtifactDiscovery.localArtifacts(in: template, templateURL: url)
        let chainHere = chain + [(url.path, stackPath)]
        var children: [StackNode] = []
        for artifact in artifacts where artifact.kind == .nestedTemplate {
            guard let childID = artifact.logicalID else { continue }
            let childURL = artifact.localPath.standardizedFileURL
            if chainHere.contains(where: { $0.path == childURL.path }) {
                let names = chainHere.map { "\($0.stack) (\(($0.path as NSString).lastPathComponent))" }
                throw TemplateError.nestedCycle(names + ["\(stackPath)/\(childID) (\(childURL.lastPathComponent))"],
                                                file: url.path, line: artifact.line, logicalID: childID)
            }
            children.append(try loadNode(url: childURL, stackPath: "\(stackPath)/\(childID)",
                                         logicalID: childID, chain: chainHere))
        }
        return StackNode(stackPath: stackPath, logicalID: logicalID, template: template, templateURL: url,
                         artifacts: artifacts, children: children)
    }
}
