/// An error the SigV4 signer throws for input it cannot sign.
package struct SigV4Error: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case expiryOutOfRange(Int)
        case urlNotBuildable(String)
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    /// A presigned URL was asked for with an expiry outside 1...604800 seconds.
    package static func expiryOutOfRange(_ seconds: Int) -> SigV4Error {
        SigV4Error(.expiryOutOfRange(seconds))
    }

    /// The presigned URL could not be assembled from the request URL.
    package static func urlNotBuildable(_ url: String) -> SigV4Error {
        SigV4Error(.urlNotBuildable(url))
    }

    package var description: String {
        switch kind {
        case .expiryOutOfRange(let seconds):
            "Presigned URL expiry of \(seconds) seconds is out of range: SigV4 (X-Amz-Expires) allows "
                + "\(SigV4Signer.presignExpiryRange.lowerBound)...\(SigV4Signer.presignExpiryRange.upperBound) "
                + "seconds (7 days). Pass an expiry in that range."
        case .urlNotBuildable(let url):
            "Could not build a presigned URL from '\(url)': the URL has no valid percent-encoded query. "
                + "Pass a URL whose path and query are percent-encoded as they go on the wire."
        }
    }
}
