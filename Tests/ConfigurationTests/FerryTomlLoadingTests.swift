import Foundation
import Testing
@testable import Configuration

@Suite("ferry.toml loading and resolution")
struct FerryTomlLoadingTests {
    @Test("the FiscalShield dev environment resolves with every value")
    func fiscalShieldDev() throws {
        let directory = try makeProject(["ferry.toml": fiscalShieldFerryToml, "template.yaml": "Resources: {}\n"])
        let project = try ProjectConfiguration.load(directory: directory)
        #expect(project.format == .ferryToml)
        #expect(project.environmentNames == ["dev", "prod"])
        #expect(project.warnings.isEmpty)

        let dev = try project.environment(named: "dev")
        #expect(dev.name == "dev")
        #expect(dev.stackName == "fiscalshield-idp-dev")
        #expect(dev.region == "eu-central-1")
        #expect(dev.profile == "dev")
        #expect(dev.endpointURL == URL(string: "http://127.0.0.1:5000"))
        #expect(dev.templateFile.path == directory.appendingPathComponent("template.yaml").standardizedFileURL.path)
        #expect(dev.capabilities == ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"])
        #expect(dev.policy == EnvironmentPolicy(hotswap: true, approval: .never, terminationProtection: false))
        #expect(dev.build.concurrency == 4)
        #expect(dev.build.commands == ["ReportingFunction": "make -C src/reporting build"])
        #expect(dev.tags == [KeyValue(key: "Team", value: "idp"), KeyValue(key: "Environment", value: "dev")])

        let prod = try project.environment(named: "prod")
        #expect(prod.policy == EnvironmentPolicy(hotswap: false, approval: .required, terminationProtection: true))
        #expect(prod.profile == nil)
        #expect(prod.endpointURL == nil)
    }

