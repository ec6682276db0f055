import Configuration
import Foundation
import Synchronization
import Testing
@testable import Pipeline

@Suite("traffic shifter")
struct TrafficShifterTests {
    /// Records every UpdateAlias.
    final class Router: AliasRouter {
        struct Move: Equatable { var function: String; var version: String; var weights: [String: Double] }
        let moves = Mutex<[Move]>([])
        let failOn: String?
        init(failOn: String? = nil) { self.failOn = failOn }
        func route(functionName: String, alias: String, version: String, weights: [String: Double]) async throws {
            if let failOn, weights.isEmpty == false, functionName == failOn { throw PipelineFailure(.operationFailed, "boom") }
            moves.withLock { $0.append(Move(function: functionName, version: version, weights: weights)) }
        }
        var all: [Move] { moves.withLock { $0 } }
    }

    /// Alarm states by read number: after `alarmAfter` reads the alarm is in ALARM.
    final class Watch: TrafficWatch {
        let reads = Mutex(0)
        let alarmAfter: Int?
        let errors: Double
        init(alarmAfter: Int? = nil, errors: Double = 0) {
            self.alarmAfter = alarmAfter
            self.errors = errors
        }
        func alarmStates(_ names: [String]) async throws -> [String: String] {
            let count = reads.withLock { value -> Int in
                value += 1
                return value
            }
            let state = alarmAfter.map { count > $0 ? "ALARM" : "OK" } ?? "OK"
            return Dictionary(uniqueKeysWithValues: names.map { ($0, state) })
        }
        func errors(functionName: String, alias: String, version: String, since start: Date) async throws -> Double { errors }
    }

    /// Sleeps no time; remembers how long it was asked to.
    final class Clock: TrafficClock {
        let slept = Mutex(Duration.zero)
        let onSleep: (@Sendable () -> Void)?
        init(onSleep: (@Sendable () -> Void)? = nil) { self.onSleep = onSleep }
        func sleep(for duration: Duration) async throws {
            slept.withLock { $0 += duration }
            onSleep?()
        }
        var total: Duration { slept.withLock { $0 } }
    }

    static let orders = TrafficShiftPlan.AliasShift(resource: "Orders", functionName: "orders-fn", alias: "live", fromVersion: "3", toVersion: "4")
    static let users = TrafficShiftPlan.AliasShift(resource: "Users", functionName: "users-fn", alias: "live", fromVersion: "7", toVersion: "8")

