/// What a builder needs to know about one Lambda function in a template (SAM globals applied).
package struct FunctionFacts: Sendable, Hashable {
    /// How the function's code is packaged.
    package enum PackageType: String, Sendable, Hashable {
        /// A zip archive (the default).
        case zip = "Zip"
        /// A container image.
        case image = "Image"
    }

    /// The function's logical ID.
    package let logicalID: LogicalID
    /// `AWS::Serverless::Function` or `AWS::Lambda::Function`.
    package let resourceType: String
    /// `Runtime` (e.g. `python3.12`); nil for images and custom setups without one.
    package let runtime: String?
    /// The first of `Architectures`; `x86_64` when not set.
    package let architecture: String
    /// `Handler`.
    package let handler: String?
    /// `Metadata.BuildMethod` (e.g. `makefile`, `esbuild`), when set.
    package let buildMethod: String?
    /// `PackageType`.
    package let packageType: PackageType
    /// `CodeUri` (SAM) or `Code` (Lambda), as written (after globals).
    package let code: TemplateValue?
    /// `ImageUri` (SAM) or `Code.ImageUri` (Lambda), when an image function names one.
    package let imageURI: String?
    /// Whether the code is inline (`InlineCode`, or `Code.ZipFile`): nothing to build.
    package let hasInlineCode: Bool
    /// `Layers`, as written (after globals).
    package let layers: [TemplateValue]
    /// The resource's `Metadata` (e.g. `BuildMethod`, `BuildProperties`, `DockerContext`, `Dockerfile`).
    package let metadata: TemplateMap?
    /// The effective properties (SAM globals merged in).
    package let properties: TemplateMap
}

/// What a builder needs to know about one Lambda layer in a template.
package struct LayerFacts: Sendable, Hashable {
    /// The layer's logical ID.
    package let logicalID: LogicalID
    /// `AWS::Serverless::LayerVersion` or `AWS::Lambda::LayerVersion`.
    package let resourceType: String
    /// `Metadata.BuildMethod` (e.g. `python3.12`, `makefile`).
    package let buildMethod: String?
    /// `Metadata.BuildArchitecture`, else the first of `CompatibleArchitectures`, else `x86_64`.
    package let architecture: String
    /// `CompatibleRuntimes`.
    package let compatibleRuntimes: [String]
    /// `ContentUri` (SAM) or `Content` (Lambda), as written.
    package let content: TemplateValue?
    /// The resource's `Metadata`.
    package let metadata: TemplateMap?
}

extension Template {
    /// Every Lambda function (`AWS::Serverless::Function`, `AWS::Lambda::Function`) in template order,
    /// properties as written.
    package var functions: [FunctionFacts] { functions(evaluatedBy: nil) }

    /// Every Lambda layer (`AWS::Serverless::LayerVersion`, `AWS::Lambda::LayerVersion`) in template order,
    /// properties as written.
    package var layers: [LayerFacts] { layers(evaluatedBy: nil) }

    /// Every Lambda function created with `evaluator`'s values, in template order: functions whose
    /// condition is false are left out, and each property and metadata entry that can be evaluated
    /// here is (`Runtime: !If [...]`, `CodeUri: !Sub ...`, `Layers`, `Architectures`, `BuildMethod`).
    package func functions(evaluatedBy evaluator: TemplateEvaluator?) -> [FunctionFacts] {
        resources.compactMap { id, resource -> FunctionFacts? in
            let isSAM = resource.type == "AWS::Serverless::Function"
            guard isSAM || resource.type == "AWS::Lambda::Function" else { return nil }
            if let evaluator, evaluator.excludes(resource) { return nil }
            let props = Self.evaluated(SAMGlobals.effectiveProperties(of: resource, in: self), by: evaluator)
            let metadata = resource.metadata.map { Self.evaluated($0, by: evaluator) }
            let code = isSAM ? props["CodeUri"] : props["Code"]
            let image = isSAM ? props["ImageUri"]?.stringValue : props["Code"]?["ImageUri"]?.stringValue
            let inline = isSAM ? props["InlineCode"] != nil : props["Code"]?["ZipFile"] != nil
            return FunctionFacts(
                logicalID: id, resourceType: resource.type,
                runtime: props["Runtime"]?.stringValue,
                architecture: props["Architectures"]?.listValue?.first?.stringValue ?? "x86_64",
                handler: props["Handler"]?.stringValue,
                buildMethod: metadata?["BuildMethod"]?.stringValue,
                packageType: props["PackageType"]?.stringValue == "Image" ? .image : .zip,
                code: code, imageURI: image, hasInlineCode: inline,
                layers: props["Layers"]?.listValue ?? [],
                metadata: metadata, properties: props)
        }
    }

    /// Every Lambda layer created with `evaluator`'s values (see ``functions(evaluatedBy:)``).
    package func layers(evaluatedBy evaluator: TemplateEvaluator?) -> [LayerFacts] {
        resources.compactMap { id, resource -> LayerFacts? in
            let isSAM = resource.type == "AWS::Serverless::LayerVersion"
            guard isSAM || resource.type == "AWS::Lambda::LayerVersion" else { return nil }
            if let evaluator, evaluator.excludes(resource) { return nil }
            let props = Self.evaluated(SAMGlobals.effectiveProperties(of: resource, in: self), by: evaluator)
            let metadata = resource.metadata.map { Self.evaluated($0, by: evaluator) }
            let architecture = metadata?["BuildArchitecture"]?.stringValue
                ?? props["CompatibleArchitectures"]?.listValue?.first?.stringValue ?? "x86_64"
            return LayerFacts(
                logicalID: id, resourceType: resource.type,
                buildMethod: metadata?["BuildMethod"]?.stringValue,
                architecture: architecture,
                compatibleRuntimes: props["CompatibleRuntimes"]?.listValue?.compactMap(\.stringValue) ?? [],
                content: isSAM ? props["ContentUri"] : props["Content"],
                metadata: metadata)
        }
    }

    /// `map` with each entry evaluated where it can be (kept as written where it cannot, removed
    /// when it evaluates to `AWS::NoValue`).
    static func evaluated(_ map: TemplateMap, by evaluator: TemplateEvaluator?) -> TemplateMap {
        guard let evaluator else { return map }
        var result = TemplateMap()
        result.line = map.line
        for (key, value) in map {
            do {
                if let evaluated = try evaluator.value(value) { result.set(key, evaluated, line: map.line(of: key)) }
            } catch {
                result.set(key, value, line: map.line(of: key))
            }
        }
        return result
    }
}
