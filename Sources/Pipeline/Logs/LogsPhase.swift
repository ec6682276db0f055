import AWSServices
import Foundation
import Reporting

/// `ferry logs`: the log events of the stack's functions, merged in time order, optionally followed.
package struct LogsPhase: Sendable {
    /// What to show (the project comes with `run`).
    package struct Options: Sendable {
        /// Logical IDs, function names or prefixes; empty means every function.
        package var functions: [String]
        /// `--since` (`10m`, `2h`, `1d`, an ISO 8601 date).
        package var since: String
        /// `--filter`: a CloudWatch Logs filter pattern, passed through.
        package var filterPattern: String?
        /// `--follow`: keep polling until the task is cancelled.
        package var follow: Bool
        /// The pause between two polls of `--follow`.
        package var pollInterval: Duration

        /// Options.
        package init(functions: [String] = [], since: String = "10m", filterPattern: String? = nil, follow: Bool = false,
                    pollInterval: Duration = .seconds(2)) {
            self.functions = functions
            self.since = since
            self.filterPattern = filterPattern
            self.follow = follow
            self.pollInterval = pollInterval
        }
    }

    /// The options.
    package let options: Options

    /// A phase.
    package init(options: Options) { self.options = options }

    /// Resolves `request` and emits one `LogLineEvent` per event in time order, a
    /// `LogGroupMissingEvent` per function without a log group; with `follow`, keeps emitting new
    /// events until the task is cancelled (cancellation ends the run normally).
    package func run(_ request: ProjectRequest, sink: any EventSink, now: Date = Date()) async throws {
        let start = try TimeWindowStart.parse(options.since, now: now)
        let project = try ResolvedProject.resolve(request)
        let functions = try await project.stackFunctions(named: options.functions)
        let reader = LogGroupReader(logs: CloudWatchLogs(client: project.session.client), filterPattern: options.filterPattern)
        var cursors = functions.map { _ in LogFollowCursor(startTime: Int64(start.timeIntervalSince1970 * 1000)) }
        var reportedMissing = Set<Int>()
        try await poll(functions, reader: reader, cursors: &cursors, reportedMissing: &reportedMissing, sink: sink)
        guard options.follow else { return }
        sink.emit(LogsFollowingEvent(functions: functions.map(\.displayName)))
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: options.pollInterval)
                try await poll(functions, reader: reader, cursors: &cursors, reportedMissing: &reportedMissing, sink: sink)
            } catch is CancellationError {
                return
            } catch where Task.isCancelled {
                return
            }
        }
    }

    /// One round over every log group: new events emitted in time order, cursors moved.
    private func poll(_ functions: [StackFunction], reader: LogGroupReader, cursors: inout [LogFollowCursor],
                      reportedMissing: inout Set<Int>, sink: any EventSink) async throws {
        let starts = cursors.map(\.startTime)
        let pages = try await withThrowingTaskGroup(of: (Int, [FilteredLogEvent]?).self) { group in
            for (index, function) in functions.enumerated() {
                group.addTask { (index, try await reader.events(in: function.logGroupName, from: starts[index])) }
            }
            var pages: [[FilteredLogEvent]?] = Array(repeating: [], count: functions.count)
            for try await (index, events) in group { pages[index] = events }
            return pages
        }
        var tagged: [[TaggedLogEvent]] = []
        for (index, function) in functions.enumerated() {
            guard let events = pages[index] else {
                if reportedMissing.insert(index).inserted {
                    sink.emit(LogGroupMissingEvent(function: function.displayName, logGroupName: function.logGroupName))
                }
                tagged.append([])
                continue
            }
            tagged.append(cursors[index].accept(events).map { TaggedLogEvent($0, function: function) })
        }
        for line in LogEventMerge.merge(tagged) { sink.emit(LogLineEvent(line: line)) }
    }
}

/// Reads one log group with FilterLogEvents; a missing group reads as nil.
struct LogGroupReader: Sendable {
    let logs: CloudWatchLogs
    let filterPattern: String?

    /// Every event from `startTime` (inclusive) in time order, or nil when the group does not exist.
    func events(in logGroupName: String, from startTime: Int64) async throws -> [FilteredLogEvent]? {
        do {
            return try await logs.filterLogEvents(
                LogEventFilter(logGroupName: logGroupName, startTime: startTime, filterPattern: filterPattern))
        } catch where CloudWatchLogs.isResourceNotFound(error) {
            return nil
        }
    }
}
