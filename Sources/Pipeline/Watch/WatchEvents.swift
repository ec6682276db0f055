// What `ferry watch` reports: started, changes seen, each cycle's outcome, deploys needed, stopped.
import Foundation
import Reporting

/// Watching started.
public struct WatchStartedEvent: FerryEvent {
    /// The roots watched (folders with their subfolders, and single files).
    public let paths: Int
    /// What the watcher holds: folders (inotify) or files (polling).
    public let watched: Int
    /// `inotify` or `polling`.
    public let mechanism: String
    /// The quiet period, in milliseconds.
    public let debounceMilliseconds: Int
    /// The environment.
    public let environment: String

    public var kind: String { "watch.started" }
    public var level: EventLevel { .info }
    public var message: String {
        "watching \(paths) paths for \(environment) (\(watched) \(mechanism == "inotify" ? "folders" : "files"), "
            + "\(mechanism), debounce \(debounceMilliseconds) ms); press Ctrl-C to stop"
    }
}

/// inotify could not be used; polling instead.
public struct WatchFallbackEvent: FerryEvent {
    /// Why.
    public let reason: String

    public var kind: String { "watch.fallback" }
    public var level: EventLevel { .warning }
    public var message: String { reason }
}

/// Files changed and what they affect.
public struct WatchChangeEvent: FerryEvent {
    /// The changed paths, relative to the project folder where inside it.
    public let files: [String]
    /// The resources to build or hot-swap (`Root/Fn`).
    public let affected: [String]

    public var kind: String { "watch.change" }
    public var level: EventLevel { .info }
    public var message: String {
        let shown = files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
        return "change detected: \(shown)" + (affected.isEmpty ? "" : " → \(affected.joined(separator: ", "))")
    }
}

/// The change cannot be hot-swapped: `ferry up` is needed. Watching goes on.
public struct WatchDeployNeededEvent: FerryEvent {
    /// Template files that changed.
    public let templates: [String]
    /// Why, per resource (rejections of the hot-swap plan, layers, other files).
    public let reasons: [String]

    public var kind: String { "watch.deploy-needed" }
    public var level: EventLevel { .warning }
    public var message: String {
        templates.isEmpty ? "not hot-swappable: run ferry up" : "template changed: run ferry up"
    }
    public var details: [String] { templates.map { "changed: \($0)" } + reasons }
}

/// One cycle ended: change seen → build → swap → verified, or a failure.
public struct WatchCycleEvent: FerryEvent {
    /// True when every swap succeeded and was verified.
    public let succeeded: Bool
    /// The resources swapped and verified.
    public let swapped: [String]
    /// Resources already running the local build.
    public let unchanged: Int
    /// From the first change seen to the end of the cycle (swap verified), in milliseconds.
    public let latencyMilliseconds: Int
    /// What went wrong, when something did.
    public let failure: String?

    public var kind: String { "watch.cycle" }
    public var level: EventLevel { succeeded ? .success : .error }
    public var message: String {
        let seconds = String(format: "%.2f s", Double(latencyMilliseconds) / 1000)
        if let failure { return "cycle failed after \(seconds): \(failure.split(separator: "\n").first ?? "")" }
        if swapped.isEmpty { return "nothing to swap: what runs is the local build (\(seconds))" }
        return "swapped \(swapped.joined(separator: ", ")) in \(seconds) (change seen → swap verified)"
    }
    public var details: [String] {
        guard let failure else { return [] }
        return failure.split(separator: "\n").dropFirst().map(String.init) + ["still watching"]
    }
}

/// Watching stopped.
public struct WatchStoppedEvent: FerryEvent {
    /// Cycles run.
    public let cycles: Int

    public var kind: String { "watch.stopped" }
    public var level: EventLevel { .info }
    public var message: String { "stopped watching after \(cycles) cycle(s)" }
}
