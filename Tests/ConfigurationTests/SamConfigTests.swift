import Foundation
import Testing
@testable import Configuration

@Suite("samconfig.toml as SAM CLI reads it")
struct SamConfigTests {
    static let samconfig = """
    version = 0.1

    [default.global.parameters]
    region = "eu-central-1"
    profile = "shared"
    beta_features = true

    [default.build.parameters]
    cached = true
    parallel = true
    template_file = "template.yaml"
    use_container = false

    [default.package.parameters]
    s3_bucket = "from-package"

    [default.deploy.parameters]
    stack_name = "fiscalshield-idp-dev"
    s3_bucket = "fiscalshield-templates-eu-central-1"
    s3_prefix = "fiscalshield/dev"
    capabilities = "CAPABILITY_IAM CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND"
    confirm_changeset = false
    parameter_overrides = "AdminEmail=dev@example.com IDPPattern=\\"Pattern2 - Packet processing\\" LogLevel=INFO"
    tags = "Team=\\"idp\\" Environment=dev"
    fail_on_empty_changeset = false
    template_file = ".aws-sam/build/template.yaml"

    [default.local_start_api.parameters]
    warm_containers = "EAGER"

    [prod.global.parameters]
    region = "eu-west-1"

    [prod.deploy.parameters]
    stack_name = "fiscalshield-idp-prod"
    resolve_s3 = true
    capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]
    parameter_overrides = ["AdminEmail=ops@example.com", "IDPPattern=Pattern2 - Packet processing"]
    confirm_changeset = true
    profile = "prod-admin"

    [broken.deploy.parameters]
    region = "us-east-1"
    """

    func load() throws -> (ProjectConfiguration, URL) {
        let directory = try makeProject(["samconfig.toml": Self.samconfig, "template.yaml": "{}"])
        return (try ProjectConfiguration.load(directory: directory), directory)
    }

