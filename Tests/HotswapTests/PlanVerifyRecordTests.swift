import Foundation
import Hotswap
import Templates
import Testing

@Suite struct PlanVerifyRecordTests {
    @Test func planRendersOperationsRejectionsAndNothingToDo() throws {
        let target = HotswapTarget(stackPath: "Root", logicalID: "Fn", resourceType: "AWS::Lambda::Function",
                                   artifact: .zip(LocalZip(path: "/tmp/x.zip", codeSha256: "NEWHASH1234567890")))
        let plan = HotswapPlan(
            operations: [HotswapOperation(target: target, physicalID: "app-Fn", change: .lambdaCode(functionName: "app-Fn", zip: LocalZip(path: "/tmp/x.zip", codeSha256: "NEWHASH1234567890")),
                                          oldHash: "OLDHASH1234567890", newHash: "NEWHASH1234567890")],
            rejections: [HotswapRejection(stackPath: "Root", logicalID: "Table", resourceType: "AWS::DynamoDB::Table", reason: "new resource: CloudFormation must create it")])
        #expect(plan.rendered() == [
            "~ Root/Fn (Lambda code): OLDHASH12345 → NEWHASH12345",
            "! Root/Table (AWS::DynamoDB::Table): new resource: CloudFormation must create it",
        ])
        #expect(HotswapPlan().rendered() == ["nothing to hot-swap: every resource runs the local build"])
        #expect(HotswapPlan().isEmpty)
    }

    @Test func verifierNamesStaleAndMissingFunctions() async throws {
        let world = try World(
            functions: Dictionary(uniqueKeysWithValues: [World.function("app-A", content: "A1"), World.function("app-B", content: "other tool")]),
            resources: ["A", "B"].map { DeployedResource(logicalID: $0, physicalID: "app-\($0)", resourceType: "AWS::Lambda::Function") })
        let targets = [try world.zipTarget("A", content: "A1"), try world.zipTarget("B", content: "B1"), try world.zipTarget("C", content: "C1")]
        let report = await Verifier(planner: HotswapPlanner(context: world.context)).verify(targets)
        #expect(report.entries.map(\.isFresh) == [true, false, false])
        #expect(report.stale.map(\.target.logicalID) == ["B"])
        #expect(report.stale.first?.status == .stale(live: World.hash("other tool"), local: World.hash("B1")))
        #expect(report.missing.map(\.target.logicalID) == ["C"])
        #expect(!report.allFresh)
        #expect(world.functions.calls("Update").isEmpty)
        let summary = VerificationSummaryEvent(report: report)
        #expect(summary.message.contains("1 stale: Root/B"))
    }

    @Test func recordKeysAndMergingKeepWhatTheTemplateHas() throws {
        #expect(HotswapRecord.latestKey(prefix: "app/dev/", stackName: "app-dev") == "app/dev/.ferry/hotswaps/app-dev/latest.json")
        #expect(HotswapRecord.historyKey(prefix: "", stackName: "s", timestamp: "2026-11-27T13:00:00Z")
            == ".ferry/hotswaps/s/2026-11-27T13-00-00Z.json")
        let first = HotswapRecord.Entry(stackPath: "Root", logicalID: "Fn", resourceType: "AWS::Lambda::Function", physicalID: "p",
                                        previousHash: "template", hash: "h1", s3Key: nil, by: "me", at: "t1")
        var second = first
        second.previousHash = "h1"
        second.hash = "h2"
        let record = HotswapRecord(stackName: "s", updatedAt: "t1", entries: [first]).merging([second], updatedAt: "t2")
        #expect(record.entries.count == 1)
        #expect(record.entries[0].previousHash == "template")
        #expect(record.entries[0].hash == "h2")
        let decoded = try JSONDecoder().decode(HotswapRecord.self, from: record.encoded())
        #expect(decoded == record)
    }

    @Test func targetsAreCollectedFromTemplatesAndManifest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("collect-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}
        """.write(to: folder.appendingPathComponent("flow.json"), atomically: true, encoding: .utf8)
        try """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: src, Handler: app.handler, Runtime: python3.12, AutoPublishAlias: live}
          Flow:
            Type: AWS::StepFunctions::StateMachine
            Properties: {DefinitionS3Location: flow.json, RoleArn: arn:aws:iam::1:role/r}
          Resolver:
            Type: AWS::AppSync::Resolver
            Properties: {ApiId: api123, TypeName: Query, FieldName: hello, Code: "export function request() {}"}
        """.write(to: folder.appendingPathComponent("template.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("src"), withIntermediateDirectories: true)
        let tree = try TemplateTree.load(rootTemplate: folder.appendingPathComponent("template.yaml"))
        let build = LocalBuildState(artifacts: [.init(logicalID: "Fn", stackPath: "Root", resourceType: "AWS::Serverless::Function",
                                                      codeSha256: "abc=", zipPath: "/z.zip")])
        let targets = try HotswapTargetCollector.targets(tree: tree, build: build, artifactBucket: nil)
        #expect(targets.map(\.qualifiedName) == ["Root/Fn", "Root/Flow", "Root/Resolver", "Root/Fn"],
                "the function's settings are a target of their own, after the others")
        guard case .functionConfiguration(let settings) = targets[3].artifact else { Issue.record("no settings"); return }
        #expect(settings.handler == "app.handler")
        #expect(targets[0].publishAlias == "live")
        guard case .stateMachineDefinition(let definition, _) = targets[1].artifact else { Issue.record("no definition"); return }
        #expect(definition.stringValue?.contains("\"StartAt\"") == true, "the file's text, substituted before it is parsed")
        guard case .appSyncResolver(let code, _, let type, let field) = targets[2].artifact else { Issue.record("no resolver"); return }
        #expect(code.code == "export function request() {}")
        #expect(type == "Query" && field == "hello")
    }
}
