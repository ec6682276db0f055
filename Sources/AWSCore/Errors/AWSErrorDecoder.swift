import Foundation

/// Reads an error response in the format of the service's wire protocol.
enum AWSErrorDecoder {
    /// Turns a non-2xx response into an `AWSError`.
    static func decode(_ response: HTTPResponse, method: String, service: AWSService, operation: String) -> AWSError {
        let requestID = response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
            ?? response.header("x-amzn-requestid")
        let serverDate = response.header("Date").flatMap(AWSDateParser.parse)
        let fields: (code: String?, message: String?, requestID: String?)?
        switch service.wireProtocol {
        case .query, .restXML:
            fields = xmlFields(response.body)
        case .restJSON, .json:
            fields = jsonFields(response.body, errorTypeHeader: response.header("x-amzn-ErrorType"))
        }
        if let fields, let code = fields.code, !code.isEmpty {
            return AWSError(service: service.displayName, operation: operation, code: code,
                            message: fields.message ?? "", requestID: fields.requestID ?? requestID,
                            statusCode: response.statusCode, serverDate: serverDate)
        }
        return AWSError.unrecognizedBody(
            service: service.displayName, operation: operation,
            code: codeFromStatus(response.statusCode, method: method, service: service),
            statusCode: response.statusCode, excerpt: excerpt(of: response.body),
            requestID: requestID, serverDate: serverDate)
    }

    /// The code for a response without a readable error body (HEAD responses, proxies).
    static func codeFromStatus(_ status: Int, method: String, service: AWSService) -> String {
        switch status {
        case 301: return "PermanentRedirect"
        case 304: return "NotModified"
        case 400: return "BadRequest"
        case 403: return "Forbidden"
        case 404: return method == "HEAD" || service.wireProtocol != .restXML ? "NotFound" : "NoSuchKey"
        case 412: return "PreconditionFailed"
        default: return "HTTP\(status)"
        }
    }

    /// `Code`, `Message` and `RequestId` from a query (`<ErrorResponse><Error>`), EC2
    /// (`<Response><Errors><Error>`) or S3 (`<Error>`) document.
    static func xmlFields(_ body: Data) -> (code: String?, message: String?, requestID: String?)? {
        guard let text = String(data: body, encoding: .utf8), text.contains("<Code>") || text.contains("<Code/>") else {
            return nil
        }
        return (element("Code", in: text), element("Message", in: text),
                element("RequestId", in: text) ?? element("RequestID", in: text))
    }

    /// The code and message from a JSON error body and the `x-amzn-ErrorType` header.
    static func jsonFields(_ body: Data, errorTypeHeader: String?) -> (code: String?, message: String?, requestID: String?)? {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        let bodyCode = (object?["__type"] ?? object?["code"] ?? object?["Code"]) as? String
        let rawCode = errorTypeHeader.flatMap { $0.isEmpty ? nil : $0 } ?? bodyCode
        let message = (object?["message"] ?? object?["Message"] ?? object?["errorMessage"]) as? String
        guard let rawCode else { return object == nil ? nil : (nil, message, nil) }
        return (sanitize(code: rawCode), message, nil)
    }

    /// `aws.protocoltests#FooError:http://internal.amazon.com/...` → `FooError`.
    static func sanitize(code: String) -> String {
        var code = code
        if let colon = code.firstIndex(of: ":") { code = String(code[..<colon]) }
        if let hash = code.lastIndex(of: "#") { code = String(code[code.index(after: hash)...]) }
        return code.trimmingCharacters(in: .whitespaces)
    }

    /// The text of the first `<name>` element, unescaped.
    static func element(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)>") else { return nil }
        guard let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex) else { return nil }
        return unescapeXML(String(text[open.upperBound..<close.lowerBound]))
    }

    static func unescapeXML(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A short, one-line excerpt of a body for a message: tags stripped, whitespace collapsed.
    static func excerpt(of body: Data, limit: Int = 160) -> String {
        guard !body.isEmpty else { return "" }
        guard let text = String(data: body.prefix(8192), encoding: .utf8) else { return "<\(body.count) bytes of binary data>" }
        var stripped = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true; stripped.append(" "); continue }
            if character == ">" { inTag = false; continue }
            if !inTag { stripped.append(character) }
        }
        let words = stripped.split(whereSeparator: { $0.isWhitespace })
        let collapsed = words.joined(separator: " ")
        return collapsed.count > limit ? String(collapsed.prefix(limit)) + "…" : collapsed
    }
}
