import Foundation
import Templates

/// One deployed resource whose local code or definition may be swapped in without CloudFormation.
///
/// A target says where the resource lives (stack path and logical ID), what type it is and what
/// the local build made of it; detectors compare that with what runs.
package struct HotswapTarget: Sendable, Hashable {
    /// The stack path from the root, e.g. `Root/Pattern2Stack` (the first component is the root).
    package var stackPath: String
    /// The resource's logical ID in its stack.
    package var logicalID: LogicalID
    /// The resource type (`AWS::Lambda::Function`, `AWS::Serverless::Function`, ...).
    package var resourceType: String
    /// What the local build has for the resource.
    package var artifact: LocalArtifactContent
    /// The alias to publish a version for and move after a code update (SAM `AutoPublishAlias`,
    /// or asked by the environment); nil for none.
    package var publishAlias: String?
    /// Its stack's values (parameters, conditions, mappings) for the intrinsics in the artifact;
    /// nil for none (only live resource values and pseudo parameters).
    package var evaluator: TemplateEvaluator?

    /// A target.
    package init(stackPath: String, logicalID: LogicalID, resourceType: String, artifact: LocalArtifactContent,
                publishAlias: String? = nil, evaluator: TemplateEvaluator? = nil) {
        self.stackPath = stackPath
        self.logicalID = logicalID
        self.resourceType = resourceType
        self.artifact = artifact
        self.publishAlias = publishAlias
        self.evaluator = evaluator
    }

    /// `Root/Pattern2Stack/OCRFunction`.
    package var qualifiedName: String { "\(stackPath)/\(logicalID.rawValue)" }
}

/// The local side of a target: a built zip, a state machine definition, AppSync code or a schema.
package enum LocalArtifactContent: Sendable, Hashable {
    /// A Lambda deployment package.
    case zip(LocalZip)
    /// A state machine definition: a string (`DefinitionString`, or a definition file's text, JSON
    /// or YAML, `${Placeholders}` anywhere), an intrinsic (`Fn::Sub`, `Fn::Join`) or a mapping
    /// (`Definition`), with `DefinitionSubstitutions` when given. Substitutions are made in the
    /// text before it is parsed, as CloudFormation does.
    case stateMachineDefinition(definition: TemplateValue, substitutions: TemplateMap?)
    /// An AppSync resolver's code and mapping templates.
    case appSyncResolver(AppSyncCode, api: TemplateValue?, typeName: String, fieldName: String)
    /// An AppSync pipeline function's code and mapping templates.
    case appSyncFunction(AppSyncCode, api: TemplateValue?)
    /// An AppSync schema (SDL).
    case appSyncSchema(definition: String, api: TemplateValue?)
    /// A layer Ferry built, and the functions of the environment that use it.
    case layer(LocalLayer)
    /// A function's settings as the local template writes them (SAM globals applied).
    case functionConfiguration(FunctionSettings)
}

/// A built zip and where it was uploaded.
package struct LocalZip: Sendable, Hashable {
    /// The zip on disk.
    package var path: String
    /// base64(SHA-256 of the zip): what Lambda reports as `CodeSha256`.
    package var codeSha256: String
    /// The zip's size in bytes, when known (decides between `ZipFile` and S3).
    package var size: UInt64?
    /// The content-addressed S3 object the packager uploaded it to, if any.
    package var s3: S3ObjectLocation?
    /// For an image function: the pushed image pinned by digest (`repo@sha256:…`); `codeSha256` is
    /// then the digest's hex, as Lambda reports an image's `CodeSha256`, and `path` the OCI layout.
    package var imageURI: String?

    /// A zip.
    package init(path: String, codeSha256: String, size: UInt64? = nil, s3: S3ObjectLocation? = nil) {
        self.path = path
        self.codeSha256 = codeSha256
        self.size = size
        self.s3 = s3
    }
}

/// An object in S3.
package struct S3ObjectLocation: Sendable, Hashable, Codable {
    /// The bucket.
    package var bucket: String
    /// The key.
    package var key: String
    /// The object version, when the bucket is versioned.
    package var version: String?

    /// A location.
    package init(bucket: String, key: String, version: String? = nil) {
        self.bucket = bucket
        self.key = key
        self.version = version
    }
}

/// The code of an AppSync resolver or function: JavaScript, or VTL mapping templates.
package struct AppSyncCode: Sendable, Hashable {
    /// `APPSYNC_JS` code.
    package var code: String?
    /// The VTL request mapping template.
    package var requestMappingTemplate: String?
    /// The VTL response mapping template.
    package var responseMappingTemplate: String?

    /// Code and templates; nil ones are not managed.
    package init(code: String? = nil, requestMappingTemplate: String? = nil, responseMappingTemplate: String? = nil) {
        self.code = code
        self.requestMappingTemplate = requestMappingTemplate
        self.responseMappingTemplate = responseMappingTemplate
    }
}
