import Foundation
import Testing

extension Integration.Up {
    /// The lines a person reads in a CI log (stdout is a pipe, no `--json`, no `--verbose`).
    static func lines(_ run: FerryRun) -> [String] {
        run.stdout.split(separator: "\n").map(String.init)
    }

    /// Off a terminal, `ferry up` is concise: a no-op in at most 4 lines, a one-function
    /// hot-swap in at most 8, each change said once and nothing per unchanged artifact;
    /// `--verbose` keeps every event.
    @Test func conciseOutputFitsItsLineBudgets() async throws {
        let project = try await Self.deployed()
        let idle = try await project.ferry(["up", "--env", "dev"])
        #expect(idle.exitCode == 0, "\(idle.output)")
        let idleLines = Self.lines(idle)
        #expect(idleLines.count <= 4, "a no-op up: \(idle.stdout)")
        #expect(idleLines.contains("✓ build: built 0, cached 4 in \(Self.after(idleLines, "cached 4 in "))"), "\(idle.stdout)")
        #expect(!idle.stdout.contains("cached Root/"), "no line per cached artifact: \(idle.stdout)")
        #expect(idleLines.last?.contains("up to date, nothing to do") == true, "\(idle.stdout)")

        try project.folder.write("src/a/app.py", Self.handler("a2"))
        let swap = try await project.ferry(["up", "--env", "dev"])
        #expect(swap.exitCode == 0, "\(swap.output)")
        let swapLines = Self.lines(swap)
        #expect(swapLines.count <= 8, "a one-function hot-swap: \(swap.stdout)")
        #expect(swapLines.filter { $0.contains("built Root/FnA") }.count == 1, "\(swap.stdout)")
        #expect(swapLines.filter { $0.contains("uploaded Root/FnA") }.count == 1, "\(swap.stdout)")
        #expect(swapLines.filter { $0.hasPrefix("✓ Root/FnA (") }.count == 1, "the swap, said once: \(swap.stdout)")
        #expect(swapLines.filter { $0.contains("Root/FnA") }.count == 3, "built, uploaded, swapped: \(swap.stdout)")
        #expect(swapLines.last?.contains("hot-swapped 1 resource(s)") == true, "\(swap.stdout)")

        // FnA now runs ahead of its template: the no-op says so once, not once per function.
        let ahead = try await project.ferry(["up", "--env", "dev"])
        #expect(ahead.exitCode == 0, "\(ahead.output)")
        #expect(Self.lines(ahead).count <= 4, "\(ahead.stdout)")
        #expect(Self.lines(ahead).filter { $0.contains("ahead of") }.count == 1, "\(ahead.stdout)")

        try project.folder.write("src/b/app.py", "import shared\n" + Self.handler("b2"))
        let verbose = try await project.ferry(["up", "--env", "dev", "--verbose"])
        #expect(verbose.exitCode == 0, "\(verbose.output)")
        #expect(verbose.stdout.contains("cached Root/FnA"), "--verbose keeps every cached artifact: \(verbose.stdout)")
        #expect(verbose.stdout.contains("building Root/FnB"), "\(verbose.stdout)")
        #expect(Self.lines(verbose).count > 8, "\(verbose.stdout)")
    }

    /// What follows `prefix` in the line that contains it (the build's time).
    static func after(_ lines: [String], _ prefix: String) -> String {
        guard let line = lines.first(where: { $0.contains(prefix) }), let range = line.range(of: prefix) else { return "?" }
        return String(line[range.upperBound...])
    }

    /// A first deploy off a terminal: one line per resource when it is done, counted with
    /// totals that never go backwards.
    @Test func aFirstDeployCountsResourcesForward() async throws {
        let project = try await Self.project()
        let first = try await project.ferry(["up", "--env", "dev", "--yes"])
        #expect(first.exitCode == 0, "\(first.output)")
        let counters = Self.lines(first).compactMap { line -> (Int, Int)? in
            guard line.hasPrefix("• [") else { return nil }
            let parts = line.dropFirst(3).prefix { $0 != " " }.split(separator: "/").compactMap { Int($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
        #expect(counters.count >= 8, "one line per resource: \(first.stdout)")
        for (earlier, later) in zip(counters, counters.dropFirst()) {
            #expect(later.0 > earlier.0 && later.1 >= earlier.1, "\(earlier) then \(later): \(first.stdout)")
        }
        #expect(!first.stdout.contains("_IN_PROGRESS"), "\(first.stdout)")
        let nested = Self.lines(first).first { $0.contains(" FnD CREATE_COMPLETE AWS::Lambda::Function") }
        #expect(nested?.contains("] Child (") == true, "nested resources by stack path: \(first.stdout)")
    }
}
