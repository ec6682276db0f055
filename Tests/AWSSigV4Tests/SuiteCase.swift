import Foundation
import Testing
@testable import AWSSigV4

/// One case of the official AWS SigV4 test suite: the `.req` request and the expected products.
struct SuiteCase: Sendable, CustomTestStringConvertible {
    /// The folder path under `sigv4-test-suite`, e.g. `normalize-path/get-slash`.
    let name: String
    let request: SigV4Request
    let sessionToken: String?
    let canonicalRequest: String
    let stringToSign: String
    let authorization: String

    var testDescription: String { name }

    /// The suite's fixed inputs, stated in its files.
    static let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE",
                                            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let region = "us-east-1"
    static let service = "service"
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z
    /// The token of `get-vanilla-with-session-token` (given only in its `.creq`).
    static let vanillaSessionToken = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"

    /// The suite's root folder in the test bundle.
    static var root: URL? {
        Bundle.module.url(forResource: "sigv4-test-suite", withExtension: nil, subdirectory: "Fixtures")
    }

    /// Every case folder (one holding a `.req`), relative to the root, sorted.
    static func allNames() -> [String] {
        guard let root, let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return []
        }
        let rootPath = root.standardizedFileURL.path
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "req" }
            .map { url in
                let folder = url.deletingLastPathComponent().standardizedFileURL.path
                return String(folder.dropFirst(rootPath.count + 1))
            }
            .sorted()
    }

    /// Loads the case in folder `name`.
    static func load(_ name: String) throws -> SuiteCase {
        let root = try #require(Self.root)
        let folder = root.appendingPathComponent(name, isDirectory: true)
        let base = folder.appendingPathComponent(folder.lastPathComponent)
        func read(_ ext: String) throws -> String {
            try String(contentsOf: base.appendingPathExtension(ext), encoding: .utf8)
        }
        let raw = try read("req")
        let (request, token) = try parse(raw, name: name)
        return SuiteCase(name: name, request: request, sessionToken: token,
                         canonicalRequest: try read("creq"), stringToSign: try read("sts"),
                         authorization: try read("authz").trimmingCharacters(in: .newlines))
    }

    /// Parses a `.req` file: request line, headers (indented lines continue the previous value,
    /// kept with their line break), a blank line, then the body. The session token is the
    /// request's `X-Amz-Security-Token` header if any, or the suite's vanilla token for that case.
    static func parse(_ raw: String, name: String) throws -> (SigV4Request, String?) {
        let lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = try #require(lines.first)
        let method = String(requestLine.prefix { $0 != " " })
        let afterMethod = requestLine.dropFirst(method.count + 1)
        let target = String(try #require(afterMethod.range(of: " HTTP/", options: .backwards).map {
            afterMethod[..<$0.lowerBound]
        }))
        let path = String(target.prefix { $0 != "?" })
        let query = target.count > path.count ? String(target.dropFirst(path.count + 1)) : nil

        var headers: [(name: String, value: String)] = []
        var index = 1
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            if line.first == " " || line.first == "\t", let last = headers.popLast() {
                headers.append((last.name, last.value + "\n" + line))
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
            index += 1
        }
        let body = index < lines.count ? lines[(index + 1)...].joined(separator: "\n") : ""
        var token = headers.first { $0.name.lowercased() == "x-amz-security-token" }?.value
        if name.hasSuffix("get-vanilla-with-session-token") { token = vanillaSessionToken }
        let request = SigV4Request(method: method, path: path, query: query, headers: headers,
                                   payload: .bytes(Data(body.utf8)))
        return (request, token)
    }
}
