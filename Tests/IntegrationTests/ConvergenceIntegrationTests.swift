import Foundation
import Testing

extension Tag {
    /// Tests that take minutes (a cold build of the example app and several deploys).
    @Tag static var slow: Self
}

extension Integration {
    /// The example app under 20 % random faults (throttling, 500s, connection resets) between
    /// Ferry and the emulator: `ferry up` from nothing and after edits converges — a run may give
    /// up after its retries, running it again finishes the job — with every function fresh, and
    /// no request ever carries a body other than the signed one.
    @Suite(.tags(.slow)) struct Convergence {
        /// Runs `ferry up` until it succeeds (at most `limit` runs); returns the runs.
        static func converge(_ app: URL, _ variables: [String: String], limit: Int = 6) async throws -> [FerryRun] {
            var runs: [FerryRun] = []
            while runs.count < limit {
                let run = try await FerryRun.run(["up", "--env", "dev", "--yes"], in: app, environment: variables)
                runs.append(run)
                if run.exitCode == 0 { break }
            }
            return runs
        }

        /// Appends `text` to the file at `relativePath` under `folder`.
        static func append(_ folder: URL, _ relativePath: String, _ text: String) throws {
            let handle = try FileHandle(forWritingTo: folder.appendingPathComponent(relativePath))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        }

        @Test func upFromNothingAndAfterEditsConvergesUnder20PercentFaults() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let proxy = try FaultProxy(upstream: env.endpoint)
            let folder = try TemporaryFolder("ferry-converge")
            let app = folder.url.appendingPathComponent("fiscalshield-idp")
            try FileManager.default.copyItem(at: RepositoryPaths.exampleApp, to: app)
            try? FileManager.default.removeItem(at: app.appendingPathComponent(".ferry"))
            let variables = env.through(proxy).variables
            try await proxy.randomFaults(rate: 0.2, seed: 20_261_206)

            let first = try await Self.converge(app, variables)
            #expect(first.last?.exitCode == 0, "did not converge: \(first.map(\.output).joined(separator: "\n\n"))")

            // Edits: one function, then the shared library (its dependents).
            try Self.append(app, "src/queue_sender/index.py", "# edited under faults\n")
            let second = try await Self.converge(app, variables)
            #expect(second.last?.exitCode == 0, "\(second.map(\.output).joined(separator: "\n\n"))")
            try Self.append(app, "lib/idp_common_pkg/idp_common/__init__.py", "# edited under faults\n")
            let third = try await Self.converge(app, variables)
            #expect(third.last?.exitCode == 0, "\(third.map(\.output).joined(separator: "\n\n"))")

            let faults = try await proxy.requests().filter { $0.fault != nil }
            #expect(faults.count > 20, "the proxy injected faults: \(faults.count)")
            let bad = try await proxy.unsignedBodies()
            #expect(bad.isEmpty, "requests whose body was not the signed one: \(bad.prefix(5))")

            // Straight to the emulator: every function, definition and resolver runs the local build.
            let verify = try await FerryRun.run(["verify", "--env", "dev"], in: app, environment: env.variables)
            #expect(verify.exitCode == 0, "\(verify.output)")
        }
    }
}

