import AWSCore
import Foundation
import Testing
@testable import AWSServices

/// S3 calls replayed against answers recorded from the local moto server.
@Suite struct S3ReplayTests {
    @Test func headBucketTellsExistsFromNotFound() async throws {
        let (client, transport) = try Fixture.replaying("s3-head-bucket-missing", "s3-head-bucket")
        let s3 = S3(client: client)
        #expect(try await s3.headBucket("ferry-probe") == .notFound)
        #expect(try await s3.headBucket("ferry-probe") == .exists(region: "us-east-1"))
        #expect(transport.requests[0].method == "HEAD")
        #expect(transport.requests[0].url.absoluteString == "http://localhost:5077/ferry-probe")
    }

    @Test func putObjectSendsConditionsAndReportsAnExistingObject() async throws {
        let (client, transport) = try Fixture.replaying("s3-put-object", "s3-put-object-exists")
        let s3 = S3(client: client)
        let options = PutObjectOptions(contentType: "text/plain", serverSideEncryption: .aes256, metadata: ["Sha256": "abc"],
                                       onlyIfAbsent: true, sendContentMD5: true)
        let first = try await s3.putObject(bucket: "ferry-probe", key: "dir/a b+c.txt", body: .data(Data("hello".utf8)), options: options)
        #expect(first == .written(eTag: "5d41402abc4b2a76b9719d911017c592", versionId: "5d0429ad-ab35-49b2-90a2-af96f2b6c3d8"))
        let second = try await s3.putObject(bucket: "ferry-probe", key: "dir/a b+c.txt", body: .data(Data("hello".utf8)), options: options)
        #expect(second == .alreadyExists)
        let request = transport.requests[0]
        #expect(request.method == "PUT")
        #expect(request.url.absoluteString == "http://localhost:5077/ferry-probe/dir/a%20b%2Bc.txt")
        #expect(request.header("If-None-Match") == "*")
        #expect(request.header("Content-MD5") == "XUFAKrxLKna5cZ2REBfFkg==")
        #expect(request.header("x-amz-server-side-encryption") == "AES256")
        #expect(request.header("x-amz-meta-sha256") == "abc")
        #expect(request.header("Content-Type") == "text/plain")
    }

    @Test func headObjectReadsMetadataAndAMissingKeyIsNil() async throws {
        let (client, _) = try Fixture.replaying("s3-head-object", "s3-head-object-missing")
        let s3 = S3(client: client)
        let metadata = try #require(try await s3.headObject(bucket: "ferry-probe", key: "dir/a b+c.txt"))
        #expect(metadata.eTag == "5d41402abc4b2a76b9719d911017c592")
        #expect(metadata.contentLength == 5)
        #expect(metadata.serverSideEncryption == "AES256")
        #expect(metadata.metadata == ["sha256": "abc"])
        #expect(try await s3.headObject(bucket: "ferry-probe", key: "nope") == nil)
    }

    @Test func aForbiddenObjectIsAnErrorNotNil() async throws {
        let (client, _) = try Fixture.replaying("s3-head-object-forbidden")
        await #expect(throws: AWSError.self) {
            _ = try await S3(client: client).headObject(bucket: "ferry-probe-eu", key: "x")
        }
    }

    @Test func multipartUploadSendsRangesAndCompletesConditionally() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-multipart-\(UUID().uuidString).bin")
        let size = 11 * 1024 * 1024
        try Data(count: size).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (client, transport) = try Fixture.replaying(
            "s3-create-multipart-upload", "s3-upload-part", "s3-upload-part", "s3-complete-multipart-upload")
        let result = try await S3(client: client).upload(
            file: file, bucket: "ferry-probe", key: "big.bin", options: PutObjectOptions(onlyIfAbsent: true),
            policy: MultipartPolicy(concurrentParts: 1))
        #expect(result == .written(eTag: "ea38e50aa7ccfd74910f0f96ffdeac0d-2", versionId: "547f1c21-4277-4cd8-a402-27354ee0b1bf"))
        let requests = transport.requests
        #expect(requests.map(\.method) == ["POST", "PUT", "PUT", "POST"])
        #expect(requests[0].url.query == "uploads=")
        guard case .file(_, let offset1, let length1) = requests[1].body, case .file(_, let offset2, let length2) = requests[2].body else {
            Issue.record("parts are not file ranges")
            return
        }
        let mib: UInt64 = 1024 * 1024
        let offsets: [UInt64] = [offset1, offset2]
        let lengths: [UInt64] = [length1, length2]
        #expect(offsets == [0, 8 * mib])
        #expect(lengths == [8 * mib, 3 * mib])
        #expect(requests[1].url.query?.contains("partNumber=1") == true)
        #expect(requests[3].header("If-None-Match") == "*")
        let completion = String(decoding: try requests[3].body.bytes(), as: UTF8.self)
        #expect(completion.contains("<Part><PartNumber>1</PartNumber>"))
        #expect(completion.contains("<Part><PartNumber>2</PartNumber>"))
    }

    @Test func aConditionalCompletionOnAnExistingKeyAbortsAndReportsIt() async throws {
        let (client, transport) = try Fixture.replaying("s3-complete-multipart-upload-exists", "s3-abort-multipart-upload")
        let result = try await S3(client: client).completeMultipartUpload(
            bucket: "ferry-probe", key: "big.bin", uploadId: "u1", parts: [CompletedPart(partNumber: 1, eTag: "\"e\"")], onlyIfAbsent: true)
        #expect(result == .alreadyExists)
        #expect(transport.requests.last?.method == "DELETE")
        #expect(transport.requests.last?.url.query == "uploadId=u1")
    }

    @Test func listAndDeleteObjects() async throws {
        let (client, transport) = try Fixture.replaying("s3-list-objects-v2", "s3-list-objects-v2-prefix", "s3-delete-objects")
        let s3 = S3(client: client)
        let objects = try await s3.listObjectsV2(bucket: "ferry-probe")
        #expect(objects.map(\.key) == ["big.bin", "dir/a b+c.txt", "small.txt"])
        #expect(objects[0].size == 11_534_336)
        #expect(transport.requests[0].url.query == "list-type=2")
        #expect(try await s3.listObjectsV2(bucket: "ferry-probe", prefix: "dir/").map(\.key) == ["dir/a b+c.txt"])
        #expect(transport.requests[1].url.query == "list-type=2&prefix=dir%2F")
        let deleted = try await s3.deleteObjects(bucket: "ferry-probe", keys: ["small.txt", "missing.txt"])
        #expect(deleted == DeleteObjectsResult(deleted: ["small.txt", "missing.txt"], errors: []))
        let body = try transport.requests[2].body.bytes()
        #expect(transport.requests[2].header("Content-MD5") == S3.contentMD5(body))
        #expect(transport.requests[2].url.query == "delete=")
    }

    @Test func bucketLocationOutsideUSEast1() async throws {
        let (client, _) = try Fixture.replaying("s3-get-bucket-location-eu")
        #expect(try await S3(client: client).getBucketLocation("ferry-probe-eu") == "eu-west-1")
    }
}
