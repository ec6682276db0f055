import Foundation

/// A local file or folder a template points at, which packaging must upload.
package struct LocalArtifact: Sendable, Hashable {
    /// How the local path becomes an upload.
    package enum Kind: Sendable, Hashable {
        /// A folder to zip.
        case zipFolder
        /// A single file to put alone into a zip (Lambda code or layer given as one file).
        case zipFile
        /// A file to upload as is (including a ready-made `.zip` for Lambda code).
        case file
        /// A template to package recursively, then upload.
        case nestedTemplate
    }

    /// Where the path was found.
    package enum Origin: Sendable, Hashable {
        /// `Properties.<propertyPath>` of a resource.
        case resource(LogicalID)
        /// `Metadata.<section>.<key>` at the top of the template.
        case templateMetadata(section: String)
        /// `Parameters.Location` of an `AWS::Include` transform (inside this resource, if any).
        case includeTransform(LogicalID?)
    }

    /// Where the path was found.
    package let origin: Origin
    /// The resource type (or metadata section, or `Fn::Transform`).
    package let resourceType: String
    /// Keys leading to the value: below `Properties` for resources, from the template root otherwise.
    package let propertyPath: [String]
    /// The absolute local path (resolved against the template's folder).
    package let localPath: URL
    /// How the path becomes an upload.
    package let kind: Kind
    /// The table entry that matched.
    package let property: PackageableProperty
    /// The template file that names the path.
    package let templateFile: URL?
    /// The line of the property, when known.
    package let line: Int?
    /// True when the property was absent and SAM's rule packages the template's folder.
    package let isImplicitTemplateFolder: Bool
    /// The condition that is false for this environment, when the resource is not created: the
    /// artifact is neither built nor uploaded (and its path is not checked).
    package var excludedByCondition: String? = nil
    /// Said once to the user about how the path was read (a nested `TemplateURL` naming a SAM build
    /// output that does not exist, taken from its source template).
    package var note: String? = nil

    /// The resource's logical ID, when the artifact belongs to a resource.
    package var logicalID: LogicalID? {
        switch origin {
        case .resource(let id): return id
        case .includeTransform(let id): return id
        case .templateMetadata: return nil
        }
    }

    /// How the uploaded location is written back into the template.
    package var writeBack: PackageableProperty.S3LocationFormat { property.writeBack }
}
