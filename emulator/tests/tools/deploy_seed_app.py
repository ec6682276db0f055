#!/usr/bin/env python3
"""Deploys the seed app (GenAI IDP Accelerator) from its sources onto a running emulator.

A development aid for emulator work, not a test: nothing under emulator/tests depends on it.
It reads the app's root template and the nested templates it names (TemplateURL
`./X/.aws-sam/packaged.yaml` -> `X/template.yaml`), replaces local `CodeUri`s with a dummy zip and
uploads `DefinitionUri` state machines and `DefinitionS3Location` GraphQL schemas, uploads the nested
templates, creates the stack with the app's parameters and reports the outcome: failures, the
resource types that were simulated per stack, outputs without a value.

Usage: deploy_seed_app.py --app /path/to/idp-accelerator --endpoint http://localhost:PORT
       [--stack idp] [--pattern "Pattern2 - Packet processing with Textract and Bedrock"]
"""

from __future__ import annotations

import argparse
import collections
import io
import json
import pathlib
import time
import zipfile

import boto3
from samtranslator.yaml_helper import yaml_parse

REGION = "eu-central-1"
BUCKET = "seed-artifacts"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", required=True, type=pathlib.Path)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--stack", default="idp")
    parser.add_argument("--pattern", default="Pattern2 - Packet processing with Textract and Bedrock")
    args = parser.parse_args()
    endpoint = args.endpoint.replace("127.0.0.1", "localhost")
    options = dict(endpoint_url=endpoint, region_name=REGION, aws_access_key_id="testing",
                   aws_secret_access_key="testing")
    s3, cfn = boto3.client("s3", **options), boto3.client("cloudformation", **options)
    try:
        s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    except s3.exceptions.ClientError:
        pass
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("index.py", "def handler(e, c):\n    return {}\n")
    s3.put_object(Bucket=BUCKET, Key="dummy.zip", Body=archive.getvalue())

    def put(key: str, body: bytes) -> str:
        s3.put_object(Bucket=BUCKET, Key=key, Body=body)
        return f"s3://{BUCKET}/{key}"

    def package(template: dict, base: pathlib.Path, prefix: str) -> dict:
        for logical_id, resource in template.get("Resources", {}).items():
            properties, kind = resource.get("Properties") or {}, resource.get("Type")
            if kind == "AWS::Serverless::Function" and isinstance(properties.get("CodeUri"), str):
                properties["CodeUri"] = f"s3://{BUCKET}/dummy.zip"
            if kind == "AWS::Serverless::StateMachine" and isinstance(properties.get("DefinitionUri"), str):
                properties["DefinitionUri"] = put(f"{prefix}/{logical_id}.asl.json",
                                                  (base / properties["DefinitionUri"]).read_bytes())
            location = properties.get("DefinitionS3Location")
            if kind == "AWS::AppSync::GraphQLSchema" and isinstance(location, str) and location.startswith("."):
                properties["DefinitionS3Location"] = put(f"{prefix}/{logical_id}.graphql", (base / location).read_bytes())
            if kind == "AWS::CloudFormation::Stack":
                url = str(properties["TemplateURL"])
                path = base / url.split("/.aws-sam")[0] / "template.yaml" if "/.aws-sam" in url else base / url
                child = package(yaml_parse(path.read_text()), path.parent, logical_id)
                put(f"{logical_id}.json", json.dumps(child, default=str).encode())
                properties["TemplateURL"] = f"{endpoint}/{BUCKET}/{logical_id}.json"
        return template

    root = package(yaml_parse((args.app / "template.yaml").read_text()), args.app, "root")
    put("root.json", json.dumps(root, default=str).encode())
    cfn.create_stack(StackName=args.stack, TemplateURL=f"{endpoint}/{BUCKET}/root.json",
                     Parameters=[{"ParameterKey": "AdminEmail", "ParameterValue": "jdoe+admin@example.com"},
                                 {"ParameterKey": "IDPPattern", "ParameterValue": args.pattern}],
                     Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"])
    while True:
        stack = cfn.describe_stacks(StackName=args.stack)["Stacks"][0]
        if not stack["StackStatus"].endswith("_IN_PROGRESS"):
            break
        time.sleep(0.5)
    print(stack["StackStatus"], stack.get("StackStatusReason") or "")
    report(cfn, stack["StackId"], 0)


def report(cfn, stack_id: str, depth: int) -> None:
    stack = cfn.describe_stacks(StackName=stack_id)["Stacks"][0]
    events = cfn.describe_stack_events(StackName=stack_id)["StackEvents"]
    indent = "  " * depth
    print(f"{indent}{stack['StackName']}: {stack['StackStatus']}")
    for event in reversed(events):
        reason = event.get("ResourceStatusReason") or ""
        if event["ResourceStatus"].endswith("_FAILED") and "cancelled" not in reason:
            print(f"{indent}  FAILED {event['LogicalResourceId']} ({event['ResourceType']}): {reason}")
    simulated = collections.Counter(e["ResourceType"] for e in events if e["ResourceStatus"] == "CREATE_COMPLETE"
                                    and (e.get("ResourceStatusReason") or "").startswith("Simulated"))
    print(f"{indent}  simulated: {dict(sorted(simulated.items()))}")
    empty = [o["OutputKey"] for o in stack.get("Outputs") or [] if not o.get("OutputValue")]
    if empty:
        print(f"{indent}  outputs without a value: {empty}")
    for resource in cfn.list_stack_resources(StackName=stack_id)["StackResourceSummaries"]:
        if resource["ResourceType"] == "AWS::CloudFormation::Stack" and resource["ResourceStatus"].endswith("COMPLETE") \
                and not resource["ResourceStatus"].startswith("DELETE"):
            report(cfn, resource["PhysicalResourceId"], depth + 1)


if __name__ == "__main__":
    main()
