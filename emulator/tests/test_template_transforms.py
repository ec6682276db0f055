"""AWS::LanguageExtensions (before SAM) and intrinsic functions as CloudFormation resolves them."""

from __future__ import annotations

import json

from test_emulator import outputs, wait_stack

LANGUAGE_EXTENSIONS = """
AWSTemplateFormatVersion: '2010-09-09'
Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
Parameters:
  Topics: {Type: CommaDelimitedList, Default: "orders,payments"}
  Threshold: {Type: Number, Default: 5}
Mappings:
  Sizes:
    small: {Memory: 128}
Resources:
  Fn::ForEach::Topics:
    - Name
    - !Ref Topics
    - Topic${Name}:
        Type: AWS::SNS::Topic
        Properties: {TopicName: !Sub "app-${Name}"}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): return {}"
      MemorySize: !FindInMap [Sizes, large, Memory, {DefaultValue: 256}]
      Environment:
        Variables:
          COUNT: !Length [a, b, c]
          CONFIG: {"Fn::ToJsonString": {limit: 3, names: [x]}}
Outputs:
  Fn::ForEach::Arns:
    - Name
    - !Ref Topics
    - Arn&{Name}: {Value: !Ref "Topic${Name}"}
  Fn: {Value: !Ref Fn}
  Alarm:
    Value: !Sub
      - "limit ${ Threshold
          } of ${Count}"
      - Count: !Length [1, 2]
"""


def test_for_each_length_find_in_map_default_and_to_json_string(aws):
    aws("cloudformation").create_stack(StackName="ext", TemplateBody=LANGUAGE_EXTENSIONS,
                                       Capabilities=["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
    statuses, description = wait_stack(aws, "ext")

    assert statuses[-1] == "CREATE_COMPLETE"
    values = outputs(description)
    assert values["Arnorders"].endswith(":app-orders")
    assert values["Arnpayments"].endswith(":app-payments")
    topics = sorted(t["TopicArn"].rsplit(":", 1)[1] for t in aws("sns").list_topics()["Topics"])
    assert topics == ["app-orders", "app-payments"]
    function = aws("lambda").get_function_configuration(FunctionName=values["Fn"])
    assert function["MemorySize"] == 256
    assert function["Environment"]["Variables"]["COUNT"] == "3"
    assert json.loads(function["Environment"]["Variables"]["CONFIG"]) == {"limit": 3, "names": ["x"]}
    assert values["Alarm"] == "limit 5 of 2"  # whitespace inside ${ } ignored, as AWS does
    processed = aws("cloudformation").get_template(StackName="ext", TemplateStage="Processed")["TemplateBody"]
    processed = processed if isinstance(processed, dict) else json.loads(processed)
    assert {"Topicorders", "Topicpayments"} <= set(processed["Resources"])
    assert "Transform" not in processed


def test_for_each_with_a_malformed_loop_is_refused(aws):
    cfn = aws("cloudformation")
    template = "Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::X: [Name]\n"
    try:
        cfn.create_stack(StackName="bad-loop", TemplateBody=template)
    except cfn.exceptions.ClientError as error:
        assert "Fn::ForEach::X must be" in str(error)
    else:
        raise AssertionError("a malformed Fn::ForEach was accepted")


def test_find_in_map_of_a_loop_item_is_resolved_before_sam():
    """SAM CLI packages loops with per-item artifact locations in Mappings (`CodeUri:
    !FindInMap [SAMCodeUriFunctions, !Ref Name, CodeUri]`): LanguageExtensions resolves them, so the
    SAM transform sees an S3 location."""
    from ferry_emulator.template_transforms import apply_language_extensions

    template = {
        "Transform": ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"],
        "Mappings": {"SAMCodeUriFunctions": {"Alpha": {"CodeUri": "s3://b/alpha.zip"},
                                             "Beta": {"CodeUri": "s3://b/beta.zip"}}},
        "Resources": {"Fn::ForEach::Functions": ["Name", ["Alpha", "Beta"], {"${Name}Function": {
            "Type": "AWS::Serverless::Function",
            "Properties": {"CodeUri": {"Fn::FindInMap": ["SAMCodeUriFunctions", {"Ref": "Name"}, "CodeUri"]},
                           "Handler": "app.handler", "Runtime": "python3.12"}}}]},
    }
    expanded = apply_language_extensions(template, None)
    assert expanded["Transform"] == "AWS::Serverless-2016-10-31"
    assert expanded["Resources"]["AlphaFunction"]["Properties"]["CodeUri"] == "s3://b/alpha.zip"
    assert expanded["Resources"]["BetaFunction"]["Properties"]["CodeUri"] == "s3://b/beta.zip"
    # A key the mapping does not have stays for CloudFormation to refuse, as it would.
    missing = {"Fn::FindInMap": ["SAMCodeUriFunctions", "Gamma", "CodeUri"]}
    assert apply_language_extensions({"Resources": {"X": {"Type": "T", "Properties": {"P": missing}}}},
                                     None)["Resources"]["X"]["Properties"]["P"] == missing
