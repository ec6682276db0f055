import Foundation
import Testing
@testable import Templates

@Suite struct LanguageExtensionsTests {
    static let functions = """
        Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
        Parameters:
          Names:
            Type: CommaDelimitedList
            Default: Alpha,Beta,Gamma
        Resources:
          Fn::ForEach::Functions:
            - Name
            - !Ref Names
            - ${Name}Function:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/${Name}
                  Handler: app.handler
                  Runtime: python3.12
                  Environment:
                    Variables:
                      NAME: !Ref Name
                      LABEL: !Sub "fn-${Name}-${AWS::Region}"
          Table:
            Type: AWS::DynamoDB::Table
        Outputs:
          Fn::ForEach::Arns:
            - Name
            - !Ref Names
            - ${Name}Arn:
                Value: !GetAtt ${Name}Function.Arn
        """

    @Test func resourcesOutputsAndValuesAreExpanded() throws {
        let template = try parse(Self.functions)
        #expect(template.resources.keys.map(\.rawValue) == ["AlphaFunction", "BetaFunction", "GammaFunction", "Table"])
        let beta = try #require(template.resources["BetaFunction"]).properties
        #expect(beta["CodeUri"] == "src/Beta")
        #expect(beta["Environment"]?["Variables"]?["NAME"] == "Beta")
        #expect(beta["Environment"]?["Variables"]?["LABEL"] == ["Fn::Sub": "fn-Beta-${AWS::Region}"])
        #expect(template.outputs?.keys == ["AlphaArn", "BetaArn", "GammaArn"])
        #expect(template.outputs?["GammaArn"]?["Value"] == ["Fn::GetAtt": ["GammaFunction", "Arn"]])
        #expect(template.functions.map(\.logicalID.rawValue) == ["AlphaFunction", "BetaFunction", "GammaFunction"])
        let source = try #require(template.languageExtensions)
        #expect(source.origins["BetaFunction"]?.levels.map(\.value) == ["Beta"])
        #expect(source.origins["BetaFunction"]?.resourceKey == "${Name}Function")
        #expect(source.origins["Table"] == nil)
        #expect(source.authored["Resources"]?["Fn::ForEach::Functions"] != nil)
    }

    @Test func parameterValuesWinOverDefaults() throws {
        let root = try #require(try TemplateLoader.parseValue(Self.functions).mapValue)
        let expanded = try LanguageExtensions.expand(root, file: nil, parameterValues: ["Names": "One, Two"]).template
        #expect(expanded["Resources"]?.mapValue?.keys == ["OneFunction", "TwoFunction", "Table"])
    }

    @Test func nestedLoopsAndAmpersandIdentifiers() throws {
        let template = try parse("""
            Transform: AWS::LanguageExtensions
            Resources:
              Fn::ForEach::Envs:
                - Env
                - [dev, prod]
                - Fn::ForEach::Topics:
                    - Topic
                    - [orders.v1, users]
                    - ${Env}&{Topic}Topic:
                        Type: AWS::SNS::Topic
                        Properties:
                          TopicName: ${Env}-${Topic}
            """)
        #expect(template.resources.keys.map(\.rawValue) == ["devordersv1Topic", "devusersTopic", "prodordersv1Topic", "produsersTopic"])
        #expect(template.resources["prodordersv1Topic"]?.properties["TopicName"] == "prod-orders.v1")
        let origin = try #require(template.languageExtensions?.origins["produsersTopic"])
        #expect(origin.levels.map(\.loopName) == ["Envs", "Topics"])
        #expect(origin.authoredPath == ["Resources", "Fn::ForEach::Envs", "2", "Fn::ForEach::Topics", "2", "${Env}&{Topic}Topic"])
    }

    @Test func loopsInsideProperties() throws {
        let template = try parse("""
            Transform: AWS::LanguageExtensions
            Resources:
              Fn::ForEach::Queues:
                - Q
                - [A, B]
                - Queue${Q}:
                    Type: AWS::SQS::Queue
                    Properties:
                      Tags:
                        Fn::ForEach::TagLoop:
                          - Key
                          - [x, y]
                          - ${Key}${Q}: value-${Key}
            """)
        #expect(template.resources["QueueB"]?.properties["Tags"] == ["xB": "value-x", "yB": "value-y"])
    }

