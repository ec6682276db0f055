import Foundation
import Testing
@testable import Configuration

/// One invalid ferry.toml and the exact error it must produce.
struct InvalidCase: Sendable, CustomTestStringConvertible {
    let name: String
    let toml: String
    let code: ConfigurationError.Code
    let key: String?
    let line: Int?
    var suggestion: String?
    var mentions: [String] = []
    var testDescription: String { name }
}

@Suite("ferry.toml validation errors name file, key and line")
struct ValidationErrorTests {
    static let cases: [InvalidCase] = [
        InvalidCase(
            name: "unknown top-level key with suggestion",
            toml: "tempate = \"t.yaml\"\n[env.dev]\nstack_name = \"d\"\n",
            code: .unknownKey, key: "tempate", line: 1, suggestion: "template", mentions: ["Did you mean 'template'?"]),
        InvalidCase(
            name: "unknown environment key with suggestion",
            toml: "[env.dev]\nstack_name = \"d\"\n\nhotswp = true\n",
            code: .unknownKey, key: "env.dev.hotswp", line: 4, suggestion: "hotswap"),
        InvalidCase(
            name: "unknown key far from any known one",
            toml: "[env.dev]\nstack_name = \"d\"\nbefore_deploy_gates = []\n",
            code: .unknownKey, key: "env.dev.before_deploy_gates", line: 3, suggestion: nil),
        InvalidCase(
            name: "unknown key in an environment's artifacts override",
            toml: "[env.dev]\nstack_name = \"d\"\n[env.dev.artifacts]\nbukcet = \"b\"\n",
            code: .unknownKey, key: "env.dev.artifacts.bukcet", line: 4, suggestion: "bucket"),
        InvalidCase(
            name: "wrong type for a boolean",
            toml: "[env.dev]\nstack_name = \"d\"\nhotswap = \"yes\"\n",
            code: .wrongType, key: "env.dev.hotswap", line: 3, mentions: ["a boolean", "a string"]),
        InvalidCase(
            name: "wrong type for capabilities (string instead of array)",
            toml: "[env.dev]\nstack_name = \"d\"\ncapabilities = \"CAPABILITY_IAM\"\n",
            code: .wrongType, key: "env.dev.capabilities", line: 3, mentions: ["an array of strings"]),
        InvalidCase(
            name: "wrong type inside parameters",
            toml: "[env.dev]\nstack_name = \"d\"\n[env.dev.parameters]\nAdminEmail = \"a@b.c\"\nNested = { a = 1 }\n",
            code: .wrongType, key: "env.dev.parameters.Nested", line: 5),
        InvalidCase(
            name: "wrong type for the env table",
            toml: "env = \"dev\"\n",
            code: .wrongType, key: "env", line: 1),
        InvalidCase(
            name: "missing stack_name points at the environment header",
            toml: "[artifacts]\nbucket = \"b\"\n\n[env.dev]\nregion = \"eu-central-1\"\n",
            code: .missingValue, key: "env.dev.stack_name", line: 4),
        InvalidCase(
            name: "no environments at all",
            toml: "template = \"template.yaml\"\n",
            code: .missingValue, key: "env", line: nil),
        InvalidCase(
            name: "misspelled placeholder",
            toml: "[artifacts]\nbucket = \"fiscalshield-templates-{regoin}\"\n[env.dev]\nstack_name = \"d\"\n",
            code: .badPlaceholder, key: "artifacts.bucket", line: 2, suggestion: "region", mentions: ["{regoin}"]),
        InvalidCase(
            name: "unbalanced brace in a prefix override",
            toml: "[env.dev]\nstack_name = \"d\"\n[env.dev.artifacts]\nprefix = \"app/{env\"\n",
            code: .badPlaceholder, key: "env.dev.artifacts.prefix", line: 4),
        InvalidCase(
            name: "bad approval value",
            toml: "[env.dev]\nstack_name = \"d\"\napproval = \"always\"\n",
            code: .badValue, key: "env.dev.approval", line: 3, mentions: ["\"required\"", "\"never\"", "\"tty\""]),
        InvalidCase(
            name: "bad capability",
            toml: "[env.dev]\nstack_name = \"d\"\ncapabilities = [\n  \"CAPABILITY_IAM\",\n  \"CAPABILITY_RESOURCE_POLICY\",\n]\n",
            code: .badValue, key: "env.dev.capabilities", line: 3, mentions: ["CAPABILITY_RESOURCE_POLICY"]),
        InvalidCase(
            name: "bad stack name",
            toml: "[env.dev]\nstack_name = \"1_bad name\"\n",
            code: .badValue, key: "env.dev.stack_name", line: 2),
        InvalidCase(
            name: "bad region",
            toml: "[env.dev]\nstack_name = \"d\"\nregion = \"Frankfurt\"\n",
            code: .badValue, key: "env.dev.region", line: 3),
        InvalidCase(
            name: "bad endpoint URL",
            toml: "[env.dev]\nstack_name = \"d\"\nendpoint_url = \"127.0.0.1:5000\"\n",
            code: .badValue, key: "env.dev.endpoint_url", line: 3),
        InvalidCase(
            name: "build concurrency below one",
            toml: "[build]\nconcurrency = 0\n[env.dev]\nstack_name = \"d\"\n",
            code: .badValue, key: "build.concurrency", line: 2),
        InvalidCase(
            name: "the same key in a second environment is found in its own table",
            toml: "[env.dev]\nstack_name = \"d\"\nhotswap = true\n\n[env.prod]\nstack_name = \"p\"\nhotswap = \"no\"\n",
            code: .wrongType, key: "env.prod.hotswap", line: 7),
        InvalidCase(
            name: "dotted keys are located",
            toml: "env.dev.stack_name = \"d\"\nenv.dev.approval = \"sometimes\"\n",
            code: .badValue, key: "env.dev.approval", line: 2),
        InvalidCase(
            name: "text inside a multi-line string is not mistaken for a key",
            toml: "[env.dev]\nstack_name = \"d\"\n[env.dev.parameters]\nDoc = \"\"\"\nNested = 1\n\"\"\"\nNested = { a = 1 }\n",
            code: .wrongType, key: "env.dev.parameters.Nested", line: 7),
        InvalidCase(
            name: "quoted environment names",
            toml: "[env.\"eu west\"]\nstack_name = \"d\"\nhotswap = 3\n",
            code: .wrongType, key: "env.\"eu west\".hotswap", line: 3),
        InvalidCase(
            name: "an environment key at the top level says where it belongs",
            toml: "template = \"t.yaml\"\nstack_name = \"d\"\n[env.dev]\nstack_name = \"d\"\n",
            code: .unknownKey, key: "stack_name", line: 2, suggestion: "env.<name>.stack_name"),
        InvalidCase(
            name: "an artifacts key in an environment says where it belongs",
            toml: "[env.dev]\nstack_name = \"d\"\nbucket = \"b\"\n",
            code: .unknownKey, key: "env.dev.bucket", line: 3, suggestion: "env.dev.artifacts.bucket"),
        InvalidCase(
            name: "a parameter name CloudFormation would reject",
            toml: "[env.dev]\nstack_name = \"d\"\n[env.dev.parameters]\nOk = 1\n\"Log Level\" = \"INFO\"\n",
            code: .badValue, key: "env.dev.parameters.\"Log Level\"", line: 5),
        InvalidCase(
            name: "CRLF line endings",
            toml: "[env.dev]\r\nstack_name = \"d\"\r\n\r\nhotswap = 1\r\n",
            code: .wrongType, key: "env.dev.hotswap", line: 4),
        InvalidCase(
            name: "TOML syntax error",
            toml: "[env.dev]\nstack_name = \"d\"\nregion = eu-central-1\n",
            code: .syntax, key: nil, line: 3),
    ]

