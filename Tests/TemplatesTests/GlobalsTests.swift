import Testing
@testable import Templates

@Suite struct GlobalsTests {
    static let template = """
    Transform: AWS::Serverless-2016-10-31
    Globals:
      Function:
        Runtime: python3.12
        CodeUri: shared/
        Handler: app.handler
        MemorySize: 256
        Architectures: [arm64]
        Layers: [!Ref CommonLayer]
        Environment:
          Variables: {LOG_LEVEL: INFO, STAGE: dev}
      Api:
        Cors: "'*'"
      LayerVersion:
        PublishLambdaVersion: true
    Resources:
      Plain:
        Type: AWS::Serverless::Function
      Custom:
        Type: AWS::Serverless::Function
        Properties:
          Runtime: nodejs20.x
          CodeUri: custom/
          MemorySize: !Ref Memory
          Layers: [!Ref ExtraLayer]
          Environment:
            Variables: {STAGE: prod}
        Metadata:
          BuildMethod: makefile
      Api:
        Type: AWS::Serverless::Api
        Properties: {StageName: v1}
      Layer:
        Type: AWS::Serverless::LayerVersion
        Properties: {ContentUri: layer/}
      Raw:
        Type: AWS::Lambda::Function
        Properties: {Runtime: go1.x, Code: {ZipFile: "x"}}
    """

    @Test func resourcePropertiesOverrideGlobals() throws {
        let template = try parse(Self.template)
        let plain = try #require(template.effectiveProperties(of: "Plain"))
        #expect(plain["Runtime"] == "python3.12")
        #expect(plain["CodeUri"] == "shared/")
        #expect(plain["MemorySize"] == 256)

        let custom = try #require(template.effectiveProperties(of: "Custom"))
        #expect(custom["Runtime"] == "nodejs20.x")
        #expect(custom["CodeUri"] == "custom/")
        #expect(custom["Handler"] == "app.handler")
        #expect(custom["MemorySize"] == ["Ref": "Memory"])
        // SAM merges lists by concatenation (global first) and mappings key by key.
        #expect(custom["Layers"] == [["Ref": "CommonLayer"], ["Ref": "ExtraLayer"]])
        #expect(custom["Environment"] == ["Variables": ["LOG_LEVEL": "INFO", "STAGE": "prod"]])
    }

    @Test func globalsApplyOnlyToTheirSection() throws {
        let template = try parse(Self.template)
        #expect(template.effectiveProperties(of: "Api")?["Cors"] == "'*'")
        #expect(template.effectiveProperties(of: "Api")?["Runtime"] == nil)
        #expect(template.effectiveProperties(of: "Layer")?["PublishLambdaVersion"] == true)
        #expect(template.effectiveProperties(of: "Raw")?["Runtime"] == "go1.x")
        #expect(template.effectiveProperties(of: "Raw")?["MemorySize"] == nil)
    }

    @Test func functionFactsForBuilders() throws {
        let template = try parse(Self.template)
        let facts = Dictionary(uniqueKeysWithValues: template.functions.map { ($0.logicalID, $0) })
        #expect(template.functions.map(\.logicalID) == ["Plain", "Custom", "Raw"])
        #expect(facts["Plain"]?.runtime == "python3.12")
        #expect(facts["Plain"]?.architecture == "arm64")
        #expect(facts["Plain"]?.handler == "app.handler")
        #expect(facts["Plain"]?.code == "shared/")
        #expect(facts["Custom"]?.buildMethod == "makefile")
        #expect(facts["Custom"]?.runtime == "nodejs20.x")
        #expect(facts["Raw"]?.architecture == "x86_64")
        #expect(facts["Raw"]?.hasInlineCode == true)
        #expect(facts["Raw"]?.packageType == .zip)
        #expect(template.layers.map(\.logicalID) == ["Layer"])
    }

    @Test func imageFunctionsAreNoted() throws {
        let template = try parse("""
        Resources:
          Img:
            Type: AWS::Serverless::Function
            Properties: {PackageType: Image, ImageUri: repo:latest, Architectures: [arm64]}
            Metadata: {DockerContext: ./img, Dockerfile: Dockerfile}
        """)
        let fn = try #require(template.functions.first)
        #expect(fn.packageType == .image)
        #expect(fn.imageURI == "repo:latest")
        #expect(fn.runtime == nil)
        #expect(fn.metadata?["DockerContext"] == "./img")
    }
}
