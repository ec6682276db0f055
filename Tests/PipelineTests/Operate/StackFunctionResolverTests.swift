import Hotswap
import Pipeline
import Testing

@Suite("Stack functions")
struct StackFunctionResolverTests {
    struct Lister: StackResourceLister {
        let stacks: [String: [DeployedResource]]
        func deployedResources(ofStack stackName: String) async throws -> [DeployedResource] {
            try #require(stacks[stackName])
        }
    }

    struct Groups: FunctionLogGroupLookup {
        let configured: [String: String]
        func configuredLogGroup(ofFunction functionName: String) async -> String? { configured[functionName] }
    }

    @Test("functions of the root and nested stacks, with LoggingConfig groups where set")
    func nested() async throws {
        let lister = Lister(stacks: [
            "app": [
                DeployedResource(logicalID: "Api", physicalID: "app-Api-1", resourceType: "AWS::CloudFormation::Stack"),
                DeployedResource(logicalID: "Worker", physicalID: "app-Worker-9", resourceType: "AWS::Lambda::Function"),
                DeployedResource(logicalID: "Table", physicalID: "app-table", resourceType: "AWS::DynamoDB::Table"),
            ],
            "app-Api-1": [
                DeployedResource(logicalID: "Handler", physicalID: "app-Api-Handler-2", resourceType: "AWS::Lambda::Function"),
                DeployedResource(logicalID: "Deep", physicalID: "app-Api-Deep-3", resourceType: "AWS::CloudFormation::Stack"),
            ],
            "app-Api-Deep-3": [
                DeployedResource(logicalID: "Inner", physicalID: "inner-fn", resourceType: "AWS::Lambda::Function"),
            ],
        ])
        let resolver = StackFunctionResolver(
            resolver: PhysicalResolver(rootStackName: "app", lister: lister),
            logGroups: Groups(configured: ["app-Worker-9": "/shared/logs"]))
        let functions = try await resolver.functions()
        #expect(functions.map(\.displayName) == ["Api/Deep/Inner", "Api/Handler", "Worker"])
        #expect(functions.map(\.stackPath) == ["Root/Api/Deep", "Root/Api", "Root"])
        #expect(functions.map(\.logGroupName) == ["/aws/lambda/inner-fn", "/aws/lambda/app-Api-Handler-2", "/shared/logs"])
    }
}
