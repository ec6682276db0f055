"""Behaviour of Ferry's emulator (moto + patches) as seen through boto3."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import time
import urllib.request
import zipfile

import pytest
from botocore.exceptions import ClientError

from conftest import REGION

BUCKET = "ferry-artifacts"


def make_zip(source: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("app.py", (2020, 1, 1, 0, 0, 0)), source)
    return buffer.getvalue()


def sha256_b64(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode()


def upload(aws, key: str, body: bytes) -> None:
    s3 = aws("s3")
    try:
        s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    except ClientError as error:
        if error.response["Error"]["Code"] != "BucketAlreadyOwnedByYou":
            raise
    s3.put_object(Bucket=BUCKET, Key=key, Body=body)


def sam_template(code_key: str, fail_reason: str | None = None, description: str = "v1",
                 extra_resources: str = "") -> str:
    metadata = f"\n    Metadata:\n      FerryEmulatorFail: \"{fail_reason}\"" if fail_reason else ""
    return f"""
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function{metadata}
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Description: {description}
      CodeUri: s3://{BUCKET}/{code_key}
  Queue:
    Type: AWS::SQS::Queue
{extra_resources}
Outputs:
  FunctionName:
    Value: !Ref Fn
  QueueUrl:
    Value: !Ref Queue
