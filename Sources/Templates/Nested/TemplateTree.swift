import Foundation

/// One template in a tree of nested stacks.
package struct StackNode: Sendable {
    /// The stack's path from the root, e.g. `Root/Pattern2Stack/Inner`.
    package let stackPath: String
    /// The logical ID of the `AWS::CloudFormation::Stack`/`AWS::Serverless::Application` in the parent;
    /// nil for the root.
    package let logicalID: LogicalID?
    /// The template.
    package let template: Template
    /// The template's file.
    package let templateURL: URL
    /// The template's local artifacts (nested templates included, as `.nestedTemplate`; those of
    /// resources whose condition is false marked ``LocalArtifact/excludedByCondition``).
    package let artifacts: [LocalArtifact]
    /// Nested stacks whose templates are local files and whose condition is not false, in template order.
    package let children: [StackNode]
    /// The stack's values: its parameters (from the parent's `Parameters`, else defaults), conditions and mappings.
    package var evaluator: TemplateEvaluator
    /// Local paths of this template that do not exist.
    package var missingArtifacts: [MissingArtifact] = []
    /// Notes about how this template was read, to show once.
    package var notes: [String] = []

    /// A node.
    package init(stackPath: String, logicalID: LogicalID?, template: Template, templateURL: URL, artifacts: [LocalArtifact],
                children: [StackNode], evaluator: TemplateEvaluator? = nil) {
        self.stackPath = stackPath
        self.logicalID = logicalID
        self.template = template
        self.templateURL = templateURL
        self.artifacts = artifacts
        self.children = children
        self.evaluator = evaluator ?? TemplateEvaluator(template: template)
    }

    /// Whether the resource `id` is created in this environment (its condition is not known to be false).
    package func includes(_ id: LogicalID) -> Bool {
        guard let resource = template.resources[id] else { return false }
        return !evaluator.excludes(resource)
    }
}

