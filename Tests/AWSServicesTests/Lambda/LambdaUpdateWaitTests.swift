import Testing
@testable import AWSServices

@Suite struct LambdaUpdateWaitTests {
    @Test("an update's polls start 100 ms apart and double up to the poll interval")
    func delaysStartShortAndDoubleUpToTheInterval() {
        let delays = (1...6).map { Lambda.updateDelay(attempt: $0, pollInterval: .milliseconds(500)) }
        #expect(delays == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(500),
                           .milliseconds(500), .milliseconds(500)])
        #expect(Lambda.updateDelay(attempt: 1000, pollInterval: .seconds(1)) == .seconds(1))
        #expect(Lambda.updateDelay(attempt: 1, pollInterval: .zero) == .zero)
    }
}
