import AWSCore
import Foundation

extension Lambda {
    /// Replaces a function's code (UpdateFunctionCode); the update finishes asynchronously, see
    /// `waitUntilUpdated`.
    ///
    /// - Parameters:
    ///   - publish: also publish a new version.
    ///   - revisionId: only update if the function is still at this revision.
    package func updateFunctionCode(
        _ functionName: String, code: FunctionCode, publish: Bool? = nil, revisionId: String? = nil,
        architectures: [String]? = nil
    ) async throws -> FunctionConfiguration {
        let body = UpdateFunctionCodeBody(code: code, publish: publish, revisionId: revisionId, architectures: architectures)
        return try await call("UpdateFunctionCode", "PUT", Self.functionPath(functionName, "/code"), body: body)
    }

    /// Publishes `$LATEST` as a new version (PublishVersion). `codeSha256` guards against
    /// publishing code other than the expected code.
    package func publishVersion(
        _ functionName: String, codeSha256: String? = nil, description: String? = nil, revisionId: String? = nil
    ) async throws -> FunctionConfiguration {
        let body = PublishVersionBody(codeSha256: codeSha256, description: description, revisionId: revisionId)
        return try await call("PublishVersion", "POST", Self.functionPath(functionName, "/versions"), body: body)
    }

    /// Every version of a function, `$LATEST` included, all pages (ListVersionsByFunction).
    package func listVersionsByFunction(_ functionName: String) async throws -> [FunctionConfiguration] {
        try await paginate(operation: "ListVersionsByFunction") { marker in
            let page: ListVersionsPage = try await call(
                "ListVersionsByFunction", "GET", Self.functionPath(functionName, "/versions"),
                query: marker.map { [("Marker", $0)] } ?? [])
            return page
        } items: { $0.versions ?? [] } nextToken: { $0.nextMarker }
    }

    /// Polls GetFunctionConfiguration until `LastUpdateStatus` is no longer `InProgress` and
    /// returns the final configuration (the first polls 100 ms apart, doubling up to `pollInterval`).
    ///
    /// - Throws: `AWSServicesError` when the update ended in `Failed` (with
    ///   `LastUpdateStatusReason`) or after `maxAttempts` polls.
    package func waitUntilUpdated(
        functionName: String, qualifier: String? = nil, pollInterval: Duration = .seconds(1), maxAttempts: Int = 300
    ) async throws -> FunctionConfiguration {
        for attempt in 1...max(1, maxAttempts) {
            let configuration = try await getFunctionConfiguration(functionName, qualifier: qualifier)
            switch configuration.lastUpdateStatus {
            case "InProgress":
                break
            case "Failed":
                let reason = [configuration.lastUpdateStatusReasonCode, configuration.lastUpdateStatusReason]
                    .compactMap { $0 }.joined(separator: ": ")
                throw AWSServicesError.functionUpdateFailed(
                    function: functionName, reason: reason.isEmpty ? "no reason given" : reason)
            default:
                return configuration
            }
            if attempt < maxAttempts { try await Task.sleep(for: Self.updateDelay(attempt: attempt, pollInterval: pollInterval)) }
        }
        throw AWSServicesError.waiterGaveUp(
            operation: "GetFunctionConfiguration", resource: "function \(functionName)", attempts: maxAttempts)
    }

    /// The pause after poll `attempt` (1-based): 100 ms doubling up to `pollInterval`, so an
    /// update that finishes in a few hundred milliseconds (most zip updates) is seen within about
    /// 100 ms of finishing, and a long one is polled at `pollInterval`.
    static func updateDelay(attempt: Int, pollInterval: Duration) -> Duration {
        let fast = Duration.milliseconds(100) * (1 << min(max(attempt - 1, 0), 20))
        return min(fast, pollInterval)
    }
}
