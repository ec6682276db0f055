import Deployment
import Foundation
import Testing

@Suite struct SmallRulesTests {
    @Test(arguments: [
        ("The submitted information didn't contain changes. Submit different information to create a change set.", true),
        ("No updates are to be performed.", true),
        ("Template format error: Unresolved resource dependencies [X] in the Resources block of the template", false),
    ])
    func noChangesInBothShapes(reason: String, isEmpty: Bool) {
        #expect(Deployer.isNoChanges(reason) == isEmpty)
    }

    @Test func aLockIsStaleOnlyAfterItsExpiry() {
        let now = Date()
        let holder = LockHolder(owner: "arn:aws:iam::1:user/a", host: "h", pid: 1, stackName: "s", environment: "dev",
                                acquiredAt: now, expiresAt: now.addingTimeInterval(60))
        #expect(!holder.isStale(at: now))
        #expect(holder.isStale(at: now.addingTimeInterval(61)))
    }

    @Test func theLockedMessageNamesTheHolderAndTheWayOut() {
        let holder = LockHolder(owner: "arn:aws:iam::1:user/alice", host: "alice-laptop", pid: 42, stackName: "s",
                                environment: "dev", acquiredAt: Date(), expiresAt: Date().addingTimeInterval(60))
        let message = DeploymentError.locked(holder, key: "s3://b/k", command: "ferry deploy --env dev --force-unlock").description
        #expect(message.contains("arn:aws:iam::1:user/alice"))
        #expect(message.contains("alice-laptop"))
        #expect(message.contains("ferry deploy --env dev --force-unlock"))
    }

    @Test func recordsRoundTripAsJSON() throws {
        let record = DeployRecord(
            stackName: "s", environment: "dev", who: "arn", startedAt: Date(timeIntervalSince1970: 1_800_000_000),
            durationSeconds: 1.5, gitCommit: "abc", gitDirty: true, templateHash: "h", templateURL: nil,
            parameters: [DeployRecord.Entry(key: "Secret", value: DeployParameters.mask)], artifactHashes: [],
            changeSummary: "1 to add, 0 to modify, 0 to remove", changes: ["+ Q"], outcome: .deployed,
            finalStatus: "CREATE_COMPLETE", rootCause: nil)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(DeployRecord.self, from: encoder.encode(record)) == record)
    }
}
