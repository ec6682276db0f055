import Foundation
import Testing
@testable import Templates

/// Bad template input gets one clear message: empty templates, unknown intrinsics in JSON form.
@Suite struct BadTemplateInputTests {
    @Test(arguments: ["", "   \n", "# only a comment\n", "---\n", "{}"])
    func emptyTemplateIsRefused(text: String) throws {
        let error = try #require(templateError { _ = try parse(text, file: "template.yaml") })
        #expect(error.code == .invalidStructure)
        #expect(error.description.hasPrefix("template.yaml:1: the template is empty"), "\(error)")
    }

    @Test func unknownIntrinsicInJSONFormIsRefusedLikeInYAML() throws {
        let json = #"{"Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Role": {"Fn::Reff": "Role"}}}}}"#
        let error = try #require(templateError { _ = try parse(json, file: "template.json") })
        #expect(error.code == .unknownTag)
        #expect(error.logicalID == LogicalID("Fn"))
        #expect(error.description.contains("unknown intrinsic function 'Fn::Reff'"), "\(error)")
        let yaml = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role:\n        Fn::Reff: Role\n"
        let fromYAML = try #require(templateError { _ = try parse(yaml) })
        #expect(fromYAML.code == .unknownTag)
        #expect(fromYAML.line == 6)
        let tag = try #require(templateError { _ = try parse("Resources:\n  Fn:\n    Type: T\n    Properties: {Role: !Reff Role}\n") })
        #expect(tag.code == .unknownTag)
    }

    @Test func knownLongFormsStillLoad() throws {
        let json = #"""
        {"Resources": {"Fn": {"Type": "T", "Properties": {
          "A": {"Fn::Sub": "x"}, "B": {"Fn::GetAtt": ["R", "Arn"]}, "C": {"Fn::If": ["c", 1, 2]},
          "D": {"Fn::ToJsonString": {"a": 1}}, "E": {"Fn::Length": [1]}, "F": {"Ref": "AWS::Region"},
          "G": {"Fn::Transform": {"Name": "AWS::Include"}}}}}}
        """#
        let template = try parse(json)
        #expect(template.resources["Fn"]?.properties.count == 7)
        let rules = try parse("""
            Rules:
              ProdInstances:
                RuleCondition: {Fn::Equals: [{Ref: Env}, prod]}
                Assertions:
                  - Assert: {Fn::Contains: [[a, b], {Ref: Size}]}
                  - Assert: {Fn::EachMemberIn: [{Fn::ValueOfAll: [AWS::EC2::Subnet::Id, VpcId]}, {Fn::RefAll: AWS::EC2::VPC::Id}]}
                  - Assert: {Fn::EachMemberEquals: [{Fn::ValueOf: [Subnet, VpcId]}, x]}
            Resources:
              Topic: {Type: AWS::SNS::Topic}
            """)
        #expect(rules.resources.count == 1)
    }
}
