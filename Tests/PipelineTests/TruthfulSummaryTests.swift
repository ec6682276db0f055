import Foundation
import Hotswap
import Pipeline
import Templates
import Testing

/// Verification and `ferry up` summaries say what happened: nothing unverified passes, a shared
/// cause is said once, and a failure before the deploy never says it deployed.
@Suite struct TruthfulSummaryTests {
    static func target(_ id: String) -> HotswapTarget {
        HotswapTarget(stackPath: "Root", logicalID: LogicalID(id), resourceType: "AWS::Lambda::Function",
                      artifact: .zip(LocalZip(path: "/tmp/\(id).zip", codeSha256: "H\(id)")))
    }

    @Test func anythingNotFreshIsNotVerified() {
        let fresh = VerificationEntry(target: Self.target("A"), physicalID: "a", status: .fresh(hash: "h"))
        let odd = VerificationEntry(target: Self.target("B"), physicalID: "b", status: .unverifiable(reason: "x"))
        #expect(VerificationReport(entries: [fresh]).isVerified)
        #expect(!VerificationReport(entries: [fresh, odd]).isVerified)
        #expect(!VerificationReport(entries: [], missingStack: "app").isVerified)
    }

    @Test func aReasonSharedByResourcesIsSaidOnceWithoutRequestIDs() {
        let entries = ["A", "B", "C"].map { id in
            VerificationEntry(target: Self.target(id), physicalID: id, status: .unverifiable(
                reason: "Lambda GetFunction failed: AccessDenied: no (request ID \(id)-\(UUID().uuidString))"))
        } + [VerificationEntry(target: Self.target("D"), physicalID: "d", status: .unverifiable(reason: "other"))]
        let causes = VerificationReport(entries: entries).sharedCauses
        #expect(causes.count == 1)
        #expect(causes.first?.reason == "Lambda GetFunction failed: AccessDenied: no")
        #expect(causes.first?.resources == ["Root/A", "Root/B", "Root/C"])
        let event = VerificationCauseEvent(reason: causes[0].reason, resources: causes[0].resources)
        #expect(event.message == "3 resource(s) not verified: Lambda GetFunction failed: AccessDenied: no")
    }

    @Test func aMissingStackIsOneSummaryLine() {
        let report = VerificationReport(entries: [Self.target("A"), Self.target("B")].map {
            VerificationEntry(target: $0, physicalID: nil, status: .missing)
        }, missingStack: "app-dev")
        let summary = VerificationSummaryEvent(report: report)
        #expect(summary.level == .error)
        #expect(summary.message == "stack app-dev does not exist: nothing is deployed, 2 resource(s) not verified")
        #expect(summary.details == ["run `ferry up` (or `ferry deploy`) to create it"])
    }

    @Test func upSummaryNeverSaysDeployedWhenItFailedBefore() {
        let plan = DeploymentPlan(environment: "dev", stackName: "app", decision: .cloudFormation(reasons: []))
        let package = UpSummaryEvent(path: .cloudFormation, plan: plan, timings: [], verification: nil, failedPhase: "package")
        #expect(package.message.hasPrefix("FAILED: app (dev): package failed, nothing was deployed"), "\(package.message)")
        let gates = UpSummaryEvent(path: .cloudFormation, plan: plan, timings: [], verification: nil, failedPhase: "before_deploy gates")
        #expect(!gates.message.contains("deployed through"), "\(gates.message)")
        let deploy = UpSummaryEvent(path: .cloudFormation, plan: plan, timings: [], verification: nil, failedPhase: "deploy")
        #expect(deploy.message.contains("the CloudFormation deploy failed"), "\(deploy.message)")
        #expect(!deploy.message.contains("deployed through"), "\(deploy.message)")
        let done = UpSummaryEvent(path: .cloudFormation, plan: plan, timings: [], verification: VerificationReport(entries: []))
        #expect(done.message.hasPrefix("app (dev): deployed through CloudFormation"), "\(done.message)")
    }

    @Test func upSummarySaysWhatWasNotVerified() {
        let plan = DeploymentPlan(environment: "dev", stackName: "app", decision: .cloudFormation(reasons: []))
        let report = VerificationReport(entries: [
            VerificationEntry(target: Self.target("A"), physicalID: "a", status: .fresh(hash: "h")),
            VerificationEntry(target: Self.target("B"), physicalID: "b", status: .unverifiable(reason: "uses a parameter")),
        ])
        let summary = UpSummaryEvent(path: .cloudFormation, plan: plan, timings: [], verification: report)
        #expect(summary.level == .error)
        #expect(summary.message.hasPrefix("NOT VERIFIED after up: app (dev): deployed through CloudFormation"), "\(summary.message)")
        #expect(summary.details.last == "not verified: Root/B")
    }
}
