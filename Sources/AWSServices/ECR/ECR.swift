import AWSCore
import Foundation

/// Amazon ECR's control plane: registry credentials, repositories and image digests.
package struct ECR: Sendable {
    /// The client every call goes through.
    package let client: AWSClient

    /// An ECR client that calls through `client`.
    package init(client: AWSClient) { self.client = client }

    /// The registry's Basic credentials and endpoint (GetAuthorizationToken).
    package func authorization() async throws -> RegistryAuthorization {
        let output: GetAuthorizationTokenOutput = try await client.json(
            .ecr, operation: "GetAuthorizationToken", input: EmptyECRRequest())
        guard let data = output.authorizationData.first, let url = URL(string: data.proxyEndpoint) else {
            throw RegistryError(.noAuthorization)
        }
        return RegistryAuthorization(token: data.authorizationToken, endpoint: url)
    }

    /// The repository named `name`, or nil when it does not exist (DescribeRepositories).
    package func repository(named name: String) async throws -> ECRRepository? {
        do {
            let output: DescribeRepositoriesOutput = try await client.json(
                .ecr, operation: "DescribeRepositories", input: RepositoryNamesRequest(repositoryNames: [name]))
            return output.repositories.first
        } catch where Self.isRepositoryMissing(error) {
            return nil
        }
    }

    /// Creates a repository (CreateRepository) with scan on push, tags mutable unless `immutableTags`.
    package func createRepository(named name: String, immutableTags: Bool = false) async throws -> ECRRepository {
        let output: CreateRepositoryOutput = try await client.json(
            .ecr, operation: "CreateRepository",
            input: CreateRepositoryRequest(
                repositoryName: name, imageTagMutability: immutableTags ? "IMMUTABLE" : "MUTABLE",
                imageScanningConfiguration: .init(scanOnPush: true)))
        return output.repository
    }

    /// The digests of every image in a repository (DescribeImages, first page of up to 1000).
    package func imageDigests(repository: String) async throws -> [String] {
        let output: DescribeImagesOutput = try await client.json(
            .ecr, operation: "DescribeImages", input: DescribeImagesRequest(repositoryName: repository, maxResults: 1000))
        return output.imageDetails.map(\.imageDigest)
    }

    /// Whether an error says the repository does not exist.
    package static func isRepositoryMissing(_ error: any Error) -> Bool {
        AWSErrorDetails(error)?.code == "RepositoryNotFoundException"
    }
}

/// Basic credentials for a registry: `token` is base64 of `AWS:<password>`, sent as `Basic <token>`.
package struct RegistryAuthorization: Sendable, Hashable {
    package var token: String
    /// The registry's base URL (`https://<account>.dkr.ecr.<region>.amazonaws.com`).
    package var endpoint: URL

    package init(token: String, endpoint: URL) {
        self.token = token
        self.endpoint = endpoint
    }
}

/// A repository as ECR describes it.
package struct ECRRepository: Decodable, Sendable, Hashable {
    package var repositoryName: String
    /// `<account>.dkr.ecr.<region>.amazonaws.com/<name>`.
    package var repositoryUri: String
    package var repositoryArn: String?
}

struct EmptyECRRequest: Encodable, Sendable {}

struct GetAuthorizationTokenOutput: Decodable, Sendable {
    struct Data: Decodable, Sendable {
        var authorizationToken: String
        var proxyEndpoint: String
    }
    var authorizationData: [Data]
}

struct RepositoryNamesRequest: Encodable, Sendable {
    var repositoryNames: [String]
}

struct DescribeRepositoriesOutput: Decodable, Sendable {
    var repositories: [ECRRepository]
}

struct CreateRepositoryRequest: Encodable, Sendable {
    struct Scanning: Encodable, Sendable { var scanOnPush: Bool }
    var repositoryName: String
    var imageTagMutability: String
    var imageScanningConfiguration: Scanning
}

struct CreateRepositoryOutput: Decodable, Sendable {
    var repository: ECRRepository
}

struct DescribeImagesRequest: Encodable, Sendable {
    var repositoryName: String
    var maxResults: Int
}

struct DescribeImagesOutput: Decodable, Sendable {
    struct Detail: Decodable, Sendable { var imageDigest: String }
    var imageDetails: [Detail]
}
