import Foundation
import Testing
@testable import Configuration

@Suite("ferry.toml gates and notifications")
struct OperateSettingsTests {
    private let file = URL(fileURLWithPath: "/p/ferry.toml")

    @Test("before_deploy, gate_timeout and notify are read in order")
    func readsSettings() throws {
        let text = """
        [env.dev]
        stack_name = "d"
        before_deploy = ["pytest -q tests/unit", "ruff check src"]
        gate_timeout = 120
        notify = ["${SLACK_WEBHOOK}", "https://example.com/hooks/ferry?token=${TOKEN}"]
        """
        let dev = try ProjectConfiguration.parse(text: text, file: file).environment()
        #expect(dev.operate.beforeDeploy == ["pytest -q tests/unit", "ruff check src"])
        #expect(dev.operate.gateTimeout == 120)
        #expect(dev.operate.notify.map(\.raw) == ["${SLACK_WEBHOOK}", "https://example.com/hooks/ferry?token=${TOKEN}"])
        #expect(dev.operate.notify[1].variables == ["TOKEN"])
    }

    @Test("[env.<name>.invoke] names an event file per function, in order")
    func readsInvokeEvents() throws {
        let text = """
        [env.dev]
        stack_name = "d"
        [env.dev.invoke]
        Hello = "events/hello.json"
        "Root/Child/Worker" = "events/worker.json"
        """
        let dev = try ProjectConfiguration.parse(text: text, file: file).environment()
        #expect(dev.operate.invokeEvents == [KeyValue(key: "Hello", value: "events/hello.json"),
                                             KeyValue(key: "Root/Child/Worker", value: "events/worker.json")])
    }

    @Test("without the keys there are no gates, the default timeout and no webhooks")
    func defaults() throws {
        let dev = try ProjectConfiguration.parse(text: "[env.dev]\nstack_name = \"d\"\n", file: file).environment()
        #expect(dev.operate == OperateSettings())
        #expect(dev.operate.gateTimeout == 600)
    }

    @Test("a gate that is not a string names the key and its line")
    func gateWrongType() throws {
        let text = "[env.dev]\nstack_name = \"d\"\n\nbefore_deploy = [\"make test\", 3]\n"
        let error = try #require(throws: ConfigurationError.self) { try ProjectConfiguration.parse(text: text, file: file) }
        #expect(error.code == .wrongType)
        #expect(error.key == "env.dev.before_deploy")
        #expect(error.line == 4)
        #expect(error.description.hasPrefix("/p/ferry.toml:4: 'env.dev.before_deploy' must be an array of strings"))
    }

    @Test("an empty gate, a zero timeout and a bad webhook are all reported with lines")
    func badValues() throws {
        let text = """
        [env.dev]
        stack_name = "d"
        before_deploy = ["  "]
        gate_timeout = 0
        notify = ["ftp://example.com/x", "https://x/${NOT CLOSED"]
        """
        let error = try #require(throws: ConfigurationError.self) { try ProjectConfiguration.parse(text: text, file: file) }
        let all = [error] + error.additionalErrors
        #expect(all.map(\.code) == [.badValue, .badValue, .badValue, .badValue])
        #expect(all.map(\.line) == [3, 4, 5, 5])
        #expect(all.map(\.key) == ["env.dev.before_deploy", "env.dev.gate_timeout", "env.dev.notify", "env.dev.notify"])
        #expect(error.description.contains("/p/ferry.toml:5: 'env.dev.notify' has an invalid value \"ftp://example.com/x\". It must be an http:// or https:// URL"))
        #expect(error.description.contains("'${' is not closed"))
    }

    @Test("a misspelt key suggests before_deploy")
    func suggestion() throws {
        let text = "[env.dev]\nstack_name = \"d\"\nbefore_deplyo = [\"x\"]\n"
        let error = try #require(throws: ConfigurationError.self) { try ProjectConfiguration.parse(text: text, file: file) }
        #expect(error.code == .unknownKey)
        #expect(error.suggestion == "before_deploy")
        #expect(error.line == 3)
    }

    @Test("webhook URLs expand ${VAR} from the environment and name a missing variable")
    func expansion() throws {
        let template = try WebhookURLTemplate("https://hooks.example.com/${PATH_PART}/x?k=${KEY}")
        #expect(template.variables == ["PATH_PART", "KEY"])
        let url = try template.expand(["PATH_PART": "T0/B1", "KEY": "s3cret"])
        #expect(url.absoluteString == "https://hooks.example.com/T0/B1/x?k=s3cret")
        let missing = try #require(throws: WebhookURLProblem.self) { try template.expand(["PATH_PART": "a"]) }
        #expect(missing.message.contains("KEY"))
        let whole = try WebhookURLTemplate("${SLACK_WEBHOOK}")
        #expect(try whole.expand(["SLACK_WEBHOOK": "https://hooks.slack.com/services/T/B/C"]).host == "hooks.slack.com")
        #expect(throws: WebhookURLProblem.self) { try whole.expand(["SLACK_WEBHOOK": "not a url"]) }
        #expect(throws: WebhookURLProblem.self) { try WebhookURLTemplate("https://x/${1BAD}") }
    }
}
