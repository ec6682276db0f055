import AWSServices
import Foundation
import Pipeline
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension Integration {
    /// A real `ferry package` interrupted in the middle of a multipart upload: Ctrl-C aborts it
    /// and exits 130; after `kill -9` the next `ferry package` aborts what was left.
    @Suite struct InterruptedUpload {
        /// The Truth app plus a 48 MiB prebuilt zip (multipart: 6 parts), built, with the bucket created.
        static func project() async throws -> (EmulatorEnvironment, TemporaryFolder) {
            let (env, folder) = try await UploadsCleanup.packaged()
            let template = try String(contentsOf: folder.url.appendingPathComponent("template.yaml"), encoding: .utf8)
            try folder.write("template.yaml", template + """
                  Big:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: dist/big.zip
                      Handler: app.handler
                      Runtime: python3.12
                      Role: !GetAtt Role.Arn

                """)
            let script = """
            import os, sys, zipfile
            info = zipfile.ZipInfo('blob.bin', date_time=(1980, 1, 1, 0, 0, 0))
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:
                z.writestr(info, os.urandom(48 * 1024 * 1024))
            """
            try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("dist"), withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: RepositoryPaths.python)
            process.arguments = RepositoryPaths.pythonPrefix + ["-c", script, folder.url.appendingPathComponent("dist/big.zip").path]
            try process.run()
            process.waitUntilExit()
            let build = try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(build.exitCode == 0, "\(build.output)")
            return (env, folder)
        }

        /// Starts `ferry package`, sends `signal` once an upload is recorded under `.ferry/uploads/`,
        /// and returns the exit status and whether the signal was sent during the upload.
        static func package(_ folder: TemporaryFolder, _ env: EmulatorEnvironment, signal: Int32) async throws -> (Int32, Bool) {
            let (process, out, err) = try FerryRun.start(["package", "--env", "dev"], in: folder.url, environment: env.variables)
            let uploads = folder.url.appendingPathComponent(".ferry/uploads")
            var sent = false
            while process.isRunning {
                let records = (try? FileManager.default.contentsOfDirectory(atPath: uploads.path)) ?? []
                if records.contains(where: { $0.hasSuffix(".json") }) {
                    kill(process.processIdentifier, signal)
                    sent = true
                    break
                }
                try await Task.sleep(for: .milliseconds(2))
            }
            let output = Task.detached { (out.fileHandleForReading.readDataToEndOfFile(), err.fileHandleForReading.readDataToEndOfFile()) }
            process.waitUntilExit()
            _ = await output.value
            return (process.terminationStatus, sent)
        }

        @Test func ctrlCAbortsTheUploadAndExits130() async throws {
            let (env, folder) = try await Self.project()
            let s3 = try UploadsCleanup.s3(env)
            let (status, sent) = try await Self.package(folder, env, signal: SIGINT)
            try #require(sent, "the upload finished before it could be interrupted")
            #expect(status == 130)
            #expect(try await s3.listMultipartUploads(bucket: Truth.bucket).isEmpty, "Ctrl-C left an upload behind")
        }

        @Test func afterKill9TheNextPackageAbortsWhatWasLeft() async throws {
            let (env, folder) = try await Self.project()
            let s3 = try UploadsCleanup.s3(env)
            let (_, sent) = try await Self.package(folder, env, signal: SIGKILL)
            try #require(sent, "the upload finished before it could be killed")
            #expect(try await s3.listMultipartUploads(bucket: Truth.bucket).count == 1, "kill -9 leaves the upload")
            let again = try await FerryRun.run(["package", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(again.exitCode == 0, "\(again.output)")
            #expect(again.stdout.contains("aborted 1 incomplete multipart upload(s)"), "\(again.output)")
            #expect(try await s3.listMultipartUploads(bucket: Truth.bucket).isEmpty)
            let records = (try? FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent(".ferry/uploads").path)) ?? []
            #expect(records.isEmpty, "\(records)")
        }
    }
}
