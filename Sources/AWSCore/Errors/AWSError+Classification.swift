import Foundation

/// The one place that decides what kind of failure an AWS error is.
extension AWSError {
    /// Codes the SDKs treat as throttling (standard retry mode).
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]

    /// Codes for failures on the service side that usually pass.
    static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "InternalError",
        "InternalFailure", "InternalServerError", "InternalServiceError", "ServiceUnavailable",
        "ServiceUnavailableException", "IDPCommunicationError",
    ]

    /// HTTP statuses that are retried whatever the code.
    static let transientStatusCodes: Set<Int> = [500, 502, 503, 504]

    static let accessDeniedCodes: Set<String> = [
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
        "Forbidden", "UnrecognizedClientException", "InvalidClientTokenId", "NotAuthorized",
    ]

    static let expiredTokenCodes: Set<String> = [
        "ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired", "RequestExpiredToken",
    ]

    /// Codes that say AWS refused the credentials themselves (whatever the call).
    static let refusedCredentialCodes: Set<String> = [
        "SignatureDoesNotMatch", "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId",
        "IncompleteSignature", "MissingAuthenticationToken", "InvalidSignatureException", "AuthFailure",
    ]

    /// Codes that may mean the local clock is off (retried once with a corrected time).
    static let clockSkewCodes: Set<String> = [
        "RequestTimeTooSkewed", "RequestExpired", "InvalidSignatureException", "SignatureDoesNotMatch",
        "RequestInTheFuture", "AuthFailure",
    ]

    /// The service asked us to slow down (a throttling code or HTTP 429).
    package var isThrottling: Bool {
        Self.throttlingCodes.contains(code) || statusCode == 429
    }

    /// Trying the same request again may succeed: throttling, a transient code or a 5xx status.
    package var isRetryable: Bool {
        isThrottling || Self.transientCodes.contains(code) || Self.transientStatusCodes.contains(statusCode)
    }

    /// The credentials are valid but not allowed to do this (or are not recognised).
    package var isAccessDenied: Bool {
        Self.accessDeniedCodes.contains(code)
    }

    /// The session token has expired: new credentials are needed.
    package var isExpiredToken: Bool {
        Self.expiredTokenCodes.contains(code)
            || (statusCode == 403 && message.localizedCaseInsensitiveContains("security token included in the request is expired"))
    }

    /// AWS refused the credentials: a bad key or signature, an expired token, or access denied on
    /// the very first call (nothing was ever allowed). Ferry exits 65 for these.
    package var refusesCredentials: Bool {
        Self.refusedCredentialCodes.contains(code) || isExpiredToken || (onFirstCall && isAccessDenied)
    }

    /// The error may come from a wrong local clock.
    var isClockSkew: Bool { Self.clockSkewCodes.contains(code) }
}

extension AWSError {
    /// What the user can do about this error, when there is something general to say.
    package var hint: String? {
        if isExpiredToken {
            return "the session token has expired: refresh the credentials (for example `aws sso login`) and run the command again"
        }
        if Self.refusedCredentialCodes.contains(code) {
            return "AWS refused the credentials: check the access key, secret and session token in use (`ferry doctor` shows where they come from)"
        }
        if isAccessDenied && onFirstCall {
            return "the credentials are not allowed to call \(service) \(operation), the first call Ferry made: check that the profile or role in use is the right one (`ferry doctor`) and its IAM policy"
        }
        if isAccessDenied {
            return "the credentials are not allowed to call \(service) \(operation): check the IAM policy of the role or user in use"
        }
        if isClockSkew && (code == "RequestTimeTooSkewed" || code == "RequestExpired" || code == "RequestInTheFuture") {
            return "the computer's clock differs from AWS's: synchronise it (NTP) and run the command again"
        }
        if isThrottling {
            return "AWS is throttling requests: wait a little, or raise max_attempts / AWS_MAX_ATTEMPTS"
        }
        if isRetryable {
            return "\(service) had a temporary problem: run the command again"
        }
        return nil
    }
}
