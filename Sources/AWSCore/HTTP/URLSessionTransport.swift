import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests through Foundation's URLSession (FoundationNetworking on Linux).
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 16
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        for header in request.headers {
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }
        let body = try request.body.bytes()
        do {
            let (data, response): (Data, URLResponse)
            if body.isEmpty && request.method != "PUT" && request.method != "POST" {
                (data, response) = try await session.data(for: urlRequest)
            } else {
                (data, response) = try await session.upload(for: urlRequest, from: body)
            }
            guard let http = response as? HTTPURLResponse else {
                throw TransportError(kind: .other, url: request.url, underlying: "not an HTTP response")
            }
            var headers: [(name: String, value: String)] = []
            for (key, value) in http.allHeaderFields {
                headers.append((String(describing: key), String(describing: value)))
            }
            return HTTPResponse(statusCode: http.statusCode, headers: headers, body: data)
        } catch let error as TransportError {
            throw error
        } catch let error as URLError {
            throw TransportError(kind: Self.kind(of: error), url: request.url, underlying: error.localizedDescription)
        } catch {
            throw TransportError(kind: .other, url: request.url, underlying: String(describing: error))
        }
    }

    private static func kind(of error: URLError) -> TransportError.Kind {
        switch error.code {
        case .cannotConnectToHost, .notConnectedToInternet: .cannotConnect
        case .networkConnectionLost: .connectionLost
        case .timedOut: .timedOut
        case .cannotFindHost, .dnsLookupFailed: .cannotFindHost
        default: .other
        }
    }
}
