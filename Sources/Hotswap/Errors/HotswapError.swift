import Foundation

/// A hot-swap or verification step failed; the message names the resource and what to do.
package struct HotswapError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Reason: Sendable, Equatable {
        case staleAfterUpdate(resource: String, physicalID: String, live: String?, local: String)
        case updateFailed(resource: String, physicalID: String, reason: String)
        case tooLargeWithoutUpload(resource: String, size: UInt64)
        case unreadableArtifact(resource: String, path: String, reason: String)
        case stackResourceMissing(stack: String, logicalID: String)
        case nestedStackMissing(stackPath: String, logicalID: String)
        case unreadableManifest(path: String, reason: String)
        case schemaCreationFailed(apiId: String, details: String)
    }

    private let reason: Reason

    private init(_ reason: Reason) { self.reason = reason }

    /// After the update, the live hash still differs from the local build's.
    package static func staleAfterUpdate(resource: String, physicalID: String, live: String?, local: String) -> Self {
        Self(.staleAfterUpdate(resource: resource, physicalID: physicalID, live: live, local: local))
    }

    /// The service reported that the update failed.
    package static func updateFailed(resource: String, physicalID: String, reason: String) -> Self {
        Self(.updateFailed(resource: resource, physicalID: physicalID, reason: reason))
    }

    /// The zip is above the direct-upload limit and was never uploaded to S3.
    package static func tooLargeWithoutUpload(resource: String, size: UInt64) -> Self {
        Self(.tooLargeWithoutUpload(resource: resource, size: size))
    }

    /// The local zip or file could not be read.
    package static func unreadableArtifact(resource: String, path: String, reason: String) -> Self {
        Self(.unreadableArtifact(resource: resource, path: path, reason: reason))
    }

    /// The stack has no resource with this logical ID.
    package static func stackResourceMissing(stack: String, logicalID: String) -> Self {
        Self(.stackResourceMissing(stack: stack, logicalID: logicalID))
    }

    /// A nested stack of the stack path is not deployed.
    package static func nestedStackMissing(stackPath: String, logicalID: String) -> Self {
        Self(.nestedStackMissing(stackPath: stackPath, logicalID: logicalID))
    }

    /// `.ferry/build/manifest.json` is missing or cannot be read.
    package static func unreadableManifest(path: String, reason: String) -> Self {
        Self(.unreadableManifest(path: path, reason: reason))
    }

    /// AppSync reported that the schema could not be created.
    package static func schemaCreationFailed(apiId: String, details: String) -> Self {
        Self(.schemaCreationFailed(apiId: apiId, details: details))
    }

    /// Whether the resource is not deployed (a new resource, or a nested stack not yet created).
    package var isNotDeployed: Bool {
        switch reason {
        case .stackResourceMissing, .nestedStackMissing: true
        default: false
        }
    }

    package var description: String {
        switch reason {
        case .staleAfterUpdate(let resource, let physicalID, let live, let local):
            return "\(resource) (\(physicalID)) is stale after the update: it runs \(live ?? "no code") "
                + "but the local build is \(local). Another update may have raced this one; run `ferry update` again "
                + "or `ferry deploy`."
        case .updateFailed(let resource, let physicalID, let reason):
            return "The update of \(resource) (\(physicalID)) failed: \(reason). Fix the cause and run `ferry update` again."
        case .tooLargeWithoutUpload(let resource, let size):
            return "\(resource): the zip is \(size) bytes, above Lambda's 50 MB direct-upload limit, and has no S3 "
                + "location. Run `ferry package` first so it is uploaded, then `ferry update`."
        case .unreadableArtifact(let resource, let path, let reason):
            return "\(resource): cannot read \(path): \(reason). Run `ferry build` again."
        case .stackResourceMissing(let stack, let logicalID):
            return "Stack \(stack) has no resource \(logicalID): it is not deployed yet. Run `ferry deploy`."
        case .nestedStackMissing(let stackPath, let logicalID):
            return "The nested stack \(logicalID) of \(stackPath) is not deployed. Run `ferry deploy`."
        case .unreadableManifest(let path, let reason):
            return "Cannot read the build manifest \(path): \(reason). Run `ferry build` first."
        case .schemaCreationFailed(let apiId, let details):
            return "AppSync could not create the schema of API \(apiId): \(details). Fix the schema and run `ferry update` again."
        }
    }
}
