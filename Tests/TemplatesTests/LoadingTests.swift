import Foundation
import Testing
@testable import Templates

@Suite struct LoadingTests {
    @Test func everyShortFormBecomesLongForm() throws {
        let template = try parse("""
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsBoth: !And [!Condition IsProd, !Not [!Condition IsDev]]
          IsEither: !Or [!Condition IsProd, !Condition IsDev]
        Resources:
          Thing:
            Type: AWS::Test::Thing
            Properties:
              Ref: !Ref Bucket
              RefNumber: !Ref 123
              Sub: !Sub "${AWS::StackName}-x"
              SubList: !Sub ["${A}-b", {A: !Ref Bucket}]
              GetAttDotted: !GetAtt Fn.Outputs.Value
              GetAttList: !GetAtt [Fn, Arn]
              If: !If [IsProd, a, !Ref AWS::NoValue]
              Join: !Join [",", [a, b]]
              Select: !Select [0, !GetAZs ""]
              Split: !Split [",", "a,b"]
              FindInMap: !FindInMap [Map, !Ref AWS::Region, Key]
              Base64: !Base64 hello
              Cidr: !Cidr [10.0.0.0/16, 4, 8]
              ImportValue: !ImportValue shared-vpc
              GetAZs: !GetAZs us-east-1
              Transform: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}
        """)
        let props = try #require(template.resources["Thing"]).properties
        #expect(props["Ref"] == ["Ref": "Bucket"])
        #expect(props["RefNumber"] == ["Ref": "123"])
        #expect(props["Sub"] == ["Fn::Sub": "${AWS::StackName}-x"])
        #expect(props["SubList"] == ["Fn::Sub": ["${A}-b", ["A": ["Ref": "Bucket"]]]])
        #expect(props["GetAttDotted"] == ["Fn::GetAtt": ["Fn", "Outputs.Value"]])
        #expect(props["GetAttList"] == ["Fn::GetAtt": ["Fn", "Arn"]])
        #expect(props["If"] == ["Fn::If": ["IsProd", "a", ["Ref": "AWS::NoValue"]]])
        #expect(props["Join"] == ["Fn::Join": [",", ["a", "b"]]])
        #expect(props["Select"] == ["Fn::Select": [0, ["Fn::GetAZs": ""]]])
        #expect(props["Split"] == ["Fn::Split": [",", "a,b"]])
        #expect(props["FindInMap"] == ["Fn::FindInMap": ["Map", ["Ref": "AWS::Region"], "Key"]])
        #expect(props["Base64"] == ["Fn::Base64": "hello"])
        #expect(props["Cidr"] == ["Fn::Cidr": ["10.0.0.0/16", 4, 8]])
        #expect(props["ImportValue"] == ["Fn::ImportValue": "shared-vpc"])
        #expect(props["GetAZs"] == ["Fn::GetAZs": "us-east-1"])
        #expect(props["Transform"] == ["Fn::Transform": ["Name": "AWS::Include", "Parameters": ["Location": "s3://b/k"]]])
        let conditions = try #require(template.conditions)
        #expect(conditions["IsProd"] == ["Fn::Equals": [["Ref": "Env"], "prod"]])
        #expect(conditions["IsBoth"] == ["Fn::And": [["Condition": "IsProd"], ["Fn::Not": [["Condition": "IsDev"]]]]])
        #expect(conditions["IsEither"] == ["Fn::Or": [["Condition": "IsProd"], ["Condition": "IsDev"]]])
    }

    @Test func intrinsicAccessorReadsLongForms() throws {
        let template = try parse("""
        Resources:
          A:
            Type: T
            Properties:
              X: !GetAtt Fn.Arn
              Y: !Sub ["${A}", {A: b}]
              Z: !If [C, 1, 2]
              W: !Ref Param
              V: {Fn::Length: [1, 2]}
        """)
        let props = try #require(template.resources["A"]).properties
        #expect(props["X"]?.intrinsic == .getAtt(resource: "Fn", attribute: "Arn"))
        #expect(props["Y"]?.intrinsic == .sub("${A}", variables: ["A": "b"]))
        #expect(props["Z"]?.intrinsic == .if(condition: "C", then: 1, else: 2))
        #expect(props["W"]?.intrinsic == .ref("Param"))
        #expect(props["V"]?.intrinsic == .other(name: "Fn::Length", argument: [1, 2]))
        #expect(TemplateValue.string("plain").intrinsic == nil)
    }

    @Test func keyOrderIsPreserved() throws {
        let template = try parse("""
        Resources:
          Zeta:
            Type: T
            Properties: {c: 1, a: 2, b: 3}
          Alpha:
            Type: T
        Outputs:
          Z: {Value: 1}
          A: {Value: 2}
        Description: last
        """)
        #expect(template.resources.keys == ["Zeta", "Alpha"])
        #expect(template.resources["Zeta"]?.properties.keys == ["c", "a", "b"])
        #expect(template.outputs?.keys == ["Z", "A"])
        #expect(template.value.mapValue?.keys == ["Resources", "Outputs", "Description"])
    }

