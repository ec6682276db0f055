import AWSServices
import Foundation
import Pipeline
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension Integration {
    /// A Ferry-driven traffic shift holds the environment's deploy lock until it ends, and
    /// `ferry update` shifts traffic after its hot-swap as `ferry up` does.
    @Suite struct TrafficShiftLock {
        typealias Shift = Integration.TrafficShift

        /// The deploy lock's object (`[artifacts] prefix = "app/{env}"`, moto's account).
        static let bucket = "ferry-traffic-123456789012"
        static let lockKey = "app/prod/.ferry/locks/\(Shift.stackName).json"

        @Test func aSecondUpDuringAShiftIsRefusedWithTheLocksMessage() async throws {
            let app = try await Shift.app(traffic: "strategy = \"canary:10:30s\"\nalarms = [\"\(Shift.alarm)\"]")
            let v1 = try await app.alias()
            try await app.env.clearJournal()
            try app.folder.write("src/greeter/app.py", Shift.source("v2"))
            async let shifting = app.ferry(["up", "--yes", "--json"])
            var stepped = false
            for _ in 0..<240 where !stepped {
                stepped = try await !app.updateAliasBodies().isEmpty
                if !stepped { try await Task.sleep(for: .milliseconds(250)) }
            }
            #expect(stepped)
            let s3 = try AWSSession.make(AWSSessionOptions(processEnvironment: app.env.variables)).s3
            #expect(try await s3.headObject(bucket: Self.bucket, key: Self.lockKey) != nil, "the shift holds the lock")

            try app.folder.write("src/greeter/app.py", Shift.source("v3"))
            let second = try await app.ferry(["up", "--yes"])
            #expect(second.exitCode == 1, "\(second.output)")
            #expect(second.stderr.contains("locked by"), "\(second.output)")
            #expect(second.stderr.contains("ferry deploy"), "the holder's command is named: \(second.output)")

            // The alarm ends the shift (a rollback): the lock goes with it.
            try await CloudWatch(client: app.env.client()).setAlarmState(Shift.alarm, state: "ALARM", reason: "test: errors")
            let run = try await shifting
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(Shift.events(run, "traffic.rolled-back").count == 1, "\(run.output)")
            #expect(try await app.alias().version == v1.version)
            #expect(try await s3.headObject(bucket: Self.bucket, key: Self.lockKey) == nil, "released after the shift")
        }

        @Test func ctrlCDuringAShiftReleasesTheLock() async throws {
            let app = try await Shift.app(traffic: "strategy = \"canary:10:5m\"")
            try app.folder.write("src/greeter/app.py", Shift.source("v2"))
            let (run, signalled) = try await FerryLiveRun.run(
                ["up", "--yes"], in: app.folder.url, environment: app.env.variables, signalWhen: "traffic step 1/2", signal: SIGINT)
            #expect(signalled, "\(run.output)")
            #expect(run.exitCode == 130, "\(run.output)")
            let s3 = try AWSSession.make(AWSSessionOptions(processEnvironment: app.env.variables)).s3
            #expect(try await s3.headObject(bucket: Self.bucket, key: Self.lockKey) == nil, "\(run.output)")
        }

        @Test func aCompletedShiftReleasesTheLock() async throws {
            let app = try await Shift.app(traffic: "strategy = \"canary:10:1s\"")
            let run = try await app.up("v2")
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(Shift.events(run, "traffic.completed").count == 1, "\(run.output)")
            let s3 = try AWSSession.make(AWSSessionOptions(processEnvironment: app.env.variables)).s3
            #expect(try await s3.headObject(bucket: Self.bucket, key: Self.lockKey) == nil)
        }

        @Test func ferryUpdateShiftsTrafficAfterItsHotSwap() async throws {
            let app = try await Shift.app(traffic: "strategy = \"canary:10:2s\"", hotswap: true)
            let v1 = try await app.alias()
            try await app.env.clearJournal()
            try app.folder.write("src/greeter/app.py", Shift.source("v2 update"))
            let build = try await app.ferry(["build"])
            #expect(build.exitCode == 0, "\(build.output)")

            let run = try await app.ferry(["update", "--json"])

            #expect(run.exitCode == 0, "\(run.output)")
            let v2 = try await app.alias()
            #expect(v2.version != v1.version)
            #expect(v2.weights.isEmpty)
            let bodies = try await app.updateAliasBodies().suffix(2)
            #expect(bodies.first?["FunctionVersion"] as? String == v1.version, "\(bodies)")
            let weights = (bodies.first?["RoutingConfig"] as? [String: Any])?["AdditionalVersionWeights"] as? [String: Double]
            #expect(weights == [v2.version: 0.1], "\(bodies)")
            #expect(bodies.last?["FunctionVersion"] as? String == v2.version, "\(bodies)")
            #expect(Shift.events(run, "traffic.completed").count == 1, "\(run.output)")
            let s3 = try AWSSession.make(AWSSessionOptions(processEnvironment: app.env.variables)).s3
            #expect(try await s3.headObject(bucket: Self.bucket, key: Self.lockKey) == nil)
        }
    }
}
