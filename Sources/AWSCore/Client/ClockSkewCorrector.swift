import Foundation
import Synchronization

/// The local clock plus the offset learned from the server when the two disagree.
final class ClockSkewCorrector: Sendable {
    /// Differences smaller than this are left alone (SigV4 accepts 5 minutes).
    static let threshold: TimeInterval = 4 * 60

    private let clock: @Sendable () -> Date
    private let offset = Mutex<TimeInterval>(0)

    init(clock: @escaping @Sendable () -> Date) { self.clock = clock }

    /// The current time, corrected by the learned offset.
    func now() -> Date { clock().addingTimeInterval(offset.withLock { $0 }) }

    /// The learned offset in seconds (server minus local).
    var currentOffset: TimeInterval { offset.withLock { $0 } }

    /// Learns the offset from a server date; returns whether it changed by more than the threshold.
    func correct(toServerDate serverDate: Date) -> Bool {
        let local = clock()
        return offset.withLock { value in
            let corrected = local.addingTimeInterval(value)
            guard abs(serverDate.timeIntervalSince(corrected)) > Self.threshold else { return false }
            value = serverDate.timeIntervalSince(local)
            return true
        }
    }
}

/// Retries once with a corrected clock when the service says our time is off.
struct ClockSkewMiddleware: AWSMiddleware {
    let corrector: ClockSkewCorrector

    func handle(_ context: AWSRequestContext, next: AWSHandler) async throws -> HTTPResponse {
        do {
            return try await next(context)
        } catch let error as AWSError where error.isClockSkew {
            guard let serverDate = error.serverDate, context.request.body.isReplayable,
                  corrector.correct(toServerDate: serverDate) else { throw error }
            return try await next(context)
        }
    }
}
