import AWSSigV4
import Foundation
import Synchronization

/// Tries credential sources in order and keeps using the first one that yields.
///
/// Sources that are not set up here are skipped; a source that is set up but fails (a broken
/// `credential_process`, a role that cannot be assumed) stops the chain with its error, as in
/// the AWS CLI. When nothing yields, the error lists every source tried and how to fix it.
package final class CredentialProviderChain: CredentialProvider {
    /// The sources, in the order they are tried.
    package let sources: [any CredentialSource]
    private let chosen = Mutex<Int?>(nil)

    /// A chain trying `sources` in order.
    package init(sources: [any CredentialSource]) {
        self.sources = sources
    }

    /// The description of the first source that is set up (the one the chain is expected to
    /// use), without fetching anything; nil when none is.
    package var expectedSourceDescription: String? {
        sources.first { !($0 is UnavailableCredentialSource) }?.sourceDescription
    }

    /// Credentials from the first source that yields; later calls go straight to that source.
    package func credentials() async throws -> AWSCredentials {
        if let index = chosen.withLock({ $0 }) {
            return try await sources[index].credentials()
        }
        var tried: [String] = []
        for (index, source) in sources.enumerated() {
            do {
                let credentials = try await source.credentials()
                chosen.withLock { $0 = index }
                return credentials
            } catch let error as CredentialsError where error.isSourceUnavailable {
                tried.append(error.triedLine ?? source.sourceDescription)
            }
        }
        throw CredentialsError(.noCredentials(tried: tried))
    }

    /// Where the credentials come from, fetching them once if no source has yielded yet.
    package func describeSource() async throws -> String {
        if chosen.withLock({ $0 }) == nil { _ = try await credentials() }
        guard let index = chosen.withLock({ $0 }) else { throw CredentialsError(.noCredentials(tried: [])) }
        return sources[index].sourceDescription
    }
}
