import AWSCore
import AWSServices
import Foundation
import Hotswap
import Synchronization
import Templates
import Testing

/// Lambda over HTTP: `functions` answer GetFunctionConfiguration and ListFunctions (50 a page, after
/// `others` functions of other apps); each request counted, the most in flight at once recorded.
final class LambdaReadsTransport: HTTPTransport {
    struct State {
        var operations: [String] = []
        var inFlight = 0
        var maxInFlight = 0
    }

    let state = Mutex(State())
    let names: [String]
    /// ListFunctions entries carry State and LastUpdateStatus (the emulator), or not (AWS).
    let listsWholeSettings: Bool

    init(functions: Int, others: Int = 0, listsWholeSettings: Bool) {
        names = (0..<others).map { "other-\($0)" } + (1...functions).map { "app-Fn\($0)" }
        self.listsWholeSettings = listsWholeSettings
    }

    var operations: [String] { state.withLock { $0.operations } }
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }
    func count(_ operation: String) -> Int { operations.filter { $0 == operation }.count }

    static func settings(_ name: String, whole: Bool) -> [String: Any] {
        var json: [String: Any] = [
            "FunctionName": name, "FunctionArn": "arn:aws:lambda:eu-central-1:123456789012:function:\(name)",
            "CodeSha256": LiveFunctionReadsTests.hash(name), "Handler": "app.handler", "Runtime": "python3.12",
            "MemorySize": 128, "Timeout": 3, "Description": "", "Environment": ["Variables": ["MODE": "one"]],
        ]
        if whole {
            json["State"] = "Active"
            json["LastUpdateStatus"] = "Successful"
        }
        return json
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let path = request.url.path
        let operation = path.hasSuffix("/configuration") ? "GetFunctionConfiguration" : "ListFunctions"
        state.withLock { state in
            state.operations.append(operation)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
        }
        try await Task.sleep(for: .milliseconds(2))
        state.withLock { $0.inFlight -= 1 }
        let body: [String: Any]
        if operation == "GetFunctionConfiguration" {
            let name = path.split(separator: "/").dropLast().last.map(String.init) ?? ""
            body = Self.settings(name, whole: true)
        } else {
            let marker = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems?
                .first { $0.name == "Marker" }?.value.flatMap(Int.init) ?? 0
            let page = names[marker..<min(marker + 50, names.count)]
            var json: [String: Any] = ["Functions": page.map { Self.settings($0, whole: listsWholeSettings) }]
            if marker + 50 < names.count { json["NextMarker"] = String(marker + 50) }
            body = json
        }
        return HTTPResponse(statusCode: 200, headers: [(name: "Content-Type", value: "application/json")],
                            body: try JSONSerialization.data(withJSONObject: body))
    }
}

/// The no-op read path: a plan and the verify after it read each function at most once, many
/// functions by one ListFunctions page per 50, never more than `concurrency` requests at once.
@Suite struct LiveFunctionReadsTests {
    static func hash(_ name: String) -> String { ContentHash.base64(Data(name.utf8)) }

