import AWSServices
import Foundation
import Pipeline
import Testing

extension Integration {
    /// Layers and function settings hot-swapped by the real binary on the emulator, and the whole
    /// function verified: a SAM app whose layer `Deps` is used by `Hello` (next to a second layer,
    /// whose place must be kept) and, through a nested stack parameter, by `Child/Worker`.
    @Suite struct LayerHotswap {
        static let bucket = "ferry-layers-123456789012"
        static let stackName = "layers-app"

        static func template(mode: String, description: String = "says hello") -> String {
            """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Greeting: {Type: String, Default: hello}
            Resources:
              Deps:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: layers/deps
                  CompatibleRuntimes: [python3.12]
              Tools:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: layers/tools
                  CompatibleRuntimes: [python3.12]
              Hello:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/hello
                  Handler: app.handler
                  Runtime: python3.12
                  Description: \(description)
                  Layers: [!Ref Tools, !Ref Deps]
                  Environment:
                    Variables:
                      GREETING: !Ref Greeting
                      MODE: \(mode)
              Child:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: child/template.yaml
                  Parameters:
                    DepsLayer: !Ref Deps

            """
        }

        static let files: [String: String] = [
            "ferry.toml": """
                template = "template.yaml"

                [artifacts]
                bucket = "\(bucket)"

                [env.dev]
                stack_name = "\(stackName)"
                capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]

                [env.dev.invoke]
                Hello = "events/hello.json"

                [env.prod]
                stack_name = "\(stackName)"
                capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]
                hotswap = false
                """,
            "template.yaml": template(mode: "one"),
            "src/hello/app.py": "def handler(event, context):\n    return 'hello'\n",
            "layers/deps/python/helpers.py": "VERSION = 1\n",
            "layers/tools/python/tools.py": "TOOLS = 1\n",
            "child/template.yaml": """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  DepsLayer: {Type: String}
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/worker
                      Handler: app.handler
                      Runtime: python3.12
                      Layers: [!Ref DepsLayer]

                """,
            "events/hello.json": #"{"name": "ferry"}"#,
            "child/src/worker/app.py": "def handler(event, context):\n    return 'work'\n",
        ]

        /// The live configuration of the function whose name contains `part`.
        static func function(_ part: String, lambda: Lambda) async throws -> FunctionConfiguration {
            let all = try await lambda.listFunctions()
            let name = try #require(all.compactMap(\.functionName).first { $0.contains(part) }, "no function named *\(part)*")
            return try await lambda.getFunctionConfiguration(name)
        }

        static func layerArns(_ configuration: FunctionConfiguration) -> [String] {
            (configuration.layers ?? []).compactMap(\.arn)
        }

        @Test func layerAndEnvironmentEditsAreHotswappedVerifiedAndReconciled() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-layers")
            for (path, text) in Self.files { try folder.write(path, text) }
            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
            }
            let session = try AWSSession.make(AWSSessionOptions(processEnvironment: env.variables))
            let lambda = Lambda(client: session.client)

            let up = try await ferry(["up", "--yes"])
            #expect(up.exitCode == 0, "\(up.output)")
            let firstHello = try await Self.function("Hello", lambda: lambda)
            let firstWorker = try await Self.function("Worker", lambda: lambda)
            let oldDeps = try #require(Self.layerArns(firstHello).last)
            #expect(Self.layerArns(firstWorker) == [oldDeps], "\(Self.layerArns(firstWorker))")
            let verified = try await ferry(["verify", "--verbose"])
            #expect(verified.exitCode == 0, "\(verified.output)")