    @Test func datesAndYAMLScalarsKeepTheirMeaning() throws {
        let template = try parse("""
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Version: 2012-10-17
              Quoted: "yes"
              Yes: yes
              Number: 0.50
              Empty:
              Tilde: ~
              Str: !!str 123
        """)
        let props = try #require(template.resources["Role"]).properties
        #expect(props["Version"] == .string("2012-10-17"))
        #expect(props["Quoted"] == .string("yes"))
        #expect(props["Yes"] == .bool(true))
        #expect(props["Number"] == .number("0.50"))
        #expect(props["Empty"] == .null)
        #expect(props["Tilde"] == .null)
        #expect(props["Str"] == .string("123"))
    }

    @Test func duplicateKeyNamesBothLinesAndTheResource() throws {
        let yaml = """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.handler
              Handler: b.handler
        """
        let error = try #require(templateError { _ = try parse(yaml, file: "dup.yaml") })
        #expect(error.code == .duplicateKey)
        #expect(error.file == "dup.yaml")
        #expect(error.line == 6)
        #expect(error.logicalID == "Fn")
        #expect(error.description.contains("Handler"))
        #expect(error.description.contains("line 5"))
    }

    @Test func unknownTagIsAnErrorWithLineAndResource() throws {
        let yaml = """
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Reff Name
        """
        let error = try #require(templateError { _ = try parse(yaml, file: "tags.yaml") })
        #expect(error.code == .unknownTag)
        #expect(error.line == 5)
        #expect(error.logicalID == "Bucket")
        #expect(error.description.hasPrefix("tags.yaml:5 (resource Bucket)"))
        #expect(error.description.contains("!Reff"))
    }

    @Test func getAttWithoutAttributeIsMalformed() throws {
        let error = try #require(templateError {
            _ = try parse("Resources:\n  A:\n    Type: T\n    Properties:\n      X: !GetAtt Lonely\n")
        })
        #expect(error.code == .malformedTag)
        #expect(error.line == 5)
        #expect(error.logicalID == "A")
    }

    @Test func syntaxErrorsCarryLine() throws {
        let error = try #require(templateError {
            _ = try parse("Resources:\n  A:\n    Type: T\n    Properties: [unclosed\n")
        })
        #expect(error.code == .syntax)
        #expect(error.line != nil)
    }

    @Test func jsonAndYAMLLoadToEqualModels() throws {
        let yaml = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Env: {Type: String, Default: dev}
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: src/
              MemorySize: 512
              Enabled: true
              Nothing: null
              Role: !GetAtt Role.Arn
              Name: !Sub "${Env}-fn"
              Env: {Variables: {B: "1", A: x}}
        Outputs:
          Arn: {Value: !GetAtt Fn.Arn}
        """
        let json = """
        {
        \t"AWSTemplateFormatVersion": "2010-09-09",
          "Parameters": {"Env": {"Type": "String", "Default": "dev"}},
          "Resources": {
            "Fn": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "CodeUri": "src/", "MemorySize": 512, "Enabled": true, "Nothing": null,
                "Role": {"Fn::GetAtt": ["Role", "Arn"]},
                "Name": {"Fn::Sub": "${Env}-fn"},
                "Env": {"Variables": {"B": "1", "A": "x"}}
              }
            }
          },
          "Outputs": {"Arn": {"Value": {"Fn::GetAtt": ["Fn", "Arn"]}}}
        }
        """
        #expect(try parse(yaml) == (try TemplateLoader.parse(json, file: "t.json")))
    }

    @Test func loadsFromFileAndRemembersIt() throws {
        let url = fixtures.appendingPathComponent("every-packageable.yaml")
        let template = try TemplateLoader.load(contentsOf: url)
        #expect(template.sourceFile == url)
        #expect(template.isSAM)
        #expect(template.resources["SamFunction"]?.line == 14)
        #expect(template.resources["SamFunction"]?.line(ofProperty: "CodeUri") == 17)
    }

    @Test func unreadableFileNamesThePath() throws {
        let error = try #require(templateError {
            _ = try TemplateLoader.load(contentsOf: URL(fileURLWithPath: "/nonexistent/template.yaml"))
        })
        #expect(error.code == .unreadableFile)
        #expect(error.file == "/nonexistent/template.yaml")
    }

    @Test func resourceWithoutTypeIsRejected() throws {
        let error = try #require(templateError { _ = try parse("Resources:\n  Bucket:\n    Properties: {}\n") })
        #expect(error.code == .invalidStructure)
        #expect(error.logicalID == "Bucket")
        #expect(error.line == 2)
    }
}
