"""Lambda layer versions in CloudFormation stacks: Ref, functions' Layers, replacement on update."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from test_emulator import BUCKET, deploy, events, make_zip, outputs, statuses_of, upload, wait_stack


def sam_layer_template(layer_key: str, retention: str | None = None) -> str:
    retention_line = f"\n      RetentionPolicy: {retention}" if retention else ""
    return f"""
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Shared:
    Type: AWS::Serverless::LayerVersion
    Properties:
      LayerName: shared-utils
      ContentUri: s3://{BUCKET}/{layer_key}
      CompatibleRuntimes: [python3.12]{retention_line}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://{BUCKET}/code.zip
      Layers: [!Ref Shared]
Outputs:
  FunctionName:
    Value: !Ref Fn
  LayerArn:
    Value: !Ref Shared
"""


def plain_layer_template(layer_key: str, retention: str | None = None, layers: str = "[!Ref Shared]") -> str:
    """The function comes first: the layer must still be replaced before the function is updated."""
    policy = f"\n    DeletionPolicy: {retention}\n    UpdateReplacePolicy: {retention}" if retention else ""
    return f"""
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: !GetAtt Role.Arn
      Code:
        S3Bucket: {BUCKET}
        S3Key: code.zip
      Layers: {layers}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {{Service: lambda.amazonaws.com}}
            Action: sts:AssumeRole
  Shared:
    Type: AWS::Lambda::LayerVersion{policy}
    Properties:
      LayerName: plain-utils
      Content:
        S3Bucket: {BUCKET}
        S3Key: {layer_key}
      CompatibleRuntimes: [python3.12]
Outputs:
  FunctionName:
    Value: !Ref Fn
  LayerArn:
    Value: !Ref Shared
"""


def upload_app(aws) -> None:
    upload(aws, "code.zip", make_zip("def handler(event, context):\n    return 1\n"))
    upload(aws, "layer-v1.zip", make_zip("V = 1\n"))
    upload(aws, "layer-v2.zip", make_zip("V = 2\n"))


def layers_of(aws, function_name: str) -> list[str]:
    configuration = aws("lambda").get_function(FunctionName=function_name)["Configuration"]
    return [layer["Arn"] for layer in configuration.get("Layers") or []]


def layer_version_exists(aws, arn: str) -> bool:
    try:
        name, version = arn.rsplit(":", 2)[-2:]
        aws("lambda").get_layer_version(LayerName=name, VersionNumber=int(version))
        return True
    except ClientError as error:
        assert error.response["Error"]["Code"] == "ResourceNotFoundException"
        return False


def physical_id(aws, stack: str, logical_id: str) -> str:
    resource = aws("cloudformation").describe_stack_resource(StackName=stack, LogicalResourceId=logical_id)
    return resource["StackResourceDetail"]["PhysicalResourceId"]


@pytest.mark.parametrize("template", [sam_layer_template, plain_layer_template])
def test_ref_of_layer_version_is_its_version_arn_and_function_uses_it(aws, template):
    upload_app(aws)
    deploy(aws, "layered", template("layer-v1.zip"), "CREATE")

    seen, description = wait_stack(aws, "layered")

    assert seen[-1] == "CREATE_COMPLETE"
    values = outputs(description)
    layer_arn = values["LayerArn"]
    assert layer_arn.startswith("arn:aws:lambda:eu-central-1:")
    assert layer_arn.endswith(":layer:" + ("shared-utils:1" if template is sam_layer_template else "plain-utils:1"))
    assert layer_version_exists(aws, layer_arn)
    assert layers_of(aws, values["FunctionName"]) == [layer_arn]
    layer_id = next(r["LogicalResourceId"] for r in aws("cloudformation").describe_stack_resources(
        StackName="layered")["StackResources"] if r["ResourceType"] == "AWS::Lambda::LayerVersion")
    assert physical_id(aws, "layered", layer_id) == layer_arn


@pytest.mark.parametrize("template, retention", [(sam_layer_template, "Delete"), (plain_layer_template, None)])
def test_new_layer_content_replaces_the_version_updates_the_function_and_deletes_the_old(aws, template, retention):
    upload_app(aws)
    deploy(aws, "layered", template("layer-v1.zip", retention), "CREATE")
    _, created = wait_stack(aws, "layered")
    old_arn = outputs(created)["LayerArn"]

    deploy(aws, "layered", template("layer-v2.zip", retention), "UPDATE")
    seen, updated = wait_stack(aws, "layered")

    assert seen[-1] == "UPDATE_COMPLETE"
    values = outputs(updated)
    new_arn = values["LayerArn"]
    assert new_arn != old_arn
    assert new_arn.rsplit(":", 1)[0] == old_arn.rsplit(":", 1)[0]
    assert new_arn.endswith(":2")
    assert layers_of(aws, values["FunctionName"]) == [new_arn]
    assert layer_version_exists(aws, new_arn)
    assert not layer_version_exists(aws, old_arn)
    assert statuses_of(events(aws, "layered"), "Fn")[-2:] == ["UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"]


# SAM's RetentionPolicy defaults to Retain (DeletionPolicy on the layer it renames on each change);
# a plain LayerVersion is kept on replacement by UpdateReplacePolicy, on deletion by DeletionPolicy.
@pytest.mark.parametrize("template, keep", [(sam_layer_template, None), (plain_layer_template, "Retain")])
def test_retained_layer_version_survives_replacement_and_stack_deletion(aws, template, keep):
    upload_app(aws)
    deploy(aws, "layered", template("layer-v1.zip", keep), "CREATE")
    _, created = wait_stack(aws, "layered")
    old_arn = outputs(created)["LayerArn"]

    deploy(aws, "layered", template("layer-v2.zip", keep), "UPDATE")
    seen, updated = wait_stack(aws, "layered")

    assert seen[-1] == "UPDATE_COMPLETE"
    new_arn = outputs(updated)["LayerArn"]
    assert layers_of(aws, outputs(updated)["FunctionName"]) == [new_arn]
    assert layer_version_exists(aws, old_arn)
    aws("cloudformation").delete_stack(StackName="layered")
    assert wait_stack(aws, created["StackId"])[0][-1] == "DELETE_COMPLETE"
    assert layer_version_exists(aws, old_arn) and layer_version_exists(aws, new_arn)


def test_stack_deletion_deletes_the_layer_version(aws):
    upload_app(aws)
    deploy(aws, "layered", plain_layer_template("layer-v1.zip"), "CREATE")
    _, created = wait_stack(aws, "layered")
    arn = outputs(created)["LayerArn"]

    aws("cloudformation").delete_stack(StackName="layered")

    assert wait_stack(aws, created["StackId"])[0][-1] == "DELETE_COMPLETE"
    assert not layer_version_exists(aws, arn)


def test_function_update_without_layers_removes_them(aws):
    upload_app(aws)
    deploy(aws, "layered", plain_layer_template("layer-v1.zip"), "CREATE")
    _, created = wait_stack(aws, "layered")
    assert layers_of(aws, outputs(created)["FunctionName"]) == [outputs(created)["LayerArn"]]

    deploy(aws, "layered", plain_layer_template("layer-v1.zip", layers="[]").replace("      Layers: []\n", ""), "UPDATE")
    seen, updated = wait_stack(aws, "layered")

    assert seen[-1] == "UPDATE_COMPLETE"
    assert layers_of(aws, outputs(updated)["FunctionName"]) == []
