import AWSSigV4
import Foundation

/// Static keys written in a profile: `aws_access_key_id`, `aws_secret_access_key` and
/// optionally `aws_session_token` (or `aws_security_token`).
package struct ProfileCredentialProvider: CredentialSource {
    /// The profile the keys are read from.
    package let profile: AWSProfile

    /// Reads the keys of `profile`.
    package init(profile: AWSProfile) {
        self.profile = profile
    }

    /// `profile dev in ~/.aws/credentials` (the file that holds the access key).
    package var sourceDescription: String { profile.describe(holding: "aws_access_key_id") }

    /// Whether the profile has either key (so its keys are meant to be used).
    package static func hasStaticKeys(_ profile: AWSProfile) -> Bool {
        profile.value("aws_access_key_id") != nil || profile.value("aws_secret_access_key") != nil
    }

    package func credentials() async throws -> AWSCredentials {
        guard let key = profile.value("aws_access_key_id") else {
            throw CredentialsError(.incompleteProfile(profile: profile.name, file: profile.describeFiles(holding: "aws_secret_access_key"),
                                                      missing: "aws_access_key_id"))
        }
        guard let secret = profile.value("aws_secret_access_key") else {
            throw CredentialsError(.incompleteProfile(profile: profile.name, file: profile.describeFiles(holding: "aws_access_key_id"),
                                                      missing: "aws_secret_access_key"))
        }
        let token = profile.value("aws_session_token") ?? profile.value("aws_security_token")
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token)
    }
}

extension AWSProfile {
    /// The file holding `key`, or all the profile's files.
    func describeFiles(holding key: String) -> String {
        values[key]?.file ?? files.joined(separator: " and ")
    }
}
