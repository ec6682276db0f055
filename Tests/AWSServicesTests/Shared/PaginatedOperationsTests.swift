import AWSCore
import Foundation
import Testing
@testable import AWSServices

/// Paginated operations follow their service's continuation token through the client.
@Suite struct PaginatedOperationsTests {
    @Test func listObjectsV2FollowsTheContinuationToken() async throws {
        let transport = FakeTransport([try Fixture.response("s3-list-objects-v2.xml"), try Fixture.recorded("s3-list-objects-v2-prefix")])
        let objects = try await S3(client: Fixture.client(transport)).listObjectsV2(bucket: "bucket", prefix: "artifacts/")
        #expect(objects.map(\.key) == ["artifacts/my-image.jpg", "artifacts/my-third-image.jpg", "dir/a b+c.txt"])
        let query = try #require(transport.requests[1].url.query)
        #expect(query.contains("continuation-token=1ueGcxLPRx1Tr%2FXYExHnhbYLgveDs2J%2Fwm36Hy4vbOwM%3D"))
        #expect(query.contains("prefix=artifacts%2F"))
    }

    @Test func listFunctionsFollowsTheMarker() async throws {
        let transport = FakeTransport([try Fixture.response("lambda-list-functions.json"), try Fixture.recorded("lambda-list-functions")])
        let functions = try await Lambda(client: Fixture.client(transport)).listFunctions()
        #expect(functions.map(\.functionName) == ["helloworld", "probe-fn"])
        #expect(transport.requests[0].url.query == nil)
        #expect(transport.requests[1].url.query == "Marker=page-2")
    }

    @Test func filterLogEventsFollowsNextTokenAndInterleaves() async throws {
        let transport = FakeTransport([try Fixture.response("logs-filter-log-events.json"), try Fixture.recorded("logs-filter-log-events")])
        let events = try await CloudWatchLogs(client: Fixture.client(transport)).filterLogEvents(
            LogEventFilter(logGroupName: "/aws/lambda/fn", filterPattern: "ERROR"))
        #expect(events.count == 4)
        #expect(events.map(\.timestamp) == events.map(\.timestamp).sorted { ($0 ?? 0) < ($1 ?? 0) })
        let second = try FakeTransport.json(transport.requests[1])
        #expect(second["nextToken"] as? String == "token-2")
        #expect(second["filterPattern"] as? String == "ERROR")
    }
}
