"""SAM AutoPublishAlias in stacks: a Version per code, an alias that follows it, UpdateAlias back."""

from __future__ import annotations

from test_emulator import BUCKET, deploy, make_zip, outputs, sha256_b64, upload, wait_stack


def alias_template(code_key: str) -> str:
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
Outputs:
  FunctionName:
    Value: !Ref Fn
"""


def test_auto_publish_alias_publishes_a_version_per_code_and_the_alias_follows(aws):
    lam = aws("lambda")
    v1, v2 = make_zip("def handler(e, c):\n    return 1\n"), make_zip("def handler(e, c):\n    return 2\n")
    upload(aws, "v1.zip", v1)
    upload(aws, "v2.zip", v2)
    deploy(aws, "aliases", alias_template("v1.zip"), "CREATE")
    statuses, description = wait_stack(aws, "aliases")
    assert statuses[-1] == "CREATE_COMPLETE"
    name = outputs(description)["FunctionName"]
    alias = lam.get_alias(FunctionName=name, Name="live")
    assert alias["FunctionVersion"] == "1"

    deploy(aws, "aliases", alias_template("v2.zip"), "UPDATE")
    statuses, _ = wait_stack(aws, "aliases")
    assert statuses[-1] == "UPDATE_COMPLETE"
    versions = {v["Version"]: v["CodeSha256"] for v in lam.list_versions_by_function(FunctionName=name)["Versions"]}
    assert versions == {"$LATEST": sha256_b64(v2), "1": sha256_b64(v1), "2": sha256_b64(v2)}
    assert lam.get_alias(FunctionName=name, Name="live")["FunctionVersion"] == "2"
    resources = aws("cloudformation").describe_stack_resources(StackName="aliases")["StackResources"]
    alias_resource = next(r for r in resources if r["ResourceType"] == "AWS::Lambda::Alias")
    assert alias_resource["PhysicalResourceId"].endswith(f"function:{name}:live")

    lam.update_alias(FunctionName=name, Name="live", FunctionVersion="1")
    served = lam.get_alias(FunctionName=name, Name="live")["FunctionVersion"]
    assert lam.get_function_configuration(FunctionName=name, Qualifier=served)["CodeSha256"] == sha256_b64(v1)


def test_adding_auto_publish_alias_to_an_existing_function_creates_version_and_alias(aws):
    code = make_zip("def handler(e, c):\n    return 1\n")
    upload(aws, "v1.zip", code)
    without_alias = alias_template("v1.zip").replace("      AutoPublishAlias: live\n", "")
    deploy(aws, "later", without_alias, "CREATE")
    statuses, description = wait_stack(aws, "later")
    assert statuses[-1] == "CREATE_COMPLETE"
    name = outputs(description)["FunctionName"]

    deploy(aws, "later", alias_template("v1.zip"), "UPDATE")
    statuses, _ = wait_stack(aws, "later")

    assert statuses[-1] == "UPDATE_COMPLETE"
    assert aws("lambda").get_alias(FunctionName=name, Name="live")["FunctionVersion"] == "1"
    resources = {r["ResourceType"]: r for r in
                 aws("cloudformation").list_stack_resources(StackName="later")["StackResourceSummaries"]}
    assert resources["AWS::Lambda::Version"]["PhysicalResourceId"].endswith(f"function:{name}:1")
    assert resources["AWS::Lambda::Alias"]["ResourceStatus"] == "CREATE_COMPLETE"
