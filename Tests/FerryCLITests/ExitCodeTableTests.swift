// README.md's exit-code table and `FerryExitCode` say the same thing, row by row.
import Foundation
import Pipeline
import Testing
@testable import FerryCLI

@Suite("exit codes")
struct ExitCodeTableTests {
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    /// The `| code | meaning |` rows of README.md's exit-code table.
    static func readmeRows() throws -> [(code: Int32, meaning: String)] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let header = text.range(of: "| exit code | meaning |") else { return [] }
        var rows: [(Int32, String)] = []
        for line in text[header.upperBound...].split(separator: "\n").dropFirst() {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count == 2, let code = Int32(cells[0]) { rows.append((code, cells[1])) }
        }
        return rows
    }

    @Test("README.md's table has one row per FerryExitCode case, in order, with its summary")
    func readmeMatchesEnum() throws {
        let rows = try Self.readmeRows()
        #expect(rows.map(\.code) == FerryExitCode.allCases.map(\.rawValue))
        for (row, code) in zip(rows, FerryExitCode.allCases) {
            #expect(row.meaning == code.summary, "README row \(row.code)")
        }
    }

    @Test("ferry --help prints every code with its summary")
    func helpListsEveryCode() {
        for code in FerryExitCode.allCases {
            #expect(FerryExitCode.documentation.contains("\(code.rawValue)"))
            #expect(FerryExitCode.documentation.contains(code.summary))
        }
    }

    @Test("each failure category maps to its documented code")
    func categories() {
        #expect(FerryExitCode.code(for: .badInput) == .usage)
        #expect(FerryExitCode.code(for: .awsConfiguration) == .awsConfiguration)
        #expect(FerryExitCode.code(for: .missingTool) == .missingTool)
        #expect(FerryExitCode.code(for: .operationFailed) == .failure)
    }
}
