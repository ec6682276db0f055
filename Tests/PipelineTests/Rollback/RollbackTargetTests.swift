import Deployment
import Foundation
import Pipeline
import Testing

@Suite struct RollbackTargetTests {
    typealias R = RecordFixtures

    @Test func defaultIsTheLastSuccessfulDeployBeforeTheCurrentOneWithAnotherTemplate() throws {
        // Newest first: v3 failed, v2 current, an up-to-date re-run of v1, a dry run, v1.
        let records = [
            R.record("f3", minute: 5, outcome: .failed),
            R.record("v2", minute: 4, template: "t2"),
            R.record("u1", minute: 3, outcome: .upToDate, template: "t2"),
            R.record("d1", minute: 2, outcome: .dryRun, template: "t9"),
            R.record("v1", minute: 1, template: "t1"),
        ]
        let (target, current) = try RollbackTarget.choose(from: records, id: nil)
        #expect(current?.id == "v2")
        #expect(target.id == "v1")
    }

    @Test func aDeployOfTheSameTemplateIsNotARollbackTarget() throws {
        let records = [R.record("v3", minute: 3, template: "t2"), R.record("v2", minute: 2, template: "t2"),
                       R.record("v1", minute: 1, template: "t1")]
        #expect(try RollbackTarget.choose(from: records, id: nil).target.id == "v1")
    }

    @Test func rollingBackAgainGoesFurtherBack() throws {
        let records = [
            R.record("rb", minute: 4, outcome: .rolledBack, template: "t2", rollbackOf: "v2"),
            R.record("v3", minute: 3, template: "t3"),
            R.record("v2", minute: 2, template: "t2"),
            R.record("v1", minute: 1, template: "t1"),
        ]
        let (target, current) = try RollbackTarget.choose(from: records, id: nil)
        #expect(current?.id == "rb")
        #expect(target.id == "v1")
    }

    @Test func nothingEarlierIsAClearRefusal() {
        let records = [R.record("v1", minute: 1)]
        #expect(throws: PipelineFailure.self) { try RollbackTarget.choose(from: records, id: nil) }
        #expect(throws: PipelineFailure.self) { try RollbackTarget.choose(from: [], id: nil) }
    }

    @Test func toAcceptsAnIDPrefixAndRefusesRecordsThatNeverRan() throws {
        let records = [R.record("bbbb2222", minute: 3, template: "t2"), R.record("cccc3333", minute: 2, outcome: .failed),
                       R.record("aaaa1111", minute: 1, template: "t1")]
        #expect(try RollbackTarget.choose(from: records, id: "aaaa").target.id == "aaaa1111")
        do {
            _ = try RollbackTarget.choose(from: records, id: "cccc")
            Issue.record("a failed record must be refused")
        } catch let error as PipelineFailure {
            #expect(error.description.contains("ended failed"), "\(error)")
        }
        #expect(throws: PipelineFailure.self) { try RollbackTarget.choose(from: records, id: "zzzz") }
    }

    @Test func anAmbiguousPrefixIsRefused() {
        let records = [R.record("ab12", minute: 2, template: "t2"), R.record("ab34", minute: 1)]
        #expect(throws: PipelineFailure.self) { try RollbackTarget.choose(from: records, id: "ab") }
    }
}
