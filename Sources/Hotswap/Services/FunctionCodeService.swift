import AWSCore
import AWSServices
import Foundation

/// What runs for a Lambda function: its code hash, ARN and update status.
package struct LiveFunctionCode: Sendable, Hashable {
    /// base64(SHA-256) of the deployed package (`CodeSha256`).
    package var codeSha256: String?
    /// The function's ARN.
    package var functionArn: String?
    /// `Successful`, `Failed`, `InProgress` (nil before the first update).
    package var lastUpdateStatus: String?
    /// The reason given with a `Failed` status.
    package var lastUpdateStatusReason: String?
    /// `LastModified`, as Lambda writes it.
    package var lastModified: String?

    /// A live state.
    package init(codeSha256: String?, functionArn: String? = nil, lastUpdateStatus: String? = nil,
                lastUpdateStatusReason: String? = nil, lastModified: String? = nil) {
        self.codeSha256 = codeSha256
        self.functionArn = functionArn
        self.lastUpdateStatus = lastUpdateStatus
        self.lastUpdateStatusReason = lastUpdateStatusReason
        self.lastModified = lastModified
    }
}

/// The Lambda calls a hot-swap makes (the real service, or a fake in tests).
package protocol FunctionCodeService: Sendable {
    /// The function's current code hash and status (GetFunctionConfiguration).
    func liveCode(of functionName: String) async throws -> LiveFunctionCode
    /// Replaces the code (UpdateFunctionCode); the update then runs asynchronously.
    func updateCode(of functionName: String, with code: FunctionCode) async throws
    /// Waits until `LastUpdateStatus` leaves `InProgress` and returns the final state, whatever it is.
    func waitUntilUpdated(_ functionName: String) async throws -> LiveFunctionCode
    /// Publishes `$LATEST` as a version, guarded by `codeSha256`; returns the version number.
    func publishVersion(of functionName: String, codeSha256: String) async throws -> String
    /// Points `alias` at `version`, creating the alias when it does not exist.
    func pointAlias(_ alias: String, of functionName: String, at version: String) async throws
    /// Whether `error` says another update is still running (retry after waiting).
    func isUpdateInProgress(_ error: any Error) -> Bool
}

/// `FunctionCodeService` over the real Lambda API.
package struct LambdaFunctionCodeService: FunctionCodeService {
    /// The Lambda client.
    package let lambda: Lambda
    /// Time between GetFunctionConfiguration polls while an update runs.
    package let pollInterval: Duration
    /// Reads shared with other services (one GetFunctionConfiguration per function); nil: every call reads.
    package let reads: LiveFunctionReads?

    /// A service calling `lambda`, polling every `pollInterval`, reading through `reads` when given.
    package init(lambda: Lambda, pollInterval: Duration = .milliseconds(500), reads: LiveFunctionReads? = nil) {
        self.lambda = lambda
        self.pollInterval = pollInterval
        self.reads = reads
    }

    package func liveCode(of functionName: String) async throws -> LiveFunctionCode {
        if let reads { return Self.live(try await reads.summary(of: functionName)) }
        return Self.live(try await lambda.getFunctionConfiguration(functionName, qualifier: nil))
    }

    package func updateCode(of functionName: String, with code: FunctionCode) async throws {
        reads?.forget(functionName)
        _ = try await lambda.updateFunctionCode(functionName, code: code, publish: nil, revisionId: nil, architectures: nil)
    }

    package func waitUntilUpdated(_ functionName: String) async throws -> LiveFunctionCode {
        reads?.forget(functionName)
        do {
            return Self.live(try await lambda.waitUntilUpdated(
                functionName: functionName, qualifier: nil, pollInterval: pollInterval, maxAttempts: 1200))
        } catch let error as AWSServicesError where error.isFunctionUpdateFailed {
            // Read the status again to report Lambda's own reason.
            return Self.live(try await lambda.getFunctionConfiguration(functionName, qualifier: nil))
        }
    }

    package func publishVersion(of functionName: String, codeSha256: String) async throws -> String {
        let published = try await lambda.publishVersion(functionName, codeSha256: codeSha256, description: nil, revisionId: nil)
        return published.version ?? "$LATEST"
    }

    package func pointAlias(_ alias: String, of functionName: String, at version: String) async throws {
        do {
            _ = try await lambda.updateAlias(functionName, name: alias, functionVersion: version, description: nil,
                                             routingConfig: nil, revisionId: nil)
        } catch where Lambda.isResourceNotFound(error) {
            _ = try await lambda.createAlias(functionName, name: alias, functionVersion: version, description: nil,
                                             routingConfig: nil)
        }
    }

    package func isUpdateInProgress(_ error: any Error) -> Bool { Lambda.isUpdateInProgress(error) }

    static func live(_ configuration: FunctionConfiguration) -> LiveFunctionCode {
        LiveFunctionCode(
            codeSha256: configuration.codeSha256, functionArn: configuration.functionArn,
            lastUpdateStatus: configuration.lastUpdateStatus,
            lastUpdateStatusReason: [configuration.lastUpdateStatusReasonCode, configuration.lastUpdateStatusReason]
                .compactMap { $0 }.joined(separator: ": ").nilIfEmpty,
            lastModified: configuration.lastModified)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
