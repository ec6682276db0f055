import AWSCore
import Foundation
import Testing
@testable import AWSServices

/// CloudFormation calls replayed against answers recorded from the local moto server.
@Suite struct CloudFormationReplayTests {
    @Test func aChangeSetLifecycle() async throws {
        let (client, transport) = try Fixture.replaying(
            "cloudformation-describe-stacks-missing", "cloudformation-create-change-set", "cloudformation-describe-change-set",
            "cloudformation-list-change-sets", "cloudformation-describe-stacks")
        let cfn = CloudFormation(client: client)
        #expect(try await cfn.describeStack("probe") == nil)
        let created = try await cfn.createChangeSet(CreateChangeSetInput(
            stackName: "probe", changeSetName: "cs1", template: .body("{}"), changeSetType: .create,
            capabilities: ["CAPABILITY_IAM"], tags: [Tag(key: "app", value: "ferry")]))
        #expect(created.id?.hasPrefix("arn:aws:cloudformation:us-east-1:123456789012:changeSet/cs1/") == true)
        let changeSet = try await cfn.describeChangeSet("cs1", stackName: "probe")
        #expect(changeSet.status == "CREATE_COMPLETE")
        #expect(changeSet.changes.member.compactMap { $0.resourceChange?.logicalResourceId } == ["Role", "Fn", "Machine", "Queue"])
        #expect(changeSet.changes.member.allSatisfy { $0.resourceChange?.action == "Add" })
        #expect(try await cfn.listChangeSets(stackName: "probe").map(\.changeSetName) == ["cs1"])
        let stack = try #require(try await cfn.describeStack("probe"))
        #expect(stack.stackStatus == .createComplete)
        #expect(stack.tags.member == [Tag(key: "app", value: "ferry")])
        let form = try FakeTransport.form(transport.requests[1])
        #expect(form["Tags.member.1.Key"] == "app")
        #expect(form["Capabilities.member.1"] == "CAPABILITY_IAM")
    }

    @Test func resourcesEventsAndTemplate() async throws {
        let (client, _) = try Fixture.replaying(
            "cloudformation-list-stack-resources", "cloudformation-describe-stack-resource",
            "cloudformation-describe-stack-resources", "cloudformation-describe-stack-events", "cloudformation-get-template")
        let cfn = CloudFormation(client: client)
        let resources = try await cfn.listStackResources("probe")
        #expect(resources.map(\.logicalResourceId) == ["Role", "Fn", "Machine", "Queue"])
        #expect(resources[1].physicalResourceId == "probe-fn")
        #expect(resources[1].lastUpdatedTimestamp == nil)
        #expect(try await cfn.describeStackResource("probe", logicalResourceId: "Fn").physicalResourceId == "probe-fn")
        #expect(try await cfn.describeStackResources(stackName: "probe").map(\.resourceType).contains("AWS::Lambda::Function"))
        let events = try await cfn.describeStackEvents("probe")
        #expect(events.map(\.resourceStatus) == ["CREATE_COMPLETE", "CREATE_IN_PROGRESS", "REVIEW_IN_PROGRESS"])
        let template = try await cfn.getTemplate(stackName: "probe")
        #expect(template.templateBody?.hasPrefix("{\"Resources\":{") == true)
    }

    @Test func eventPagingStopsAtAKnownEvent() async throws {
        let (client, transport) = try Fixture.replaying("cloudformation-describe-stack-events")
        let events = try await CloudFormation(client: client).describeStackEvents("probe") { $0.resourceStatus == "REVIEW_IN_PROGRESS" }
        #expect(events.count == 3)
        #expect(transport.requests.count == 1)
    }
}
