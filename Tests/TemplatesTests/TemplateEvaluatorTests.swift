import Foundation
import Testing
@testable import Templates

@Suite("TemplateEvaluator")
struct TemplateEvaluatorTests {
    static let yaml = """
    Parameters:
      Stage: {Type: String, Default: dev}
      Enabled: {Type: String, Default: "true", AllowedValues: ["true", "false"]}
      GuardrailId: {Type: String, Default: ""}
      Email: {Type: String}
      Subnets: {Type: CommaDelimitedList, Default: "a, b,c"}
      Retries: {Type: Number, Default: 3}
    Mappings:
      Sizes:
        dev: {Memory: 128}
        prod: {Memory: 1024}
    Conditions:
      IsEnabled: !Equals [!Ref Enabled, "true"]
      IsProd: !Equals [!Ref Stage, prod]
      HasGuardrail: !Not [!Equals [!Ref GuardrailId, ""]]
      EnabledAndNotProd: !And [!Condition IsEnabled, !Not [!Condition IsProd]]
      EitherOne: !Or [!Condition IsProd, !Condition HasGuardrail]
      NeedsEmail: !Equals [!Ref Email, "x@example.com"]
    Resources:
      Fn:
        Type: AWS::Serverless::Function
        Condition: IsProd
    """

    func evaluator(_ values: [String: String] = [:]) throws -> TemplateEvaluator {
        TemplateEvaluator(template: try parse(Self.yaml), parameterValues: values,
                          pseudoParameters: ["Region": "eu-west-1", "StackName": "app"])
    }

    func value(_ yaml: String, _ evaluator: TemplateEvaluator) throws -> TemplateValue? {
        try evaluator.value(try TemplateLoader.parseValue(yaml))
    }

    @Test func conditionsFollowDefaultsAndOverrides() throws {
        let defaults = try evaluator()
        #expect(try defaults.condition("IsEnabled"))
        #expect(try !defaults.condition("IsProd"))
        #expect(try !defaults.condition("HasGuardrail"))
        #expect(try defaults.condition("EnabledAndNotProd"))
        #expect(try !defaults.condition("EitherOne"))
        let prod = try evaluator(["Stage": "prod", "GuardrailId": "abc"])
        #expect(try prod.condition("IsProd"))
        #expect(try prod.condition("EitherOne"))
        #expect(try !prod.condition("EnabledAndNotProd"))
    }

    @Test func resourceConditionDecidesInclusion() throws {
        let template = try parse(Self.yaml)
        let resource = try #require(template.resources["Fn"])
        #expect(try evaluator().excludes(resource))
        #expect(try !evaluator(["Stage": "prod"]).excludes(resource))
    }

    @Test func ifChoosesItsBranchAndNoValueRemovesTheEntry() throws {
        let e = try evaluator()
        #expect(try value("!If [IsEnabled, 'true', 'false']", e) == .string("true"))
        #expect(try value("{A: !If [IsProd, x, !Ref AWS::NoValue], B: 1}", e) == ["B": 1])
        #expect(try value("[a, !If [IsProd, b, !Ref 'AWS::NoValue'], c]", e) == ["a", "c"])
    }

    @Test func subJoinSelectSplitFindInMapBase64() throws {
        let e = try evaluator()
        #expect(try e.string(try TemplateLoader.parseValue("!Sub '${AWS::StackName}-${Stage}-${!Literal}'")) == "app-dev-${Literal}")
        #expect(try e.string(try TemplateLoader.parseValue("!Sub ['${A}/${Stage}', {A: !If [IsProd, p, d]}]")) == "d/dev")
        #expect(try e.string(try TemplateLoader.parseValue("!Join ['-', [a, !Ref Stage, !Select [1, !Ref Subnets]]]")) == "a-dev-b")
        #expect(try value("!Split [',', 'x,y']", e) == ["x", "y"])
        #expect(try value("!FindInMap [Sizes, !Ref Stage, Memory]", e) == 128)
        #expect(try value("!FindInMap [Sizes, test, Memory, {DefaultValue: 256}]", e) == 256)
        #expect(try e.string(try TemplateLoader.parseValue("!Base64 hi")) == "aGk=")
        #expect(try e.string(try TemplateLoader.parseValue("!Sub '${AWS::Partition}:${AWS::URLSuffix}'")) == "aws:amazonaws.com")
    }

