import AWSCore
import AWSServices
import Foundation
import Hotswap
import Synchronization
import Testing

/// Counts the requests an `AWSClient` sends, by operation.
final class RequestCounter: AWSMiddleware {
    let operations = Mutex<[String]>([])
    func handle(_ context: AWSRequestContext, next: AWSHandler) async throws -> HTTPResponse {
        operations.withLock { $0.append(context.operation) }
        return try await next(context)
    }
    var all: [String] { operations.withLock { $0 } }
}

extension Integration {
    /// `ferry update` and `ferry verify` against a stack of three functions and a state machine.
    @Suite struct Hotswap {
        static let bucket = "ferry-hotswap-artifacts"
        static let stackName = "hotswap-app"

        /// The project: template, ferry.toml, zips and manifest; the stack deployed in the emulator.
        struct Fixture {
            let env: EmulatorEnvironment
            let client: AWSClient
            let counter: RequestCounter
            let folder: TemporaryFolder
            var lambda: Lambda { Lambda(client: client) }

            /// Function name per logical ID.
            func functionNames() async throws -> [String: String] {
                let resources = try await CloudFormation(client: client).listStackResources(Hotswap.stackName)
                return Dictionary(uniqueKeysWithValues: resources.filter { $0.resourceType == "AWS::Lambda::Function" }
                    .map { ($0.logicalResourceId, $0.physicalResourceId ?? "") })
            }

            func stateMachineArn() async throws -> String {
                let resources = try await CloudFormation(client: client).listStackResources(Hotswap.stackName)
                return try #require(resources.first { $0.resourceType == "AWS::StepFunctions::StateMachine" }?.physicalResourceId)
            }

            /// CodeSha256 and LastModified per logical ID.
            func liveFunctions() async throws -> [String: (sha: String?, modified: String?)] {
                var result: [String: (sha: String?, modified: String?)] = [:]
                for (id, name) in try await functionNames() {
                    let configuration = try await lambda.getFunctionConfiguration(name)
                    result[id] = (configuration.codeSha256, configuration.lastModified)
                }
                return result
            }

            /// Writes the zip for `logicalID` with `source` and records it in the manifest.
            func build(_ sources: [String: String]) throws -> [String: String] {
                var hashes: [String: String] = [:]
                var artifacts: [[String: Any]] = []
                for (id, source) in sources.sorted(by: { $0.key < $1.key }) {
                    let zip = folder.url.appendingPathComponent(".ferry/cache/\(id).zip")
                    try Hotswap.makeZip(at: zip, source: source)
                    let data = try Data(contentsOf: zip)
                    let hash = ContentHash.base64(data)
                    hashes[id] = hash
                    artifacts.append([
                        "logicalID": id, "stackPath": "Root", "resourceType": "AWS::Lambda::Function", "kind": "function",
                        "codeSha256": hash, "zipSHA256": "", "size": data.count, "zipPath": zip.path, "s3Key": NSNull(),
                        "builder": "prebuilt", "buildKey": "", "unzippedSize": 0, "sourcePath": "",
                    ])
                }
                let manifest = folder.url.appendingPathComponent(".ferry/build/manifest.json")
                try FileManager.default.createDirectory(at: manifest.deletingLastPathComponent(), withIntermediateDirectories: true)
                try JSONSerialization.data(withJSONObject: ["formatVersion": 1, "artifacts": artifacts, "files": []])
                    .write(to: manifest)
                return hashes
            }

            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
            }
        }

        static func source(_ tag: String) -> String { "def handler(event, context):\n    return '\(tag)'\n" }

        static let sources = ["FnA": source("a1"), "FnB": source("b1") + "# shared 1\n", "FnC": source("c1") + "# shared 1\n"]

        /// The stack's template; `failing` functions end every update `Failed` in the emulator.
        static func template(comment: String = "v1", failing: Set<String> = []) -> String {
            func function(_ id: String) -> String {
                let environment = failing.contains(id)
                    ? "      Environment: {Variables: {FERRY_EMULATOR_FAIL_UPDATE: 'handler app.handler cannot be imported'}}\n" : ""
                return """
                  \(id):
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Role: !GetAtt Role.Arn
                      Code: {S3Bucket: \(bucket), S3Key: code/\(id).zip}
                \(environment)

                """
            }
            return """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: '2012-10-17'
                    Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
            \(function("FnA"))\(function("FnB"))\(function("FnC"))  Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: !GetAtt Role.Arn
                  DefinitionString: !Sub '{"Comment": "\(comment)", "StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "${FnA.Arn}", "End": true}}}'

            """
        }

