import Testing
@testable import AWSServices

@Suite struct QueryParametersTests {
    @Test func flattensScalarsAndLeavesOutNil() {
        var parameters = QueryParameters()
        parameters.set("StackName", "app")
        parameters.set("NextToken", nil as String?)
        parameters.set("DisableRollback", true)
        parameters.set("DurationSeconds", 900)
        #expect(parameters.values == ["StackName": "app", "DisableRollback": "true", "DurationSeconds": "900"])
    }

    @Test func flattensStringListsFromOne() {
        var parameters = QueryParameters()
        parameters.set("Capabilities", list: ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
        parameters.set("RetainResources", list: [])
        #expect(parameters.values == [
            "Capabilities.member.1": "CAPABILITY_IAM",
            "Capabilities.member.2": "CAPABILITY_AUTO_EXPAND",
        ])
    }

    @Test func flattensStructureListsAndNestedStructures() {
        var parameters = QueryParameters()
        parameters.set("Parameters", parameters: [
            Parameter(key: "Stage", value: "prod"),
            Parameter(keepingPreviousValueOf: "Size"),
        ])
        parameters.set("Tags", tags: [Tag(key: "team", value: "ferry")])
        parameters.set("Queries", list: [1]) { fields, _ in
            fields.set("MetricStat.Metric.Dimensions", dimensions: [Dimension(name: "FunctionName", value: "fn")])
        }
        #expect(parameters.values == [
            "Parameters.member.1.ParameterKey": "Stage",
            "Parameters.member.1.ParameterValue": "prod",
            "Parameters.member.2.ParameterKey": "Size",
            "Parameters.member.2.UsePreviousValue": "true",
            "Tags.member.1.Key": "team",
            "Tags.member.1.Value": "ferry",
            "Queries.member.1.MetricStat.Metric.Dimensions.member.1.Name": "FunctionName",
            "Queries.member.1.MetricStat.Metric.Dimensions.member.1.Value": "fn",
        ])
    }

    @Test func createChangeSetInputFlattensEveryMember() {
        var input = CreateChangeSetInput(
            stackName: "app", changeSetName: "ferry-1", template: .url("https://b.s3.amazonaws.com/t.yaml"),
            changeSetType: .update, parameters: [Parameter(key: "Stage", value: "dev")],
            capabilities: ["CAPABILITY_IAM"], tags: [Tag(key: "k", value: "v")])
        input.roleARN = "arn:aws:iam::1:role/cfn"
        input.includeNestedStacks = true
        #expect(input.queryParameters == [
            "StackName": "app",
            "ChangeSetName": "ferry-1",
            "TemplateURL": "https://b.s3.amazonaws.com/t.yaml",
            "ChangeSetType": "UPDATE",
            "Parameters.member.1.ParameterKey": "Stage",
            "Parameters.member.1.ParameterValue": "dev",
            "Capabilities.member.1": "CAPABILITY_IAM",
            "RoleARN": "arn:aws:iam::1:role/cfn",
            "Tags.member.1.Key": "k",
            "Tags.member.1.Value": "v",
            "IncludeNestedStacks": "true",
        ])
    }

    @Test func metricDataQueryFlattensMetricStat() {
        var parameters = QueryParameters()
        let query = MetricDataQuery(
            id: "errors", namespace: "AWS/Lambda", metricName: "Errors",
            dimensions: [Dimension(name: "FunctionName", value: "fn")], period: 60, stat: "Sum")
        parameters.set("MetricDataQueries", list: [query]) { fields, query in query.add(to: &fields) }
        #expect(parameters.values["MetricDataQueries.member.1.Id"] == "errors")
        #expect(parameters.values["MetricDataQueries.member.1.MetricStat.Metric.Namespace"] == "AWS/Lambda")
        #expect(parameters.values["MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value"] == "fn")
        #expect(parameters.values["MetricDataQueries.member.1.MetricStat.Stat"] == "Sum")
        #expect(parameters.values["MetricDataQueries.member.1.MetricStat.Period"] == "60")
    }
}
