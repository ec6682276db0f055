import AWSServices
import Foundation
import Hotswap
import Templates

/// Where a template says one Lambda function's code is: the S3 object of a packaged template.
package struct RecordedCode: Sendable, Hashable {
    /// The stack path (`Root`, `Root/Child`).
    package var stackPath: String
    /// The function's logical ID.
    package var logicalID: String
    /// `AWS::Serverless::Function` or `AWS::Lambda::Function`.
    package var resourceType: String
    /// The code's object.
    package var location: S3Address
    /// SAM `AutoPublishAlias`, when set.
    package var publishAlias: String?

    /// A code location.
    package init(stackPath: String, logicalID: String, resourceType: String, location: S3Address, publishAlias: String? = nil) {
        self.stackPath = stackPath
        self.logicalID = logicalID
        self.resourceType = resourceType
        self.location = location
        self.publishAlias = publishAlias
    }

    /// `Root/Fn`.
    package var qualifiedName: String { "\(stackPath)/\(logicalID)" }

    /// Every zip function of `template` whose code is a literal S3 location (`CodeUri: s3://...`,
    /// `CodeUri: {Bucket, Key}`, `Code: {S3Bucket, S3Key}`), in template order.
    package static func locations(in template: Template, stackPath: String) -> [RecordedCode] {
        template.functions.compactMap { function -> RecordedCode? in
            guard function.packageType == .zip, !function.hasInlineCode, let code = function.code else { return nil }
            let address: S3Address?
            if let text = code.stringValue {
                address = S3Address(parsing: text)
            } else if let bucket = (code["S3Bucket"] ?? code["Bucket"])?.stringValue,
                      let key = (code["S3Key"] ?? code["Key"])?.stringValue {
                address = S3Address(bucket: bucket, key: key)
            } else {
                address = nil
            }
            guard let address else { return nil }
            return RecordedCode(
                stackPath: stackPath, logicalID: function.logicalID.rawValue, resourceType: function.resourceType,
                location: address, publishAlias: function.properties["AutoPublishAlias"]?.stringValue)
        }
    }

    /// Lambda's `CodeSha256` for a content-addressed key (`<prefix>/<64 hex>.zip`), else nil.
    package static func codeSha256(fromKey key: String) -> String? {
        let name = key.split(separator: "/").last.map(String.init) ?? key
        guard name.hasSuffix(".zip") else { return nil }
        return S3.base64SHA256(hex: String(name.dropLast(4)))
    }
}
