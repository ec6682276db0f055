import Foundation
import Synchronization

/// The token bucket that limits how many retries a client makes while a service is failing.
public final class RetryQuota: Sendable {
    private let capacity: Int
    private let available: Mutex<Int>

    public init(capacity: Int) {
        self.capacity = capacity
        available = Mutex(capacity)
    }

    /// The tokens left.
    public var availableTokens: Int { available.withLock { $0 } }

    /// Takes `cost` tokens; false (and nothing taken) when fewer are left.
    public func acquire(_ cost: Int) -> Bool {
        available.withLock { value in
            guard value >= cost else { return false }
            value -= cost
            return true
        }
    }

    /// Gives tokens back, never above the capacity.
    public func release(_ amount: Int) {
        available.withLock { value in value = min(capacity, value + amount) }
    }
}
