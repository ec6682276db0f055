import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request the emulator answered (`GET /_ferry/requests`).
struct JournaledRequest: Decodable, CustomStringConvertible {
    let method: String
    let path: String
    let service: String
    let operation: String
    let write: Bool

    var description: String { "\(service).\(operation) \(method) \(path)" }
}

extension EmulatorEnvironment {
    /// Every request since the last reset or `clearJournal()`, oldest first.
    func journal() async throws -> [JournaledRequest] {
        let (data, _) = try await URLSession.shared.data(from: endpoint.appendingPathComponent("_ferry/requests"))
        struct Page: Decodable { let requests: [JournaledRequest] }
        return try JSONDecoder().decode(Page.self, from: data).requests
    }

    /// Empties the journal.
    func clearJournal() async throws {
        var request = URLRequest(url: endpoint.appendingPathComponent("_ferry/requests"))
        request.httpMethod = "DELETE"
        _ = try await URLSession.shared.data(for: request)
    }
}
