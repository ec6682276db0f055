/// An engine error that escaped a command, carried to the entry point to be reported once.
struct TopLevelFailure: Error {
    let underlying: any Error
    let json: Bool
}

extension CommandContext {
    /// Runs `body`, turning any engine error into a `TopLevelFailure` the entry point reports.
    func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw TopLevelFailure(underlying: error, json: options.json)
        }
    }
}
