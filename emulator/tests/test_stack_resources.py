"""ListStackResources / DescribeStackResources report what happened, and never create anything."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from test_emulator import wait_stack

FAILING = """
AWSTemplateFormatVersion: '2010-09-09'
Conditions:
  Never: !Equals [a, b]
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Skipped:
    Type: AWS::SQS::Queue
    Condition: Never
  Broken:
    Type: AWS::SNS::Topic
    DependsOn: Queue
    Metadata:
      FerryEmulatorFail: "Resource handler returned message: no"
"""


def test_rollback_complete_stack_lists_deleted_resources_without_recreating_them(aws):
    cfn = aws("cloudformation")
    cfn.create_stack(StackName="failed", TemplateBody=FAILING)
    statuses, _ = wait_stack(aws, "failed")
    assert statuses[-1] == "ROLLBACK_COMPLETE"

    listed = {r["LogicalResourceId"]: r for r in cfn.list_stack_resources(StackName="failed")["StackResourceSummaries"]}
    described = {r["LogicalResourceId"]: r for r in cfn.describe_stack_resources(StackName="failed")["StackResources"]}

    assert set(listed) == {"Queue", "Broken"} == set(described)
    assert listed["Queue"]["ResourceStatus"] == "DELETE_COMPLETE"
    assert listed["Queue"]["PhysicalResourceId"].startswith("https://sqs.")
    assert described["Broken"]["ResourceType"] == "AWS::SNS::Topic"
    assert aws("sqs").list_queues().get("QueueUrls", []) == []  # reading re-created nothing
    assert aws("sns").list_topics()["Topics"] == []


def test_complete_stack_reports_status_and_real_timestamps(aws):
    cfn = aws("cloudformation")
    cfn.create_stack(StackName="fine", TemplateBody=FAILING.split("  Broken:")[0])
    wait_stack(aws, "fine")

    listed = cfn.list_stack_resources(StackName="fine")["StackResourceSummaries"]
    assert [(r["LogicalResourceId"], r["ResourceStatus"]) for r in listed] == [("Queue", "CREATE_COMPLETE")]
    assert listed[0]["LastUpdatedTimestamp"].year >= 2024
    single = cfn.describe_stack_resource(StackName="fine", LogicalResourceId="Queue")["StackResourceDetail"]
    assert single["PhysicalResourceId"] == listed[0]["PhysicalResourceId"]
    with pytest.raises(ClientError, match="Resource Skipped does not exist for stack fine"):
        cfn.describe_stack_resources(StackName="fine", LogicalResourceId="Skipped")
