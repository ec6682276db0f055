import AWSServices
import Foundation

/// What `ferry gc` would delete from the image repositories: the image digests no kept deploy,
/// hot-swap record, live template or live function uses, pushed before `--min-age`.
package struct GCImagePlan: Sendable, Equatable {
    /// One image to delete.
    package struct Doomed: Sendable, Equatable {
        package var repository: String
        /// `sha256:<hex>`.
        package var digest: String
        /// Its size as ECR reports it.
        package var size: Int64
        package var pushedAt: Date?
    }

    /// The images that go, oldest first.
    package var doomed: [Doomed]
    /// Images kept because something uses them.
    package var referenced: Int
    /// Images kept because they are too new or older than a deploy whose references are unknown.
    package var keptByAge: Int

    /// The bytes deleting `doomed` frees, as ECR counts them (layers shared with kept images stay stored).
    package var bytes: Int64 { doomed.reduce(0) { $0 + $1.size } }

    /// Decides, for every image of every repository, whether it goes.
    /// - Parameters:
    ///   - images: the images of each repository (DescribeImages).
    ///   - used: lower-case hex digests that stay (a 64-hex run anywhere in what must stay).
    ///   - newerThan: images pushed after this stay.
    ///   - unknownBefore: images pushed at or before this stay (a kept deploy recorded nothing).
    package static func make(images: [String: [ECRImageDetail]], used: Set<String>, newerThan: Date,
                            unknownBefore: Date?) -> GCImagePlan {
        var plan = GCImagePlan(doomed: [], referenced: 0, keptByAge: 0)
        for (repository, details) in images {
            for image in details {
                let hex = image.imageDigest.hasPrefix("sha256:") ? String(image.imageDigest.dropFirst(7)).lowercased() : ""
                if hex.isEmpty || used.contains(hex) {
                    plan.referenced += 1
                    continue
                }
                let pushed = image.imagePushedAt ?? .distantFuture
                if pushed > newerThan || (unknownBefore.map { pushed <= $0 } ?? false) {
                    plan.keptByAge += 1
                    continue
                }
                plan.doomed.append(Doomed(repository: repository, digest: image.imageDigest, size: image.imageSizeInBytes ?? 0,
                                          pushedAt: image.imagePushedAt))
            }
        }
        plan.doomed.sort { ($0.pushedAt ?? .distantPast, $0.repository, $0.digest) < ($1.pushedAt ?? .distantPast, $1.repository, $1.digest) }
        return plan
    }
}
