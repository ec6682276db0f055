import AWSSigV4
import Foundation

/// Fetches credentials and signs each attempt at the (skew-corrected) current time.
struct SigningMiddleware: AWSMiddleware {
    let credentialProvider: any CredentialProvider
    let signer: any RequestSigner
    let clock: ClockSkewCorrector

    func handle(_ context: AWSRequestContext, next: AWSHandler) async throws -> HTTPResponse {
        let credentials = try await credentialProvider.credentials()
        var context = context
        let pathEncoding: SigningPathEncoding = context.service.wireProtocol == .restXML ? .s3 : .standard
        do {
            context.request = try signer.sign(context.request, credentials: credentials,
                                              region: context.endpoint.signingRegion,
                                              signingName: context.endpoint.signingName,
                                              pathEncoding: pathEncoding, date: clock.now())
        } catch let error as AWSError {
            throw error
        } catch {
            throw AWSError.invalidRequest(service: context.service, operation: context.operation,
                                          detail: "could not sign the request: \(error)")
        }
        return try await next(context)
    }
}
