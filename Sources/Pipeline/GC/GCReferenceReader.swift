import AWSServices
import Deployment
import Foundation
import Hotswap

/// Reads what must stay in the artifact bucket: the last N successful deploys of every stack
/// recorded under the prefix, the hot-swap records, and the templates the stacks run now (root and
/// nested, through GetTemplate); then follows the nested templates those reference, to the end.
struct GCReferenceReader: Sendable {
    let s3: S3
    let cloudFormation: CloudFormation
    let bucket: String
    let prefix: String
    let keep: Int

    /// What was found.
    struct Found: Sendable {
        var references = ArtifactReferences()
        /// Objects modified at or before this stay: a kept deploy recorded no artifacts.
        var unknownBefore: Date?
        /// Records kept, per stack.
        var keptRecords: [String: Int] = [:]
        /// Stacks whose current templates were read.
        var liveStacks: [String] = []
        /// Templates read from S3 while following nested templates.
        var followedTemplates = 0
        /// Kept deploys that recorded no artifacts (made before Ferry recorded them).
        var unknownRecords: [DeployRecord] = []
    }

    /// The stacks that keep state under the prefix: `.ferry/history/<stack>/` and `.ferry/hotswaps/<stack>/`.
    static func stacks(in keys: [String], prefix: String, including own: String) -> [String] {
        let base = prefix.isEmpty ? ".ferry/" : "\(prefix)/.ferry/"
        var stacks: Set<String> = [own]
        for key in keys where key.hasPrefix(base) {
            let parts = key.dropFirst(base.count).split(separator: "/")
            if parts.count >= 3, parts[0] == "history" || parts[0] == "hotswaps" { stacks.insert(String(parts[1])) }
        }
        return stacks.sorted()
    }

    /// The references of one deploy record (its template URL, its artifact list and its root
    /// template's hash: `ferry package` uploads the root template as `<sha256>.template` too);
    /// nil when it recorded no artifacts or URL and its root template is not in the bucket
    /// (`stored`: the hashes of the objects under the prefix).
    static func references(of record: DeployRecord, stored: Set<String>) -> ArtifactReferences? {
        let text = ([record.templateURL ?? ""] + record.artifactHashes.flatMap { [$0.key, $0.value] }).joined(separator: "\n")
        var found = ArtifactReferences.scan(text)
        let rootStored = stored.contains(record.templateHash.lowercased())
        if found.hashes.isEmpty, !rootStored { return nil }
        found.formUnion(ArtifactReferences.scan(record.templateHash))
        return found
    }

    /// Reads everything that must stay, for `stacks`, given the bucket's `objects`.
    func read(stacks: [String], objects: [S3Object]) async throws -> Found {
        var found = Found()
        let stored = Set(objects.compactMap { ArtifactObject.hash(ofKey: $0.key) })
        for stack in stacks {
            let records = try await deployRecords(stack)
            let kept = Array(records.filter { $0.outcome == .deployed }.prefix(keep))
            found.keptRecords[stack] = kept.count
            for record in kept {
                if let references = Self.references(of: record, stored: stored) {
                    found.references.formUnion(references)
                } else {
                    found.unknownRecords.append(record)
                    let end = record.startedAt.addingTimeInterval(record.durationSeconds)
                    found.unknownBefore = max(found.unknownBefore ?? .distantPast, end)
                }
            }
            let oldestKept = kept.last?.startedAt ?? .distantPast
            for text in try await hotswapRecords(stack, since: oldestKept, objects: objects) {
                found.references.formUnion(ArtifactReferences.scan(text))
            }
            let live = try await liveTemplates(rootStack: stack)
            if !live.isEmpty { found.liveStacks.append(stack) }
            for text in live {
                // What the template refers to, and the template itself when it was uploaded as `<sha256>.template`.
                found.references.formUnion(ArtifactReferences.scan(text))
                found.references.formUnion(ArtifactReferences(hashes: [ContentHash.hex(text)]))
            }
        }
        var references = found.references
        found.followedTemplates = try await followTemplates(&references, objects: objects)
        found.references = references
        return found
    }

    /// Every deploy record of `stack`, newest first.
    private func deployRecords(_ stack: String) async throws -> [DeployRecord] {
        try await DeployHistory(s3: s3, bucket: bucket, prefix: prefix, stackName: stack).list(limit: Int.max)
    }

    /// The latest hot-swap record and the timestamped ones written since `since`.
    private func hotswapRecords(_ stack: String, since: Date, objects: [S3Object]) async throws -> [String] {
        let latest = HotswapRecord.latestKey(prefix: prefix, stackName: stack)
        let folder = String(latest.dropLast("latest.json".count))
        var texts: [String] = []
        for object in objects where object.key.hasPrefix(folder) && object.key.hasSuffix(".json") {
            guard object.key == latest || (object.lastModified ?? .distantFuture) >= since else { continue }
            let content = try await s3.getObject(bucket: bucket, key: object.key)
            texts.append(String(decoding: content.body, as: UTF8.self))
        }
        return texts
    }

    /// The current templates of `rootStack` and its nested stacks (empty when the stack does not exist).
    private func liveTemplates(rootStack: String) async throws -> [String] {
        var texts: [String] = []
        var pending = [rootStack]
        var seen = Set<String>()
        while let stack = pending.popLast() {
            guard seen.insert(stack).inserted else { continue }
            do {
                if let body = try await cloudFormation.getTemplate(stackName: stack, stage: .original).templateBody {
                    texts.append(body)
                }
                let resources = try await cloudFormation.listStackResources(stack)
                pending += resources.filter { $0.resourceType == "AWS::CloudFormation::Stack" }.compactMap(\.physicalResourceId)
            } catch where CloudFormation.isStackMissing(error) {
                continue
            }
        }
        return texts
    }

    /// Reads every referenced template object (`<sha256>.template`) and adds what it references,
    /// until nothing new turns up. Returns how many templates were read.
    private func followTemplates(_ references: inout ArtifactReferences, objects: [S3Object]) async throws -> Int {
        let templates = Dictionary(
            objects.compactMap { object -> (String, String)? in
                guard object.key.hasSuffix(".template"), let hash = ArtifactObject.hash(ofKey: object.key) else { return nil }
                return (hash, object.key)
            }, uniquingKeysWith: { first, _ in first })
        var read = Set<String>()
        while let next = references.hashes.first(where: { templates[$0] != nil && !read.contains($0) }) {
            read.insert(next)
            let content = try await s3.getObject(bucket: bucket, key: templates[next]!)
            references.formUnion(ArtifactReferences.scan(String(decoding: content.body, as: UTF8.self)))
        }
        return read.count
    }
}
