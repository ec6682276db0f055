import AWSCore
import Foundation
import Testing
@testable import AWSServices

@Suite struct S3Tests {
    @Test func contentMD5IsBase64OfTheDigest() {
        #expect(S3.contentMD5(Data()) == "1B2M2Y8AsgTpgAmY7PhCfg==")
        #expect(S3.contentMD5(Data("hello".utf8)) == "XUFAKrxLKna5cZ2REBfFkg==")
    }

    @Test func putOptionsBecomeHeaders() {
        let options = PutObjectOptions(
            contentType: "application/zip", serverSideEncryption: .kms(keyId: "alias/ferry"),
            metadata: ["Sha256": "abc", "builder": "python"])
        let headers = options.objectHeaders.map { "\($0.0): \($0.1)" }
        #expect(headers == [
            "Content-Type: application/zip",
            "x-amz-server-side-encryption: aws:kms",
            "x-amz-server-side-encryption-aws-kms-key-id: alias/ferry",
            "x-amz-meta-sha256: abc",
            "x-amz-meta-builder: python",
        ])
        #expect(PutObjectOptions(serverSideEncryption: .aes256).objectHeaders.map(\.1) == ["AES256"])
    }

    @Test func objectMetadataComesFromHeaders() {
        let response = HTTPResponse(statusCode: 200, headers: [
            ("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\""), ("Content-Length", "1234"),
            ("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT"), ("x-amz-meta-sha256", "abc"),
            ("X-Amz-Version-Id", "v1"), ("Content-Type", "application/zip"),
        ])
        let metadata = ObjectMetadata(headers: response)
        #expect(metadata.eTag == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(metadata.contentLength == 1234)
        #expect(metadata.metadata == ["sha256": "abc"])
        #expect(metadata.versionId == "v1")
        #expect(metadata.lastModified == Date(timeIntervalSince1970: 1_445_412_480))
    }

    @Test func aKnownSHA256IsSentAsBase64ChecksumAndReadBack() {
        // SHA-256 of "hello".
        let hex = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        #expect(S3.base64SHA256(hex: hex) == "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=")
        #expect(S3.base64SHA256(hex: "abc") == nil)
        #expect(S3.base64SHA256(hex: String(repeating: "zz", count: 32)) == nil)
        #expect(PutObjectOptions().sha256 == nil)
        let response = HTTPResponse(statusCode: 200, headers: [("x-amz-checksum-sha256", "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=")])
        #expect(ObjectMetadata(headers: response).checksumSHA256 == "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=")
        #expect(ObjectMetadata(headers: HTTPResponse(statusCode: 200)).checksumSHA256 == nil)
    }

    @Test func listObjectsV2PageDecodes() throws {
        let page = try Fixture.xml(ListObjectsV2Page.self, "s3-list-objects-v2.xml")
        #expect(page.contents?.map(\.key) == ["artifacts/my-image.jpg", "artifacts/my-third-image.jpg"])
        #expect(page.contents?.first?.size == 434234)
        #expect(page.contents?.first?.eTag == "\"fba9dede5f27731c9771645a39863328\"")
        #expect(page.isTruncated == true)
        #expect(page.nextContinuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
    }

    @Test func deleteObjectsResultDecodes() throws {
        let page = try Fixture.xml(DeleteObjectsPage.self, "s3-delete-objects.xml")
        #expect(page.deleted?.compactMap(\.key) == ["sample1.txt"])
        #expect(page.error == [DeleteObjectsError(key: "sample2.txt", code: "AccessDenied", message: "Access Denied")])
    }

    @Test func multipartResultsDecode() throws {
        #expect(try Fixture.xml(InitiateMultipartUploadResult.self, "s3-initiate-multipart-upload.xml").uploadId
            == "VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA")
        #expect(try Fixture.xml(CompleteMultipartUploadResult.self, "s3-complete-multipart-upload.xml").eTag
            == "\"3858f62230ac3c915f300c664312c11f-9\"")
    }

    @Test func requestDocumentsEscapeAndOrder() {
        #expect(S3.deleteObjectsXML(keys: ["a&b", "c"]) ==
            "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Object><Key>a&amp;b</Key></Object><Object><Key>c</Key></Object><Quiet>false</Quiet></Delete>")
        let parts = [CompletedPart(partNumber: 2, eTag: "\"b\""), CompletedPart(partNumber: 1, eTag: "\"a\"")]
        #expect(S3.completeMultipartUploadXML(parts: parts) ==
            "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Part><PartNumber>1</PartNumber><ETag>&quot;a&quot;</ETag></Part><Part><PartNumber>2</PartNumber><ETag>&quot;b&quot;</ETag></Part></CompleteMultipartUpload>")
        #expect(S3.createBucketXML(region: "eu-central-1").contains("<LocationConstraint>eu-central-1</LocationConstraint>"))
        #expect(S3.bucketEncryptionXML(.aes256).contains("<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>"))
        #expect(S3.bucketEncryptionXML(.kms(keyId: "k1")).contains("<KMSMasterKeyID>k1</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled>"))
    }

    @Test func bucketLocationMapsEmptyAndEU() {
        let ns = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\""
        #expect(S3.region(fromLocationXML: "<LocationConstraint \(ns)>eu-west-2</LocationConstraint>") == "eu-west-2")
        #expect(S3.region(fromLocationXML: "<LocationConstraint \(ns)/>") == "us-east-1")
        #expect(S3.region(fromLocationXML: "<LocationConstraint \(ns)></LocationConstraint>") == "us-east-1")
        #expect(S3.region(fromLocationXML: "<LocationConstraint>EU</LocationConstraint>") == "eu-west-1")
    }

    @Test func tlsOnlyPolicyIsJSONThatDeniesInsecureTransport() throws {
        let policy = S3.tlsOnlyPolicy(bucket: "ferry-artifacts")
        let object = try JSONSerialization.jsonObject(with: Data(policy.utf8)) as? [String: Any]
        let statement = try #require((object?["Statement"] as? [[String: Any]])?.first)
        #expect(statement["Effect"] as? String == "Deny")
        #expect(statement["Resource"] as? [String] == ["arn:aws:s3:::ferry-artifacts", "arn:aws:s3:::ferry-artifacts/*"])
        let condition = statement["Condition"] as? [String: [String: String]]
        #expect(condition?["Bool"]?["aws:SecureTransport"] == "false")
    }

    @Test func multipartPolicySplitsIntoPartsOfAtLeastFiveMiB() {
        let mib: UInt64 = 1024 * 1024
        let policy = MultipartPolicy(threshold: 8 * mib, partSize: 1 * mib)
        #expect(policy.partSize == 5 * mib)
        let parts = policy.parts(ofSize: 12 * mib)
        #expect(parts.map(\.offset) == [0, 5 * mib, 10 * mib])
        #expect(parts.map(\.length) == [5 * mib, 5 * mib, 2 * mib])
        let huge = MultipartPolicy().parts(ofSize: 100_000 * mib)
        #expect(huge.count <= 10_000)
        #expect(huge.reduce(0) { $0 + $1.length } == 100_000 * mib)
    }
}
