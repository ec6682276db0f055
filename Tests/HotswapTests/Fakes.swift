import AWSServices
import Foundation
import Hotswap
import Synchronization
import Templates

/// A fake Lambda: functions by name, every call recorded, updates that can fail, conflict or be overwritten.
final class FakeFunctions: FunctionCodeService {
    struct Function {
        var codeSha256: String
        var arn: String
        var status = "Successful"
        /// The next update ends `Failed` with this reason.
        var failUpdate: String?
        /// This many UpdateFunctionCode calls fail with ResourceConflictException first.
        var conflicts = 0
        /// Updates are accepted but the code does not change (another tool raced us).
        var ignoresUpdates = false
        /// UpdateFunctionCode throws this.
        var updateError: String?
    }

    struct State {
        var functions: [String: Function] = [:]
        var calls: [String] = []
        var inFlight = 0
        var maxInFlight = 0
        var aliases: [String: String] = [:]
        var versions: [String: Int] = [:]
    }

    let state: Mutex<State>
    let updateDelay: Duration

    init(_ functions: [String: Function] = [:], updateDelay: Duration = .zero) {
        state = Mutex(State(functions: functions))
        self.updateDelay = updateDelay
    }

    var calls: [String] { state.withLock { $0.calls } }
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }
    func calls(_ prefix: String) -> [String] { calls.filter { $0.hasPrefix(prefix) } }
    func code(of name: String) -> String? { state.withLock { $0.functions[name]?.codeSha256 } }

    func liveCode(of functionName: String) async throws -> LiveFunctionCode {
        try state.withLock { state in
            state.calls.append("GetFunctionConfiguration \(functionName)")
            guard let function = state.functions[functionName] else { throw FakeError.notFound(functionName) }
            return LiveFunctionCode(codeSha256: function.codeSha256, functionArn: function.arn, lastUpdateStatus: function.status,
                                    lastUpdateStatusReason: function.status == "Failed" ? function.failUpdate : nil)
        }
    }

    func updateCode(of functionName: String, with code: FunctionCode) async throws {
        try state.withLock { state in
            state.calls.append("UpdateFunctionCode \(functionName)")
            guard var function = state.functions[functionName] else { throw FakeError.notFound(functionName) }
            if function.conflicts > 0 {
                function.conflicts -= 1
                state.functions[functionName] = function
                throw FakeError.conflict
            }
            if let message = function.updateError { throw FakeError.other(message) }
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
        }
        if updateDelay > .zero { try await Task.sleep(for: updateDelay) }
        state.withLock { state in
            state.inFlight -= 1
            guard var function = state.functions[functionName] else { return }
            if !function.ignoresUpdates, case .zipFile(let data) = code { function.codeSha256 = ContentHash.base64(data) }
            if !function.ignoresUpdates, case .s3(_, let key, _) = code { function.codeSha256 = "s3:\(key)" }
            function.status = function.failUpdate == nil ? "Successful" : "Failed"
            state.functions[functionName] = function
        }
    }

    func waitUntilUpdated(_ functionName: String) async throws -> LiveFunctionCode {
        try await liveCode(of: functionName)
    }

    func publishVersion(of functionName: String, codeSha256: String) async throws -> String {
        state.withLock { state in
            state.calls.append("PublishVersion \(functionName)")
            let next = (state.versions[functionName] ?? 0) + 1
            state.versions[functionName] = next
            return String(next)
        }
    }

    func pointAlias(_ alias: String, of functionName: String, at version: String) async throws {
        state.withLock { state in
            state.calls.append("UpdateAlias \(functionName) \(alias)=\(version)")
            state.aliases["\(functionName):\(alias)"] = version
        }
    }

    func isUpdateInProgress(_ error: any Error) -> Bool {
        if case FakeError.conflict = error { return true }
        return false
    }
}

enum FakeError: Error, CustomStringConvertible {
    case notFound(String), conflict, other(String)
    var description: String {
        switch self {
        case .notFound(let name): "ResourceNotFoundException: \(name)"
        case .conflict: "ResourceConflictException: an update is in progress"
        case .other(let message): message
        }
    }
}

