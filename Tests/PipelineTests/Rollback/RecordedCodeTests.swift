import Foundation
import Pipeline
import Templates
import Testing

@Suite struct RecordedCodeTests {
    @Test(arguments: [
        ("s3://bucket/app/key.zip", "bucket", "app/key.zip"),
        ("https://bucket.s3.eu-central-1.amazonaws.com/app/t.template", "bucket", "app/t.template"),
        ("https://bucket.s3.amazonaws.com/t.template", "bucket", "t.template"),
        ("https://s3.eu-central-1.amazonaws.com/bucket/app/t.template", "bucket", "app/t.template"),
        ("http://localhost:4566/bucket/app/dev/t.template", "bucket", "app/dev/t.template"),
    ])
    func s3AddressesAreReadInEveryForm(text: String, bucket: String, key: String) throws {
        let address = try #require(S3Address(parsing: text))
        #expect(address.bucket == bucket)
        #expect(address.key == key)
    }

    @Test func notAnObjectIsNil() {
        #expect(S3Address(parsing: "src/app") == nil)
        #expect(S3Address(parsing: "s3://bucket") == nil)
        #expect(S3Address(parsing: "http://localhost:4566/bucket") == nil)
    }

    @Test func aContentAddressedKeyGivesLambdasCodeSha256() {
        let hex = String(repeating: "00", count: 31) + "ff"
        let bytes = [UInt8](repeating: 0, count: 31) + [0xff]
        #expect(RecordedCode.codeSha256(fromKey: "app/\(hex).zip") == Data(bytes).base64EncodedString())
        #expect(RecordedCode.codeSha256(fromKey: "app/code.zip") == nil)
        #expect(RecordedCode.codeSha256(fromKey: "app/\(hex).template") == nil)
    }

    @Test func everyPackagedFunctionsCodeLocationIsFound() throws {
        let template = try TemplateLoader.parse("""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          SamString:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.h, CodeUri: s3://b/app/1.zip, AutoPublishAlias: live}
          SamMap:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.h, CodeUri: {Bucket: b, Key: app/2.zip}}
          Plain:
            Type: AWS::Lambda::Function
            Properties: {Runtime: python3.12, Handler: a.h, Role: r, Code: {S3Bucket: b, S3Key: app/3.zip}}
          Inline:
            Type: AWS::Serverless::Function
            Properties: {Runtime: python3.12, Handler: a.h, InlineCode: "x"}
          Queue:
            Type: AWS::SQS::Queue
        """, file: "t.yaml")
        let codes = RecordedCode.locations(in: template, stackPath: "Root/Child")
        #expect(codes.map(\.qualifiedName) == ["Root/Child/SamString", "Root/Child/SamMap", "Root/Child/Plain"])
        #expect(codes.map(\.location.key) == ["app/1.zip", "app/2.zip", "app/3.zip"])
        #expect(codes.map(\.publishAlias) == ["live", nil, nil])
    }
}
