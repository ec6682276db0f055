import AWSCore
import Foundation
import Testing
@testable import AWSServices

@Suite struct ErrorClassificationTests {
    func failure(_ code: String, _ message: String, status: Int = 400) async throws -> any Error {
        let body = "<ErrorResponse><Error><Code>\(code)</Code><Message>\(message)</Message></Error></ErrorResponse>"
        let transport = FakeTransport([Fixture.response(status: status, body: body)])
        do {
            try await CloudFormation(client: Fixture.client(transport)).cancelUpdateStack("app")
        } catch {
            return error
        }
        throw FixtureError(message: "no error")
    }

    @Test func noUpdatesIsRecognised() async throws {
        let error = try await failure("ValidationError", "No updates are to be performed.")
        #expect(CloudFormation.isNoUpdates(error))
        #expect(!CloudFormation.isStackMissing(error))
    }

    @Test func aMissingStackIsRecognisedOnlyFromValidationErrors() async throws {
        #expect(CloudFormation.isStackMissing(try await failure("ValidationError", "Stack with id app does not exist")))
        #expect(!CloudFormation.isStackMissing(try await failure("AccessDenied", "Role does not exist", status: 403)))
        #expect(!CloudFormation.isStackMissing(FixtureError(message: "does not exist")))
    }

    @Test func s3AndLambdaCodes() async throws {
        let owned = "<Error><Code>BucketAlreadyOwnedByYou</Code><Message>owned</Message></Error>"
        let transport = FakeTransport([Fixture.response(status: 409, body: owned)])
        do {
            try await S3(client: Fixture.client(transport)).createBucket("b", region: "eu-west-1")
            Issue.record("no error")
        } catch {
            #expect(S3.isBucketAlreadyOwnedByYou(error))
            #expect(!S3.isNotFound(error))
        }
        let conflict = #"{"__type":"ResourceConflictException","message":"An update is in progress"}"#
        let lambdaTransport = FakeTransport([Fixture.response(status: 409, body: conflict)])
        do {
            _ = try await Lambda(client: Fixture.client(lambdaTransport)).updateFunctionCode("fn", code: .zipFile(Data()))
            Issue.record("no error")
        } catch {
            #expect(Lambda.isUpdateInProgress(error))
            #expect(!Lambda.isResourceNotFound(error))
        }
    }

    @Test func changeSetCodesAreClassifiedHere() async throws {
        let exists = try await failure("AlreadyExistsException", "ChangeSet ferry-1 already exists")
        #expect(CloudFormation.isAlreadyExists(exists))
        #expect(!CloudFormation.isInvalidChangeSetStatus(exists))
        let status = try await failure("InvalidChangeSetStatus", "ChangeSet is in EXECUTE_IN_PROGRESS")
        #expect(CloudFormation.isInvalidChangeSetStatus(status))
        #expect(!CloudFormation.isAlreadyExists(status))
        #expect(!CloudFormation.isAlreadyExists(FixtureError(message: "AlreadyExistsException")))
    }

    @Test func s3BucketAndUploadCodesAreClassifiedHere() async throws {
        func s3Failure(_ code: String, status: Int) async throws -> any Error {
            let body = "<Error><Code>\(code)</Code><Message>m</Message></Error>"
            do {
                try await S3(client: Fixture.client(FakeTransport([Fixture.response(status: status, body: body)])))
                    .createBucket("b", region: "eu-west-1")
            } catch {
                return error
            }
            throw FixtureError(message: "no error")
        }
        let taken = try await s3Failure("BucketAlreadyExists", status: 409)
        #expect(S3.isBucketAlreadyExists(taken))
        #expect(!S3.isBucketAlreadyOwnedByYou(taken))
        #expect(!S3.isNoSuchUpload(taken))
        #expect(S3.isNoSuchUpload(try await s3Failure("NoSuchUpload", status: 404)))
        #expect(S3.isNoSuchUpload(try await s3Failure("", status: 404)))
        #expect(!S3.isNoSuchUpload(try await s3Failure("AccessDenied", status: 403)))
    }
}
