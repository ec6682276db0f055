import AWSServices
import Foundation
import Hotswap
import Templates
import Testing

@Suite struct LayerAndSettingsTests {
    static let deps1 = FakeConfigurations.layerPrefix + "Deps:1"
    static let tools1 = FakeConfigurations.layerPrefix + "Tools:1"

    func context(_ configurations: FakeConfigurations) -> DetectionContext {
        let services = HotswapServices(functions: FakeFunctions(), stateMachines: FakeStateMachines([:]), appSync: NoAppSync(),
                                       configurations: configurations)
        let lister = FakeLister(stacks: [
            "app": [
                DeployedResource(logicalID: "Hello", physicalID: "app-Hello", resourceType: "AWS::Lambda::Function"),
                DeployedResource(logicalID: "Deps1a2b3c4d5e", physicalID: Self.deps1, resourceType: "AWS::Lambda::LayerVersion"),
                DeployedResource(logicalID: "Child", physicalID: "child", resourceType: "AWS::CloudFormation::Stack"),
            ],
            "child": [DeployedResource(logicalID: "Worker", physicalID: "child-Worker", resourceType: "AWS::Lambda::Function")],
        ])
        return DetectionContext(services: services, resolver: PhysicalResolver(rootStackName: "app", lister: lister))
    }

    @Test func layerVersionArnsAreReadAndOneLayerIsReplacedInPlace() throws {
        let parsed = try #require(LayerVersionARN(Self.deps1))
        #expect(parsed.layerName == "Deps" && parsed.version == 1)
        #expect(parsed.layerArn == FakeConfigurations.layerPrefix + "Deps")
        #expect(LayerVersionARN("arn:aws:lambda:eu-central-1:1:function:f") == nil)
        let swap = LayerSwap(layerName: "Deps", layerArn: parsed.layerArn, zip: LocalZip(path: "/z", codeSha256: "x"),
                             settings: LayerPublishSettings(), functions: [])
        #expect(swap.replacing(in: [Self.tools1, Self.deps1], with: "NEW") == [Self.tools1, "NEW"])
    }

    @Test func aStaleLayerIsPublishedAndEveryFunctionUsingItPointsAtTheNewVersion() async throws {
        let configurations = FakeConfigurations(
            functions: ["app-Hello": ["Layers": [["Arn": Self.tools1], ["Arn": Self.deps1]]],
                        "child-Worker": ["Layers": [["Arn": Self.deps1]]]],
            layers: [Self.deps1: "old", Self.tools1: "tools"])
        let context = context(configurations)
        let zip = LocalZip(path: "/nonexistent.zip", codeSha256: "s3:app/2222.zip", s3: S3ObjectLocation(bucket: "b", key: "app/2222.zip"))
        let target = HotswapTarget(
            stackPath: "Root", logicalID: "Deps", resourceType: "AWS::Serverless::LayerVersion",
            artifact: .layer(LocalLayer(zip: zip, consumers: [FunctionReference(stackPath: "Root", logicalID: "Hello"),
                                                              FunctionReference(stackPath: "Root/Child", logicalID: "Worker")])))
        let planner = HotswapPlanner(context: context)
        guard case .hotswap(let operation) = await planner.classify(target) else { Issue.record("expected a hot-swap"); return }
        #expect(operation.oldHash == "old" && operation.newHash == "s3:app/2222.zip")
        #expect(operation.what == "layer version, then Layers of Root/Hello, Root/Child/Worker")
        #expect(configurations.calls.isEmpty, "classification must not write")

        let results = await HotswapApplier(services: context.services, backoff: Backoff(initialDelay: .zero))
            .apply(HotswapPlan(operations: [operation]))
        let deps2 = FakeConfigurations.layerPrefix + "Deps:2"
        #expect(results.first?.outcome == .succeeded(publishedVersion: deps2), "\(results)")
        #expect(configurations.layerArns(of: "app-Hello") == [Self.tools1, deps2], "the other layer keeps its place")
        #expect(configurations.layerArns(of: "child-Worker") == [deps2])
        let entries = HotswapRecord.entries(from: results, by: "me", at: "now")
        #expect(entries.first?.layerVersionArn == deps2 && entries.first?.s3Key == "app/2222.zip")
        #expect(await planner.classify(target) == .noChange(physicalID: Self.deps1, hash: "s3:app/2222.zip"))
    }

