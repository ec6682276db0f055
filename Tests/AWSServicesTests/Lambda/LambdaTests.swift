import Foundation
import Testing
@testable import AWSServices

@Suite struct LambdaTests {
    @Test func functionNamesAndARNsAreOnePathSegment() {
        #expect(Lambda.functionPath("my-fn", "/code") == "/2015-03-31/functions/my-fn/code")
        #expect(Lambda.functionPath("arn:aws:lambda:eu-west-1:123456789012:function:my-fn") ==
            "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Amy-fn")
        #expect(Lambda.pathSegment("a/b c") == "a%2Fb%20c")
        #expect(Lambda.layerPath("deps", "/3") == "/2018-10-31/layers/deps/versions/3")
    }

    @Test func getFunctionDecodesConfigurationAndCode() throws {
        let output = try Fixture.json(GetFunctionOutput.self, "lambda-get-function.json", service: .lambda)
        let configuration = try #require(output.configuration)
        #expect(configuration.codeSha256 == "5tT2qgzYUHaqwR716pZ2dpkn/0J1FrzJmlKidWoaCgk=")
        #expect(configuration.lastUpdateStatus == "Successful")
        #expect(configuration.state == "Active")
        #expect(configuration.version == "$LATEST")
        #expect(configuration.memorySize == 256)
        #expect(configuration.tracingConfig?.mode == "PassThrough")
        #expect(configuration.layers?.first?.arn == "arn:aws:lambda:us-west-2:123456789012:layer:deps:3")
        #expect(configuration.environment?.variables == ["MY_TABLE": "orders", "lowerCase": "x"])
        #expect(output.code?.repositoryType == "S3")
        #expect(output.tags == ["DEPARTMENT": "Assets"])
    }

    @Test func failedUpdateCarriesItsReason() throws {
        let configuration = try Fixture.json(FunctionConfiguration.self, "lambda-function-configuration-failed.json", service: .lambda)
        #expect(configuration.lastUpdateStatus == "Failed")
        #expect(configuration.lastUpdateStatusReasonCode == "InvalidCode")
    }

    @Test func listFunctionsPageCarriesTheMarker() throws {
        let page = try Fixture.json(ListFunctionsPage.self, "lambda-list-functions.json", service: .lambda)
        #expect(page.nextMarker == "page-2")
        #expect(page.functions?.map(\.functionName) == ["helloworld"])
    }

    @Test func updateFunctionCodeBodyEncodesZipAsBase64() throws {
        let body = UpdateFunctionCodeBody(code: .zipFile(Data([1, 2, 3])), publish: true, revisionId: nil, architectures: nil)
        #expect(body.zipFile == "AQID")
        #expect(body.publish == true)
        #expect(body.s3Bucket == nil)
        let fromS3 = UpdateFunctionCodeBody(code: .s3(bucket: "b", key: "k"), publish: nil, revisionId: "r1", architectures: nil)
        #expect(fromS3.s3Bucket == "b")
        #expect(fromS3.s3Key == "k")
        #expect(fromS3.zipFile == nil)
        #expect(fromS3.revisionId == "r1")
    }
}
