/// One property that `sam package` / `aws cloudformation package` uploads when it names a local path.
///
/// The table in ``PackageableProperty/all`` follows aws-sam-cli's `packageable_resources.py`,
/// `artifact_exporter.py` and `resources.py` (`RESOURCES_WITH_LOCAL_PATHS`,
/// `RESOURCES_WITH_IMAGE_COMPONENT`, `METADATA_WITH_LOCAL_PATHS`, `GLOBAL_EXPORT_DICT`) and awscli's
/// `customizations/cloudformation/artifact_exporter.py`.
package struct PackageableProperty: Sendable, Hashable {
    /// What the local path holds and how it is turned into an upload.
    package enum Content: Sendable, Hashable {
        /// A folder is zipped; a `.zip` file is uploaded as is; any other file is zipped on its own
        /// (SAM's `FORCE_ZIP`: Lambda code and layers).
        case zipArchive
        /// A folder is zipped; a file is uploaded as is (definitions, schemas, scripts, mapping templates).
        case folderOrFile
        /// A template that is itself packaged (recursively) before upload.
        case nestedTemplate
        /// A template uploaded as is, not packaged (`AWS::CloudFormation::StackSet`).
        case templateFile
        /// A container image pushed to ECR (not a file system path).
        case containerImage
    }

    /// How the uploaded location is written back into the template.
    package enum S3LocationFormat: Sendable, Hashable {
        /// A string `s3://bucket/key`.
        case s3URI
        /// A mapping with these keys (version key omitted when nil or when no version is known).
        case bucketKeyMap(bucket: String, key: String, version: String?)
        /// A path-style HTTPS URL `https://s3.<region>.amazonaws.com/bucket/key`, as `TemplateURL` requires.
        case httpsURL
        /// An ECR image URI string.
        case imageURI
    }

    /// Where in a template the property lives.
    package enum Location: Sendable, Hashable {
        /// `Properties.<path>` of every resource of the type.
        case resourceProperty([String])
        /// Every `CodeUri` under `Properties.Resolvers.<Type>.<Field>` and `Properties.Functions.<Name>`
        /// of an `AWS::Serverless::GraphQLApi`.
        case graphQLCodeURIs
        /// `Metadata.<section>.<key>` at the top of the template.
        case templateMetadata(key: String)
        /// `Parameters.Location` of any `Fn::Transform` named `AWS::Include`, anywhere in the template.
        case includeTransform
    }

    /// The resource type (or metadata section, or `Fn::Transform` for AWS::Include).
    package let resourceType: String
    /// Where the property is.
    package let location: Location
    /// What the local path holds.
    package let content: Content
    /// How the uploaded location is written back.
    package let writeBack: S3LocationFormat
    /// SAM's `PACKAGE_NULL_PROPERTY`: when the property is absent, the template's own folder is packaged.
    package let packagesTemplateFolderWhenAbsent: Bool
    /// The `PackageType` the property applies to (`Zip` or `Image`); nil when the type has none.
    package let packageType: String?

    /// The dotted property name as the SAM/awscli tables spell it (`Command.ScriptLocation`).
    package var propertyName: String {
        switch location {
        case .resourceProperty(let path): return path.joined(separator: ".")
        case .graphQLCodeURIs: return "CodeUri"
        case .templateMetadata(let key): return key
        case .includeTransform: return "Location"
        }
    }
}

extension PackageableProperty {
    private static func prop(_ type: String, _ path: String, _ content: Content, _ writeBack: S3LocationFormat,
                             nullPackages: Bool = false, packageType: String? = nil) -> PackageableProperty {
        PackageableProperty(resourceType: type, location: .resourceProperty(path.split(separator: ".").map(String.init)),
                            content: content, writeBack: writeBack,
                            packagesTemplateFolderWhenAbsent: nullPackages, packageType: packageType)
    }

    private static let bucketKeyVersion = S3LocationFormat.bucketKeyMap(bucket: "Bucket", key: "Key", version: "Version")
    private static let s3BucketKeyVersion = S3LocationFormat.bucketKeyMap(
        bucket: "S3Bucket", key: "S3Key", version: "S3ObjectVersion")