    @Test("the default env merges global under deploy, with build and package where relevant")
    func defaultEnvironment() throws {
        let (project, directory) = try load()
        #expect(project.format == .samconfigToml)
        #expect(project.environmentNames == ["default", "prod", "broken"])
        let env = try project.environment()
        #expect(env.name == "default")
        #expect(env.stackName == "fiscalshield-idp-dev")
        #expect(env.region == "eu-central-1", "from [default.global.parameters]")
        #expect(env.profile == "shared")
        #expect(env.capabilities == ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"])
        #expect(env.parameters.map(\.description)
            == ["AdminEmail=dev@example.com", "IDPPattern=Pattern2 - Packet processing", "LogLevel=INFO"])
        #expect(env.tags == [KeyValue(key: "Team", value: "idp"), KeyValue(key: "Environment", value: "dev")])
        #expect(env.artifacts.bucket?.rawValue == "fiscalshield-templates-eu-central-1", "deploy wins over package")
        #expect(try env.resolvedArtifacts(region: "eu-central-1", account: nil).prefix == "fiscalshield/dev")
        #expect(env.artifacts.resolveBucket == false)
        #expect(env.policy.approval == .never)
        #expect(env.policy.hotswap == true)
        #expect(env.build.cached == true)
        #expect(env.build.parallel == true)
        #expect(env.templateFile.path == directory.appendingPathComponent("template.yaml").standardizedFileURL.path,
                "the build table's source template, not deploy's .aws-sam output")
    }

    @Test("--config-env picks another env; its own global applies; arrays work")
    func configEnv() throws {
        let (project, _) = try load()
        let prod = try project.environment(named: "prod")
        #expect(prod.stackName == "fiscalshield-idp-prod")
        #expect(prod.region == "eu-west-1")
        #expect(prod.profile == "prod-admin", "deploy wins over global")
        #expect(prod.capabilities == ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
        #expect(prod.parameters.map(\.description)
            == ["AdminEmail=ops@example.com", "IDPPattern=Pattern2 - Packet processing"])
        #expect(prod.artifacts.bucket == nil)
        #expect(prod.artifacts.resolveBucket == true)
        #expect(prod.policy.approval == .required)
        #expect(prod.policy.hotswap == false)
    }

    @Test("an env without stack_name fails only when it is asked for, naming the key")
    func missingStackName() throws {
        let (project, directory) = try load()
        let error = #expect(throws: ConfigurationError.self) { try project.environment(named: "broken") }
        #expect(error?.code == .missingValue)
        #expect(error?.key == "broken.deploy.parameters.stack_name")
        #expect(error?.line == 42, "the line of [broken.deploy.parameters]")
        #expect(error?.file == directory.appendingPathComponent("samconfig.toml").standardizedFileURL.path)
    }

    @Test("keys Ferry does not use are warnings with their lines, not errors")
    func warnings() throws {
        let (project, _) = try load()
        let keys = project.warnings.compactMap(\.key)
        #expect(keys.contains("default.global.parameters.beta_features"))
        #expect(keys.contains("default.build.parameters.use_container"))
        #expect(keys.contains("default.deploy.parameters.fail_on_empty_changeset"))
        #expect(!keys.contains { $0.contains("local_start_api") }, "other commands' tables are not Ferry's business")
        let beta = project.warnings.first { $0.key == "default.global.parameters.beta_features" }
        #expect(beta?.line == 6)
    }

    @Test("deploy's .aws-sam template is SAM's build output: skipped with a warning")
    func buildOutputTemplate() throws {
        let directory = try makeProject([
            "samconfig.toml": """
            version = 0.1
            [default.deploy.parameters]
            stack_name = "s"
            template_file = ".aws-sam/build/template.yaml"
            """,
            "template.yml": "{}",
        ])
        let project = try ProjectConfiguration.load(directory: directory)
        #expect(try project.environment().templateFile.lastPathComponent == "template.yml")
        let warning = project.warnings.first { $0.key == "default.deploy.parameters.template_file" }
        #expect(warning?.line == 4)
        #expect(warning?.message.contains("build output") == true)
    }

    @Test("the file `sam deploy --guided` writes, empty tables included")
    func guidedOutput() throws {
        let directory = try makeProject(["samconfig.toml": """
            version = 0.1
            [default]
            [default.deploy]
            [default.deploy.parameters]
            stack_name = "sam-app"
            s3_bucket = "aws-sam-cli-managed-default-samclisourcebucket-1a2b3c"
            s3_prefix = "sam-app"
            region = "us-east-1"
            confirm_changeset = true
            capabilities = "CAPABILITY_IAM"
            parameter_overrides = "Stage=\\"dev\\""
            image_repositories = []
            """])
        let project = try ProjectConfiguration.load(directory: directory)
        let env = try project.environment()
        #expect(env.stackName == "sam-app")
        #expect(env.region == "us-east-1")
        #expect(env.capabilities == ["CAPABILITY_IAM"])
        #expect(env.parameters == [KeyValue(key: "Stage", value: "dev")])
        #expect(env.policy.approval == .required)
        #expect(try env.resolvedArtifacts(region: "us-east-1", account: nil)
            == ResolvedArtifactLocation(
                bucket: "aws-sam-cli-managed-default-samclisourcebucket-1a2b3c", prefix: "sam-app", kmsKeyID: nil))
        #expect(project.warnings.map(\.key) == ["default.deploy.parameters.image_repositories"])
        #expect(project.warnings.first?.line == 12)
    }

    @Test("capabilities as a string or an array give the same list")
    func capabilitiesForms() throws {
        let file = URL(fileURLWithPath: "/p/samconfig.toml")
        let asString = try ProjectConfiguration.parse(text: """
            version = 0.1
            [default.deploy.parameters]
            stack_name = "s"
            capabilities = "CAPABILITY_IAM  CAPABILITY_AUTO_EXPAND"
            """, file: file).environment()
        let asArray = try ProjectConfiguration.parse(text: """
            version = 0.1
            [default.deploy.parameters]
            stack_name = "s"
            capabilities = ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]
            """, file: file).environment()
        #expect(asString.capabilities == ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
        #expect(asArray.capabilities == asString.capabilities)
    }

    @Test("a broken parameter_overrides names the key and line")
    func badOverrides() throws {
        let project = try ProjectConfiguration.parse(text: """
            version = 0.1
            [default.deploy.parameters]
            stack_name = "s"
            parameter_overrides = "AdminEmail=\\"unterminated"
            capabilities = 3
            """, file: URL(fileURLWithPath: "/p/samconfig.toml"))
        let error = #expect(throws: ConfigurationError.self) { try project.environment() }
        #expect(error?.code == .badValue)
        #expect(error?.key == "default.deploy.parameters.parameter_overrides")
        #expect(error?.line == 4)
        #expect(error?.additionalErrors.first?.key == "default.deploy.parameters.capabilities")
        #expect(error?.additionalErrors.first?.code == .wrongType)
    }

    @Test("only version 0.1 is accepted")
    func version() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try ProjectConfiguration.parse(
                text: "version = 0.2\n[default.deploy.parameters]\nstack_name = \"s\"\n",
                file: URL(fileURLWithPath: "/p/samconfig.toml"))
        }
        #expect(error?.code == .badValue)
        #expect(error?.key == "version")
        #expect(error?.line == 1)
    }

    @Test("samconfig.yaml is reported as unsupported, by discovery and by --config")
    func yamlUnsupported() throws {
        let directory = try makeProject(["samconfig.yaml": "version: 0.1\n"])
        let found = #expect(throws: ConfigurationError.self) { try ProjectConfiguration.load(directory: directory) }
        #expect(found?.code == .notFound)
        #expect(found?.description.contains("samconfig.yaml") == true)
        #expect(found?.description.contains("not read") == true || found?.description.contains("does not read") == true)
        let explicit = #expect(throws: ConfigurationError.self) {
            try ProjectConfiguration.load(directory: directory, explicitPath: directory.appendingPathComponent("samconfig.yaml"))
        }
        #expect(explicit?.code == .unsupportedFormat)
    }
}
