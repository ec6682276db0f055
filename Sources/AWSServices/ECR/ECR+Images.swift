// ECR's images of a repository: their sizes (DescribeImages) and their deletion (BatchDeleteImage).
import AWSCore
import Foundation

/// An image as DescribeImages lists it.
package struct ECRImageDetail: Decodable, Sendable, Hashable {
    /// `sha256:<hex>` of the manifest.
    package var imageDigest: String
    package var imageTags: [String]?
    /// The image's size as ECR reports it (its compressed layers).
    package var imageSizeInBytes: Int64?
    /// When it was pushed.
    package var imagePushedAt: Date?

    /// A detail (tests).
    package init(imageDigest: String, imageTags: [String]? = nil, imageSizeInBytes: Int64? = nil, imagePushedAt: Date? = nil) {
        self.imageDigest = imageDigest
        self.imageTags = imageTags
        self.imageSizeInBytes = imageSizeInBytes
        self.imagePushedAt = imagePushedAt
    }
}

/// What BatchDeleteImage did: the digests deleted and the failures with their reasons.
package struct ECRImageDeletion: Sendable, Hashable {
    package var deleted: [String]
    package var failures: [String]
}

extension ECR {
    /// Every image of `repository` with its size and push time (DescribeImages, every page).
    /// - Throws: the ECR error (`RepositoryNotFoundException`: see `isRepositoryMissing`).
    package func describeImages(repository: String) async throws -> [ECRImageDetail] {
        var images: [ECRImageDetail] = []
        var token: String?
        repeat {
            let output: DescribeImagesPage = try await client.json(
                .ecr, operation: "DescribeImages",
                input: DescribeImagesPageRequest(repositoryName: repository, maxResults: 1000, nextToken: token))
            images += output.imageDetails
            token = output.nextToken
        } while token != nil
        return images
    }

    /// Deletes images by digest (BatchDeleteImage, 100 per request); a failure of one image does not stop the others.
    /// - Throws: the ECR error of a whole request.
    package func batchDeleteImages(repository: String, digests: [String]) async throws -> ECRImageDeletion {
        var result = ECRImageDeletion(deleted: [], failures: [])
        var start = 0
        while start < digests.count {
            let chunk = Array(digests[start..<min(start + 100, digests.count)])
            start += 100
            let output: BatchDeleteImageOutput = try await client.json(
                .ecr, operation: "BatchDeleteImage",
                input: BatchDeleteImageRequest(repositoryName: repository, imageIds: chunk.map { .init(imageDigest: $0) }))
            result.deleted += (output.imageIds ?? []).compactMap(\.imageDigest)
            result.failures += (output.failures ?? []).map {
                "\(repository)@\($0.imageId?.imageDigest ?? "?"): \($0.failureCode ?? "") \($0.failureReason ?? "")"
            }
        }
        return result
    }
}

struct DescribeImagesPageRequest: Encodable, Sendable {
    var repositoryName: String
    var maxResults: Int
    var nextToken: String?
}

struct DescribeImagesPage: Decodable, Sendable {
    var imageDetails: [ECRImageDetail]
    var nextToken: String?
}

struct ECRImageIdentifier: Codable, Sendable {
    var imageDigest: String?
}

struct BatchDeleteImageRequest: Encodable, Sendable {
    var repositoryName: String
    var imageIds: [ECRImageIdentifier]
}

struct BatchDeleteImageOutput: Decodable, Sendable {
    struct Failure: Decodable, Sendable {
        var imageId: ECRImageIdentifier?
        var failureCode: String?
        var failureReason: String?
    }
    var imageIds: [ECRImageIdentifier]?
    var failures: [Failure]?
}
