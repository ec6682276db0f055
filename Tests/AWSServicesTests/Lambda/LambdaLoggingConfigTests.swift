import Foundation
import Testing
@testable import AWSServices

@Suite struct LambdaLoggingConfigTests {
    @Test func functionConfigurationCarriesItsLogGroup() throws {
        let configuration = try Fixture.json(FunctionConfiguration.self, "lambda-function-configuration-logging.json", service: .lambda)
        let logging = try #require(configuration.loggingConfig)
        #expect(logging.logGroup == "/shared/orders")
        #expect(logging.logFormat == "JSON")
        #expect(logging.applicationLogLevel == "INFO")
        #expect(logging.systemLogLevel == "WARN")
    }

    @Test func aFunctionWithoutLoggingConfigHasNone() throws {
        let configuration = try Fixture.json(FunctionConfiguration.self, "lambda-function-configuration-failed.json", service: .lambda)
        #expect(configuration.loggingConfig == nil)
    }
}
