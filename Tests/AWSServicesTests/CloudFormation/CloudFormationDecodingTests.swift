import AWSCore
import Foundation
import Testing
@testable import AWSServices

@Suite struct CloudFormationDecodingTests {
    @Test func describeStacksDecodesStatusOutputsAndLists() throws {
        let page = try Fixture.queryResult(DescribeStacksPage.self, "cloudformation-describe-stacks.xml", action: "DescribeStacks")
        let stack = try #require(page.stacks.member.first)
        #expect(stack.stackName == "MyStack")
        #expect(stack.stackStatus == .updateRollbackComplete)
        #expect(stack.capabilities.member == ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
        #expect(stack.parameters.member == [Parameter(key: "Stage", value: "prod")])
        #expect(stack.outputs.member.first?.outputKey == "StartPage")
        #expect(stack.tags.member == [Tag(key: "team", value: "ferry")])
        #expect(stack.enableTerminationProtection == true)
        #expect(stack.creationTime == Date(timeIntervalSince1970: 1_280_269_708))
        #expect(page.nextToken == nil)
    }

    @Test func describeChangeSetDecodesResourceChangeDetails() throws {
        let changeSet = try Fixture.queryResult(ChangeSet.self, "cloudformation-describe-change-set.xml", action: "DescribeChangeSet")
        #expect(changeSet.status == "CREATE_COMPLETE")
        #expect(changeSet.executionStatus == "AVAILABLE")
        #expect(changeSet.capabilities.member.isEmpty)
        #expect(changeSet.nextToken == "page-2")
        let change = try #require(changeSet.changes.member.first?.resourceChange)
        #expect(change.action == "Modify")
        #expect(change.logicalResourceId == "MyEC2Instance")
        #expect(change.physicalResourceId == "i-1abc23d4")
        #expect(change.resourceType == "AWS::EC2::Instance")
        #expect(change.replacement == "False")
        #expect(change.scope.member == ["Tags"])
        #expect(change.details.member.count == 2)
        #expect(change.details.member[0].causingEntity == "Purpose")
        #expect(change.details.member[0].target?.requiresRecreation == "Never")
    }

    @Test func emptyListsOnTheSecondPageDecodeAsEmpty() throws {
        let page = try Fixture.queryResult(ChangeSet.self, "cloudformation-describe-change-set-page2.xml", action: "DescribeChangeSet")
        let change = try #require(page.changes.member.first?.resourceChange)
        #expect(change.action == "Add")
        #expect(change.scope.member.isEmpty)
        #expect(change.details.member.isEmpty)
        #expect(page.parameters.member.isEmpty)
    }

    @Test func stackEventsKeepNewestFirstOrderAndParseNineDigitFractions() throws {
        let page = try Fixture.queryResult(DescribeStackEventsPage.self, "cloudformation-describe-stack-events.xml", action: "DescribeStackEvents")
        #expect(page.stackEvents.member.map(\.eventId) == ["Event-1-Id", "Event-2-Id"])
        let failed = page.stackEvents.member[1]
        #expect(failed.resourceStatus == "CREATE_FAILED")
        #expect(failed.resourceStatusReason == "Requested CIDR is invalid")
        #expect(abs(failed.timestamp.timeIntervalSince1970 - 1_280_269_648.123) < 0.001)
    }

    @Test func listStackResourcesDecodesSummaries() throws {
        let page = try Fixture.queryResult(ListStackResourcesPage.self, "cloudformation-list-stack-resources.xml", action: "ListStackResources")
        #expect(page.stackResourceSummaries.member.map(\.logicalResourceId) == ["DBSecurityGroup", "HelloFunction"])
        #expect(page.stackResourceSummaries.member[1].physicalResourceId == "MyStack-HelloFunction-1Hd8Ty")
        #expect(page.stackResourceSummaries.member[1].resourceType == "AWS::Lambda::Function")
    }

    @Test func getTemplateKeepsTheTemplateTextExactly() throws {
        let output = try Fixture.queryResult(GetTemplateOutput.self, "cloudformation-get-template.xml", action: "GetTemplate")
        #expect(output.templateBody == "{\n  \"AWSTemplateFormatVersion\" : \"2010-09-09\",\n  \"Description\" : \"Simple example & test\",\n  \"Resources\" : {}\n}")
        #expect(output.stagesAvailable.member == ["Original", "Processed"])
    }
}
