import ArgumentParser

/// Options `ferry plan` and `ferry up` share: parameters, the hot-swap switch and concurrency.
struct PlanningOptions: ParsableArguments {
    @Option(name: .customLong("parameter"), help: ArgumentHelp("Override a stack parameter (repeatable).", valueName: "KEY=VALUE"))
    var parameters: [String] = []

    @Flag(name: .customLong("no-hotswap"), help: "Deploy code changes through CloudFormation too, never hot-swap.")
    var noHotswap = false

    @Option(help: "The most hot-swaps and live reads at once (default 10).")
    var concurrency: Int = 10

    func validate() throws {
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1.") }
    }
}
