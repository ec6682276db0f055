import AWSServices
import Foundation
import Testing

extension Integration {
    /// SAM's own traffic shifting (`DeploymentPreference`): CloudFormation updates the alias
    /// through a CodeDeploy deployment, which the real `ferry up` follows on the emulator — its
    /// lifecycle events and traffic while the stack waits, and its root cause when it fails.
    @Suite struct CodeDeployShift {
        static let stackName = "ferry-codedeploy-prod"
        static let alarm = "orders-codedeploy-errors"

        static let template = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/orders/
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Canary10Percent5Minutes
                    Alarms: [\(alarm)]
                    Hooks:
                      PreTraffic: !Ref PreTraffic
              PreTraffic:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/hook/
                  FunctionName: CodeDeployHook_orders_pre_traffic
            """

        struct App {
            let env: EmulatorEnvironment
            let folder: TemporaryFolder

            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
            }

            func up(_ tag: String) async throws -> FerryRun {
                try folder.write("src/orders/app.py", "def handler(event, context):\n    return '\(tag)'\n")
                return try await ferry(["up", "--yes", "--json"])
            }

            func aliasVersion() async throws -> String {
                let resources = try await CloudFormation(client: env.client()).listStackResources(CodeDeployShift.stackName)
                let name = try #require(resources.first { $0.logicalResourceId == "Orders" }?.physicalResourceId)
                return try #require(try await Lambda(client: env.client()).getAlias(name, name: "live").functionVersion)
            }
        }

        /// The app deployed once (the alias is created: no deployment yet), its alarm `OK`.
        static func app() async throws -> App {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-codedeploy")
            try folder.write("ferry.toml", """
                template = "template.yaml"

                [artifacts]
                bucket = "ferry-codedeploy-{account}"
                prefix = "app/{env}"

                [env.prod]
                stack_name = "\(stackName)"
                region = "eu-central-1"
                hotswap = false
                approval = "never"
                """)
            try folder.write("template.yaml", template)
            try folder.write("src/hook/app.py", "def handler(event, context):\n    return 'ok'\n")
            try folder.write("src/orders/app.py", "def handler(event, context):\n    return 'v1'\n")
            let app = App(env: env, folder: folder)
            let cloudWatch = CloudWatch(client: env.client())
            try await cloudWatch.putMetricAlarm(alarm, namespace: "AWS/Lambda", metricName: "Errors", threshold: 1)
            try await cloudWatch.setAlarmState(alarm, state: "OK", reason: "test: healthy")
            for step in [["build"], ["package", "--create-bucket"]] {
                let run = try await app.ferry(step)
                #expect(run.exitCode == 0, "\(step[0]): \(run.output)")
            }
            let first = try await app.up("v1")
            #expect(first.exitCode == 0, "\(first.output)")
            #expect(events(first, "deploy.codeDeploy").isEmpty, "\(first.output)")
            return app
        }

        static func events(_ run: FerryRun, _ kind: String) -> [[String: Any]] {
            run.jsonLines.filter { $0["event"] as? String == kind }.compactMap { $0["data"] as? [String: Any] }
        }

        static func targets(_ event: [String: Any]) -> [[String: Any]] { event["targets"] as? [[String: Any]] ?? [] }

        @Test func aCanaryDeploymentShowsItsStepsAndSucceeds() async throws {
            let app = try await Self.app()
            let before = try await app.aliasVersion()

            let run = try await app.up("v2")

            #expect(run.exitCode == 0, "\(run.output)")
            let progress = Self.events(run, "deploy.codeDeploy")
            #expect(progress.count >= 2, "\(run.output)")
            let deploymentIDs = Set(progress.compactMap { $0["deploymentID"] as? String })
            #expect(deploymentIDs.count == 1 && deploymentIDs.first?.hasPrefix("d-") == true, "\(run.output)")
            // The canary step: 10% of the alias's traffic on the new version while AllowTraffic runs.
            let canary = progress.flatMap(Self.targets).filter { $0["percent"] as? Int == 10 }
            #expect(!canary.isEmpty, "\(run.output)")
            let lifecycle = progress.flatMap(Self.targets).flatMap { $0["lifecycleEvents"] as? [[String: Any]] ?? [] }
                .map { "\($0["name"] as? String ?? "") \($0["status"] as? String ?? "")" }
            #expect(lifecycle.contains("BeforeAllowTraffic Succeeded"), "\(run.output)")
            #expect(lifecycle.contains("AllowTraffic InProgress"), "\(run.output)")
            let last = try #require(progress.last)
            #expect(last["status"] as? String == "Succeeded", "\(run.output)")
            #expect(Self.targets(last).first?["percent"] as? Int == 100, "\(run.output)")
            #expect(Self.events(run, "deploy.codeDeployRootCause").isEmpty, "\(run.output)")
            let after = try await app.aliasVersion()
            #expect(after != before)
        }

        @Test func anAlarmInAlarmFailsTheDeploymentWithItsRootCause() async throws {
            let app = try await Self.app()
            let before = try await app.aliasVersion()
            try await CloudWatch(client: app.env.client()).setAlarmState(Self.alarm, state: "ALARM", reason: "test: errors")

            let run = try await app.up("v2")

            #expect(run.exitCode == 1, "\(run.output)")
            let last = try #require(Self.events(run, "deploy.codeDeploy").last, "\(run.output)")
            #expect(last["status"] as? String == "Failed", "\(run.output)")
            let cause = try #require(Self.events(run, "deploy.codeDeployRootCause").first, "\(run.output)")
            #expect(cause["code"] as? String == "ALARM_ACTIVE", "\(run.output)")
            #expect((cause["reason"] as? String)?.contains(Self.alarm) == true, "\(run.output)")
            #expect((cause["failedLifecycleEvents"] as? [String])?.first?.hasPrefix("AllowTraffic failed") == true, "\(run.output)")
            // CloudFormation's own root cause names the deployment too.
            let stackCause = try #require(Self.events(run, "deploy.rootCause").first, "\(run.output)")
            #expect("\(stackCause)".contains(cause["deploymentID"] as? String ?? "?"), "\(run.output)")
            #expect(try await app.aliasVersion() == before)
        }

        @Test func plainLinesShowTheDeploymentAndItsRootCause() async throws {
            let app = try await Self.app()
            try await CloudWatch(client: app.env.client()).setAlarmState(Self.alarm, state: "ALARM", reason: "test: errors")
            try app.folder.write("src/orders/app.py", "def handler(event, context):\n    return 'v2'\n")

            let run = try await app.ferry(["up", "--yes"])

            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.output.contains("CodeDeploy d-"), "\(run.output)")
            #expect(run.output.contains("(CodeDeployDefault.LambdaCanary10Percent5Minutes)"), "\(run.output)")
            #expect(run.output.contains("root cause: CodeDeploy deployment d-"), "\(run.output)")
            #expect(run.output.contains("failed — ALARM_ACTIVE"), "\(run.output)")
            #expect(run.output.contains("Activated alarms: \(Self.alarm)"), "\(run.output)")
        }
    }
}
