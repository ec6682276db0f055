@testable import AWSCore
import AWSSigV4
import Foundation
import Testing

@Suite("Container and IMDS credentials", .serialized)
struct MetadataCredentialTests {
    @Test func relativeContainerURIWithAuthorizationToken() async throws {
        let server = try await MetadataServer.start(arguments: ["--container-token", "Bearer abc123"])
        let home = try TemporaryHome()
        let environment = home.environment([
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/container/v2/credentials/task-1",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer abc123",
        ])
        let chain = try AWSEnvironmentResolver(environment: environment, containerRelativeURIBase: URL(string: server.baseURL)!)
            .credentialChain()
        let credentials = try await chain.credentials()
        #expect(credentials.accessKeyID == "CONTAINERKEY")
        #expect(credentials.secretAccessKey == "CONTAINERSECRET")
        #expect(credentials.sessionToken == "CONTAINERTOKEN")
        #expect(credentials.expiration.map { $0 > Date() } == true)
        #expect(try await chain.describeSource() == "container")

        let requests = try await server.requests()
        #expect(requests.count == 1)
        #expect(requests.first?["path"] as? String == "/container/v2/credentials/task-1")
        #expect((requests.first?["headers"] as? [String: String])?["authorization"] == "Bearer abc123")
    }

    @Test func fullURIWithTokenFileWinsOverTokenVariable() async throws {
        let server = try await MetadataServer.start(arguments: ["--container-token", "from-file"])
        let home = try TemporaryHome()
        let tokenFile = try home.write("token", "from-file\n")
        let environment = home.environment([
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/container/full",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "from-variable",
        ])
        let provider = ContainerCredentialProvider(environment: environment, transport: URLSessionTransport())
        #expect(try await provider.credentials().accessKeyID == "CONTAINERKEY")
    }

    @Test func wrongTokenIsAnHTTPError() async throws {
        let server = try await MetadataServer.start(arguments: ["--container-token", "right"])
        let environment = ["AWS_METADATA_SERVICE_TIMEOUT": "10", "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/container/x",
                           "AWS_CONTAINER_AUTHORIZATION_TOKEN": "wrong"]
        let provider = ContainerCredentialProvider(environment: environment, transport: URLSessionTransport())
        let error = await #expect(throws: CredentialsError.self) { try await provider.credentials() }
        #expect(error?.description.contains("HTTP 401") == true)
    }

