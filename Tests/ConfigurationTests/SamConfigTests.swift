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
        #expect(prod.artifacts.isManaged)
        #expect(try prod.resolvedArtifacts(region: "eu-west-1", account: "123456789012").bucket
                == "ferry-artifacts-123456789012-eu-west-1", "resolve_s3: the managed bucket per account and region")
        #expect(prod.policy.approval == .tty, "confirm_changeset asks on a terminal; it is not prod-style approval")
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
        #expect(!keys.contains("default.deploy.parameters.fail_on_empty_changeset"), "false is what Ferry does")
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
            resolve_image_repos = true
            """])
        let project = try ProjectConfiguration.load(directory: directory)
        let env = try project.environment()
        #expect(env.stackName == "sam-app")
        #expect(env.region == "us-east-1")
        #expect(env.capabilities == ["CAPABILITY_IAM"])
        #expect(env.parameters == [KeyValue(key: "Stage", value: "dev")])
        #expect(env.policy.approval == .tty)
        #expect(try env.resolvedArtifacts(region: "us-east-1", account: nil)
            == ResolvedArtifactLocation(
                bucket: "aws-sam-cli-managed-default-samclisourcebucket-1a2b3c", prefix: "sam-app", kmsKeyID: nil))
        #expect(project.warnings.map(\.key) == ["default.deploy.parameters.resolve_image_repos"])
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

    @Test("samconfig.yaml is read (no longer unsupported); its syntax errors name the file and line")
    func yamlSupported() throws {
        let directory = try makeProject(["samconfig.yaml": "version: 0.1\ndefault:\n  deploy:\n    parameters:\n      stack_name: s\n"])
        #expect(try ProjectConfiguration.load(directory: directory).environment().stackName == "s")
        let explicit = try ProjectConfiguration.load(directory: directory, explicitPath: directory.appendingPathComponent("samconfig.yaml"))
        #expect(try explicit.environment().stackName == "s")
        let broken = try makeProject(["samconfig.yml": "version: 0.1\ndefault:\n  deploy: [unclosed\n"])
        let error = #expect(throws: ConfigurationError.self) { try ProjectConfiguration.load(directory: broken) }
        #expect(error?.code == .syntax)
        #expect(error?.file?.hasSuffix("samconfig.yml") == true)
        #expect(error?.line != nil)
        let list = try makeProject(["samconfig.yaml": "- a\n- b\n"])
        let notMapping = #expect(throws: ConfigurationError.self) { try ProjectConfiguration.load(directory: list) }
        #expect(notMapping?.description.contains("mapping of environments") == true)
    }
}

@Suite("samconfig: every key sam deploy --guided writes; samconfig.yaml")
struct SamConfigKeysTests {
    @Test("keys Ferry does not honour are reported one by one with the reason")
    func reportedKeys() throws {
        let project = try ProjectConfiguration.parse(text: """
            version = 0.1
            [default.deploy.parameters]
            stack_name = "sam-app"
            resolve_s3 = true
            s3_prefix = "sam-app"
            region = "eu-west-1"
            profile = "dev"
            confirm_changeset = true
            capabilities = "CAPABILITY_IAM"
            parameter_overrides = "Stage=dev"
            tags = "Team=idp"
            image_repositories = ["Fn=123456789012.dkr.ecr.eu-west-1.amazonaws.com/repo"]
            disable_rollback = true
            fail_on_empty_changeset = true
            signing_profiles = "Fn=MyProfile"
            """, file: URL(fileURLWithPath: "/p/samconfig.toml"))
        let env = try project.environment()
        #expect(env.stackName == "sam-app")
        #expect(env.artifacts.isManaged)
        #expect(try env.resolvedArtifacts(region: "eu-west-1", account: "123456789012").prefix == "sam-app")
        #expect(env.region == "eu-west-1" && env.profile == "dev")
        #expect(env.policy.approval == .tty)
        #expect(env.capabilities == ["CAPABILITY_IAM"])
        #expect(env.parameters == [KeyValue(key: "Stage", value: "dev")])
        #expect(env.tags == [KeyValue(key: "Team", value: "idp")])
        let byKey = Dictionary(uniqueKeysWithValues: project.warnings.map { ($0.key ?? "", $0) })
        #expect(byKey.keys.sorted() == [
            "default.deploy.parameters.disable_rollback", "default.deploy.parameters.fail_on_empty_changeset",
            "default.deploy.parameters.signing_profiles",
        ])
        #expect(env.build.images.repositories == ["Fn": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/repo"])
        #expect(byKey["default.deploy.parameters.signing_profiles"]?.message.contains("AWS Signer") == true)
        #expect(byKey["default.deploy.parameters.disable_rollback"]?.line == 13)
        #expect(byKey["default.deploy.parameters.fail_on_empty_changeset"]?.message.contains("--exit-code") == true)
    }

    @Test("disable_rollback = false and fail_on_empty_changeset = false ask for what Ferry does: nothing to report")
    func matchingKeysAreSilent() throws {
        let project = try ProjectConfiguration.parse(text: """
            version = 0.1
            [default.deploy.parameters]
            stack_name = "s"
            disable_rollback = false
            fail_on_empty_changeset = false
            """, file: URL(fileURLWithPath: "/p/samconfig.toml"))
        #expect(project.warnings.isEmpty, "\(project.warnings)")
    }

    @Test("confirm_changeset = false never asks")
    func confirmFalse() throws {
        let env = try ProjectConfiguration.parse(text: """
            version = 0.1
            [default.deploy.parameters]
            stack_name = "s"
            confirm_changeset = false
            """, file: URL(fileURLWithPath: "/p/samconfig.toml")).environment()
        #expect(env.policy.approval == .never)
    }

    @Test("samconfig.yaml is read like samconfig.toml, with lines in warnings and errors")
    func yaml() throws {
        let directory = try makeProject(["samconfig.yaml": """
            version: 0.1
            default:
              global:
                parameters:
                  region: eu-central-1
              deploy:
                parameters:
                  stack_name: sam-app
                  resolve_s3: true
                  s3_prefix: sam-app
                  capabilities: CAPABILITY_IAM
                  parameter_overrides: Stage="dev" Name=x
                  confirm_changeset: false
                  resolve_image_repos: true
            broken:
              deploy:
                parameters:
                  region: us-east-1
            """, "template.yaml": "{}"])
        let project = try ProjectConfiguration.load(directory: directory)
        #expect(project.format == .samconfigToml)
        #expect(project.file.lastPathComponent == "samconfig.yaml")
        #expect(project.environmentNames == ["default", "broken"])
        let env = try project.environment()
        #expect(env.stackName == "sam-app")
        #expect(env.region == "eu-central-1")
        #expect(env.artifacts.isManaged)
        #expect(env.capabilities == ["CAPABILITY_IAM"])
        #expect(env.parameters == [KeyValue(key: "Stage", value: "dev"), KeyValue(key: "Name", value: "x")])
        #expect(env.policy.approval == .never)
        #expect(project.warnings.first { $0.key == "default.deploy.parameters.resolve_image_repos" }?.line == 14)
        let error = #expect(throws: ConfigurationError.self) { try project.environment(named: "broken") }
        #expect(error?.key == "broken.deploy.parameters.stack_name")
        #expect(error?.line == 17)
    }

    @Test("samconfig.yml is found too; samconfig.toml wins when both exist (SAM's order)")
    func yamlOrder() throws {
        let yml = "version: 0.1\ndefault:\n  deploy:\n    parameters:\n      stack_name: from-yml\n"
        let onlyYml = try makeProject(["samconfig.yml": yml])
        #expect(try ProjectConfiguration.load(directory: onlyYml).environment().stackName == "from-yml")
        let both = try makeProject(["samconfig.yml": yml, "samconfig.toml": "version = 0.1\n[default.deploy.parameters]\nstack_name = \"from-toml\"\n"])
        #expect(try ProjectConfiguration.load(directory: both).environment().stackName == "from-toml")
    }

    @Test("ferry.toml: resolve_s3 = true in an environment means the managed bucket, not the inherited one")
    func ferryTomlResolve() throws {
        let project = try ProjectConfiguration.parse(text: """
            [artifacts]
            bucket = "shared-{region}"
            [env.dev]
            stack_name = "app-dev"
            [env.qa]
            stack_name = "app-qa"
            [env.qa.artifacts]
            resolve_s3 = true
            """, file: URL(fileURLWithPath: "/p/ferry.toml"))
        #expect(try project.environment(named: "dev").resolvedArtifacts(region: "eu-west-1", account: nil).bucket == "shared-eu-west-1")
        #expect(try project.environment(named: "qa").resolvedArtifacts(region: "eu-west-1", account: "111122223333").bucket
                == "ferry-artifacts-111122223333-eu-west-1")
    }
}

@Suite("S3 bucket names")
struct BucketNameTests {
    @Test(arguments: [
        ("ab", "3 to 63"), (String(repeating: "a", count: 64), "3 to 63"), ("My-Bucket", "uppercase"),
        ("my_bucket", "underscore"), ("-abc", "begin and end"), ("abc.", "begin and end"), ("a..b", "'..'"),
        ("192.168.5.4", "IP address"), ("xn--abc", "xn--"), ("sthree-abc", "sthree-"), ("abc-s3alias", "-s3alias"),
        ("abc--ol-s3", "--ol-s3"), ("abc.mrap", ".mrap"), ("abc--x-s3", "--x-s3"), ("amzn-s3-demo-x", "amzn-s3-demo-"),
    ])
    func invalid(name: String, reason: String) {
        #expect(BucketName.problem(name)?.contains(reason) == true, "\(name): \(BucketName.problem(name) ?? "valid")")
    }

    @Test func valid() {
        for name in ["abc", "ferry-artifacts-123456789012-ap-southeast-5", "my.bucket.name", String(repeating: "a", count: 63)] {
            #expect(BucketName.problem(name) == nil, "\(name)")
        }
    }

    @Test("ferry init: any folder name and region give a valid bucket name, shortened with a stable hash")
    func initNames() throws {
        let folders = ["My_Project", "ferry-config-tests-\(UUID().uuidString)", "Überprojekt", "123", "xn--app",
                       String(repeating: "very-long-folder-name-", count: 5), "___"]
        for folder in folders {
            let directory = try makeProject().appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let text = try FerryTomlWriter(projectDirectory: directory).render()
            let dev = try ProjectConfiguration.parse(text: text, file: directory.appendingPathComponent("ferry.toml")).environment()
            for region in ["us-east-1", "ap-southeast-5", "us-gov-west-1"] {
                let bucket = try #require(try dev.resolvedArtifacts(region: region, account: "123456789012").bucket)
                #expect(BucketName.problem(bucket) == nil, "\(folder) in \(region): \(bucket): \(BucketName.problem(bucket) ?? "")")
            }
            let again = try FerryTomlWriter(projectDirectory: directory).render()
            #expect(again == text, "stable")
        }
        #expect(BucketName.component("ferry-config-tests-A", maxLength: 10) != BucketName.component("ferry-config-tests-B", maxLength: 10))
    }

    @Test("ferry init from a samconfig with resolve_s3 writes resolve_s3 = true, which loads back as managed")
    func initResolve() throws {
        let directory = try makeProject(["samconfig.toml": """
            version = 0.1
            [default.deploy.parameters]
            stack_name = "sam-app"
            resolve_s3 = true
            s3_prefix = "sam-app"
            confirm_changeset = true
            capabilities = "CAPABILITY_IAM"
            """, "template.yaml": "{}"])
        let text = try FerryTomlWriter(projectDirectory: directory).render()
        #expect(text.contains("resolve_s3 = true"))
        let dev = try ProjectConfiguration.parse(text: text, file: directory.appendingPathComponent("ferry.toml")).environment()
        #expect(dev.name == "dev")
        #expect(dev.artifacts.isManaged)
        #expect(dev.policy.approval == .tty)
        #expect(try dev.resolvedArtifacts(region: "eu-west-1", account: "123456789012")
                == ResolvedArtifactLocation(bucket: "ferry-artifacts-123456789012-eu-west-1", prefix: "sam-app", kmsKeyID: nil))
    }
}
