import Configuration
import Deployment
import Templates
import Testing

@Suite struct DeployParametersTests {
    private let template = """
    Parameters:
      LogLevel: {Type: String}
      DbPassword: {Type: String, NoEcho: true}
      ApiKey:
        Type: String
        NoEcho: "true"
    Resources:
      Bucket: {Type: AWS::S3::Bucket}
    """

    @Test func overridesReplaceInPlaceAndAppend() throws {
        let parameters = DeployParameters(
            configured: [KeyValue(key: "LogLevel", value: "INFO"), KeyValue(key: "Env", value: "dev")],
            overrides: [try DeployParameters.parseOverride("LogLevel=DEBUG"), try DeployParameters.parseOverride("Url=a=b")])
        #expect(parameters.values.map(\.description) == ["LogLevel=DEBUG", "Env=dev", "Url=a=b"])
    }

    @Test(arguments: ["novalue", "=x", ""])
    func malformedOverridesAreBadInput(text: String) {
        #expect(throws: DeploymentError.self) { try DeployParameters.parseOverride(text) }
        #expect((try? DeployParameters.parseOverride(text)) == nil)
    }

    @Test func noEchoValuesAreNeverShown() throws {
        let parsed = try TemplateLoader.parse(template)
        let noEcho = DeployParameters.noEchoNames(in: parsed)
        #expect(noEcho == ["DbPassword", "ApiKey"])
        let parameters = DeployParameters(
            configured: [KeyValue(key: "LogLevel", value: "INFO"), KeyValue(key: "DbPassword", value: "hunter2")],
            overrides: [KeyValue(key: "ApiKey", value: "secret-key")], noEcho: noEcho)
        #expect(parameters.masked.map(\.description) == ["LogLevel=INFO", "DbPassword=****", "ApiKey=****"])
        #expect(!parameters.masked.map(\.value).contains("hunter2"))
        // CloudFormation still gets the real values.
        #expect(parameters.forCloudFormation.map(\.parameterValue) == ["INFO", "hunter2", "secret-key"])
    }

    @Test func undeclaredParametersAreDropped() {
        let parameters = DeployParameters(configured: [KeyValue(key: "A", value: "1"), KeyValue(key: "B", value: "2")])
        #expect(parameters.restricted(to: ["B"]).values.map(\.key) == ["B"])
        #expect(parameters.restricted(to: nil).values.count == 2)
    }
}

@Suite struct CapabilityDetectorTests {
    @Test func samFunctionsAndNamedRolesAndNestedStacks() throws {
        let sam = try TemplateLoader.parse("""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn: {Type: AWS::Serverless::Function, Properties: {Handler: a, Runtime: python3.12}}
        """)
        #expect(CapabilityDetector.required(by: sam) == ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
        let named = try TemplateLoader.parse("""
        Resources:
          Role: {Type: AWS::IAM::Role, Properties: {RoleName: fixed}}
          Child: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: https://x}}
        """)
        #expect(CapabilityDetector.required(by: named) == ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"])
        let plain = try TemplateLoader.parse("Resources:\n  Q: {Type: AWS::SQS::Queue}\n")
        #expect(CapabilityDetector.required(by: plain).isEmpty)
        #expect(CapabilityDetector.merge(configured: ["CAPABILITY_IAM"], required: ["CAPABILITY_AUTO_EXPAND", "CAPABILITY_IAM"])
                == ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
    }
}

@Suite struct ApprovalDecisionTests {
    @Test(arguments: [
        // policy, yes, approve, tty, expected
        (ApprovalPolicy.never, false, false, false, "proceed"), (.never, false, false, true, "proceed"),
        (.tty, false, false, true, "ask"), (.tty, false, false, false, "proceed"), (.tty, true, false, true, "proceed"),
        (.required, true, false, true, "ask"), (.required, true, false, false, "refuse"), (.required, false, true, false, "proceed"),
        (.required, false, false, true, "ask"),
    ])
    func table(policy: ApprovalPolicy, yes: Bool, approve: Bool, tty: Bool, expected: String) {
        let decision = ApprovalDecision.decide(policy: policy, yes: yes, approve: approve, isTTY: tty, environment: "prod")
        switch decision {
        case .proceed: #expect(expected == "proceed")
        case .ask: #expect(expected == "ask")
        case .refuse(let reason):
            #expect(expected == "refuse")
            #expect(reason.contains("--approve"))
        }
    }
}
