import Foundation
import Testing
@testable import Templates

@Suite struct WritingTests {
    static let source = """
    AWSTemplateFormatVersion: "2010-09-09"
    Description: "Quoting: keeps # and : meaning"
    Resources:
      Role:
        Type: AWS::IAM::Role
        Properties:
          AssumeRolePolicyDocument:
            Version: 2012-10-17
            Statement:
              - Effect: Allow
                Principal: {Service: [lambda.amazonaws.com]}
                Action: sts:AssumeRole
      Fn:
        Type: AWS::Serverless::Function
        Properties:
          CodeUri: ./src
          InlineCode: |
            def handler(event, context):
                return "ok"
          Tags:
            Yes: "yes"
            Number: "1e3"
            Octal: "0123"
            Null: "null"
            Tilde: "~"
            Empty: ""
            Spaces: " padded "
            Colon: "a: b"
            Unicode: "héllo"
            Tab: "a\\tb"
            Bool: "true"
          Real: 1e3
          Flag: no
          Env: !If [IsProd, !Ref Big, !GetAtt Small.Arn]
          Name: !Sub "${AWS::StackName}-fn"
          Empty: {}
          EmptyList: []
          Nested: [[1, 2], [], {a: b}]
    Outputs:
      Arn: {Value: !GetAtt Fn.Arn}
    """

    @Test func yamlOutputReloadsEqualAndIsDeterministic() throws {
        let template = try parse(Self.source)
        let first = YAMLTemplateWriter().write(template)
        let second = YAMLTemplateWriter().write(try parse(Self.source))
        #expect(first == second)
        let reloaded = try parse(first, file: "written.yaml")
        #expect(reloaded == template)
        #expect(YAMLTemplateWriter().write(reloaded) == first)
        #expect(!first.contains("!"))  // long form only
        #expect(first.contains("Version: '2012-10-17'"))
        #expect(first.contains("'Yes': 'yes'"))  // the key too: plain Yes would read back as a boolean
        #expect(first.contains("Number: '1e3'"))
        #expect(first.contains("Octal: '0123'"))
        #expect(first.contains("Real: 1e3"))
    }

    @Test func jsonOutputReloadsEqualAndIsDeterministic() throws {
        let template = try parse(Self.source)
        let json = JSONTemplateWriter().write(template)
        #expect(json == JSONTemplateWriter().write(try parse(Self.source)))
        let reloaded = try TemplateLoader.parse(json, file: "written.json")
        // 1e3 is a valid JSON number, so numbers keep their text; everything else is identical.
        #expect(reloaded == template)
        #expect(json.contains("\"Version\": \"2012-10-17\""))
        #expect(json.contains("\"Fn::GetAtt\": [\n"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8))
        #expect(decoded is [String: Any])
    }

    @Test func jsonKeepsKeyOrder() throws {
        let template = try parse("Resources:\n  B:\n    Type: T\n    Properties: {z: 1, a: 2}\n  A:\n    Type: T\n")
        let json = JSONTemplateWriter(indent: 1).write(template)
        #expect(json == """
        {
         "Resources": {
          "B": {
           "Type": "T",
           "Properties": {
            "z": 1,
            "a": 2
           }
          },
          "A": {
           "Type": "T"
          }
         }
        }

        """)
    }

    @Test func yamlNumbersBecomeJSONNumbers() {
        #expect(JSONNumber.canonical("10") == "10")
        #expect(JSONNumber.canonical("0x1F") == "31")
        #expect(JSONNumber.canonical("0o17") == "15")
        #expect(JSONNumber.canonical("017") == "15")
        #expect(JSONNumber.canonical("1_000") == "1000")
        #expect(JSONNumber.canonical("+5") == "5")
        #expect(JSONNumber.canonical(".5") == "0.5")
        #expect(JSONNumber.canonical("1e3") == "1e3")
        #expect(JSONNumber.canonical(".inf") == nil)
        let json = JSONTemplateWriter().write(TemplateValue.list([.number("0x10"), .number(".nan")]))
        #expect(json == "[\n  16,\n  \".nan\"\n]\n")
    }

    @Test func stringsThatLookLikeOtherTypesAreQuoted() {
        for text in ["2012-10-17", "yes", "No", "on", "1e3", "0123", "12", "-1.5", "null", "~", "", " x", "a: b",
                     "- item", "#c", "y", "true", "!Ref", "*alias", "x #y", "2001-12-14t21:59:43.10-05:00"] {
            let written = YAMLScalar.string(text)
            #expect(written != text, "\(text) must be quoted")
            let reloaded = try? TemplateLoader.parseValue("k: \(written)\n")
            #expect(reloaded?["k"] == .string(text), "\(text) must reload as the same string")
        }
        #expect(YAMLScalar.string("AWS::Serverless::Function") == "AWS::Serverless::Function")
        #expect(YAMLScalar.string("arn:aws:iam::aws:policy/X") == "arn:aws:iam::aws:policy/X")
    }
}
