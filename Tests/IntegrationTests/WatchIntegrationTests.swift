import AWSServices
import Foundation
import Pipeline
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension Integration {
    /// `ferry watch` against a deployed app of two Python functions sharing a local package.
    @Suite struct Watch {
        static let stackName = "ferry-watch-dev"

        static let template = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              FnA:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/a, Handler: app.handler, Runtime: python3.12}
              FnB:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/b, Handler: app.handler, Runtime: python3.12}

            """

        /// The project: two functions whose requirements.txt install `lib/shared`; deployed.
        static func deployedProject(_ env: EmulatorEnvironment) async throws -> TemporaryFolder {
            let folder = try TemporaryFolder("ferry-watch")
            try folder.write("ferry.toml", """
                template = "template.yaml"

                [artifacts]
                bucket = "ferry-watch-artifacts"
                prefix = "app/{env}"

                [env.dev]
                stack_name = "\(stackName)"
                region = "eu-central-1"
                capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]
                hotswap = true

                [env.prod]
                stack_name = "ferry-watch-prod"
                region = "eu-central-1"
                hotswap = false
                """)
            try folder.write("template.yaml", template)
            for id in ["a", "b"] {
                try folder.write("src/\(id)/app.py", "from shared import greet\n\ndef handler(event, context):\n    return greet('\(id)1')\n")
                try folder.write("src/\(id)/requirements.txt", "./lib/shared\n")
            }
            try folder.write("lib/shared/pyproject.toml", """
                [build-system]
                requires = ["setuptools>=61"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "shared"
                version = "1.0.0"
                """)
            try folder.write("lib/shared/shared/__init__.py", "def greet(name):\n    return 'hello ' + name\n")
            for step in [["build"], ["package", "--create-bucket"], ["deploy", "--yes"]] {
                let run = try await FerryRun.run(step + ["--env", "dev"], in: folder.url, environment: env.variables)
                #expect(run.exitCode == 0, "ferry \(step[0]): \(run.output)")
                guard run.exitCode == 0 else { throw EmulatorError("ferry \(step[0]) failed") }
            }
            return folder
        }

        /// CodeSha256 per logical ID of the deployed functions.
        static func liveHashes(_ env: EmulatorEnvironment) async throws -> [String: String] {
            let session = try AWSSession.make(AWSSessionOptions(processEnvironment: env.variables))
            let resources = try await CloudFormation(client: session.client).listStackResources(stackName)
            var hashes: [String: String] = [:]
            for resource in resources where resource.resourceType == "AWS::Lambda::Function" {
                let name = try #require(resource.physicalResourceId)
                hashes[resource.logicalResourceId] = try await Lambda(client: session.client).getFunctionConfiguration(name).codeSha256
            }
            return hashes
        }

        @Test func swapsOnlyTheEditedFunctionThenAsksForUpOnATemplateChangeThenStopsOnCtrlC() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try await Self.deployedProject(env)
            let before = try await Self.liveHashes(env)
            #expect(before.keys.sorted() == ["FnA", "FnB"])

            let watch = try LiveOutput(["watch", "--env", "dev", "--json", "--debounce", "200"], in: folder.url,
                                       environment: env.variables)
            defer { watch.terminate() }
            let started = try await watch.waitForEvent("watch.started")
            #expect((started["message"] as? String)?.contains("watching") == true)

            try folder.write("src/a/app.py", "from shared import greet\n\ndef handler(event, context):\n    return greet('a2')\n")
            let cycle = try await watch.waitForEvent("watch.cycle")
            let data = try #require(cycle["data"] as? [String: Any])
            #expect(data["succeeded"] as? Bool == true, "\(watch.output)")
            #expect(data["swapped"] as? [String] == ["Root/FnA"])
            #expect(data["latencyMilliseconds"] is Int)
            let after = try await Self.liveHashes(env)
            #expect(after["FnA"] != before["FnA"])
            #expect(after["FnB"] == before["FnB"])

            try folder.write("template.yaml", Self.template + "Outputs:\n  Name:\n    Value: !Ref FnA\n")
            let notice = try await watch.waitForEvent("watch.deploy-needed")
            #expect(notice["message"] as? String == "template changed: run ferry up")

            let status = try await watch.interrupt()
            #expect(status == 130, "\(watch.output)")
            #expect(watch.events.contains { $0["event"] as? String == "watch.stopped" })
            // The template change swapped nothing.
            #expect(try await Self.liveHashes(env) == after)
        }

        @Test func refusesWhereHotswapIsOff() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-watch")
            try folder.write("ferry.toml", """
                [env.prod]
                stack_name = "ferry-watch-prod"
                region = "eu-central-1"
                hotswap = false
                """)
            try folder.write("template.yaml", Self.template)
            let run = try await FerryRun.run(["watch", "--env", "prod"], in: folder.url, environment: env.variables)
            #expect(run.exitCode == 1, "\(run.output)")
            #expect(run.stderr.contains("hotswap = false"))
        }
    }
}

/// A running `ferry` whose JSON lines are read as they come.
private final class LiveOutput: Sendable {
    private let process: Process
    private let state = State()

    /// What the readers collect.
    private final class State: Sendable {
        let lines = Mutex<[String]>([])
        let stderr = Mutex(Data())
        let consumed = Mutex<[String: Int]>([:])
    }

    init(_ arguments: [String], in directory: URL, environment: [String: String]) throws {
        let (process, out, err) = try FerryRun.start(arguments, in: directory, environment: environment)
        self.process = process
        DispatchQueue.global().async { [state] in
            var pending = Data()
            while true {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending = Data(pending[(newline + 1)...])
                    state.lines.withLock { $0.append(line) }
                }
            }
        }
        DispatchQueue.global().async { [state] in
            let data = err.fileHandleForReading.readDataToEndOfFile()
            state.stderr.withLock { $0 = data }
        }
    }

    /// Every JSON object printed so far.
    var events: [[String: Any]] {
        state.lines.withLock { $0 }.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// Everything printed so far, for messages.
    var output: String {
        state.lines.withLock { $0.joined(separator: "\n") } + "\n--- stderr\n"
            + String(decoding: state.stderr.withLock { $0 }, as: UTF8.self)
    }

    /// Waits (up to 3 minutes, against hangs) for the next event of `kind` not seen before.
    func waitForEvent(_ kind: String) async throws -> [String: Any] {
        for _ in 0..<1800 {
            let matching = events.filter { $0["event"] as? String == kind }
            if let last = matching.last, consume(kind, count: matching.count) { return last }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw EmulatorError("no \(kind) event:\n\(output)")
    }

    /// Records that `count` events of `kind` were seen; true when that is more than before.
    private func consume(_ kind: String, count: Int) -> Bool {
        state.consumed.withLock { seen in
            guard count > seen[kind, default: 0] else { return false }
            seen[kind] = count
            return true
        }
    }

    /// Sends SIGINT and waits for the exit status.
    func interrupt() async throws -> Int32 {
        kill(process.processIdentifier, SIGINT)
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { [process] in
                process.waitUntilExit()
                continuation.resume()
            }
        }
        try await Task.sleep(for: .milliseconds(200))
        return process.terminationStatus
    }

    /// Stops the process if it still runs.
    func terminate() {
        if process.isRunning { process.terminate() }
    }
}
