import AWSCore
import Deployment
import Foundation
import Hotswap
import Reporting
import Templates

/// What the code step of a rollback did.
struct RestoredCode: Sendable {
    /// The functions updated (`Root/Fn`).
    var swapped: [String] = []
    /// One summary line per update.
    var lines: [String] = []
    /// What went wrong, one line per function.
    var failures: [String] = []
}

extension RollbackWorkflow {
    /// Step 2: every function that still runs other code than the record's template says gets
    /// the recorded S3 object (UpdateFunctionCode, wait, read `CodeSha256` back; the alias
    /// moves when the function has `AutoPublishAlias`).
    func restoreCode(_ expected: [(code: RecordedCode, codeSha256: String)], inspector: CodeInspector, approval: RollbackApproval,
                     concurrency: Int, client: AWSClient) async throws -> RestoredCode {
        let live = try await inspector.live(expected.map(\.code))
        let operations = Self.operations(expected, live: live)
        guard !operations.isEmpty else {
            sink.emit(RollbackStepEvent("code", "every function runs the recorded code: nothing to hot-swap"))
            return RestoredCode()
        }
        guard try await approval.approveHotswap(count: operations.count) else {
            return RestoredCode(failures: ["the hot-swap of \(operations.count) function(s) was not approved"])
        }
        sink.emit(RollbackStepEvent("code", "restoring the code of \(operations.count) function(s) from the recorded S3 objects",
                               details: operations.map { "\($0.target.qualifiedName) \(HashText.short($0.oldHash)) → \(HashText.short($0.newHash))" }))
        let applier = HotswapApplier(services: .aws(client), concurrency: concurrency, directUploadLimit: 0, sink: sink)
        let results = await applier.apply(HotswapPlan(operations: operations))
        var restored = RestoredCode()
        for result in results {
            restored.lines.append("hot-swapped " + result.summaryLine)
            switch result.outcome {
            case .succeeded: restored.swapped.append(result.operation.target.qualifiedName)
            case .failed(let message): restored.failures.append("\(result.operation.target.qualifiedName): \(message)")
            }
        }
        return restored
    }

    /// The code updates that bring every existing function to its recorded code, from S3.
    static func operations(_ expected: [(code: RecordedCode, codeSha256: String)],
                           live: [String: (functionName: String, codeSha256: String?)]) -> [HotswapOperation] {
        expected.compactMap { entry -> HotswapOperation? in
            let code = entry.code, hash = entry.codeSha256
            guard let now = live[code.qualifiedName], now.codeSha256 != hash else { return nil }
            let zip = LocalZip(path: code.location.uri, codeSha256: hash, size: 1,
                               s3: S3ObjectLocation(bucket: code.location.bucket, key: code.location.key))
            let target = HotswapTarget(stackPath: code.stackPath, logicalID: LogicalID(code.logicalID), resourceType: code.resourceType,
                                       artifact: .zip(zip), publishAlias: code.publishAlias)
            return HotswapOperation(target: target, physicalID: now.functionName,
                                    change: .lambdaCode(functionName: now.functionName, zip: zip),
                                    oldHash: now.codeSha256, newHash: hash)
        }
    }

    /// Step 3: every function's `CodeSha256` and the root template against the record; returns
    /// the mismatches (empty when the stack runs the record).
    func verify(_ expected: [(code: RecordedCode, codeSha256: String)], target: DeployRecord, recordedTemplate: Data,
                inspector: CodeInspector) async throws -> [String] {
        let live = try await inspector.live(expected.map(\.code))
        var problems: [String] = []
        var lines: [String] = []
        for (code, hash) in expected {
            let now = live[code.qualifiedName]?.codeSha256
            if now == hash {
                lines.append("= \(code.qualifiedName) \(HashText.short(hash))")
            } else {
                problems.append("\(code.qualifiedName) runs \(HashText.short(now)) instead of the recorded \(HashText.short(hash))")
            }
        }
        if let deployed = await inspector.deployedRootTemplate(), CodeInspector.sameTemplate(deployed, recordedTemplate) {
            lines.append("= template sha256 \(target.templateHash.prefix(12))")
        } else {
            problems.append("the stack's template (GetTemplate) differs from the record's (sha256 \(target.templateHash.prefix(12)))")
        }
        sink.emit(RollbackStepEvent("verify", problems.isEmpty
                                   ? "verified: \(expected.count) function(s) and the template match record \(target.id.prefix(8))"
                                   : "\(problems.count) mismatch(es) with record \(target.id.prefix(8))",
                               level: problems.isEmpty ? .success : .error, details: problems.isEmpty ? lines : problems))
        return problems
    }
}
