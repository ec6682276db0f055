import Foundation
import Hotswap
import Templates
import Testing

@Suite struct DetectorTests {
    func world() throws -> World {
        try World(
            functions: Dictionary(uniqueKeysWithValues: [World.function("app-A", content: "a1"), World.function("app-B", content: "b1")]),
            definitions: [World.machineArn: #"{"StartAt":"Go","States":{"Go":{"Type":"Task","Resource":"arn:aws:lambda:eu-central-1:123456789012:function:app-A","End":true}}}"#],
            resources: [
                DeployedResource(logicalID: "A", physicalID: "app-A", resourceType: "AWS::Lambda::Function"),
                DeployedResource(logicalID: "B", physicalID: "app-B", resourceType: "AWS::Lambda::Function"),
                DeployedResource(logicalID: "Flow", physicalID: World.machineArn, resourceType: "AWS::StepFunctions::StateMachine"),
            ])
    }

    @Test func lambdaWithTheLiveHashIsUnchanged() async throws {
        let world = try world()
        let result = await HotswapPlanner(context: world.context).classify(try world.zipTarget("A", content: "a1"))
        #expect(result == .noChange(physicalID: "app-A", hash: World.hash("a1")))
    }

    @Test func lambdaWithAnotherHashIsHotswappedFromOldToNew() async throws {
        let world = try world()
        let target = try world.zipTarget("A", content: "a2")
        guard case .hotswap(let operation) = await HotswapPlanner(context: world.context).classify(target) else {
            Issue.record("expected a hot-swap")
            return
        }
        #expect(operation.physicalID == "app-A")
        #expect(operation.oldHash == World.hash("a1"))
        #expect(operation.newHash == World.hash("a2"))
        #expect(world.functions.calls("Update").isEmpty, "classification must not write")
    }

    @Test func aFunctionThatIsNotDeployedIsRejectedAsNew() async throws {
        let world = try world()
        let result = await HotswapPlanner(context: world.context).classify(try world.zipTarget("C", content: "c1"))
        guard case .rejected(let reason) = result else { Issue.record("expected a rejection, got \(result)"); return }
        #expect(reason.contains("not deployed"))
    }

    @Test func anUnsupportedTypeIsRejectedWithItsType() async throws {
        let world = try world()
        let target = HotswapTarget(stackPath: "Root", logicalID: "Table", resourceType: "AWS::DynamoDB::Table",
                                   artifact: .appSyncSchema(definition: "", api: nil))
        let result = await HotswapPlanner(context: world.context).classify(target)
        #expect(result == .rejected(reason: "AWS::DynamoDB::Table cannot be hot-swapped"))
    }

    @Test func templateChangesOutsideCodeAreRejectedWithTheProperty() async throws {
        let planner = HotswapPlanner(context: try world().context)
        let old = try TemplateLoader.parse("""
            Resources:
              A: {Type: AWS::Lambda::Function, Properties: {MemorySize: 128, Code: {S3Bucket: b, S3Key: k1}}}
              B: {Type: AWS::Lambda::Function, Properties: {Code: {S3Bucket: b, S3Key: k1}}}
              Gone: {Type: AWS::SQS::Queue}
            """)
        let new = try TemplateLoader.parse("""
            Resources:
              A: {Type: AWS::Lambda::Function, Properties: {MemorySize: 256, Code: {S3Bucket: b, S3Key: k2}}}
              B: {Type: AWS::Lambda::Function, Properties: {Code: {S3Bucket: b, S3Key: k2}}}
              Fresh: {Type: AWS::SQS::Queue}
            """)
        let differences = TemplateDiff.resources(from: old, to: new)
        let reasons = Dictionary(uniqueKeysWithValues: differences.map { ($0.logicalID.rawValue, planner.rejection(for: $0)) })
        #expect(reasons["A"]??.contains("Properties.MemorySize changed") == true)
        #expect(reasons["B"]! == nil, "a code-only change is the detector's to decide")
        #expect(reasons["Fresh"]??.contains("new resource") == true)
        #expect(reasons["Gone"]??.contains("removed") == true)
    }

    @Test func aRejectedTemplateChangeKeepsItsTargetFromBeingClassified() async throws {
        let world = try world()
        let old = try TemplateLoader.parse("Resources: {A: {Type: AWS::Lambda::Function, Properties: {Timeout: 3}}}")
        let new = try TemplateLoader.parse("Resources: {A: {Type: AWS::Lambda::Function, Properties: {Timeout: 30}}}")
        let change = try #require(TemplateDiff.resources(from: old, to: new).first)
        let plan = await HotswapPlanner(context: world.context).plan(
            targets: [try world.zipTarget("A", content: "a2"), try world.zipTarget("B", content: "b2")],
            templateChanges: ["Root": [change]])
        #expect(plan.rejections.map(\.logicalID) == ["A"])
        #expect(plan.operations.map(\.target.logicalID) == ["B"])
        #expect(!plan.isEmpty)
    }

    @Test func aLocalPathAgainstItsPackagedLocationIsNotAChange() throws {
        let planner = HotswapPlanner(context: try world().context)
        let old = try TemplateLoader.parse("Resources: {N: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: 'https://s3.amazonaws.com/b/k.template'}}}")
        let new = try TemplateLoader.parse("Resources: {N: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: nested/template.yaml}}}")
        let change = try #require(TemplateDiff.resources(from: old, to: new).first)
        #expect(planner.rejection(for: change) == nil)
    }

    @Test func stateMachineDefinitionWithResolvedSubstitutionsAndOtherWhitespaceIsUnchanged() async throws {
        let world = try world()
        let definition: TemplateValue = .string("""
            { "States": { "Go": { "Type": "Task", "Resource": "${FnArn}", "End": true } },
              "StartAt": "Go" }
            """)
        let substitutions = TemplateMap([("FnArn", ["Fn::GetAtt": ["A", "Arn"]])])
        let target = HotswapTarget(stackPath: "Root", logicalID: "Flow", resourceType: "AWS::StepFunctions::StateMachine",
                                   artifact: .stateMachineDefinition(definition: definition, substitutions: substitutions))
        let result = await HotswapPlanner(context: world.context).classify(target)
        guard case .noChange = result else { Issue.record("expected no change, got \(result)"); return }
    }

    @Test func stateMachineDefinitionChangeIsHotswappedWithRefResolved() async throws {
        let world = try world()
        let definition: TemplateValue = ["Fn::Sub": .string(#"{"StartAt":"Go","States":{"Go":{"Type":"Task","Resource":"${B.Arn}","Comment":"${AWS::Region} ${A}","End":true}}}"#)]
        let target = HotswapTarget(stackPath: "Root", logicalID: "Flow", resourceType: "AWS::StepFunctions::StateMachine",
                                   artifact: .stateMachineDefinition(definition: definition, substitutions: nil))
        guard case .hotswap(let operation) = await HotswapPlanner(context: world.context).classify(target),
              case .stateMachineDefinition(let arn, let text) = operation.change else {
            Issue.record("expected a definition hot-swap")
            return
        }
        #expect(arn == World.machineArn)
        #expect(text.contains(World.arnPrefix + "app-B"))
        #expect(text.contains("eu-central-1 app-A"))
    }

    @Test func stateMachineDefinitionReferringToAParameterIsRejected() async throws {
        let world = try world()
        let target = HotswapTarget(stackPath: "Root", logicalID: "Flow", resourceType: "AWS::StepFunctions::StateMachine",
                                   artifact: .stateMachineDefinition(definition: .string(#"{"Comment":"${Stage}"}"#),
                                                                     substitutions: TemplateMap([("Stage", ["Ref": "StageName"])])))
        let result = await HotswapPlanner(context: world.context).classify(target)
        guard case .cannotEvaluate(let failure) = result else { Issue.record("expected cannot-evaluate, got \(result)"); return }
        #expect(failure == Unevaluable(.resourceValue(logicalID: "StageName", attribute: nil)))
    }

    @Test func definitionFileWithIfSubstitutionsAndANonStringPlaceholderIsEvaluatedThenParsed() async throws {
        let world = try world()
        let template = try TemplateLoader.parse("""
            Parameters: {Enabled: {Type: String, Default: "true"}}
            Conditions: {IsEnabled: !Equals [!Ref Enabled, "true"]}
            """)
        let text = #"{"StartAt":"Go","States":{"Go":{"Type":"Task","Resource":"${FnArn}","Retry":[{"ErrorEquals":["X"],"MaxAttempts": ${Retries}}],"Comment":"{% ${On} = true %}","End":true}}}"#
        let substitutions = TemplateMap([("FnArn", ["Fn::GetAtt": ["A", "Arn"]]),
                                         ("On", ["Fn::If": ["IsEnabled", "true", "false"]]), ("Retries", 3)])
        let target = HotswapTarget(stackPath: "Root", logicalID: "Flow", resourceType: "AWS::StepFunctions::StateMachine",
                                   artifact: .stateMachineDefinition(definition: .string(text), substitutions: substitutions),
                                   evaluator: TemplateEvaluator(template: template))
        guard case .hotswap(let operation) = await HotswapPlanner(context: world.context).classify(target),
              case .stateMachineDefinition(_, let definition) = operation.change else {
            Issue.record("expected a definition hot-swap")
            return
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(definition.utf8)) as? [String: Any])
        let state = try #require((object["States"] as? [String: Any])?["Go"] as? [String: Any])
        #expect((state["Retry"] as? [[String: Any]])?.first?["MaxAttempts"] as? Int == 3)
        #expect(state["Comment"] as? String == "{% true = true %}")
        #expect((state["Resource"] as? String)?.hasSuffix("app-A") == true)
    }

    @Test func nestedStacksResolveByNameOrArn() async throws {
        let childArn = "arn:aws:cloudformation:eu-central-1:123456789012:stack/app-Child-1/abc"
        let world = try World(
            functions: Dictionary(uniqueKeysWithValues: [World.function("inner-fn", content: "x"), World.function("deep-fn", content: "y")]),
            resources: [DeployedResource(logicalID: "Child", physicalID: childArn, resourceType: "AWS::CloudFormation::Stack")],
            nested: [
                childArn: [
                    DeployedResource(logicalID: "Fn", physicalID: "inner-fn", resourceType: "AWS::Lambda::Function"),
                    DeployedResource(logicalID: "Deeper", physicalID: "app-Child-Deeper-2", resourceType: "AWS::CloudFormation::Stack"),
                ],
                "app-Child-Deeper-2": [DeployedResource(logicalID: "Fn", physicalID: "deep-fn", resourceType: "AWS::Lambda::Function")],
            ])
        #expect(try await world.context.resolver.physicalID(stackPath: "Root/Child", logicalID: "Fn") == "inner-fn")
        #expect(try await world.context.resolver.physicalID(stackPath: "Root/Child/Deeper", logicalID: "Fn") == "deep-fn")
        await #expect(throws: HotswapError.self) {
            try await world.context.resolver.physicalID(stackPath: "Root/Missing", logicalID: "Fn")
        }
    }
}
