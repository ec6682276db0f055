import ArgumentParser

/// Options every command takes: which environment, which config, which AWS, how to print.
package struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("env"), help: "The environment from ferry.toml ([env.NAME]) or samconfig.toml (--config-env).")
    package var environment: String?

    @Option(name: .long, help: "Path to ferry.toml or samconfig.toml (default: look in the current folder).")
    package var config: String?

    @Option(name: .long, help: "The AWS profile to use (overrides AWS_PROFILE and the environment's profile).")
    package var profile: String?

    @Option(name: .long, help: "The AWS region (overrides AWS_REGION, AWS_DEFAULT_REGION and the profile).")
    package var region: String?

    @Option(name: .long, help: "Send every AWS request to this URL (e.g. the local emulator).")
    package var endpointURL: String?

    @Flag(name: .long, help: "Print one JSON object per line on stdout, for machines.")
    package var json = false

    @Flag(name: .long, help: "Print more detail.")
    package var verbose = false

    @Flag(name: .long, help: "Trace every AWS request and response (secrets redacted).")
    package var debug = false

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set or stdout is not a terminal).")
    package var noColor = false

    package init() {}
}
