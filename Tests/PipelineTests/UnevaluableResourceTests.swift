import Foundation
import Hotswap
@testable import Pipeline
import Templates
import Testing

/// A resource whose content only CloudFormation can evaluate is decided alone.
@Suite struct UnevaluableResourceTests {
    static let failure = Unevaluable(.dynamicReference("{{resolve:ssm:/app/flag}}"))

    static func rejection(_ id: String, unevaluable: Unevaluable? = failure) -> HotswapRejection {
        HotswapRejection(stackPath: "Root/Pattern", logicalID: LogicalID(id), resourceType: "AWS::StepFunctions::StateMachine",
                         reason: "cannot be evaluated locally", unevaluable: unevaluable)
    }

    @Test func anUnchangedTemplateMeansWhatCloudFormationDeployedStands() {
        let rejections = [Self.rejection("Same"), Self.rejection("Edited"), Self.rejection("Other", unevaluable: nil)]
        let result = PlanPhase.unevaluableUnchanged(rejections, changed: ["Root/Pattern/Edited", "Root/Pattern/Other"])
        #expect(result.rejections.map(\.logicalID.rawValue) == ["Same"])
        #expect(result.notes.count == 1)
        #expect(result.notes.first?.contains("Root/Pattern/Same cannot be compared locally") == true)
        #expect(result.notes.first?.contains("{{resolve:ssm:/app/flag}}") == true)
    }
}
