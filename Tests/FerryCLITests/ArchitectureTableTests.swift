// ARCHITECTURE.md's module table, Package.swift's target dependencies and the `import` lines of
// every source file say the same thing.
import Foundation
import Testing

@Suite struct ArchitectureTableTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // FerryCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// Modules of the toolchain and the platform: not targets, never in the table.
    static let platform: Set<String> = [
        "Foundation", "FoundationNetworking", "FoundationEssentials", "Darwin", "Glibc", "Musl", "Dispatch",
        "Synchronization", "Testing", "XCTest", "PackageDescription",
    ]

    /// The modules the Swift files under `folder` import (platform modules left out).
    static func imports(under folder: URL) throws -> Set<String> {
        var found = Set<String>()
        let pattern = try Regex(#"^\s*(?:@testable\s+|@_exported\s+|public\s+|package\s+|internal\s+)*import\s+(?:struct\s+|enum\s+|class\s+|func\s+)?([A-Za-z_][A-Za-z0-9_]*)"#)
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        for case let url as URL in walker where url.pathExtension == "swift" {
            var inMultilineString = false  // embedded scripts (`import sys` in a Python fixture) are not imports
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                let quotes = line.ranges(of: "\"\"\"").count
                if inMultilineString || quotes > 0 {
                    if quotes % 2 == 1 { inMultilineString.toggle() }
                    continue
                }
                if let match = line.firstMatch(of: pattern), let name = match.output[1].substring {
                    found.insert(String(name))
                }
            }
        }
        return found.subtracting(platform)
    }

    /// Every target of Package.swift: its folder and its declared dependencies (products by name).
    static func packageTargets() throws -> [String: (folder: URL, dependencies: Set<String>)] {
        var text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        text = text.replacing(try Regex(#"\.product\(\s*name:\s*"([^"]+)"\s*,\s*package:\s*"[^"]+"\s*\)"#)) { "\"\($0.output[1].substring ?? "")\"" }
        var targets: [String: (folder: URL, dependencies: Set<String>)] = [:]
        let kinds = try Regex(#"\.(target|executableTarget|testTarget|systemLibrary)\("#)
        let starts = text.matches(of: kinds)
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].range.lowerBound : text.endIndex
            let chunk = text[start.range.upperBound..<end]
            guard let name = chunk.firstMatch(of: try Regex(#"name:\s*"([^"]+)""#))?.output[1].substring else { continue }
            var dependencies = Set<String>()
            if let list = chunk.firstMatch(of: try Regex(#"dependencies:\s*\[([^\]]*)\]"#))?.output[1].substring {
                for quoted in list.matches(of: try Regex(#""([^"]+)""#)) {
                    if let value = quoted.output[1].substring { dependencies.insert(String(value)) }
                }
            }
            let kind = start.output[1].substring ?? ""
            let folder: URL
            if let path = chunk.firstMatch(of: try Regex(#"path:\s*"([^"]+)""#))?.output[1].substring {
                folder = root.appendingPathComponent(String(path))
            } else {
                folder = root.appendingPathComponent(kind == "testTarget" ? "Tests" : "Sources").appendingPathComponent(String(name))
            }
            targets[String(name)] = (folder, dependencies)
        }
        return targets
    }

    /// ARCHITECTURE.md's module table: target → the modules it may import.
    static func table() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        guard let section = text.components(separatedBy: "## Modules").dropFirst().first else { return [:] }
        var rows: [String: Set<String>] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else { continue }
            let target = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let allowed = cells[3].replacing(try Regex(#"\([^)]*\)"#), with: "")
            rows[target] = Set(allowed.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `—")) }
                .filter { !$0.isEmpty })
        }
        return rows
    }

    @Test("every Sources target has a row in ARCHITECTURE.md's table, and its imports are exactly the row's")
    func tableMatchesImports() throws {
        let table = try Self.table()
        let targets = try Self.packageTargets()
        let sources = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Sources").path)
        #expect(!table.isEmpty && !targets.isEmpty)
        for name in sources.sorted() {
            guard let row = table[name] else {
                Issue.record("Sources/\(name) has no row in ARCHITECTURE.md's module table")
                continue
            }
            let imported = try Self.imports(under: Self.root.appendingPathComponent("Sources").appendingPathComponent(name))
            #expect(imported == row, "\(name) imports \(imported.sorted()), ARCHITECTURE.md says \(row.sorted())")
        }
        for name in table.keys.sorted() where !sources.contains(name) {
            Issue.record("ARCHITECTURE.md names \(name), which is not a folder of Sources/")
        }
    }

    @Test("every target declares in Package.swift each target or product it imports")
    func packageDeclaresEveryImport() throws {
        let targets = try Self.packageTargets()
        #expect(targets["Pipeline"] != nil && targets["IntegrationTests"] != nil)
        for (name, target) in targets.sorted(by: { $0.key < $1.key }) {
            let imported = try Self.imports(under: target.folder).subtracting([name])
            let undeclared = imported.subtracting(target.dependencies)
            #expect(undeclared.isEmpty, "\(name) imports \(undeclared.sorted()) without declaring it in Package.swift")
        }
    }

    @Test("no Sources declaration is `public`: the package ships one executable, so `package` is the widest access any target needs")
    func nothingIsPublic() throws {
        let declaration = try Regex(#"^\s*(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*(?:[a-z]+\s+)*public\s+(?!access)"#)
        var offenders: [String] = []
        let sources = Self.root.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else {
            Issue.record("no Sources folder at \(sources.path)")
            return
        }
        for case let url as URL in walker where url.pathExtension == "swift" {
            for (index, line) in try String(contentsOf: url, encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(declaration) {
                offenders.append("\(url.path.replacingOccurrences(of: Self.root.path + "/", with: "")):\(index + 1)")
            }
        }
        #expect(offenders.isEmpty, "declared `public` (use `package`): \(offenders.prefix(20))")
    }
}