        static func makeZip(at url: URL, source: String) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let script = """
            import sys, zipfile
            info = zipfile.ZipInfo('app.py', date_time=(1980, 1, 1, 0, 0, 0))
            with zipfile.ZipFile(sys.argv[1], 'w') as z:
                z.writestr(info, sys.argv[2])
            """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: RepositoryPaths.python)
            process.arguments = RepositoryPaths.pythonPrefix + ["-c", script, url.path, source]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw EmulatorError("python could not write \(url.path)") }
        }

        /// Deploys the stack from zips of `sources` and writes the project with the same build.
        static func fixture(failing: Set<String> = []) async throws -> Fixture {
            let env = try await EmulatorEnvironment.fresh()
            let counter = RequestCounter()
            let endpoint = env.endpoint
            let client = AWSClient(
                credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
                endpoints: { service in
                    ServiceEndpoint(url: endpoint, signingRegion: "eu-central-1", signingName: service.signingName, usesPathStyle: true)
                },
                middleware: [counter])
            let folder = try TemporaryFolder("ferry-hotswap")
            let fixture = Fixture(env: env, client: client, counter: counter, folder: folder)
            try folder.write("template.yaml", template(failing: failing))
            try folder.write("ferry.toml", """
                [artifacts]
                bucket = "\(bucket)"
                prefix = "app"

                [env.dev]
                stack_name = "\(stackName)"
                region = "eu-central-1"
                capabilities = ["CAPABILITY_IAM"]

                [env.prod]
                stack_name = "\(stackName)"
                region = "eu-central-1"
                capabilities = ["CAPABILITY_IAM"]

                """)
            _ = try fixture.build(sources)
            let s3 = S3(client: client)
            try await s3.createBucket(bucket, region: "eu-central-1")
            for id in sources.keys {
                let zip = folder.url.appendingPathComponent(".ferry/cache/\(id).zip")
                _ = try await s3.putObject(bucket: bucket, key: "code/\(id).zip", body: .data(try Data(contentsOf: zip)))
            }
            let cloudFormation = CloudFormation(client: client)
            _ = try await cloudFormation.createChangeSet(CreateChangeSetInput(
                stackName: stackName, changeSetName: "create", template: .body(template(failing: failing)), changeSetType: .create,
                capabilities: ["CAPABILITY_IAM"]))
            try await waitFor("change set") {
                try await cloudFormation.describeChangeSet("create", stackName: stackName).executionStatus == "AVAILABLE"
            }
            try await cloudFormation.executeChangeSet("create", stackName: stackName)
            try await waitFor("stack") {
                try await cloudFormation.describeStack(stackName)?.stackStatus.rawValue == "CREATE_COMPLETE"
            }
            // Functions leave Pending before the tests look at them.
            for name in try await fixture.functionNames().values {
                try await waitFor("function \(name)") {
                    try await fixture.lambda.getFunctionConfiguration(name).state == "Active"
                }
            }
            return fixture
        }

        static func waitFor(_ what: String, _ condition: () async throws -> Bool) async throws {
            for _ in 0..<200 {
                if try await condition() { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw EmulatorError("\(what) did not become ready")
        }

        static func operations(_ run: FerryRun) -> [[String: Any]] {
            run.jsonLines.filter { $0["event"] as? String == "hotswap.operation" }.compactMap { $0["data"] as? [String: Any] }
        }

        @Test func oneChangedFunctionIsTheOnlyUpdateAndRunsTheLocalBuild() async throws {
            let fixture = try await Self.fixture()
            let before = try await fixture.liveFunctions()
            var sources = Self.sources
            sources["FnA"] = Self.source("a2")
            let local = try fixture.build(sources)
            let run = try await fixture.ferry(["update", "--env", "dev", "--json"])
            #expect(run.exitCode == 0, "\(run.output)")
            let operations = Self.operations(run)
            #expect(operations.map { $0["resource"] as? String } == ["Root/FnA"], "\(run.output)")
            #expect(operations.first?["succeeded"] as? Bool == true)
            let after = try await fixture.liveFunctions()
            #expect(after["FnA"]?.sha == local["FnA"])
            for id in ["FnB", "FnC"] {
                #expect(after[id]?.sha == before[id]?.sha)
                #expect(after[id]?.modified == before[id]?.modified, "\(id) must not be touched")
            }
            // The record of what runs ahead of the template is in the artifact bucket.
            let latest = try await S3(client: fixture.client).getObject(bucket: Self.bucket, key: "app/.ferry/hotswaps/\(Self.stackName)/latest.json")
            let record = try JSONDecoder().decode(HotswapRecord.self, from: latest.body)
            #expect(record.entries.map(\.logicalID) == ["FnA"])
            #expect(record.entries.first?.hash == local["FnA"])
            // And verify now agrees.
            let verify = try await fixture.ferry(["verify", "--env", "dev", "--json"])
            #expect(verify.exitCode == 0, "\(verify.output)")
            let summary = verify.jsonLines.first { $0["event"] as? String == "verify.summary" }?["data"] as? [String: Any]
            #expect(summary?["checked"] as? Int == 4, "three functions and the state machine: \(verify.output)")
            #expect(summary?["fresh"] as? Int == 4, "\(verify.output)")
            // A second update has nothing to do.
            let again = try await fixture.ferry(["update", "--env", "dev", "--json"])
            #expect(again.exitCode == 0, "\(again.output)")
            #expect(Self.operations(again).isEmpty, "\(again.output)")
        }

        @Test func aSharedLibraryChangeUpdatesExactlyItsDependents() async throws {
            let fixture = try await Self.fixture()
            let before = try await fixture.liveFunctions()
            var sources = Self.sources
            sources["FnB"] = Self.source("b1") + "# shared 2\n"
            sources["FnC"] = Self.source("c1") + "# shared 2\n"
            let local = try fixture.build(sources)
            let run = try await fixture.ferry(["update", "--env", "dev", "--json", "--concurrency", "2"])
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(Set(Self.operations(run).compactMap { $0["resource"] as? String }) == ["Root/FnB", "Root/FnC"])
            let after = try await fixture.liveFunctions()
            #expect(after["FnB"]?.sha == local["FnB"])
            #expect(after["FnC"]?.sha == local["FnC"])
            #expect(after["FnA"]?.modified == before["FnA"]?.modified)
        }

        @Test func nothingChangedMeansNoAWSWrite() async throws {
            let fixture = try await Self.fixture()
            let before = try await fixture.liveFunctions()
            let run = try await fixture.ferry(["update", "--env", "dev", "--json"])
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(Self.operations(run).isEmpty)
            let after = try await fixture.liveFunctions()
            for id in ["FnA", "FnB", "FnC"] { #expect(after[id]?.modified == before[id]?.modified) }

            // The same engine in process, every request counted: reads only.
            let names = try await fixture.functionNames()
            let resolver = PhysicalResolver(rootStackName: Self.stackName,
                                            lister: CloudFormationResourceLister(cloudFormation: CloudFormation(client: fixture.client)))
            let context = DetectionContext(services: .aws(fixture.client), resolver: resolver)
            let targets = LocalBuildState(artifacts: try Self.sources.keys.sorted().map { id in
                let zip = fixture.folder.url.appendingPathComponent(".ferry/cache/\(id).zip")
                return LocalBuildState.Artifact(logicalID: id, stackPath: "Root", resourceType: "AWS::Lambda::Function",
                             codeSha256: ContentHash.base64(try Data(contentsOf: zip)), zipPath: zip.path)
            }).functionTargets(artifactBucket: nil)
            let start = fixture.counter.all.count
            let plan = await HotswapPlanner(context: context).plan(targets: targets)
            #expect(plan.isEmpty, "\(plan.rendered())")
            let results = await HotswapApplier(services: context.services).apply(plan)
            #expect(results.isEmpty)
            let sent = fixture.counter.all.dropFirst(start)
            #expect(!sent.isEmpty)
            #expect(sent.allSatisfy { $0.hasPrefix("Get") || $0.hasPrefix("List") || $0.hasPrefix("Describe") }, "\(Array(sent))")
            #expect(names.count == 3)
        }

        @Test func aFunctionChangedBehindFerrysBackFailsVerifyByName() async throws {
            let fixture = try await Self.fixture()
            let clean = try await fixture.ferry(["verify", "--env", "dev"])
            #expect(clean.exitCode == 0, "\(clean.output)")
            let other = fixture.folder.url.appendingPathComponent("other.zip")
            try Self.makeZip(at: other, source: Self.source("changed by another tool"))
            let names = try await fixture.functionNames()
            let name = try #require(names["FnB"])
            _ = try await fixture.lambda.updateFunctionCode(name, code: .zipFile(try Data(contentsOf: other)))
            let run = try await fixture.ferry(["verify", "--env", "dev"])
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.output.contains("Root/FnB"), "\(run.output)")
            #expect(run.output.contains("stale"), "\(run.output)")
            #expect(!run.output.contains("Root/FnA: STALE"))
        }

        @Test func productionRefusesHotswap() async throws {
            let fixture = try await Self.fixture()
            let before = try await fixture.liveFunctions()
            var sources = Self.sources
            sources["FnA"] = Self.source("a2")
            _ = try fixture.build(sources)
            let run = try await fixture.ferry(["update", "--env", "prod"])
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.stderr.contains("not allowed in environment 'prod'"), "\(run.output)")
            #expect(run.stderr.contains("ferry deploy --env prod"))
            let after = try await fixture.liveFunctions()
            #expect(after["FnA"]?.sha == before["FnA"]?.sha)
            #expect(after["FnA"]?.modified == before["FnA"]?.modified)
        }

        @Test func aStepFunctionsDefinitionIsHotswappedAndReadBack() async throws {
            let fixture = try await Self.fixture()
            let arn = try await fixture.stateMachineArn()
            let deployed = try await StepFunctions(client: fixture.client).describeStateMachine(arn).definition
            #expect(deployed.contains("v1"), "\(deployed)")
            try fixture.folder.write("template.yaml", Self.template(comment: "v2"))
            let run = try await fixture.ferry(["update", "--env", "dev", "--json"])
            #expect(run.exitCode == 0, "\(run.output)")
            #expect(Self.operations(run).map { $0["resource"] as? String } == ["Root/Flow"], "\(run.output)")
            let live = try await StepFunctions(client: fixture.client).describeStateMachine(arn).definition
            #expect(live.contains("\"v2\""), "\(live)")
            let names = try await fixture.functionNames()
            let fnA = try #require(names["FnA"])
            let functionArn = try #require(try await fixture.lambda.getFunctionConfiguration(fnA).functionArn)
            #expect(live.contains(functionArn), "the substitution resolves to the live function ARN: \(live)")
        }

        @Test func aFailedUpdateIsReportedWithItsReasonAndTheOthersStillRun() async throws {
            let fixture = try await Self.fixture(failing: ["FnB"])
            var sources = Self.sources
            for id in ["FnA", "FnB", "FnC"] { sources[id] = Self.source("\(id) v2") }
            let local = try fixture.build(sources)
            let run = try await fixture.ferry(["update", "--env", "dev", "--json"])
            #expect(run.exitCode == 1, "\(run.output)")
            let byResource = Dictionary(uniqueKeysWithValues: Self.operations(run).map { ($0["resource"] as? String ?? "", $0) })
            #expect(byResource["Root/FnA"]?["succeeded"] as? Bool == true, "\(run.output)")
            #expect(byResource["Root/FnC"]?["succeeded"] as? Bool == true, "\(run.output)")
            #expect(byResource["Root/FnB"]?["succeeded"] as? Bool == false, "\(run.output)")
            let error = byResource["Root/FnB"]?["error"] as? String ?? ""
            #expect(error.contains("Failed") && error.contains("handler app.handler cannot be imported"), "\(error)")
            #expect(run.stderr.contains("1 of 3 hot-swap(s) failed: Root/FnB"), "\(run.output)")
            let after = try await fixture.liveFunctions()
            #expect(after["FnA"]?.sha == local["FnA"])
            #expect(after["FnC"]?.sha == local["FnC"])
        }

        @Test func aNonCodeChangeIsRejectedWithItsReason() async throws {
            let fixture = try await Self.fixture()
            try fixture.folder.write("template.yaml", Self.template().replacingOccurrences(
                of: "      Handler: app.handler\n      Role: !GetAtt Role.Arn\n      Code: {S3Bucket: \(Self.bucket), S3Key: code/FnC.zip}",
                with: "      Handler: app.handler\n      MemorySize: 512\n      Role: !GetAtt Role.Arn\n      Code: {S3Bucket: \(Self.bucket), S3Key: code/FnC.zip}"))
            let run = try await fixture.ferry(["update", "--env", "dev"])
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.stderr.contains("Root/FnC: Properties.MemorySize changed"), "\(run.output)")
            #expect(run.stderr.contains("ferry deploy"))
        }
    }
}
