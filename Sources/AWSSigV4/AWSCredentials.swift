import Foundation

/// A set of AWS credentials: an access key pair, an optional session token and expiry.
///
/// The type lives in the signer module because signing is the only thing that reads the secret;
/// everything above (the credentials chain, the client) passes it through.
package struct AWSCredentials: Sendable, Equatable {
    package var accessKeyID: String
    package var secretAccessKey: String
    package var sessionToken: String?
    package var expiration: Date?

    package init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// Whether these credentials expire within `margin` seconds of `date`.
    package func isExpiring(within margin: TimeInterval, of date: Date = Date()) -> Bool {
        guard let expiration else { return false }
        return expiration.timeIntervalSince(date) <= margin
    }
}

extension AWSCredentials: CustomStringConvertible {
    /// Never prints the secret or the token.
    package var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>, sessionToken: \(sessionToken == nil ? "nil" : "<redacted>"))"
    }
}
