import Foundation

/// A CloudFormation stack's status (`StackStatus`), every value AWS documents plus `unknown` for
/// values added after this was written.
package enum StackStatus: Sendable, Hashable, Decodable, CustomStringConvertible {
    case createInProgress, createFailed, createComplete
    case rollbackInProgress, rollbackFailed, rollbackComplete
    case deleteInProgress, deleteFailed, deleteComplete
    case updateInProgress, updateCompleteCleanupInProgress, updateComplete, updateFailed
    case updateRollbackInProgress, updateRollbackFailed, updateRollbackCompleteCleanupInProgress, updateRollbackComplete
    case reviewInProgress
    case importInProgress, importComplete, importRollbackInProgress, importRollbackFailed, importRollbackComplete
    /// A status this code does not know yet, as AWS spelled it.
    case unknown(String)

    /// Every status AWS documents.
    package static let allKnown: [StackStatus] = [
        .createInProgress, .createFailed, .createComplete,
        .rollbackInProgress, .rollbackFailed, .rollbackComplete,
        .deleteInProgress, .deleteFailed, .deleteComplete,
        .updateInProgress, .updateCompleteCleanupInProgress, .updateComplete, .updateFailed,
        .updateRollbackInProgress, .updateRollbackFailed, .updateRollbackCompleteCleanupInProgress, .updateRollbackComplete,
        .reviewInProgress,
        .importInProgress, .importComplete, .importRollbackInProgress, .importRollbackFailed, .importRollbackComplete,
    ]

    private static let byRawValue: [String: StackStatus] = Dictionary(
        uniqueKeysWithValues: allKnown.map { ($0.rawValue, $0) })

    /// The status for an AWS value such as `UPDATE_ROLLBACK_COMPLETE`; unknown values are kept.
    package init(rawValue: String) {
        self = Self.byRawValue[rawValue] ?? .unknown(rawValue)
    }

    package init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// The value as AWS spells it.
    package var rawValue: String {
        switch self {
        case .createInProgress: "CREATE_IN_PROGRESS"
        case .createFailed: "CREATE_FAILED"
        case .createComplete: "CREATE_COMPLETE"
        case .rollbackInProgress: "ROLLBACK_IN_PROGRESS"
        case .rollbackFailed: "ROLLBACK_FAILED"
        case .rollbackComplete: "ROLLBACK_COMPLETE"
        case .deleteInProgress: "DELETE_IN_PROGRESS"
        case .deleteFailed: "DELETE_FAILED"
        case .deleteComplete: "DELETE_COMPLETE"
        case .updateInProgress: "UPDATE_IN_PROGRESS"
        case .updateCompleteCleanupInProgress: "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"
        case .updateComplete: "UPDATE_COMPLETE"
        case .updateFailed: "UPDATE_FAILED"
        case .updateRollbackInProgress: "UPDATE_ROLLBACK_IN_PROGRESS"
        case .updateRollbackFailed: "UPDATE_ROLLBACK_FAILED"
        case .updateRollbackCompleteCleanupInProgress: "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"
        case .updateRollbackComplete: "UPDATE_ROLLBACK_COMPLETE"
        case .reviewInProgress: "REVIEW_IN_PROGRESS"
        case .importInProgress: "IMPORT_IN_PROGRESS"
        case .importComplete: "IMPORT_COMPLETE"
        case .importRollbackInProgress: "IMPORT_ROLLBACK_IN_PROGRESS"
        case .importRollbackFailed: "IMPORT_ROLLBACK_FAILED"
        case .importRollbackComplete: "IMPORT_ROLLBACK_COMPLETE"
        case .unknown(let value): value
        }
    }

    package var description: String { rawValue }

    /// Whether an operation is still running on the stack (`*_IN_PROGRESS`).
    package var isInProgress: Bool { rawValue.hasSuffix("_IN_PROGRESS") }

    /// Whether the last operation failed and the stack needs attention (`*_FAILED`).
    package var isFailed: Bool { rawValue.hasSuffix("_FAILED") }
}
