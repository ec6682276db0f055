@testable import AWSCore
import Foundation
import Testing

@Suite("Shared config files")
struct SharedConfigTests {
    @Test func parsesProfilesCommentsAndNestedSections() throws {
        let home = try TemporaryHome(
            config: """
            # a comment
            ; another comment
            [default]
            region = eu-central-1
            output: json

            [profile dev]
            region=us-west-2
            s3 =
              max_concurrent_requests = 20
              addressing_style = path
            role_arn = arn:aws:iam::123456789012:role/dev

            [sso-session corp]
            sso_region = us-east-1

            [notaprofile]
            region = ap-south-1
            """,
            credentials: """
            [default]
            aws_access_key_id = AKIDDEFAULT
            aws_secret_access_key = secret/with=equals

            [dev]
            aws_access_key_id = AKIDDEV
            aws_secret_access_key = devsecret
            region = us-east-2
            """)
        let config = try AWSSharedConfig.load(environment: home.environment())

        #expect(config.profileNames == ["default", "dev"])
        let defaultProfile = try #require(config.profile("default"))
        #expect(defaultProfile.value("region") == "eu-central-1")
        #expect(defaultProfile.value("output") == "json")
        #expect(defaultProfile.value("aws_secret_access_key") == "secret/with=equals")

        let dev = try #require(config.profile("dev"))
        #expect(dev.subSections["s3"] == ["max_concurrent_requests": "20", "addressing_style": "path"])
        #expect(dev.value("s3") == nil)
        #expect(dev.value("role_arn") == "arn:aws:iam::123456789012:role/dev")
        // The credentials file wins for a key set in both files.
        #expect(dev.value("region") == "us-east-2")
        #expect(dev.values["region"]?.file == "~/.aws/credentials")
        #expect(dev.values["role_arn"]?.file == "~/.aws/config")
        #expect(dev.values["role_arn"]?.line == 12)
        #expect(dev.files == ["~/.aws/config", "~/.aws/credentials"])
        #expect(config.profile("notaprofile") == nil)
    }

    @Test func profilePrefixOnlyCountsInTheConfigFile() throws {
        let home = try TemporaryHome(
            config: "[profile staging]\nregion = eu-west-1\n[staging2]\nregion = eu-west-2\n",
            credentials: "[prod]\naws_access_key_id = A\naws_secret_access_key = B\n[profile odd]\naws_access_key_id = C\n")
        let config = try AWSSharedConfig.load(environment: home.environment())
        #expect(config.profile("staging")?.value("region") == "eu-west-1")
        #expect(config.profile("staging2") == nil)
        #expect(config.profile("prod")?.value("aws_access_key_id") == "A")
        // In the credentials file the section name is the profile name, as written.
        #expect(config.profile("profile odd")?.value("aws_access_key_id") == "C")
        #expect(config.profile("odd") == nil)
    }

    @Test func malformedLineNamesFileAndLine() throws {
        let home = try TemporaryHome(config: "[default]\nregion = eu-central-1\nthis line has no delimiter\n")
        let error = try #require(throws: SharedConfigError.self) {
            try AWSSharedConfig.load(environment: home.environment())
        }
        #expect(error.line == 3)
        #expect(error.file == "~/.aws/config")
        #expect(error.description.contains("~/.aws/config:3"))
        #expect(error.description.contains("this line has no delimiter"))
        #expect(error.description.contains("Fix or remove the line"))
    }

    @Test func otherMalformedShapes() throws {
        let outside = try #require(throws: SharedConfigError.self) {
            try SharedConfigParser.parse("region = x\n[default]\n", file: "cfg")
        }
        #expect(outside.line == 1)
        #expect(outside.description.contains("before any `[section]`"))

        let unclosed = try #require(throws: SharedConfigError.self) {
            try SharedConfigParser.parse("[default]\nregion = x\n[profile dev\n", file: "cfg")
        }
        #expect(unclosed.line == 3)

        let duplicateKey = try #require(throws: SharedConfigError.self) {
            try SharedConfigParser.parse("[default]\nregion = a\n# c\nregion = b\n", file: "cfg")
        }
        #expect(duplicateKey.line == 4)
        #expect(duplicateKey.description.contains("first on line 2"))

        let duplicateSection = try #require(throws: SharedConfigError.self) {
            try SharedConfigParser.parse("[default]\n[dev]\n[default]\n", file: "cfg")
        }
        #expect(duplicateSection.line == 3)

        let nested = try #require(throws: SharedConfigError.self) {
            try SharedConfigParser.parse("[default]\ns3 =\n  not nested\n", file: "cfg")
        }
        #expect(nested.line == 3)
        #expect(nested.description.contains("indented under `s3 =`"))
    }

    @Test func continuationOfAPlainValueJoinsLines() throws {
        let sections = try SharedConfigParser.parse("[default]\nfoo = one\n  two\n", file: "cfg")
        #expect(sections.first?.values["foo"]?.value == "one\ntwo")
    }

    @Test func filePathsComeFromTheEnvironment() throws {
        let home = try TemporaryHome()
        let configPath = try home.write("elsewhere/cfg", "[profile x]\nregion = sa-east-1\n")
        let credentialsPath = try home.write("elsewhere/creds", "[x]\naws_access_key_id = K\naws_secret_access_key = S\n")
        let config = try AWSSharedConfig.load(environment: home.environment([
            "AWS_CONFIG_FILE": configPath, "AWS_SHARED_CREDENTIALS_FILE": credentialsPath,
        ]))
        #expect(config.profile("x")?.value("region") == "sa-east-1")
        #expect(config.profile("x")?.value("aws_access_key_id") == "K")
        #expect(config.searchedFiles == ["~/elsewhere/creds", "~/elsewhere/cfg"])
    }

    @Test func missingFilesAreEmpty() throws {
        let home = try TemporaryHome()
        let config = try AWSSharedConfig.load(environment: home.environment())
        #expect(config.profiles.isEmpty)
        let noHome = try AWSSharedConfig.load(environment: [:])
        #expect(noHome.searchedFiles.isEmpty)
    }
}
