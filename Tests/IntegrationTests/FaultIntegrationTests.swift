import Foundation
import Testing

extension Integration {
    /// `ferry deploy` behind the fault-injecting proxy: connection resets on requests with a
    /// body, answers of mutating calls lost after the emulator acted, transport failures that
    /// outlast the retries. Every request that reaches the proxy carries exactly the signed body.
    @Suite struct Faults {
        @Test func resetsOnRequestsWithABodyAreRetriedWithTheWholeSignedBody() async throws {
            let project = try await FaultProject.make()
            // A query-protocol POST, an S3 PUT (the lock) and a JSON-less REST call each lose
            // their connection once, after the proxy read them.
            try await project.proxy.add(.reset, action: "CreateChangeSet")
            try await project.proxy.add(.reset, action: "GetCallerIdentity")
            try await project.proxy.add(.reset, method: "PUT", path: "/locks/")
            let run = try await project.ferry(["deploy", "--yes"])
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(run.stdout.contains("\(FaultProject.stackName) is CREATE_COMPLETE"), "\(run.output)")

            #expect(try await project.seen("CreateChangeSet").count == 2)
            #expect(try await project.lockRequests("PUT").count == 2)
            let bad = try await project.proxy.unsignedBodies()
            #expect(bad.isEmpty, "requests whose body was not the signed one: \(bad)")
            let all = try await project.proxy.requests()
            #expect(all.count > 10 && all.allSatisfy { $0.bodyLength == $0.contentLength })
        }

        @Test func aRequestWithABadSignatureIsRefusedByTheProxy() async throws {
            // The proxy's own check can fail: a request signed with another secret is a 403.
            let project = try await FaultProject.make()
            var variables = project.env.through(project.proxy).variables
            variables["AWS_SECRET_ACCESS_KEY"] = "not-the-secret"
            let run = try await FerryRun.run(["deploy", "--yes"], in: project.folder.url, environment: variables)
            #expect(run.exitCode != 0, "\(run.output)")
            #expect(run.stderr.contains("SignatureDoesNotMatch") || run.stderr.contains("signature"), "\(run.output)")
            #expect(try await project.proxy.requests().contains { $0.fault == "bad-signature" })
        }

        @Test func aLostExecuteChangeSetAnswerFollowsTheStackAndRecordsTheRealOutcome() async throws {
            let project = try await FaultProject.make()
            let first = try await project.ferry(["deploy", "--yes"])
            #expect(first.exitCode == 0, "\(first.output)")
            try project.folder.write("template.yaml", FaultProject.queue("Jobs", "Audit"))
            try await project.proxy.clearRequests()
            try await project.proxy.add(.lose, action: "ExecuteChangeSet")
            let second = try await project.ferry(["deploy", "--yes", "--verbose"])
            #expect(second.exitCode == 0, "\(second.output)")
            #expect(second.stdout.contains("\(FaultProject.stackName) is UPDATE_COMPLETE"), "\(second.output)")
            let executes = try await project.seen("ExecuteChangeSet")
            #expect(executes.count >= 2, "the lost answer was retried: \(executes)")
            #expect(executes.first?.fault == "lose" && executes.first?.status == 200, "\(executes)")
            #expect(try await project.historyOutcomes() == ["deployed", "deployed"])
        }

        @Test func aLostCreateChangeSetAnswerContinuesWithThatChangeSet() async throws {
            let project = try await FaultProject.make()
            try await project.proxy.add(.lose, action: "CreateChangeSet")
            let run = try await project.ferry(["deploy", "--yes"])
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(run.stdout.contains("\(FaultProject.stackName) is CREATE_COMPLETE"), "\(run.output)")
            #expect(try await project.seen("CreateChangeSet").count == 2)
            #expect(try await project.historyOutcomes() == ["deployed"])
        }

        @Test func lostAnswersOfHistoryAndLockWritesAreHarmless() async throws {
            let project = try await FaultProject.make()
            try await project.proxy.add(.lose, method: "PUT", path: "/history/")
            try await project.proxy.add(.lose, method: "DELETE", path: "/locks/")
            let run = try await project.ferry(["deploy", "--yes"])
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(!run.output.contains("could not release"), "a lost DELETE answer retried is still a release: \(run.output)")
            #expect(try await project.lockObject() == nil)
            #expect(try await project.historyOutcomes() == ["deployed"], "one record, not two")
        }

        @Test func aConnectionResetOnEveryAttemptExits1WithANetworkMessage() async throws {
            let project = try await FaultProject.make()
            try await project.proxy.add(.reset, action: "GetCallerIdentity", count: 0)
            let run = try await project.ferry(["deploy", "--yes"])
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.stderr.contains("connection reset by 127.0.0.1:\(project.proxy.port) after 3 attempts"), "\(run.output)")
            #expect(!run.stderr.contains("--endpoint-url"), "\(run.output)")
            #expect(try await project.seen("GetCallerIdentity").count == 3)
        }

        @Test func lostAnswersOfHotSwapCallsAreHarmlessAndTheCodeIsVerifiedFresh() async throws {
            let project = try await Integration.Up.deployed()
            let proxy = try FaultProxy(upstream: project.env.endpoint)
            try project.folder.write("src/a/app.py", Integration.Up.handler("a-lost"))
            let build = try await project.ferry(["build", "--env", "dev"])
            #expect(build.exitCode == 0, "\(build.output)")
            // UpdateFunctionCode reaches Lambda, its answer is lost; the artifact upload and the
            // hot-swap record's write lose theirs too.
            try await proxy.add(.lose, method: "PUT", path: "/functions/[^/]+/code$")
            try await proxy.add(.lose, method: "PUT", path: "/hotswaps/")
            let update = try await FerryRun.run(["update", "--env", "dev"], in: project.folder.url,
                                                environment: project.env.through(proxy).variables)
            #expect(update.exitCode == 0, "\(update.output)")
            let updates = try await proxy.requests().filter { $0.path.hasSuffix("/code") && $0.method == "PUT" }
            // The first reached Lambda and lost its answer; the retry succeeds — after 409s
            // (ResourceConflictException) while the first update is still in progress, if it came
            // that soon — and nothing else happens.
            #expect(updates.count >= 2 && updates.first?.fault == "lose", "\(updates)")
            #expect(updates.last?.fault == nil && updates.last?.status == 200, "\(updates)")
            #expect(updates.dropFirst().dropLast().allSatisfy { $0.fault == nil && $0.status == 409 }, "\(updates)")
            let verify = try await project.ferry(["verify", "--env", "dev"])
            #expect(verify.exitCode == 0, "every function runs the local build: \(verify.output)")
            #expect(try await proxy.unsignedBodies().isEmpty)
        }
    }
}
