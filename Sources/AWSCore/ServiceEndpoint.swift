import Foundation

/// Where one AWS service is reached and how requests to it are signed.
package struct ServiceEndpoint: Sendable, Equatable {
    /// The base URL, e.g. `https://lambda.eu-central-1.amazonaws.com` or `http://127.0.0.1:5000`.
    package var url: URL
    /// The region that goes into the credential scope.
    package var signingRegion: String
    /// The service name that goes into the credential scope (`s3`, `lambda`, `cloudformation`, ...).
    package var signingName: String
    /// S3 only: put the bucket in the path (`/bucket/key`) rather than in the host name.
    package var usesPathStyle: Bool

    package init(url: URL, signingRegion: String, signingName: String, usesPathStyle: Bool = false) {
        self.url = url
        self.signingRegion = signingRegion
        self.signingName = signingName
        self.usesPathStyle = usesPathStyle
    }
}
