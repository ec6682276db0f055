import Foundation
import Testing
@testable import Configuration

@Suite("traffic strategies and [env.X.traffic]")
struct TrafficSettingsTests {
    private let file = URL(fileURLWithPath: "/p/ferry.toml")

    @Test("the three strategies parse and print as written")
    func parses() throws {
        #expect(try TrafficStrategy.parse("canary:10:5m") == .canary(percent: 10, wait: .seconds(300)))
        #expect(try TrafficStrategy.parse("linear:25:1m") == .linear(percent: 25, every: .seconds(60)))
        #expect(try TrafficStrategy.parse("canary:5:2s") == .canary(percent: 5, wait: .seconds(2)))
        #expect(try TrafficStrategy.parse("canary:50:1h") == .canary(percent: 50, wait: .seconds(3600)))
        #expect(try TrafficStrategy.parse("all-at-once") == .allAtOnce)
        for text in ["canary:10:5m", "linear:25:1m", "all-at-once", "canary:10:2s", "linear:10:90s"] {
            #expect(try TrafficStrategy.parse(text).description == text)
        }
    }

    @Test("bad strategies say what is wrong", arguments: [
        ("blue-green", "it is not canary:PCT:WAIT, linear:PCT:EVERY or all-at-once"),
        ("canary:10", "canary takes a percentage and a duration: canary:PCT:WAIT"),
        ("linear:25", "linear takes a percentage and a duration: linear:PCT:EVERY"),
        ("canary:0:5m", "the percentage \"0\" must be a whole number from 1 to 99"),
        ("canary:100:5m", "the percentage \"100\" must be a whole number from 1 to 99"),
        ("canary:ten:5m", "the percentage \"ten\" must be a whole number from 1 to 99"),
        ("canary:10:5", "the duration \"5\" must be a whole number"),
        ("linear:10:5d", "the duration \"5d\" must be a whole number"),
        ("canary:10:0s", "the duration \"0s\" must be a whole number"),
    ])
    func rejects(text: String, reason: String) throws {
        let error = try #require(throws: TrafficStrategyError.self) { try TrafficStrategy.parse(text) }
        #expect(error.reason.hasPrefix(reason), "\(error.reason)")
        #expect(error.description.contains("\"\(text)\""))
        #expect(error.description.contains("canary:10:5m, linear:25:1m, all-at-once"))
    }

    @Test("[env.prod.traffic] is read with its alarms, functions and error threshold")
    func readsTable() throws {
        let text = """
        [env.prod]
        stack_name = "p"

        [env.prod.traffic]
        strategy = "canary:10:5m"
        alarms = ["orders-5xx", "orders-p99"]
        functions = ["OrdersFunction"]
        error_threshold = 3
        """
        let prod = try ProjectConfiguration.parse(text: text, file: file).environment(named: "prod")
        let traffic = try #require(prod.traffic)
        #expect(traffic.strategy == .canary(percent: 10, wait: .seconds(300)))
        #expect(traffic.alarms == ["orders-5xx", "orders-p99"])
        #expect(traffic.functions == ["OrdersFunction"])
        #expect(traffic.errorThreshold == 3)
        #expect(traffic.watchErrors)
    }

    @Test("without [env.X.traffic] aliases are not shifted")
    func absent() throws {
        let dev = try ProjectConfiguration.parse(text: "[env.dev]\nstack_name = \"d\"\n", file: file).environment()
        #expect(dev.traffic == nil)
    }

    @Test("a bad strategy names the file, key and line, and the allowed forms")
    func badStrategy() throws {
        let text = "[env.prod]\nstack_name = \"p\"\n\n[env.prod.traffic]\nstrategy = \"canary:10\"\n"
        let error = try #require(throws: ConfigurationError.self) { try ProjectConfiguration.parse(text: text, file: file) }
        #expect(error.code == .badValue)
        #expect(error.key == "env.prod.traffic.strategy")
        #expect(error.line == 5)
        #expect(error.description.contains("Canary takes a percentage and a duration"), "\(error.description)")
        #expect(error.description.contains("\"all-at-once\""), "\(error.description)")
    }

    @Test("an unknown key and a missing strategy are reported")
    func unknownKeyAndMissingStrategy() throws {
        let text = "[env.prod]\nstack_name = \"p\"\n\n[env.prod.traffic]\nalarm = [\"x\"]\n"
        let error = try #require(throws: ConfigurationError.self) { try ProjectConfiguration.parse(text: text, file: file) }
        #expect(error.description.contains("'env.prod.traffic.alarm'"), "\(error.description)")
        #expect(error.description.contains("Did you mean 'alarms'?"), "\(error.description)")
        #expect(error.description.contains("env.prod.traffic.strategy"), "\(error.description)")
    }
}
