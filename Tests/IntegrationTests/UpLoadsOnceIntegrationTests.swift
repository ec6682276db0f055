import Foundation
@testable import Pipeline
import Reporting
import Testing

extension Integration {
    /// One resolved project per command: a no-op `ferry up` of the example app loads the
    /// configuration once, the template tree once, the build manifest once (the build's own,
    /// handed on: never read back) and plans the packaging once (the plan it uploads is the plan
    /// it computed). The loads are counted by the project every phase shares. Live state is read
    /// once too: each function at most once (its 16 functions by one ListFunctions page), each stack
    /// listed once, for the plan and the verify together.
    @Suite(.tags(.slow)) struct UpLoadsOnce {
        @Test func noOpUpOfTheExampleAppLoadsEachThingOnce() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-up-loads")
            let app = folder.url.appendingPathComponent("fiscalshield-idp")
            try FileManager.default.copyItem(at: RepositoryPaths.exampleApp, to: app)
            try? FileManager.default.removeItem(at: app.appendingPathComponent(".ferry"))
            let first = try await FerryRun.run(["up", "--env", "dev", "--yes"], in: app, environment: env.variables)
            #expect(first.exitCode == 0, "\(first.output)")

            for skipBuild in [false, true] {
                let options = UpPhase.Options(processEnvironment: env.variables, skipBuild: skipBuild)
                let loads = ProjectLoads()
                let request = ProjectRequest(projectRoot: app, environmentName: "dev",
                                             session: AWSSessionOptions(processEnvironment: env.variables), loads: loads)
                try await env.clearJournal()
                let output = try await UpPhase(options: options).run(request, sink: DiscardingSink())
                #expect(output.path == .nothing)
                #expect(output.verification?.isVerified == true)
                #expect(loads.counts == ProjectLoads.Counts(configurations: 1, templateTrees: 1, manifestReads: skipBuild ? 1 : 0,
                                                            packagePlans: 1),
                        "skipBuild \(skipBuild): \(loads.counts)")
                let journal = try await env.journal()
                let reads = journal.filter { $0.operation == "GetFunctionConfiguration" }
                #expect(Set(reads.map(\.path)).count == reads.count, "a function read twice: \(reads)")
                #expect(journal.filter { $0.operation == "ListFunctions" }.count == 1, "\(journal)")
                #expect(journal.filter { $0.operation == "ListStackResources" }.count <= 3, "\(journal)")  // 3 stacks
            }
        }
    }
}

/// Drops every event (the test asserts on the output and the counts).
private struct DiscardingSink: EventSink {
    func emit(_ event: any FerryEvent) {}
}