    @Test func lengthToJsonStringFindInMapDefaultAndPolicies() throws {
        let template = try parse("""
            Transform: AWS::LanguageExtensions
            Parameters:
              Names: {Type: CommaDelimitedList, Default: "a,b,c"}
              Policy: {Type: String, Default: Retain}
            Mappings:
              Sizes:
                dev: {Memory: "128"}
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                DeletionPolicy: !Ref Policy
                UpdateReplacePolicy: !FindInMap [Policies, prod, Value, DefaultValue: Delete]
                Properties:
                  Count: !Length [x, y]
                  Names: !Length {Ref: Names}
                  Json: !ToJsonString {a: 1, b: [true, "t"]}
                  Live: !ToJsonString {a: !Ref AWS::Region}
                  Memory: !FindInMap [Sizes, dev, Memory]
                  Missing: !FindInMap [Sizes, prod, Memory, DefaultValue: "256"]
            """)
        let bucket = try #require(template.resources["Bucket"])
        #expect(bucket.body["DeletionPolicy"] == "Retain")
        #expect(bucket.body["UpdateReplacePolicy"] == "Delete")
        #expect(bucket.properties["Count"] == .number("2"))
        #expect(bucket.properties["Names"] == .number("3"))
        #expect(bucket.properties["Json"] == #"{"a":1,"b":[true,"t"]}"#)
        #expect(bucket.properties["Live"] == ["Fn::ToJsonString": ["a": ["Ref": "AWS::Region"]]])
        #expect(bucket.properties["Memory"] == "128")
        #expect(bucket.properties["Missing"] == "256")
    }

    @Test func unresolvableCollectionNamesTheLoop() throws {
        let error = try #require(templateError {
            _ = try parse("""
                Transform: AWS::LanguageExtensions
                Parameters:
                  Names: {Type: CommaDelimitedList}
                Resources:
                  Fn::ForEach::Workers:
                    - Name
                    - !Ref Names
                    - ${Name}Queue:
                        Type: AWS::SQS::Queue
                """, file: "app/template.yaml")
        })
        #expect(error.code == .invalidStructure)
        #expect(error.file == "app/template.yaml")
        #expect(error.line == 5)
        #expect(error.description.contains("loop Workers"))
        #expect(error.description.contains("Ref Names"))
    }

    @Test func duplicateGeneratedKeysAreRejected() throws {
        let error = try #require(templateError {
            _ = try parse("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Same:
                    - Name
                    - [a, b]
                    - Fixed:
                        Type: AWS::SQS::Queue
                """)
        })
        #expect(error.description.contains("'Fixed' is generated twice"))
        #expect(error.description.contains("loop Same"))
    }

    @Test func conditionLoopsAndLoopsOverSplitAndMappings() throws {
        let template = try parse("""
            Transform: AWS::LanguageExtensions
            Parameters:
              Stage: {Type: String, Default: dev}
              Csv: {Type: String, Default: "x;y"}
            Mappings:
              Lists:
                all: {Items: [p, q]}
            Conditions:
              Fn::ForEach::Stages:
                - S
                - [dev, prod]
                - Is${S}: !Equals [!Ref Stage, "${S}"]
            Resources:
              Fn::ForEach::Split:
                - Part
                - !Split [";", !Ref Csv]
                - Queue${Part}: {Type: AWS::SQS::Queue}
              Fn::ForEach::Mapped:
                - Item
                - !FindInMap [Lists, all, Items]
                - Topic${Item}: {Type: AWS::SNS::Topic, Condition: Isprod}
            """)
        #expect(template.conditions?.keys == ["Isdev", "Isprod"])
        #expect(template.conditions?["Isprod"] == ["Fn::Equals": [["Ref": "Stage"], "prod"]])
        #expect(template.resources.keys.map(\.rawValue) == ["Queuex", "Queuey", "Topicp", "Topicq"])
        #expect(template.resources["Topicq"]?.condition == "Isprod")
    }

    @Test func templatesWithoutTheTransformAreUntouched() throws {
        let template = try parse("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      N: !Length [a]\n")
        #expect(template.languageExtensions == nil)
        #expect(template.resources["Q"]?.properties["N"] == ["Fn::Length": ["a"]])
    }
}
