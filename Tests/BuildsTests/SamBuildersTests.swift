// The builders SAM apps use beyond plain runtimes: esbuild, npm `file:` dependencies, SkipBuild,
// container images, and zips of Makefile output as left.
import Foundation
import Testing
import Templates
@testable import Builds

@Suite("SAM builders")
struct SamBuildersTests {
    private let zips = BuildersTests()

    private func names(_ zip: String) throws -> [String] {
        try zips.listing(zip).map { String($0.split(separator: " ")[0]) }
    }

    /// A TypeScript function as `sam init`'s template writes it, bundled with esbuild.
    private func esbuildProject(properties: String) throws -> TestFolder {
        let project = try TestFolder("esbuild")
        try project.write("hello-world/app.ts", """
            import { greeting } from './lib/greeting';
            export const lambdaHandler = async (): Promise<{ statusCode: number; body: string }> => {
                return { statusCode: 200, body: JSON.stringify({ message: greeting('world') }) };
            };
            """)
        try project.write("hello-world/lib/greeting.ts", "export const greeting = (name: string): string => `hello ${name}`;\n")
        try project.write("hello-world/package.json", "{\"name\": \"hello-world\", \"version\": \"1.0.0\", \"private\": true}\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              HelloWorldFunction:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: hello-world/, Handler: app.lambdaHandler, Runtime: nodejs20.x}
                Metadata:
                  BuildMethod: esbuild
                  BuildProperties:
            \(properties)
            """)
        return project
    }

    @Test("esbuild: the bundle at the entry's path with .js (and its map), flags from BuildProperties, cached the second time",
          .enabled(if: ExecutableLocatorProbe.has("esbuild") && ExecutableLocatorProbe.has("npm")))
    func esbuild() async throws {
        let project = try esbuildProject(properties: """
                    Minify: false
                    Target: es2020
                    Sourcemap: true
                    EntryPoints: [app.ts]
                    External: ["@aws-sdk/*"]
                    Banner: ["js=// built by ferry test"]
            """)
        let result = try await buildProject(project, catalog: BuilderCatalog())
        try result.requireSuccess()
        let zip = try #require(result.outcomes.first?.archive?.path)
        #expect(try names(zip) == ["app.js", "app.js.map"])
        let bundle = try zips.read(zip, "app.js")
        #expect(bundle.hasPrefix("// built by ferry test"))
        #expect(bundle.contains("hello ${name}"))        // the imported module is bundled
        #expect(bundle.contains("lambdaHandler"))
        let again = try await buildProject(project, catalog: BuilderCatalog())
        #expect(again.outcomes.first?.status == .cached)
        #expect(again.outcomes.first?.archive?.sha256 == result.outcomes.first?.archive?.sha256)
    }

    @Test("esbuild: EntryPoints without extension find app.ts; Minify defaults to on, as in SAM",
          .enabled(if: ExecutableLocatorProbe.has("esbuild") && ExecutableLocatorProbe.has("npm")))
    func esbuildDefaults() async throws {
        let project = try esbuildProject(properties: "        EntryPoints: [app]")
        let result = try await buildProject(project, catalog: BuilderCatalog())
        try result.requireSuccess()
        let zip = try #require(result.outcomes.first?.archive?.path)
        #expect(try names(zip) == ["app.js"])
        #expect(try zips.read(zip, "app.js").split(separator: "\n").count <= 3) // minified
    }

    @Test("esbuild: the function's own node_modules/.bin/esbuild is used before PATH's",
          .enabled(if: ExecutableLocatorProbe.has("npm")))
    func esbuildFromNodeModules() async throws {
        let project = try esbuildProject(properties: "        EntryPoints: [app.ts]")
        try project.write("hello-world/node_modules/.bin/esbuild", """
            #!/bin/sh
            for a in "$@"; do case "$a" in --outdir=*) out="${a#--outdir=}";; esac; done
            echo "// local esbuild: $*" > "$out/app.js"

            """, mode: 0o755)
        let result = try await buildProject(project, catalog: BuilderCatalog())
        try result.requireSuccess()
        let zip = try #require(result.outcomes.first?.archive?.path)
        let bundle = try zips.read(zip, "app.js")
        #expect(bundle.hasPrefix("// local esbuild: --bundle --platform=node --target=es2020 --format=cjs --minify"), "\(bundle)")
        #expect(bundle.hasSuffix(" app.ts\n"))
    }

    @Test("esbuild: BuildProperties without EntryPoints is bad input naming the function and the line")
    func esbuildNeedsEntryPoints() throws {
        let project = try esbuildProject(properties: "        Minify: true")
        let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml")))
        #expect {
            _ = try BuildPlan.make(tree: tree, catalog: BuilderCatalog())
        } throws: { error in
            let text = (error as? BuildPlanError)?.description ?? ""
            return text.contains("HelloWorldFunction") && text.contains("EntryPoints") && text.contains("template.yaml:")
        }
    }

    @Test("esbuild functions sharing CodeUri build once per BuildProperties (lines do not matter)")
    func esbuildSharing() throws {
        let project = try TestFolder("esbuild-share")
        try project.write("template.yaml", """
            Resources:
              A:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src, Handler: a.handler, Runtime: nodejs20.x}
                Metadata: {BuildMethod: esbuild, BuildProperties: {EntryPoints: [a.ts]}}
              B:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src, Handler: b.handler, Runtime: nodejs20.x}
                Metadata: {BuildMethod: esbuild, BuildProperties: {EntryPoints: [b.ts]}}
              A2:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src, Handler: a.handler, Runtime: nodejs20.x}
                Metadata:
                  BuildMethod: esbuild
                  BuildProperties:
                    EntryPoints: [a.ts]
            """)
        try project.mkdir("src")
        let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml")))
        let plan = try BuildPlan.make(tree: tree, catalog: BuilderCatalog())
        #expect(plan.builds.map { $0.targets.map(\.logicalID) } == [["A", "A2"], ["B"]])
        #expect(plan.builds.allSatisfy { $0.builder.builderName == "nodejs-esbuild" })
    }

    @Test("esbuild options: SAM's defaults and flag forms")
    func esbuildOptions() throws {
        let tree = try TemplateLoader.parseValue("""
            EntryPoints: [src/app.ts, other]
            MainFields: [module, main]
            Loader: [".png=file"]
            Format: esm
            OutExtension: [".js=.mjs"]
            Footer: ["js=// end"]
            Minify: true
            Unknown: 1
            """).mapValue
        let options = try EsbuildOptions(properties: tree)
        #expect(options.entryPoints == ["src/app.ts", "other"])
        #expect(options.flags == ["--bundle", "--platform=node", "--target=es2020", "--minify", "--format=esm",
                                  "--main-fields=module,main", "--loader:.png=file", "--out-extension:.js=.mjs",
                                  "--footer:js=// end"])
        #expect(options.unusedKeys == ["Unknown"])
    }

    @Test("esbuild missing: a missing-tool error saying how to install it",
          .enabled(if: ExecutableLocatorProbe.has("npm")))
    func esbuildMissing() async throws {
        let project = try esbuildProject(properties: "        EntryPoints: [app.ts]")
        let npmFolder = (ExecutableLocatorProbe.path("npm")! as NSString).deletingLastPathComponent
        let bin = try TestFolder("bin")
        for tool in ["npm", "node"] { try FileManager.default.createSymbolicLink(atPath: bin.url(tool), withDestinationPath: "\(npmFolder)/\(tool)") }
        let catalog = BuilderCatalog(environment: ["PATH": bin.path, "HOME": project.path])
        let result = try await buildProject(project, catalog: catalog)
        guard case .failed(let message, _)? = result.outcomes.first?.status else {
            Issue.record("expected a failure")
            return
        }
        #expect(message.contains("esbuild"))
        #expect(message.contains("apt-get install esbuild"))
    }

    @Test("npm: file: dependencies resolve against the function's folder, not the staging copy; lock file → npm ci; no absolute paths in the zip",
          .enabled(if: ExecutableLocatorProbe.has("npm")))
    func npmLocalDependency() async throws {
        let project = try TestFolder("npm-file")
        try project.write("lib/greeter/package.json", "{\"name\": \"greeter\", \"version\": \"1.0.0\", \"main\": \"index.js\"}\n")
        try project.write("lib/greeter/index.js", "module.exports = (n) => 'hi ' + n\n")
        let manifest = "{\"name\": \"fn\", \"version\": \"1.0.0\", \"dependencies\": {\"greeter\": \"file:../../lib/greeter\"}}\n"
        try project.write("src/fn/package.json", manifest)
        try project.write("src/fn/package-lock.json", """
            {"name": "fn", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
             "packages": {"": {"name": "fn", "version": "1.0.0", "dependencies": {"greeter": "file:../../lib/greeter"}},
                          "node_modules/greeter": {"version": "1.0.0", "resolved": "file:../../lib/greeter"}}}
            """)
        try project.write("src/fn/index.js", "const g = require('greeter'); exports.handler = async () => g('x')\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src/fn, Runtime: nodejs20.x, Handler: index.handler}
            """)
        let result = try await buildProject(project, catalog: BuilderCatalog())
        try result.requireSuccess()
        let zip = try #require(result.outcomes.first?.archive?.path)
        let files = try names(zip)
        #expect(files.contains("node_modules/greeter/index.js"))
        #expect(!files.contains("node_modules/.package-lock.json"))
        #expect(try zips.read(zip, "package.json") == manifest)
        #expect(!(try zips.read(zip, "package-lock.json")).contains(project.path))
        // The lock file is part of the key.
        try project.write("src/fn/package-lock.json", (try String(contentsOfFile: project.url("src/fn/package-lock.json"), encoding: .utf8)) + "\n")
        let again = try await buildProject(project, catalog: BuilderCatalog())
        #expect(again.outcomes.first?.status == .built)
    }

    @Test("npm workspaces: a member's sibling dependencies are installed from their folders and are part of the key, as is the workspace lock file",
          .enabled(if: ExecutableLocatorProbe.has("npm")))
    func npmWorkspace() async throws {
        let project = try TestFolder("npm-workspace")
        try project.write("package.json", "{\"name\": \"monorepo\", \"private\": true, \"workspaces\": [\"functions/*\", \"packages/**\"]}\n")
        try project.write("package-lock.json", "{\"name\": \"monorepo\", \"lockfileVersion\": 3, \"packages\": {}}\n")
        try project.write("packages/shared/greeting/package.json", "{\"name\": \"greeting\", \"version\": \"1.0.0\", \"main\": \"index.js\"}\n")
        try project.write("packages/shared/greeting/index.js", "module.exports = () => 'v1'\n")
        try project.write("functions/api/package.json", "{\"name\": \"api\", \"version\": \"1.0.0\", \"dependencies\": {\"greeting\": \"1.0.0\"}}\n")
        try project.write("functions/api/index.js", "exports.handler = async () => require('greeting')()\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: functions/api, Runtime: nodejs20.x, Handler: index.handler}
            """)
        let result = try await buildProject(project, catalog: BuilderCatalog())
        try result.requireSuccess()
        let zip = try #require(result.outcomes.first?.archive?.path)
        #expect(try names(zip).contains("node_modules/greeting/index.js"))
        #expect(try zips.read(zip, "package.json").contains("\"greeting\": \"1.0.0\""), "the manifest as written")
        #expect(try await buildProject(project, catalog: BuilderCatalog()).outcomes.first?.status == .cached)
        try project.write("packages/shared/greeting/index.js", "module.exports = () => 'v2'\n")
        #expect(try await buildProject(project, catalog: BuilderCatalog()).outcomes.first?.status == .built)
        try project.write("package-lock.json", "{\"name\": \"monorepo\", \"lockfileVersion\": 3, \"packages\": {\"\": {}}}\n")
        #expect(try await buildProject(project, catalog: BuilderCatalog()).outcomes.first?.status == .built)
    }

    @Test("Metadata SkipBuild: the folder zipped as is (no npm run)")
    func skipBuild() async throws {
        let project = try TestFolder("skip")
        try project.write("dist/index.js", "exports.handler = async () => 1\n")
        try project.write("dist/package.json", "{\"name\": \"x\", \"dependencies\": {\"not-installable\": \"99.0.0\"}}\n")
        try project.write("dist/node_modules/dep/index.js", "module.exports = 1\n")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Prebundled:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: dist, Runtime: nodejs20.x, Handler: index.handler}
                Metadata: {SkipBuild: true}
            """)
        let result = try await buildProject(project, catalog: BuilderCatalog(environment: ["PATH": "/nonexistent"]))
        try result.requireSuccess()
        let zip = try #require(result.outcomes.first?.archive?.path)
        #expect(try names(zip) == ["index.js", "node_modules/dep/index.js", "package.json"])
        #expect(result.outcomes.first?.build.builder.builderName == "copy")
    }

    @Test("PackageType Image with a Dockerfile is planned as an image build; without ImageUri or Dockerfile fails planning; a pushed ImageUri is skipped")
    func images() throws {
        let project = try TestFolder("image")
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Pushed:
                Type: AWS::Serverless::Function
                Properties: {PackageType: Image, ImageUri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1}
              Built:
                Type: AWS::Serverless::Function
                Properties: {PackageType: Image, Architectures: [arm64]}
                Metadata: {Dockerfile: Dockerfile.lambda, DockerContext: ./app, DockerTag: v1, DockerBuildArgs: {A: b}}
              Unbuildable:
                Type: AWS::Serverless::Function
                Properties: {PackageType: Image}
            """)
        let tree = try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml")))
        #expect {
            _ = try BuildPlan.make(tree: tree, catalog: BuilderCatalog())
        } throws: { error in
            let text = (error as? BuildPlanError)?.description ?? ""
            return text.contains("Root/Unbuildable") && text.contains("no ImageUri") && text.contains("template.yaml:10:")
        }
        try project.write("template.yaml", """
            Resources:
              Built:
                Type: AWS::Serverless::Function
                Properties: {PackageType: Image, Architectures: [arm64]}
                Metadata: {Dockerfile: Dockerfile.lambda, DockerContext: ./app, DockerTag: v1, DockerBuildArgs: {A: b}}
            """)
        let images = try BuildPlan.make(tree: try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml"))),
                                        catalog: BuilderCatalog()).images
        #expect(images.map(\.target.logicalID) == ["Built"])
        #expect(images.first?.context.hasSuffix("/app") == true)
        #expect(images.first?.dockerfile == "Dockerfile.lambda")
        #expect(images.first?.arguments == ["A": "b"])
        #expect(images.first?.architecture == "arm64")
        #expect(images.first?.tag == "v1")
        try project.write("template.yaml", """
            Resources:
              Pushed:
                Type: AWS::Serverless::Function
                Properties: {PackageType: Image, ImageUri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1}
            """)
        let plan = try BuildPlan.make(tree: try TemplateTree.load(rootTemplate: URL(fileURLWithPath: project.url("template.yaml"))), catalog: BuilderCatalog())
        #expect(plan.builds.isEmpty)
        #expect(plan.skipped.map(\.target.logicalID) == ["Pushed"])
    }

    @Test("a Makefile's output is zipped as the Makefile left it: byte-code kept")
    func makefileKeepsByteCode() async throws {
        let project = try TestFolder("make-pyc")
        try project.write("src/Makefile", """
            build-Fn:
            \tmkdir -p $(ARTIFACTS_DIR)/__pycache__
            \techo x > $(ARTIFACTS_DIR)/app.py
            \techo b > $(ARTIFACTS_DIR)/__pycache__/app.cpython-312.pyc

            """)
        try project.write("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {CodeUri: src, Runtime: python3.12, Handler: app.handler}
                Metadata: {BuildMethod: makefile}
            """)
        let result = try await buildProject(project, catalog: BuilderCatalog())
        try result.requireSuccess()
        let zip = try #require(result.outcomes.first?.archive?.path)
        #expect(try names(zip) == ["__pycache__/app.cpython-312.pyc", "app.py"])
    }
}

/// Looks tools up on this machine's PATH (for `.enabled(if:)`).
enum ExecutableLocatorProbe {
    static func path(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func has(_ name: String) -> Bool { path(name) != nil }
}
