import AWSCore
import Foundation
@testable import Pipeline
import Reporting
import Synchronization
import Testing

/// Answers every AWS request as CloudFormation answers DescribeStacks for a stack that does not
/// exist, recording each request.
private final class MissingStackTransport: HTTPTransport {
    private let state = Mutex<[HTTPRequest]>([])
    var requests: [HTTPRequest] { state.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        state.withLock { $0.append(request) }
        let body = "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code>"
            + "<Message>Stack with id app-dev does not exist</Message></Error><RequestId>r-1</RequestId></ErrorResponse>"
        return HTTPResponse(statusCode: 400, headers: [("Content-Type", "text/xml")], body: Data(body.utf8))
    }
}

/// `ferry up` as an engine with a fake transport: no emulator, every AWS call seen.
@Suite struct UpWithFakeTransportTests {
    @Test("a dry-run up of a stack that does not exist plans a create, asks AWS one question and loads each thing once")
    func dryRunOfAMissingStack() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        template = "template.yaml"
        [artifacts]
        bucket = "app-artifacts"
        [env.dev]
        stack_name = "app-dev"
        region = "eu-central-1"
        """.write(to: folder.appendingPathComponent("ferry.toml"), atomically: true, encoding: .utf8)
        try """
        AWSTemplateFormatVersion: '2010-09-09'
        Resources:
          Queue:
            Type: AWS::SQS::Queue
        """.write(to: folder.appendingPathComponent("template.yaml"), atomically: true, encoding: .utf8)
        let transport = MissingStackTransport()
        let environment = ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "HOME": folder.path]
        let options = UpPhase.Options(processEnvironment: environment, dryRun: true)
        let loads = ProjectLoads()
        let request = ProjectRequest(projectRoot: folder, environmentName: "dev",
                                     session: AWSSessionOptions(processEnvironment: environment), transport: transport, loads: loads)
        let sink = RecordingSink()

        let output = try await UpPhase(options: options).run(request, sink: sink)

        #expect(output.path == .dryRun)
        guard case .cloudFormation(let reasons) = output.plan.decision else {
            Issue.record("expected a CloudFormation deploy, got \(output.plan.decision)")
            return
        }
        #expect(reasons.map(\.kind) == [.stackMissing])
        #expect(transport.requests.count == 1)
        #expect(transport.requests.first?.url.host == "cloudformation.eu-central-1.amazonaws.com")
        #expect(loads.counts == ProjectLoads.Counts(configurations: 1, templateTrees: 1, manifestReads: 0, packagePlans: 1))
        #expect(sink.kinds.contains("up.summary"))
    }
}
