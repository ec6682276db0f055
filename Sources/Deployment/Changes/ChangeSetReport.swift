import AWSServices

/// The changes of one stack (the root or a nested one) in a change set.
package struct StackChanges: Sendable, Equatable, Codable {
    /// `root` for the top-level stack, else the logical IDs from the root: `Api/Workers`.
    package var path: String
    /// The stack's name (for the root) or the nested stack's logical ID path.
    package var stackName: String
    package var changes: [PlannedChange]

    /// The changes of one stack.
    package init(path: String, stackName: String, changes: [PlannedChange]) {
        self.path = path
        self.stackName = stackName
        self.changes = changes
    }

    /// Resources added.
    package var added: [PlannedChange] { changes.filter { $0.action == .add } }
    /// Resources modified.
    package var modified: [PlannedChange] { changes.filter { $0.action == .modify } }
    /// Resources removed.
    package var removed: [PlannedChange] { changes.filter { $0.action == .remove } }
}

/// What a change set will do, grouped by stack, with data-losing changes called out.
package struct ChangeSetReport: Sendable, Equatable, Codable {
    /// The root first, then nested stacks in the order they appear.
    package var stacks: [StackChanges]

    /// A report.
    package init(stacks: [StackChanges]) { self.stacks = stacks }

    /// Groups a root change set and the nested change sets found under its
    /// `AWS::CloudFormation::Stack` changes.
    ///
    /// - Parameters:
    ///   - root: the root change set.
    ///   - nested: nested change sets by their ChangeSetId (as a root change's `ChangeSetId` names them).
    package static func build(root: ChangeSet, stackName: String, nested: [String: ChangeSet]) -> ChangeSetReport {
        var stacks: [StackChanges] = []
        func visit(_ changeSet: ChangeSet, path: String, name: String) {
            let changes = changeSet.changes.member.compactMap(\.resourceChange)
            stacks.append(StackChanges(path: path, stackName: name, changes: changes.map(PlannedChange.init)))
            for change in changes where change.resourceType == "AWS::CloudFormation::Stack" {
                guard let id = change.changeSetId, let child = nested[id] else { continue }
                let logical = change.logicalResourceId ?? "?"
                let childPath = path == "root" ? logical : "\(path)/\(logical)"
                visit(child, path: childPath, name: child.stackName ?? childPath)
            }
        }
        visit(root, path: "root", name: stackName)
        return ChangeSetReport(stacks: stacks)
    }

    /// Every change in every stack.
    package var allChanges: [PlannedChange] { stacks.flatMap(\.changes) }
    /// Whether nothing changes.
    package var isEmpty: Bool { allChanges.isEmpty }
    /// Changes that delete or replace a resource holding data.
    package var dataLosingChanges: [PlannedChange] { allChanges.filter(\.losesData) }

    /// The number of resources the operation will touch, counted for progress. A nested stack's
    /// own resources are counted when its change set is known.
    package var resourceCount: Int { allChanges.count }

    /// `3 to add, 1 to modify, 0 to remove`.
    package var counts: String {
        let all = allChanges
        let add = all.filter { $0.action == .add }.count
        let modify = all.filter { $0.action == .modify }.count
        let remove = all.filter { $0.action == .remove }.count
        return "\(add) to add, \(modify) to modify, \(remove) to remove"
    }

    /// The summary lines for people: one heading per stack, one line per change.
    package var lines: [String] {
        var lines: [String] = []
        for stack in stacks where !stack.changes.isEmpty {
            lines.append(stack.path == "root" ? "stack \(stack.stackName):" : "nested stack \(stack.path):")
            for change in stack.changes {
                let symbol: String
                switch change.action {
                case .add: symbol = "+"
                case .modify: symbol = change.isReplacement ? "±" : "~"
                case .remove: symbol = "-"
                default: symbol = "?"
                }
                var line = "  \(symbol) \(change.logicalID) (\(change.resourceType))"
                if change.isReplacement { line += " replacement=\(change.replacement ?? "")" }
                if change.losesData {
                    line += change.action == .remove ? "  ⚠ DELETES DATA" : "  ⚠ REPLACED: DATA IS LOST"
                }
                lines.append(line)
            }
        }
        return lines
    }
}
