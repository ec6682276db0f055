"""Fn::GetAtt of documented attributes (state machine Arn/Name), nested stack Outputs and Ref."""

from __future__ import annotations

from test_emulator import BUCKET, events, outputs, upload, wait_stack

STATE_MACHINE = """
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement: [{Effect: Allow, Principal: {Service: states.amazonaws.com}, Action: sts:AssumeRole}]
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt Role.Arn
      DefinitionString: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}'
Outputs:
  Arn: {Value: !GetAtt Machine.Arn}
  Name: {Value: !GetAtt Machine.Name}
  Ref: {Value: !Ref Machine}
"""


def test_state_machine_arn_and_name(aws):
    aws("cloudformation").create_stack(StackName="machine", TemplateBody=STATE_MACHINE)
    statuses, description = wait_stack(aws, "machine")

    assert statuses[-1] == "CREATE_COMPLETE"
    values = outputs(description)
    assert values["Arn"] == values["Ref"]
    assert values["Arn"].startswith("arn:aws:states:eu-central-1:123456789012:stateMachine:")
    assert values["Arn"].endswith(":" + values["Name"])
    assert aws("stepfunctions").describe_state_machine(stateMachineArn=values["Arn"])["name"] == values["Name"]


def test_undocumented_attribute_of_a_moto_type_still_fails(aws):
    template = STATE_MACHINE.replace("Name: {Value: !GetAtt Machine.Name}", "Name: {Value: !GetAtt Machine.Colour}")
    cfn = aws("cloudformation")
    try:
        cfn.create_stack(StackName="colour", TemplateBody=template)
    except cfn.exceptions.ClientError as error:
        assert "does not support attribute type Colour" in str(error)
        return
    statuses, _ = wait_stack(aws, "colour")
    assert statuses[-1] != "CREATE_COMPLETE"


CHILD = """
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  QueueUrl: {Value: !Ref Queue}
"""


def test_nested_stack_outputs_and_ref(aws, endpoint):
    upload(aws, "child.yaml", CHILD.encode())
    parent = f"""
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: {endpoint}/{BUCKET}/child.yaml
  User:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /from-child
      Type: String
      Value: !GetAtt Child.Outputs.QueueUrl
Outputs:
  FromChild: {{Value: !GetAtt Child.Outputs.QueueUrl}}
  ChildRef: {{Value: !Ref Child}}
  Parameter: {{Value: !Ref User}}
"""
    aws("cloudformation").create_stack(StackName="parent", TemplateBody=parent)
    statuses, description = wait_stack(aws, "parent")

    assert statuses[-1] == "CREATE_COMPLETE"
    values = outputs(description)
    assert values["FromChild"].startswith("https://sqs.eu-central-1.amazonaws.com/123456789012/")
    assert values["ChildRef"].startswith("arn:aws:cloudformation:eu-central-1:123456789012:stack/parent-Child-")
    child = aws("cloudformation").describe_stacks(StackName=values["ChildRef"])["Stacks"][0]
    assert outputs(child)["QueueUrl"] == values["FromChild"]
    assert aws("ssm").get_parameter(Name=values["Parameter"])["Parameter"]["Value"] == values["FromChild"]
    resources = aws("cloudformation").list_stack_resources(StackName="parent")["StackResourceSummaries"]
    assert next(r for r in resources if r["LogicalResourceId"] == "Child")["PhysicalResourceId"] == values["ChildRef"]


def test_nested_stack_output_that_does_not_exist_fails(aws, endpoint):
    upload(aws, "child.yaml", CHILD.encode())
    parent = f"""
Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: {endpoint}/{BUCKET}/child.yaml
  User:
    Type: AWS::SSM::Parameter
    Properties: {{Name: /missing, Type: String, Value: !GetAtt Child.Outputs.Missing}}
"""
    aws("cloudformation").create_stack(StackName="parent", TemplateBody=parent)
    statuses, _ = wait_stack(aws, "parent")

    assert statuses[-1] == "ROLLBACK_COMPLETE"
    failed = next(e for e in events(aws, "parent") if e["ResourceStatus"] == "CREATE_FAILED")
    assert failed["LogicalResourceId"] == "User"
    assert "Outputs.Missing" in failed["ResourceStatusReason"]
