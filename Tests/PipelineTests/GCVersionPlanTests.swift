import AWSServices
import Foundation
import Pipeline
import Testing

/// `ferry gc` counts only the bytes it really frees: every version of a deleted key, and the
/// noncurrent versions of artifacts already deleted.
@Suite struct GCVersionPlanTests {
    static let hashA = String(repeating: "a", count: 64)
    static let hashB = String(repeating: "b", count: 64)
    static let hashC = String(repeating: "c", count: 64)
    static let old = Date(timeIntervalSince1970: 1_000)
    static let cutoff = Date(timeIntervalSince1970: 10_000)

    static func version(_ key: String, _ id: String, size: Int64, latest: Bool, marker: Bool = false,
                        at date: Date = old) -> S3ObjectVersion {
        S3ObjectVersion(key: key, versionId: id, size: size, isLatest: latest, isDeleteMarker: marker, lastModified: date)
    }

    @Test func doomedKeysLoseEveryVersionAndDeletedArtifactsTheirLeftovers() {
        let versions = [
            Self.version("app/\(Self.hashA).zip", "a2", size: 100, latest: true),
            Self.version("app/\(Self.hashA).zip", "a1", size: 90, latest: false),
            Self.version("app/\(Self.hashB).zip", "b1", size: 50, latest: false),
            Self.version("app/\(Self.hashB).zip", "bm", size: 0, latest: true, marker: true),
            Self.version("app/\(Self.hashC).zip", "c1", size: 70, latest: true),
            Self.version("app/.ferry/history/app/1.json", "h1", size: 5, latest: false),
            Self.version("app/.ferry/history/app/1.json", "hm", size: 0, latest: true, marker: true),
        ]
        let plan = GCVersionPlan.make(versions: versions, doomed: ["app/\(Self.hashA).zip"], prefix: "app", olderThan: Self.cutoff)
        #expect(plan.deletions.map(\.versionId).sorted() == ["a1", "a2", "b1", "bm"])
        #expect(plan.bytes == 240)
        #expect(plan.noncurrentVersions == 2)
    }

    @Test func leftoversOfAReferencedKeyStay() {
        let versions = [
            Self.version("app/\(Self.hashB).zip", "b1", size: 50, latest: false),
            Self.version("app/\(Self.hashB).zip", "bm", size: 0, latest: true, marker: true),
        ]
        let plan = GCVersionPlan.make(versions: versions, doomed: [], prefix: "app", olderThan: Self.cutoff,
                                      isReferenced: { $0.contains(Self.hashB) })
        #expect(plan.deletions.isEmpty)
    }

    @Test func recentLeftoversStay() {
        let versions = [
            Self.version("app/\(Self.hashB).zip", "b1", size: 50, latest: false, at: Date(timeIntervalSince1970: 20_000)),
            Self.version("app/\(Self.hashB).zip", "bm", size: 0, latest: true, marker: true, at: Date(timeIntervalSince1970: 20_000)),
        ]
        #expect(GCVersionPlan.make(versions: versions, doomed: [], prefix: "app", olderThan: Self.cutoff).deletions.isEmpty)
    }
}
