import AWSServices
import Deployment
import Testing

@Suite struct ChangeSetReportTests {
    private func changeSet(_ json: [String: Any]) throws -> ChangeSet { try Recorded.decode(ChangeSet.self, from: json) }

    private func change(_ action: String, _ id: String, _ type: String, replacement: String? = nil, changeSetId: String? = nil) -> [String: Any] {
        var resource: [String: Any] = ["Action": action, "LogicalResourceId": id, "ResourceType": type]
        if let replacement { resource["Replacement"] = replacement }
        if let changeSetId { resource["ChangeSetId"] = changeSetId }
        return ["Type": "Resource", "ResourceChange": resource]
    }

    @Test func groupsChangesByStackIncludingNestedOnes() throws {
        let root = try changeSet(["ChangeSetId": "root-cs", "StackName": "app", "Changes": [
            change("Add", "Bucket", "AWS::S3::Bucket"),
            change("Modify", "Workers", "AWS::CloudFormation::Stack", changeSetId: "child-cs"),
        ]])
        let child = try changeSet(["ChangeSetId": "child-cs", "StackName": "app-Workers-1", "Changes": [
            change("Modify", "Jobs", "AWS::DynamoDB::Table", replacement: "True"),
            change("Remove", "Old", "AWS::SQS::Queue"),
            change("Modify", "Fn", "AWS::Lambda::Function", replacement: "False"),
        ]])
        let report = ChangeSetReport.build(root: root, stackName: "app", nested: ["child-cs": child])
        #expect(report.stacks.map(\.path) == ["root", "Workers"])
        #expect(report.stacks[0].added.map(\.logicalID) == ["Bucket"])
        #expect(report.stacks[1].modified.map(\.logicalID) == ["Jobs", "Fn"])
        #expect(report.stacks[1].removed.map(\.logicalID) == ["Old"])
        #expect(report.dataLosingChanges.map(\.logicalID) == ["Jobs", "Old"])
        #expect(report.counts == "1 to add, 3 to modify, 1 to remove")
        #expect(report.lines.contains("  ± Jobs (AWS::DynamoDB::Table) replacement=True  ⚠ REPLACED: DATA IS LOST"))
        #expect(report.lines.contains("nested stack Workers:"))
    }

    @Test func replacingOrRemovingStatelessResourcesIsNotCalledOut() {
        let function = PlannedChange(logicalID: "Fn", resourceType: "AWS::Lambda::Function", action: .remove)
        let bucket = PlannedChange(logicalID: "B", resourceType: "AWS::S3::Bucket", action: .modify, replacement: "Conditional")
        let kept = PlannedChange(logicalID: "T", resourceType: "AWS::DynamoDB::Table", action: .modify, replacement: "False")
        #expect(!function.losesData)
        #expect(bucket.losesData)
        #expect(!kept.losesData)
    }

    @Test func emulatorChangesWithoutReplacementInfoStillGroup() throws {
        let scenario = try Recorded.scenario("update-rollback")
        let report = ChangeSetReport(stacks: [StackChanges(path: "root", stackName: "app", changes: scenario.changes.map(PlannedChange.init))])
        #expect(report.stacks[0].added.map(\.logicalID) == ["Table"])
        #expect(report.stacks[0].modified.map(\.logicalID) == ["Queue"])
        #expect(report.resourceCount == 2)
    }
}
