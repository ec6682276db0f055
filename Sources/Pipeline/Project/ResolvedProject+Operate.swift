import AWSServices
import Foundation
import Hotswap

/// What `ferry logs` and `ferry metrics` derive from a resolved project: the deployed functions
/// of its stack.
extension ResolvedProject {
    /// The functions of the environment's deployed stack tree, narrowed to `names` (empty for all).
    /// - Throws: `OperateError.noFunctions` when the stack has none; the selector's error for an
    ///   unknown name; AWS errors.
    func stackFunctions(named names: [String]) async throws -> [StackFunction] {
        let all = try await StackFunctionResolver(
            resolver: resolver, logGroups: LambdaLogGroupLookup(lambda: Lambda(client: session.client))).functions()
        guard !all.isEmpty else { throw OperateError.noFunctions(environment.stackName) }
        return try FunctionSelector.select(names, from: all)
    }
}
