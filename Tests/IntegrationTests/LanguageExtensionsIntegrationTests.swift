import AWSServices
import Foundation
import Templates
import Testing

extension Integration {
    /// `ferry build` and `ferry package` of a SAM app with `AWS::LanguageExtensions` (``ForEachApp``):
    /// every function a loop generates is built; the packaged template keeps the loop and carries
    /// each function's code location through a generated mapping.
    @Suite struct LanguageExtensionsPackaging {
        static let bucket = "ferry-foreach-123456789012"
        static let ferryToml = """
            template = "template.yaml"

            [artifacts]
            bucket = "\(bucket)"
            prefix = "app/{env}"

            [env.dev]
            stack_name = "foreach-app"
            """

        @Test func everyGeneratedFunctionIsBuiltAndThePackagedTemplateKeepsTheLoop() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-foreach")
            for (path, text) in ForEachApp.files(ferryToml: Self.ferryToml) { try folder.write(path, text) }
            func ferry(_ arguments: [String]) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: folder.url, environment: env.variables)
            }

            let built = try await ferry(["build", "--json"])
            #expect(built.exitCode == 0, "\(built.output)")
            let manifest = try String(contentsOf: folder.url.appendingPathComponent(".ferry/build/manifest.json"), encoding: .utf8)
            for name in ["AlphaFunction", "BetaFunction", "GammaFunction"] {
                #expect(manifest.contains("\"\(name)\""), "\(name) not built: \(manifest)")
            }

            let packaged = try await ferry(["package", "--create-bucket"])
            #expect(packaged.exitCode == 0, "\(packaged.output)")
            let text = try String(contentsOf: folder.url.appendingPathComponent(".ferry/package/packaged.yaml"), encoding: .utf8)
            #expect(text.contains("Fn::ForEach::Functions"), "\(text)")
            #expect(text.contains("Fn::ForEach::Arns"), "\(text)")
            #expect(!text.contains("AlphaFunction:"), "the loop is CloudFormation's to expand: \(text)")

            let authored = try #require(try TemplateLoader.parseValue(text).mapValue)
            let table = try #require(authored["Mappings"]?["SAMCodeUriFunctions"]?.mapValue, "\(text)")
            #expect(table.keys == ["Alpha", "Beta", "Gamma"])
            let body = authored["Resources"]?["Fn::ForEach::Functions"]?.listValue?[2]["${Name}Function"]
            #expect(body?["Properties"]?["CodeUri"] == ["Fn::FindInMap": ["SAMCodeUriFunctions", ["Ref": "Name"], "CodeUri"]])

            // Each function has its own zip, uploaded.
            let s3 = S3Locations.client(env.endpoint)
            let locations = S3Locations.all(in: .map(table))
            #expect(Set(locations.map { $0.key }).count == 3)
            for location in locations {
                #expect(try await s3.headObject(bucket: location.bucket, key: location.key) != nil, "s3://\(location.bucket)/\(location.key)")
            }
            // What Ferry (and CloudFormation) expand from the packaged template: one location per function.
            let expanded = try TemplateLoader.parse(text)
            #expect(expanded.functions.map(\.logicalID.rawValue) == ["AlphaFunction", "BetaFunction", "GammaFunction"])
            #expect(expanded.resources["BetaFunction"]?.properties["CodeUri"] == table["Beta"]?["CodeUri"])
        }

        /// A stack created from the expansion of the packaged template (what CloudFormation makes of
        /// it; ``LanguageExtensionsUp`` deploys the loop itself): the app's own folder, loops and all,
        /// verifies and hot-swaps its generated functions.
        @Test func generatedFunctionsAreVerifiedAndHotswappedUnderTheirExpandedLogicalIDs() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-foreach-swap")
            for (path, text) in ForEachApp.files(ferryToml: Self.ferryToml) { try folder.write(path, text) }
            func ferry(_ arguments: [String], in directory: URL? = nil) async throws -> FerryRun {
                try await FerryRun.run(arguments, in: directory ?? folder.url, environment: env.variables)
            }
            #expect(try await ferry(["build"]).exitCode == 0)
            let packaged = try await ferry(["package", "--create-bucket"])
            #expect(packaged.exitCode == 0, "\(packaged.output)")
            let text = try String(contentsOf: folder.url.appendingPathComponent(".ferry/package/packaged.yaml"), encoding: .utf8)
            let expanded = try TemplateLoader.parse(text)
            let cloud = try TemporaryFolder("ferry-foreach-cloud")
            try cloud.write("ferry.toml", Self.ferryToml)
            try cloud.write("template.yaml", YAMLTemplateWriter().write(expanded))
            let deployed = try await ferry(["deploy", "--yes"], in: cloud.url)
            #expect(deployed.exitCode == 0, "\(deployed.output)")

            let fresh = try await ferry(["verify", "--verbose"])
            #expect(fresh.exitCode == 0, "\(fresh.output)")
            #expect(fresh.output.contains("all 3 resource(s) run the local build"), "\(fresh.output)")
            for name in ["AlphaFunction", "BetaFunction", "GammaFunction"] {
                #expect(fresh.output.contains("Root/\(name): fresh"), "\(fresh.output)")
            }

            try folder.write("functions/Beta/app.py", "def handler(event, context):\n    return {\"name\": \"Beta 2\"}\n")
            #expect(try await ferry(["build"]).exitCode == 0)
            let stale = try await ferry(["verify"])
            #expect(stale.exitCode == 1, "\(stale.output)")
            #expect(stale.output.contains("1 stale: Root/BetaFunction"), "\(stale.output)")
            let swapped = try await ferry(["update"])
            #expect(swapped.exitCode == 0, "\(swapped.output)")
            #expect(swapped.output.contains("hot-swapped 1, failed 0, unchanged 2"), "\(swapped.output)")
            let after = try await ferry(["verify"])
            #expect(after.exitCode == 0, "\(after.output)")
        }

        @Test func theEnvironmentsParameterValuesDecideTheLoop() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-foreach-params")
            for (path, text) in ForEachApp.files(ferryToml: Self.ferryToml + "\n\n[env.dev.parameters]\nNames = \"Gamma,Alpha\"\n") {
                try folder.write(path, text)
            }
            let built = try await FerryRun.run(["build"], in: folder.url, environment: env.variables)
            #expect(built.exitCode == 0, "\(built.output)")
            let manifest = try String(contentsOf: folder.url.appendingPathComponent(".ferry/build/manifest.json"), encoding: .utf8)
            #expect(manifest.contains("\"GammaFunction\"") && manifest.contains("\"AlphaFunction\""), "\(manifest)")
            #expect(!manifest.contains("\"BetaFunction\""), "Beta is not in the environment's Names: \(manifest)")
        }

        @Test func aCollectionThatCannotBeResolvedLocallyIsABadInputNamingTheLoop() async throws {
            let env = try await EmulatorEnvironment.fresh()
            let folder = try TemporaryFolder("ferry-foreach-bad")
            for (path, text) in ForEachApp.files(ferryToml: Self.ferryToml) { try folder.write(path, text) }
            try folder.write("template.yaml", ForEachApp.template.replacingOccurrences(of: "\n    Default: Alpha,Beta,Gamma", with: ""))
            let built = try await FerryRun.run(["build"], in: folder.url, environment: env.variables)
            #expect(built.exitCode == 64, "\(built.output)")
            #expect(built.output.contains("template.yaml:7"), "\(built.output)")
            #expect(built.output.contains("loop Functions"), "\(built.output)")
        }
    }
}
