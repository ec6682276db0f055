import Testing
@testable import Configuration

@Suite("placeholders in artifact locations")
struct PlaceholderTemplateTests {
    @Test("every placeholder is replaced, repeats included")
    func expand() throws {
        let template = try PlaceholderTemplate("{env}-{account}-{region}/{env}")
        #expect(template.placeholders == [.env, .account, .region])
        #expect(try template.expand(region: "eu-central-1", account: "123456789012", environment: "dev")
            == "dev-123456789012-eu-central-1/dev")
    }

    @Test("text without placeholders is unchanged and needs no account")
    func literal() throws {
        let template = try PlaceholderTemplate("fiscalshield-templates")
        #expect(template.placeholders.isEmpty)
        #expect(try template.expand(region: "x", account: nil, environment: "y") == "fiscalshield-templates")
    }

    @Test("unknown and unbalanced placeholders are rejected", arguments: [
        ("b-{regoin}", "region"), ("b-{acount}", "account"), ("b-{envv}", "env"), ("b-{stage}", nil),
        ("b-{region", nil), ("b-region}", nil),
    ] as [(String, String?)])
    func invalid(_ text: String, _ suggestion: String?) {
        let error = #expect(throws: ConfigurationError.self) { try PlaceholderTemplate(text) }
        #expect(error?.code == .badPlaceholder)
        #expect(error?.suggestion == suggestion)
    }
}
