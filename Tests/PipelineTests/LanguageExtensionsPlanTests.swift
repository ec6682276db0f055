import Foundation
import Hotswap
@testable import Pipeline
import Templates
import Testing

/// `ferry plan` on packaged templates that keep `Fn::ForEach` loops: both sides are expanded, so
/// a new code location in the generated mapping is a code change of one function (decided by
/// hash, hot-swappable), not a change of the `Mappings` section.
@Suite struct LanguageExtensionsPlanTests {
    static func packaged(betaKey: String = "b2", memory: Int = 128, names: String = "[Alpha, Beta]") throws -> Template {
        try TemplateLoader.parse("""
            Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
            Mappings:
              SAMCodeUriFunctions:
                Alpha: {CodeUri: s3://b/app/a1.zip}
                Beta: {CodeUri: s3://b/app/\(betaKey).zip}
                Gamma: {CodeUri: s3://b/app/c1.zip}
            Resources:
              Fn::ForEach::Functions:
                - Name
                - \(names)
                - ${Name}Function:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: !FindInMap [SAMCodeUriFunctions, !Ref Name, CodeUri]
                      Handler: app.handler
                      Runtime: python3.12
                      MemorySize: \(memory)
            """, file: "packaged.yaml")
    }

    @Test func aNewCodeLocationOfOneGeneratedFunctionIsForItsDetectorToDecide() throws {
        let reasons = StackComparison.reasons(stackPath: "Root", deployed: try Self.packaged(),
                                              packaged: try Self.packaged(betaKey: "b3"), planner: StackComparisonTests.planner)
        #expect(reasons.isEmpty, "\(reasons.map(\.message))")
        let differences = TemplateDiff.resources(from: try Self.packaged(), to: try Self.packaged(betaKey: "b3"))
        #expect(differences.map(\.logicalID.rawValue) == ["BetaFunction"])
    }

    @Test func aChangedLoopBodyOrCollectionNamesTheGeneratedResources() throws {
        let memory = StackComparison.reasons(stackPath: "Root", deployed: try Self.packaged(),
                                             packaged: try Self.packaged(memory: 256), planner: StackComparisonTests.planner)
        #expect(Set(memory.compactMap(\.logicalID)) == ["AlphaFunction", "BetaFunction"])
        #expect(memory.allSatisfy { $0.message.contains("MemorySize") })
        let added = StackComparison.reasons(stackPath: "Root", deployed: try Self.packaged(),
                                            packaged: try Self.packaged(names: "[Alpha, Beta, Gamma]"),
                                            planner: StackComparisonTests.planner)
        #expect(added.map(\.logicalID) == ["GammaFunction"])
        #expect(added.first?.message.contains("added") == true)
    }
}