            // A layer edit: published and pointed at from both functions, without a change set.
            try folder.write("layers/deps/python/helpers.py", "VERSION = 2\n")
            try await env.clearJournal()
            let swapped = try await ferry(["up", "--yes"])
            #expect(swapped.exitCode == 0, "\(swapped.output)")
            #expect(swapped.output.contains("Root/Deps (layer version, then Layers of"), "\(swapped.output)")
            let requests = try await env.journal().map(\.operation)
            #expect(!requests.contains { ["CreateChangeSet", "ExecuteChangeSet", "UpdateStack"].contains($0) }, "\(requests)")
            #expect(requests.contains("PublishLayerVersion"), "\(requests)")
            let hello = try await Self.function("Hello", lambda: lambda)
            let worker = try await Self.function("Worker", lambda: lambda)
            let newDeps = try #require(Self.layerArns(hello).last)
            #expect(newDeps != oldDeps)
            #expect(Self.layerArns(hello) == [Self.layerArns(firstHello)[0], newDeps], "the other layer keeps its place")
            #expect(Self.layerArns(worker) == [newDeps], "the nested stack's function uses the new version too")
            let published = try await lambda.getLayerVersion("Deps", versionNumber: try #require(Int64(newDeps.split(separator: ":").last ?? "")))
            #expect(published.content?.codeSha256 != nil)
            let record = try await session.s3.getObject(bucket: Self.bucket, key: ".ferry/hotswaps/\(Self.stackName)/latest.json")
            let entries = try JSONSerialization.jsonObject(with: record.body) as? [String: Any]
            let layerEntry = (entries?["entries"] as? [[String: Any]])?.first { $0["logicalID"] as? String == "Deps" }
            #expect(layerEntry?["layerVersionArn"] as? String == newDeps, "the record names the published version: \(String(describing: entries))")
            let afterLayer = try await ferry(["verify"])
            #expect(afterLayer.exitCode == 0, "\(afterLayer.output)")
            // --invoke: every function once, with its event from ferry.toml ({} without one).
            let invoked = try await ferry(["verify", "--invoke"])
            #expect(invoked.exitCode == 0, "\(invoked.output)")
            #expect(invoked.output.contains("Root/Hello: invoked with events/hello.json, no error"), "\(invoked.output)")
            #expect(invoked.output.contains("Root/Child/Worker: invoked with {}, no error"), "\(invoked.output)")
            let unknown = try await ferry(["verify", "--invoke", "Nope"])
            #expect(unknown.exitCode == 64, "\(unknown.output)")
            let idle = try await ferry(["plan", "--exit-code"])
            #expect(idle.exitCode == 0, "the swapped layer is what runs: \(idle.output)")

            // An environment and description edit: UpdateFunctionConfiguration, no change set.
            try folder.write("template.yaml", Self.template(mode: "two", description: "says hello twice"))
            let prod = try await ferry(["plan", "--env", "prod"])
            #expect(prod.output.contains("does not allow hot-swap"), "prod deploys it through CloudFormation: \(prod.output)")
            try await env.clearJournal()
            let configured = try await ferry(["up", "--yes"])
            #expect(configured.exitCode == 0, "\(configured.output)")
            #expect(configured.output.contains("Lambda configuration: Environment.Variables (MODE); Description"), "\(configured.output)")
            let configurationRequests = try await env.journal().map(\.operation)
            #expect(!configurationRequests.contains { ["CreateChangeSet", "ExecuteChangeSet", "UpdateStack"].contains($0) })
            #expect(configurationRequests.contains("UpdateFunctionConfiguration"))
            let reconfigured = try await Self.function("Hello", lambda: lambda)
            #expect(reconfigured.environment?.variables?["MODE"] == "two")
            #expect(reconfigured.environment?.variables?["GREETING"] == "hello")
            #expect(reconfigured.description == "says hello twice")

            // Changed behind Ferry's back: verify names the variable, with both values.
            var rogue = FunctionConfigurationUpdate()
            rogue.environment = FunctionEnvironment(variables: ["GREETING": "hello", "MODE": "rogue",
                                                                "FERRY_EMULATOR_INVOKE_ERROR": "rogue handler"])
            let rogueName = try #require(reconfigured.functionName)
            _ = try await lambda.updateFunctionConfiguration(rogueName, rogue)
            _ = try await lambda.waitUntilUpdated(functionName: rogueName, pollInterval: .milliseconds(200))
            let drifted = try await ferry(["verify"])
            #expect(drifted.exitCode == 1, "\(drifted.output)")
            #expect(drifted.output.contains("Environment.Variables.MODE: expected 'two', actual 'rogue'"), "\(drifted.output)")
            let failing = try await ferry(["verify", "--invoke", "Hello"])
            #expect(failing.exitCode == 1, "\(failing.output)")
            #expect(failing.output.contains("Root/Hello: invocation FAILED: Handled"), "\(failing.output)")
            #expect(failing.output.contains("rogue handler"), "\(failing.output)")
            #expect(!failing.output.contains("Root/Child/Worker: invoked"), "only the named function is invoked: \(failing.output)")

            // The next deploy reconciles the template with what runs and clears the record.
            let recordKey = ".ferry/hotswaps/\(Self.stackName)/latest.json"
            #expect(try await session.s3.headObject(bucket: Self.bucket, key: recordKey) != nil, "the hot-swaps were recorded")
            let deployed = try await ferry(["deploy", "--yes"])
            #expect(deployed.exitCode == 0, "\(deployed.output)")
            #expect(try await session.s3.headObject(bucket: Self.bucket, key: recordKey) == nil, "the deploy cleared the record")
            let final = try await ferry(["verify"])
            #expect(final.exitCode == 0, "\(final.output)")
        }
    }
}
