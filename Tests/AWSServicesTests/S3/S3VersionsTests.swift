import AWSCore
import Foundation
import Testing
@testable import AWSServices

/// Object versions, multipart uploads in progress and lifecycle rules: what Ferry sends and reads.
@Suite struct S3VersionsTests {
    @Test func lifecycleRulesAbortUploadsAfterADayAndExpireNoncurrentVersions() {
        let xml = S3.lifecycleXML([
            S3LifecycleRule(id: "uploads", abortIncompleteMultipartUploadDays: 1),
            S3LifecycleRule(id: "versions", prefix: "app/", noncurrentVersionExpirationDays: 30),
        ])
        #expect(xml.contains("<Rule><ID>uploads</ID><Filter><Prefix></Prefix></Filter><Status>Enabled</Status>"
            + "<AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>"))
        #expect(xml.contains("<Rule><ID>versions</ID><Filter><Prefix>app/</Prefix></Filter><Status>Enabled</Status>"
            + "<NoncurrentVersionExpiration><NoncurrentDays>30</NoncurrentDays></NoncurrentVersionExpiration></Rule>"))
    }

    @Test func versionsAndDeleteMarkersAreRead() async throws {
        let body = """
            <ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><IsTruncated>false</IsTruncated>
            <Version><Key>k1</Key><VersionId>v2</VersionId><IsLatest>true</IsLatest><Size>10</Size><LastModified>2026-01-01T00:00:00.000Z</LastModified></Version>
            <DeleteMarker><Key>k2</Key><VersionId>m1</VersionId><IsLatest>true</IsLatest><LastModified>2026-01-02T00:00:00.000Z</LastModified></DeleteMarker>
            <Version><Key>k2</Key><VersionId>v1</VersionId><IsLatest>false</IsLatest><Size>7</Size><LastModified>2026-01-01T00:00:00.000Z</LastModified></Version>
            </ListVersionsResult>
            """
        let transport = FakeTransport([Fixture.response(status: 200, body: body)])
        let versions = try await S3(client: Fixture.client(transport)).listObjectVersions(bucket: "b", prefix: "app/")
        #expect(versions.count == 3)
        #expect(versions.filter(\.isDeleteMarker).map(\.key) == ["k2"])
        #expect(versions.first { $0.versionId == "v1" }?.size == 7)
        #expect(transport.requests.first?.url.query?.contains("versions") == true)
    }

    @Test func uploadsInProgressAreRead() async throws {
        let body = """
            <ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>b</Bucket><IsTruncated>false</IsTruncated>
            <Upload><Key>app/x.zip</Key><UploadId>u1</UploadId><Initiated>2026-01-01T00:00:00.000Z</Initiated></Upload>
            </ListMultipartUploadsResult>
            """
        let transport = FakeTransport([Fixture.response(status: 200, body: body)])
        let uploads = try await S3(client: Fixture.client(transport)).listMultipartUploads(bucket: "b", prefix: "app/")
        #expect(uploads == [S3MultipartUpload(key: "app/x.zip", uploadId: "u1", initiated: Date(timeIntervalSince1970: 1_767_225_600))])
    }
}
