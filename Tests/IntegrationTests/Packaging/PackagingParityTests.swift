import Builds
import Crypto
import Foundation
import Templates
import Testing

extension Integration.Packaging {
    /// `ferry package` rewrites the properties `aws cloudformation package` rewrites (awscli
    /// 1.45, installed on the test machine), on the fixture with every packageable property.
    ///
    /// Where the two differ, the difference is stated here and checked:
    /// - awscli's table is older than SAM CLI's: it leaves `AWS::Serverless::HttpApi DefinitionUri`,
    ///   `AWS::Serverless::GraphQLApi SchemaUri` and resolver/function `CodeUri`,
    ///   `AWS::AppSync::Resolver`/`FunctionConfiguration CodeS3Location`,
    ///   `AWS::ApiGatewayV2::Api BodyS3Location`, `AWS::CloudFormation::ModuleVersion ModulePackage`,
    ///   `AWS::CloudFormation::ResourceVersion SchemaHandlerPackage` and
    ///   `AWS::CloudFormation::StackSet TemplateURL` alone. Ferry packages them, as SAM CLI does.
    /// - awscli adds a `CodeUri` (the whole template folder, zipped) to a function with
    ///   `PackageType: Image` and to one with `InlineCode`; SAM CLI and Ferry do not (it would upload
    ///   the project and break the function).
    static let samCLIOnly: Set<String> = [
        "Resources.SamHttpApi.Properties.DefinitionUri",
        "Resources.SamGraphQLApi.Properties.SchemaUri",
        "Resources.SamGraphQLApi.Properties.Resolvers.Query.getItem.CodeUri",
        "Resources.SamGraphQLApi.Properties.Functions.loadItem.CodeUri",
        "Resources.JsResolver.Properties.CodeS3Location",
        "Resources.JsFunction.Properties.CodeS3Location",
        "Resources.HttpApiV2.Properties.BodyS3Location",
        "Resources.Module.Properties.ModulePackage",
        "Resources.ResourceVersion.Properties.SchemaHandlerPackage",
        "Resources.StackSet.Properties.TemplateURL",
    ]
    static let awscliOnly: Set<String> = [
        "Resources.SamImageFunction.Properties.CodeUri",
        "Resources.InlineFunction.Properties.CodeUri",
    ]

    /// Copies the fixture and its files into a project with a ferry.toml, and a build manifest
    /// for the two functions/layers whose code is a folder (as `ferry build` would write it).
    private func parityProject() throws -> TemporaryFolder {
        let folder = try TemporaryFolder("ferry-parity")
        let fixtures = RepositoryPaths.root.appendingPathComponent("Tests/TemplatesTests/Fixtures")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("every-packageable.yaml"),
                                         to: folder.url.appendingPathComponent("template.yaml"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("artifacts"),
                                         to: folder.url.appendingPathComponent("artifacts"))
        try folder.write("ferry.toml", """
            template = "template.yaml"
            [artifacts]
            bucket = "parity-ferry"
            [env.dev]
            stack_name = "parity"
            region = "eu-central-1"
            """)
        var artifacts: [BuildManifest.Artifact] = []
        for (id, type, kind, source) in [("SamFunction", "AWS::Serverless::Function", "function", "artifacts/function"),
                                         ("SamLayer", "AWS::Serverless::LayerVersion", "layer", "artifacts/layer")] {
            let zip = try folder.write(".ferry/build/cache/\(id).zip", "PK pretend build of \(id)")
            let data = try Data(contentsOf: zip)
            let digest = SHA256.hash(data: data)
            artifacts.append(BuildManifest.Artifact(
                logicalID: id, stackPath: "Root", resourceType: type, kind: kind, builder: "test",
                buildKey: String(repeating: "0", count: 64), zipSHA256: digest.map { String(format: "%02x", $0) }.joined(),
                codeSha256: Data(digest).base64EncodedString(), size: UInt64(data.count), unzippedSize: 0,
                zipPath: zip.path, sourcePath: folder.url.appendingPathComponent(source).path))
        }
        try BuildManifest(artifacts: artifacts).write(to: BuildManifest.location(projectRoot: folder.url))
        return folder
    }

    /// Runs `aws cloudformation package` on the project's template against the emulator.
    private func awsPackage(_ project: URL, bucket: String, env: EmulatorEnvironment) throws -> URL {
        let output = project.appendingPathComponent("aws-packaged.yaml")
        var environment = env.variables
        environment["AWS_DEFAULT_REGION"] = "eu-central-1"
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        environment["PYENV_ROOT"] = ProcessInfo.processInfo.environment["PYENV_ROOT"]
        for script in [["s3", "mb", "s3://\(bucket)"],
                       ["cloudformation", "package", "--template-file", "template.yaml", "--s3-bucket", bucket,
                        "--output-template-file", output.path]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["aws"] + script
            process.currentDirectoryURL = project
            process.environment = environment
            let log = project.appendingPathComponent("aws.log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            process.waitUntilExit()
            try handle.close()
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "aws \(script.joined(separator: " ")): \(text)")
        }
        return output
    }

    @Test func rewritesWhatAwsCloudFormationPackageRewrites() async throws {
        let env = try await EmulatorEnvironment.fresh()
        let project = try parityProject()
        let original = try TemplateLoader.load(contentsOf: project.url.appendingPathComponent("template.yaml")).value

        let awsOutput = try awsPackage(project.url, bucket: "parity-aws", env: env)
        let awsPackaged = try TemplateLoader.load(contentsOf: awsOutput).value
        let awsPaths = S3Locations.rewrittenPaths(original: original, packaged: awsPackaged)
        #expect(awsPaths.count > 15, "awscli rewrote \(awsPaths.sorted())")

        let run = try await FerryRun.run(["package", "--create-bucket", "--json"], in: project.url, environment: env.variables)
        #expect(run.exitCode == 0, "\(run.output)")
        let ferryPackaged = try TemplateLoader.load(
            contentsOf: project.url.appendingPathComponent(".ferry/package/packaged.yaml")).value
        let ferryPaths = S3Locations.rewrittenPaths(original: original, packaged: ferryPackaged)

        #expect(awsPaths.subtracting(Self.awscliOnly).subtracting(ferryPaths).isEmpty,
                "awscli rewrote, Ferry did not: \(awsPaths.subtracting(Self.awscliOnly).subtracting(ferryPaths).sorted())")
        #expect(ferryPaths.subtracting(awsPaths) == Self.samCLIOnly,
                "Ferry rewrote, awscli did not: \(ferryPaths.subtracting(awsPaths).sorted())")
        #expect(Self.awscliOnly.isSubset(of: awsPaths), "awscli's documented extras changed: \(awsPaths.sorted())")

        // Every location Ferry wrote exists, in the root and the nested templates.
        let s3 = S3Locations.client(env.endpoint)
        let stacks = project.url.appendingPathComponent(".ferry/package/stacks")
        var checked = 0
        for file in FileManager.default.enumerator(at: stacks, includingPropertiesForKeys: nil)?.compactMap({ $0 as? URL })
            ?? [] where file.pathExtension == "template" {
            let value = try TemplateLoader.load(contentsOf: file).value
            for location in S3Locations.all(in: value) where location.bucket == "parity-ferry" {
                let head = try await s3.headObject(bucket: location.bucket, key: location.key)
                #expect(head != nil, "missing s3://\(location.bucket)/\(location.key) in \(file.lastPathComponent)")
                checked += 1
            }
        }
        #expect(checked >= ferryPaths.count)
    }
}
