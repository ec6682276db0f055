import AWSServices
import Foundation
import Pipeline
import Testing

/// Which image digests `ferry gc` deletes from the repositories.
@Suite struct GCImagePlanTests {
    static func digest(_ character: Character) -> String { "sha256:" + String(repeating: character, count: 64) }

    @Test("an image nothing uses and older than --min-age goes; used, new and possibly-used ones stay; bytes add up")
    func plan() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        let old = now.addingTimeInterval(-86_400)
        let images = ["team/app": [
            ECRImageDetail(imageDigest: Self.digest("a"), imageSizeInBytes: 100, imagePushedAt: old),   // used
            ECRImageDetail(imageDigest: Self.digest("b"), imageSizeInBytes: 200, imagePushedAt: old),   // goes
            ECRImageDetail(imageDigest: Self.digest("c"), imageSizeInBytes: 400, imagePushedAt: now),   // too new
        ], "team/other": [
            ECRImageDetail(imageDigest: Self.digest("d"), imageSizeInBytes: 800, imagePushedAt: old.addingTimeInterval(-10)),  // goes
        ]]
        let plan = GCImagePlan.make(images: images, used: [String(repeating: "a", count: 64)],
                                    newerThan: now.addingTimeInterval(-3600), unknownBefore: nil)
        #expect(plan.doomed.map(\.digest) == [Self.digest("d"), Self.digest("b")])
        #expect(plan.doomed.map(\.repository) == ["team/other", "team/app"])
        #expect(plan.bytes == 1000)
        #expect(plan.referenced == 1)
        #expect(plan.keptByAge == 1)

        // A kept deploy that recorded nothing keeps every image pushed before it ended.
        let unknown = GCImagePlan.make(images: images, used: [], newerThan: now.addingTimeInterval(-3600), unknownBefore: old)
        #expect(unknown.doomed.isEmpty)
        #expect(unknown.keptByAge == 4)
    }
}
