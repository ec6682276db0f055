// Errors from a container registry (the OCI distribution API).

/// A registry call that failed: what was asked, what the registry answered, and what to do.
package struct RegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case noAuthorization
        case status(operation: String, url: String, status: Int, body: String)
        case digestMismatch(url: String, expected: String, actual: String)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// The HTTP status the registry answered, when it answered one.
    package var status: Int? {
        if case let .status(_, _, status, _) = kind { return status }
        return nil
    }

    /// A human-readable message.
    package var description: String {
        switch kind {
        case .noAuthorization:
            return "ECR's GetAuthorizationToken answered no authorization data; check the credentials' ecr:GetAuthorizationToken permission."
        case let .status(operation, url, status, body):
            let hint = status == 401 || status == 403
                ? " The registry refused the credentials: check ecr:* permissions on the repository."
                : ""
            return "The registry answered \(status) to \(operation) \(url): \(body.prefix(300)).\(hint)"
        case let .digestMismatch(url, expected, actual):
            return "The registry stored \(url) as \(actual), not \(expected); the push is incomplete. Run the command again."
        }
    }
}
