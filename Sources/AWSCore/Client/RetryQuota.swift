import Foundation
import Synchronization

/// The token bucket that limits how many retries a client makes while a service is failing.
package final class RetryQuota: Sendable {
    private let capacity: Int
    private let available: Mutex<Int>

    package init(capacity: Int) {
        self.capacity = capacity
        available = Mutex(capacity)
    }

    /// The tokens left.
    package var availableTokens: Int { available.withLock { $0 } }

    /// Takes `cost` tokens; false (and nothing taken) when fewer are left.
    package func acquire(_ cost: Int) -> Bool {
        available.withLock { value in
            guard value >= cost else { return false }
            value -= cost
            return true
        }
    }

    /// Gives tokens back, never above the capacity.
    package func release(_ amount: Int) {
        available.withLock { value in value = min(capacity, value + amount) }
    }
}
