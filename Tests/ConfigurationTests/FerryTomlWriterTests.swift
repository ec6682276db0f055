import Foundation
import Testing
@testable import Configuration

@Suite("ferry init: rendering and writing ferry.toml")
struct FerryTomlWriterTests {
    @Test("a fresh project renders a commented file that loads back")
    func freshRoundTrip() throws {
        let directory = try makeProject(["template.yml": "{}"])
        let writer = try FerryTomlWriter(
            projectDirectory: directory, stackName: "fiscalshield-idp-dev", region: "eu-central-1")
        let text = writer.render()
        for key in ["template", "bucket", "prefix", "kms_key_id", "concurrency", "stack_name", "region", "profile",
                    "endpoint_url", "capabilities", "hotswap", "approval", "termination_protection"] {
            #expect(text.contains("\(key) = "), "\(key) is shown")
        }
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("#") }.count >= 15, "keys are explained")

        let project = try ProjectConfiguration.parse(text: text, file: directory.appendingPathComponent("ferry.toml"))
        let dev = try project.environment()
        #expect(dev.name == "dev")
        #expect(dev.stackName == "fiscalshield-idp-dev")
        #expect(dev.region == "eu-central-1")
        #expect(dev.templateFile.lastPathComponent == "template.yml")
        #expect(dev.policy == EnvironmentPolicy(hotswap: true, approval: .tty, terminationProtection: false))
        let location = try dev.resolvedArtifacts(region: "eu-central-1", account: "123456789012")
        #expect(location.bucket?.hasSuffix("-artifacts-123456789012-eu-central-1") == true)
        #expect(location.prefix.hasSuffix("/dev"))
    }

    @Test("without a stack name it derives one from the folder, valid for CloudFormation")
    func derivedStackName() throws {
        let directory = try makeProject()
        let text = try FerryTomlWriter(projectDirectory: directory).render()
        let dev = try ProjectConfiguration.parse(text: text, file: directory.appendingPathComponent("ferry.toml")).environment()
        #expect(dev.stackName.hasPrefix("ferry-config-tests-"))
        #expect(dev.stackName.hasSuffix("-dev"))
        #expect(dev.region == nil)
    }

    @Test("samconfig.toml seeds every environment, and the result validates")
    func seededRoundTrip() throws {
        let directory = try makeProject(["samconfig.toml": SamConfigTests.samconfig, "template.yaml": "{}"])
        let writer = try FerryTomlWriter(projectDirectory: directory)
        #expect(writer.seededFrom?.lastPathComponent == "samconfig.toml")
        #expect(writer.notes.contains { $0.contains("'broken'") }, "an env without stack_name is reported")
        let text = writer.render()
        let project = try ProjectConfiguration.parse(text: text, file: directory.appendingPathComponent("ferry.toml"))
        #expect(project.environmentNames == ["dev", "prod"], "samconfig's default becomes dev")

        let dev = try project.environment()
        #expect(dev.stackName == "fiscalshield-idp-dev")
        #expect(dev.region == "eu-central-1")
        #expect(dev.profile == "shared")
        #expect(dev.parameters.map(\.description)
            == ["AdminEmail=dev@example.com", "IDPPattern=Pattern2 - Packet processing", "LogLevel=INFO"])
        #expect(dev.tags.map(\.description) == ["Team=idp", "Environment=dev"])
        #expect(dev.policy.approval == .never)
        #expect(try dev.resolvedArtifacts(region: "eu-central-1", account: nil)
            == ResolvedArtifactLocation(bucket: "fiscalshield-templates-eu-central-1", prefix: "fiscalshield/dev", kmsKeyID: nil))

        let prod = try project.environment(named: "prod")
        #expect(prod.stackName == "fiscalshield-idp-prod")
        #expect(prod.region == "eu-west-1")
        #expect(prod.capabilities == ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
        #expect(prod.policy == EnvironmentPolicy(hotswap: false, approval: .tty, terminationProtection: false))
        #expect(prod.artifacts.isManaged, "samconfig's resolve_s3 is carried over, not dev's bucket")
        #expect(try prod.resolvedArtifacts(region: "eu-west-1", account: "123456789012").bucket
                == "ferry-artifacts-123456789012-eu-west-1")
    }

    @Test("values needing escapes survive the round trip")
    func escaping() throws {
        let directory = try makeProject(["samconfig.toml": #"""
            version = 0.1
            [default.deploy.parameters]
            stack_name = "app-dev"
            parameter_overrides = 'Json="{\"a\": \"b\\c\"}" Multi="x y"'
            tags = '"cost center"="R&D"'
            """#])
        let text = try FerryTomlWriter(projectDirectory: directory).render()
        let dev = try ProjectConfiguration.parse(text: text, file: directory.appendingPathComponent("ferry.toml")).environment()
        #expect(dev.parameter("Json") == #"{"a": "b\\c"}"#)
        #expect(dev.parameter("Multi") == "x y")
        #expect(dev.tags == [KeyValue(key: "cost center", value: "R&D")])
    }

    @Test("write never overwrites without force, and writes atomically with it")
    func noOverwrite() throws {
        let directory = try makeProject(["ferry.toml": "# mine\n"])
        let writer = try FerryTomlWriter(projectDirectory: directory, stackName: "app-dev")
        let error = #expect(throws: ConfigurationError.self) { try writer.write() }
        #expect(error?.code == .fileExists)
        #expect(error?.description.contains("--force") == true)
        let target = directory.appendingPathComponent("ferry.toml")
        #expect(try String(contentsOf: target, encoding: .utf8) == "# mine\n")

        let written = try writer.write(force: true)
        #expect(written.path == target.standardizedFileURL.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == writer.render())
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        #expect(try ProjectConfiguration.load(directory: directory).environment().stackName == "app-dev")
    }

    @Test("write creates the file when absent")
    func create() throws {
        let directory = try makeProject()
        let written = try FerryTomlWriter(projectDirectory: directory).write()
        #expect(FileManager.default.fileExists(atPath: written.path))
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(entries == ["ferry.toml"])
    }
}
