/// Why `ferry rollback` cannot go on: what is missing, where, and what to do.
package struct RollbackError: Error, Sendable, CustomStringConvertible, Equatable {
    private enum Code: Sendable, Equatable {
        case noBucket
        case templateGone(recordID: String, hash: String, bucket: String, keys: [String])
        case nestedTemplateGone(recordID: String, stackPath: String, location: String)
        case unreadableTemplate(location: String, reason: String)
        case codeGone(recordID: String, resource: String, location: String)
    }

    private let code: Code

    /// No artifact bucket is configured: history and templates live there.
    package static let noBucket = RollbackError(code: .noBucket)

    /// The record's root template object was removed (garbage-collected).
    package static func templateGone(recordID: String, hash: String, bucket: String, keys: [String]) -> RollbackError {
        RollbackError(code: .templateGone(recordID: recordID, hash: hash, bucket: bucket, keys: keys))
    }

    /// A nested template of the record's template was removed.
    package static func nestedTemplateGone(recordID: String, stackPath: String, location: String) -> RollbackError {
        RollbackError(code: .nestedTemplateGone(recordID: recordID, stackPath: stackPath, location: location))
    }

    /// A recorded template could not be parsed.
    package static func unreadableTemplate(location: String, reason: String) -> RollbackError {
        RollbackError(code: .unreadableTemplate(location: location, reason: reason))
    }

    /// The code object a function of the record's template names was removed.
    package static func codeGone(recordID: String, resource: String, location: String) -> RollbackError {
        RollbackError(code: .codeGone(recordID: recordID, resource: resource, location: location))
    }

    /// Whether the record's template (or a nested one) is gone from the bucket.
    package var isTemplateGone: Bool {
        switch code {
        case .templateGone, .nestedTemplateGone, .codeGone: true
        default: false
        }
    }

    package var description: String {
        switch code {
        case .noBucket:
            return "no artifact bucket is configured ([artifacts] bucket in ferry.toml): deploy records and "
                + "packaged templates live there, so there is nothing to roll back to"
        case .templateGone(let id, let hash, let bucket, let keys):
            return "the template of deploy \(id.prefix(8)) (sha256 \(hash.prefix(12))) is no longer in the artifact bucket "
                + "(looked for " + keys.map { "s3://\(bucket)/\($0)" }.joined(separator: ", ")
                + "; it was probably garbage-collected): this record cannot be rolled back to. Nothing was changed. "
                + "Pick a newer record from `ferry history` with `ferry rollback --to ID`, or deploy that commit again."
        case .nestedTemplateGone(let id, let stackPath, let location):
            return "the nested template of \(stackPath) in deploy \(id.prefix(8)) is no longer in the artifact bucket "
                + "(\(location); it was probably garbage-collected): this record cannot be rolled back to. Nothing was changed."
        case .codeGone(let id, let resource, let location):
            return "the code of \(resource) in deploy \(id.prefix(8)) is no longer in the artifact bucket "
                + "(\(location); it was probably garbage-collected): this record cannot be rolled back to. Nothing was changed."
        case .unreadableTemplate(let location, let reason):
            return "the recorded template \(location) cannot be read: \(reason)"
        }
    }
}
