import Testing
@testable import Configuration

@Suite("splitting parameter_overrides and tags")
struct ParameterOverridesParserTests {
    private func pairs(_ text: String) throws -> [String] {
        try ParameterOverridesParser.parse(text).map(\.description)
    }

    @Test("plain pairs separated by any whitespace")
    func plain() throws {
        #expect(try pairs("AdminEmail=dev@example.com  LogLevel=INFO\n\tMaxConcurrentWorkflows=100")
            == ["AdminEmail=dev@example.com", "LogLevel=INFO", "MaxConcurrentWorkflows=100"])
        #expect(try pairs("   ").isEmpty)
    }

    @Test("double-quoted values keep spaces")
    func quoted() throws {
        #expect(try pairs(#"IDPPattern="Pattern2 - Packet processing" LogLevel=INFO"#)
            == ["IDPPattern=Pattern2 - Packet processing", "LogLevel=INFO"])
    }

    @Test("= inside a value belongs to the value")
    func equalsInValue() throws {
        #expect(try pairs("Url=https://example.com/?a=b&c=d Expr=\"x = y\"")
            == ["Url=https://example.com/?a=b&c=d", "Expr=x = y"])
    }

    @Test("escaped quotes and escaped spaces are unescaped, other backslashes kept")
    func escapes() throws {
        #expect(try pairs(#"Json="{\"a\": 1}" Path=C:\dir\ name Regex="^\d+$""#)
            == [#"Json={"a": 1}"#, #"Path=C:\dir name"#, #"Regex=^\d+$"#])
    }

    @Test("empty values and single-quoted values")
    func emptyAndSingleQuoted() throws {
        #expect(try pairs(#"Empty= Quoted="" Single='it has "quotes" and spaces'"#)
            == ["Empty=", "Quoted=", #"Single=it has "quotes" and spaces"#])
    }

    @Test("the ParameterKey=,ParameterValue= form")
    func cloudFormationForm() throws {
        #expect(try pairs(#"ParameterKey=KeyPairName,ParameterValue=MyKey ParameterKey=Type,ParameterValue="t1 micro""#)
            == ["KeyPairName=MyKey", "Type=t1 micro"])
    }

    @Test("quoted keys, as SAM writes tags")
    func quotedKeys() throws {
        #expect(try pairs(#""cost center"="R&D" Team="idp""#) == ["cost center=R&D", "Team=idp"])
    }

    @Test("array form: one pair per element, spaces allowed unquoted")
    func arrayForm() throws {
        let result = try ParameterOverridesParser.parse(elements: [
            "AdminEmail=dev@example.com", "IDPPattern=Pattern2 - Packet processing", "A=1 B=2", #"Q="x y""#,
        ])
        #expect(result.map(\.description) == [
            "AdminEmail=dev@example.com", "IDPPattern=Pattern2 - Packet processing", "A=1", "B=2", "Q=x y",
        ])
    }

    @Test("malformed input is rejected with a reason", arguments: [
        ("AdminEmail", "missing '='"),
        ("A=1 B", "missing '='"),
        (#"A="unterminated"#, "unterminated"),
        ("=value", "empty key"),
        (#"A="x"y"#, "unexpected"),
        ("ParameterKey=A ParameterValue=1", "ParameterKey=Name,ParameterValue=Value"),
    ])
    func malformed(_ text: String, _ reason: String) {
        let failure = #expect(throws: ParameterOverridesParser.Failure.self) { try ParameterOverridesParser.parse(text) }
        #expect(failure?.description.contains(reason) == true, "\(failure?.description ?? "")")
    }
}
