/// Something wrong with a template: what, where (file, line, logical ID) and what to do about it.
package struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// A stable name for the kind of problem, for callers and tests that branch on it.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        fileprivate init(_ name: String) { self.name = name }
        /// The code's name.
        package var description: String { name }

        /// The file could not be read.
        package static let unreadableFile = Code("unreadableFile")
        /// The YAML or JSON text is not well formed.
        package static let syntax = Code("syntax")
        /// A mapping holds the same key twice.
        package static let duplicateKey = Code("duplicateKey")
        /// A `!Tag` that is not a CloudFormation short form, or an `{"Fn::X": ...}` CloudFormation does not know.
        package static let unknownTag = Code("unknownTag")
        /// A short form used with an argument it cannot take (e.g. `!GetAtt NoDot`).
        package static let malformedTag = Code("malformedTag")
        /// The template or one of its sections has the wrong shape.
        package static let invalidStructure = Code("invalidStructure")
        /// An artifact property points at a local path that does not exist.
        package static let missingLocalArtifact = Code("missingLocalArtifact")
        /// Nested templates include each other.
        package static let nestedCycle = Code("nestedCycle")
    }

    fileprivate enum Kind: Sendable {
        case unreadableFile(reason: String)
        case syntax(problem: String)
        case duplicateKey(key: String, firstLine: Int?)
        case unknownTag(String)
        case malformedTag(tag: String, problem: String)
        case invalidStructure(problem: String)
        case missingLocalArtifact(property: String, path: String)
        case nestedCycle(chain: [String])
    }

    private let kind: Kind
    /// The template file, when known.
    package let file: String?
    /// The 1-based line, when known.
    package let line: Int?
    /// The resource the problem is in, when known.
    package let logicalID: LogicalID?

    private init(_ kind: Kind, file: String?, line: Int?, logicalID: LogicalID?) {
        self.kind = kind
        self.file = file
        self.line = line
        self.logicalID = logicalID
    }

    /// The kind of problem.
    package var code: Code {
        switch kind {
        case .unreadableFile: return .unreadableFile
        case .syntax: return .syntax
        case .duplicateKey: return .duplicateKey
        case .unknownTag: return .unknownTag
        case .malformedTag: return .malformedTag
        case .invalidStructure: return .invalidStructure
        case .missingLocalArtifact: return .missingLocalArtifact
        case .nestedCycle: return .nestedCycle
        }
    }

    /// `file:line (resource X): problem. What to do.`
    package var description: String {
        var place = file ?? "<template>"
        if let line { place += ":\(line)" }
        if let logicalID { place += " (resource \(logicalID))" }
        return "\(place): \(message)"
    }

    private var message: String {
        switch kind {
        case .unreadableFile(let reason):
            return "cannot read the template (\(reason)). Check the path and its permissions."
        case .syntax(let problem):
            return "not valid YAML/JSON: \(problem). Fix the syntax at this line."
        case .duplicateKey(let key, let firstLine):
            let first = firstLine.map { " (first at line \($0))" } ?? ""
            return "key '\(key)' appears twice in the same mapping\(first). Keep one of them: "
                + "CloudFormation would silently use only the last."
        case .unknownTag(let name) where name.hasPrefix("Fn::"):
            return "unknown intrinsic function '\(name)'. Use one CloudFormation knows (Ref, Fn::Sub, Fn::GetAtt, "
                + "Fn::If, Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64, Fn::Cidr, Fn::ImportValue, "
                + "Fn::GetAZs, Fn::Equals, Fn::And, Fn::Or, Fn::Not, Fn::Transform, Fn::Length, Fn::ToJsonString)."
        case .unknownTag(let tag):
            return "unknown tag '\(tag)'. Use a CloudFormation short form (!Ref, !GetAtt, !Sub, !If, !Join, "
                + "!Select, !Split, !FindInMap, !Base64, !Cidr, !ImportValue, !GetAZs, !Equals, !And, !Or, "
                + "!Not, !Condition, !Transform) or the long form {\"Fn::Name\": ...}."
        case .malformedTag(let tag, let problem):
            return "\(tag) \(problem)."
        case .invalidStructure(let problem):
            return problem
        case .missingLocalArtifact(let property, let path):
            return "\(property) points at '\(path)', which does not exist. Fix the path (it is relative to "
                + "the template's folder), build first, or use an s3:// URI."
        case .nestedCycle(let chain):
            return "nested templates include each other: \(chain.joined(separator: " -> ")). "
                + "Remove the reference that closes the loop."
        }
    }
}

extension TemplateError {
    static func unreadableFile(_ file: String, reason: String) -> TemplateError {
        TemplateError(.unreadableFile(reason: reason), file: file, line: nil, logicalID: nil)
    }
    static func syntax(_ problem: String, file: String?, line: Int?, logicalID: LogicalID?) -> TemplateError {
        TemplateError(.syntax(problem: problem), file: file, line: line, logicalID: logicalID)
    }
    static func duplicateKey(_ key: String, firstLine: Int?, file: String?, line: Int?,
                             logicalID: LogicalID?) -> TemplateError {
        TemplateError(.duplicateKey(key: key, firstLine: firstLine), file: file, line: line, logicalID: logicalID)
    }
    static func unknownTag(_ tag: String, file: String?, line: Int?, logicalID: LogicalID?) -> TemplateError {
        TemplateError(.unknownTag(tag), file: file, line: line, logicalID: logicalID)
    }
    static func malformedTag(_ tag: String, _ problem: String, file: String?, line: Int?,
                             logicalID: LogicalID?) -> TemplateError {
        TemplateError(.malformedTag(tag: tag, problem: problem), file: file, line: line, logicalID: logicalID)
    }
    static func invalidStructure(_ problem: String, file: String?, line: Int?,
                                 logicalID: LogicalID?) -> TemplateError {
        TemplateError(.invalidStructure(problem: problem), file: file, line: line, logicalID: logicalID)
    }
    static func missingLocalArtifact(property: String, path: String, file: String?, line: Int?,
                                     logicalID: LogicalID?) -> TemplateError {
        TemplateError(.missingLocalArtifact(property: property, path: path), file: file, line: line,
                      logicalID: logicalID)
    }
    static func nestedCycle(_ chain: [String], file: String?, line: Int?, logicalID: LogicalID?) -> TemplateError {
        TemplateError(.nestedCycle(chain: chain), file: file, line: line, logicalID: logicalID)
    }
}
