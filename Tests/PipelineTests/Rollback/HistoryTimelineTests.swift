import Deployment
import Foundation
import Hotswap
import Pipeline
import Testing

@Suite struct HistoryTimelineTests {
    typealias R = RecordFixtures

    static func entry(_ id: String, hash: String, previous: String?, at: String, by: String = "arn:dev") -> HotswapRecord.Entry {
        HotswapRecord.Entry(stackPath: "Root", logicalID: id, resourceType: "AWS::Lambda::Function", physicalID: "fn-\(id)",
                            previousHash: previous, hash: hash, s3Key: nil, by: by, at: at)
    }

    @Test func eachHotswapListsOnlyItsOwnSwapsWithTheHashThatRanBefore() {
        let t1 = "2027-01-15T08:01:00Z", t2 = "2027-01-15T08:05:00Z"
        let first = HotswapRecord(stackName: "app-dev", updatedAt: t1, entries: [Self.entry("FnA", hash: "A2", previous: "A1", at: t1)])
        // The second hot-swap changes FnA again and FnB; merging kept the template's hash as previousHash.
        let second = HotswapRecord(stackName: "app-dev", updatedAt: t2, entries: [
            Self.entry("FnA", hash: "A3", previous: "A1", at: t2),
            Self.entry("FnB", hash: "B2", previous: "B1", at: t2),
        ])
        let entries = HistoryTimeline.hotswapEntries([first, second])
        #expect(entries.map(\.id) == ["hs-20270115080100", "hs-20270115080500"])
        #expect(entries[0].swaps == [HistoryEntry.Swap(resource: "Root/FnA", resourceType: "AWS::Lambda::Function", oldHash: "A1", newHash: "A2")])
        #expect(entries[1].swaps.map(\.oldHash) == ["A2", "B1"], "FnA's old hash is what the first hot-swap left running")
        #expect(entries[1].swaps.map(\.newHash) == ["A3", "B2"])
        #expect(entries[1].kind == .hotswap)
        #expect(entries[1].outcome == "hotswapped")
        #expect(entries[1].who == "arn:dev")
    }

    @Test func aRecordWithoutNewSwapsIsNoEntry() {
        let t1 = "2027-01-15T08:01:00Z"
        let stale = HotswapRecord(stackName: "app-dev", updatedAt: "2027-01-15T09:00:00Z",
                                  entries: [Self.entry("FnA", hash: "A2", previous: "A1", at: t1)])
        #expect(HistoryTimeline.hotswapEntries([stale]).isEmpty)
    }

    @Test func deploysRollbacksAndHotswapsAreMergedNewestFirstAndLimited() {
        let v1 = R.record("v1", minute: 0), v2 = R.record("v2", minute: 10, template: "t2")
        let rollback = R.record("rb", minute: 30, outcome: .rolledBack, rollbackOf: "v1")
        // 1_800_000_000 + 20 min = 2027-01-15T08:20:00Z
        let swap = HotswapRecord(stackName: "app-dev", updatedAt: "2027-01-15T08:20:00Z",
                                 entries: [Self.entry("FnA", hash: "A2", previous: "A1", at: "2027-01-15T08:20:00Z")])
        let hotswaps = HistoryTimeline.hotswapEntries([swap])
        let merged = HistoryTimeline.merge(deploys: [rollback, v2, v1], hotswaps: hotswaps, limit: 10)
        #expect(merged.map(\.id) == ["rb", "hs-20270115082000", "v2", "v1"])
        #expect(merged.map(\.kind) == [.rollback, .hotswap, .deploy, .deploy])
        #expect(HistoryTimeline.merge(deploys: [rollback, v2, v1], hotswaps: hotswaps, limit: 2).map(\.id) == ["rb", "hs-20270115082000"])
    }

    @Test func recordsOfTheSameSecondKeepTheirOrder() {
        // Newest first as listed; stored times are whole seconds.
        let records = [RecordFixtures.record("c-third", minute: 1), RecordFixtures.record("a-second", minute: 1),
                       RecordFixtures.record("b-first", minute: 1)]
        #expect(HistoryTimeline.merge(deploys: records, hotswaps: [], limit: 10).map(\.id) == ["c-third", "a-second", "b-first"])
    }

    @Test func findTakesAWholeIDOrAUniquePrefix() throws {
        let entries = [R.record("abc12345-x", minute: 2), R.record("abd99999-y", minute: 1)].map(HistoryEntry.init(record:))
        #expect(try HistoryTimeline.find("abc", in: entries).id == "abc12345-x")
        #expect(throws: PipelineFailure.self) { try HistoryTimeline.find("ab", in: entries) }
        #expect(throws: PipelineFailure.self) { try HistoryTimeline.find("zz", in: entries) }
    }

    @Test func aDeployEntryShowsCommitAndDuration() {
        var record = R.record("v1", minute: 0)
        record.gitDirty = true
        let entry = HistoryEntry(record: record)
        #expect(entry.commitText == "01234567+dirty")
        #expect(entry.durationText == "12.0s")
        #expect(entry.shortID == "v1")
    }
}
