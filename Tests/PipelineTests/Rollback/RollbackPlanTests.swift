import AWSServices
import Deployment
import Foundation
import Hotswap
@testable import Pipeline
import Testing

@Suite struct RollbackPlanTests {
    static func code(_ id: String, key: String) -> RecordedCode {
        RecordedCode(stackPath: "Root", logicalID: id, resourceType: "AWS::Serverless::Function",
                     location: S3Address(bucket: "artifacts", key: key))
    }

    @Test func eachFunctionGetsTheStepThatBringsBackItsRecordedCode() {
        let recorded: [(code: RecordedCode, codeSha256: String)] = [
            (Self.code("Same", key: "app/s.zip"), "S"),
            (Self.code("Changed", key: "app/c1.zip"), "C1"),
            (Self.code("Swapped", key: "app/w1.zip"), "W1"),
            (Self.code("Gone", key: "app/g.zip"), "G"),
        ]
        let live: [String: (functionName: String, codeSha256: String?)] = [
            "Root/Same": ("same-fn", "S"), "Root/Changed": ("changed-fn", "C2"), "Root/Swapped": ("swapped-fn", "W9"),
        ]
        // The current template names c2.zip for Changed (the deploy changes it) and w1.zip for
        // Swapped (the deploy leaves it: it was hot-swapped since).
        let deployed = ["Root/Changed": S3Address(bucket: "artifacts", key: "app/c2.zip"),
                        "Root/Swapped": S3Address(bucket: "artifacts", key: "app/w1.zip"),
                        "Root/Same": S3Address(bucket: "artifacts", key: "app/s.zip")]
        let steps = RollbackPlan.codeSteps(recorded: recorded, live: live, deployedLocations: deployed)
        #expect(steps.map(\.action) == [.unchanged, .cloudFormation, .hotswap, .create])
        #expect(steps[2].functionName == "swapped-fn")
        #expect(steps[2].liveCodeSha256 == "W9")
        #expect(steps[2].recordedCodeSha256 == "W1")

        let operations = RollbackWorkflow.operations(recorded, live: live)
        #expect(operations.map(\.physicalID) == ["changed-fn", "swapped-fn"])
        guard case .lambdaCode(let name, let zip) = operations[1].change else {
            Issue.record("a Lambda code update")
            return
        }
        #expect(name == "swapped-fn")
        #expect(zip.s3 == S3ObjectLocation(bucket: "artifacts", key: "app/w1.zip"))
        #expect(zip.codeSha256 == "W1")
    }

    @Test func maskedNoEchoParametersKeepTheStacksValue() {
        let record = RecordFixtures.record("v1", minute: 0, parameters: [
            DeployRecord.Entry(key: "Stage", value: "dev"), DeployRecord.Entry(key: "Secret", value: DeployParameters.mask),
        ])
        let parameters = RollbackPlan.parameters(from: record)
        #expect(parameters.forCloudFormation == [Parameter(key: "Stage", value: "dev"), Parameter(keepingPreviousValueOf: "Secret")])
        #expect(RollbackPlan.parameterLines(parameters) == ["Stage=dev", "Secret=(previous value)"])
        #expect(parameters.masked.map(\.value) == ["dev", DeployParameters.mask])
    }

    @Test func thePlanSaysWhatEachStepDoes() {
        let target = RecordFixtures.record("aaaa1111-2222", minute: 0)
        let current = RecordFixtures.record("bbbb3333-4444", minute: 5, template: "t2")
        let steps = [RollbackPlan.CodeStep(resource: "Root/Fn", functionName: "fn", liveCodeSha256: "NEWHASH1234",
                                           recordedCodeSha256: "OLDHASH5678", location: S3Address(bucket: "b", key: "k.zip"),
                                           action: .hotswap)]
        let plan = RollbackPlan(stackName: "app-dev", environment: "dev", current: current, target: target,
                                template: S3Address(bucket: "b", key: "app/t1.template"), parameters: ["Stage=dev"], code: steps)
        let lines = plan.rendered()
        #expect(lines.contains { $0.hasPrefix("from: bbbb3333") })
        #expect(lines.contains { $0.hasPrefix("to:   aaaa1111") && $0.contains("commit 01234567") })
        #expect(lines.contains("1. deploy s3://b/app/t1.template through a change set with Stage=dev"))
        #expect(lines.contains("   Root/Fn: NEWHASH1 → OLDHASH5 (hot-swap from s3://b/k.zip)"))
    }

    @Test func theRecordedTemplateIsLookedForUnderItsHash() {
        var record = RecordFixtures.record("v1", minute: 0, template: "abc")
        #expect(RecordedTemplate.candidateKeys(for: record, bucket: "b", prefix: "app/dev/")
            == ["app/dev/abc.template", "app/dev/.ferry/templates/abc.template"])
        record.templateURL = "https://b.s3.eu-central-1.amazonaws.com/other/abc.template"
        #expect(RecordedTemplate.candidateKeys(for: record, bucket: "b", prefix: "")
            == ["abc.template", ".ferry/templates/abc.template", "other/abc.template"])
    }

    @Test func aGoneTemplateSaysSoExactly() {
        let error = RollbackError.templateGone(recordID: "aaaa1111-x", hash: "abcdef0123456789", bucket: "b", keys: ["p/abcdef.template"])
        #expect(error.isTemplateGone)
        #expect(error.description.contains("the template of deploy aaaa1111 (sha256 abcdef012345) is no longer in the artifact bucket"))
        #expect(error.description.contains("s3://b/p/abcdef.template"))
        #expect(error.description.contains("Nothing was changed"))
    }

    @Test func theDeployedTemplateMatchesTheRecordUpToSurroundingWhitespaceOrOnceParsed() {
        let recorded = Data("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n".utf8)
        #expect(CodeInspector.sameTemplate("Resources:\n  Q:\n    Type: AWS::SQS::Queue", recorded))
        #expect(CodeInspector.sameTemplate(#"{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}"#, recorded))
        #expect(!CodeInspector.sameTemplate("Resources:\n  T:\n    Type: AWS::SQS::Queue\n", recorded))
    }
}
