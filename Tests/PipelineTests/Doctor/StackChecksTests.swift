import AWSServices
import Configuration
import Deployment
import Foundation
import Hotswap
@testable import Pipeline
import Testing

@Suite struct StackChecksTests {
    static func environment(_ name: String = "dev") throws -> EnvironmentConfiguration {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-doctor-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "[env.\(name)]\nstack_name = \"app-\(name)\"\n".write(to: folder.appendingPathComponent("ferry.toml"), atomically: true, encoding: .utf8)
        return try ProjectConfiguration.load(directory: folder, explicitPath: nil).environment(named: name)
    }

    static func check(_ status: String?, reason: String? = nil, _ env: EnvironmentConfiguration) -> DoctorCheck {
        StackChecks.stack(status: status.map { StackStatus(rawValue: $0) }, reason: reason,
                          since: Date(timeIntervalSince1970: 1_800_000_000), environment: env)
    }

    @Test func aMissingOrHealthyStackIsOK() throws {
        let env = try Self.environment()
        #expect(Self.check(nil, env).status == .ok)
        let healthy = Self.check("UPDATE_COMPLETE", env)
        #expect(healthy.status == .ok)
        #expect(healthy.detail == "app-dev is UPDATE_COMPLETE since 2027-01-15T08:00:00Z")
    }

    @Test func aBrokenStackFailsWithTheCommandThatFixesIt() throws {
        let env = try Self.environment()
        let failed = Self.check("UPDATE_ROLLBACK_FAILED", reason: "Role gone", env)
        #expect(failed.status == .failed)
        #expect(failed.detail.contains("UPDATE_ROLLBACK_FAILED: Role gone"))
        #expect(failed.fix == "run `ferry deploy --env dev --continue-rollback`")
        let prod = try Self.environment("prod")
        let firstCreate = Self.check("ROLLBACK_COMPLETE", prod)
        #expect(firstCreate.status == .failed)
        #expect(firstCreate.fix?.contains("aws cloudformation delete-stack --stack-name app-prod") == true, "\(String(describing: firstCreate.fix))")
    }

    @Test func theLockSaysWhoSinceWhenAndWhetherItExpired() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(StackChecks.lock(nil, key: "s3://b/k", environment: "dev", now: now).status == .ok)
        let holder = LockHolder(owner: "arn:aws:iam::1:user/ana", host: "laptop", pid: 42, stackName: "app-dev", environment: "dev",
                                acquiredAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600))
        let held = StackChecks.lock(holder, key: "s3://b/k", environment: "dev", now: now)
        #expect(held.status == .warning)
        #expect(held.detail.contains("held by arn:aws:iam::1:user/ana on laptop (pid 42) since"))
        #expect(held.fix?.contains("ferry deploy --env dev --force-unlock") == true)
        let expired = StackChecks.lock(holder, key: "s3://b/k", environment: "dev", now: now.addingTimeInterval(7200))
        #expect(expired.detail.hasPrefix("expired lock of arn:aws:iam::1:user/ana"))
    }

    @Test func hotswappedCodeIsReportedAsDriftWithTheReconcileCommand() {
        #expect(StackChecks.drift(nil, environment: "dev").status == .ok)
        let record = HotswapRecord(stackName: "app-dev", updatedAt: "2027-01-15T08:00:00Z", entries: [
            HotswapRecord.Entry(stackPath: "Root", logicalID: "FnA", resourceType: "AWS::Lambda::Function", physicalID: "fn-a",
                                previousHash: "OLDHASH", hash: "NEWHASH", s3Key: nil, by: "arn:ana", at: "2027-01-15T08:00:00Z"),
        ])
        let drift = StackChecks.drift(record, environment: "dev")
        #expect(drift.status == .warning)
        #expect(drift.detail.contains("1 resource(s) run ahead of the template"))
        #expect(drift.detail.contains("Root/FnA OLDHASH → NEWHASH by arn:ana"))
        #expect(drift.fix == "run `ferry deploy --env dev` to reconcile")
    }
}
