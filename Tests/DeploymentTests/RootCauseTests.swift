import AWSServices
import Deployment
import Foundation
import Testing

@Suite struct RootCauseTests {
    @Test func skipsTheCancellationCascade() throws {
        let scenario = try Recorded.scenario("create-failure-cascade")
        let cause = try #require(RootCause.find(in: scenario.allEvents))
        #expect(cause.logicalID == "Queue")
        #expect(cause.resourceType == "AWS::SQS::Queue")
        #expect(cause.status == "CREATE_FAILED")
        #expect(cause.reason == "Resource handler returned message: Access denied for kms:Decrypt")
        #expect(cause.stackName == "app")
    }

    @Test func prefersTheNestedStacksOwnFailureOverEmbeddedStack() throws {
        let scenario = try Recorded.scenario("nested-failure-embedded")
        let cause = try #require(RootCause.find(in: scenario.allEvents))
        #expect(cause.logicalID == "Broken")
        #expect(cause.stackName.hasPrefix("app-Child-"))
        #expect(cause.reason.contains("Access denied"))
    }

    @Test func fallsBackToEmbeddedStackWhenTheNestedEventsAreMissing() throws {
        let scenario = try Recorded.scenario("nested-failure-embedded")
        let rootOnly = scenario.stacks[scenario.rootStackID] ?? []
        let cause = try #require(RootCause.find(in: rootOnly))
        #expect(cause.logicalID == "Child")
        #expect(RootCause.isEmbeddedStackFailure(cause.reason))
    }

    @Test func updateRollbackNamesTheFailedResourceNotTheCancelledUpdate() throws {
        let scenario = try Recorded.scenario("update-rollback")
        let cause = try #require(RootCause.find(in: scenario.allEvents))
        #expect(cause.logicalID == "Table")
        #expect(cause.status == "CREATE_FAILED")
    }

    @Test func aStackLevelRollbackReasonIsTheCauseWhenNoResourceFailed() throws {
        let scenario = try Recorded.scenario("stack-level-failure")
        let cause = try #require(RootCause.find(in: scenario.allEvents))
        #expect(cause.logicalID == "app")
        #expect(cause.status == "ROLLBACK_IN_PROGRESS")
        #expect(cause.reason.hasPrefix("Transform AWS::Serverless-2016-10-31 failed with:"))
    }

    @Test func aStackLevelSummaryOfFailedResourcesIsNotTheCause() throws {
        let scenario = try Recorded.scenario("create-failure-cascade")
        #expect(try #require(RootCause.find(in: scenario.allEvents)).logicalID == "Queue")
        #expect(RootCause.isResourceSummary("The following resource(s) failed to create: [Queue]. Rollback requested by user."))
    }

    @Test func aSuccessfulOperationHasNoRootCause() throws {
        let scenario = try Recorded.scenario("create-with-nested-success")
        #expect(RootCause.find(in: scenario.allEvents) == nil)
    }

    @Test(arguments: [
        ("Resource creation cancelled", true), ("Resource update cancelled", true), ("cancelled", true),
        ("Resource handler returned message: Role cannot be assumed", false),
        ("Embedded stack arn:x was not successfully created: y", false),
    ])
    func classifiesCascadeReasons(reason: String, isCascade: Bool) {
        #expect(RootCause.isCascade(reason) == isCascade)
    }
}
