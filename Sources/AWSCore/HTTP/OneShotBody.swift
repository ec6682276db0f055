import Foundation
import Synchronization

/// A request body that can be read once; a second read throws, so it is never re-sent.
package final class OneShotBody: Sendable {
    private let produce: Mutex<(@Sendable () throws -> Data)?>

    /// A body whose bytes `produce` yields the first (and only) time it is read.
    package init(_ produce: @escaping @Sendable () throws -> Data) {
        self.produce = Mutex(produce)
    }

    /// Reads the bytes; throws when they were already read.
    package func take() throws -> Data {
        guard let produce = self.produce.withLock({ value -> (@Sendable () throws -> Data)? in
            defer { value = nil }
            return value
        }) else { throw AlreadyConsumed() }
        return try produce()
    }

    /// Whether the bytes were already read.
    package var isConsumed: Bool { produce.withLock { $0 == nil } }

    struct AlreadyConsumed: Error, CustomStringConvertible {
        var description: String { "a one-shot request body was already sent and cannot be read again" }
    }
}
