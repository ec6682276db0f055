import AWSCore
import Foundation
import Testing
@testable import AWSServices

/// Lambda calls replayed against answers recorded from the local moto server.
@Suite struct LambdaReplayTests {
    let arn = "arn:aws:lambda:us-east-1:123456789012:function:probe-fn"

    @Test func getFunctionByARNEncodesTheName() async throws {
        let (client, transport) = try Fixture.replaying("lambda-get-function")
        let function = try await Lambda(client: client).getFunction(arn)
        #expect(function.configuration?.codeSha256 == "vQkN608vRye01gdIJRwx8SXcT71sA8k68D7AgDua8Sw=")
        #expect(function.configuration?.lastUpdateStatus == "Successful")
        #expect(function.code?.location?.hasPrefix("https://") == true)
        #expect(transport.requests[0].url.absoluteString ==
            "http://localhost:5077/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aprobe-fn")
    }

    @Test func updateFunctionCodeSendsBase64Zip() async throws {
        let (client, transport) = try Fixture.replaying("lambda-update-function-code")
        let configuration = try await Lambda(client: client).updateFunctionCode(arn, code: .zipFile(Data([80, 75, 3, 4])), publish: false)
        #expect(configuration.codeSha256 == "4qp75EykcAfZdfU22MjYRSu7bhxabPWuCWR03SLMNEY=")
        let request = transport.requests[0]
        #expect(request.method == "PUT")
        #expect(request.url.path.hasSuffix("/code"))
        let body = try FakeTransport.json(request)
        #expect(body["ZipFile"] as? String == "UEsDBA==")
        #expect(body["Publish"] as? Bool == false)
        #expect(body["S3Bucket"] == nil)
    }

    @Test func waitUntilUpdatedReturnsOnceNoLongerInProgress() async throws {
        let inProgress = """
            {"FunctionName":"probe-fn","LastUpdateStatus":"InProgress"}
            """
        let (client, transport) = try Fixture.replayingLiteral([inProgress, inProgress], then: "lambda-get-function-configuration")
        let configuration = try await Lambda(client: client).waitUntilUpdated(functionName: "probe-fn", pollInterval: .zero)
        #expect(configuration.lastUpdateStatus == "Successful")
        #expect(transport.requests.count == 3)
    }

    @Test func waitUntilUpdatedThrowsTheFailureReason() async throws {
        let transport = FakeTransport([try Fixture.response("lambda-function-configuration-failed.json")])
        do {
            _ = try await Lambda(client: Fixture.client(transport)).waitUntilUpdated(functionName: "my-function", pollInterval: .zero)
            Issue.record("no error")
        } catch let error as AWSServicesError {
            #expect(error.isFunctionUpdateFailed)
            #expect(error.description.contains("The unzipped size must be smaller than 262144000 bytes"))
            #expect(error.description.contains("my-function"))
        }
    }

    @Test func aMissingFunctionIsClassified() async throws {
        let (client, _) = try Fixture.replaying("lambda-get-function-missing")
        do {
            _ = try await Lambda(client: client).getFunction("nope")
            Issue.record("no error")
        } catch {
            #expect(Lambda.isResourceNotFound(error))
        }
    }

    @Test func versionsAliasesAndLayers() async throws {
        let (client, transport) = try Fixture.replaying(
            "lambda-publish-version", "lambda-get-alias", "lambda-publish-layer-version", "lambda-list-layer-versions")
        let lambda = Lambda(client: client)
        #expect(try await lambda.publishVersion("probe-fn", codeSha256: "vQkN608vRye01gdIJRwx8SXcT71sA8k68D7AgDua8Sw=").version == "1")
        #expect(try FakeTransport.json(transport.requests[0])["CodeSha256"] as? String == "vQkN608vRye01gdIJRwx8SXcT71sA8k68D7AgDua8Sw=")
        #expect(try await lambda.getAlias(arn, name: "live").functionVersion == "1")
        let layer = try await lambda.publishLayerVersion("deps", content: .s3(bucket: "ferry-probe", key: "fn.zip"), compatibleRuntimes: ["python3.12"])
        #expect(layer.content?.codeSha256 == "vQkN608vRye01gdIJRwx8SXcT71sA8k68D7AgDua8Sw=")
        let content = try FakeTransport.json(transport.requests[2])["Content"] as? [String: String]
        #expect(content == ["S3Bucket": "ferry-probe", "S3Key": "fn.zip"])
        #expect(try await lambda.listLayerVersions("deps").map(\.layerVersionArn) == ["arn:aws:lambda:us-east-1:123456789012:layer:deps:1"])
    }
}
