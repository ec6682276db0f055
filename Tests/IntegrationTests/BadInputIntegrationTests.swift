import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Integration {
    /// Bad input is one clear message and exit 64, through the real binary.
    @Suite struct BadInput {
        static func build(_ folder: TemporaryFolder, _ env: EmulatorEnvironment) async throws -> FerryRun {
            try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: env.variables)
        }

        @Test func codeUriLinkToAFolderOutsideTheProject() async throws {
            let (env, folder) = try await Truth.project()
            let outside = try TemporaryFolder("ferry-outside")
            try outside.write("app.py", "SECRET = 1\n")
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent("src/other"))
            try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("src/other"), withDestinationURL: outside.url)
            let run = try await Self.build(folder, env)
            #expect(run.exitCode == 64, "\(run.output)")
            #expect(run.stderr.contains("symbolic link") && run.stderr.contains("outside the project"), "\(run.output)")
            #expect(run.stderr.split(separator: "\n").count == 1, "one message: \(run.output)")
        }

        @Test func unknownIntrinsicInJSON() async throws {
            let (env, folder) = try await Truth.project()
            try folder.write("template.yaml", #"{"Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {"CodeUri": "src/fn", "Handler": "app.handler", "Runtime": "python3.12", "Role": {"Fn::Reff": "Role"}}}}}"#)
            let run = try await Self.build(folder, env)
            #expect(run.exitCode == 64, "\(run.output)")
            #expect(run.stderr.contains("unknown intrinsic function 'Fn::Reff'"), "\(run.output)")
        }

        @Test func fileNameThatIsNotUTF8() async throws {
            let (env, folder) = try await Truth.project()
            let path = Array(folder.url.appendingPathComponent("src/fn").path.utf8) + Array("/caf".utf8) + [0xE9, 0]
            let descriptor = path.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
            }
            try #require(descriptor >= 0)
            close(descriptor)
            let run = try await Self.build(folder, env)
            #expect(run.exitCode == 64, "\(run.output)")
            #expect(run.output.contains("not valid UTF-8") && run.output.contains("src/fn"), "\(run.output)")
            try folder.write("src/fn/.ferryignore", "caf*\n")
            let ignored = try await Self.build(folder, env)
            #expect(ignored.exitCode == 0, "\(ignored.output)")
        }

        @Test func ferryFolderThatCannotBeWritten() async throws {
            let (env, folder) = try await Truth.project()
            try folder.write(".ferry", "not a folder\n")
            let run = try await Self.build(folder, env)
            #expect(run.exitCode == 64, "\(run.output)")
            #expect(run.stderr.contains("Ferry cannot write to") && run.stderr.contains(".ferry (it is not a folder)"), "\(run.output)")
            #expect(run.stderr.split(separator: "\n").count == 1, "one sentence: \(run.output)")
        }
    }
}
