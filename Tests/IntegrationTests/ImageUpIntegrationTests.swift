import AWSCore
import AWSServices
import Foundation
import Testing

extension Integration {
    /// `ferry up` of an app with a container-image function built by Ferry (no Docker).
    @Suite struct ImageUp {
        static let base = ImageAppConfig.fixtureBase

        static func write(_ folder: TemporaryFolder, handler: String) throws {
            try folder.write("ferry.toml", ImageAppConfig.ferryToml(name: "images-app", base: "\(base):3.12"))
            try folder.write("template.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                      Architectures: [x86_64]
                    Metadata:
                      DockerContext: ./app
                      Dockerfile: Dockerfile
                Outputs:
                  FunctionName:
                    Value: !Ref Fn
                """)
            try folder.write("app/Dockerfile", """
                FROM public.ecr.aws/lambda/python:3.12
                COPY app.py ${LAMBDA_TASK_ROOT}/
                CMD ["app.handler"]
                """)
            try folder.write("app/app.py", handler)
        }

        @Test("ferry up builds, pushes and deploys an image function pinned by digest; the function runs that digest")
        func upDeploysAnImageFunction() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-image-up")
            try Self.write(folder, handler: "def handler(e, c):\n    return 1\n")
            let up = try await FerryRun.run(["up", "--env", "dev", "--yes"], in: folder.url, environment: env.variables)
            #expect(up.exitCode == 0, "\(up.output)")
            let images = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent(".ferry/build/images.json"))) as? [String: Any]
            let digest = try #require(((images?["images"] as? [[String: Any]])?.first?["manifestDigest"]) as? String)
            let packaged = try String(contentsOf: folder.url.appendingPathComponent(".ferry/package/packaged.yaml"), encoding: .utf8)
            #expect(packaged.contains("/team/images-app@\(digest)"), "\(packaged)")

            let lambda = Lambda(client: env.client())
            let functions = try await lambda.listFunctions()
            let function = try #require(functions.first?.functionName)
            let code = try await lambda.getFunction(function)
            #expect(code.code?.resolvedImageUri?.hasSuffix("@\(digest)") == true, "\(String(describing: code.code))")
            let ecr = ECR(client: env.client())
            #expect(try await ecr.imageDigests(repository: "team/images-app") == [digest])

            let verify = try await FerryRun.run(["verify", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(verify.exitCode == 0, "\(verify.output)")

            // A handler edit: a new app layer, hot-swapped with UpdateFunctionCode(ImageUri), then verified.
            try folder.write("app/app.py", "def handler(e, c):\n    return 2\n")
            let again = try await FerryRun.run(["up", "--env", "dev", "--yes"], in: folder.url, environment: env.variables)
            #expect(again.exitCode == 0, "\(again.output)")
            #expect(again.output.contains("hot-swapped 1 resource(s)"), "\(again.output)")
            let images2 = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent(".ferry/build/images.json"))) as? [String: Any]
            let digest2 = try #require(((images2?["images"] as? [[String: Any]])?.first?["manifestDigest"]) as? String)
            #expect(digest2 != digest)
            let swapped = try await lambda.getFunction(function)
            #expect(swapped.code?.resolvedImageUri?.hasSuffix("@\(digest2)") == true, "\(String(describing: swapped.code))")

            // Out of band: the function goes back to the first image; verify fails.
            let uri = try #require(code.code?.resolvedImageUri)
            try await Task.sleep(for: .seconds(2))
            _ = try await lambda.updateFunctionCode(function, code: .imageUri(uri), publish: nil, revisionId: nil, architectures: nil)
            try await Task.sleep(for: .seconds(2))
            let stale = try await FerryRun.run(["verify", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(stale.exitCode != 0, "\(stale.output)")
        }

        @Test("a Dockerfile with RUN and no container builder is a missing tool (69) naming the Dockerfile line; a base that cannot be pulled names the ferry.toml key")
        func refusedDockerfiles() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-image-bad")
            try Self.write(folder, handler: "def handler(e, c):\n    return 1\n")
            try folder.write("app/Dockerfile", "FROM public.ecr.aws/lambda/python:3.12\nRUN pip install requests\n")
            var noBuilder = env.variables
            noBuilder["PATH"] = "/nonexistent"
            let run = try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: noBuilder)
            #expect(run.exitCode == 69, "\(run.output)")
            #expect(run.output.contains("Dockerfile:2: RUN"), "\(run.output)")
            // Not mapped, so pulled: from a registry nothing listens on (port 1), the pull fails naming the base and the key.
            try folder.write("app/Dockerfile", "FROM 127.0.0.1:1/lambda/nodejs:22\n")
            let base = try await FerryRun.run(["build", "--env", "dev"], in: folder.url, environment: env.variables)
            #expect(base.exitCode == 1, "\(base.output)")
            #expect(base.output.contains("127.0.0.1:1/lambda/nodejs:22"), "\(base.output)")
            #expect(base.output.contains("[images.bases]"), "\(base.output)")
        }
    }
}
