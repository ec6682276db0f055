import Pipeline
import Testing

/// The plan and the up summary name the `--stack` selection; a CloudFormation deploy says it is of the whole root.
@Suite struct StackSelectionEventTests {
    @Test func thePlanSaysACloudFormationDeployIsOfTheWholeRoot() {
        var plan = DeploymentPlan(environment: "dev", stackName: "app-dev", decision: .cloudFormation(reasons: [
            PlanReason(.propertyChanged, stackPath: "Root", logicalID: "FnA", message: "Properties.MemorySize changed"),
        ]))
        plan.selection = ["Root/Child"]
        let event = DeploymentPlanEvent(plan: plan)
        #expect(event.selection == ["Root/Child"])
        #expect(event.message.contains("the whole root stack, not only --stack Root/Child"), "\(event.message)")

        plan.decision = .upToDate
        #expect(DeploymentPlanEvent(plan: plan).message == "up to date: app-dev (--stack Root/Child) runs the local build")
        plan.selection = []
        #expect(DeploymentPlanEvent(plan: plan).message == "up to date: app-dev runs the local build")
    }

    @Test func theUpSummaryNamesTheSelection() {
        var plan = DeploymentPlan(environment: "dev", stackName: "app-dev", decision: .upToDate)
        plan.selection = ["Root/Child", "Root/Other"]
        let summary = UpSummaryEvent(path: .nothing, plan: plan, timings: [], verification: nil)
        #expect(summary.selection == ["Root/Child", "Root/Other"])
        #expect(summary.message.hasPrefix("app-dev --stack Root/Child, Root/Other (dev): up to date"), "\(summary.message)")
    }
}
