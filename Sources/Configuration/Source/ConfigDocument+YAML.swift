// samconfig.yaml / samconfig.yml: the same tables as samconfig.toml, written in YAML.
import Foundation
import Yams

extension ConfigDocument {
    /// Parses YAML `text` (SAM CLI's `samconfig.yaml`) into the same tree a samconfig.toml gives:
    /// mappings become tables, sequences arrays, scalars strings, integers, floats or booleans as
    /// YAML resolves them; every key's line is kept for messages.
    init(yamlText text: String, file: String) throws {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            var line: Int?, column: Int?
            switch error {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
                line = mark.line
                column = mark.column
            default:
                break
            }
            throw ConfigurationError.syntax(file: file, line: line, column: column, message: "\(error)")
        } catch {
            throw ConfigurationError.syntax(file: file, line: nil, column: nil, message: "\(error)")
        }
        var positions: [KeyPath: SourceLineIndex.Position] = [:]
        let tree = node.map { Self.convert($0, at: KeyPath(), &positions) } ?? .table([:])
        guard case .table(let root) = tree else {
            throw ConfigurationError.syntax(file: file, line: node?.mark?.line, column: nil,
                                            message: "the file must be a mapping of environments (default:, dev:, ...)")
        }
        self.init(file: file, root: root, index: SourceLineIndex(positions: positions))
    }

    /// Reads `url` as YAML.
    init(yamlContentsOf url: URL) throws {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError.io(file: url.path, operation: "read \(url.path)", reason: error.localizedDescription)
        }
        try self.init(yamlText: text, file: url.path)
    }

    /// Whether `url` names a YAML file (`.yaml`, `.yml`).
    static func isYAML(_ url: URL) -> Bool { ["yaml", "yml"].contains(url.pathExtension.lowercased()) }

    private static func convert(_ node: Node, at path: KeyPath, _ positions: inout [KeyPath: SourceLineIndex.Position]) -> TOMLNode {
        switch node {
        case .mapping(let mapping):
            var table: [String: TOMLNode] = [:]
            for (key, value) in mapping {
                let name = key.string ?? "\(key)"
                let child = path.appending(name)
                if let mark = key.mark, positions[child] == nil {
                    positions[child] = SourceLineIndex.Position(line: mark.line, column: mark.column)
                }
                table[name] = convert(value, at: child, &positions)
            }
            return .table(table)
        case .sequence(let sequence):
            return .array(sequence.map { convert($0, at: path, &positions) })
        case .scalar(let scalar):
            switch node.tag.description {
            case Tag.Name.bool.rawValue: return node.bool.map(TOMLNode.boolean) ?? .string(scalar.string)
            case Tag.Name.int.rawValue: return node.int.map(TOMLNode.integer) ?? .string(scalar.string)
            case Tag.Name.float.rawValue: return node.float.map(TOMLNode.float) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .alias:
            return .string("")
        }
    }
}