    @Test func aLayerNoFunctionUsesIsComparedByItsNewestVersion() async throws {
        let deps2 = FakeConfigurations.layerPrefix + "Deps:2"
        let configurations = FakeConfigurations(functions: [:], layers: [Self.deps1: "old", deps2: "new"])
        let target = HotswapTarget(stackPath: "Root", logicalID: "Deps", resourceType: "AWS::Serverless::LayerVersion",
                                   artifact: .layer(LocalLayer(zip: LocalZip(path: "/z.zip", codeSha256: "new"), consumers: [])))
        let planner = HotswapPlanner(context: context(configurations))
        #expect(await planner.classify(target) == .noChange(physicalID: Self.deps1, hash: "new"),
                "an earlier hot-swap published the local content as the newest version")
        let changed = HotswapTarget(stackPath: "Root", logicalID: "Deps", resourceType: "AWS::Serverless::LayerVersion",
                                    artifact: .layer(LocalLayer(zip: LocalZip(path: "/z.zip", codeSha256: "newer"), consumers: [])))
        guard case .hotswap(let operation) = await planner.classify(changed) else { Issue.record("expected a hot-swap"); return }
        #expect(operation.what == "layer version (no function uses it)" && operation.oldHash == "new")
    }

    func settingsTarget() throws -> HotswapTarget {
        let template = try TemplateLoader.parse("""
            Parameters:
              Greeting: {Type: String, Default: hello}
              Secret: {Type: String, NoEcho: true}
            Resources:
              Hello:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: app.handler
                  Runtime: python3.12
                  Description: d2
                  Environment:
                    Variables:
                      GREETING: !Ref Greeting
                      MODE: two
                      TOKEN: !Sub '${Secret}'
            """)
        let properties = try #require(template.resources[LogicalID("Hello")]).properties
        let settings = FunctionSettings.from(properties, noEcho: LayerTargets.noEchoParameters(of: template))
        #expect(settings.secretVariables == ["TOKEN"])
        return HotswapTarget(stackPath: "Root", logicalID: "Hello", resourceType: "AWS::Lambda::Function",
                             artifact: .functionConfiguration(settings),
                             evaluator: TemplateEvaluator(template: template, parameterValues: ["Secret": "s3cr3t"]))
    }

    @Test func changedVariablesAndDescriptionAreHotswappedAndVerifiedWithSecretsMasked() async throws {
        let live: [String: Any] = [
            "Handler": "app.handler", "Runtime": "python3.12", "Description": "d1", "MemorySize": 128, "Timeout": 3,
            "State": "Active", "LastUpdateStatus": "Successful",
            "Environment": ["Variables": ["GREETING": "hello", "MODE": "one", "TOKEN": "other"]],
        ]
        let configurations = FakeConfigurations(functions: ["app-Hello": live])
        let context = context(configurations)
        let target = try settingsTarget()
        let planner = HotswapPlanner(context: context)

        let report = await Verifier(planner: planner).verify([target])
        guard case .differs(let differences) = report.entries.first?.status else { Issue.record("expected differences: \(report)"); return }
        #expect(differences.map(\.line) == ["Environment.Variables.MODE: expected 'two', actual 'one'",
                                            "Environment.Variables.TOKEN: expected '****', actual '****'"])
        #expect(!report.isVerified)

        guard case .hotswap(let operation) = await planner.classify(target),
              case .functionConfiguration(let swap) = operation.change else { Issue.record("expected a hot-swap"); return }
        #expect(swap.changedVariables == ["MODE", "TOKEN"] && swap.description == "d2")
        #expect(operation.what == "Lambda configuration: Environment.Variables (MODE, TOKEN); Description")
        let results = await HotswapApplier(services: context.services).apply(HotswapPlan(operations: [operation]))
        let succeeded = results.allSatisfy { $0.succeeded }
        #expect(succeeded, "\(results)")
        #expect(configurations.calls == ["UpdateFunctionConfiguration app-Hello Environment=GREETING=hello,MODE=two,TOKEN=s3cr3t Description=d2"])
        guard case .noChange = await planner.classify(target) else { Issue.record("expected no change after the swap"); return }
        #expect(await Verifier(planner: planner).verify([target]).isVerified)
    }

    @Test func aFunctionNotActiveOrWithOtherSettingsFailsVerification() async throws {
        let live: [String: Any] = [
            "Handler": "other.handler", "Runtime": "python3.12", "MemorySize": 256, "Timeout": 3, "Architectures": ["arm64"],
            "State": "Active", "LastUpdateStatus": "Failed", "LastUpdateStatusReason": "boom", "Description": "d2",
            "Environment": ["Variables": ["GREETING": "hello", "MODE": "two", "TOKEN": "s3cr3t"]],
        ]
        let report = await Verifier(planner: HotswapPlanner(context: context(FakeConfigurations(functions: ["app-Hello": live]))))
            .verify([try settingsTarget()])
        guard case .differs(let differences) = report.entries.first?.status else { Issue.record("expected differences: \(report)"); return }
        #expect(differences.map(\.setting) == ["LastUpdateStatus", "Handler", "Architectures", "MemorySize"])
        #expect(differences.first?.actual == "Failed (boom)")
    }

    @Test func aLayerVersionTheTemplateNamesByArnMustBeUsed() async throws {
        let template = try TemplateLoader.parse("""
            Resources:
              Hello:
                Type: AWS::Lambda::Function
                Properties: {Handler: app.handler, Runtime: python3.12, Layers: [\(Self.tools1)]}
            """)
        let settings = FunctionSettings.from(try #require(template.resources[LogicalID("Hello")]).properties, noEcho: [])
        let target = HotswapTarget(stackPath: "Root", logicalID: "Hello", resourceType: "AWS::Lambda::Function",
                                   artifact: .functionConfiguration(settings), evaluator: TemplateEvaluator(template: template))
        let live: [String: Any] = ["Handler": "app.handler", "Runtime": "python3.12", "Layers": [["Arn": Self.deps1]]]
        let report = await Verifier(planner: HotswapPlanner(context: context(FakeConfigurations(functions: ["app-Hello": live]))))
            .verify([target])
        guard case .differs(let differences) = report.entries.first?.status else { Issue.record("expected differences: \(report)"); return }
        #expect(differences.map(\.line) == ["Layers: expected '\(Self.tools1)', actual '\(Self.deps1)'"])
    }

    @Test func consumersAreFoundThroughNestedStackParameters() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layers-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("child"), withIntermediateDirectories: true)
        try """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Deps: {Type: AWS::Serverless::LayerVersion, Properties: {ContentUri: layer}}
          Hello: {Type: AWS::Serverless::Function, Properties: {CodeUri: src, Handler: a.h, Runtime: python3.12, Layers: [!Ref Deps]}}
          Child:
            Type: AWS::CloudFormation::Stack
            Properties: {TemplateURL: child/template.yaml, Parameters: {DepsLayer: !Ref Deps}}
        """.write(to: folder.appendingPathComponent("template.yaml"), atomically: true, encoding: .utf8)
        try """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          DepsLayer: {Type: String}
        Resources:
          Worker: {Type: AWS::Serverless::Function, Properties: {CodeUri: src, Handler: a.h, Runtime: python3.12, Layers: [!Ref DepsLayer, arn:aws:lambda:eu-central-1:1:layer:x:1]}}
        """.write(to: folder.appendingPathComponent("child/template.yaml"), atomically: true, encoding: .utf8)
        let tree = try TemplateTree.load(rootTemplate: folder.appendingPathComponent("template.yaml"))
        let consumers = LayerTargets.consumers(in: tree)
        #expect(consumers["Root/Deps"]?.map(\.qualifiedName) == ["Root/Hello", "Root/Child/Worker"], "\(consumers)")
    }
}
