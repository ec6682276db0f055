import Foundation
import Templates

/// One deployed resource whose local code or definition may be swapped in without CloudFormation.
///
/// A target says where the resource lives (stack path and logical ID), what type it is and what
/// the local build made of it; detectors compare that with what runs.
public struct HotswapTarget: Sendable, Hashable {
    /// The stack path from the root, e.g. `Root/Pattern2Stack` (the first component is the root).
    public var stackPath: String
    /// The resource's logical ID in its stack.
    public var logicalID: LogicalID
    /// The resource type (`AWS::Lambda::Function`, `AWS::Serverless::Function`, ...).
    public var resourceType: String
    /// What the local build has for the resource.
    public var artifact: LocalArtifactContent
    /// The alias to publish a version for and move after a code update (SAM `AutoPublishAlias`,
    /// or asked by the environment); nil for none.
    public var publishAlias: String?
    /// Its stack's values (parameters, conditions, mappings) for the intrinsics in the artifact;
    /// nil for none (only live resource values and pseudo parameters).
    public var evaluator: TemplateEvaluator?

    /// A target.
    public init(stackPath: String, logicalID: LogicalID, resourceType: String, artifact: LocalArtifactContent,
                publishAlias: String? = nil, evaluator: TemplateEvaluator? = nil) {
        self.stackPath = stackPath
        self.logicalID = logicalID
        self.resourceType = resourceType
        self.artifact = artifact
        self.publishAlias = publishAlias
        self.evaluator = evaluator
    }

    /// `Root/Pattern2Stack/OCRFunction`.
    public var qualifiedName: String { "\(stackPath)/\(logicalID.rawValue)" }
}

/// The local side of a target: a built zip, a state machine definition, AppSync code or a schema.
public enum LocalArtifactContent: Sendable, Hashable {
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
public struct LocalZip: Sendable, Hashable {
    /// The zip on disk.
    public var path: String
    /// base64(SHA-256 of the zip): what Lambda reports as `CodeSha256`.
    public var codeSha256: String
    /// The zip's size in bytes, when known (decides between `ZipFile` and S3).
    public var size: UInt64?
    /// The content-addressed S3 object the packager uploaded it to, if any.
    public var s3: S3ObjectLocation?
    /// For an image function: the pushed image pinned by digest (`repo@sha256:…`); `codeSha256` is
    /// then the digest's hex, as Lambda reports an image's `CodeSha256`, and `path` the OCI layout.
    public var imageURI: String?

    /// A zip.
    public init(path: String, codeSha256: String, size: UInt64? = nil, s3: S3ObjectLocation? = nil) {
        self.path = path
        self.codeSha256 = codeSha256
        self.size = size
        self.s3 = s3
    }
}

/// An object in S3.
public struct S3ObjectLocation: Sendable, Hashable, Codable {
    /// The bucket.
    public var bucket: String
    /// The key.
    public var key: String
    /// The object version, when the bucket is versioned.
    public var version: String?

    /// A location.
    public init(bucket: String, key: String, version: String? = nil) {
        self.bucket = bucket
        self.key = key
        self.version = version
    }
}

/// The code of an AppSync resolver or function: JavaScript, or VTL mapping templates.
public struct AppSyncCode: Sendable, Hashable {
    /// `APPSYNC_JS` code.
    public var code: String?
    /// The VTL request mapping template.
    public var requestMappingTemplate: String?
    /// The VTL response mapping template.
    public var responseMappingTemplate: String?

    /// Code and templates; nil ones are not managed.
    public init(code: String? = nil, requestMappingTemplate: String? = nil, responseMappingTemplate: String? = nil) {
        self.code = code
        self.requestMappingTemplate = requestMappingTemplate
        self.responseMappingTemplate = responseMappingTemplate
    }
}
