import AWSServices
import Foundation
import Reporting

/// Applies a plan's operations with bounded concurrency, waits for each, and reads the result
/// back: an operation succeeds only when what runs afterwards equals the local build. One failing
/// operation does not stop the others.
package struct HotswapApplier: Sendable {
    /// Lambda's limit for code sent inline as `ZipFile` (50 MB); larger zips go through S3.
    package static let directUploadLimit: UInt64 = 50 * 1024 * 1024

    /// The services written to.
    package let services: HotswapServices
    /// The most operations at once.
    package let concurrency: Int
    /// Retries of conflicting updates (`ResourceConflictException`) and throttling.
    package let backoff: Backoff
    /// Zips up to this size are sent inline.
    package let directUploadLimit: UInt64
    /// Receives an event per finished operation.
    package let sink: any EventSink

    /// An applier; `concurrency` is at least 1.
    package init(services: HotswapServices, concurrency: Int = 10, backoff: Backoff = Backoff(),
                directUploadLimit: UInt64 = HotswapApplier.directUploadLimit, sink: any EventSink = NullEventSink()) {
        self.services = services
        self.concurrency = max(1, concurrency)
        self.backoff = backoff
        self.directUploadLimit = directUploadLimit
        self.sink = sink
    }

    /// Applies every operation of `plan`; results are in the plan's order.
    package func apply(_ plan: HotswapPlan) async -> [HotswapResult] {
        await BoundedTasks.map(plan.operations, concurrency: concurrency) { operation in
            let result = await apply(operation)
            sink.emit(HotswapOperationEvent(result: result))
            return result
        }
    }

    /// Applies one operation and verifies it.
    package func apply(_ operation: HotswapOperation) async -> HotswapResult {
        let clock = ContinuousClock()
        let start = clock.now
        var liveAfter: String?
        do {
            let version: String?
            switch operation.change {
            case .lambdaCode(let functionName, let zip):
                let applied = try await applyLambda(operation, functionName: functionName, zip: zip)
                liveAfter = applied.liveHash
                version = applied.version
            case .stateMachineDefinition(let arn, let definition):
                liveAfter = try await applyStateMachine(operation, arn: arn, definition: definition)
                version = nil
            case .appSyncResolver(let apiId, let typeName, let fieldName, let code):
                liveAfter = try await applyResolver(operation, apiId: apiId, typeName: typeName, fieldName: fieldName, code: code)
                version = nil
            case .appSyncFunction(let apiId, let functionId, let code):
                liveAfter = try await applyFunction(operation, apiId: apiId, functionId: functionId, code: code)
                version = nil
            case .appSyncSchema(let apiId, let definition):
                liveAfter = try await applySchema(operation, apiId: apiId, definition: definition)
                version = nil
            case .layerVersion(let swap):
                let applied = try await applyLayer(operation, swap: swap)
                liveAfter = applied.liveHash
                version = applied.versionArn
            case .functionConfiguration(let swap):
                liveAfter = try await applyConfiguration(operation, swap: swap)
                version = nil
            }
            return HotswapResult(operation: operation, outcome: .succeeded(publishedVersion: version),
                                 liveHashAfter: liveAfter, duration: clock.now - start)
        } catch let error as HotswapFailure {
            return HotswapResult(operation: operation, outcome: .failed(error.error.description),
                                 liveHashAfter: error.liveHash, duration: clock.now - start)
        } catch {
            return HotswapResult(operation: operation, outcome: .failed(String(describing: error)),
                                 liveHashAfter: liveAfter, duration: clock.now - start)
        }
    }

    /// UpdateFunctionCode → wait → read CodeSha256 again → compare → optionally publish and move the alias.
    func applyLambda(_ operation: HotswapOperation, functionName: String, zip: LocalZip) async throws -> (liveHash: String?, version: String?) {
        let functions = services.functions
        let name = operation.target.qualifiedName
        let code = try functionCode(for: zip, resource: name)
        try await backoff.run(shouldRetry: { functions.isUpdateInProgress($0) }, beforeRetry: {
            _ = try? await functions.waitUntilUpdated(functionName)
        }) {
            try await functions.updateCode(of: functionName, with: code)
        }
        let final = try await backoff.run(shouldRetry: { _ in false }) { try await functions.waitUntilUpdated(functionName) }
        if final.lastUpdateStatus == "Failed" {
            throw HotswapFailure(
                error: .updateFailed(resource: name, physicalID: functionName,
                                     reason: "LastUpdateStatus is Failed: \(final.lastUpdateStatusReason ?? "no reason given")"),
                liveHash: final.codeSha256)
        }
        let live = try await backoff.run(shouldRetry: { _ in false }) { try await functions.liveCode(of: functionName) }
        guard live.codeSha256 == zip.codeSha256 else {
            throw HotswapFailure(
                error: .staleAfterUpdate(resource: name, physicalID: functionName, live: live.codeSha256, local: zip.codeSha256),
                liveHash: live.codeSha256)
        }
        guard let alias = operation.target.publishAlias else { return (live.codeSha256, nil) }
        let version = try await backoff.run(shouldRetry: { functions.isUpdateInProgress($0) }) {
            try await functions.publishVersion(of: functionName, codeSha256: zip.codeSha256)
        }
        try await backoff.run(shouldRetry: { functions.isUpdateInProgress($0) }) {
            try await functions.pointAlias(alias, of: functionName, at: version)
        }
        return (live.codeSha256, version)
    }

    /// The zip inline when small enough, else (or when it is not on this machine) its S3 object.
    func functionCode(for zip: LocalZip, resource: String) throws -> FunctionCode {
        if let imageURI = zip.imageURI { return .imageUri(imageURI) }
        // A build the remote cache provided without its bytes (no file here) is hot-swapped from its object.
        if zip.path.isEmpty, let s3 = zip.s3 {
            return .s3(bucket: s3.bucket, key: s3.key, objectVersion: s3.version)
        }
        let size: UInt64
        if let known = zip.size {
            size = known
        } else {
            do {
                let attributes = try FileManager.default.attributesOfItem(atPath: zip.path)
                size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
            } catch {
                throw HotswapError.unreadableArtifact(resource: resource, path: zip.path, reason: "the file does not exist")
            }
        }
        if size > directUploadLimit {
            guard let s3 = zip.s3 else { throw HotswapError.tooLargeWithoutUpload(resource: resource, size: size) }
            return .s3(bucket: s3.bucket, key: s3.key, objectVersion: s3.version)
        }
        do {
            return .zipFile(try Data(contentsOf: URL(fileURLWithPath: zip.path)))
        } catch {
            throw HotswapError.unreadableArtifact(resource: resource, path: zip.path, reason: error.localizedDescription)
        }
    }

    func applyStateMachine(_ operation: HotswapOperation, arn: String, definition: String) async throws -> String {
        let machines = services.stateMachines
        try await backoff.run(shouldRetry: { _ in false }) { try await machines.updateDefinition(of: arn, to: definition) }
        let live = try await backoff.run(shouldRetry: { _ in false }) { try await machines.definition(of: arn) }
        let liveHash = DefinitionJSON.hash(live)
        guard DefinitionJSON.normalised(live) == DefinitionJSON.normalised(definition) else {
            throw HotswapFailure(error: .staleAfterUpdate(resource: operation.target.qualifiedName, physicalID: arn,
                                                          live: liveHash, local: operation.newHash), liveHash: liveHash)
        }
        return liveHash
    }

    func applyResolver(_ operation: HotswapOperation, apiId: String, typeName: String, fieldName: String,
                       code: AppSyncCode) async throws -> String {
        let appSync = services.appSync
        var resolver = try await appSync.resolver(apiId: apiId, typeName: typeName, fieldName: fieldName)
        if let value = code.code { resolver.code = value }
        if let value = code.requestMappingTemplate { resolver.requestMappingTemplate = value }
        if let value = code.responseMappingTemplate { resolver.responseMappingTemplate = value }
        let updated = resolver
        try await backoff.run(shouldRetry: { _ in false }) { try await appSync.updateResolver(apiId: apiId, updated) }
        let live = try await appSync.resolver(apiId: apiId, typeName: typeName, fieldName: fieldName)
        let liveHash = AppSyncARN.hash(code: live.code, request: live.requestMappingTemplate, response: live.responseMappingTemplate)
        guard AppSyncARN.same(code, code: live.code, request: live.requestMappingTemplate, response: live.responseMappingTemplate) else {
            throw HotswapFailure(error: .staleAfterUpdate(resource: operation.target.qualifiedName, physicalID: operation.physicalID,
                                                          live: liveHash, local: operation.newHash), liveHash: liveHash)
        }
        return liveHash
    }

    func applyFunction(_ operation: HotswapOperation, apiId: String, functionId: String, code: AppSyncCode) async throws -> String {
        let appSync = services.appSync
        var function = try await appSync.function(apiId: apiId, functionId: functionId)
        if let value = code.code { function.code = value }
        if let value = code.requestMappingTemplate { function.requestMappingTemplate = value }
        if let value = code.responseMappingTemplate { function.responseMappingTemplate = value }
        let updated = function
        try await backoff.run(shouldRetry: { _ in false }) { try await appSync.updateFunction(apiId: apiId, updated) }
        let live = try await appSync.function(apiId: apiId, functionId: functionId)
        let liveHash = AppSyncARN.hash(code: live.code, request: live.requestMappingTemplate, response: live.responseMappingTemplate)
        guard AppSyncARN.same(code, code: live.code, request: live.requestMappingTemplate, response: live.responseMappingTemplate) else {
            throw HotswapFailure(error: .staleAfterUpdate(resource: operation.target.qualifiedName, physicalID: operation.physicalID,
                                                          live: liveHash, local: operation.newHash), liveHash: liveHash)
        }
        return liveHash
    }

    func applySchema(_ operation: HotswapOperation, apiId: String, definition: String) async throws -> String {
        let appSync = services.appSync
        let (status, details) = try await appSync.replaceSchema(apiId: apiId, definition: definition)
        guard status == "SUCCESS" || status == "ACTIVE" else {
            throw HotswapError.schemaCreationFailed(apiId: apiId, details: "\(status)\(details.map { ": \($0)" } ?? "")")
        }
        let live = try await appSync.schema(apiId: apiId)
        let liveHash = ContentHash.hex(AppSyncSchemaDetector.normalised(live))
        guard AppSyncSchemaDetector.normalised(live) == AppSyncSchemaDetector.normalised(definition) else {
            throw HotswapFailure(error: .staleAfterUpdate(resource: operation.target.qualifiedName, physicalID: operation.physicalID,
                                                          live: liveHash, local: operation.newHash), liveHash: liveHash)
        }
        return liveHash
    }
}

/// A `HotswapError` with the live hash seen when it happened.
struct HotswapFailure: Error {
    let error: HotswapError
    let liveHash: String?
}
