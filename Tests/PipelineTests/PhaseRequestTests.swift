import AWSCore
import Foundation
import Hotswap
@testable import Pipeline
import Reporting
import Synchronization
import Templates
import Testing

/// Answers every AWS request as CloudFormation answers for a stack that does not exist, recording
/// each request.
private final class NoStackTransport: HTTPTransport {
    private let state = Mutex<[HTTPRequest]>([])
    var requests: [HTTPRequest] { state.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        state.withLock { $0.append(request) }
        let body = "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code>"
            + "<Message>Stack with id app-dev does not exist</Message></Error><RequestId>r-1</RequestId></ErrorResponse>"
        return HTTPResponse(statusCode: 400, headers: [("Content-Type", "text/xml")], body: Data(body.utf8))
    }
}

/// Phases take the project as a `ProjectRequest` (resolved once into a `ResolvedProject`) and keep
/// only their own options; with a fake transport every AWS call they make is seen.
@Suite struct PhaseRequestTests {
    /// A project with one queue, `[env.dev]` and `extra` lines in it; a request for it over `transport`.
    static func project(_ extra: String = "", transport: any HTTPTransport, loads: ProjectLoads = ProjectLoads()) throws
        -> (folder: URL, request: ProjectRequest) {
        let folder = try temporaryFolder()
        try """
        template = "template.yaml"
        [artifacts]
        bucket = "app-artifacts"
        [env.dev]
        stack_name = "app-dev"
        region = "eu-central-1"
        \(extra)
        """.write(to: folder.appendingPathComponent("ferry.toml"), atomically: true, encoding: .utf8)
        try "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
            .write(to: folder.appendingPathComponent("template.yaml"), atomically: true, encoding: .utf8)
        let environment = ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "HOME": folder.path]
        let request = ProjectRequest(projectRoot: folder, environmentName: "dev",
                                     session: AWSSessionOptions(processEnvironment: environment), transport: transport, loads: loads)
        return (folder, request)
    }

    @Test("plan resolves the request once (with its --parameter overrides) and asks AWS one question")
    func planOfAMissingStack() async throws {
        let transport = NoStackTransport()
        let loads = ProjectLoads()
        var (folder, request) = try Self.project(transport: transport, loads: loads)
        defer { try? FileManager.default.removeItem(at: folder) }
        request.parameterOverrides = ["Stage=dev"]
        let sink = RecordingSink()

        let plan = try await PlanPhase(options: PlanPhase.Options(concurrency: 2)).run(request, sink: sink)

        guard case .cloudFormation(let reasons) = plan.decision else {
            Issue.record("expected a CloudFormation deploy, got \(plan.decision)")
            return
        }
        #expect(reasons.map(\.kind) == [.stackMissing])
        #expect(transport.requests.map { $0.url.host } == ["cloudformation.eu-central-1.amazonaws.com"])
        #expect(loads.counts == ProjectLoads.Counts(configurations: 1, templateTrees: 1, manifestReads: 1, packagePlans: 1))
        #expect(sink.kinds.contains("plan.result"))
    }

    @Test("a bad --parameter in the request is bad input before any AWS call")
    func badParameter() async throws {
        let transport = NoStackTransport()
        var (folder, request) = try Self.project(transport: transport)
        defer { try? FileManager.default.removeItem(at: folder) }
        request.parameterOverrides = ["no-equals-sign"]
        let error = await #expect(throws: (any Error).self) {
            _ = try await PlanPhase(options: PlanPhase.Options()).run(request, sink: RecordingSink())
        }
        #expect(error.map { FailurePresenter.present($0).category } == .badInput)
        #expect(transport.requests.isEmpty)
    }

    @Test("update refuses where the environment forbids hot-swap, before any AWS call")
    func hotswapRefused() async throws {
        let transport = NoStackTransport()
        let (folder, request) = try Self.project("hotswap = false", transport: transport)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = RecordingSink()
        let error = await #expect(throws: PipelineFailure.self) {
            _ = try await HotswapPhase(options: HotswapPhase.Options(dryRun: true)).run(request, sink: sink)
        }
        #expect(error?.category == .operationFailed)
        #expect(sink.kinds == ["hotswap.refused"])
        #expect(transport.requests.isEmpty)
    }

    @Test("verify without a local build says so, having asked AWS nothing")
    func verifyWithoutBuild() async throws {
        let transport = NoStackTransport()
        let (folder, request) = try Self.project(transport: transport)
        defer { try? FileManager.default.removeItem(at: folder) }
        await #expect(throws: HotswapError.self) {
            _ = try await VerifyPhase(options: VerifyPhase.Options()).run(request, sink: RecordingSink())
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("--only limits the whole target list: by logical ID or qualified name; an unknown name is bad input")
    func onlyLimitsTheWholeList() throws {
        func target(_ stackPath: String, _ id: String) -> HotswapTarget {
            HotswapTarget(stackPath: stackPath, logicalID: LogicalID(id), resourceType: "AWS::Lambda::Function",
                          artifact: .zip(LocalZip(path: "/\(id).zip", codeSha256: id)))
        }
        let all = [target("Root", "A"), target("Root/Nested", "B"), target("Root/Nested", "A")]
        let everything = SelectedStacks.everything
        #expect(try ResolvedProject.limit(all, to: [], selected: everything) == all)
        #expect(try ResolvedProject.limit(all, to: ["B"], selected: everything).map(\.qualifiedName) == ["Root/Nested/B"])
        #expect(try ResolvedProject.limit(all, to: ["A"], selected: everything).map(\.qualifiedName) == ["Root/A", "Root/Nested/A"])
        #expect(try ResolvedProject.limit(all, to: ["Root/Nested/A"], selected: everything).map(\.qualifiedName)
            == ["Root/Nested/A"])
        let error = #expect(throws: PipelineFailure.self) { try ResolvedProject.limit(all, to: ["B", "Nope"], selected: everything) }
        #expect(error?.category == .badInput)
        #expect(error?.description.hasPrefix("Nope is not a function, layer, state machine or AppSync resource") == true)
    }
}
