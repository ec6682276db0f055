import AWSCore

/// The fix to suggest when STS refuses the credentials or cannot be reached.
enum IdentityFix {
    static func suggestion(for error: any Error) -> String {
        if let error = error as? AWSError {
            if error.isExpiredToken {
                return "the session token expired: refresh it (`aws sso login`, or get new temporary credentials)"
            }
            if error.isAccessDenied || ["InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException"].contains(error.code) {
                return "the credentials were refused: check the access key and secret, or the profile in use"
            }
        }
        if error is TransportError {
            return "check the endpoint (--endpoint-url / AWS_ENDPOINT_URL) and that it is reachable"
        }
        return "run with --debug to see the request and the response"
    }
}
