@testable import AWSCore
import Foundation
import Testing

@Suite("Region, endpoint and retry resolution")
struct RegionAndEndpointTests {
    static let config = """
        [default]
        region = eu-central-1
        [profile dev]
        region = us-west-2
        max_attempts = 7
        retry_mode = adaptive
        [profile local]
        region = eu-west-1
        endpoint_url = http://127.0.0.1:5000
        services = local-services
        [services local-services]
        s3 =
          endpoint_url = http://127.0.0.1:9000
        cloudwatch_logs =
          endpoint_url = http://127.0.0.1:9001
        """

    func region(_ home: TemporaryHome, _ extra: [String: String] = [:], profile: String? = nil, flag: String? = nil) throws -> ResolvedRegion {
        try AWSEnvironmentResolver(environment: home.environment(extra), profile: profile, region: flag).resolveRegion()
    }

    @Test func regionOrder() throws {
        let home = try TemporaryHome(config: Self.config)
        let all = ["AWS_REGION": "ap-south-1", "AWS_DEFAULT_REGION": "ca-central-1"]
        #expect(try region(home, all, flag: "sa-east-1") == ResolvedRegion(name: "sa-east-1", source: .flag("--region")))
        #expect(try region(home, all) == ResolvedRegion(name: "ap-south-1", source: .environment("AWS_REGION")))
        #expect(try region(home, ["AWS_DEFAULT_REGION": "ca-central-1"]).source == .environment("AWS_DEFAULT_REGION"))
        let fromDefault = try region(home)
        #expect(fromDefault.name == "eu-central-1")
        #expect(fromDefault.source.description == "region in profile default (~/.aws/config line 2)")
        #expect(try region(home, profile: "dev").name == "us-west-2")
        #expect(try region(home, ["AWS_PROFILE": "dev"]).name == "us-west-2")
    }

    @Test func noRegionIsAnErrorWithTheFix() throws {
        let home = try TemporaryHome(credentials: "[default]\naws_access_key_id = A\naws_secret_access_key = S\n")
        let error = #expect(throws: ResolutionError.self) { try region(home) }
        let message = error?.description ?? ""
        #expect(message.contains("no AWS region is set"))
        #expect(message.contains("--region"))
        #expect(message.contains("AWS_REGION"))
        #expect(message.contains("`region = "))
    }

    @Test func invalidRegionNamesItsSource() throws {
        let home = try TemporaryHome()
        let error = #expect(throws: ResolutionError.self) { try region(home, ["AWS_REGION": "eu central"]) }
        #expect(error?.description.contains("region `eu central` from AWS_REGION") == true)
    }

    func endpoints(_ home: TemporaryHome, _ extra: [String: String] = [:], profile: String? = nil,
                   region: String = "eu-central-1", endpointURL: String? = nil) throws -> ResolvedAWSSettings {
        try AWSEnvironmentResolver(environment: home.environment(extra), profile: profile, region: region, endpointURL: endpointURL).resolve()
    }

