import Foundation

/// The region, an endpoint or a retry setting could not be worked out: says which setting,
/// where it came from and how to fix it.
package struct ResolutionError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Reason: Sendable, Equatable {
        case noRegion(profile: String?, files: [String])
        case invalidRegion(value: String, source: String)
        case invalidEndpoint(value: String, source: String, problem: String)
        case invalidMaxAttempts(value: String, source: String)
        case invalidRetryMode(value: String, source: String)
    }

    let reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    package var description: String {
        switch reason {
        case .noRegion(let profile, let files):
            let name = profile ?? "default"
            let whereLooked = files.isEmpty ? "" : " (looked in \(files.joined(separator: " and ")))"
            return "no AWS region is set: not by --region, AWS_REGION, AWS_DEFAULT_REGION, nor profile \(name)\(whereLooked). "
                + "Pass --region, export AWS_REGION, or add `region = eu-central-1` (your region) to the profile."
        case .invalidRegion(let value, let source):
            return "region `\(value)` from \(source) is not a valid region name (like eu-central-1). Fix \(source)."
        case .invalidEndpoint(let value, let source, let problem):
            return "endpoint URL `\(value)` from \(source) is not usable: \(problem). "
                + "Give a full URL like https://host or http://127.0.0.1:5000, or unset \(source)."
        case .invalidMaxAttempts(let value, let source):
            return "max_attempts `\(value)` from \(source) must be a whole number of at least 1. Fix \(source)."
        case .invalidRetryMode(let value, let source):
            return "retry_mode `\(value)` from \(source) must be standard, adaptive or legacy. Fix \(source)."
        }
    }
}
