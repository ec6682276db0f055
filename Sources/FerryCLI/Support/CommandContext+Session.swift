import Foundation
import Pipeline
import Reporting

extension CommandContext {
    /// The AWS session options from the flags and the process environment; `--debug` traces
    /// every request to standard error (secrets redacted).
    var sessionOptions: AWSSessionOptions {
        AWSSessionOptions(profile: options.profile, region: options.region, endpointURL: options.endpointURL,
                          processEnvironment: environment, trace: options.debug ? Self.debugTrace : nil)
    }

    /// The project this command works on: the working directory, `--config`, `--env`, the AWS
    /// settings and `parameterOverrides` (`--parameter`). A phase's `run` resolves it once.
    func projectRequest(parameterOverrides: [String] = []) -> ProjectRequest {
        ProjectRequest(projectRoot: workingDirectory, configPath: configURL, environmentName: options.environment,
                       session: sessionOptions, parameterOverrides: parameterOverrides)
    }

    /// Writes one request trace to standard error, NoEcho parameter values masked (the trace
    /// already hides credentials and signatures).
    private static func debugTrace(_ line: String) {
        FileHandle.standardError.write(Data("[debug] \(SecretValues.shared.redact(line))\n".utf8))
    }
}