    @Test func plainHTTPOnlyForLoopbackAndMetadataHosts() throws {
        let allowed = ["http://127.0.0.1:8080/x", "http://localhost/x", "http://[::1]:9/x", "http://169.254.170.23/v1/credentials",
                       "https://creds.example.com/x"]
        for uri in allowed {
            let provider = ContainerCredentialProvider(environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri], transport: URLSessionTransport())
            #expect(throws: Never.self) { try provider.endpoint() }
        }
        for uri in ["http://creds.example.com/x", "http://10.0.0.1/x", "ftp://127.0.0.1/x"] {
            let provider = ContainerCredentialProvider(environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri], transport: URLSessionTransport())
            let error = #expect(throws: CredentialsError.self) { try provider.endpoint() }
            #expect(error?.description.contains("AWS_CONTAINER_CREDENTIALS_FULL_URI=\(uri) is not allowed") == true)
        }
    }

    @Test func expiredContainerCredentialsAreRejected() async throws {
        let server = try await MetadataServer.start()
        let environment = ["AWS_METADATA_SERVICE_TIMEOUT": "10", "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/container-expired"]
        let provider = ContainerCredentialProvider(environment: environment, transport: URLSessionTransport())
        let error = await #expect(throws: CredentialsError.self) { try await provider.credentials() }
        #expect(error?.description.contains("credentials from container expired") == true)
    }

    @Test func imdsV2TokenThenRoleThenCredentials() async throws {
        let server = try await MetadataServer.start()
        let home = try TemporaryHome()
        let environment = home.environment(["AWS_EC2_METADATA_DISABLED": "false", "AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL + "/"])
        let chain = try AWSEnvironmentResolver(environment: environment).credentialChain()
        #expect(chain.expectedSourceDescription == "IMDS")
        let credentials = try await chain.credentials()
        #expect(credentials.accessKeyID == "IMDSKEY")
        #expect(credentials.sessionToken == "IMDSTOKEN")
        #expect(try await chain.describeSource() == "IMDS")
        // Cached: a second call makes no requests.
        _ = try await chain.credentials()

        let requests = try await server.requests()
        #expect(requests.map { "\($0["method"] ?? "") \($0["path"] ?? "")" } == [
            "PUT /latest/api/token",
            "GET /latest/meta-data/iam/security-credentials/",
            "GET /latest/meta-data/iam/security-credentials/ferry-test-role",
        ])
        let headers = requests.compactMap { $0["headers"] as? [String: String] }
        #expect(headers[0]["x-aws-ec2-metadata-token-ttl-seconds"] == "21600")
        #expect(headers[1]["x-aws-ec2-metadata-token"] == "imds-session-token-123")
        #expect(headers[2]["x-aws-ec2-metadata-token"] == "imds-session-token-123")
    }

    @Test func instanceWithoutRoleMeansNoCredentials() async throws {
        let server = try await MetadataServer.start(arguments: ["--no-role"])
        let home = try TemporaryHome()
        let environment = home.environment(["AWS_EC2_METADATA_DISABLED": "false", "AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL])
        let chain = try AWSEnvironmentResolver(environment: environment).credentialChain()
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        #expect(error?.description.contains("no AWS credentials found") == true)
        #expect(error?.description.contains("the instance has no IAM role attached") == true)
    }

    @Test func unreachableIMDSMovesOnToTheNoCredentialsError() async throws {
        let home = try TemporaryHome()
        // Nothing listens on port 9 of loopback: the connection is refused at once.
        let environment = home.environment(["AWS_EC2_METADATA_DISABLED": "false", "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:9"])
        let chain = try AWSEnvironmentResolver(environment: environment).credentialChain()
        let error = await #expect(throws: CredentialsError.self) { try await chain.credentials() }
        let message = error?.description ?? ""
        #expect(message.contains("IMDS at http://127.0.0.1:9: no answer"))
        #expect(message.contains("aws configure"))
    }

    @Test func containerComesBeforeIMDSAndAfterProfiles() async throws {
        let server = try await MetadataServer.start()
        let home = try TemporaryHome()
        var environment = home.environment([
            "AWS_EC2_METADATA_DISABLED": "false", "AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL,
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/container/x",
        ])
        #expect(try await AWSEnvironmentResolver(environment: environment).credentialChain().credentials().accessKeyID == "CONTAINERKEY")

        try home.write(".aws/credentials", "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = S\n")
        #expect(try await AWSEnvironmentResolver(environment: environment).credentialChain().credentials().accessKeyID == "AKIDDEFAULT")

        environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = nil
        try FileManager.default.removeItem(atPath: home.path + "/.aws/credentials")
        #expect(try await AWSEnvironmentResolver(environment: environment).credentialChain().credentials().accessKeyID == "IMDSKEY")
    }

    @Test func roleWithEcsContainerCredentialSource() async throws {
        let server = try await MetadataServer.start()
        let home = try TemporaryHome(config: "[profile task]\nrole_arn = arn:aws:iam::1:role/task\ncredential_source = EcsContainer\n")
        let environment = home.environment(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/container/role"])
        let assumer = FakeRoleAssumer()
        let chain = try AWSEnvironmentResolver(environment: environment, profile: "task", roleAssumer: assumer,
                                               containerRelativeURIBase: URL(string: server.baseURL)!).credentialChain()
        #expect(try await chain.credentials().accessKeyID == "ASIA-task-1")
        #expect(assumer.recorded.first?.using.accessKeyID == "CONTAINERKEY")
    }
}