/// A fake Step Functions.
final class FakeStateMachines: StateMachineService {
    let definitions: Mutex<[String: String]>
    let updates = Mutex<[String]>([])

    init(_ definitions: [String: String]) { self.definitions = Mutex(definitions) }

    func definition(of stateMachineArn: String) async throws -> String {
        guard let definition = definitions.withLock({ $0[stateMachineArn] }) else { throw FakeError.notFound(stateMachineArn) }
        return definition
    }

    func updateDefinition(of stateMachineArn: String, to definition: String) async throws {
        updates.withLock { $0.append(stateMachineArn) }
        definitions.withLock { $0[stateMachineArn] = definition }
    }
}

/// An AppSync that has nothing.
struct NoAppSync: AppSyncService {
    func resolver(apiId: String, typeName: String, fieldName: String) async throws -> Resolver { throw FakeError.notFound(fieldName) }
    func updateResolver(apiId: String, _ resolver: Resolver) async throws { throw FakeError.notFound("resolver") }
    func function(apiId: String, functionId: String) async throws -> AppSyncFunction { throw FakeError.notFound(functionId) }
    func updateFunction(apiId: String, _ function: AppSyncFunction) async throws { throw FakeError.notFound(functionId(function)) }
    func schema(apiId: String) async throws -> String { throw FakeError.notFound(apiId) }
    func replaceSchema(apiId: String, definition: String) async throws -> (status: String, details: String?) { ("FAILED", nil) }
    private func functionId(_ function: AppSyncFunction) -> String { function.functionId ?? "?" }
}

/// Stacks by name, each a list of deployed resources.
struct FakeLister: StackResourceLister {
    let stacks: [String: [DeployedResource]]
    func deployedResources(ofStack stackName: String) async throws -> [DeployedResource] {
        guard let resources = stacks[stackName] else { throw FakeError.notFound(stackName) }
        return resources
    }
}

/// A world of fakes: three functions and a state machine in stack `app`.
struct World {
    let functions: FakeFunctions
    let machines: FakeStateMachines
    let context: DetectionContext
    let folder: URL

    static let arnPrefix = "arn:aws:lambda:eu-central-1:123456789012:function:"
    static let machineArn = "arn:aws:states:eu-central-1:123456789012:stateMachine:flow"

    init(functions: [String: FakeFunctions.Function], definitions: [String: String] = [:],
         resources: [DeployedResource], nested: [String: [DeployedResource]] = [:], updateDelay: Duration = .zero) throws {
        self.functions = FakeFunctions(functions, updateDelay: updateDelay)
        self.machines = FakeStateMachines(definitions)
        var stacks = nested
        stacks["app"] = resources
        let services = HotswapServices(functions: self.functions, stateMachines: machines, appSync: NoAppSync())
        context = DetectionContext(services: services, resolver: PhysicalResolver(rootStackName: "app", lister: FakeLister(stacks: stacks)))
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hotswap-tests-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes a zip-like file and returns a target for it.
    func zipTarget(_ logicalID: String, content: String, stackPath: String = "Root", alias: String? = nil) throws -> HotswapTarget {
        let url = folder.appendingPathComponent("\(logicalID)-\(UUID().uuidString.prefix(4)).zip")
        try Data(content.utf8).write(to: url)
        return HotswapTarget(stackPath: stackPath, logicalID: LogicalID(logicalID), resourceType: "AWS::Lambda::Function",
                             artifact: .zip(LocalZip(path: url.path, codeSha256: ContentHash.base64(Data(content.utf8)))),
                             publishAlias: alias)
    }

    static func hash(_ content: String) -> String { ContentHash.base64(Data(content.utf8)) }

    static func function(_ name: String, content: String) -> (String, FakeFunctions.Function) {
        (name, FakeFunctions.Function(codeSha256: hash(content), arn: arnPrefix + name))
    }
}
