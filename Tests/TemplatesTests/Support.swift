import Foundation
@testable import Templates

/// The Fixtures folder beside this file.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// A fresh temporary folder with `files` (relative path → contents) written into it.
func temporaryFolder(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("templates-tests-\(UUID().uuidString)", isDirectory: true)
    for (path, contents) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if path.hasSuffix("/") { continue }
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
}

/// Parses YAML text, failing the test on error.
func parse(_ yaml: String, file: String = "test.yaml") throws -> Template {
    try TemplateLoader.parse(yaml, file: file)
}

/// The error thrown by `body`, as a TemplateError.
func templateError(_ body: () throws -> Void) -> TemplateError? {
    do {
        try body()
        return nil
    } catch let error as TemplateError {
        return error
    } catch {
        return nil
    }
}
