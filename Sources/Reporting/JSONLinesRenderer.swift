import Foundation
import Synchronization

/// Renders each event as one JSON object on one line, for machines (`--json`).
///
/// Every line has `event` (the kind), `level`, `message` and the event's own fields under `data`.
package final class JSONLinesRenderer: EventSink {
    private let out: any TextOutput
    private let minimumLevel: EventLevel
    private let lock = Mutex(())

    package init(out: any TextOutput = FileHandleOutput.standardOutput, minimumLevel: EventLevel = .info) {
        self.out = out
        self.minimumLevel = minimumLevel
    }

    package func emit(_ event: any FerryEvent) {
        guard event.level >= minimumLevel else { return }
        let line = JSONLine(event: event.kind, level: event.level, message: event.message, data: AnyEncodable(event))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(line), let text = String(data: data, encoding: .utf8) else { return }
        lock.withLock { _ in out.write(text + "\n") }
    }
}

private struct JSONLine: Encodable {
    let event: String
    let level: EventLevel
    let message: String
    let data: AnyEncodable
}

private struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
