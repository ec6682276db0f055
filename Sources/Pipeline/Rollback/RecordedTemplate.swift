import AWSServices
import Deployment
import Foundation
import Templates

/// The packaged template a deploy record names, read back from the artifact bucket (the object
/// `<prefix>/<sha256>.template`), with its nested templates and its functions' code locations.
struct RecordedTemplate: Sendable {
    /// One stack of the recorded tree.
    struct Stack: Sendable {
        var stackPath: String
        var template: Template
    }

    /// The root template's object.
    var address: S3Address
    /// The root template's text, byte for byte as packaged.
    var body: Data
    /// The root and every nested stack, root first.
    var stacks: [Stack]

    /// The zip functions of every stack with their code objects.
    var code: [RecordedCode] { stacks.flatMap { RecordedCode.locations(in: $0.template, stackPath: $0.stackPath) } }

    /// Where the record's root template may be: the packaged object named by its hash, the
    /// copy a large deploy uploaded, and the URL it was deployed from.
    static func candidateKeys(for record: DeployRecord, bucket: String, prefix: String) -> [String] {
        let base = prefix.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        func key(_ name: String) -> String { base.isEmpty ? name : "\(base)/\(name)" }
        var keys = [key("\(record.templateHash).template"), key(".ferry/templates/\(record.templateHash).template")]
        if let url = record.templateURL, let address = S3Address(parsing: url), address.bucket == bucket, !keys.contains(address.key) {
            keys.append(address.key)
        }
        return keys
    }

    /// Reads the record's template tree from `bucket`.
    /// - Throws: `RollbackError.templateGone` / `.nestedTemplateGone` when an object was removed;
    ///   AWS errors as they come.
    static func load(_ record: DeployRecord, bucket: String, prefix: String, s3: S3) async throws -> RecordedTemplate {
        let keys = candidateKeys(for: record, bucket: bucket, prefix: prefix)
        var found: S3Address?
        for key in keys {
            if try await s3.headObject(bucket: bucket, key: key) != nil {
                found = S3Address(bucket: bucket, key: key)
                break
            }
        }
        guard let found else {
            throw RollbackError.templateGone(recordID: record.id, hash: record.templateHash, bucket: bucket, keys: keys)
        }
        let body = try await s3.getObject(bucket: found.bucket, key: found.key).body
        let root = try parse(body, location: found.uri)
        var stacks = [Stack(stackPath: "Root", template: root)]
        var pending = [stacks[0]]
        while let parent = pending.popLast() {
            for (id, resource) in parent.template.resources {
                let location: String?
                switch resource.type {
                case "AWS::CloudFormation::Stack": location = resource.properties["TemplateURL"]?.stringValue
                case "AWS::Serverless::Application": location = resource.properties["Location"]?.stringValue
                default: location = nil
                }
                guard let location, let address = S3Address(parsing: location) else { continue }
                let stackPath = "\(parent.stackPath)/\(id.rawValue)"
                guard try await s3.headObject(bucket: address.bucket, key: address.key) != nil else {
                    throw RollbackError.nestedTemplateGone(recordID: record.id, stackPath: stackPath, location: address.uri)
                }
                let child = Stack(
                    stackPath: stackPath,
                    template: try parse(try await s3.getObject(bucket: address.bucket, key: address.key).body, location: address.uri))
                stacks.append(child)
                pending.append(child)
            }
        }
        return RecordedTemplate(address: found, body: body, stacks: stacks)
    }

    static func parse(_ data: Data, location: String) throws -> Template {
        do {
            return try TemplateLoader.parse(String(decoding: data, as: UTF8.self), file: location)
        } catch {
            throw RollbackError.unreadableTemplate(location: location, reason: String(describing: error))
        }
    }
}
