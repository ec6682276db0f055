import AWSServices
import Foundation
import Hotswap
import Templates

/// Reads what a rollback compares: the `CodeSha256` each recorded code object has, what each
/// function runs now, and which code object the stack's current templates name.
struct CodeInspector: Sendable {
    let cloudFormation: CloudFormation
    let functions: any FunctionCodeService
    let s3: S3
    let rootStackName: String

    /// The `CodeSha256` of each function's recorded code: from its content-addressed key, else by
    /// reading the object. Every object must still exist.
    /// - Throws: `RollbackError.codeGone`.
    func expected(_ codes: [RecordedCode], recordID: String) async throws -> [(code: RecordedCode, codeSha256: String)] {
        var result: [(code: RecordedCode, codeSha256: String)] = []
        for code in codes {
            guard try await s3.headObject(bucket: code.location.bucket, key: code.location.key) != nil else {
                throw RollbackError.codeGone(recordID: recordID, resource: code.qualifiedName, location: code.location.uri)
            }
            if let hash = RecordedCode.codeSha256(fromKey: code.location.key) {
                result.append((code, hash))
            } else {
                let body = try await s3.getObject(bucket: code.location.bucket, key: code.location.key).body
                result.append((code, ContentHash.base64(body)))
            }
        }
        return result
    }

    /// Per qualified name, the function's name and `CodeSha256` now; functions that do not exist
    /// (or whose stack does not) are absent.
    func live(_ codes: [RecordedCode]) async throws -> [String: (functionName: String, codeSha256: String?)] {
        let resolver = resolver()
        var result: [String: (functionName: String, codeSha256: String?)] = [:]
        for code in codes {
            let name: String
            do {
                name = try await resolver.physicalID(stackPath: code.stackPath, logicalID: code.logicalID)
            } catch let error as HotswapError where error.isNotDeployed {
                continue
            } catch where CloudFormation.isStackMissing(error) {
                continue
            }
            result[code.qualifiedName] = (name, try await functions.liveCode(of: name).codeSha256)
        }
        return result
    }

    /// Per qualified name, the code object the deployed templates of `stackPaths` name now.
    func deployedLocations(stackPaths: [String]) async -> [String: S3Address] {
        let resolver = resolver()
        var result: [String: S3Address] = [:]
        for stackPath in stackPaths {
            guard let stack = try? await resolver.stackName(for: stackPath),
                  let body = try? await cloudFormation.getTemplate(stackName: stack, stage: .original).templateBody,
                  let template = try? TemplateLoader.parse(body, file: "deployed template of \(stack)") else { continue }
            for code in RecordedCode.locations(in: template, stackPath: stackPath) {
                result[code.qualifiedName] = code.location
            }
        }
        return result
    }

    /// The SHA-256 (hex) of the root stack's template as CloudFormation has it, or nil.
    func deployedRootTemplateHash() async -> String? {
        guard let body = try? await cloudFormation.getTemplate(stackName: rootStackName, stage: .original).templateBody else {
            return nil
        }
        return TemplateInputHash.sha256(Data(body.utf8))
    }

    private func resolver() -> PhysicalResolver {
        PhysicalResolver(rootStackName: rootStackName, lister: CloudFormationResourceLister(cloudFormation: cloudFormation))
    }
}

/// Hex SHA-256, as deploy records store template hashes.
enum TemplateInputHash {
    static func sha256(_ data: Data) -> String { ContentHash.hex(String(decoding: data, as: UTF8.self)) }
}
