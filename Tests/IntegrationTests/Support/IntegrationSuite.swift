import Foundation
import Testing

/// Every integration test is nested in this suite: they share one emulator and reset it, so
/// they run one at a time.
@Suite(.serialized) struct Integration {}

/// The environment for a `ferry` run against the emulator: dummy credentials, a region, the
/// endpoint, and a temporary HOME so the developer's ~/.aws never leaks in.
struct EmulatorEnvironment {
    let endpoint: URL
    let home: TemporaryFolder

    static func fresh() async throws -> EmulatorEnvironment {
        let endpoint = try await Emulator.shared.endpoint()
        try await Emulator.shared.reset()
        return EmulatorEnvironment(endpoint: endpoint, home: try TemporaryFolder("ferry-home"))
    }

    /// Variables for a run with credentials in the environment.
    var variables: [String: String] {
        [
            "HOME": home.url.path,
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_REGION": "eu-central-1", "AWS_ENDPOINT_URL": endpoint.absoluteString,
            "AWS_EC2_METADATA_DISABLED": "true", "NO_COLOR": "1",
        ]
    }

    /// Variables without any credentials (HOME, region, endpoint only).
    var withoutCredentials: [String: String] {
        var variables = self.variables
        variables["AWS_ACCESS_KEY_ID"] = nil
        variables["AWS_SECRET_ACCESS_KEY"] = nil
        return variables
    }
}
