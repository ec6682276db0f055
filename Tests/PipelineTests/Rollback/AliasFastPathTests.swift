import Deployment
import Foundation
@testable import Pipeline
import Templates
import Testing

@Suite struct AliasFastPathTests {
    static func step(_ id: String, live: String, recorded: String, action: RollbackPlan.CodeStep.Action = .cloudFormation) -> RollbackPlan.CodeStep {
        RollbackPlan.CodeStep(resource: "Root/\(id)", functionName: "app-\(id)", liveCodeSha256: live, recordedCodeSha256: recorded,
                              location: S3Address(bucket: "artifacts", key: "app/\(recorded).zip"), action: action)
    }

    static func template(codeKey: String, memory: Int = 128, stream: String = "v1") throws -> Template {
        try TemplateLoader.parse("""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              MemorySize: \(memory)
              CodeUri: s3://artifacts/app/\(codeKey).zip
              AutoPublishAlias: live
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: worker.handler
              CodeUri: s3://artifacts/app/worker-\(stream).zip
              AutoPublishAlias: live
        """, file: "template.yaml")
    }

    static let versions: [String: AliasFastPath.LiveAlias] = [
        "Root/Api": .init(aliasVersion: "2", versions: [.init(version: "1", codeSha256: "A1"), .init(version: "2", codeSha256: "A2")]),
        "Root/Worker": .init(aliasVersion: "3", versions: [.init(version: "1", codeSha256: "W1"), .init(version: "3", codeSha256: "W2")]),
    ]
    static let aliases = ["Root/Api": "live", "Root/Worker": "live"]

