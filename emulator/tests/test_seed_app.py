"""The seed app's shapes (trimmed copies in fixtures/idp, MIT-0) deploy from nothing, honestly."""

from __future__ import annotations

import json
from pathlib import Path

from test_emulator import BUCKET, events, make_zip, outputs, upload, wait_stack

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "idp"
PATTERN_2 = "Pattern2 - Packet processing with Textract and Bedrock"
SIMULATED = {
    "IsStacknameLengthOK": "Custom::StacknameCheck", "CodeBuildRun": "Custom::CodeBuildRun",
    "CloudFrontOriginAccessIdentity": "AWS::CloudFront::CloudFrontOriginAccessIdentity",
    "SecurityHeadersPolicy": "AWS::CloudFront::ResponseHeadersPolicy",
    "CloudFrontDistribution": "AWS::CloudFront::Distribution", "WebUIBucketPolicy": "AWS::S3::BucketPolicy",
    "UserPool": "AWS::Cognito::UserPool", "UserPoolClient": "AWS::Cognito::UserPoolClient",
    "IdentityPool": "AWS::Cognito::IdentityPool", "AdminUser": "AWS::Cognito::UserPoolUser",
    "ReportingDatabase": "AWS::Glue::Database", "MetricsTable": "AWS::Glue::Table",
    "UIBuildWaitHandle": "AWS::CloudFormation::WaitConditionHandle",
    "UICodeBuildProject": "AWS::CodeBuild::Project",
}


def deploy_seed(aws, endpoint: str) -> dict:
    upload(aws, "code.zip", make_zip("def handler(e, c):\n    return {}\n"))
    upload(aws, "workflow.asl.json", (FIXTURES / "workflow.asl.json").read_bytes())
    upload(aws, "pattern-2.yaml", (FIXTURES / "pattern-2.yaml").read_bytes())
    aws("cloudformation").create_stack(
        StackName="idp", TemplateBody=(FIXTURES / "root.yaml").read_text(),
        Parameters=[{"ParameterKey": "AdminEmail", "ParameterValue": "jdoe+admin@example.com"},
                    {"ParameterKey": "IDPPattern", "ParameterValue": PATTERN_2},
                    {"ParameterKey": "Pattern2TemplateURL", "ParameterValue": f"{endpoint}/{BUCKET}/pattern-2.yaml"},
                    {"ParameterKey": "CodeBucket", "ParameterValue": BUCKET}],
        Capabilities=["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
    statuses, description = wait_stack(aws, "idp")
    assert statuses[-1] == "CREATE_COMPLETE", [e.get("ResourceStatusReason") for e in events(aws, "idp")]
    return description


def test_pattern_2_deploys_from_nothing_with_every_resource_honest(aws, endpoint):
    values = outputs(deploy_seed(aws, endpoint))
    cfn = aws("cloudformation")

    resources = {r["LogicalResourceId"]: r for r in cfn.list_stack_resources(StackName="idp")["StackResourceSummaries"]}
    assert "WAFWebACL" not in resources  # its condition is false
    assert all(r["PhysicalResourceId"] and r["ResourceStatus"] == "CREATE_COMPLETE" for r in resources.values())
    completes = {e["LogicalResourceId"]: e for e in events(aws, "idp") if e["ResourceStatus"] == "CREATE_COMPLETE"}
    simulated = {logical_id: e["ResourceType"] for logical_id, e in completes.items()
                 if (e.get("ResourceStatusReason") or "").startswith("Simulated by Ferry's emulator")}
    assert simulated == SIMULATED
    assert "DocumentQueuePolicy" in completes  # real (queue_policies.py), not simulated

    assert values["ApplicationWebURL"].endswith(".cloudfront.net/")
    child_id = resources["PATTERN2STACK"]["PhysicalResourceId"]
    child = cfn.describe_stacks(StackName=child_id)["Stacks"][0]
    assert values["StateMachineArn"] == outputs(child)["StateMachineArn"]
    machine = aws("stepfunctions").describe_state_machine(stateMachineArn=values["StateMachineArn"])
    definition = json.loads(machine["definition"])
    assert definition["States"]["OCRStep"]["Resource"].startswith("arn:aws:lambda:eu-central-1:123456789012:function:")
    assert definition["States"]["SummarizationChoice"]["Choices"][0]["BooleanEquals"] is True
    child_resources = {r["LogicalResourceId"]: r for r in
                       cfn.list_stack_resources(StackName=child_id)["StackResourceSummaries"]}
    function = aws("lambda").get_function_configuration(FunctionName=child_resources["OCRFunction"]["PhysicalResourceId"])
    assert function["Environment"]["Variables"] == {"MAX_WORKERS": "20", "SUMMARIZE": "true"}

    dashboard = aws("cloudwatch").get_dashboard(DashboardName=values["DashboardName"])["DashboardBody"]
    body = json.loads(dashboard)
    annotation = body["widgets"][0]["properties"]["annotations"]["horizontal"][0]
    assert annotation["value"] == 30000
    assert annotation["label"].endswith(f"{machine['name']}")
