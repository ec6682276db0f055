import Foundation
import Testing
@testable import AWSServices

@Suite struct OtherServicesDecodingTests {
    @Test func stsAssumeRoleDecodesCredentials() async throws {
        let transport = FakeTransport([try Fixture.response("sts-assume-role.xml")])
        let role = try await STS(client: Fixture.client(transport)).assumeRole(
            roleArn: "arn:aws:iam::123456789012:role/demo", sessionName: "TestAR", durationSeconds: 900)
        let form = try FakeTransport.form(transport.requests[0])
        #expect(form["RoleArn"] == "arn:aws:iam::123456789012:role/demo")
        #expect(form["RoleSessionName"] == "TestAR")
        #expect(form["DurationSeconds"] == "900")
        #expect(role.credentials.accessKeyId == "ASIAIOSFODNN7EXAMPLE")
        #expect(role.credentials.sessionToken.hasPrefix("AQoDYXdzEPT"))
        #expect(role.credentials.expiration == Date(timeIntervalSince1970: 1_573_306_481))
        #expect(role.assumedRoleUser?.arn == "arn:aws:sts::123456789012:assumed-role/demo/TestAR")
        #expect(role.packedPolicySize == 6)
    }

    @Test func stsGetCallerIdentityDecodes() async throws {
        let transport = FakeTransport([try Fixture.response("sts-get-caller-identity.xml")])
        let identity = try await STS(client: Fixture.client(transport)).getCallerIdentity()
        #expect(identity == CallerIdentity(userId: "AIDACKCEVSQ6C2EXAMPLE", account: "123456789012", arn: "arn:aws:iam::123456789012:user/Alice"))
    }

    @Test func filterLogEventsDecodesCamelCase() throws {
        let page = try Fixture.json(FilterLogEventsPage.self, "logs-filter-log-events.json", service: .cloudWatchLogs)
        #expect(page.events?.map(\.message) == ["second", "first"])
        #expect(page.nextToken == "token-2")
    }

    @Test func stateMachineDecodesEpochDates() throws {
        let machine = try Fixture.json(StateMachineDescription.self, "sfn-describe-state-machine.json", service: .stepFunctions)
        #expect(machine.name == "HelloWorld")
        #expect(machine.definition.contains("\"StartAt\":\"Pass\""))
        #expect(abs(machine.creationDate.timeIntervalSince1970 - 1_702_547_293.566) < 0.001)
    }

    @Test func appSyncResolverDecodes() throws {
        let result = try Fixture.json(ResolverResult.self, "appsync-get-resolver.json", service: .appSync)
        #expect(result.resolver.typeName == "Query")
        #expect(result.resolver.runtime == AppSyncRuntime())
        #expect(result.resolver.code?.contains("export function request") == true)
        #expect(AppSync.apiPath("abc123", "types", "Query", "resolvers", "getPost") == "/v1/apis/abc123/types/Query/resolvers/getPost")
    }
}
