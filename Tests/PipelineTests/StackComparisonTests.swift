import AWSCore
import AWSServices
import Configuration
import Foundation
import Hotswap
@testable import Pipeline
import Templates
import Testing

/// The decision rules of `ferry plan` on recorded packaged and deployed templates.
@Suite struct StackComparisonTests {
    /// A planner whose services are never called (the rules only read templates).
    static let planner: HotswapPlanner = {
        let client = AWSClient(
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "a", secretAccessKey: "b")),
            endpoints: { service in
                ServiceEndpoint(url: URL(string: "http://localhost:9")!, signingRegion: "eu-central-1",
                                signingName: service.signingName, usesPathStyle: true)
            })
        let resolver = PhysicalResolver(rootStackName: "app", lister: CloudFormationResourceLister(cloudFormation: CloudFormation(client: client)))
        return HotswapPlanner(context: DetectionContext(services: .aws(client), resolver: resolver))
    }()

    /// The deployed template of a small app, packaged by Ferry (keys are content hashes).
    static func packaged(codeKey: String = "app/1111.zip", layerKey: String = "app/aaaa.zip", memory: Int = 128,
                         childURL: String = "https://s3.eu-central-1.amazonaws.com/b/app/c1.template",
                         childParameters: String = "{Stage: dev}", definitionComment: String = "v1",
                         extraResource: String = "", output: String = "FnA") throws -> Template {
        try TemplateLoader.parse("""
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              FnA:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://b/\(codeKey)
                  Handler: app.handler
                  Runtime: python3.12
                  MemorySize: \(memory)
                  Layers: [!Ref Shared]
              Plain:
                Type: AWS::Lambda::Function
                Properties:
                  Code: {S3Bucket: b, S3Key: \(codeKey)}
                  Handler: app.handler
                  Runtime: python3.12
                  Role: arn:aws:iam::123456789012:role/r
              Shared:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: s3://b/\(layerKey)
              Flow:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/r
                  DefinitionString: '{"Comment": "\(definitionComment)", "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}'
              Child:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: \(childURL)
                  Parameters: \(childParameters)
            \(extraResource)
            Outputs:
              Name: {Value: !Ref \(output)}
            """, file: "recorded.yaml")
    }

    func reasons(_ deployed: Template, _ packaged: Template) -> [PlanReason] {
        StackComparison.reasons(stackPath: "Root", deployed: deployed, packaged: packaged, planner: Self.planner)
    }

    @Test func identicalTemplatesNeedNothing() throws {
        #expect(reasons(try Self.packaged(), try Self.packaged()).isEmpty)
    }

    @Test func codeLocationsAreDecidedByTheCodeHash() throws {
        let changed = try Self.packaged(codeKey: "app/2222.zip")
        #expect(reasons(try Self.packaged(), changed).isEmpty, "SAM CodeUri and Lambda Code.S3Key changes are code changes")
    }

    @Test func aStateMachineDefinitionChangeIsHotswappable() throws {
        #expect(reasons(try Self.packaged(), try Self.packaged(definitionComment: "v2")).isEmpty)
    }

    @Test func anyOtherPropertyNeedsCloudFormation() throws {
        let found = reasons(try Self.packaged(), try Self.packaged(memory: 512))
        #expect(found.map(\.kind) == [.propertyChanged])
        #expect(found.first?.logicalID == "FnA")
        #expect(found.first?.message.contains("Properties.MemorySize") == true, "\(found)")
    }

    @Test func aLayerContentChangeNeedsCloudFormation() throws {
        let found = reasons(try Self.packaged(), try Self.packaged(layerKey: "app/bbbb.zip"))
        #expect(found.map(\.kind) == [.layerChanged], "\(found)")
        #expect(found.first?.logicalID == "Shared")
        #expect(found.first?.message.contains("layer content changed") == true)
    }

    @Test func theContentOfALayerFerryBuildsIsDecidedByItsDetector() throws {
        let found = StackComparison.reasons(stackPath: "Root", deployed: try Self.packaged(),
                                            packaged: try Self.packaged(layerKey: "app/bbbb.zip"), planner: Self.planner,
                                            hotswapTargets: ["Root/Shared"])
        #expect(found.isEmpty, "a built layer's content is compared by the layer detector: \(found)")
        let other = StackComparison.reasons(stackPath: "Root", deployed: try Self.packaged(),
                                            packaged: try Self.packaged(layerKey: "app/bbbb.zip"), planner: Self.planner,
                                            hotswapTargets: ["Root/Other"])
        #expect(other.map(\.kind) == [.layerChanged], "a layer Ferry does not build still needs CloudFormation")
    }

    @Test func aNestedStackWhoseOnlyChangeIsItsTemplateURLIsDecidedByItsOwnStack() throws {
        let moved = try Self.packaged(childURL: "https://s3.eu-central-1.amazonaws.com/b/app/c2.template")
        #expect(reasons(try Self.packaged(), moved).isEmpty)
        let withParameters = try Self.packaged(childURL: "https://s3.eu-central-1.amazonaws.com/b/app/c2.template",
                                               childParameters: "{Stage: prod}")
        let found = reasons(try Self.packaged(), withParameters)
        #expect(found.map(\.kind) == [.propertyChanged], "\(found)")
        #expect(found.first?.message.contains("Properties.Parameters.Stage") == true, "\(found)")
        #expect(found.first?.message.contains("TemplateURL") == false)
    }

    @Test func addedAndRemovedResourcesAndNestedStacksNeedCloudFormation() throws {
        let nested = """
              Second:
                Type: AWS::CloudFormation::Stack
                Properties: {TemplateURL: 'https://s3.eu-central-1.amazonaws.com/b/app/c3.template'}
            """
        let added = reasons(try Self.packaged(), try Self.packaged(extraResource: nested))
        #expect(added.map(\.kind) == [.nestedStackAdded])
        #expect(added.first?.logicalID == "Second")
        let topic = """
              Topic:
                Type: AWS::SNS::Topic
            """
        let removed = reasons(try Self.packaged(extraResource: topic), try Self.packaged())
        #expect(removed.map(\.kind) == [.resourceRemoved])
        #expect(removed.first?.logicalID == "Topic")
    }

    @Test func aChangedSectionNeedsCloudFormation() throws {
        let found = reasons(try Self.packaged(), try Self.packaged(output: "Plain"))
        #expect(found.map(\.kind) == [.sectionChanged], "\(found)")
        #expect(found.first?.message.contains("Outputs") == true)
    }

    @Test func parametersAreComparedWithTheDeployedValues() {
        let deployed = [Parameter(key: "Stage", value: "dev"), Parameter(key: "Secret", value: "****"),
                        Parameter(key: "Size", value: "1")]
        let same = PlanPhase.parameterComparison(
            configured: [KeyValue(key: "Stage", value: "dev"), KeyValue(key: "Size", value: "1")], overrides: [], deployed: deployed)
        #expect(same.reasons.isEmpty)
        #expect(same.notes.isEmpty)

        let changed = PlanPhase.parameterComparison(
            configured: [KeyValue(key: "Stage", value: "dev")], overrides: [KeyValue(key: "Stage", value: "test")], deployed: deployed)
        #expect(changed.reasons.map(\.kind) == [.parameterChanged])
        #expect(changed.reasons.first?.message.contains("'dev' to 'test'") == true)

        let secret = PlanPhase.parameterComparison(configured: [KeyValue(key: "Secret", value: "s3cr3t")], overrides: [], deployed: deployed)
        #expect(secret.reasons.isEmpty, "a NoEcho value cannot be compared: unchanged")
        #expect(secret.notes.count == 1)
        #expect(secret.notes.first?.contains("NoEcho") == true)

        let overridden = PlanPhase.parameterComparison(
            configured: [], overrides: [KeyValue(key: "Secret", value: "new")], deployed: deployed)
        #expect(overridden.reasons.map(\.kind) == [.parameterChanged])
    }

    @Test func thePlanEventCarriesThePlanAsData() throws {
        let plan = DeploymentPlan(environment: "dev", stackName: "app", decision: .cloudFormation(reasons: [
            PlanReason(.layerChanged, stackPath: "Root", logicalID: "Shared", message: "layer content changed"),
        ]), notes: ["a note"])
        let event = DeploymentPlanEvent(plan: plan)
        #expect(event.kind == "plan.result")
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(event)) as? [String: Any])
        #expect(json["decision"] as? String == "cloudFormation")
        let reasons = try #require(json["reasons"] as? [[String: Any]])
        #expect(reasons.first?["kind"] as? String == "layerChanged")
        #expect(reasons.first?["logicalID"] as? String == "Shared")
        #expect(json["notes"] as? [String] == ["a note"])
        #expect(event.details.contains("! Root/Shared: layer content changed"))
        #expect(!plan.reasons.isEmpty && plan.hasChanges)
    }
}
