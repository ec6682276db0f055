import ArgumentParser

/// The options `ferry logs` and `ferry metrics` share: which functions and since when.
struct FunctionWindowOptions: ParsableArguments, Sendable {
    @Argument(help: "Functions: logical IDs, nested paths (Api/Handler), function names or a prefix of one (default: all).")
    var functions: [String] = []

    @Option(name: .long, help: "Since when: a duration back from now (30s, 10m, 2h, 1d, 1w) or an ISO 8601 date (default: 10m for logs, 1h for metrics).")
    var since: String?
}
