"""Change sets with IncludeNestedStacks: nested change sets, as `ferry plan` reads them."""

from __future__ import annotations

import time

from test_emulator import BUCKET, upload, wait_change_set, wait_stack

CHILD_V1 = """
Parameters:
  Prefix: {Type: String}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties: {QueueName: !Sub "${Prefix}-queue"}
Outputs:
  QueueUrl: {Value: !Ref Queue}
"""
CHILD_V2 = CHILD_V1.replace("Outputs:", "  Topic:\n    Type: AWS::SNS::Topic\nOutputs:")


def parent(endpoint: str, key: str) -> str:
    return f"""
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: {endpoint}/{BUCKET}/{key}
      Parameters:
        Prefix: !Ref Bucket
"""


def change_set(aws, template: str, kind: str) -> dict:
    cfn = aws("cloudformation")
    created = cfn.create_change_set(StackName="tree", ChangeSetName=f"c{int(time.time() * 1000)}", TemplateBody=template,
                                    ChangeSetType=kind, IncludeNestedStacks=True)
    assert wait_change_set(aws, created["Id"])[-1] == "CREATE_COMPLETE"
    return cfn.describe_change_set(ChangeSetName=created["Id"])


def changes(described: dict) -> dict[str, dict]:
    return {c["ResourceChange"]["LogicalResourceId"]: c["ResourceChange"] for c in described["Changes"]}


def test_create_and_update_change_sets_name_their_nested_change_sets(aws, endpoint):
    upload(aws, "child-v1.yaml", CHILD_V1.encode())
    upload(aws, "child-v2.yaml", CHILD_V2.encode())
    cfn = aws("cloudformation")

    root = change_set(aws, parent(endpoint, "child-v1.yaml"), "CREATE")
    assert root["IncludeNestedStacks"] is True
    nested_id = changes(root)["Child"]["ChangeSetId"]
    nested = cfn.describe_change_set(ChangeSetName=nested_id)
    assert nested["ParentChangeSetId"] == root["ChangeSetId"] == nested["RootChangeSetId"]
    assert {(c, r["Action"]) for c, r in changes(nested).items()} == {("Queue", "Add")}
    assert cfn.list_stacks(StackStatusFilter=["REVIEW_IN_PROGRESS"])["StackSummaries"][0]["StackName"] == "tree"

    cfn.execute_change_set(ChangeSetName=root["ChangeSetId"])
    assert wait_stack(aws, "tree")[0][-1] == "CREATE_COMPLETE"
    assert cfn.describe_change_set(ChangeSetName=nested_id)["ExecutionStatus"] == "EXECUTE_COMPLETE"

    update = change_set(aws, parent(endpoint, "child-v2.yaml"), "UPDATE")
    child_change = changes(update)["Child"]
    assert child_change["Action"] == "Modify"
    nested = cfn.describe_change_set(ChangeSetName=child_change["ChangeSetId"])
    assert {(c, r["Action"]) for c, r in changes(nested).items()} == {("Topic", "Add")}
    child_stack = cfn.describe_stack_resource(StackName="tree", LogicalResourceId="Child")["StackResourceDetail"]
    assert nested["StackId"] == child_stack["PhysicalResourceId"]
    assert {p["ParameterKey"]: p["ParameterValue"] for p in nested["Parameters"]}["Prefix"].startswith("tree-bucket-")


def test_without_include_nested_stacks_there_is_no_nested_change_set(aws, endpoint):
    upload(aws, "child-v1.yaml", CHILD_V1.encode())
    cfn = aws("cloudformation")
    created = cfn.create_change_set(StackName="tree", ChangeSetName="plain", TemplateBody=parent(endpoint, "child-v1.yaml"),
                                    ChangeSetType="CREATE")
    wait_change_set(aws, created["Id"])
    described = cfn.describe_change_set(ChangeSetName=created["Id"])
    assert "ChangeSetId" not in changes(described)["Child"]
    assert not described.get("IncludeNestedStacks")


def test_a_nested_template_that_cannot_be_processed_fails_the_root_change_set(aws, endpoint):
    upload(aws, "broken.yaml", b"Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n")
    cfn = aws("cloudformation")
    created = cfn.create_change_set(StackName="tree", ChangeSetName="broken", ChangeSetType="CREATE",
                                    TemplateBody=parent(endpoint, "broken.yaml"), IncludeNestedStacks=True)
    assert wait_change_set(aws, created["Id"])[-1] == "FAILED"
    assert "Nested change set creation failed" in cfn.describe_change_set(ChangeSetName=created["Id"])["StatusReason"]
