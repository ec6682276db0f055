import AWSServices
import Configuration
import Foundation
import Hotswap
import Reporting

/// `ferry verify --invoke`: invokes each function of the local build (or those named) once,
/// synchronously, with its event from `[env.<name>.invoke]` (`{}` when it has none), and reports
/// the functions that fail.
struct InvokeCheck: Sendable {
    /// The project folder (event files are relative to it).
    let projectRoot: URL
    /// The functions to invoke from: every function target of the local build.
    let targets: [HotswapTarget]
    /// Event file per logical ID or `Stack/Path/LogicalID`.
    let events: [KeyValue]
    /// Physical names.
    let resolver: PhysicalResolver
    /// The Lambda client.
    let lambda: Lambda

    static let functionTypes: Set<String> = ["AWS::Lambda::Function", "AWS::Serverless::Function"]

    /// Invokes the functions `names` (every function when empty); returns the failures, one line each.
    /// - Throws: `PipelineFailure(.badInput)` for a name or an event key that is no function of
    ///   the build, or an event file that is missing or not JSON.
    func run(names: [String], sink: any EventSink) async throws -> [String] {
        var seen = Set<String>()
        let functions = targets.filter { Self.functionTypes.contains($0.resourceType) && seen.insert($0.qualifiedName).inserted }
        func matches(_ name: String, _ target: HotswapTarget) -> Bool {
            name == target.logicalID.rawValue || name == target.qualifiedName
        }
        for name in names + events.map(\.key) where !functions.contains(where: { matches(name, $0) }) {
            throw PipelineFailure(.badInput, "\(name) is not a function of the local build (in ferry.toml [env.<name>.invoke] or "
                + "after --invoke); give its logical ID or Stack/Path/LogicalID, and run `ferry build` first.")
        }
        let chosen = names.isEmpty ? functions : functions.filter { target in names.contains { matches($0, target) } }
        var failures: [String] = []
        for target in chosen {
            let event = events.last { matches($0.key, target) }
            let payload = try payload(event?.value)
            let outcome: InvocationEvent
            do {
                let functionName = try await resolver.physicalID(of: target)
                let result = try await lambda.invoke(functionName, payload: payload)
                let answer = String(decoding: result.payload.prefix(500), as: UTF8.self)
                if let error = result.functionError {
                    outcome = InvocationEvent(resource: target.qualifiedName, event: event?.value, failure: "\(error): \(answer)")
                } else if !(200..<300).contains(result.statusCode) {
                    outcome = InvocationEvent(resource: target.qualifiedName, event: event?.value, failure: "status \(result.statusCode): \(answer)")
                } else {
                    outcome = InvocationEvent(resource: target.qualifiedName, event: event?.value, failure: nil)
                }
            } catch {
                outcome = InvocationEvent(resource: target.qualifiedName, event: event?.value,
                                          failure: FailurePresenter.present(error).message)
            }
            sink.emit(outcome)
            if let failure = outcome.failure { failures.append("\(target.qualifiedName): \(failure)") }
        }
        return failures
    }

    /// The event file's bytes (`{}` without one).
    func payload(_ path: String?) throws -> Data {
        guard let path else { return Data("{}".utf8) }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : projectRoot.appendingPathComponent(path)
        guard let data = try? Data(contentsOf: url) else {
            throw PipelineFailure(.badInput, "the event file \(url.path) (ferry.toml [env.<name>.invoke]) cannot be read; check the path.")
        }
        guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else {
            throw PipelineFailure(.badInput, "the event file \(url.path) is not JSON; an event is a JSON document such as {\"id\": 1}.")
        }
        return data
    }
}

/// One function invoked by `ferry verify --invoke`.
package struct InvocationEvent: FerryEvent {
    package let resource: String
    /// The event file, nil for `{}`.
    package let event: String?
    /// Why it failed (the function error and its payload), nil when it succeeded.
    package let failure: String?

    package var kind: String { "verify.invoke" }
    package var level: EventLevel { failure == nil ? .success : .error }
    package var message: String {
        if let failure { return "\(resource): invocation FAILED: \(failure)" }
        return "\(resource): invoked with \(event ?? "{}"), no error"
    }
}
