"""SAM's DeploymentPreference through CloudFormation: CodeDeploy applications and deployment groups
are real resources, and an alias update under CodeDeployLambdaAliasUpdate is a CodeDeploy
deployment that moves the alias's traffic over time, runs hooks and fails on an alarm."""

from __future__ import annotations

import time

from conftest import CODEDEPLOY_MINUTE
from test_emulator import BUCKET, deploy, events, make_zip, outputs, upload, wait_stack

from ferry_emulator.codedeploy_deployments import traffic_steps


def preference_template(code_key: str, kind: str = "Canary10Percent5Minutes", hook_error: str | None = None) -> str:
    hook_environment = f"""
      Environment:
        Variables:
          FERRY_EMULATOR_INVOKE_ERROR: "{hook_error}"
""" if hook_error else ""
    return f"""
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://{BUCKET}/{code_key}
      AutoPublishAlias: live
      DeploymentPreference:
        Type: {kind}
        Alarms: [orders-errors]
        Hooks:
          PreTraffic: !Ref PreTraffic
  PreTraffic:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://{BUCKET}/hook.zip
      FunctionName: CodeDeployHook_orders_pre{hook_environment}
Outputs:
  FunctionName:
    Value: !Ref Fn
"""


def _first_version(aws, stack: str) -> str:
    cloudwatch = aws("cloudwatch")
    cloudwatch.put_metric_alarm(
        AlarmName="orders-errors", MetricName="Errors", Namespace="AWS/Lambda", Statistic="Sum", Period=60,
        EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold")
    upload(aws, "hook.zip", make_zip("def handler(e, c):\n    return 0\n"))
    upload(aws, "v1.zip", make_zip("def handler(e, c):\n    return 1\n"))
    upload(aws, "v2.zip", make_zip("def handler(e, c):\n    return 2\n"))
    deploy(aws, stack, preference_template("v1.zip"), "CREATE")
    statuses, description = wait_stack(aws, stack)
    assert statuses[-1] == "CREATE_COMPLETE"
    return outputs(description)["FunctionName"]


def _group(aws, stack: str) -> tuple[str, str]:
    resources = aws("cloudformation").describe_stack_resources(StackName=stack)["StackResources"]
    by_type = {r["ResourceType"]: r["PhysicalResourceId"] for r in resources}
    return by_type["AWS::CodeDeploy::Application"], by_type["AWS::CodeDeploy::DeploymentGroup"]


def _deployment(aws, stack: str) -> dict:
    codedeploy = aws("codedeploy")
    application, group = _group(aws, stack)
    for _ in range(100):
        ids = codedeploy.list_deployments(applicationName=application, deploymentGroupName=group)["deployments"]
        if ids:
            return codedeploy.get_deployment(deploymentId=ids[0])["deploymentInfo"]
        time.sleep(0.05)
    raise AssertionError("no deployment")


def test_traffic_steps_follow_the_deployment_config():
    assert traffic_steps("CodeDeployDefault.LambdaAllAtOnce", 60) == [(0.0, 1.0)]
    assert traffic_steps("CodeDeployDefault.LambdaCanary10Percent5Minutes", 1) == [(0.0, 0.1), (5.0, 1.0)]
    assert traffic_steps("CodeDeployDefault.LambdaLinear10PercentEvery1Minute", 2)[:3] == [(0.0, 0.1), (2.0, 0.2), (4.0, 0.3)]
    assert traffic_steps("CodeDeployDefault.LambdaLinear10PercentEvery1Minute", 2)[-1] == (18.0, 1.0)


def test_sam_deployment_preference_creates_the_application_and_group(aws):
    _first_version(aws, "cd")
    application, group = _group(aws, "cd")
    codedeploy = aws("codedeploy")
    assert codedeploy.get_application(applicationName=application)["application"]["computePlatform"] == "Lambda"
    info = codedeploy.get_deployment_group(applicationName=application, deploymentGroupName=group)["deploymentGroupInfo"]
    assert info["deploymentConfigName"] == "CodeDeployDefault.LambdaCanary10Percent5Minutes"
    assert codedeploy.list_deployments(applicationName=application, deploymentGroupName=group)["deployments"] == []


def test_a_canary_deployment_moves_the_alias_in_steps_and_completes_the_update(aws):
    name = _first_version(aws, "cd")
    lam, codedeploy = aws("lambda"), aws("codedeploy")
    deploy(aws, "cd", preference_template("v2.zip"), "UPDATE")
    deployment = _deployment(aws, "cd")
    seen_weights, seen_events = set(), set()
    while True:
        info = codedeploy.get_deployment(deploymentId=deployment["deploymentId"])["deploymentInfo"]
        alias = lam.get_alias(FunctionName=name, Name="live")
        weights = (alias.get("RoutingConfig") or {}).get("AdditionalVersionWeights") or {}
        seen_weights.add((alias["FunctionVersion"], tuple(weights.items())))
        targets = codedeploy.list_deployment_targets(deploymentId=deployment["deploymentId"])["targetIds"]
        if targets:
            target = codedeploy.batch_get_deployment_targets(
                deploymentId=deployment["deploymentId"], targetIds=targets)["deploymentTargets"][0]["lambdaTarget"]
            seen_events |= {(e["lifecycleEventName"], e["status"]) for e in target["lifecycleEvents"]}
        if info["status"] in ("Succeeded", "Failed"):
            break
        time.sleep(0.1)
    assert info["status"] == "Succeeded"
    assert deployment["deploymentId"].startswith("d-")
    assert ("1", (("2", 0.1),)) in seen_weights
    assert target["lambdaFunctionInfo"] == {"functionName": name, "functionAlias": "live", "currentVersion": "1",
                                            "targetVersion": "2", "targetVersionWeight": 1.0}
    assert {("BeforeAllowTraffic", "Succeeded"), ("AllowTraffic", "InProgress"), ("AfterAllowTraffic", "Succeeded")} <= seen_events
    statuses, _ = wait_stack(aws, "cd")
    assert statuses[-1] == "UPDATE_COMPLETE"
    assert lam.get_alias(FunctionName=name, Name="live")["FunctionVersion"] == "2"
    assert (info["completeTime"] - info["startTime"]).total_seconds() >= 5 * CODEDEPLOY_MINUTE


def test_an_alarm_in_alarm_fails_the_deployment_and_the_update_rolls_back(aws):
    name = _first_version(aws, "cd")
    aws("cloudwatch").set_alarm_state(AlarmName="orders-errors", StateValue="ALARM", StateReason="test")
    deploy(aws, "cd", preference_template("v2.zip"), "UPDATE")
    statuses, _ = wait_stack(aws, "cd")
    assert statuses[-1] == "UPDATE_ROLLBACK_COMPLETE"
    info = _deployment(aws, "cd")
    assert info["status"] == "Failed"
    assert info["errorInformation"]["code"] == "ALARM_ACTIVE"
    assert "orders-errors" in info["errorInformation"]["message"]
    failed = [e for e in events(aws, "cd") if e["ResourceStatus"] == "UPDATE_FAILED"]
    assert failed[0]["ResourceType"] == "AWS::Lambda::Alias"
    assert f"CodeDeploy deployment {info['deploymentId']} failed (ALARM_ACTIVE)" in failed[0]["ResourceStatusReason"]
    assert aws("lambda").get_alias(FunctionName=name, Name="live")["FunctionVersion"] == "1"


def test_a_failing_hook_fails_before_any_traffic_moves(aws):
    _first_version(aws, "cd")
    deploy(aws, "cd", preference_template("v2.zip", hook_error="smoke test failed"), "UPDATE")
    statuses, _ = wait_stack(aws, "cd")
    assert statuses[-1] == "UPDATE_ROLLBACK_COMPLETE"
    info = _deployment(aws, "cd")
    assert info["errorInformation"]["code"] == "HOOK_EXECUTION_FAILURE"
    assert "smoke test failed" in info["errorInformation"]["message"]
    target = aws("codedeploy").get_deployment_target(deploymentId=info["deploymentId"], targetId=f"{_name(aws)}:live")
    states = {e["lifecycleEventName"]: e["status"] for e in target["deploymentTarget"]["lambdaTarget"]["lifecycleEvents"]}
    assert states == {"BeforeAllowTraffic": "Failed", "AllowTraffic": "Skipped", "AfterAllowTraffic": "Skipped"}


def _name(aws) -> str:
    resources = aws("cloudformation").describe_stack_resources(StackName="cd")["StackResources"]
    return next(r["PhysicalResourceId"] for r in resources if r["LogicalResourceId"] == "Fn")
