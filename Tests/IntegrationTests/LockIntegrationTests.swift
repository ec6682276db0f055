import AWSServices
import Deployment
import Foundation
import Pipeline
import Testing

extension Integration {
    /// The deploy lock under lost answers, crashes and concurrent writers, driving the real
    /// binary through the fault proxy.
    @Suite struct Lock {
        @Test func aLostAnswerOfTheLockWriteIsRecognisedAsOurOwnLock() async throws {
            let project = try await FaultProject.make()
            try await project.proxy.add(.lose, method: "PUT", path: "/locks/")
            let run = try await project.ferry(["deploy", "--yes", "--verbose"])
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(!run.output.contains("locked by"), "\(run.output)")
            #expect(run.stdout.contains("its answer was lost"), "\(run.output)")
            let puts = try await project.lockRequests("PUT")
            #expect(puts.map(\.status) == [200, 412], "the retry met the lock the first attempt wrote: \(puts)")
            #expect(try await project.lockObject() == nil, "released at the end")
        }

        @Test func aLockThatCouldNotBeReleasedIsReportedAndTheNextRunHereTakesItOver() async throws {
            let project = try await FaultProject.make()
            try await project.proxy.add(.serverError, method: "DELETE", path: "/locks/", count: 0)
            let first = try await project.ferry(["deploy", "--yes"])
            #expect(first.exitCode == 0, "\(first.output)")
            #expect(first.output.contains("could not release the deploy lock s3://\(FaultProject.bucket)/\(FaultProject.lockKey)"), "\(first.output)")
            #expect(first.output.contains("ferry deploy --env dev --force-unlock"), "\(first.output)")
            let left = try await project.lockObject()
            #expect(left?["hostID"] as? String == LockHolder.localHostID)

            let doctor = try await project.ferry(["doctor", "--json"])
            let check = doctor.jsonLines.first {
                $0["event"] as? String == "doctor.check" && ($0["data"] as? [String: Any])?["id"] as? String == "lock"
            }?["data"] as? [String: Any]
            #expect(check?["status"] as? String == "warning", "\(doctor.output)")
            #expect((check?["detail"] as? String)?.contains("that process has ended on this machine") == true, "\(doctor.output)")

            try await project.proxy.clearRules()
            try project.folder.write("template.yaml", FaultProject.queue("Jobs", "Audit"))
            let second = try await project.ferry(["deploy", "--yes"])
            #expect(second.exitCode == 0, "\(second.output)")
            #expect(second.stdout.contains("took over the deploy lock"), "\(second.output)")
            #expect(second.stdout.contains("that process has ended"), "\(second.output)")
            #expect(try await project.lockObject() == nil)
        }

        @Test func aLockOfAnotherMachineIsNotTakenOverEvenWithADeadPid() async throws {
            let project = try await FaultProject.make()
            try await project.writeLock(FaultProject.holder(hostID: "another-machine", pid: 999_999))
            let run = try await project.ferry(["deploy", "--yes"])
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.stderr.contains("locked by arn:aws:iam::123456789012:user/alice"), "\(run.output)")
        }

        @Test func aCorruptOrEmptyLockNamesTheObjectAndForceUnlock() async throws {
            let project = try await FaultProject.make()
            for text in ["", "{\"not\": \"a lock\"}"] {
                try await project.writeLock(text)
                let run = try await project.ferry(["deploy", "--yes"])
                #expect(run.exitCode == 1, "\(run.output)")
                #expect(run.stderr.contains("s3://\(FaultProject.bucket)/\(FaultProject.lockKey)"), "\(run.output)")
                #expect(run.stderr.contains("--force-unlock"), "\(run.output)")
            }
            let forced = try await project.ferry(["deploy", "--yes", "--force-unlock"])
            #expect(forced.exitCode == 0, "\(forced.output)")
        }