    @Test("parameters keep the order they are written in and become strings")
    func parameterOrder() throws {
        let project = try ProjectConfiguration.parse(
            text: fiscalShieldFerryToml, file: URL(fileURLWithPath: "/project/ferry.toml"))
        let dev = try project.environment(named: "dev")
        #expect(dev.parameters.map(\.key) == [
            "AdminEmail", "IDPPattern", "MaxConcurrentWorkflows", "DataRetentionInDays", "LogLevel", "EnableHITL",
            "WAFAllowedIPv4Ranges",
        ])
        #expect(dev.parameter("MaxConcurrentWorkflows") == "100")
        #expect(dev.parameter("EnableHITL") == "false")
        #expect(dev.parameter("WAFAllowedIPv4Ranges") == "10.0.0.0/8,192.168.0.0/16")
        #expect(dev.parameter("IDPPattern") == "Pattern2 - Packet processing with Textract and Bedrock")
    }

    @Test("inline-table parameters keep their written order too")
    func inlineParameterOrder() throws {
        let text = """
        [env.dev]
        stack_name = "d"
        parameters = { Zeta = "1", Alpha = "2", Mid = 3 }
        """
        let dev = try ProjectConfiguration.parse(text: text, file: URL(fileURLWithPath: "/p/ferry.toml")).environment()
        #expect(dev.parameters.map(\.description) == ["Zeta=1", "Alpha=2", "Mid=3"])
    }

    @Test("artifact placeholders expand with region, account and env")
    func placeholderExpansion() throws {
        let project = try ProjectConfiguration.parse(
            text: fiscalShieldFerryToml, file: URL(fileURLWithPath: "/project/ferry.toml"))
        let dev = try project.environment(named: "dev")
        let devLocation = try dev.resolvedArtifacts(region: "eu-central-1", account: nil)
        #expect(devLocation == ResolvedArtifactLocation(
            bucket: "fiscalshield-templates-eu-central-1", prefix: "fiscalshield/dev", kmsKeyID: nil))
        #expect(devLocation.key("idp-main.yaml") == "fiscalshield/dev/idp-main.yaml")

        let prod = try project.environment(named: "prod")
        let prodLocation = try prod.resolvedArtifacts(region: "eu-west-1", account: "123456789012")
        #expect(prodLocation.bucket == "fiscalshield-prod-123456789012-eu-west-1")
        #expect(prodLocation.prefix == "fiscalshield/prod", "prefix is inherited from [artifacts]")
        #expect(prodLocation.kmsKeyID == "alias/fiscalshield-artifacts")
    }

    @Test("{account} without an account is an error, not an empty string")
    func accountRequired() throws {
        let project = try ProjectConfiguration.parse(
            text: fiscalShieldFerryToml, file: URL(fileURLWithPath: "/project/ferry.toml"))
        let prod = try project.environment(named: "prod")
        let error = #expect(throws: ConfigurationError.self) {
            try prod.resolvedArtifacts(region: "eu-central-1", account: nil)
        }
        #expect(error?.code == .unresolvedPlaceholder)
        #expect(error?.description.contains("{account}") == true)
    }

    @Test("hotswap defaults to true, and to false for prod and production")
    func hotswapDefaults() throws {
        let text = """
        [env.dev]
        stack_name = "a-dev"
        [env.prod]
        stack_name = "a-prod"
        [env.Production]
        stack_name = "a-production"
        [env.prod2]
        stack_name = "a-prod2"
        hotswap = false
        [env.staging]
        stack_name = "a-staging"
        """
        let project = try ProjectConfiguration.parse(text: text, file: URL(fileURLWithPath: "/p/ferry.toml"))
        #expect(try project.environment(named: "dev").policy.hotswap == true)
        #expect(try project.environment(named: "prod").policy.hotswap == false)
        #expect(try project.environment(named: "Production").policy.hotswap == false)
        #expect(try project.environment(named: "prod2").policy.hotswap == false)
        #expect(try project.environment(named: "staging").policy.hotswap == true)
        #expect(try project.environment(named: "staging").policy.approval == .tty)
        #expect(try project.environment(named: "staging").capabilities == [])
    }

    @Test("no env given: the only one, else dev, else an error listing them")
    func defaultEnvironment() throws {
        let file = URL(fileURLWithPath: "/p/ferry.toml")
        let single = try ProjectConfiguration.parse(text: "[env.staging]\nstack_name = \"s\"\n", file: file)
        #expect(try single.environment().name == "staging")

        let withDev = try ProjectConfiguration.parse(
            text: "[env.prod]\nstack_name = \"p\"\n[env.dev]\nstack_name = \"d\"\n", file: file)
        #expect(try withDev.environment().name == "dev")

        let neither = try ProjectConfiguration.parse(
            text: "[env.prod]\nstack_name = \"p\"\n[env.staging]\nstack_name = \"s\"\n", file: file)
        let error = #expect(throws: ConfigurationError.self) { try neither.environment() }
        #expect(error?.code == .unknownEnvironment)
        #expect(error?.description.contains("prod, staging") == true)

        let unknown = #expect(throws: ConfigurationError.self) { try withDev.environment(named: "qa") }
        #expect(unknown?.code == .unknownEnvironment)
        #expect(unknown?.description.contains("'qa'") == true)
        #expect(unknown?.file == "/p/ferry.toml")
    }

    @Test("environment artifacts override the shared table key by key")
    func artifactOverride() throws {
        let text = """
        [artifacts]
        bucket = "shared-{region}"
        prefix = "app/{env}"
        [env.dev]
        stack_name = "d"
        [env.dev.artifacts]
        prefix = "custom"
        """
        let dev = try ProjectConfiguration.parse(text: text, file: URL(fileURLWithPath: "/p/ferry.toml")).environment()
        #expect(dev.artifacts.bucket?.rawValue == "shared-{region}")
        #expect(dev.artifacts.prefix.rawValue == "custom")
    }

    @Test("the template defaults to template.yaml, then template.yml")
    func templateDefault() throws {
        let yml = try makeProject(["ferry.toml": "[env.dev]\nstack_name = \"d\"\n", "template.yml": "{}"])
        #expect(try ProjectConfiguration.load(directory: yml).environment().templateFile.lastPathComponent == "template.yml")
        let none = try makeProject(["ferry.toml": "[env.dev]\nstack_name = \"d\"\n"])
        #expect(try ProjectConfiguration.load(directory: none).environment().templateFile.lastPathComponent == "template.yaml")
        let explicit = try makeProject(["ferry.toml": "template = \"infra/main.yaml\"\n[env.dev]\nstack_name = \"d\"\n"])
        let file = try ProjectConfiguration.load(directory: explicit).environment().templateFile
        #expect(file.path.hasSuffix("/infra/main.yaml"))
    }

    @Test("ferry.toml wins over samconfig.toml, with a warning")
    func ferryTomlWins() throws {
        let directory = try makeProject([
            "ferry.toml": "[env.dev]\nstack_name = \"from-ferry\"\n",
            "samconfig.toml": "version = 0.1\n[default.deploy.parameters]\nstack_name = \"from-sam\"\n",
        ])
        let project = try ProjectConfiguration.load(directory: directory)
        #expect(try project.environment().stackName == "from-ferry")
        #expect(project.warnings.count == 1)
        #expect(project.warnings.first?.file.hasSuffix("samconfig.toml") == true)
    }

    @Test("an explicit --config path is read relative to the project, by content or name")
    func explicitPath() throws {
        let directory = try makeProject([
            "config/other.toml": "[env.qa]\nstack_name = \"qa-stack\"\n",
            "config/samconfig-ci.toml": "version = 0.1\n[ci.deploy.parameters]\nstack_name = \"ci-stack\"\n",
        ])
        let other = try ProjectConfiguration.load(
            directory: directory, explicitPath: URL(string: "config/other.toml")!)
        #expect(other.format == .ferryToml)
        #expect(try other.environment().stackName == "qa-stack")
        let sam = try ProjectConfiguration.load(
            directory: directory, explicitPath: directory.appendingPathComponent("config/samconfig-ci.toml"))
        #expect(sam.format == .samconfigToml)
        #expect(try sam.environment(named: "ci").stackName == "ci-stack")
        let missing = #expect(throws: ConfigurationError.self) {
            try ProjectConfiguration.load(directory: directory, explicitPath: URL(string: "nope.toml")!)
        }
        #expect(missing?.code == .io)
    }

    @Test("no configuration at all says to run ferry init")
    func notFound() throws {
        let directory = try makeProject()
        let error = #expect(throws: ConfigurationError.self) { try ProjectConfiguration.load(directory: directory) }
        #expect(error?.code == .notFound)
        #expect(error?.description.contains("ferry init") == true)
    }
}
