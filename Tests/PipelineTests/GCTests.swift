import Deployment
import Foundation
import Testing
@testable import Pipeline

@Suite("ferry gc: references, plan and cost")
struct GCTests {
    private let a = String(repeating: "a", count: 64)
    private let b = String(repeating: "b", count: 63) + "1"
    private let c = String(repeating: "c", count: 64)
    private let t = String(repeating: "0", count: 63) + "f"

    @Test("every spelling of an S3 reference yields its hash; longer or shorter hex runs do not")
    func scan() {
        let template = """
        Resources:
          Fn: {Properties: {CodeUri: s3://bucket/app/dev/\(a).zip}}
          Layer: {Properties: {Content: {S3Bucket: bucket, S3Key: app/dev/\(b).zip}}}
          Nested: {Properties: {TemplateURL: "https://s3.eu-central-1.amazonaws.com/bucket/app/dev/\(t).template"}}
          Upper: {Properties: {CodeUri: "s3://bucket/\(c.uppercased()).zip"}}
          NotAHash: \(a)0
          AlsoNot: x\(b)
        """
        #expect(ArtifactReferences.scan(template).hashes == [a, b, t, c])
        #expect(ArtifactReferences.artifactNames(in: template) == ["\(a).zip", "\(b).zip", "\(t).template", "\(c).zip"])
    }

    @Test("only content-addressed keys under the prefix are candidates; Ferry's state never is")
    func classify() {
        #expect(ArtifactObject.classify(key: "app/dev/\(a).zip", prefix: "app/dev") == .artifact(hash: a, ext: "zip"))
        #expect(ArtifactObject.classify(key: "app/dev/\(t).template", prefix: "app/dev") == .artifact(hash: t, ext: "template"))
        #expect(ArtifactObject.classify(key: "app/dev/.ferry/templates/\(t).template", prefix: "app/dev") == .uploadedTemplate(hash: t))
        #expect(ArtifactObject.classify(key: "\(a).zip", prefix: "") == .artifact(hash: a, ext: "zip"))
        for kept in ["app/dev/.ferry/locks/app-dev.json", "app/dev/.ferry/history/app-dev/20261127T101010.000Z-abcd.json",
                     "app/dev/.ferry/hotswaps/app-dev/latest.json", "app/dev/readme.txt", "app/dev/sub/\(a).zip",
                     "app/prod/\(a).zip", "app/dev/\(a.uppercased()).zip", "app/dev/\(a)"] {
            #expect(ArtifactObject.classify(key: kept, prefix: "app/dev") == .other, "\(kept)")
        }
    }

    @Test("the plan deletes unreferenced old artifacts only")
    func plan() {
        let old = Date(timeIntervalSince1970: 1_000)
        let now = Date(timeIntervalSince1970: 100_000)
        func object(_ key: String, _ size: Int64, _ modified: Date) -> GCPlan.Listed {
            GCPlan.Listed(key: key, size: size, lastModified: modified)
        }
        let objects = [
            object("p/\(a).zip", 100, old), object("p/\(b).zip", 2_000, old), object("p/\(c).zip", 50, now),
            object("p/\(t).template", 30, old), object("p/.ferry/locks/s.json", 10, old),
        ]
        let references = ArtifactReferences(hashes: [a])
        let plan = GCPlan.make(objects: objects, prefix: "p", references: references, newerThan: now.addingTimeInterval(-3600),
                               unknownBefore: nil)
        #expect(plan.doomed.map(\.key) == ["p/\(t).template", "p/\(b).zip"], "oldest first, then by key")
        #expect(plan.bytes == 2_030)
        #expect(plan.referenced == 1)
        #expect(plan.keptByAge == 1)
        #expect(plan.notArtifacts == 1)

        let cautious = GCPlan.make(objects: objects, prefix: "p", references: references, newerThan: now.addingTimeInterval(-1),
                                   unknownBefore: old)
        #expect(cautious.doomed.isEmpty)
    }

    @Test("the monthly cost is bytes / GiB × $0.023")
    func cost() {
        #expect(StorageCost.monthlyUSD(bytes: 1_073_741_824) == 0.023)
        #expect(abs(StorageCost.monthlyUSD(bytes: 10 * 1_073_741_824) - 0.23) < 1e-12)
        #expect(StorageCost.formatted(bytes: 512) == "512 B")
        #expect(StorageCost.formatted(bytes: 1_572_864) == "1.5 MB")
        #expect(StorageCost.formattedUSD(0.23) == "$0.23")
        #expect(StorageCost.formattedUSD(0.000_5) == "$0.0005")
    }

    @Test("stacks sharing the prefix are found from their history and hot-swap folders")
    func stacks() {
        let keys = ["p/.ferry/history/one/x.json", "p/.ferry/hotswaps/two/latest.json", "p/.ferry/locks/three.json", "p/\(a).zip"]
        #expect(GCReferenceReader.stacks(in: keys, prefix: "p", including: "own") == ["one", "own", "two"])
        #expect(GCReferenceReader.stacks(in: [".ferry/history/root/x.json"], prefix: "", including: "own") == ["own", "root"])
    }

    @Test("a record references its template URL, artifacts and root template; one with none of them is unknown")
    func recordReferences() {
        var record = DeployRecord(
            stackName: "s", environment: "dev", who: "w", startedAt: Date(), durationSeconds: 1, gitCommit: nil, gitDirty: nil,
            templateHash: c, templateURL: "http://localhost:5000/bucket/p/.ferry/templates/\(t).template", parameters: [],
            artifactHashes: [DeployRecord.Entry(key: "\(a).zip", value: a)], changeSummary: "", changes: [], outcome: .deployed,
            finalStatus: nil, rootCause: nil)
        #expect(GCReferenceReader.references(of: record, stored: [])?.hashes == [t, a, c])
        record.templateURL = nil
        record.artifactHashes = []
        #expect(GCReferenceReader.references(of: record, stored: [a, t]) == nil, "nothing recorded, root template not stored")
        #expect(GCReferenceReader.references(of: record, stored: [c])?.hashes == [c], "the stored root template leads to the rest")
    }

    @Test("a deploy records the artifacts its packaged template file uses")
    func recordedArtifacts() throws {
        let file = try temporaryFolder().appendingPathComponent("packaged.yaml")
        try "Resources:\n  Fn: {Properties: {CodeUri: s3://b/p/\(a).zip}}\n  N: {Properties: {TemplateURL: http://x/b/p/\(t).template}}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let entries = HistoryRecorder.artifactEntries(.file(file))
        #expect(entries == [DeployRecord.Entry(key: "\(a).zip", value: a), DeployRecord.Entry(key: "\(t).template", value: t)])
        #expect(HistoryRecorder.artifactEntries(.file(file.appendingPathExtension("missing"))).isEmpty)
    }
}
