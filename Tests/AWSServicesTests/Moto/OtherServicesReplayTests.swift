import AWSCore
import Foundation
import Testing
@testable import AWSServices

/// STS, CloudWatch, CloudWatch Logs, Step Functions and AppSync calls replayed against answers
/// recorded from the local moto server.
@Suite struct OtherServicesReplayTests {
    @Test func stsIdentityAndRole() async throws {
        let (client, _) = try Fixture.replaying("sts-get-caller-identity", "sts-assume-role")
        let sts = STS(client: client)
        #expect(try await sts.getCallerIdentity().account == "123456789012")
        let role = try await sts.assumeRole(roleArn: "arn:aws:iam::123456789012:role/r", sessionName: "s")
        #expect(role.credentials.accessKeyId.hasPrefix("ASIA"))
        #expect(!role.credentials.sessionToken.isEmpty)
    }

    @Test func getMetricDataSendsQueriesAndReadsPoints() async throws {
        let (client, transport) = try Fixture.replaying("cloudwatch-get-metric-data")
        let query = MetricDataQuery(id: "runs", namespace: "Ferry", metricName: "Runs",
                                    dimensions: [Dimension(name: "Fn", value: "a")], period: 60, stat: "Sum")
        let results = try await CloudWatch(client: client).getMetricData(
            [query], start: Date(timeIntervalSince1970: 1_796_000_000), end: Date(timeIntervalSince1970: 1_796_000_600))
        #expect(results.map(\.id) == ["runs"])
        #expect(results[0].values.member == [3.0])
        #expect(results[0].timestamps.member.count == 1)
        let form = try FakeTransport.form(transport.requests[0])
        #expect(form["Action"] == "GetMetricData")
        #expect(form["MetricDataQueries.member.1.MetricStat.Metric.MetricName"] == "Runs")
        #expect(form["StartTime"]?.hasPrefix("2026-") == true)
    }

    @Test func logsGroupsAndEvents() async throws {
        let (client, transport) = try Fixture.replaying(
            "logs-describe-log-groups", "logs-filter-log-events", "logs-create-log-group-exists")
        let logs = CloudWatchLogs(client: client)
        #expect(try await logs.describeLogGroups(prefix: "/aws/lambda/").map(\.logGroupName) == ["/aws/lambda/probe-fn"])
        #expect(try FakeTransport.json(transport.requests[0])["logGroupNamePrefix"] as? String == "/aws/lambda/")
        #expect(transport.requests[0].header("X-Amz-Target") == "Logs_20140328.DescribeLogGroups")
        #expect(try await logs.filterLogEvents(LogEventFilter(logGroupName: "/aws/lambda/probe-fn")).map(\.message)
            == ["INFO start", "ERROR boom"])
        #expect(try FakeTransport.json(transport.requests[1])["interleaved"] as? Bool == true)
        do {
            try await logs.createLogGroup("/aws/lambda/probe-fn")
            Issue.record("no error")
        } catch {
            #expect(CloudWatchLogs.isResourceAlreadyExists(error))
        }
    }

    @Test func logEventsAreInterleavedByTime() {
        let events = [
            FilteredLogEvent(logStreamName: "b", timestamp: 20, message: "second"),
            FilteredLogEvent(logStreamName: "a", timestamp: 10, message: "first"),
            FilteredLogEvent(logStreamName: "c", timestamp: 20, message: "third"),
        ]
        #expect(CloudWatchLogs.interleaved(events).map(\.message) == ["first", "second", "third"])
    }

    @Test func stepFunctionsListDescribeUpdate() async throws {
        let (client, transport) = try Fixture.replaying(
            "sfn-list-state-machines", "sfn-describe-state-machine", "sfn-update-state-machine")
        let sfn = StepFunctions(client: client)
        let machines = try await sfn.listStateMachines()
        #expect(machines.map(\.name) == ["probe-sm"])
        let arn = machines[0].stateMachineArn
        #expect(try await sfn.describeStateMachine(arn).definition == #"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#)
        _ = try await sfn.updateStateMachine(arn, definition: "{}")
        let body = try FakeTransport.json(transport.requests[2])
        #expect(body["stateMachineArn"] as? String == arn)
        #expect(body["definition"] as? String == "{}")
        #expect(transport.requests[2].header("X-Amz-Target") == "AWSStepFunctions.UpdateStateMachine")
    }

    @Test func appSyncApisAndSchema() async throws {
        let (client, transport) = try Fixture.replaying(
            "appsync-list-graphql-apis", "appsync-get-graphql-api", "appsync-start-schema-creation",
            "appsync-get-schema-creation-status", "appsync-get-introspection-schema")
        let appSync = AppSync(client: client)
        let apiId = try #require(try await appSync.listGraphqlApis().first?.apiId)
        #expect(try await appSync.getGraphqlApi(apiId).name == "probe")
        #expect(try await appSync.startSchemaCreation(apiId: apiId, definition: "type Query { hello: String }").status == "PROCESSING")
        let definition = try FakeTransport.json(transport.requests[2])["definition"] as? String
        #expect(definition.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } == "type Query { hello: String }")
        #expect(try await appSync.getSchemaCreationStatus(apiId: apiId).status == "SUCCESS")
        let sdl = try await appSync.getIntrospectionSchema(apiId: apiId)
        #expect(sdl.contains("directive @aws_subscribe"))
        #expect(transport.requests[4].url.query == "format=SDL&includeDirectives=true")
    }
}
