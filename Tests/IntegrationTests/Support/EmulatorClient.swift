import AWSCore
import Foundation

extension EmulatorEnvironment {
    /// An `AWSClient` with dummy credentials whose every service goes to the emulator.
    func client(maxAttempts: Int = 3) -> AWSClient {
        let endpoint = self.endpoint
        return AWSClient(
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            endpoints: { service in
                ServiceEndpoint(url: endpoint, signingRegion: "eu-central-1", signingName: service.signingName, usesPathStyle: true)
            },
            retry: .standard(maxAttempts: maxAttempts))
    }
}
