"""Lambda environment variables from templates are strings, as AWS returns them."""

from __future__ import annotations

from test_emulator import outputs, wait_stack

TEMPLATE = """
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Workers: {Type: Number, Default: 8}
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): return {}"
      Environment:
        Variables:
          MAX_WORKERS: 20
          RATIO: 0.5
          ENABLED: true
          FROM_PARAMETER: !Ref Workers
          NAME: plain
Outputs:
  Name: {Value: !Ref Fn}
"""


def test_numbers_and_booleans_come_back_as_strings(aws):
    aws("cloudformation").create_stack(StackName="env", TemplateBody=TEMPLATE, Capabilities=["CAPABILITY_IAM"])
    statuses, description = wait_stack(aws, "env")
    assert statuses[-1] == "CREATE_COMPLETE"
    name = outputs(description)["Name"]

    variables = aws("lambda").get_function_configuration(FunctionName=name)["Environment"]["Variables"]

    assert variables == {"MAX_WORKERS": "20", "RATIO": "0.5", "ENABLED": "true", "FROM_PARAMETER": "8", "NAME": "plain"}

    # The function has InlineCode: its update also exercises lambda_inline_code.
    aws("cloudformation").update_stack(StackName="env", TemplateBody=TEMPLATE.replace("MAX_WORKERS: 20", "MAX_WORKERS: 30"),
                                       Capabilities=["CAPABILITY_IAM"])
    assert wait_stack(aws, "env")[0][-1] == "UPDATE_COMPLETE"
    variables = aws("lambda").get_function_configuration(FunctionName=name)["Environment"]["Variables"]
    assert variables["MAX_WORKERS"] == "30"
