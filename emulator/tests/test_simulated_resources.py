"""Placeholders for types moto lacks (CloudFront, Cognito, WAFv2 ...) and for custom resources."""

from __future__ import annotations

import re

from test_emulator import events, outputs, wait_stack

FUNCTION = """
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code: {ZipFile: "def handler(e, c): return {}"}
"""

PLACEHOLDERS = f"""
AWSTemplateFormatVersion: '2010-09-09'
Resources:
{FUNCTION}
  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig: {{Enabled: true}}
  Pool:
    Type: AWS::Cognito::UserPool
    Properties: {{UserPoolName: pool}}
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties: {{Name: acl, Scope: REGIONAL, DefaultAction: {{Allow: {{}}}}, VisibilityConfig: {{}}}}
  Check:
    Type: Custom::StacknameCheck
    Properties:
      ServiceToken: !GetAtt Fn.Arn
      InputString: !Ref AWS::StackName
  Plain:
    Type: AWS::CloudFormation::CustomResource
    Properties:
      ServiceToken: !GetAtt Fn.Arn
Outputs:
  DomainName: {{Value: !GetAtt Distribution.DomainName}}
  DistributionId: {{Value: !Ref Distribution}}
  PoolId: {{Value: !Ref Pool}}
  PoolArn: {{Value: !GetAtt Pool.Arn}}
  ProviderURL: {{Value: !GetAtt Pool.ProviderURL}}
  AclRef: {{Value: !Ref Acl}}
  AclArn: {{Value: !GetAtt Acl.Arn}}
  CheckData: {{Value: !Sub "[${{Check.Answer}}]"}}
  PlainData: {{Value: !Sub "[${{Plain.Result}}]"}}
  CheckRef: {{Value: !Ref Check}}
"""


def create(aws, name: str, template: str) -> tuple[str, dict]:
    aws("cloudformation").create_stack(StackName=name, TemplateBody=template, Capabilities=["CAPABILITY_IAM"])
    statuses, description = wait_stack(aws, name)
    return statuses[-1], description


def test_types_moto_lacks_complete_with_physical_ids_and_plausible_attributes(aws, emulator_settings):
    emulator_settings({"CustomResources": {"Check": {"Data": {"Answer": "42"}}}})
    status, description = create(aws, "placeholders", PLACEHOLDERS)

    assert status == "CREATE_COMPLETE"
    values = outputs(description)
    assert re.fullmatch(r"d[a-z0-9]{13}\.cloudfront\.net", values["DomainName"])
    assert re.fullmatch(r"E[A-Z0-9]{13}", values["DistributionId"])
    assert re.fullmatch(r"eu-central-1_[A-Za-z0-9]{9}", values["PoolId"])
    assert values["PoolArn"] == f"arn:aws:cognito-idp:eu-central-1:123456789012:userpool/{values['PoolId']}"
    assert values["ProviderURL"] == f"https://cognito-idp.eu-central-1.amazonaws.com/{values['PoolId']}"
    name, ident, scope = values["AclRef"].split("|")
    assert (name, scope) == ("acl", "REGIONAL")
    assert values["AclArn"] == f"arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/acl/{ident}"
    assert values["CheckData"] == "[42]"  # from the settings file
    assert values["PlainData"] == "[]"  # not given: empty string
    assert values["CheckRef"].startswith("placeholders-Check-")

    all_events = events(aws, "placeholders")
    completes = {e["LogicalResourceId"]: e for e in all_events if e["ResourceStatus"] == "CREATE_COMPLETE"}
    for logical_id in ("Distribution", "Pool", "Acl", "Check", "Plain"):
        assert completes[logical_id]["ResourceStatusReason"].startswith("Simulated by Ferry's emulator"), logical_id
        assert completes[logical_id]["PhysicalResourceId"]
    assert "ResourceStatusReason" not in completes["Fn"]
    listed = {r["LogicalResourceId"]: r for r in
              aws("cloudformation").list_stack_resources(StackName="placeholders")["StackResourceSummaries"]}
    assert listed["Distribution"]["PhysicalResourceId"] == values["DistributionId"]


def test_an_attribute_the_type_does_not_document_fails_as_in_aws(aws):
    template = PLACEHOLDERS.split("Outputs:")[0] + "Outputs:\n  Bad: {Value: !GetAtt Distribution.Nope}\n"
    template = template.replace("  Check:", "  Uses:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                                           "      QueueName: !GetAtt Distribution.NotAnAttribute\n  Check:")
    status, description = create(aws, "bad-attribute", template)

    assert status == "ROLLBACK_COMPLETE"
    failed = [e for e in events(aws, "bad-attribute") if e["ResourceStatus"] == "CREATE_FAILED"
              and e["LogicalResourceId"] == "Uses"]
    assert "does not support attribute type NotAnAttribute" in failed[0]["ResourceStatusReason"]


def test_custom_resource_whose_service_token_does_not_exist_fails(aws):
    template = """
Resources:
  Check:
    Type: Custom::Thing
    Properties:
      ServiceToken: arn:aws:lambda:eu-central-1:123456789012:function:missing
"""
    status, _ = create(aws, "no-token", template)

    assert status == "ROLLBACK_COMPLETE"
    failed = next(e for e in events(aws, "no-token") if e["ResourceStatus"] == "CREATE_FAILED")
    assert failed["LogicalResourceId"] == "Check"
    assert "Invalid service token" in failed["ResourceStatusReason"]


def test_a_type_cloudformation_does_not_know_fails(aws):
    status, _ = create(aws, "unknown-type", "Resources:\n  X:\n    Type: AWS::Nothing::Here\n")

    assert status == "ROLLBACK_COMPLETE"
    failed = next(e for e in events(aws, "unknown-type") if e["ResourceStatus"] == "CREATE_FAILED")
    assert "Unrecognized resource types: [AWS::Nothing::Here]" in failed["ResourceStatusReason"]


def test_update_keeps_the_physical_id_and_removal_deletes_the_placeholder(aws):
    status, description = create(aws, "changing", PLACEHOLDERS)
    assert status == "CREATE_COMPLETE"
    before = outputs(description)["DistributionId"]

    changed = PLACEHOLDERS.replace("DistributionConfig: {Enabled: true}", "DistributionConfig: {Enabled: false}")
    changed = changed.replace("  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties: {UserPoolName: pool}\n", "")
    changed = "\n".join(line for line in changed.splitlines() if "Pool." not in line and "!Ref Pool" not in line)
    aws("cloudformation").update_stack(StackName="changing", TemplateBody=changed, Capabilities=["CAPABILITY_IAM"])
    statuses, description = wait_stack(aws, "changing")

    assert statuses[-1] == "UPDATE_COMPLETE"
    assert outputs(description)["DistributionId"] == before
    all_events = events(aws, "changing")
    assert [e["ResourceStatus"] for e in all_events if e["LogicalResourceId"] == "Distribution"][-1] == "UPDATE_COMPLETE"
    assert [e["ResourceStatus"] for e in all_events if e["LogicalResourceId"] == "Pool"][-1] == "DELETE_COMPLETE"
    listed = {r["LogicalResourceId"] for r in
              aws("cloudformation").list_stack_resources(StackName="changing")["StackResourceSummaries"]}
    assert "Pool" not in listed and "Distribution" in listed