    /// A code target and a settings target per function `Fn1`...`FnN` of stack `app`, all up to date.
    static func world(_ transport: LambdaReadsTransport, functions: Int, concurrency: Int) throws
        -> (planner: HotswapPlanner, targets: [HotswapTarget]) {
        let client = AWSClient(
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "a", secretAccessKey: "b")),
            endpoints: { service in
                ServiceEndpoint(url: URL(string: "http://localhost:9")!, signingRegion: "eu-central-1",
                                signingName: service.signingName, usesPathStyle: true)
            },
            transport: transport, retry: .standard(maxAttempts: 1), sleep: { _ in })
        let resources = (1...functions).map {
            DeployedResource(logicalID: "Fn\($0)", physicalID: "app-Fn\($0)", resourceType: "AWS::Lambda::Function")
        }
        let resolver = PhysicalResolver(rootStackName: "app", lister: FakeLister(stacks: ["app": resources]))
        let context = DetectionContext(services: .aws(client, reads: LiveFunctionReads(lambda: Lambda(client: client))),
                                       resolver: resolver)
        let body = (1...functions).map { i in
            "  Fn\(i):\n    Type: AWS::Lambda::Function\n    Properties: {Handler: app.handler, Runtime: python3.12, "
                + "Environment: {Variables: {MODE: one}}}"
        }.joined(separator: "\n")
        let template = try TemplateLoader.parse("Resources:\n" + body)
        let evaluator = TemplateEvaluator(template: template)
        var targets: [HotswapTarget] = []
        for i in 1...functions {
            let properties = try #require(template.resources[LogicalID("Fn\(i)")]).properties
            targets.append(HotswapTarget(stackPath: "Root", logicalID: LogicalID("Fn\(i)"), resourceType: "AWS::Lambda::Function",
                                         artifact: .zip(LocalZip(path: "/nonexistent/Fn\(i).zip", codeSha256: hash("app-Fn\(i)")))))
            targets.append(HotswapTarget(stackPath: "Root", logicalID: LogicalID("Fn\(i)"), resourceType: "AWS::Lambda::Function",
                                         artifact: .functionConfiguration(FunctionSettings.from(properties, noEcho: [])),
                                         evaluator: evaluator))
        }
        return (HotswapPlanner(context: context, concurrency: concurrency), targets)
    }

    /// Plans, then verifies with the same planner (what a no-op `ferry up` does).
    static func planThenVerify(_ planner: HotswapPlanner, _ targets: [HotswapTarget]) async -> (HotswapPlan, VerificationReport) {
        let plan = await planner.plan(targets: targets)
        let report = await Verifier(planner: planner).verify(targets)
        return (plan, report)
    }

    @Test("120 functions as the emulator lists them: 3 ListFunctions pages, no single read, for plan and verify together")
    func manyFunctionsAreListedOncePer50() async throws {
        let transport = LambdaReadsTransport(functions: 120, listsWholeSettings: true)
        let (planner, targets) = try Self.world(transport, functions: 120, concurrency: 4)

        let (plan, report) = await Self.planThenVerify(planner, targets)

        #expect(plan.operations.isEmpty && plan.rejections.isEmpty && plan.unchanged.count == 240, "\(plan.rejections)")
        #expect(report.isVerified && report.entries.count == 240)
        #expect(transport.count("ListFunctions") == 3)  // ceil(120 / 50)
        #expect(transport.count("GetFunctionConfiguration") == 0)
        #expect(transport.maxInFlight <= 4)
    }

    @Test("as AWS lists them (no State or LastUpdateStatus): the plan reads the pages, the verify each function once")
    func awsListingsStillVerifyEachFunctionOnce() async throws {
        let transport = LambdaReadsTransport(functions: 120, listsWholeSettings: false)
        let (planner, targets) = try Self.world(transport, functions: 120, concurrency: 4)

        let (plan, report) = await Self.planThenVerify(planner, targets)

        #expect(plan.operations.isEmpty && plan.rejections.isEmpty && plan.unchanged.count == 240, "\(plan.rejections)")
        #expect(report.isVerified)
        #expect(transport.count("ListFunctions") == 3)
        #expect(transport.count("GetFunctionConfiguration") == 120)  // one per function, not one per target and phase
        #expect(transport.maxInFlight <= 4)
    }

    @Test("a few functions (no more than the concurrency) are read one by one, once each for plan and verify")
    func fewFunctionsAreReadOnceEach() async throws {
        let transport = LambdaReadsTransport(functions: 4, listsWholeSettings: true)
        let (planner, targets) = try Self.world(transport, functions: 4, concurrency: 4)

        let (plan, report) = await Self.planThenVerify(planner, targets)

        #expect(plan.unchanged.count == 8 && report.isVerified)
        #expect(transport.count("ListFunctions") == 0)
        #expect(transport.count("GetFunctionConfiguration") == 4)
    }

    @Test("a region crowded with other functions: at most ceil(N/50)+1 pages, the rest read once each")
    func crowdedRegionBoundsThePages() async throws {
        let transport = LambdaReadsTransport(functions: 60, others: 500, listsWholeSettings: true)
        let (planner, targets) = try Self.world(transport, functions: 60, concurrency: 5)

        let (plan, report) = await Self.planThenVerify(planner, targets)

        #expect(plan.unchanged.count == 120 && report.isVerified)
        #expect(transport.count("ListFunctions") == 3)  // ceil(60 / 50) + 1, none of them holds the app
        #expect(transport.count("GetFunctionConfiguration") == 60)
        #expect(transport.maxInFlight <= 5)
    }

    @Test("without shared reads (the services every hot-swap applier uses) each target reads again")
    func unsharedServicesReadPerTarget() async throws {
        let transport = LambdaReadsTransport(functions: 3, listsWholeSettings: true)
        let (planner, targets) = try Self.world(transport, functions: 3, concurrency: 4)
        let services = HotswapServices.aws(AWSClient(
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "a", secretAccessKey: "b")),
            endpoints: { service in
                ServiceEndpoint(url: URL(string: "http://localhost:9")!, signingRegion: "eu-central-1",
                                signingName: service.signingName, usesPathStyle: true)
            },
            transport: transport, retry: .standard(maxAttempts: 1), sleep: { _ in }))
        let unshared = HotswapPlanner(context: DetectionContext(services: services, resolver: planner.context.resolver), concurrency: 4)

        _ = await Self.planThenVerify(unshared, targets)

        #expect(transport.count("GetFunctionConfiguration") == 12)  // 3 functions x 2 targets x (plan + verify)
    }

    @Test("a refused ListFunctions (no permission) ends the listing: every function is read alone, once")
    func refusedListingFallsBackToSingleReads() async throws {
        struct AccessDenied: Error {}
        let pages = Mutex(0)
        let reads = LiveFunctionReads(
            load: { name in
                try AWSCoders.jsonDecoder(for: .lambda).decode(
                    FunctionConfiguration.self, from: JSONSerialization.data(withJSONObject: ["FunctionName": name]))
            },
            listPage: { _ in
                pages.withLock { $0 += 1 }
                throw AccessDenied()
            })
        let names = Set((1...20).map { "fn\($0)" })
        await reads.prefetch(names, concurrency: 4)
        for name in names.sorted() {
            _ = try await reads.summary(of: name)
            _ = try await reads.configuration(of: name)
        }
        #expect(pages.withLock { $0 } == 1)
        #expect(reads.pages == 0)
        #expect(reads.loads == 20)
    }

    @Test("concurrent asks join one read; a failed read is forgotten; a forgotten function is read again")
    func readsJoinFailuresAndForgetting() async throws {
        struct Boom: Error {}
        let calls = Mutex<[String]>([])
        let reads = LiveFunctionReads { name in
            let attempt = calls.withLock { calls in
                calls.append(name)
                return calls.filter { $0 == name }.count
            }
            try await Task.sleep(for: .milliseconds(5))
            if name == "flaky", attempt == 1 { throw Boom() }
            return try AWSCoders.jsonDecoder(for: .lambda).decode(
                FunctionConfiguration.self, from: JSONSerialization.data(withJSONObject: ["FunctionName": name, "CodeSha256": "h"]))
        }
        async let a = reads.configuration(of: "fn")
        async let b = reads.configuration(of: "fn")
        async let c = reads.summary(of: "fn")
        _ = try await (a, b, c)
        #expect(reads.loads == 1)

        await #expect(throws: Boom.self) { _ = try await reads.configuration(of: "flaky") }
        #expect(try await reads.configuration(of: "flaky").functionName == "flaky")
        reads.forget("fn")
        _ = try await reads.configuration(of: "fn")
        #expect(calls.withLock { $0 } == ["fn", "flaky", "flaky", "fn"])
    }
}
