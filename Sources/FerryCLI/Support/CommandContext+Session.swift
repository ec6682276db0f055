import Foundation
import Pipeline

extension CommandContext {
    /// The AWS session options from the flags and the process environment; `--debug` traces
    /// every request to standard error (secrets redacted).
    var sessionOptions: AWSSessionOptions {
        AWSSessionOptions(profile: options.profile, region: options.region, endpointURL: options.endpointURL,
                          processEnvironment: environment, trace: options.debug ? Self.debugTrace : nil)
    }

    /// Writes one request trace to standard error.
    private static func debugTrace(_ line: String) {
        FileHandle.standardError.write(Data("[debug] \(line)\n".utf8))
    }
}
