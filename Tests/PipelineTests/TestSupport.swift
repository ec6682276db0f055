import Configuration
import Foundation
import Reporting
import Synchronization

/// Collects events for assertions.
final class RecordingSink: EventSink {
    private let events = Mutex<[any FerryEvent]>([])

    func emit(_ event: any FerryEvent) { events.withLock { $0.append(event) } }

    /// Every event so far.
    var all: [any FerryEvent] { events.withLock { $0 } }
    /// The kinds, in order.
    var kinds: [String] { all.map(\.kind) }
}

/// An environment parsed from ferry.toml text for `dev`.
func environment(_ extra: String) throws -> EnvironmentConfiguration {
    let text = "[env.dev]\nstack_name = \"app-dev\"\n" + extra
    return try ProjectConfiguration.parse(text: text, file: URL(fileURLWithPath: "/p/ferry.toml")).environment(named: "dev")
}

/// A fresh empty folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-pipeline-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
