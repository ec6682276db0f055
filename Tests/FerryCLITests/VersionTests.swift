// `ferry --version`: the release and the git commit the binary was built from.
import ArgumentParser
import Foundation
import Testing
@testable import FerryCLI

@Suite("ferry --version")
struct VersionTests {
    @Test("prints the version and the commit")
    func versionLine() throws {
        var message = ""
        do {
            _ = try Ferry.parseAsRoot(["--version"])
        } catch {
            message = Ferry.fullMessage(for: error)
        }
        #expect(message == FerryVersion.versionLine)
        #expect(message.hasPrefix("ferry \(FerryVersion.current) (commit "), "\(message)")
        let commit = FerryVersion.commit
        #expect(commit == "unknown" || (commit.count == 40 && commit.allSatisfy(\.isHexDigit)), "\(commit)")
        #expect(message.hasSuffix(commit == "unknown" ? "(commit unknown)" : "(commit \(commit.prefix(12)))"), "\(message)")
    }

    @Test("the commit is the checkout's when built from a git checkout")
    func commitOfTheCheckout() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path) else { return }
        #expect(FerryVersion.commit != "unknown", "a build from a git checkout names its commit")
    }
}