    @Test("a canary moves every alias to 10% of the new version, waits, then points it at the new version")
    func canaryCompletes() async throws {
        let router = Router()
        let clock = Clock()
        let sink = RecordingSink()
        let plan = TrafficShiftPlan(strategy: .canary(percent: 10, wait: .seconds(30)), shifts: [Self.orders, Self.users], alarms: ["a"])
        let outcome = try await TrafficShifter(router: router, watch: Watch(), clock: clock).apply(plan, sink: sink)
        #expect(outcome == .completed)
        #expect(router.all == [
            .init(function: "orders-fn", version: "3", weights: ["4": 0.1]), .init(function: "users-fn", version: "7", weights: ["8": 0.1]),
            .init(function: "orders-fn", version: "4", weights: [:]), .init(function: "users-fn", version: "8", weights: [:]),
        ])
        #expect(clock.total == .seconds(30))
        #expect(sink.kinds.filter { $0 == "traffic.step" }.count == 2)
        #expect(sink.kinds.last == "traffic.completed")
        let watching = sink.all.compactMap { $0 as? TrafficShiftEvent }.filter { $0.stage == .watching }
        #expect(watching.first?.secondsLeft == 30)
        #expect(watching.first?.alarms == ["a": "OK"])
        #expect(watching.last?.secondsLeft == 0)
    }

    @Test("linear steps weigh 25%, 50%, 75%, then 100%")
    func linearWeights() async throws {
        let router = Router()
        let plan = TrafficShiftPlan(strategy: .linear(percent: 25, every: .seconds(5)), shifts: [Self.orders])
        _ = try await TrafficShifter(router: router, watch: Watch(), clock: Clock()).apply(plan, sink: RecordingSink())
        #expect(router.all.map(\.weights) == [["4": 0.25], ["4": 0.5], ["4": 0.75], [:]])
        #expect(router.all.map(\.version) == ["3", "3", "3", "4"])
    }

    @Test("all at once is one move per alias and no wait")
    func allAtOnce() async throws {
        let router = Router()
        let clock = Clock()
        let plan = TrafficShiftPlan(strategy: .allAtOnce, shifts: [Self.orders], alarms: ["a"])
        #expect(try await TrafficShifter(router: router, watch: Watch(), clock: clock).apply(plan, sink: RecordingSink()) == .completed)
        #expect(router.all == [.init(function: "orders-fn", version: "4", weights: [:])])
        #expect(clock.total == .zero)
    }

    @Test("an alarm in ALARM rolls every alias back to its previous version at 100%")
    func alarmRollsBack() async throws {
        let router = Router()
        let sink = RecordingSink()
        let plan = TrafficShiftPlan(strategy: .linear(percent: 25, every: .seconds(20)), shifts: [Self.orders, Self.users], alarms: ["a", "b"])
        let shifter = TrafficShifter(router: router, watch: Watch(alarmAfter: 2), clock: Clock(), pollInterval: .seconds(10))
        let outcome = try await shifter.apply(plan, sink: sink)
        #expect(outcome == .rolledBack(reason: "alarm a is in ALARM"))
        #expect(router.all == [
            .init(function: "orders-fn", version: "3", weights: ["4": 0.25]), .init(function: "users-fn", version: "7", weights: ["8": 0.25]),
            .init(function: "orders-fn", version: "3", weights: [:]), .init(function: "users-fn", version: "7", weights: [:]),
        ])
        #expect(sink.kinds.suffix(2) == ["traffic.rolling-back", "traffic.rolled-back"])
        let rolling = sink.all.compactMap { $0 as? TrafficShiftEvent }.first { $0.stage == .rollingBack }
        #expect(rolling?.alarms == ["a": "ALARM", "b": "ALARM"])
    }

    @Test("errors of a new version above the threshold roll back; at the threshold they do not")
    func errorThreshold() async throws {
        let plan = TrafficShiftPlan(strategy: .canary(percent: 10, wait: .seconds(5)), shifts: [Self.orders], errorThreshold: 2)
        let over = try await TrafficShifter(router: Router(), watch: Watch(errors: 3), clock: Clock()).apply(plan, sink: RecordingSink())
        guard case .rolledBack(let reason) = over else { Issue.record("\(over)"); return }
        #expect(reason.contains("Orders version 4 had 3 error(s)"), "\(reason)")
        let at = try await TrafficShifter(router: Router(), watch: Watch(errors: 2), clock: Clock()).apply(plan, sink: RecordingSink())
        #expect(at == .completed)
        var ignoring = plan
        ignoring.watchErrors = false
        #expect(try await TrafficShifter(router: Router(), watch: Watch(errors: 9), clock: Clock()).apply(ignoring, sink: RecordingSink()) == .completed)
    }

    @Test("Ctrl-C asks the shifting task to roll back (or finish) and it does so at once")
    func interrupted() async throws {
        for decision in [TrafficShiftControl.Decision.rollBack, .finish] {
            let control = TrafficShiftControl()
            let router = Router()
            let clock = Clock(onSleep: { control.request(decision) })
            let plan = TrafficShiftPlan(strategy: .canary(percent: 10, wait: .seconds(600)), shifts: [Self.orders])
            let outcome = try await TrafficShifter(router: router, watch: Watch(), clock: clock, control: control)
                .apply(plan, sink: RecordingSink())
            #expect(outcome == .interrupted(decision))
            #expect(clock.total == .seconds(1))
            #expect(router.all.last == .init(function: "orders-fn", version: decision == .rollBack ? "3" : "4", weights: [:]))
        }
    }

    @Test("an UpdateAlias that fails mid-shift rolls the others back and throws")
    func updateFails() async throws {
        let router = Router(failOn: "users-fn")
        let plan = TrafficShiftPlan(strategy: .canary(percent: 10, wait: .seconds(5)), shifts: [Self.orders, Self.users])
        await #expect(throws: PipelineFailure.self) {
            _ = try await TrafficShifter(router: router, watch: Watch(), clock: Clock()).apply(plan, sink: RecordingSink())
        }
        #expect(router.all.last == .init(function: "users-fn", version: "7", weights: [:]))
        #expect(router.all.contains(.init(function: "orders-fn", version: "3", weights: [:])))
    }
}
