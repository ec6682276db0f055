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

    /// Per stack path, the template each of `stackPaths` runs now (GetTemplate, original); stacks
    /// that do not exist or whose template does not parse are absent.
    func deployedTemplates(stackPaths: [String]) async -> [String: Template] {
        let resolver = resolver()
        var result: [String: Template] = [:]
        for stackPath in stackPaths {
            guard let stack = try? await resolver.stackName(for: stackPath),
                  let body = try? await cloudFormation.getTemplate(stackName: stack, stage: .original).templateBody,
                  let template = try? TemplateLoader.parse(body, file: "deployed template of \(stack)") else { continue }
            result[stackPath] = template
        }
        return result
    }

    /// Per qualified name, the version each function's alias serves and its published versions
    /// (functions whose alias does not exist get a nil version).
    func aliases(of functions: [(resource: String, functionName: String, alias: String)],
                 lambda: Lambda) async throws -> [String: AliasFastPath.LiveAlias] {
        var result: [String: AliasFastPath.LiveAlias] = [:]
        for function in functions {
            let current: String?
            do {
                current = try await lambda.getAlias(function.functionName, name: function.alias).functionVersion
            } catch where Lambda.isResourceNotFound(error) {
                current = nil
            }
            let versions = try await lambda.listVersionsByFunction(function.functionName).compactMap { configuration in
                configuration.version.flatMap { version in
                    version == "$LATEST" ? nil : configuration.codeSha256.map { AliasFastPath.PublishedVersion(version: version, codeSha256: $0) }
                }
            }
            result[function.resource] = AliasFastPath.LiveAlias(aliasVersion: current, versions: versions)
        }
        return result
    }

    /// The `CodeSha256` of the version `alias` of `functionName` serves (GetAlias, then
    /// GetFunctionConfiguration with that version as the qualifier), or nil when the alias is gone.
    static func aliasCodeSha256(_ functionName: String, alias: String, lambda: Lambda) async throws -> (version: String, codeSha256: String?)? {
        let configuration: AliasConfiguration
        do {
            configuration = try await lambda.getAlias(functionName, name: alias)
        } catch where Lambda.isResourceNotFound(error) {
            return nil
        }
        guard let version = configuration.functionVersion else { return nil }
        return (version, try await lambda.getFunctionConfiguration(functionName, qualifier: version).codeSha256)
    }

    /// The root stack's template as CloudFormation has it (GetTemplate, as submitted), or nil.
    func deployedRootTemplate() async -> String? {
        try? await cloudFormation.getTemplate(stackName: rootStackName, stage: .original).templateBody
    }

    /// Whether CloudFormation's copy of a template is `recorded`: the same text up to surrounding
    /// whitespace (the XML answer trims it), or the same template once parsed.
    static func sameTemplate(_ deployed: String, _ recorded: Data) -> Bool {
        let text = String(decoding: recorded, as: UTF8.self)
        if deployed.trimmingCharacters(in: .whitespacesAndNewlines) == text.trimmingCharacters(in: .whitespacesAndNewlines) {
            return true
        }
        guard let left = try? TemplateLoader.parse(deployed, file: "deployed"),
              let right = try? TemplateLoader.parse(text, file: "recorded") else { return false }
        return left == right
    }

    private func resolver() -> PhysicalResolver {
        PhysicalResolver(rootStackName: rootStackName, lister: CloudFormationResourceLister(cloudFormation: cloudFormation))
    }
}
