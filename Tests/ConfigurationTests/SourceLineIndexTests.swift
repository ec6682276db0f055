import Testing
@testable import Configuration

@Suite("finding the line of a key in TOML source")
struct SourceLineIndexTests {
    let text = """
    # comment with key = value
    template = "t.yaml"   # trailing comment

    [artifacts]
    bucket = "b-{region}"

    [env.dev]
    stack_name = "d"
    capabilities = [
      "CAPABILITY_IAM", # a comment ] with a bracket
      "CAPABILITY_AUTO_EXPAND",
    ]
    description = '''
    stack_name = "not a key"
    '''
    parameters.Inline = "dotted"
    "quoted key" = 1

    [ env . "eu west" ]
    stack_name = "e"

    [env.dev.tags]
    Team = "idp"
    """

    @Test("headers, keys, dotted and quoted keys are found; string and array contents are skipped")
    func lines() {
        let index = SourceLineIndex(text: text)
        #expect(index.line(of: KeyPath(["template"])) == 2)
        #expect(index.line(of: KeyPath(["artifacts"])) == 4)
        #expect(index.line(of: KeyPath(["artifacts", "bucket"])) == 5)
        #expect(index.line(of: KeyPath(["env"])) == 7)
        #expect(index.line(of: KeyPath(["env", "dev"])) == 7)
        #expect(index.line(of: KeyPath(["env", "dev", "stack_name"])) == 8)
        #expect(index.line(of: KeyPath(["env", "dev", "capabilities"])) == 9)
        #expect(index.line(of: KeyPath(["env", "dev", "description"])) == 13)
        #expect(index.line(of: KeyPath(["env", "dev", "parameters"])) == 16)
        #expect(index.line(of: KeyPath(["env", "dev", "parameters", "Inline"])) == 16)
        #expect(index.line(of: KeyPath(["env", "dev", "quoted key"])) == 17)
        #expect(index.line(of: KeyPath(["env", "eu west"])) == 19)
        #expect(index.line(of: KeyPath(["env", "eu west", "stack_name"])) == 20)
        #expect(index.line(of: KeyPath(["env", "dev", "tags", "Team"])) == 23)
    }

    @Test("keys inside inline tables are found, nested ones too; arrays of inline tables are skipped")
    func inlineTables() {
        let index = SourceLineIndex(text: """
        [env.dev]
        parameters = { Zeta = "1", "Alpha Key" = { Inner = 2 }, Mid = "a,b" }
        list = [ { Hidden = 1 }, "x" ]
        tags = { Team = "idp" }
        """)
        let parameters = KeyPath(["env", "dev", "parameters"])
        #expect(index.line(of: parameters.appending("Zeta")) == 2)
        #expect(index.line(of: parameters.appending("Alpha Key").appending("Inner")) == 2)
        #expect(index.position(of: parameters.appending("Zeta"))! < index.position(of: parameters.appending("Alpha Key"))!)
        #expect(index.position(of: parameters.appending("Alpha Key"))! < index.position(of: parameters.appending("Mid"))!)
        #expect(index.line(of: KeyPath(["env", "dev", "list", "Hidden"])) == nil)
        #expect(index.line(of: KeyPath(["env", "dev", "tags", "Team"])) == 4)
    }

    @Test("a missing key falls back to its closest written ancestor")
    func nearest() {
        let index = SourceLineIndex(text: text)
        #expect(index.line(of: KeyPath(["env", "dev", "region"])) == nil)
        #expect(index.nearestLine(of: KeyPath(["env", "dev", "region"])) == 7)
        #expect(index.nearestLine(of: KeyPath(["nothing"])) == nil)
    }

    @Test("dotted paths quote keys that are not bare")
    func keyPathDescription() {
        #expect(KeyPath(["env", "eu west", "hotswap"]).description == "env.\"eu west\".hotswap")
        #expect(KeyPath(["env", "dev"]).description == "env.dev")
    }
}
