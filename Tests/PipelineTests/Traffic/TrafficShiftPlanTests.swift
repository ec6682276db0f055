import Configuration
import Foundation
import Testing
@testable import Pipeline

@Suite("traffic shift plans")
struct TrafficShiftPlanTests {
    @Test("canary: the percentage for the wait, then 100%")
    func canarySteps() {
        let steps = TrafficShiftPlan.steps(for: .canary(percent: 10, wait: .seconds(300)))
        #expect(steps == [.init(percent: 10, wait: .seconds(300)), .init(percent: 100, wait: .zero)])
        #expect(steps[0].weight == 0.1)
    }

    @Test("linear: equal steps below 100%, each followed by the interval, then 100%")
    func linearSteps() {
        #expect(TrafficShiftPlan.steps(for: .linear(percent: 25, every: .seconds(60))).map(\.percent) == [25, 50, 75, 100])
        #expect(TrafficShiftPlan.steps(for: .linear(percent: 30, every: .seconds(60))).map(\.percent) == [30, 60, 90, 100])
        #expect(TrafficShiftPlan.steps(for: .linear(percent: 50, every: .seconds(60))).map(\.percent) == [50, 100])
        let steps = TrafficShiftPlan.steps(for: .linear(percent: 25, every: .seconds(60)))
        #expect(steps.dropLast().allSatisfy { $0.wait == .seconds(60) })
        #expect(steps.last?.wait == .zero)
    }

    @Test("all at once: one step")
    func allAtOnce() {
        #expect(TrafficShiftPlan.steps(for: .allAtOnce) == [.init(percent: 100, wait: .zero)])
    }

    @Test("only aliases whose version changed shift, from the old version to the new")
    func shiftsChangedAliases() {
        let before = [state("Orders", "orders-fn", "live", "3"), state("Users", "users-fn", "live", "7"),
                      state("Lazy", "lazy-fn", "live", "$LATEST")]
        let after = [state("Orders", "orders-fn", "live", "4"), state("Users", "users-fn", "live", "7"),
                     state("Lazy", "lazy-fn", "live", "2"), state("Fresh", "fresh-fn", "live", "1")]
        let plan = TrafficShiftPlan.make(settings: TrafficSettings(strategy: .canary(percent: 10, wait: .seconds(60)), alarms: ["a"]),
                                         before: before, after: after)
        #expect(plan.shifts == [.init(resource: "Orders", functionName: "orders-fn", alias: "live", fromVersion: "3", toVersion: "4")])
        #expect(plan.skipped.count == 1)
        #expect(plan.skipped.first?.contains("Lazy:live") == true)
        #expect(plan.alarms == ["a"])
        #expect(plan.stepsText == "10% for 1m → 100%")
        #expect(plan.shifts.first?.line == "Orders:live 3 → 4")
    }

    @Test("functions = [...] limits the shift to those logical IDs")
    func functionFilter() {
        let before = [state("Orders", "orders-fn", "live", "3"), state("Users", "users-fn", "live", "7")]
        let after = [state("Orders", "orders-fn", "live", "4"), state("Users", "users-fn", "live", "8")]
        let settings = TrafficSettings(strategy: .allAtOnce, functions: ["Users"])
        let plan = TrafficShiftPlan.make(settings: settings, before: before, after: after)
        #expect(plan.shifts.map(\.resource) == ["Users"])
    }

    @Test("no new version: an empty plan")
    func nothingToShift() {
        let states = [state("Orders", "orders-fn", "live", "3")]
        #expect(TrafficShiftPlan.make(settings: TrafficSettings(strategy: .allAtOnce), before: states, after: states).isEmpty)
    }

    @Test("alias ARNs give the function name and the alias")
    func aliasARN() {
        let parsed = AliasReader.parseAliasARN("arn:aws:lambda:eu-central-1:123456789012:function:orders-fn:live")
        #expect(parsed?.functionName == "orders-fn")
        #expect(parsed?.alias == "live")
        #expect(AliasReader.parseAliasARN("arn:aws:lambda:eu-central-1:123456789012:function:orders-fn") == nil)
        #expect(AliasReader.parseAliasARN("orders-fn") == nil)
    }

    private func state(_ resource: String, _ function: String, _ alias: String, _ version: String) -> AliasState {
        AliasState(resource: resource, logicalID: resource, functionName: function, alias: alias, version: version)
    }
}