"""


def deploy(aws, stack: str, template: str, kind: str) -> str:
    cfn = aws("cloudformation")
    change_set = cfn.create_change_set(
        StackName=stack, ChangeSetName=f"c{int(time.time() * 1000)}", TemplateBody=template,
        ChangeSetType=kind, Capabilities=["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"],
    )
    assert wait_change_set(aws, change_set["Id"])[-1] == "CREATE_COMPLETE"
    cfn.execute_change_set(ChangeSetName=change_set["Id"])
    return change_set["StackId"]


def wait_change_set(aws, change_set_id: str) -> list[str]:
    """Polls DescribeChangeSet until its creation ends; returns the statuses seen."""
    cfn = aws("cloudformation")
    seen: list[str] = []
    while True:
        status = cfn.describe_change_set(ChangeSetName=change_set_id)["Status"]
        if not seen or seen[-1] != status:
            seen.append(status)
        if status not in ("CREATE_PENDING", "CREATE_IN_PROGRESS"):
            return seen
        time.sleep(0.05)


def wait_stack(aws, stack: str) -> tuple[list[str], dict]:
    """Polls DescribeStacks until the status stops ending in _IN_PROGRESS; returns what it saw."""
    cfn = aws("cloudformation")
    seen: list[str] = []
    while True:
        description = cfn.describe_stacks(StackName=stack)["Stacks"][0]
        status = description["StackStatus"]
        if not seen or seen[-1] != status:
            seen.append(status)
        if not status.endswith("_IN_PROGRESS"):
            return seen, description
        time.sleep(0.1)


def events(aws, stack: str) -> list[dict]:
    """All events of the stack, oldest first."""
    return list(reversed(aws("cloudformation").describe_stack_events(StackName=stack)["StackEvents"]))


def statuses_of(all_events: list[dict], logical_id: str) -> list[str]:
    return [e["ResourceStatus"] for e in all_events if e["LogicalResourceId"] == logical_id]


def outputs(description: dict) -> dict[str, str]:
    return {o["OutputKey"]: o["OutputValue"] for o in description.get("Outputs") or []}


def test_sam_change_set_creates_function_with_code_hash_and_outputs(aws):
    code = make_zip("def handler(event, context):\n    return 1\n")
    upload(aws, "code-v1.zip", code)
    stack_id = deploy(aws, "app", sam_template("code-v1.zip"), "CREATE")

    seen, description = wait_stack(aws, "app")

    assert seen[0] == "CREATE_IN_PROGRESS"
    assert seen[-1] == "CREATE_COMPLETE"
    assert description["StackId"] == stack_id
    values = outputs(description)
    function = aws("lambda").get_function(FunctionName=values["FunctionName"])["Configuration"]
    assert function["CodeSha256"] == sha256_b64(code)
    assert function["Runtime"] == "python3.12"
    assert values["QueueUrl"].endswith("/" + values["QueueUrl"].rsplit("/", 1)[-1])


def test_create_reveals_per_resource_events_over_time(aws):
    upload(aws, "code.zip", make_zip("x = 1\n"))
    deploy(aws, "app", sam_template("code.zip"), "CREATE")
    early = events(aws, "app")
    wait_stack(aws, "app")
    late = events(aws, "app")

    assert len(early) < len(late)
    assert statuses_of(late, "app") == ["REVIEW_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"]
    for logical_id in ("Fn", "FnRole", "Queue"):
        assert statuses_of(late, logical_id) == ["CREATE_IN_PROGRESS", "CREATE_COMPLETE"]
    function_events = [e for e in late if e["LogicalResourceId"] == "Fn"]
    assert function_events[0]["ResourceType"] == "AWS::Lambda::Function"
    assert function_events[-1]["PhysicalResourceId"]
    assert all(e["EventId"] and e["Timestamp"] for e in late)
    timestamps = [e["Timestamp"] for e in late]
    assert timestamps == sorted(timestamps)
    role = statuses_of(late, "FnRole")
    assert late.index(next(e for e in late if e["LogicalResourceId"] == "FnRole")) < late.index(function_events[0]), role


def test_get_template_serves_original_and_processed(aws):
    upload(aws, "code.zip", make_zip("x = 1\n"))
    template = sam_template("code.zip")
    deploy(aws, "app", template, "CREATE")
    wait_stack(aws, "app")
    cfn = aws("cloudformation")

    original = cfn.get_template(StackName="app")["TemplateBody"]
    processed = cfn.get_template(StackName="app", TemplateStage="Processed")["TemplateBody"]

    assert original == template
    processed = processed if isinstance(processed, dict) else json.loads(processed)
    assert processed["Resources"]["Fn"]["Type"] == "AWS::Lambda::Function"
    assert processed["Resources"]["FnRole"]["Type"] == "AWS::IAM::Role"


def test_update_with_new_code_key_updates_function_and_unchanged_template_has_no_changes(aws):
    first, second = make_zip("v = 1\n"), make_zip("v = 2\n")
    upload(aws, "one.zip", first)
    upload(aws, "two.zip", second)
    deploy(aws, "app", sam_template("one.zip"), "CREATE")
    wait_stack(aws, "app")

    deploy(aws, "app", sam_template("two.zip"), "UPDATE")
    seen, description = wait_stack(aws, "app")

    assert seen[0] == "UPDATE_IN_PROGRESS" and seen[-1] == "UPDATE_COMPLETE"
    name = outputs(description)["FunctionName"]
    assert aws("lambda").get_function(FunctionName=name)["Configuration"]["CodeSha256"] == sha256_b64(second)
    assert statuses_of(events(aws, "app"), "Fn")[-2:] == ["UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"]
    cfn = aws("cloudformation")
    unchanged = cfn.create_change_set(StackName="app", ChangeSetName="same", ChangeSetType="UPDATE",
                                      TemplateBody=sam_template("two.zip"), Capabilities=["CAPABILITY_IAM"])
    assert wait_change_set(aws, unchanged["Id"])[-1] == "FAILED"
    described = cfn.describe_change_set(ChangeSetName=unchanged["Id"])
    assert described["Status"] == "FAILED"
    assert "didn't contain changes" in described["StatusReason"]


def test_nested_stack_with_sam_inside(aws, endpoint):
    code = make_zip("nested = True\n")
    upload(aws, "child-code.zip", code)
    upload(aws, "child.yaml", sam_template("child-code.zip").encode())
    parent = f"""
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: {endpoint}/{BUCKET}/child.yaml
"""
    deploy(aws, "parent", parent, "CREATE")
    seen, _ = wait_stack(aws, "parent")

    assert seen[-1] == "CREATE_COMPLETE"
    cfn = aws("cloudformation")
    parent_events = events(aws, "parent")
    assert statuses_of(parent_events, "Child") == ["CREATE_IN_PROGRESS", "CREATE_COMPLETE"]
    child_id = [e for e in parent_events if e["LogicalResourceId"] == "Child"][-1]["PhysicalResourceId"]
    assert child_id.startswith("arn:aws:cloudformation:")
    child = cfn.describe_stacks(StackName=child_id)["Stacks"][0]
    assert child["StackStatus"] == "CREATE_COMPLETE"
    child_events = events(aws, child_id)
    assert statuses_of(child_events, "Fn") == ["CREATE_IN_PROGRESS", "CREATE_COMPLETE"]
    name = outputs(child)["FunctionName"]
    assert aws("lambda").get_function(FunctionName=name)["Configuration"]["CodeSha256"] == sha256_b64(code)
    assert child_events[0]["Timestamp"] > parent_events[1]["Timestamp"]
    assert child_events[-1]["Timestamp"] < parent_events[-1]["Timestamp"]


def test_failing_resource_on_create_rolls_back(aws):
    upload(aws, "code.zip", make_zip("x = 1\n"))
    deploy(aws, "broken", sam_template("code.zip", fail_reason="Handler app.missing not found"), "CREATE")
    seen, description = wait_stack(aws, "broken")

    assert seen[0] == "CREATE_IN_PROGRESS"
    assert "ROLLBACK_IN_PROGRESS" in seen
    assert seen[-1] == "ROLLBACK_COMPLETE"
    assert outputs(description) == {}
    all_events = events(aws, "broken")
    failed = [e for e in all_events if e["ResourceStatus"] == "CREATE_FAILED"]
    assert failed[0]["LogicalResourceId"] == "Fn"
    assert failed[0]["ResourceStatusReason"] == "Handler app.missing not found"
    rollback = [e for e in all_events if e["ResourceStatus"] == "ROLLBACK_IN_PROGRESS"][0]
    assert "[Fn]" in rollback["ResourceStatusReason"]
    assert statuses_of(all_events, "Fn")[-1] == "DELETE_COMPLETE"
    assert aws("lambda").list_functions()["Functions"] == []
    assert aws("sqs").list_queues().get("QueueUrls", []) == []


def test_failure_cascade_cancels_resources_in_progress(aws):
    upload(aws, "code.zip", make_zip("x = 1\n"))
    slow = "  Other:\n    Type: AWS::SQS::Queue\n    DependsOn: Fn\n"
    deploy(aws, "broken", sam_template("code.zip", fail_reason="boom", extra_resources=slow), "CREATE")
    wait_stack(aws, "broken")

    all_events = events(aws, "broken")
    cancelled = [e for e in all_events if e.get("ResourceStatusReason") == "Resource creation cancelled"]
    assert cancelled and all(e["ResourceStatus"] == "CREATE_FAILED" for e in cancelled)
    assert "Other" in {e["LogicalResourceId"] for e in cancelled}


def test_rolled_back_stack_can_be_deleted_and_recreated(aws):
    upload(aws, "code.zip", make_zip("x = 1\n"))
    stack_id = deploy(aws, "again", sam_template("code.zip", fail_reason="nope"), "CREATE")
    assert wait_stack(aws, "again")[0][-1] == "ROLLBACK_COMPLETE"
    cfn = aws("cloudformation")
    with pytest.raises(ClientError) as refused:
        cfn.create_change_set(StackName="again", ChangeSetName="c2", ChangeSetType="UPDATE",
                              TemplateBody=sam_template("code.zip"), Capabilities=["CAPABILITY_IAM"])
    assert "ROLLBACK_COMPLETE" in str(refused.value)

    cfn.delete_stack(StackName="again")
    seen, _ = wait_stack(aws, stack_id)  # as in AWS, a deleted stack is found by its ID only
    assert seen[-1] == "DELETE_COMPLETE"
    deploy(aws, "again", sam_template("code.zip"), "CREATE")
    assert wait_stack(aws, "again")[0][-1] == "CREATE_COMPLETE"


def test_failing_update_rolls_back_and_keeps_old_resources(aws):
    first = make_zip("v = 1\n")
    upload(aws, "one.zip", first)
    upload(aws, "two.zip", make_zip("v = 2\n"))
    deploy(aws, "app", sam_template("one.zip"), "CREATE")
    _, before = wait_stack(aws, "app")

    extra = "  Extra:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: extra-queue\n"
    deploy(aws, "app", sam_template("two.zip", fail_reason="Role cannot be assumed",
                                    description="v2", extra_resources=extra), "UPDATE")
    seen, after = wait_stack(aws, "app")

    assert seen[0] == "UPDATE_IN_PROGRESS"
    assert "UPDATE_ROLLBACK_IN_PROGRESS" in seen
    assert seen[-1] == "UPDATE_ROLLBACK_COMPLETE"
    all_events = events(aws, "app")
    failed = [e for e in all_events if e["ResourceStatus"] == "UPDATE_FAILED"]
    assert failed[0]["LogicalResourceId"] == "Fn"
    assert failed[0]["ResourceStatusReason"] == "Role cannot be assumed"
    assert outputs(after) == outputs(before)
    function = aws("lambda").get_function(FunctionName=outputs(before)["FunctionName"])["Configuration"]
    assert function["CodeSha256"] == sha256_b64(first)
    assert function["Description"] == "v1"
    queues = aws("sqs").list_queues().get("QueueUrls", [])
    assert not any(url.endswith("/extra-queue") for url in queues)
    assert aws("cloudformation").get_template(StackName="app")["TemplateBody"] == sam_template("one.zip")


def test_stack_delete_goes_through_delete_in_progress(aws):
    upload(aws, "code.zip", make_zip("x = 1\n"))
    stack_id = deploy(aws, "gone", sam_template("code.zip"), "CREATE")
    wait_stack(aws, "gone")
    cfn = aws("cloudformation")
    cfn.delete_stack(StackName="gone")

    assert cfn.describe_stacks(StackName="gone")["Stacks"][0]["StackStatus"] == "DELETE_IN_PROGRESS"
    seen, _ = wait_stack(aws, stack_id)

    assert seen[-1] == "DELETE_COMPLETE"
    assert statuses_of(events(aws, stack_id), "Fn")[-2:] == ["DELETE_IN_PROGRESS", "DELETE_COMPLETE"]
    with pytest.raises(ClientError):
        cfn.describe_stacks(StackName="gone")
    assert aws("lambda").list_functions()["Functions"] == []


def lambda_statuses(aws, name: str, key: str) -> list[str]:
    client = aws("lambda")
    seen: list[str] = []
    while True:
        value = client.get_function_configuration(FunctionName=name).get(key, "")
        if not seen or seen[-1] != value:
            seen.append(value)
        if value not in ("InProgress", "Pending"):
            return seen
        time.sleep(0.05)


def create_function(aws, name: str, code: bytes, env: dict[str, str] | None = None) -> dict:
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                    "Principal": {"Service": "lambda.amazonaws.com"}}]}
    role = aws("iam").create_role(RoleName=f"{name}-role", AssumeRolePolicyDocument=json.dumps(trust))
    kwargs = {"Environment": {"Variables": env}} if env else {}
    return aws("lambda").create_function(
        FunctionName=name, Runtime="python3.12", Handler="app.handler", Code={"ZipFile": code},
        Role=role["Role"]["Arn"], **kwargs,
    )


def test_lambda_create_is_pending_then_active(aws):
    created = create_function(aws, "fresh", make_zip("x = 1\n"))
    assert created["State"] == "Pending"
    assert lambda_statuses(aws, "fresh", "State")[-1] == "Active"


def test_lambda_update_goes_in_progress_then_successful_and_conflicts_meanwhile(aws):
    create_function(aws, "fn", make_zip("x = 1\n"))
    lambda_statuses(aws, "fn", "State")
    client = aws("lambda")
    new_code = make_zip("x = 2\n")

    updated = client.update_function_code(FunctionName="fn", ZipFile=new_code)
    assert updated["LastUpdateStatus"] == "InProgress"
    with pytest.raises(ClientError) as conflict:
        client.update_function_configuration(FunctionName="fn", Description="meanwhile")
    assert conflict.value.response["Error"]["Code"] == "ResourceConflictException"

    assert lambda_statuses(aws, "fn", "LastUpdateStatus")[-1] == "Successful"
    assert client.get_function(FunctionName="fn")["Configuration"]["CodeSha256"] == sha256_b64(new_code)


def test_lambda_update_can_be_made_to_fail(aws):
    create_function(aws, "bad", make_zip("x = 1\n"), env={"FERRY_EMULATOR_FAIL_UPDATE": "Layer not found"})
    lambda_statuses(aws, "bad", "State")
    aws("lambda").update_function_code(FunctionName="bad", ZipFile=make_zip("x = 2\n"))

    assert lambda_statuses(aws, "bad", "LastUpdateStatus")[-1] == "Failed"
    config = aws("lambda").get_function_configuration(FunctionName="bad")
    assert config["LastUpdateStatusReason"] == "Layer not found"
    assert config["LastUpdateStatusReasonCode"] == "InvalidConfiguration"


def test_reset_clears_stacks_functions_and_buckets(aws, endpoint):
    upload(aws, "code.zip", make_zip("x = 1\n"))
    deploy(aws, "app", sam_template("code.zip"), "CREATE")

    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")).read()

    cfn = aws("cloudformation")
    assert cfn.describe_stacks()["Stacks"] == []
    with pytest.raises(ClientError):
        cfn.describe_stack_events(StackName="app")
    assert aws("lambda").list_functions()["Functions"] == []
    assert aws("s3").list_buckets()["Buckets"] == []
    deploy(aws, "app", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n", "CREATE")
    assert statuses_of(events(aws, "app"), "app")[0] == "REVIEW_IN_PROGRESS"


def test_failing_nested_stack_fails_its_parent(aws, endpoint):
    upload(aws, "code.zip", make_zip("x = 1\n"))
    upload(aws, "child.yaml", sam_template("code.zip", fail_reason="child resource broke").encode())
    parent = f"""