    @Test func codeOnlyDifferencesWithPublishedVersionsMoveTheAliases() throws {
        let steps = [Self.step("Api", live: "A2", recorded: "A1"), Self.step("Worker", live: "W2", recorded: "W1", action: .hotswap)]
        let recorded = ["Root": try Self.template(codeKey: "A1", stream: "v1")]
        let deployed = ["Root": try Self.template(codeKey: "A2", stream: "v2")]
        let differences = AliasFastPath.templateDifferences(recorded: recorded, deployed: deployed, ignoring: ["Root/Api", "Root/Worker"])
        #expect(differences.isEmpty)
        let decision = AliasFastPath.decide(steps: steps, aliases: Self.aliases, live: Self.versions, templateDifferences: differences)
        #expect(decision.path == .alias)
        #expect(decision.reason == nil)
        #expect(decision.moves == [
            RollbackPlan.AliasMove(resource: "Root/Api", functionName: "app-Api", alias: "live", fromVersion: "2", toVersion: "1", codeSha256: "A1"),
            RollbackPlan.AliasMove(resource: "Root/Worker", functionName: "app-Worker", alias: "live", fromVersion: "3", toVersion: "1",
                                   codeSha256: "W1"),
        ])
    }

    @Test func anAliasServingOtherCodeDiffersEvenWhenLatestRunsTheRecordedCode() {
        // After a fast-path rollback $LATEST keeps the newer code: rolling forward to it again moves the alias.
        let steps = [Self.step("Api", live: "A2", recorded: "A2", action: .unchanged)]
        let live = ["Root/Api": AliasFastPath.LiveAlias(aliasVersion: "1", versions: [.init(version: "1", codeSha256: "A1"),
                                                                                      .init(version: "2", codeSha256: "A2")])]
        #expect(AliasFastPath.differing(steps: steps, aliases: Self.aliases, live: live).map(\.resource) == ["Root/Api"])
        let decision = AliasFastPath.decide(steps: steps, aliases: Self.aliases, live: live, templateDifferences: [])
        #expect(decision.path == .alias)
        #expect(decision.moves.map(\.toVersion) == ["2"])
        #expect(AliasFastPath.differing(steps: steps, aliases: [:], live: live).isEmpty)
    }

    @Test func anotherChangedPropertyTakesTheChangeSetPath() throws {
        let steps = [Self.step("Api", live: "A2", recorded: "A1"), Self.step("Worker", live: "W1", recorded: "W1", action: .unchanged)]
        let recorded = ["Root": try Self.template(codeKey: "A1", memory: 128)]
        let deployed = ["Root": try Self.template(codeKey: "A2", memory: 256)]
        let differences = AliasFastPath.templateDifferences(recorded: recorded, deployed: deployed, ignoring: ["Root/Api"])
        #expect(differences == ["the template of stack Root changed"])
        let decision = AliasFastPath.decide(steps: steps, aliases: Self.aliases, live: Self.versions, templateDifferences: differences)
        #expect(decision.path == .changeSet)
        #expect(decision.moves.isEmpty)
        #expect(decision.reason?.contains("the template differs beyond function code") == true)
    }

    @Test func aCodeChangeOfAFunctionNotIgnoredIsATemplateDifference() throws {
        // Worker's code location changed but Worker runs the recorded code: only Api is set aside.
        let recorded = ["Root": try Self.template(codeKey: "A1", stream: "v1")]
        let deployed = ["Root": try Self.template(codeKey: "A2", stream: "v2")]
        #expect(AliasFastPath.templateDifferences(recorded: recorded, deployed: deployed, ignoring: ["Root/Api"]).count == 1)
    }

    @Test func aMissingVersionTakesTheChangeSetPathWithTheReason() {
        let steps = [Self.step("Api", live: "A2", recorded: "A0")]
        let decision = AliasFastPath.decide(steps: steps, aliases: Self.aliases, live: Self.versions, templateDifferences: [])
        #expect(decision.path == .changeSet)
        #expect(decision.reason == "no published version of Root/Api has the recorded code A0")
    }

    @Test func aFunctionWithoutAliasOrMissingTakesTheChangeSetPath() {
        let plain = AliasFastPath.decide(steps: [Self.step("Plain", live: "P2", recorded: "P1")], aliases: Self.aliases,
                                         live: Self.versions, templateDifferences: [])
        #expect(plain.path == .changeSet)
        #expect(plain.reason == "Root/Plain has no AutoPublishAlias")
        var gone = Self.step("Api", live: "A2", recorded: "A1", action: .create)
        gone.functionName = nil
        let missing = AliasFastPath.decide(steps: [gone], aliases: Self.aliases, live: Self.versions, templateDifferences: [])
        #expect(missing.reason == "Root/Api does not exist now")
        let noAlias = AliasFastPath.decide(steps: [Self.step("Api", live: "A2", recorded: "A1")], aliases: Self.aliases,
                                           live: ["Root/Api": .init(aliasVersion: nil, versions: [.init(version: "1", codeSha256: "A1")])],
                                           templateDifferences: [])
        #expect(noAlias.reason == "Root/Api has no alias live now")
    }

    @Test func theFastPathIsPrintedWithItsMovesAndTheLatestNote() throws {
        let record = DeployRecord(stackName: "app-dev", environment: "dev", who: "me", startedAt: Date(timeIntervalSince1970: 0),
                                  durationSeconds: 1, gitCommit: nil, gitDirty: nil, templateHash: "abc", templateURL: nil,
                                  parameters: [], artifactHashes: [], changeSummary: "1 to modify", changes: [], outcome: .deployed,
                                  finalStatus: nil, rootCause: nil)
        var plan = RollbackPlan(stackName: "app-dev", environment: "dev", current: nil, target: record,
                                template: S3Address(bucket: "artifacts", key: "app/abc.template"), parameters: [], code: [])
        plan.path = .alias
        plan.aliasMoves = [RollbackPlan.AliasMove(resource: "Root/Api", functionName: "app-Api", alias: "live", fromVersion: "2",
                                                  toVersion: "1", codeSha256: "A1")]
        let lines = plan.rendered().joined(separator: "\n")
        #expect(lines.contains("fast path: moving alias live → version 1"))
        #expect(lines.contains("$LATEST keeps the newer code"))
        #expect(!lines.contains("change set with"))
        plan.path = .changeSet
        plan.aliasMoves = []
        plan.pathReason = "no published version of Root/Api has the recorded code A0"
        #expect(plan.rendered().joined(separator: "\n").contains("no fast path: no published version"))
    }
}