    @Test func numbersAndListsKeepTheirParameterTypes() throws {
        let e = try evaluator()
        #expect(try value("!Ref Retries", e) == .string("3"))
        #expect(try value("!Ref Subnets", e) == ["a", "b", "c"])
    }

    @Test func whatOnlyCloudFormationKnowsIsTyped() throws {
        let e = try evaluator()
        #expect(throws: Unevaluable(.parameterWithoutValue("Email"))) { try value("!Ref Email", e) }
        #expect(throws: Unevaluable(.resourceValue(logicalID: "Other", attribute: "Arn"))) { try value("!GetAtt Other.Arn", e) }
        #expect(throws: Unevaluable(.resourceValue(logicalID: "Other", attribute: "Arn"))) { try value("!Sub '${Other.Arn}'", e) }
        #expect(throws: Unevaluable(.resourceValue(logicalID: "Bucket", attribute: nil))) { try value("!Ref Bucket", e) }
        #expect(throws: Unevaluable(.importValue)) { try value("!ImportValue shared", e) }
        #expect(throws: Unevaluable(.pseudoParameter("AWS::AccountId"))) { try value("!Ref AWS::AccountId", e) }
        #expect(throws: Unevaluable(.dynamicReference("{{resolve:ssm:/a/b}}"))) { try value("'x-{{resolve:ssm:/a/b}}'", e) }
        #expect(throws: Unevaluable(.unknownCondition("Nope"))) { try value("!If [Nope, a, b]", e) }
        #expect(throws: Unevaluable(.parameterWithoutValue("Email"))) { try e.condition("NeedsEmail") }
        #expect(try evaluator(["Email": "x@example.com"]).condition("NeedsEmail"))
    }

    @Test func knownResourceValuesAreUsed() throws {
        let e = try evaluator().knowing(resourceValues: ["Other.Arn": "arn:aws:lambda:eu-west-1:1:function:o", "Bucket": "b"])
        #expect(try e.string(try TemplateLoader.parseValue("!Sub '${Other.Arn}|${Bucket}'")) == "arn:aws:lambda:eu-west-1:1:function:o|b")
    }

    @Test func referencesFollowTheChosenBranch() throws {
        let e = try evaluator()
        let value = try TemplateLoader.parseValue("""
        A: !GetAtt Fn1.Arn
        B: !If [IsProd, !Ref Prod, !Ref Dev]
        C: !Sub '${Fn2.Arn}/${Stage}/${Table}/${AWS::Region}'
        D: !If [Unknown, !Ref X, !Ref Y]
        """)
        #expect(e.resourceReferences(in: value).map(\.description) == [
            "Fn::GetAtt Fn1.Arn", "Ref Dev", "Fn::GetAtt Fn2.Arn", "Ref Table", "Ref X", "Ref Y",
        ])
    }

    @Test func aPolicyConditionKeyIsNotTheIntrinsic() throws {
        let e = try evaluator()
        #expect(try value("{Condition: {StringEquals: {a: b}}}", e) == ["Condition": ["StringEquals": ["a": "b"]]])
    }

    @Test func nestedParametersThatCannotBeKnownSayWhy() throws {
        let template = try parse("Parameters: {Arn: {Type: String}}\nConditions: {HasArn: !Not [!Equals [!Ref Arn, '']]}")
        let e = TemplateEvaluator(template: template, unknown: ["Arn": Unevaluable(.parameterNotKnown("Arn", because: "Fn::GetAtt Api.Arn in the parent stack"))])
        #expect(throws: Unevaluable(.parameterNotKnown("Arn", because: "Fn::GetAtt Api.Arn in the parent stack"))) { try e.condition("HasArn") }
    }
}
