import AWSCore
import AWSServices
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension Integration {
    /// `ferry logs` and `ferry metrics` against a stack with a function in the root stack, one in a
    /// nested stack and one that never logged. The emulator cannot run Lambda, so the tests write
    /// the log events (PutLogEvents) and metric data (PutMetricData to AWS/Lambda) themselves.
    @Suite struct Operate {
        static let bucket = "ferry-operate-artifacts"
        static let stackName = "operate-app"

        /// The deployed project and clients to seed logs and metrics with.
        struct Fixture {
            let env: EmulatorEnvironment
            let client: AWSClient
            let folder: TemporaryFolder
            /// Function name per display name (`Ingest`, `Quiet`, `Api/Handler`).
            let names: [String: String]
            var logs: CloudWatchLogs { CloudWatchLogs(client: client) }

            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
            }

            /// Writes `messages` (seconds before now, text) into the function's default log group.
            func log(_ function: String, _ messages: [(secondsAgo: Double, text: String)], stream: String = "2026/11/27/[$LATEST]abc") async throws {
                let group = "/aws/lambda/\(try #require(names[function]))"
                do { try await logs.createLogGroup(group) } catch where CloudWatchLogs.isResourceAlreadyExists(error) {}
                do {
                    try await logs.createLogStream(logGroupName: group, logStreamName: stream)
                } catch where CloudWatchLogs.isResourceAlreadyExists(error) {}
                let now = Date()
                try await logs.putLogEvents(logGroupName: group, logStreamName: stream, events: messages.map {
                    InputLogEvent(timestamp: Int64(now.addingTimeInterval(-$0.secondsAgo).timeIntervalSince1970 * 1000), message: $0.text)
                })
            }
        }

        static func function(_ id: String, role: String = "!GetAtt Role.Arn") -> String {
            """
              \(id):
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  Role: \(role)
                  Code: {S3Bucket: \(bucket), S3Key: code/app.zip}

            """
        }

        static func fixture() async throws -> Fixture {
            let env = try await EmulatorEnvironment.fresh()
            let endpoint = env.endpoint
            let client = AWSClient(
                credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
                endpoints: { service in
                    ServiceEndpoint(url: endpoint, signingRegion: "eu-central-1", signingName: service.signingName, usesPathStyle: true)
                })
            let folder = try TemporaryFolder("ferry-operate")
            try folder.write("ferry.toml", """
                [env.dev]
                stack_name = "\(stackName)"
                region = "eu-central-1"

                """)
            let s3 = S3(client: client)
            try await s3.createBucket(bucket, region: "eu-central-1")
            let zip = folder.url.appendingPathComponent("app.zip")
            try Hotswap.makeZip(at: zip, source: "def handler(event, context):\n    return 1\n")
            _ = try await s3.putObject(bucket: bucket, key: "code/app.zip", body: .data(try Data(contentsOf: zip)))
            let child = "Parameters:\n  RoleArn: {Type: String}\nResources:\n" + function("Handler", role: "!Ref RoleArn")
            _ = try await s3.putObject(bucket: bucket, key: "nested/api.yaml", body: .data(Data(child.utf8)))
            let root = """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: '2012-10-17'
                    Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
            \(function("Ingest"))\(function("Quiet"))  Api:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: \(endpoint.absoluteString)/\(bucket)/nested/api.yaml
                  Parameters: {RoleArn: !GetAtt Role.Arn}

            """
            try folder.write("template.yaml", root)
            let cloudFormation = CloudFormation(client: client)
            _ = try await cloudFormation.createChangeSet(CreateChangeSetInput(
                stackName: stackName, changeSetName: "create", template: .body(root), changeSetType: .create,
                capabilities: ["CAPABILITY_IAM"]))
            try await Hotswap.waitFor("change set") {
                try await cloudFormation.describeChangeSet("create", stackName: stackName).executionStatus == "AVAILABLE"
            }
            try await cloudFormation.executeChangeSet("create", stackName: stackName)
            try await Hotswap.waitFor("stack") {
                try await cloudFormation.describeStack(stackName)?.stackStatus.rawValue == "CREATE_COMPLETE"
            }
            var names: [String: String] = [:]
            for resource in try await cloudFormation.listStackResources(stackName) {
                if resource.resourceType == "AWS::Lambda::Function" {
                    names[resource.logicalResourceId] = resource.physicalResourceId
                } else if resource.resourceType == "AWS::CloudFormation::Stack", let nested = resource.physicalResourceId {
                    try await Hotswap.waitFor("nested stack") {
                        try await cloudFormation.describeStack(nested)?.stackStatus.rawValue == "CREATE_COMPLETE"
                    }
                    for inner in try await cloudFormation.listStackResources(nested) where inner.resourceType == "AWS::Lambda::Function" {
                        names["\(resource.logicalResourceId)/\(inner.logicalResourceId)"] = inner.physicalResourceId
                    }
                }
            }
            #expect(Set(names.keys) == ["Ingest", "Quiet", "Api/Handler"], "functions: \(names)")
            return Fixture(env: env, client: client, folder: folder, names: names)
        }

        static func lines(_ run: FerryRun) -> [[String: Any]] {
            run.jsonLines.filter { $0["event"] as? String == "logs.line" }.compactMap { $0["data"] as? [String: Any] }
        }

        @Test func logsMergesFunctionsInTimeOrderAndNotesAGroupThatDoesNotExist() async throws {
            let fixture = try await Self.fixture()
            try await fixture.log("Ingest", [(120, "ingest started\n"), (60, "ingest done\n")])
            try await fixture.log("Api/Handler", [(90, "handler ERROR boom\n"), (30, "handler ok\n")])

            let run = try await fixture.ferry(["logs", "--env", "dev"])
            #expect(run.exitCode == 0, "\(run.output)")
            let shown = run.stdout.split(separator: "\n").map(String.init)
            let messages = shown.filter { $0.contains("ingest") || $0.contains("handler") }
            #expect(messages.count == 4, "\(run.output)")
            #expect(messages.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["Ingest", "Api/Handler", "Ingest", "Api/Handler"])
            #expect(messages.map { $0.components(separatedBy: "Z  ").last ?? "" } == ["ingest started", "handler ERROR boom", "ingest done", "handler ok"])
            #expect(run.stdout.contains("no logs yet for Quiet (/aws/lambda/\(fixture.names["Quiet"]!) does not exist)"), "\(run.output)")

            // A prefix, --since and --filter narrow it; JSON carries the function and the raw message.
            let handler = try await fixture.ferry(["logs", "--env", "dev", "Api/Hand", "--json"])
            #expect(Self.lines(handler).map { $0["message"] as? String } == ["handler ERROR boom\n", "handler ok\n"], "\(handler.output)")
            #expect(Self.lines(handler).allSatisfy { $0["function"] as? String == "Api/Handler" })
            let recent = try await fixture.ferry(["logs", "--env", "dev", "--since", "75s", "--json"])
            #expect(Self.lines(recent).map { $0["message"] as? String } == ["ingest done\n", "handler ok\n"], "\(recent.output)")
            let errors = try await fixture.ferry(["logs", "--env", "dev", "--filter", "ERROR", "--json"])
            #expect(Self.lines(errors).map { $0["message"] as? String } == ["handler ERROR boom\n"], "\(errors.output)")
            let byPhysicalName = try await fixture.ferry(["logs", "--env", "dev", fixture.names["Ingest"]!, "--json"])
            #expect(Self.lines(byPhysicalName).count == 2, "\(byPhysicalName.output)")
        }

        @Test func logsNamesTheKnownFunctionsForAnUnknownOneAndTheMatchesForAnAmbiguousPrefix() async throws {
            let fixture = try await Self.fixture()
            let unknown = try await fixture.ferry(["logs", "--env", "dev", "Nope"])
            #expect(unknown.exitCode != 0)
            for name in ["Ingest", "Quiet", "Api/Handler"] { #expect(unknown.stderr.contains(name), "\(unknown.output)") }
            let ambiguous = try await fixture.ferry(["logs", "--env", "dev", "operate-app"])
            #expect(ambiguous.exitCode != 0)
            #expect(ambiguous.stderr.contains("matches several functions"), "\(ambiguous.output)")
        }

        @Test func logsFollowShowsANewEventOnceAndStopsOnCtrlC() async throws {
            let fixture = try await Self.fixture()
            try await fixture.log("Ingest", [(30, "before follow\n")])
            let (process, out, err) = try FerryRun.start(["logs", "--env", "dev", "--follow", "--json"], in: fixture.folder.url,
                                                         environment: fixture.env.variables)
            let collected = Mutex(Data())
            let finished = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                while true {
                    let chunk = out.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    collected.withLock { $0.append(chunk) }
                }
                finished.signal()
            }
            func seen(_ text: String) async -> Bool {
                for _ in 0..<300 {
                    if collected.withLock({ String(decoding: $0, as: UTF8.self) }).contains(text) { return true }
                    try? await Task.sleep(for: .milliseconds(100))
                }
                return false
            }
            let following = await seen("logs.following")
            #expect(following, "ferry logs --follow did not start following")
            try await fixture.log("Api/Handler", [(0, "written while following\n")], stream: "2026/11/27/[$LATEST]def")
            let arrived = await seen("written while following")
            // Another poll passes before Ctrl-C, so a repeat would show.
            try await Task.sleep(for: .seconds(3))
            kill(process.processIdentifier, SIGINT)
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    finished.wait()
                    continuation.resume()
                }
            }
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let run = FerryRun(exitCode: process.terminationStatus, stdout: collected.withLock { String(decoding: $0, as: UTF8.self) },
                               stderr: String(decoding: stderr, as: UTF8.self))
            #expect(arrived, "\(run.output)")
            #expect(run.exitCode == 0, "Ctrl-C ends --follow normally: \(run.output)")
            let messages = Self.lines(run).compactMap { $0["message"] as? String }
            #expect(messages == ["before follow\n", "written while following\n"], "\(run.output)")
        }

        @Test func metricsReportsSumsPercentilesAndSeriesWithErrorsFirst() async throws {
            let fixture = try await Self.fixture()
            let cloudWatch = CloudWatch(client: fixture.client)
            let now = Date()
            func datum(_ function: String, _ metric: String, _ value: Double, minutesAgo: Double) throws -> MetricDatum {
                MetricDatum(metricName: metric, dimensions: [Dimension(name: "FunctionName", value: try #require(fixture.names[function]))],
                            value: value, unit: metric == "Duration" ? "Milliseconds" : "Count",
                            timestamp: now.addingTimeInterval(-minutesAgo * 60))
            }
            var data = [
                try datum("Ingest", "Invocations", 3, minutesAgo: 20), try datum("Ingest", "Invocations", 2, minutesAgo: 5),
                try datum("Ingest", "Throttles", 1, minutesAgo: 5), try datum("Ingest", "Duration", 40, minutesAgo: 5),
                try datum("Api/Handler", "Invocations", 20, minutesAgo: 10), try datum("Api/Handler", "Errors", 2, minutesAgo: 10),
                // Older than the window: not counted.
                try datum("Api/Handler", "Errors", 50, minutesAgo: 180),
            ]
            for value in stride(from: 10.0, through: 200, by: 10) {
                data.append(try datum("Api/Handler", "Duration", value, minutesAgo: 10))
            }
            try await cloudWatch.putMetricData(namespace: "AWS/Lambda", data)

            let run = try await fixture.ferry(["metrics", "--env", "dev", "--since", "1h", "--json"])
            #expect(run.exitCode == 0, "\(run.output)")
            let report = try #require(run.jsonLines.first { $0["event"] as? String == "metrics.report" }?["data"] as? [String: Any], "\(run.output)")
            let rows = try #require(report["functions"] as? [[String: Any]])
            #expect(rows.map { $0["function"] as? String } == ["Api/Handler", "Ingest", "Quiet"], "errors first: \(run.output)")
            let handler = rows[0], ingest = rows[1], quiet = rows[2]
            #expect(handler["errors"] as? Double == 2 && handler["invocations"] as? Double == 20)
            #expect(handler["durationP50"] as? Double == 100 && handler["durationP95"] as? Double == 190)
            #expect(handler["durationMax"] as? Double == 200)
            #expect(ingest["invocations"] as? Double == 5 && ingest["throttles"] as? Double == 1 && ingest["errors"] as? Double == 0)
            #expect(ingest["durationP50"] as? Double == 40)
            let series = try #require(ingest["invocationSeries"] as? [Double])
            #expect(series.reduce(0, +) == 5 && series.filter { $0 > 0 }.count == 2, "\(series)")
            #expect(report["periodSeconds"] as? Int == 60)
            #expect(quiet["invocations"] as? Double == 0 && quiet["durationP50"] == nil)

            // Without --json: a table, the failing function on the first row.
            let table = try await fixture.ferry(["metrics", "--env", "dev"])
            #expect(table.exitCode == 0, "\(table.output)")
            let rowsShown = table.stdout.split(separator: "\n").map(String.init)
            #expect(rowsShown.first?.hasPrefix("FUNCTION") == true, "\(table.output)")
            #expect(rowsShown.dropFirst().first?.hasPrefix("Api/Handler") == true, "\(table.output)")
            #expect(rowsShown.dropFirst().first?.contains("100 ms") == true, "\(table.output)")
        }
    }
}
