import AWSServices
import Foundation
import Templates
import Testing

extension Integration {
    /// `ferry package` against the emulator, driving the real binary.
    @Suite struct Packaging {
        /// A project with a prebuilt zip function, files uploaded as they are, a zipped folder and
        /// two levels of nested stacks.
        private func smallProject() throws -> TemporaryFolder {
            let folder = try TemporaryFolder("ferry-package")
            try folder.write("ferry.toml", """
                template = "template.yaml"
                [artifacts]
                bucket = "pkg-{account}-{region}"
                prefix = "app/{env}"
                [env.dev]
                stack_name = "pkg-dev"
                region = "eu-central-1"
                """)
            try folder.write("template.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: dist/fn.zip
                  Flow:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: flow.asl.json
                  Child:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: child/template.yaml
                """)
            try folder.write("dist/fn.zip", "PK\u{3}\u{4} pretend zip")
            try folder.write("flow.asl.json", #"{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}"#)
            try folder.write("child/template.yaml", """
                Resources:
                  Grand:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: grand/template.yaml
                  Bundle:
                    Type: AWS::ElasticBeanstalk::ApplicationVersion
                    Properties:
                      ApplicationName: app
                      SourceBundle: site
                """)
            try folder.write("child/site/index.html", "<html></html>\n")
            try folder.write("child/grand/template.yaml", """
                Resources:
                  Job:
                    Type: AWS::Glue::Job
                    Properties:
                      Role: r
                      Command:
                        Name: glueetl
                        ScriptLocation: job.py
                """)
            try folder.write("child/grand/job.py", "print('job')\n")
            return folder
        }

        private func summary(_ run: FerryRun) -> [String: Any]? {
            run.jsonLines.first { $0["event"] as? String == "package.summary" }?["data"] as? [String: Any]
        }

        /// HEADs every S3 location of every packaged template under `.ferry/package/stacks`.
        private func expectEveryLocationExists(in project: URL, endpoint: URL) async throws -> Int {
            let s3 = S3Locations.client(endpoint)
            let stacks = project.appendingPathComponent(".ferry/package/stacks")
            let files = FileManager.default.enumerator(at: stacks, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "template" } ?? []
            #expect(!files.isEmpty)
            var count = 0
            for file in files {
                let template = try TemplateLoader.load(contentsOf: file)
                for location in S3Locations.all(in: template.value) {
                    let head = try await s3.headObject(bucket: location.bucket, key: location.key)
                    #expect(head != nil, "missing s3://\(location.bucket)/\(location.key) named by \(file.lastPathComponent)")
                    count += 1
                }
            }
            return count
        }

        @Test func packagesNestedStacksAndASecondRunUploadsNothing() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let project = try smallProject()
            let first = try await FerryRun.run(["package", "--create-bucket", "--json"], in: project.url,
                                               environment: env.variables)
            #expect(first.exitCode == 0, "\(first.output)")
            let created = first.jsonLines.contains { $0["event"] as? String == "bucket.created" }
            #expect(created, "\(first.output)")
            let firstSummary = try #require(summary(first), "\(first.output)")
            // fn.zip, flow.asl.json, the zipped site folder, job.py and three templates.
            #expect(firstSummary["uploaded"] as? Int == 7, "\(first.output)")
            #expect(firstSummary["alreadyPresent"] as? Int == 0)

            let packaged = project.url.appendingPathComponent(".ferry/package/packaged.yaml")
            let text = try String(contentsOf: packaged, encoding: .utf8)
            #expect(text.contains("http://localhost:"), "nested TemplateURL on the emulator: \(text)")
            #expect(text.contains("s3://pkg-123456789012-eu-central-1/app/dev/"))
            let checked = try await expectEveryLocationExists(in: project.url, endpoint: env.endpoint)
            #expect(checked == 6)  // root: CodeUri, DefinitionUri, TemplateURL; child: 2; grandchild: 1

            // The root template itself is uploaded too (deploy may need its URL).
            let info = try JSONSerialization.jsonObject(
                with: Data(contentsOf: project.url.appendingPathComponent(".ferry/package/package.json"))) as? [String: Any]
            let rootKey = try #require(info?["templateKey"] as? String)
            #expect(try await S3Locations.client(env.endpoint).headObject(
                bucket: "pkg-123456789012-eu-central-1", key: rootKey) != nil)

            let second = try await FerryRun.run(["package", "--json"], in: project.url, environment: env.variables)
            #expect(second.exitCode == 0, "\(second.output)")
            let secondSummary = try #require(summary(second))
            #expect(secondSummary["uploaded"] as? Int == 0, "\(second.output)")
            #expect(secondSummary["alreadyPresent"] as? Int == 7)
            #expect(!second.jsonLines.contains { $0["event"] as? String == "package.uploaded" })
            #expect(try String(contentsOf: packaged, encoding: .utf8) == text)

            let human = try await FerryRun.run(["package"], in: project.url, environment: env.variables)
            #expect(human.stdout.contains("0 uploaded"), "\(human.output)")
            #expect(human.stdout.contains("7 already in s3://pkg-123456789012-eu-central-1/app/dev/"), "\(human.output)")
        }

        @Test func aChangeDeepDownUploadsItAndEveryParentTemplate() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let project = try smallProject()
            let first = try await FerryRun.run(["package", "--create-bucket", "--json"], in: project.url,
                                               environment: env.variables)
            #expect(first.exitCode == 0, "\(first.output)")
            try project.write("child/grand/job.py", "print('job 2')\n")
            let second = try await FerryRun.run(["package", "--json"], in: project.url, environment: env.variables)
            #expect(second.exitCode == 0, "\(second.output)")
            // The script, the grandchild, the child and the root templates.
            #expect(summary(second)?["uploaded"] as? Int == 4, "\(second.output)")
            #expect(summary(second)?["alreadyPresent"] as? Int == 3)
        }

        @Test func aMissingBucketNamesTheFlagThatCreatesIt() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let project = try smallProject()
            let run = try await FerryRun.run(["package"], in: project.url, environment: env.variables)
            #expect(run.exitCode != 0)
            #expect(run.output.contains("--create-bucket"), "\(run.output)")
            #expect(run.output.contains("pkg-123456789012-eu-central-1"))
        }

        @Test func aFunctionFolderWithoutABuildAsksForFerryBuild() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let project = try smallProject()
            try project.write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src
                """)
            try project.write("src/app.py", "def handler(e, c): return 1\n")
            let run = try await FerryRun.run(["package", "--create-bucket"], in: project.url, environment: env.variables)
            #expect(run.exitCode != 0)
            #expect(run.output.contains("run `ferry build` first"), "\(run.output)")
        }
    }
}
