"""AWS::SQS::QueuePolicy sets the queues' Policy attribute (create, update, delete)."""

from __future__ import annotations

import json

from test_emulator import events, wait_stack

TEMPLATE = """
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Policy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - {Sid: EnforceSSLOnly, Effect: Deny, Principal: "*", Action: "sqs:*", Resource: !GetAtt Queue.Arn,
             Condition: {Bool: {"aws:SecureTransport": false}}}
Outputs:
  Url: {Value: !Ref Queue}
"""


def policy_of(aws, url: str) -> dict | None:
    attributes = aws("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"]).get("Attributes", {})
    return json.loads(attributes["Policy"]) if attributes.get("Policy") else None


def test_queue_policy_is_applied_changed_and_removed(aws):
    cfn = aws("cloudformation")
    cfn.create_stack(StackName="policies", TemplateBody=TEMPLATE)
    statuses, description = wait_stack(aws, "policies")
    assert statuses[-1] == "CREATE_COMPLETE"
    url = description["Outputs"][0]["OutputValue"]
    assert policy_of(aws, url)["Statement"][0]["Sid"] == "EnforceSSLOnly"
    complete = next(e for e in events(aws, "policies")
                    if e["LogicalResourceId"] == "Policy" and e["ResourceStatus"] == "CREATE_COMPLETE")
    assert complete["PhysicalResourceId"].startswith("policies-Policy-")
    assert "ResourceStatusReason" not in complete  # real, not simulated

    cfn.update_stack(StackName="policies", TemplateBody=TEMPLATE.replace("EnforceSSLOnly", "Renamed"))
    assert wait_stack(aws, "policies")[0][-1] == "UPDATE_COMPLETE"
    assert policy_of(aws, url)["Statement"][0]["Sid"] == "Renamed"

    without = TEMPLATE.split("  Policy:")[0] + "Outputs:\n  Url: {Value: !Ref Queue}\n"
    cfn.update_stack(StackName="policies", TemplateBody=without)
    assert wait_stack(aws, "policies")[0][-1] == "UPDATE_COMPLETE"
    assert policy_of(aws, url) is None
