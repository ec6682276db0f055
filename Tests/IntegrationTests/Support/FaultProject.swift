import AWSServices
import Foundation
import Pipeline

/// A small project (one queue, artifact bucket `ferry-faults-<account>`) deployed through the
/// fault proxy, for the tests of lost answers, resets and the deploy lock.
struct FaultProject {
    static let stackName = "ferry-faults-dev"
    static let bucket = "ferry-faults-123456789012"
    static let lockKey = "app/dev/.ferry/locks/\(stackName).json"

    let env: EmulatorEnvironment
    let proxy: FaultProxy
    let folder: TemporaryFolder

    /// A fresh emulator, a proxy in front of it, the project's files and its bucket.
    static func make(template: String = FaultProject.queue("Jobs")) async throws -> FaultProject {
        let env = try await EmulatorEnvironment.fresh()
        let proxy = try FaultProxy(upstream: env.endpoint)
        let folder = try TemporaryFolder("ferry-faults")
        try folder.write("ferry.toml", """
            template = "template.yaml"

            [artifacts]
            bucket = "ferry-faults-{account}"
            prefix = "app/{env}"

            [env.dev]
            stack_name = "\(stackName)"
            """)
        try folder.write("template.yaml", template)
        let project = FaultProject(env: env, proxy: proxy, folder: folder)
        try? await project.s3().createBucket(bucket, region: "eu-central-1")
        return project
    }

    /// A template with one SQS queue per name.
    static func queue(_ names: String...) -> String {
        "Resources:\n" + names.map { "  \($0):\n    Type: AWS::SQS::Queue\n" }.joined()
    }

    /// Runs `ferry` through the proxy.
    func ferry(_ arguments: [String]) async throws -> FerryRun {
        try await FerryRun.run(arguments, in: folder.url, environment: env.through(proxy).variables)
    }

    /// Starts `ferry` through the proxy without waiting for it.
    func start(_ arguments: [String]) -> Task<FerryRun, any Error> {
        let folder = folder.url, variables = env.through(proxy).variables
        return Task { try await FerryRun.run(arguments, in: folder, environment: variables) }
    }

    /// S3 straight to the emulator (no faults).
    func s3() throws -> S3 {
        try AWSSession.make(AWSSessionOptions(processEnvironment: env.variables)).s3
    }

    /// Writes `text` as the lock object.
    func writeLock(_ text: String) async throws {
        _ = try await s3().putObject(bucket: Self.bucket, key: Self.lockKey, body: .data(Data(text.utf8)))
    }

    /// The lock object's JSON, nil when there is none.
    func lockObject() async throws -> [String: Any]? {
        guard try await s3().headObject(bucket: Self.bucket, key: Self.lockKey) != nil else { return nil }
        let body = try await s3().getObject(bucket: Self.bucket, key: Self.lockKey).body
        return try JSONSerialization.jsonObject(with: body) as? [String: Any]
    }

    /// A lock holder's JSON.
    static func holder(id: String = "other", owner: String = "arn:aws:iam::123456789012:user/alice", host: String = "alice-laptop",
                       hostID: String? = nil, pid: Int32 = 4242, expires: Date = Date().addingTimeInterval(3600)) -> String {
        """
        {"id": "\(id)", "owner": "\(owner)", "host": "\(host)", \(hostID.map { "\"hostID\": \"\($0)\", " } ?? "")"pid": \(pid),
         "stackName": "\(stackName)", "environment": "dev", "command": "ferry deploy",
         "acquiredAt": "\(Date().addingTimeInterval(-60).formatted(.iso8601))", "expiresAt": "\(expires.formatted(.iso8601))"}
        """
    }

    /// The outcomes of the history's records, in the order `ferry history` lists them.
    func historyOutcomes() async throws -> [String] {
        let history = try await FerryRun.run(["history", "--json"], in: folder.url, environment: env.variables)
        return history.jsonLines.compactMap { (($0["data"] as? [String: Any])?["record"] as? [String: Any])?["outcome"] as? String }
    }

    /// The requests the proxy saw of `action` (query Action / X-Amz-Target operation).
    func seen(_ action: String) async throws -> [FaultProxy.SeenRequest] {
        try await proxy.requests().filter { $0.action == action }
    }

    /// The requests the proxy saw to the lock object, by method.
    func lockRequests(_ method: String) async throws -> [FaultProxy.SeenRequest] {
        try await proxy.requests().filter { $0.method == method && $0.path.hasSuffix("/locks/\(Self.stackName).json") }
    }
}
