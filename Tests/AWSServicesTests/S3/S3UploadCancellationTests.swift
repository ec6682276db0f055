import AWSCore
import Foundation
import Synchronization
import Testing
@testable import AWSServices

/// A multipart upload cut short (Ctrl-C cancels the task) is aborted all the same, and its journal
/// hears of the start and the end.
@Suite struct S3UploadCancellationTests {
    /// Answers CreateMultipartUpload, holds every UploadPart until its task is cancelled, answers
    /// AbortMultipartUpload, and records the operations it sent (none from a cancelled task).
    final class HoldingTransport: HTTPTransport {
        let seen = Mutex<[String]>([])

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let query = request.url.query ?? ""
            let operation: String
            switch (request.method, query) {
            case ("POST", let q) where q.contains("uploads"): operation = "CreateMultipartUpload"
            case ("PUT", let q) where q.contains("partNumber"): operation = "UploadPart"
            case ("DELETE", let q) where q.contains("uploadId"): operation = "AbortMultipartUpload"
            default: operation = "\(request.method) \(query)"
            }
            // Like URLSession, a request of a cancelled task fails before it is sent.
            if operation != "UploadPart" { try Task.checkCancellation() }
            seen.withLock { $0.append(operation) }
            switch operation {
            case "CreateMultipartUpload":
                return HTTPResponse(statusCode: 200, body: Data(
                    "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>u-1</UploadId></InitiateMultipartUploadResult>".utf8))
            case "UploadPart":
                try await Task.sleep(for: .seconds(3600))
                return HTTPResponse(statusCode: 200, headers: [(name: "ETag", value: "\"e\"")])
            default:
                return HTTPResponse(statusCode: 204)
            }
        }
    }

    final class Journal: MultipartUploadJournal {
        let events = Mutex<[String]>([])
        func started(bucket: String, key: String, uploadId: String) async { events.withLock { $0.append("started \(uploadId)") } }
        func ended(uploadId: String) async { events.withLock { $0.append("ended \(uploadId)") } }
    }

    @Test func aCancelledUploadIsAbortedAndEnded() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ferry-cancel-\(UUID().uuidString).bin")
        try Data(repeating: 7, count: 11 * 1024 * 1024).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let transport = HoldingTransport()
        let journal = Journal()
        let s3 = S3(client: AWSClient(
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            endpoints: { service in
                ServiceEndpoint(url: URL(string: "http://localhost:5077")!, signingRegion: "us-east-1",
                                signingName: service.signingName, usesPathStyle: true)
            },
            transport: transport, retry: .standard(maxAttempts: 1), signer: NoSigner(), sleep: { _ in }))
        let upload = Task {
            try await s3.upload(file: file, bucket: "b", key: "k",
                                policy: MultipartPolicy(threshold: 5 * 1024 * 1024, partSize: 5 * 1024 * 1024), journal: journal)
        }
        // Wait until the parts are being sent, then cancel as Ctrl-C does.
        while !transport.seen.withLock({ $0.contains("UploadPart") }) { try await Task.sleep(for: .milliseconds(5)) }
        upload.cancel()
        await #expect(throws: (any Error).self) { _ = try await upload.value }
        #expect(transport.seen.withLock { $0.last } == "AbortMultipartUpload")
        #expect(journal.events.withLock { $0 } == ["started u-1", "ended u-1"])
    }
}
