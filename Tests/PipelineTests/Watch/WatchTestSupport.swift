import Foundation
@testable import Pipeline

/// A temporary folder removed when the value goes away.
final class WatchTemporaryFolder: Sendable {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-watch-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Resolve /tmp links so paths match what the watchers report.
        path = url.resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` at `relative`, creating folders; returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func absolute(_ relative: String) -> String { path + "/" + relative }
}

/// Collects batches from `stream` until `done` says the collected paths are enough, or 10 s pass
/// (a guard against hanging, not a timing assertion); returns every path seen.
func collect(_ stream: AsyncStream<FileChangeBatch>, until done: @escaping @Sendable (Set<String>) -> Bool) async -> Set<String> {
    await withTaskGroup(of: Set<String>?.self) { group in
        group.addTask {
            var seen: Set<String> = []
            for await batch in stream {
                seen.formUnion(batch.paths)
                if done(seen) { return seen }
            }
            return seen
        }
        group.addTask {
            try? await Task.sleep(for: .seconds(10))
            return nil
        }
        var result: Set<String> = []
        for await value in group {
            if let value {
                result = value
                group.cancelAll()
                break
            }
            group.cancelAll()
            break
        }
        return result
    }
}
