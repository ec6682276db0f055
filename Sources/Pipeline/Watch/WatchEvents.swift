// What `ferry watch` reports: started, changes seen, each cycle's outcome, deploys needed, stopped.
import Foundation
import Reporting

/// Watching started.
package struct WatchStartedEvent: FerryEvent {
    /// The roots watched (folders with their subfolders, and single files).
    package let paths: Int
    /// What the watcher holds: folders (inotify) or files (polling).
    package let watched: Int
    /// `inotify` or `polling`.
    package let mechanism: String
    /// The quiet period, in milliseconds.
    package let debounceMilliseconds: Int
    /// The environment.
    package let environment: String

    package var kind: String { "watch.started" }
    package var level: EventLevel { .info }
    package var message: String {
        "watching \(paths) paths for \(environment) (\(watched) \(mechanism == "inotify" ? "folders" : "files"), "
            + "\(mechanism), debounce \(debounceMilliseconds) ms); press Ctrl-C to stop"
    }
}

/// inotify could not be used; polling instead.
package struct WatchFallbackEvent: FerryEvent {
    /// Why.
    package let reason: String

    package var kind: String { "watch.fallback" }
    package var level: EventLevel { .warning }
    package var message: String { reason }
}

/// Files changed and what they affect.
package struct WatchChangeEvent: FerryEvent {
    /// The changed paths, relative to the project folder where inside it.
    package let files: [String]
    /// The resources to build or hot-swap (`Root/Fn`).
    package let affected: [String]

    package var kind: String { "watch.change" }
    package var level: EventLevel { .info }
    package var message: String {
        let shown = files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
        return "change detected: \(shown)" + (affected.isEmpty ? "" : " → \(affected.joined(separator: ", "))")
    }
}

/// The change cannot be hot-swapped: `ferry up` is needed. Watching goes on.
package struct WatchDeployNeededEvent: FerryEvent {
    /// Template files that changed.
    package let templates: [String]
    /// Why, per resource (rejections of the hot-swap plan, layers, other files).
    package let reasons: [String]

    package var kind: String { "watch.deploy-needed" }
    package var level: EventLevel { .warning }
    package var message: String {
        templates.isEmpty ? "not hot-swappable: run ferry up" : "template changed: run ferry up"
    }
    package var details: [String] { templates.map { "changed: \($0)" } + reasons }
}

/// One cycle ended: change seen → build → swap → verified, or a failure.
package struct WatchCycleEvent: FerryEvent {
    /// True when every swap succeeded and was verified.
    package let succeeded: Bool
    /// The resources swapped and verified.
    package let swapped: [String]
    /// Resources already running the local build.
    package let unchanged: Int
    /// From the first change seen to the end of the cycle (swap verified), in milliseconds.
    package let latencyMilliseconds: Int
    /// What went wrong, when something did.
    package let failure: String?

    package var kind: String { "watch.cycle" }
    package var level: EventLevel { succeeded ? .success : .error }
    package var message: String {
        let seconds = String(format: "%.2f s", Double(latencyMilliseconds) / 1000)
        if let failure { return "cycle failed after \(seconds): \(failure.split(separator: "\n").first ?? "")" }
        if swapped.isEmpty { return "nothing to swap: what runs is the local build (\(seconds))" }
        return "swapped \(swapped.joined(separator: ", ")) in \(seconds) (change seen → swap verified)"
    }
    package var details: [String] {
        guard let failure else { return [] }
        return failure.split(separator: "\n").dropFirst().map(String.init) + ["still watching"]
    }
}

/// Watching stopped.
package struct WatchStoppedEvent: FerryEvent {
    /// Cycles run.
    package let cycles: Int

    package var kind: String { "watch.stopped" }
    package var level: EventLevel { .info }
    package var message: String { "stopped watching after \(cycles) cycle(s)" }
}
