import AWSCore
import AWSServices
import Foundation

/// The Step Functions calls a hot-swap makes.
package protocol StateMachineService: Sendable {
    /// The live definition (DescribeStateMachine).
    func definition(of stateMachineArn: String) async throws -> String
    /// Replaces the definition (UpdateStateMachine).
    func updateDefinition(of stateMachineArn: String, to definition: String) async throws
}

/// `StateMachineService` over the real Step Functions API.
package struct StepFunctionsStateMachineService: StateMachineService {
    /// The Step Functions client.
    package let stepFunctions: StepFunctions

    /// A service calling `stepFunctions`.
    package init(stepFunctions: StepFunctions) { self.stepFunctions = stepFunctions }

    package func definition(of stateMachineArn: String) async throws -> String {
        try await stepFunctions.describeStateMachine(stateMachineArn).definition
    }

    package func updateDefinition(of stateMachineArn: String, to definition: String) async throws {
        _ = try await stepFunctions.updateStateMachine(stateMachineArn, definition: definition, roleArn: nil, publish: nil)
    }
}

/// The AppSync calls a hot-swap makes.
package protocol AppSyncService: Sendable {
    /// A resolver (GetResolver).
    func resolver(apiId: String, typeName: String, fieldName: String) async throws -> Resolver
    /// Replaces a resolver's settings (UpdateResolver).
    func updateResolver(apiId: String, _ resolver: Resolver) async throws
    /// A pipeline function (GetFunction).
    func function(apiId: String, functionId: String) async throws -> AppSyncFunction
    /// Replaces a pipeline function's settings (UpdateFunction).
    func updateFunction(apiId: String, _ function: AppSyncFunction) async throws
    /// The schema as SDL (GetIntrospectionSchema).
    func schema(apiId: String) async throws -> String
    /// Uploads a schema and waits until AppSync has processed it; returns the final status and details.
    func replaceSchema(apiId: String, definition: String) async throws -> (status: String, details: String?)
}

/// `AppSyncService` over the real AppSync API.
package struct AWSAppSyncService: AppSyncService {
    /// The AppSync client.
    package let appSync: AppSync
    /// Time between GetSchemaCreationStatus polls.
    package let pollInterval: Duration

    /// A service calling `appSync`.
    package init(appSync: AppSync, pollInterval: Duration = .seconds(1)) {
        self.appSync = appSync
        self.pollInterval = pollInterval
    }

    package func resolver(apiId: String, typeName: String, fieldName: String) async throws -> Resolver {
        try await appSync.getResolver(apiId: apiId, typeName: typeName, fieldName: fieldName)
    }

    package func updateResolver(apiId: String, _ resolver: Resolver) async throws {
        _ = try await appSync.updateResolver(apiId: apiId, resolver)
    }

    package func function(apiId: String, functionId: String) async throws -> AppSyncFunction {
        try await appSync.getFunction(apiId: apiId, functionId: functionId)
    }

    package func updateFunction(apiId: String, _ function: AppSyncFunction) async throws {
        _ = try await appSync.updateFunction(apiId: apiId, function)
    }

    package func schema(apiId: String) async throws -> String {
        try await appSync.getIntrospectionSchema(apiId: apiId, includeDirectives: true)
    }

    package func replaceSchema(apiId: String, definition: String) async throws -> (status: String, details: String?) {
        var status = try await appSync.startSchemaCreation(apiId: apiId, definition: definition)
        for _ in 0..<600 where status.status == "PROCESSING" {
            try await Task.sleep(for: pollInterval)
            status = try await appSync.getSchemaCreationStatus(apiId: apiId)
        }
        return (status.status ?? "UNKNOWN", status.details)
    }
}

/// The services a hot-swap talks to.
package struct HotswapServices: Sendable {
    /// Lambda.
    package var functions: any FunctionCodeService
    /// Step Functions.
    package var stateMachines: any StateMachineService
    /// AppSync.
    package var appSync: any AppSyncService
    /// Lambda settings and layer versions (layer and configuration hot-swaps, whole-function verify).
    package var configurations: any FunctionConfigurationService
    /// The reads `functions` and `configurations` share, when they share them (``prefetch(functions:concurrency:)``).
    package var reads: LiveFunctionReads?

    /// Services from their parts.
    package init(functions: any FunctionCodeService, stateMachines: any StateMachineService, appSync: any AppSyncService,
                configurations: any FunctionConfigurationService = UnavailableFunctionConfigurationService(),
                reads: LiveFunctionReads? = nil) {
        self.functions = functions
        self.stateMachines = stateMachines
        self.appSync = appSync
        self.configurations = configurations
        self.reads = reads
    }

    /// The real services, all calling through `client`; with `reads`, Lambda's code and settings
    /// services share one GetFunctionConfiguration per function (for reading live state: plan, verify).
    package static func aws(_ client: AWSClient, lambdaPollInterval: Duration = .milliseconds(500),
                            reads: LiveFunctionReads? = nil) -> HotswapServices {
        HotswapServices(
            functions: LambdaFunctionCodeService(lambda: Lambda(client: client), pollInterval: lambdaPollInterval, reads: reads),
            stateMachines: StepFunctionsStateMachineService(stepFunctions: StepFunctions(client: client)),
            appSync: AWSAppSyncService(appSync: AppSync(client: client)),
            configurations: LambdaFunctionConfigurationService(lambda: Lambda(client: client), pollInterval: lambdaPollInterval,
                                                               reads: reads), reads: reads)
    }

    /// Lists `names` ahead of their reads when the services share reads and that is cheaper
    /// (``LiveFunctionReads/prefetch(_:concurrency:)``); otherwise nothing.
    package func prefetch(functions names: Set<String>, concurrency: Int) async {
        await reads?.prefetch(names, concurrency: concurrency)
    }
}
