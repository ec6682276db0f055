import AWSServices
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension Integration {
    /// Gradual traffic shifting (`[env.X.traffic]`, `--traffic`) of a SAM function with
    /// `AutoPublishAlias`, deployed through CloudFormation by the real `ferry` on the emulator:
    /// each step is an UpdateAlias whose RoutingConfig the emulator's journal keeps.
    @Suite struct TrafficShift {
        static let stackName = "ferry-traffic-prod"
        static let alarm = "greeter-errors"

        static let template = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Greeter:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/greeter/
                  AutoPublishAlias: live
            """

        static func source(_ tag: String) -> String { "def handler(event, context):\n    return '\(tag)'\n" }

        struct App {
            let env: EmulatorEnvironment
            let folder: TemporaryFolder
            /// Variables beyond the emulator's (a webhook URL).
            var extra: [String: String] = [:]

            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables.merging(extra) { _, new in new })
            }

            /// `ferry up` of `tag`'s code; expects success.
            func up(_ tag: String, _ extra: [String] = []) async throws -> FerryRun {
                try folder.write("src/greeter/app.py", TrafficShift.source(tag))
                let run = try await ferry(["up", "--yes", "--json"] + extra)
                return run
            }

            /// Greeter's function name, alias version and routing.
            func alias() async throws -> (function: String, version: String, weights: [String: Double]) {
                let resources = try await CloudFormation(client: env.client()).listStackResources(TrafficShift.stackName)
                let name = try #require(resources.first { $0.logicalResourceId == "Greeter" }?.physicalResourceId)
                let alias = try await Lambda(client: env.client()).getAlias(name, name: "live")
                return (name, try #require(alias.functionVersion), alias.routingConfig?.additionalVersionWeights ?? [:])
            }

            /// The bodies of the UpdateAlias requests in the journal, oldest first.
            func updateAliasBodies() async throws -> [[String: Any]] {
                let (data, _) = try await URLSession.shared.data(from: env.endpoint.appendingPathComponent("_ferry/requests"))
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                let requests = object?["requests"] as? [[String: Any]] ?? []
                return requests.filter { $0["operation"] as? String == "UpdateAlias" }.map { $0["body"] as? [String: Any] ?? [:] }
            }

            func history() async throws -> [[String: Any]] {
                let run = try await ferry(["history", "--json"])
                #expect(run.exitCode == 0, "\(run.output)")
                return run.jsonLines.filter { $0["event"] as? String == "history.record" }
                    .compactMap { ($0["data"] as? [String: Any])?["entry"] as? [String: Any] }
            }
        }

        /// A prod-like environment (no hot-swap) with `traffic` as its `[env.prod.traffic]` table, at v1.
        static func app(traffic: String, hotswap: Bool = false, webhook: String? = nil) async throws -> App {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-traffic")
            try folder.write("ferry.toml", """
                template = "template.yaml"

                [artifacts]
                bucket = "ferry-traffic-{account}"
                prefix = "app/{env}"

                [env.prod]
                stack_name = "\(stackName)"
                region = "eu-central-1"
                hotswap = \(hotswap)
                approval = "never"
                \(webhook == nil ? "" : #"notify = ["${FERRY_IT_HOOK}"]"#)

                [env.prod.traffic]
                \(traffic)
                """)
            try folder.write("template.yaml", template)
            let app = App(env: env, folder: folder, extra: webhook.map { ["FERRY_IT_HOOK": $0] } ?? [:])
            let cloudWatch = CloudWatch(client: env.client())
            try await cloudWatch.putMetricAlarm(alarm, namespace: "AWS/Lambda", metricName: "Errors", threshold: 1)
            try await cloudWatch.setAlarmState(alarm, state: "OK", reason: "test: healthy")
            try folder.write("src/greeter/app.py", source("v1"))
            for step in [["build"], ["package", "--create-bucket"]] {
                let run = try await app.ferry(step)
                #expect(run.exitCode == 0, "\(step[0]): \(run.output)")
            }
            let first = try await app.up("v1")
            #expect(first.exitCode == 0, "\(first.output)")
            // The first deploy creates the alias: there is no previous version to shift from.
            #expect(events(first, "traffic.idle").count == 1, "\(first.output)")
            return app
        }

        static func events(_ run: FerryRun, _ kind: String) -> [[String: Any]] {
            run.jsonLines.filter { $0["event"] as? String == kind }.compactMap { $0["data"] as? [String: Any] }
        }

        @Test func aCanaryShiftReachesAllTrafficInItsSteps() async throws {
            let app = try await Self.app(traffic: "strategy = \"canary:10:20s\"\nalarms = [\"\(Self.alarm)\"]")
            let v1 = try await app.alias()
            try await app.env.clearJournal()

            let run = try await app.up("v2", ["--traffic", "canary:10:2s"])
            #expect(run.exitCode == 0, "\(run.output)")
            let v2 = try await app.alias()
            #expect(v2.version != v1.version)
            #expect(v2.weights.isEmpty)
            // Each step as Lambda received it: 10% of v2 on v1's alias, then v2 alone.
            let bodies = try await app.updateAliasBodies()
            #expect(bodies.count == 2, "\(bodies)")
            #expect(bodies.first?["FunctionVersion"] as? String == v1.version, "\(bodies)")
            let weights = (bodies.first?["RoutingConfig"] as? [String: Any])?["AdditionalVersionWeights"] as? [String: Double]
            #expect(weights == [v2.version: 0.1], "\(bodies)")
            #expect(bodies.last?["FunctionVersion"] as? String == v2.version, "\(bodies)")
            let last = (bodies.last?["RoutingConfig"] as? [String: Any])?["AdditionalVersionWeights"] as? [String: Double]
            #expect(last?.isEmpty == true, "\(bodies)")
            // The live view: the plan, two steps, the alarms read while waiting, the end.
            let planned = try #require(Self.events(run, "traffic.planned").first, "\(run.output)")
            #expect(planned["strategy"] as? String == "canary:10:2s", "\(run.output)")
            #expect(planned["aliases"] as? [String] == ["Greeter:live gets a new version and shifts"], "\(run.output)")
            #expect(Self.events(run, "traffic.armed").count == 1, "\(run.output)")
            #expect(Self.events(run, "traffic.step").compactMap { $0["percent"] as? Int } == [10, 100], "\(run.output)")
            let watching = Self.events(run, "traffic.watching")
            #expect(!watching.isEmpty, "\(run.output)")
            #expect((watching.first?["alarms"] as? [String: String])?[Self.alarm] == "OK", "\(run.output)")
            #expect(Self.events(run, "traffic.completed").count == 1, "\(run.output)")

            // ferry verify: no shift in progress now; with routing left half-way it says so.
            _ = try await Lambda(client: app.env.client()).updateAlias(
                v2.function, name: "live", functionVersion: v1.version,
                routingConfig: AliasRoutingConfiguration(additionalVersionWeights: [v2.version: 0.25]))
            let verify = try await app.ferry(["verify"])
            #expect(verify.stdout.contains("Greeter:live is shifting traffic: version \(v1.version) with 25% to version \(v2.version)"),
                    "\(verify.output)")

            // ferry plan says which functions will shift and how.
            try app.folder.write("src/greeter/app.py", Self.source("v3"))
            #expect(try await app.ferry(["build"]).exitCode == 0)
            let plan = try await app.ferry(["plan"])
            #expect(plan.stdout.contains("traffic: canary:10:20s — 10% for 20s → 100%, watching alarms \(Self.alarm)"), "\(plan.output)")
            #expect(plan.stdout.contains("Greeter:live gets a new version and shifts"), "\(plan.output)")
        }

        @Test func anAlarmInAlarmMidShiftRollsTheAliasBackAndExits1WithAHistoryRecord() async throws {
            let hook = try LoopbackWebhook()
            defer { hook.stop() }
            let app = try await Self.app(traffic: "strategy = \"canary:10:30s\"\nalarms = [\"\(Self.alarm)\"]", webhook: hook.url)
            let v1 = try await app.alias()
            try await app.env.clearJournal()
            try app.folder.write("src/greeter/app.py", Self.source("v2 broken"))
            async let shifting = app.ferry(["up", "--yes", "--json"])
            // Once the first step routes 10% to the new version, the alarm fires.
            var stepped = false
            for _ in 0..<240 where !stepped {
                stepped = try await !app.updateAliasBodies().isEmpty
                if !stepped { try await Task.sleep(for: .milliseconds(250)) }
            }
            #expect(stepped)
            try await CloudWatch(client: app.env.client()).setAlarmState(Self.alarm, state: "ALARM", reason: "test: errors")
            let run = try await shifting
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.stdout.contains("alarm \(Self.alarm) is in ALARM"), "\(run.output)")
            let after = try await app.alias()
            #expect(after.version == v1.version)
            #expect(after.weights.isEmpty)
            let bodies = try await app.updateAliasBodies()
            #expect(bodies.count == 2, "\(bodies)")
            #expect(bodies.last?["FunctionVersion"] as? String == v1.version, "\(bodies)")
            #expect(Self.events(run, "traffic.rolled-back").count == 1, "\(run.output)")

            let history = try await app.history()
            let entry = try #require(history.first)
            #expect(entry["kind"] as? String == "rollback", "\(history)")
            #expect(entry["outcome"] as? String == "rolled-back", "\(history)")
            #expect((entry["summary"] as? String)?.contains("traffic shift canary:10:30s rolled back: alarm \(Self.alarm) is in ALARM") == true,
                    "\(history)")
            #expect((entry["record"] as? [String: Any])?["path"] as? String == "traffic", "\(history)")

            // The webhook hears of it: the v1 and v2 deploys, then the traffic rollback.
            let posted = try #require(hook.json.last)
            #expect((posted["text"] as? String)?.contains("traffic shift ROLLED BACK") == true, "\(posted)")
            let facts = posted["ferry"] as? [String: Any]
            #expect(facts?["operation"] as? String == "traffic-shift", "\(posted)")
            #expect(facts?["failure"] as? String == "alarm \(Self.alarm) is in ALARM", "\(posted)")
        }

        @Test func aHotswapThatPublishesANewVersionShiftsToo() async throws {
            let app = try await Self.app(traffic: "strategy = \"canary:10:2s\"", hotswap: true)
            let v1 = try await app.alias()
            try await app.env.clearJournal()
            let run = try await app.up("v2 hot")
            #expect(run.exitCode == 0, "\(run.output)")
            let summary = run.jsonLines.first { $0["event"] as? String == "up.summary" }?["data"] as? [String: Any]
            #expect(summary?["path"] as? String == "hotswap", "\(run.output)")
            let v2 = try await app.alias()
            #expect(v2.version != v1.version)
            #expect(v2.weights.isEmpty)
            // The hot-swap moves the alias to the new version, then the shift starts over from v1.
            let bodies = try await app.updateAliasBodies().suffix(2)
            #expect(bodies.first?["FunctionVersion"] as? String == v1.version, "\(bodies)")
            let weights = (bodies.first?["RoutingConfig"] as? [String: Any])?["AdditionalVersionWeights"] as? [String: Double]
            #expect(weights == [v2.version: 0.1], "\(bodies)")
            #expect(bodies.last?["FunctionVersion"] as? String == v2.version, "\(bodies)")
            #expect(Self.events(run, "traffic.completed").count == 1, "\(run.output)")
        }

        @Test func errorsOfTheNewVersionRollBackByDefault() async throws {
            let app = try await Self.app(traffic: "strategy = \"canary:10:30s\"")
            let v1 = try await app.alias()
            try await app.env.clearJournal()
            try app.folder.write("src/greeter/app.py", Self.source("v2 failing"))
            async let shifting = app.ferry(["up", "--yes"])
            var stepped = false
            for _ in 0..<240 where !stepped {
                stepped = try await !app.updateAliasBodies().isEmpty
                if !stepped { try await Task.sleep(for: .milliseconds(250)) }
            }
            #expect(stepped)
            let routed = try await app.alias()
            let newVersion = try #require(routed.weights.keys.first)
            // One error of the new version, as Lambda publishes it for an invocation through the alias.
            try await CloudWatch(client: app.env.client()).putMetricData(namespace: "AWS/Lambda", [MetricDatum(
                metricName: "Errors",
                dimensions: [Dimension(name: "FunctionName", value: routed.function),
                             Dimension(name: "Resource", value: "\(routed.function):live"),
                             Dimension(name: "ExecutedVersion", value: newVersion)],
                value: 1, unit: "Count", timestamp: Date())])
            let run = try await shifting
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.stderr.contains("Greeter version \(newVersion) had 1 error(s)"), "\(run.output)")
            let after = try await app.alias()
            #expect(after.version == v1.version)
            #expect(after.weights.isEmpty)
        }

        @Test func allAtOnceIsOneUpdateAlias() async throws {
            let app = try await Self.app(traffic: "strategy = \"all-at-once\"")
            let v1 = try await app.alias()
            try await app.env.clearJournal()
            let run = try await app.up("v2")
            #expect(run.exitCode == 0, "\(run.output)")
            let v2 = try await app.alias()
            #expect(v2.version != v1.version)
            let bodies = try await app.updateAliasBodies()
            #expect(bodies.count == 1, "\(bodies)")
            #expect(bodies.first?["FunctionVersion"] as? String == v2.version, "\(bodies)")
        }

        @Test func ctrlCDuringAShiftRollsBackWhenNotInteractive() async throws {
            let app = try await Self.app(traffic: "strategy = \"canary:10:5m\"")
            let v1 = try await app.alias()
            try app.folder.write("src/greeter/app.py", Self.source("v2"))
            let (run, signalled) = try await FerryLiveRun.run(
                ["up", "--yes"], in: app.folder.url, environment: app.env.variables, signalWhen: "traffic step 1/2", signal: SIGINT)
            #expect(signalled, "\(run.output)")
            #expect(run.exitCode == 130, "\(run.output)")
            #expect(run.stderr.contains("interrupted during the traffic shift"), "\(run.output)")
            let after = try await app.alias()
            #expect(after.version == v1.version, "\(run.output)")
            #expect(after.weights.isEmpty, "\(run.output)")
            let history = try await app.history()
            #expect((history.first?["summary"] as? String)?.contains("rolled back: interrupted (Ctrl-C)") == true, "\(history)")
        }

        @Test func aBadStrategyIsBadInput() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-traffic-bad")
            try folder.write("ferry.toml", "[env.prod]\nstack_name = \"\(Self.stackName)\"\nregion = \"eu-central-1\"\n")
            try folder.write("template.yaml", Self.template)
            let run = try await FerryRun.run(["up", "--traffic", "canary:10"], in: folder.url, environment: env.variables)
            #expect(run.exitCode == 64, "\(run.output)")
            #expect(run.stderr.contains("canary takes a percentage and a duration"), "\(run.output)")
        }
    }
}