/// A root template and every nested template it points at through local paths.
package struct TemplateTree: Sendable {
    /// The root stack.
    package let root: StackNode

    /// Loads `url` and, recursively, every local nested template whose condition is not false.
    /// - Parameters:
    ///   - rootName: the first component of every stack path.
    ///   - parameters: the root stack's parameter values (overrides, configuration, deployed
    ///     values); the others take their `Default`. Nested stacks get theirs from their parent's
    ///     `Parameters`, evaluated.
    ///   - pseudoParameters: `Region`, `AccountId`, `StackName`, ... when known.
    /// - Throws: ``TemplateError`` for unreadable templates or a cycle (`nestedCycle`). Paths that
    ///   do not exist are not thrown here: see ``requireArtifacts(neededToBuild:)``.
    package static func load(rootTemplate url: URL, rootName: String = "Root", parameters: [String: String] = [:],
                            pseudoParameters: [String: String] = [:]) throws -> TemplateTree {
        let template = try TemplateLoader.load(contentsOf: url.standardizedFileURL, parameterValues: parameters)
        let evaluator = TemplateEvaluator(template: template, parameterValues: parameters, pseudoParameters: pseudoParameters)
        let root = try loadNode(template: template, url: url.standardizedFileURL, stackPath: rootName, logicalID: nil,
                                evaluator: evaluator, chain: [])
        return TemplateTree(root: root)
    }

    /// Every stack, parents before children, in template order.
    package var allStacks: [StackNode] {
        var result: [StackNode] = []
        func visit(_ node: StackNode) {
            result.append(node)
            node.children.forEach(visit)
        }
        visit(root)
        return result
    }

    /// Every stack, children before parents: the order nested templates must be packaged in.
    package var bottomUp: [StackNode] {
        var result: [StackNode] = []
        func visit(_ node: StackNode) {
            node.children.forEach(visit)
            result.append(node)
        }
        visit(root)
        return result
    }

    /// The stack at `stackPath`, if any.
    package func stack(at stackPath: String) -> StackNode? {
        allStacks.first { $0.stackPath == stackPath }
    }

    /// Every note of every stack, in stack order.
    package var notes: [String] { allStacks.flatMap(\.notes) }

    /// Throws the first missing local path: of Lambda code, layer content and nested templates
    /// only when `neededToBuild` (what `ferry build` needs), else of every packageable property.
    /// - Throws: ``TemplateError`` with code `missingLocalArtifact`.
    package func requireArtifacts(neededToBuild: Bool = false) throws {
        for stack in allStacks {
            if let missing = stack.missingArtifacts.first(where: { !neededToBuild || $0.isNeededToBuild }) {
                throw missing.error
            }
        }
    }

    private static func loadNode(template: Template, url: URL, stackPath: String, logicalID: LogicalID?,
                                 evaluator: TemplateEvaluator, chain: [(path: String, stack: String)]) throws -> StackNode {
        let scan = ArtifactDiscovery.scan(template, templateURL: url, evaluator: evaluator)
        let chainHere = chain + [(url.path, stackPath)]
        var children: [StackNode] = []
        for artifact in scan.artifacts where artifact.kind == .nestedTemplate && artifact.excludedByCondition == nil {
            guard let childID = artifact.logicalID else { continue }
            let childURL = artifact.localPath.standardizedFileURL
            if chainHere.contains(where: { $0.path == childURL.path }) {
                let names = chainHere.map { "\($0.stack) (\(($0.path as NSString).lastPathComponent))" }
                throw TemplateError.nestedCycle(names + ["\(stackPath)/\(childID) (\(childURL.lastPathComponent))"],
                                                file: url.path, line: artifact.line, logicalID: childID)
            }
            let childValues = Self.childParameters(of: template.resources[childID], parent: evaluator)
            let childTemplate = try TemplateLoader.load(contentsOf: childURL, parameterValues: childValues.values)
            let childEvaluator = Self.childEvaluator(childValues, parent: evaluator, child: childTemplate)
            children.append(try loadNode(template: childTemplate, url: childURL, stackPath: "\(stackPath)/\(childID)",
                                         logicalID: childID, evaluator: childEvaluator, chain: chainHere))
        }
        var node = StackNode(stackPath: stackPath, logicalID: logicalID, template: template, templateURL: url,
                             artifacts: scan.artifacts, children: children, evaluator: evaluator)
        node.missingArtifacts = scan.missing
        node.notes = scan.notes
        return node
    }

    /// The evaluator of a nested stack: its `Parameters` as the parent evaluates them (see
    /// ``childParameters(of:parent:)``) and the parent's region, account and partition (not its stack name).
    static func childEvaluator(_ parameters: (values: [String: String], unknown: [String: Unevaluable]),
                               parent: TemplateEvaluator, child: Template) -> TemplateEvaluator {
        var pseudo = parent.pseudoParameters
        pseudo["AWS::StackName"] = nil
        pseudo["AWS::StackId"] = nil
        return TemplateEvaluator(template: child, parameterValues: parameters.values, unknown: parameters.unknown,
                                 pseudoParameters: pseudo)
    }

    /// A nested stack's `Parameters` as the parent evaluates them: known values (which also decide
    /// the child's `AWS::LanguageExtensions` loops) and those only CloudFormation knows.
    static func childParameters(of resource: Resource?, parent: TemplateEvaluator)
        -> (values: [String: String], unknown: [String: Unevaluable]) {
        var values: [String: String] = [:]
        var unknown: [String: Unevaluable] = [:]
        for (name, value) in resource?.properties["Parameters"]?.mapValue ?? TemplateMap() {
            do {
                guard let evaluated = try parent.value(value) else { continue }
                if let text = evaluated.scalarText {
                    values[name] = text
                } else if let items = evaluated.listValue {
                    values[name] = items.compactMap(\.scalarText).joined(separator: ",")
                }
            } catch {
                unknown[name] = Unevaluable(.parameterNotKnown(name, because: "\(error)"))
            }
        }
        return (values, unknown)
    }
}
