import Configuration
import Foundation
import Testing
@testable import Pipeline

@Suite("traffic shift events")
struct TrafficShiftEventTests {
    @Test("the live view says the step, the share, the time left and each alarm's state")
    func watching() {
        let event = TrafficShiftEvent(.watching, strategy: "canary:10:5m", stepIndex: 1, stepCount: 2, percent: 10, secondsLeft: 245,
                                      alarms: ["b": "OK", "a": "ALARM"])
        #expect(event.kind == "traffic.watching")
        #expect(event.message == "traffic step 1/2: 10%, next step in 4m 05s; alarms: a=ALARM, b=OK")
    }

    @Test("a rollback is an error naming why; the end is a success")
    func levels() {
        let rolling = TrafficShiftEvent(.rollingBack, strategy: "canary:10:5m", aliases: ["Orders:live 3 → 4"], reason: "alarm a is in ALARM")
        #expect(rolling.level == .error)
        #expect(rolling.message == "traffic: ROLLING BACK 1 alias(es) to their previous version: alarm a is in ALARM")
        #expect(rolling.details == ["Orders:live 3 → 4"])
        #expect(TrafficShiftEvent(.completed, strategy: "all-at-once").level == .success)
        #expect(TrafficShiftEvent(.idle, strategy: "all-at-once", reason: "nothing").level == .info)
    }

    @Test("the plan's summary: steps, alarms and the error threshold")
    func summary() {
        let settings = TrafficSettings(strategy: .linear(percent: 25, every: .seconds(60)), alarms: ["a", "b"], errorThreshold: 2)
        #expect(TrafficShiftPreview.summary(settings)
            == "25% for 1m → 50% for 1m → 75% for 1m → 100%, watching alarms a, b; Errors of each new version > 2 rolls back")
        let quiet = TrafficSettings(strategy: .allAtOnce, watchErrors: false)
        #expect(TrafficShiftPreview.summary(quiet) == "100%, watching no alarms")
    }

    @Test("--traffic replaces the environment's strategy and keeps its alarms; alone it watches no alarm")
    func override() throws {
        let prod = try environment("\n[env.dev.traffic]\nstrategy = \"canary:10:5m\"\nalarms = [\"a\"]\n")
        let settings = try #require(TrafficShiftSession.settings(prod, override: .allAtOnce))
        #expect(settings.strategy == .allAtOnce)
        #expect(settings.alarms == ["a"])
        let plain = try environment("")
        #expect(TrafficShiftSession.settings(plain, override: nil) == nil)
        #expect(TrafficShiftSession.settings(plain, override: .allAtOnce) == TrafficSettings(strategy: .allAtOnce))
    }

    @Test("an alias with weighted routing is reported as shifting")
    func routing() {
        let alias = AliasState(resource: "Api/Handler", logicalID: "Handler", functionName: "h", alias: "live", version: "3",
                               routing: ["4": 0.1])
        let event = AliasRoutingEvent(alias: alias)
        #expect(event.level == .warning)
        #expect(event.message == "Api/Handler:live is shifting traffic: version 3 with 10% to version 4")
    }
}
