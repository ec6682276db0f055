"""What a traffic shift needs from the emulator: alias RoutingConfig through UpdateAlias (kept in
the request journal, step by step), CloudFormation clearing the routing on an alias update, and
CloudWatch alarms whose state a test sets (SetAlarmState) and reads (DescribeAlarms)."""

from __future__ import annotations

import json
import urllib.request

from test_emulator import deploy, make_zip, outputs, upload, wait_stack
from test_lambda_aliases import alias_template


def journal(endpoint: str) -> list[dict]:
    with urllib.request.urlopen(f"{endpoint}/_ferry/requests") as response:
        return json.loads(response.read())["requests"]


def two_versions(aws) -> str:
    upload(aws, "v1.zip", make_zip("def handler(e, c):\n    return 1\n"))
    upload(aws, "v2.zip", make_zip("def handler(e, c):\n    return 2\n"))
    deploy(aws, "shift", alias_template("v1.zip"), "CREATE")
    _, description = wait_stack(aws, "shift")
    deploy(aws, "shift", alias_template("v2.zip"), "UPDATE")
    statuses, _ = wait_stack(aws, "shift")
    assert statuses[-1] == "UPDATE_COMPLETE"
    return outputs(description)["FunctionName"]


def test_update_alias_routes_weights_and_the_journal_keeps_each_body(aws, endpoint):
    name = two_versions(aws)
    lam = aws("lambda")
    lam.update_alias(FunctionName=name, Name="live", FunctionVersion="1",
                     RoutingConfig={"AdditionalVersionWeights": {"2": 0.1}})
    alias = lam.get_alias(FunctionName=name, Name="live")
    assert alias["FunctionVersion"] == "1"
    assert alias["RoutingConfig"]["AdditionalVersionWeights"] == {"2": 0.1}

    lam.update_alias(FunctionName=name, Name="live", FunctionVersion="2", RoutingConfig={"AdditionalVersionWeights": {}})
    alias = lam.get_alias(FunctionName=name, Name="live")
    assert alias["FunctionVersion"] == "2"
    assert not alias.get("RoutingConfig", {}).get("AdditionalVersionWeights")

    bodies = [e["body"] for e in journal(endpoint) if e["operation"] == "UpdateAlias"]
    assert bodies[-2:] == [
        {"FunctionVersion": "1", "RoutingConfig": {"AdditionalVersionWeights": {"2": 0.1}}},
        {"FunctionVersion": "2", "RoutingConfig": {"AdditionalVersionWeights": {}}},
    ]


def test_a_stack_update_clears_the_routing_of_its_alias(aws):
    name = two_versions(aws)
    lam = aws("lambda")
    lam.update_alias(FunctionName=name, Name="live", FunctionVersion="1",
                     RoutingConfig={"AdditionalVersionWeights": {"2": 0.5}})
    upload(aws, "v3.zip", make_zip("def handler(e, c):\n    return 3\n"))
    deploy(aws, "shift", alias_template("v3.zip"), "UPDATE")
    statuses, _ = wait_stack(aws, "shift")
    assert statuses[-1] == "UPDATE_COMPLETE"
    alias = lam.get_alias(FunctionName=name, Name="live")
    assert alias["FunctionVersion"] == "3"
    assert not (alias.get("RoutingConfig") or {}).get("AdditionalVersionWeights")


def test_alarm_state_is_set_and_described_by_name(aws):
    cloudwatch = aws("cloudwatch")
    for alarm in ("orders-5xx", "orders-p99"):
        cloudwatch.put_metric_alarm(
            AlarmName=alarm, MetricName="Errors", Namespace="AWS/Lambda", Statistic="Sum", Period=60,
            EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold")
    cloudwatch.set_alarm_state(AlarmName="orders-5xx", StateValue="OK", StateReason="test")
    cloudwatch.set_alarm_state(AlarmName="orders-p99", StateValue="ALARM", StateReason="test: p99 too high")
    alarms = cloudwatch.describe_alarms(AlarmNames=["orders-5xx", "orders-p99", "missing"])["MetricAlarms"]
    assert {a["AlarmName"]: a["StateValue"] for a in alarms} == {"orders-5xx": "OK", "orders-p99": "ALARM"}