Resources:
  Sibling:
    Type: AWS::SQS::Queue
  Child:
    Type: AWS::CloudFormation::Stack
    DependsOn: Sibling
    Properties:
      TemplateURL: {endpoint}/{BUCKET}/child.yaml
"""
    deploy(aws, "parent", parent, "CREATE")
    seen, _ = wait_stack(aws, "parent")

    assert seen[-1] == "ROLLBACK_COMPLETE"
    parent_events = events(aws, "parent")
    failed = [e for e in parent_events if e["ResourceStatus"] == "CREATE_FAILED"]
    assert failed[0]["LogicalResourceId"] == "Child"
    assert "Embedded stack" in failed[0]["ResourceStatusReason"]
    assert "[Fn]" in failed[0]["ResourceStatusReason"]
    assert statuses_of(parent_events, "Sibling")[-2:] == ["DELETE_IN_PROGRESS", "DELETE_COMPLETE"]
    child_id = failed[0]["PhysicalResourceId"]
    child_events = events(aws, child_id)
    child_failures = [e for e in child_events if e["ResourceStatus"] == "CREATE_FAILED"]
    assert child_failures[0]["ResourceStatusReason"] == "child resource broke"
    assert "ROLLBACK_COMPLETE" in statuses_of(child_events, child_events[0]["StackName"])
    assert aws("sqs").list_queues().get("QueueUrls", []) == []


def test_moto_error_during_create_becomes_resource_failure(aws):
    template = "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Path: /\n"
    deploy(aws, "invalid", template, "CREATE")
    seen, _ = wait_stack(aws, "invalid")

    assert seen[-1] == "ROLLBACK_COMPLETE"
    failed = [e for e in events(aws, "invalid") if e["ResourceStatus"] == "CREATE_FAILED"]
    assert failed[0]["LogicalResourceId"] == "Role"
    assert "AssumeRolePolicyDocument" in failed[0]["ResourceStatusReason"]


def test_create_stack_and_update_stack_apis_report_progress_too(aws):
    cfn = aws("cloudformation")
    first = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\nOutputs:\n  Url:\n    Value: !Ref Q\n"
    cfn.create_stack(StackName="direct", TemplateBody=first)
    seen, created = wait_stack(aws, "direct")
    assert seen == ["CREATE_IN_PROGRESS", "CREATE_COMPLETE"]
    assert "Url" in outputs(created)

    second = first + "  Other:\n    Value: two\n"
    second = second.replace("Outputs:", "  Q2:\n    Type: AWS::SQS::Queue\n    Metadata:\n      FerryEmulatorFail: quota\nOutputs:")
    cfn.update_stack(StackName="direct", TemplateBody=second)
    seen, updated = wait_stack(aws, "direct")
    assert seen[0] == "UPDATE_IN_PROGRESS" and seen[-1] == "UPDATE_ROLLBACK_COMPLETE"
    assert outputs(updated) == outputs(created)
    assert len(aws("sqs").list_queues()["QueueUrls"]) == 1


def test_nested_template_url_on_127_0_0_1_works(aws, endpoint):
    upload(aws, "plain.yaml", b"Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")
    url = endpoint.replace("localhost", "127.0.0.1")
    parent = f"Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: {url}/{BUCKET}/plain.yaml\n"
    deploy(aws, "parent", parent, "CREATE")
    assert wait_stack(aws, "parent")[0][-1] == "CREATE_COMPLETE"


def test_create_change_set_on_existing_stack_is_refused(aws):
    deploy(aws, "taken", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n", "CREATE")
    wait_stack(aws, "taken")
    with pytest.raises(ClientError) as refused:
        aws("cloudformation").create_change_set(
            StackName="taken", ChangeSetName="again", ChangeSetType="CREATE",
            TemplateBody="Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")
    assert refused.value.response["Error"]["Code"] == "AlreadyExistsException"
    assert len(aws("cloudformation").describe_stacks()["Stacks"]) == 1


def test_create_change_set_with_a_name_in_use_is_refused(aws):
    body = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n"
    cfn = aws("cloudformation")
    cfn.create_change_set(StackName="twice", ChangeSetName="same", ChangeSetType="CREATE", TemplateBody=body)
    with pytest.raises(ClientError) as refused:
        cfn.create_change_set(StackName="twice", ChangeSetName="same", ChangeSetType="CREATE", TemplateBody=body)
    assert refused.value.response["Error"]["Code"] == "AlreadyExistsException"
    assert "ChangeSet [same] already exists" in refused.value.response["Error"]["Message"]
    assert len(cfn.list_change_sets(StackName="twice")["Summaries"]) == 1


def test_change_set_takes_time_to_create_and_reports_execution(aws):
    cfn = aws("cloudformation")
    created = cfn.create_change_set(StackName="slow", ChangeSetName="c1", ChangeSetType="CREATE",
                                    TemplateBody="Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")
    early = cfn.describe_change_set(ChangeSetName=created["Id"])
    assert early["Status"] == "CREATE_IN_PROGRESS"
    assert early["ExecutionStatus"] == "UNAVAILABLE"
    with pytest.raises(ClientError) as too_early:
        cfn.execute_change_set(ChangeSetName=created["Id"])
    assert too_early.value.response["Error"]["Code"] == "InvalidChangeSetStatus"

    assert wait_change_set(aws, created["Id"])[-1] == "CREATE_COMPLETE"
    assert cfn.describe_change_set(ChangeSetName=created["Id"])["ExecutionStatus"] == "AVAILABLE"
    cfn.execute_change_set(ChangeSetName=created["Id"])
    assert cfn.describe_change_set(ChangeSetName=created["Id"])["ExecutionStatus"] == "EXECUTE_IN_PROGRESS"
    wait_stack(aws, "slow")
    assert cfn.describe_change_set(ChangeSetName=created["Id"])["ExecutionStatus"] == "EXECUTE_COMPLETE"


def test_a_boolean_parameter_default_is_the_text_cloudformation_reads(aws):
    template = """
