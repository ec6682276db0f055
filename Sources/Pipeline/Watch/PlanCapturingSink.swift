// Passes events on and keeps the hot-swap plan's rejections.
import Hotswap
import Reporting
import Synchronization

/// Forwards every event to `next` and remembers the rejections of the last hot-swap plan, so a
/// refused swap can be told apart from a failed one.
final class PlanCapturingSink: EventSink, Sendable {
    private let next: any EventSink
    private let captured = Mutex<[HotswapPlanEvent.Rejection]?>(nil)

    init(forwardingTo next: any EventSink) { self.next = next }

    func emit(_ event: any FerryEvent) {
        if let plan = event as? HotswapPlanEvent { captured.withLock { $0 = plan.rejections } }
        next.emit(event)
    }

    /// The rejections of the last plan seen; nil when no plan was seen.
    var rejections: [HotswapPlanEvent.Rejection]? { captured.withLock { $0 } }
}