    /// Every packageable property, in SAM's export order.
    ///
    /// | resource type | property | content | written back as |
    /// |---|---|---|---|
    /// | AWS::Serverless::Function | CodeUri (PackageType Zip) | zip archive | `s3://bucket/key` |
    /// | AWS::Serverless::Function | ImageUri (PackageType Image) | container image | image URI |
    /// | AWS::Serverless::Api, HttpApi | DefinitionUri | folder or file | `s3://bucket/key` |
    /// | AWS::Serverless::StateMachine | DefinitionUri | folder or file | `{Bucket, Key, Version}` |
    /// | AWS::Serverless::GraphQLApi | SchemaUri, Resolvers/Functions `CodeUri` | folder or file | `s3://bucket/key` |
    /// | AWS::Serverless::LayerVersion | ContentUri | zip archive | `s3://bucket/key` |
    /// | AWS::Serverless::Application | Location | nested template | path-style `https://` URL |
    /// | AWS::AppSync::GraphQLSchema | DefinitionS3Location | folder or file | `s3://bucket/key` |
    /// | AWS::AppSync::Resolver, FunctionConfiguration | Request/ResponseMappingTemplateS3Location, CodeS3Location | folder or file | `s3://bucket/key` |
    /// | AWS::ApiGateway::RestApi, AWS::ApiGatewayV2::Api | BodyS3Location | folder or file | `{Bucket, Key, Version}` |
    /// | AWS::StepFunctions::StateMachine | DefinitionS3Location | folder or file | `{Bucket, Key, Version}` |
    /// | AWS::Lambda::Function | Code (Zip) | zip archive | `{S3Bucket, S3Key, S3ObjectVersion}` |
    /// | AWS::Lambda::Function | Code.ImageUri (Image) | container image | image URI |
    /// | AWS::Lambda::LayerVersion | Content | zip archive | `{S3Bucket, S3Key, S3ObjectVersion}` |
    /// | AWS::ElasticBeanstalk::ApplicationVersion | SourceBundle | folder or file | `{S3Bucket, S3Key}` |
    /// | AWS::Glue::Job | Command.ScriptLocation | folder or file | `s3://bucket/key` |
    /// | AWS::CloudFormation::ModuleVersion | ModulePackage | folder or file | `s3://bucket/key` |
    /// | AWS::CloudFormation::ResourceVersion | SchemaHandlerPackage | folder or file | `s3://bucket/key` |
    /// | AWS::CloudFormation::Stack | TemplateURL | nested template | path-style `https://` URL |
    /// | AWS::CloudFormation::StackSet | TemplateURL | template uploaded as is | path-style `https://` URL |
    /// | AWS::CodeCommit::Repository (awscli only) | Code.S3 | zip archive | `{Bucket, Key, ObjectVersion}` |
    /// | Metadata AWS::ServerlessRepo::Application | LicenseUrl, ReadmeUrl | folder or file | `s3://bucket/key` |
    /// | `Fn::Transform` AWS::Include | Parameters.Location | file | `s3://bucket/key` |
    ///
    /// The version key is written only when the upload returned an object version.
    package static let all: [PackageableProperty] = [
        prop("AWS::Serverless::Function", "CodeUri", .zipArchive, .s3URI, nullPackages: true, packageType: "Zip"),
        prop("AWS::Serverless::Function", "ImageUri", .containerImage, .imageURI, packageType: "Image"),
        prop("AWS::Serverless::Api", "DefinitionUri", .folderOrFile, .s3URI),
        prop("AWS::Serverless::HttpApi", "DefinitionUri", .folderOrFile, .s3URI),
        prop("AWS::Serverless::StateMachine", "DefinitionUri", .folderOrFile, bucketKeyVersion),
        prop("AWS::Serverless::GraphQLApi", "SchemaUri", .folderOrFile, .s3URI),
        PackageableProperty(resourceType: "AWS::Serverless::GraphQLApi", location: .graphQLCodeURIs,
                            content: .folderOrFile, writeBack: .s3URI,
                            packagesTemplateFolderWhenAbsent: false, packageType: nil),
        prop("AWS::Serverless::LayerVersion", "ContentUri", .zipArchive, .s3URI, nullPackages: true),
        prop("AWS::Serverless::Application", "Location", .nestedTemplate, .httpsURL),
        prop("AWS::AppSync::GraphQLSchema", "DefinitionS3Location", .folderOrFile, .s3URI),
        prop("AWS::AppSync::Resolver", "RequestMappingTemplateS3Location", .folderOrFile, .s3URI),
        prop("AWS::AppSync::Resolver", "ResponseMappingTemplateS3Location", .folderOrFile, .s3URI),
        prop("AWS::AppSync::Resolver", "CodeS3Location", .folderOrFile, .s3URI),
        prop("AWS::AppSync::FunctionConfiguration", "RequestMappingTemplateS3Location", .folderOrFile, .s3URI),
        prop("AWS::AppSync::FunctionConfiguration", "ResponseMappingTemplateS3Location", .folderOrFile, .s3URI),
        prop("AWS::AppSync::FunctionConfiguration", "CodeS3Location", .folderOrFile, .s3URI),
        prop("AWS::ApiGateway::RestApi", "BodyS3Location", .folderOrFile, bucketKeyVersion),
        prop("AWS::ApiGatewayV2::Api", "BodyS3Location", .folderOrFile, bucketKeyVersion),
        prop("AWS::StepFunctions::StateMachine", "DefinitionS3Location", .folderOrFile, bucketKeyVersion),
        prop("AWS::Lambda::Function", "Code", .zipArchive, s3BucketKeyVersion, nullPackages: true, packageType: "Zip"),
        prop("AWS::Lambda::Function", "Code.ImageUri", .containerImage, .imageURI, packageType: "Image"),
        prop("AWS::Lambda::LayerVersion", "Content", .zipArchive, s3BucketKeyVersion, nullPackages: true),
        prop("AWS::ElasticBeanstalk::ApplicationVersion", "SourceBundle", .folderOrFile,
             .bucketKeyMap(bucket: "S3Bucket", key: "S3Key", version: nil), nullPackages: true),
        prop("AWS::Glue::Job", "Command.ScriptLocation", .folderOrFile, .s3URI, nullPackages: true),
        prop("AWS::CloudFormation::ModuleVersion", "ModulePackage", .folderOrFile, .s3URI, nullPackages: true),
        prop("AWS::CloudFormation::ResourceVersion", "SchemaHandlerPackage", .folderOrFile, .s3URI, nullPackages: true),
        prop("AWS::CloudFormation::Stack", "TemplateURL", .nestedTemplate, .httpsURL),
        prop("AWS::CloudFormation::StackSet", "TemplateURL", .templateFile, .httpsURL),
        // awscli only (not in SAM CLI): CodeCommit initial content.
        prop("AWS::CodeCommit::Repository", "Code.S3", .zipArchive,
             .bucketKeyMap(bucket: "Bucket", key: "Key", version: "ObjectVersion")),
        PackageableProperty(resourceType: "AWS::ServerlessRepo::Application", location: .templateMetadata(key: "LicenseUrl"),
                            content: .folderOrFile, writeBack: .s3URI, packagesTemplateFolderWhenAbsent: false,
                            packageType: nil),
        PackageableProperty(resourceType: "AWS::ServerlessRepo::Application", location: .templateMetadata(key: "ReadmeUrl"),
                            content: .folderOrFile, writeBack: .s3URI, packagesTemplateFolderWhenAbsent: false,
                            packageType: nil),
        PackageableProperty(resourceType: "Fn::Transform", location: .includeTransform, content: .folderOrFile,
                            writeBack: .s3URI, packagesTemplateFolderWhenAbsent: false, packageType: nil),
    ]

    /// The packageable properties of `resourceType`.
    package static func properties(of resourceType: String) -> [PackageableProperty] {
        all.filter { $0.resourceType == resourceType }
    }

    /// The resource types whose properties can point at a nested template.
    package static let nestedStackTypes: Set<String> = ["AWS::CloudFormation::Stack", "AWS::Serverless::Application"]
}
