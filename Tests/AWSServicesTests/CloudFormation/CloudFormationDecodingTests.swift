import AWSCore
import Foundation
import Testing
@testable import AWSServices

@Suite struct CloudFormationClientTests {
    @Test func describeStackDecodesStatusOutputsAndLists() async throws {
        let transport = FakeTransport([try Fixture.response("cloudformation-describe-stacks.xml")])
        let stack = try #require(try await CloudFormation(client: Fixture.client(transport)).describeStack("MyStack"))
        #expect(stack.stackName == "MyStack")
        #expect(stack.stackStatus == .updateRollbackComplete)
        #expect(stack.capabilities.member == ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
        #expect(stack.parameters.member == [Parameter(key: "Stage", value: "prod")])
        #expect(stack.outputs.member.first?.outputKey == "StartPage")
        #expect(stack.tags.member == [Tag(key: "team", value: "ferry")])
        #expect(stack.enableTerminationProtection == true)
        #expect(stack.creationTime == Date(timeIntervalSince1970: 1_280_269_708))
        let form = try FakeTransport.form(try #require(transport.requests.first))
        #expect(form["Action"] == "DescribeStacks")
        #expect(form["Version"] == "2010-05-15")
        #expect(form["StackName"] == "MyStack")
    }

    @Test func aMissingStackIsNil() async throws {
        let transport = FakeTransport([try Fixture.response("cloudformation-error-stack-missing.xml", status: 400)])
        let stack = try await CloudFormation(client: Fixture.client(transport)).describeStack("missing-stack")
        #expect(stack == nil)
    }

    @Test func otherValidationErrorsStillThrow() async throws {
        let body = "<ErrorResponse><Error><Code>ValidationError</Code><Message>1 validation error detected</Message></Error></ErrorResponse>"
        let transport = FakeTransport([Fixture.response(status: 400, body: body)])
        await #expect(throws: AWSError.self) {
            _ = try await CloudFormation(client: Fixture.client(transport)).describeStack("bad name!")
        }
    }

    @Test func describeChangeSetFollowsPagesAndMergesChanges() async throws {
        let transport = FakeTransport([
            try Fixture.response("cloudformation-describe-change-set.xml"),
            try Fixture.response("cloudformation-describe-change-set-page2.xml"),
        ])
        let changeSet = try await CloudFormation(client: Fixture.client(transport))
            .describeChangeSet("SampleChangeSet-direct", stackName: "SampleStack")
        #expect(changeSet.status == "CREATE_COMPLETE")
        #expect(changeSet.executionStatus == "AVAILABLE")
        #expect(changeSet.capabilities.member.isEmpty)
        #expect(changeSet.nextToken == nil)
        #expect(changeSet.changes.member.compactMap { $0.resourceChange?.logicalResourceId } == ["MyEC2Instance", "NewQueue"])
        let change = try #require(changeSet.changes.member.first?.resourceChange)
        #expect(change.action == "Modify")
        #expect(change.physicalResourceId == "i-1abc23d4")
        #expect(change.resourceType == "AWS::EC2::Instance")
        #expect(change.replacement == "False")
        #expect(change.scope.member == ["Tags"])
        #expect(change.details.member.count == 2)
        #expect(change.details.member[0].causingEntity == "Purpose")
        #expect(change.details.member[0].target?.requiresRecreation == "Never")
        let added = try #require(changeSet.changes.member.last?.resourceChange)
        #expect(added.scope.member.isEmpty)
        #expect(added.details.member.isEmpty)
        let second = try FakeTransport.form(transport.requests[1])
        #expect(second["NextToken"] == "page-2")
        #expect(second["ChangeSetName"] == "SampleChangeSet-direct")
    }

    @Test func stackEventsKeepNewestFirstOrderAndParseNineDigitFractions() async throws {
        let transport = FakeTransport([try Fixture.response("cloudformation-describe-stack-events.xml")])
        let events = try await CloudFormation(client: Fixture.client(transport)).describeStackEvents("MyStack")
        #expect(events.map(\.eventId) == ["Event-1-Id", "Event-2-Id"])
        #expect(events[1].resourceStatus == "CREATE_FAILED")
        #expect(events[1].resourceStatusReason == "Requested CIDR is invalid")
        #expect(abs(events[1].timestamp.timeIntervalSince1970 - 1_280_269_648.123) < 0.001)
    }

    @Test func listStackResourcesDecodesSummaries() async throws {
        let transport = FakeTransport([try Fixture.response("cloudformation-list-stack-resources.xml")])
        let resources = try await CloudFormation(client: Fixture.client(transport)).listStackResources("MyStack")
        #expect(resources.map(\.logicalResourceId) == ["DBSecurityGroup", "HelloFunction"])
        #expect(resources[1].physicalResourceId == "MyStack-HelloFunction-1Hd8Ty")
        #expect(resources[1].resourceType == "AWS::Lambda::Function")
    }

    @Test func getTemplateKeepsTheTemplateTextExactly() async throws {
        let transport = FakeTransport([try Fixture.response("cloudformation-get-template.xml")])
        let output = try await CloudFormation(client: Fixture.client(transport)).getTemplate(stackName: "MyStack", stage: .processed)
        #expect(output.templateBody == "{\n  \"AWSTemplateFormatVersion\" : \"2010-09-09\",\n  \"Description\" : \"Simple example & test\",\n  \"Resources\" : {}\n}")
        #expect(output.stagesAvailable.member == ["Original", "Processed"])
        #expect(try FakeTransport.form(transport.requests[0])["TemplateStage"] == "Processed")
    }

    @Test func createChangeSetSendsFlattenedParameters() async throws {
        let body = """
            <CreateChangeSetResponse><CreateChangeSetResult><Id>arn:cs</Id><StackId>arn:stack</StackId></CreateChangeSetResult></CreateChangeSetResponse>
            """
        let transport = FakeTransport([Fixture.response(status: 200, body: body)])
        let output = try await CloudFormation(client: Fixture.client(transport)).createChangeSet(
            CreateChangeSetInput(stackName: "app", changeSetName: "cs1", template: .body("{}"), changeSetType: .create,
                                 capabilities: ["CAPABILITY_IAM"]))
        #expect(output == CreateChangeSetOutput(id: "arn:cs", stackId: "arn:stack"))
        let form = try FakeTransport.form(transport.requests[0])
        #expect(form["Action"] == "CreateChangeSet")
        #expect(form["TemplateBody"] == "{}")
        #expect(form["Capabilities.member.1"] == "CAPABILITY_IAM")
        #expect(form["ChangeSetType"] == "CREATE")
    }
}
