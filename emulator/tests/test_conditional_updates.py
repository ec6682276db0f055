"""Updates and change sets honour Conditions and parameter changes."""

from __future__ import annotations

from test_emulator import wait_change_set, wait_stack

TEMPLATE = """
Parameters:
  Level: {Type: String, Default: INFO}
  WithTopic: {Type: String, Default: "no"}
Conditions:
  Topic: !Equals [!Ref WithTopic, "yes"]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      Tags: [{Key: level, Value: !Ref Level}]
  Extra:
    Type: AWS::SNS::Topic
    Condition: Topic
    Properties:
      Tags: [{Key: level, Value: !Ref Level}]
"""


def params(level: str, with_topic: str) -> list[dict[str, str]]:
    return [{"ParameterKey": "Level", "ParameterValue": level}, {"ParameterKey": "WithTopic", "ParameterValue": with_topic}]


def test_parameter_change_skips_inactive_resources_and_conditions_create_and_delete(aws):
    cfn = aws("cloudformation")
    cfn.create_stack(StackName="cond", TemplateBody=TEMPLATE, Parameters=params("INFO", "no"))
    assert wait_stack(aws, "cond")[0][-1] == "CREATE_COMPLETE"

    change_set = cfn.create_change_set(StackName="cond", ChangeSetName="debug", ChangeSetType="UPDATE",
                                       UsePreviousTemplate=True, Parameters=params("DEBUG", "no"))
    wait_change_set(aws, change_set["Id"])
    described = cfn.describe_change_set(ChangeSetName=change_set["Id"])
    assert [(c["ResourceChange"]["LogicalResourceId"], c["ResourceChange"]["Action"]) for c in described["Changes"]] \
        == [("Queue", "Modify")]
    cfn.execute_change_set(ChangeSetName=change_set["Id"])
    assert wait_stack(aws, "cond")[0][-1] == "UPDATE_COMPLETE"  # the inactive topic is not "updated"

    cfn.update_stack(StackName="cond", UsePreviousTemplate=True, Parameters=params("DEBUG", "yes"))
    assert wait_stack(aws, "cond")[0][-1] == "UPDATE_COMPLETE"
    assert len(aws("sns").list_topics()["Topics"]) == 1
    listed = {r["LogicalResourceId"] for r in cfn.list_stack_resources(StackName="cond")["StackResourceSummaries"]}
    assert listed == {"Queue", "Extra"}

    cfn.update_stack(StackName="cond", UsePreviousTemplate=True, Parameters=params("DEBUG", "no"))
    assert wait_stack(aws, "cond")[0][-1] == "UPDATE_COMPLETE"
    assert aws("sns").list_topics()["Topics"] == []
    listed = {r["LogicalResourceId"] for r in cfn.list_stack_resources(StackName="cond")["StackResourceSummaries"]}
    assert listed == {"Queue"}
