import Testing
@testable import AWSServices

@Suite struct StackStatusTests {
    @Test func everyKnownStatusRoundTrips() {
        #expect(StackStatus.allKnown.count == 23)
        for status in StackStatus.allKnown {
            #expect(StackStatus(rawValue: status.rawValue) == status)
        }
    }

    @Test func unknownStatusesAreKept() {
        #expect(StackStatus(rawValue: "UPDATE_SOMETHING_NEW") == .unknown("UPDATE_SOMETHING_NEW"))
        #expect(StackStatus(rawValue: "UPDATE_SOMETHING_NEW").rawValue == "UPDATE_SOMETHING_NEW")
    }

    @Test func classifiesProgressAndFailure() {
        #expect(StackStatus.updateRollbackCompleteCleanupInProgress.isInProgress)
        #expect(!StackStatus.updateRollbackComplete.isInProgress)
        #expect(StackStatus.updateRollbackFailed.isFailed)
        #expect(!StackStatus.createComplete.isFailed)
    }
}