Parameters:
  Flag: {Type: String, Default: true, AllowedValues: [true, false]}
Conditions:
  IsOn: !Equals [!Ref Flag, "true"]
Resources:
  Topic: {Type: AWS::SNS::Topic}
Outputs:
  Flag: {Value: !Ref Flag}
  State: {Value: !If [IsOn, "yes", "no"]}
"""
    deploy(aws, "flags", template, "CREATE")
    seen, description = wait_stack(aws, "flags")
    assert seen[-1] == "CREATE_COMPLETE"
    assert outputs(description) == {"Flag": "true", "State": "yes"}
    assert {p["ParameterKey"]: p["ParameterValue"] for p in description["Parameters"]} == {"Flag": "true"}


def test_getatt_of_a_nested_stack_output(aws, endpoint):
    upload(aws, "child-outputs.yaml", b"Resources:\n  Q:\n    Type: AWS::SQS::Queue\nOutputs:\n  Value:\n    Value: shared-42\n")
    parent = f"""
Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: {endpoint}/{BUCKET}/child-outputs.yaml
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: !GetAtt Child.Outputs.Value
Outputs:
  FromChild:
    Value: !GetAtt Child.Outputs.Value
"""
    deploy(aws, "reads-child", parent, "CREATE")
    seen, description = wait_stack(aws, "reads-child")
    reasons = [e.get("ResourceStatusReason") for e in aws("cloudformation").describe_stack_events(StackName="reads-child")["StackEvents"]]
    assert seen[-1] == "CREATE_COMPLETE", reasons
    assert outputs(description) == {"FromChild": "shared-42"}
