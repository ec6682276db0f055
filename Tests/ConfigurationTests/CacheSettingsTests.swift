import Foundation
import Testing
@testable import Configuration

@Suite("ferry.toml [cache]")
struct CacheSettingsTests {
    func parse(_ text: String) throws -> EnvironmentConfiguration {
        try ProjectConfiguration.parse(text: text, file: URL(fileURLWithPath: "/p/ferry.toml")).environment()
    }

    @Test("write = false reaches every environment; unset is nil")
    func write() throws {
        #expect(try parse("[cache]\nwrite = false\n[env.dev]\nstack_name = \"d\"\n").build.cacheWrite == false)
        #expect(try parse("[cache]\nwrite = true\n[env.dev]\nstack_name = \"d\"\n").build.cacheWrite == true)
        #expect(try parse("[env.dev]\nstack_name = \"d\"\n").build.cacheWrite == nil)
    }

    @Test("an unknown key or a non-boolean in [cache] is refused with its line")
    func invalid() throws {
        #expect(throws: ConfigurationError.self) { try parse("[cache]\nwrites = false\n[env.dev]\nstack_name = \"d\"\n") }
        do {
            _ = try parse("[cache]\nwrite = \"no\"\n[env.dev]\nstack_name = \"d\"\n")
            Issue.record("a string was accepted")
        } catch let error as ConfigurationError {
            #expect(error.line == 2, "\(error)")
            #expect(error.code == .wrongType, "\(error)")
        }
    }
}
