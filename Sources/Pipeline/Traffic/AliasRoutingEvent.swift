import AWSServices
import Foundation
import Hotswap
import Reporting

/// What `ferry verify` says about an alias that routes part of its traffic to another version: a
/// traffic shift is in progress (or was stopped half-way), so two versions serve requests.
package struct AliasRoutingEvent: FerryEvent {
    /// The alias as read.
    package let alias: AliasState

    /// An event.
    package init(alias: AliasState) { self.alias = alias }

    package var kind: String { "verify.aliasRouting" }
    package var level: EventLevel { .warning }

    package var message: String {
        let weights = alias.routing.keys.sorted().map { version in
            "\(Int(((alias.routing[version] ?? 0) * 100).rounded()))% to version \(version)"
        }.joined(separator: ", ")
        return "\(alias.resource):\(alias.alias) is shifting traffic: version \(alias.version) with \(weights)"
    }

    package var details: [String] {
        ["a traffic shift is in progress (or was stopped half-way): both versions serve requests; the code check above is of $LATEST",
         "let the running `ferry up`/`ferry deploy` finish it, or run `ferry up` again to shift anew"]
    }

    /// Reads the aliases of the selected stacks (`--stack`) and emits one event per alias with weighted routing;
    /// a failure to read is only a debug note (verification does not depend on it).
    static func emitShiftsInProgress(resolver: PhysicalResolver, lambda: Lambda, selected: SelectedStacks = .everything,
                                     sink: any EventSink) async {
        let roots = selected.isEverything ? [StackFunctionResolver.rootStackPath] : selected.stackPaths
        do {
            for alias in try await AliasReader(resolver: resolver, lambda: lambda).aliases(under: roots)
            where alias.routing.values.contains(where: { $0 > 0 }) {
                sink.emit(AliasRoutingEvent(alias: alias))
            }
        } catch {
            sink.emit(TrafficShiftEvent(.note, strategy: "", reason: "could not read the aliases' routing: "
                + FailurePresenter.present(error).message))
        }
    }
}