    @Test func standardEndpointsPerPartition() throws {
        let home = try TemporaryHome()
        let aws = try endpoints(home).endpoint(for: .lambda)
        #expect(aws == ServiceEndpoint(url: URL(string: "https://lambda.eu-central-1.amazonaws.com")!, signingRegion: "eu-central-1",
                                       signingName: "lambda", usesPathStyle: false))
        #expect(try endpoints(home, region: "us-east-1").endpoint(for: .s3).url.absoluteString == "https://s3.us-east-1.amazonaws.com")
        #expect(try endpoints(home, region: "us-east-1").endpoint(for: .s3).usesPathStyle == false)
        let china = try endpoints(home, region: "cn-north-1").endpoint(for: .cloudFormation)
        #expect(china.url.absoluteString == "https://cloudformation.cn-north-1.amazonaws.com.cn")
        #expect(china.signingRegion == "cn-north-1")
        let gov = try endpoints(home, region: "us-gov-west-1").endpoint(for: .cloudWatchLogs)
        #expect(gov.url.absoluteString == "https://logs.us-gov-west-1.amazonaws.com")
        #expect(AWSPartition.containing(region: "us-gov-west-1").id == "aws-us-gov")
        #expect(AWSPartition.containing(region: "cn-northwest-1").id == "aws-cn")
        #expect(AWSPartition.containing(region: "eu-west-3").id == "aws")
        #expect(try endpoints(home).endpoint(for: .stepFunctions).signingName == "states")
    }

    @Test func globalServicesUseThePartitionsGlobalEndpoint() {
        let iam = AWSService(endpointPrefix: "iam", signingName: "iam", environmentID: "IAM", displayName: "IAM",
                             wireProtocol: .query(apiVersion: "2010-05-08"), pascalCaseMembers: true, isGlobal: true)
        let resolver = EndpointResolver(region: "eu-west-1", explicitURL: nil, environment: [:], profile: nil, config: nil)
        let endpoint = try? resolver.endpoint(for: iam)
        #expect(endpoint?.url.absoluteString == "https://iam.amazonaws.com")
        #expect(endpoint?.signingRegion == "us-east-1")
        let gov = EndpointResolver(region: "us-gov-east-1", explicitURL: nil, environment: [:], profile: nil, config: nil)
        #expect((try? gov.endpoint(for: iam))?.url.absoluteString == "https://iam.us-gov.amazonaws.com")
    }

    @Test func endpointOrder() throws {
        let home = try TemporaryHome(config: Self.config)
        let environment = ["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:7001", "AWS_ENDPOINT_URL": "http://127.0.0.1:7000"]
        // --endpoint-url beats everything, for every service.
        let explicit = try endpoints(home, environment, profile: "local", endpointURL: "http://localhost:4566/")
        #expect(try explicit.endpoint(for: .s3).url.absoluteString == "http://localhost:4566")
        #expect(try explicit.endpoint(for: .lambda).url.absoluteString == "http://localhost:4566")
        // Service variable, then the general variable.
        let fromEnvironment = try endpoints(home, environment, profile: "local")
        #expect(try fromEnvironment.endpoint(for: .s3).url.absoluteString == "http://127.0.0.1:7001")
        #expect(try fromEnvironment.endpoint(for: .lambda).url.absoluteString == "http://127.0.0.1:7000")
        // The profile's services section, then its endpoint_url.
        let fromProfile = try endpoints(home, profile: "local")
        #expect(try fromProfile.endpoint(for: .s3).url.absoluteString == "http://127.0.0.1:9000")
        #expect(try fromProfile.endpoint(for: .cloudWatchLogs).url.absoluteString == "http://127.0.0.1:9001")
        #expect(try fromProfile.endpoint(for: .cloudFormation).url.absoluteString == "http://127.0.0.1:5000")
        #expect(try fromProfile.endpoint(for: .cloudFormation).signingRegion == "eu-central-1")
        // Without any of those: the standard host.
        #expect(try endpoints(home, profile: "dev").endpoint(for: .cloudFormation).url.host == "cloudformation.eu-central-1.amazonaws.com")
    }

    @Test func ignoringConfiguredEndpointsKeepsOnlyTheFlag() throws {
        let home = try TemporaryHome(config: Self.config)
        let environment = ["AWS_ENDPOINT_URL": "http://127.0.0.1:7000", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]
        let ignored = try endpoints(home, environment, profile: "local")
        #expect(try ignored.endpoint(for: .lambda).url.absoluteString == "https://lambda.eu-central-1.amazonaws.com")
        #expect(try ignored.endpoint(for: .s3).usesPathStyle == false)
        let flag = try endpoints(home, environment, profile: "local", endpointURL: "http://127.0.0.1:1234")
        #expect(try flag.endpoint(for: .lambda).url.absoluteString == "http://127.0.0.1:1234")
    }

    @Test func customEndpointsMakeS3PathStyle() throws {
        let home = try TemporaryHome()
        let settings = try endpoints(home, ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"])
        #expect(try settings.endpoint(for: .s3).usesPathStyle)
        #expect(try settings.endpoint(for: .s3).signingName == "s3")
        #expect(try settings.endpoint(for: .lambda).usesPathStyle == false)
    }

    @Test func invalidEndpointNamesWhereItCameFrom() throws {
        let home = try TemporaryHome(config: "[default]\nendpoint_url = localhost:5000\n")
        let fromVariable = try endpoints(home, ["AWS_ENDPOINT_URL_LAMBDA": "not a url"])
        let error = #expect(throws: ResolutionError.self) { try fromVariable.endpoint(for: .lambda) }
        #expect(error?.description.contains("from AWS_ENDPOINT_URL_LAMBDA") == true)

        let fromProfile = try endpoints(home)
        let profileError = #expect(throws: ResolutionError.self) { try fromProfile.endpoint(for: .s3) }
        #expect(profileError?.description.contains("endpoint_url in profile default (~/.aws/config line 2)") == true)

        let fromFlag = try endpoints(home, endpointURL: "http://")
        let flagError = #expect(throws: ResolutionError.self) { try fromFlag.endpoint(for: .s3) }
        #expect(flagError?.description.contains("from --endpoint-url") == true)
    }

    @Test func retrySettings() throws {
        let home = try TemporaryHome(config: Self.config)
        let defaults = try endpoints(home)
        #expect(defaults.retry == RetrySettings(maxAttempts: 3, mode: .standard))
        #expect(defaults.maxAttempts == 3)
        let dev = try endpoints(home, profile: "dev")
        #expect(dev.retry.maxAttempts == 7)
        #expect(dev.retry.mode == .adaptive)
        let environment = try endpoints(home, ["AWS_MAX_ATTEMPTS": "2", "AWS_RETRY_MODE": "legacy"], profile: "dev")
        #expect(environment.retry == RetrySettings(maxAttempts: 2, mode: .legacy, maxAttemptsSource: .environment("AWS_MAX_ATTEMPTS")))
        #expect(try endpoints(home, ["AWS_RETRY_MODE": "legacy"]).maxAttempts == 5)
        let bad = #expect(throws: ResolutionError.self) { try endpoints(home, ["AWS_MAX_ATTEMPTS": "0"]) }
        #expect(bad?.description.contains("max_attempts `0` from AWS_MAX_ATTEMPTS") == true)
        let badMode = #expect(throws: ResolutionError.self) { try endpoints(home, ["AWS_RETRY_MODE": "fast"]) }
        #expect(badMode?.description.contains("retry_mode `fast`") == true)
    }

    @Test func resolverPutsItAllTogether() async throws {
        let home = try TemporaryHome(config: Self.config, credentials: "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = S\n")
        let settings = try AWSEnvironmentResolver(environment: home.environment(), profile: "dev").resolve()
        #expect(settings.profileName == "dev")
        #expect(settings.region == "us-west-2")
        #expect(settings.regionSource.description == "region in profile dev (~/.aws/config line 4)")
        #expect(settings.credentialSource == "profile dev in ~/.aws/credentials")
        #expect(try await settings.credentials.credentials().accessKeyID == "AKIDDEV")
        #expect(try settings.endpoint(for: .cloudFormation).url.absoluteString == "https://cloudformation.us-west-2.amazonaws.com")
        #expect(settings.maxAttempts == 7)

        let malformed = try TemporaryHome(credentials: "[default]\naws_access_key_id\n")
        let error = #expect(throws: SharedConfigError.self) {
            try AWSEnvironmentResolver(environment: malformed.environment(), region: "eu-west-1").resolve()
        }
        #expect(error?.description.contains("~/.aws/credentials:2") == true)
    }
}
