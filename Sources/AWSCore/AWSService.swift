/// The wire protocol a service speaks.
package enum WireProtocol: Sendable, Equatable {
    /// Form-encoded `Action=...&Version=...` requests, XML responses (CloudFormation, STS, CloudWatch).
    case query(apiVersion: String)
    /// REST with XML bodies (S3).
    case restXML
    /// REST with JSON bodies (Lambda, AppSync).
    case restJSON
    /// `POST /` with `X-Amz-Target: <prefix>.<Operation>` and `application/x-amz-json-<version>`
    /// (CloudWatch Logs 1.1, Step Functions 1.0).
    case json(version: String, targetPrefix: String)
}

/// An AWS service as the client needs to know it: how to find it, sign for it and talk to it.
package struct AWSService: Sendable, Equatable, Hashable {
    /// The endpoint prefix (`cloudformation`, `s3`, `logs`, `states`, `monitoring`, ...).
    package let endpointPrefix: String
    /// The SigV4 signing name.
    package let signingName: String
    /// The suffix of `AWS_ENDPOINT_URL_<ID>` (`CLOUDFORMATION`, `S3`, `CLOUDWATCH_LOGS`, ...).
    package let environmentID: String
    /// A short name for messages (`CloudFormation`, `S3`, ...).
    package let displayName: String
    package let wireProtocol: WireProtocol
    /// Whether JSON/XML member names are PascalCase on the wire (mapped to lowerCamel Swift names
    /// by upper/lower-casing only the first character).
    package let pascalCaseMembers: Bool
    /// Global services are signed in us-east-1 and have one endpoint per partition.
    package let isGlobal: Bool

    package static func == (lhs: AWSService, rhs: AWSService) -> Bool { lhs.endpointPrefix == rhs.endpointPrefix }
    package func hash(into hasher: inout Hasher) { hasher.combine(endpointPrefix) }

    package static let sts = AWSService(endpointPrefix: "sts", signingName: "sts", environmentID: "STS", displayName: "STS",
                                       wireProtocol: .query(apiVersion: "2011-06-15"), pascalCaseMembers: true, isGlobal: false)
    package static let s3 = AWSService(endpointPrefix: "s3", signingName: "s3", environmentID: "S3", displayName: "S3",
                                      wireProtocol: .restXML, pascalCaseMembers: true, isGlobal: false)
    package static let cloudFormation = AWSService(endpointPrefix: "cloudformation", signingName: "cloudformation",
                                                  environmentID: "CLOUDFORMATION", displayName: "CloudFormation",
                                                  wireProtocol: .query(apiVersion: "2010-05-15"), pascalCaseMembers: true, isGlobal: false)
    package static let lambda = AWSService(endpointPrefix: "lambda", signingName: "lambda", environmentID: "LAMBDA", displayName: "Lambda",
                                          wireProtocol: .restJSON, pascalCaseMembers: true, isGlobal: false)
    package static let cloudWatch = AWSService(endpointPrefix: "monitoring", signingName: "monitoring", environmentID: "CLOUDWATCH",
                                              displayName: "CloudWatch", wireProtocol: .query(apiVersion: "2010-08-01"),
                                              pascalCaseMembers: true, isGlobal: false)
    package static let cloudWatchLogs = AWSService(endpointPrefix: "logs", signingName: "logs", environmentID: "CLOUDWATCH_LOGS",
                                                  displayName: "CloudWatch Logs", wireProtocol: .json(version: "1.1", targetPrefix: "Logs_20140328"),
                                                  pascalCaseMembers: false, isGlobal: false)
    package static let stepFunctions = AWSService(endpointPrefix: "states", signingName: "states", environmentID: "SFN",
                                                 displayName: "Step Functions", wireProtocol: .json(version: "1.0", targetPrefix: "AWSStepFunctions"),
                                                 pascalCaseMembers: false, isGlobal: false)
    package static let appSync = AWSService(endpointPrefix: "appsync", signingName: "appsync", environmentID: "APPSYNC", displayName: "AppSync",
                                           wireProtocol: .restJSON, pascalCaseMembers: false, isGlobal: false)
    /// CodeDeploy: the deployments SAM's `DeploymentPreference` runs for Lambda aliases.
    package static let codeDeploy = AWSService(endpointPrefix: "codedeploy", signingName: "codedeploy", environmentID: "CODEDEPLOY",
                                              displayName: "CodeDeploy", wireProtocol: .json(version: "1.1", targetPrefix: "CodeDeploy_20141006"),
                                              pascalCaseMembers: false, isGlobal: false)
    /// Elastic Container Registry's control plane (repositories, authorization tokens, images).
    package static let ecr = AWSService(endpointPrefix: "api.ecr", signingName: "ecr", environmentID: "ECR", displayName: "ECR",
                                       wireProtocol: .json(version: "1.1", targetPrefix: "AmazonEC2ContainerRegistry_V20150921"),
                                       pascalCaseMembers: false, isGlobal: false)
}