    @Test("each invalid file gives the exact error", arguments: cases)
    func invalid(_ example: InvalidCase) throws {
        let (error, file) = try ferryTomlError(example.toml)
        #expect(error.code == example.code)
        #expect(error.file == file)
        #expect(error.key == example.key)
        #expect(error.line == example.line)
        if let suggestion = example.suggestion { #expect(error.suggestion == suggestion) }
        if example.code == .unknownKey, example.suggestion == nil { #expect(error.suggestion == nil) }
        let description = error.description
        if let line = example.line { #expect(description.hasPrefix("\(file):\(line): ")) }
        if let key = example.key { #expect(description.contains("'\(key)'")) }
        for text in example.mentions { #expect(description.contains(text)) }
    }

    @Test("all problems are reported, the earliest first")
    func severalProblems() throws {
        let (error, _) = try ferryTomlError("""
        [env.prod]
        stack_name = "p"
        approval = "maybe"

        [env.dev]
        hotswap = "on"
        regoin = "eu-central-1"
        """)
        #expect(error.key == "env.prod.approval")
        #expect(error.line == 3)
        #expect(error.additionalErrors.map(\.key) == ["env.dev.stack_name", "env.dev.hotswap", "env.dev.regoin"])
        #expect(error.additionalErrors.map(\.line) == [5, 6, 7])
        #expect(error.description.split(separator: "\n").count == 4)
        #expect(error.additionalErrors.last?.suggestion == "region")
    }
}
