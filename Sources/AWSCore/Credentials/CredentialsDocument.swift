import AWSSigV4
import Foundation

/// The JSON credentials document printed by a `credential_process` and served by the container
/// and EC2 metadata endpoints: `AccessKeyId`, `SecretAccessKey`, `SessionToken` or `Token`,
/// `Expiration` (ISO 8601), and `Version` / `Code` where they apply.
enum CredentialsDocument {
    /// Decodes the document; the thrown string says what is wrong with it.
    static func decode(_ data: Data, requireVersion1: Bool = false) throws(DocumentProblem) -> AWSCredentials {
        guard let object = try? JSONSerialization.jsonObject(with: data), let json = object as? [String: Any] else {
            throw DocumentProblem("it is not a JSON object")
        }
        if requireVersion1 {
            guard let version = json["Version"] else { throw DocumentProblem("`Version` is missing (must be 1)") }
            guard (version as? Int) == 1 || (version as? Double) == 1 else { throw DocumentProblem("`Version` is \(version), must be 1") }
        }
        if let code = json["Code"] as? String, code != "Success" {
            let message = (json["Message"] as? String).map { ": \($0)" } ?? ""
            throw DocumentProblem("`Code` is \(code)\(message)")
        }
        guard let key = json["AccessKeyId"] as? String, !key.isEmpty else { throw DocumentProblem("`AccessKeyId` is missing") }
        guard let secret = json["SecretAccessKey"] as? String, !secret.isEmpty else {
            throw DocumentProblem("`SecretAccessKey` is missing")
        }
        let token = (json["SessionToken"] as? String) ?? (json["Token"] as? String)
        var expiration: Date?
        if let text = json["Expiration"] as? String {
            guard let date = parseDate(text) else {
                throw DocumentProblem("`Expiration` \(text) is not an ISO 8601 date (like 2026-01-01T00:00:00Z)")
            }
            expiration = date
        }
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret,
                              sessionToken: token.flatMap { $0.isEmpty ? nil : $0 }, expiration: expiration)
    }

    /// ISO 8601 with or without fractional seconds.
    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// Throws `expired` when `credentials` carry an expiration that has already passed.
    static func rejectExpired(_ credentials: AWSCredentials, source: String, now: Date) throws(CredentialsError) {
        if let expiration = credentials.expiration, expiration <= now {
            throw CredentialsError(.expired(source: source, expiration: expiration))
        }
    }
}

/// What is wrong with a credentials document.
struct DocumentProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