        @Test func aWriterWaitsForTheLockWithinTheTimeoutOrStopsNamingTheHolder() async throws {
            let project = try await FaultProject.make()
            try await project.writeLock(FaultProject.holder())
            let stopped = try await project.ferry(["deploy", "--yes", "--lock-timeout", "1"])
            #expect(stopped.exitCode == 1, "\(stopped.output)")
            #expect(stopped.output.contains("waiting up to 1 s"), "\(stopped.output)")
            #expect(stopped.stderr.contains("locked by arn:aws:iam::123456789012:user/alice"), "\(stopped.output)")

            // The stopped writer may have tried more than once: count from here. Two more tries by the
            // waiting writer mean its first was refused (it waits), whatever the order of logging.
            let before = try await project.lockRequests("PUT").count
            let waiting = project.start(["deploy", "--yes", "--lock-timeout", "120"])
            // The holder finishes a little later.
            var seenWait = false
            for _ in 0..<150 where !seenWait {
                try await Task.sleep(for: .milliseconds(200))
                seenWait = try await project.lockRequests("PUT").count >= before + 2
            }
            #expect(seenWait, "the waiting writer tried the held lock twice")
            _ = try await project.s3().deleteObject(bucket: FaultProject.bucket, key: FaultProject.lockKey)
            let run = try await waiting.value
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(run.output.contains("waiting up to 120 s"), "\(run.output)")
            #expect(run.stdout.contains("is CREATE_COMPLETE"), "\(run.output)")
        }

        @Test func twoDeploysAtOnceNeverWriteTogether() async throws {
            let project = try await FaultProject.make()
            let a = project.start(["deploy", "--yes", "--lock-timeout", "120"])
            let b = project.start(["deploy", "--yes", "--lock-timeout", "120"])
            let (first, second) = (try await a.value, try await b.value)
            #expect(first.exitCode == 0, "\(first.output)")
            #expect(second.exitCode == 0, "\(second.output)")
            #expect(try await project.seen("ExecuteChangeSet").count == 1, "one writer created the stack, the other found it up to date")
            #expect(try await project.historyOutcomes().sorted() == ["deployed", "up-to-date"])
        }

        @Test func hotSwapsTakeTheSameLockAndStopWhenSomeoneElseHoldsIt() async throws {
            let project = try await Integration.Up.deployed()
            try project.folder.write("src/a/app.py", Integration.Up.handler("a2"))
            let build = try await project.ferry(["build", "--env", "dev"])
            #expect(build.exitCode == 0, "\(build.output)")
            let s3 = try AWSSession.make(AWSSessionOptions(processEnvironment: project.env.variables)).s3
            let key = "app/.ferry/locks/\(Integration.Up.stackName).json"
            _ = try await s3.putObject(bucket: Integration.Up.bucket, key: key, body: .data(Data(FaultProject.holder().utf8)))

            for command in [["update", "--env", "dev"], ["up", "--env", "dev", "--skip-build"]] {
                let refused = try await project.ferry(command)
                #expect(refused.exitCode == 1, "\(refused.output)")
                #expect(refused.stderr.contains("locked by arn:aws:iam::123456789012:user/alice"), "\(refused.output)")
            }
            #expect(try await project.requests("UpdateFunctionCode").isEmpty, "nothing was hot-swapped under someone else's lock")

            try await s3.deleteObject(bucket: Integration.Up.bucket, key: key)
            try await project.env.clearJournal()
            let update = try await project.ferry(["update", "--env", "dev"])
            #expect(update.exitCode == 0, "\(update.output)")
            let journal = try await project.env.journal()
            let lockWrites = journal.filter { $0.path.hasSuffix("/locks/\(Integration.Up.stackName).json") && $0.write }
            #expect(lockWrites.map(\.operation) == ["PutObject", "DeleteObject"], "\(lockWrites)")
            let put = journal.firstIndex { $0.operation == "PutObject" && $0.path.contains("/locks/") } ?? -1
            let swap = journal.firstIndex { $0.operation == "UpdateFunctionCode" } ?? -1
            let release = journal.firstIndex { $0.operation == "DeleteObject" && $0.path.contains("/locks/") } ?? -1
            #expect(put < swap && swap < release, "the hot-swap ran under the lock: \(journal)")
            #expect(try await s3.headObject(bucket: Integration.Up.bucket, key: key) == nil)
        }
    }
}
