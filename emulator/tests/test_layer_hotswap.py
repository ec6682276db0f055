"""What a layer hot-swap asks of the emulator: PublishLayerVersion from an S3 object (with the
object's CodeSha256), GetLayerVersion, UpdateFunctionConfiguration(Layers) keeping the order given,
and the request journal naming the layer operations."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import time
import urllib.request
import zipfile


def zip_of(name: str, source: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, source)
    return buffer.getvalue()


def journal(endpoint: str) -> list[dict]:
    with urllib.request.urlopen(f"{endpoint}/_ferry/requests") as response:
        return json.loads(response.read())["requests"]


def wait_updated(lam, name: str) -> dict:
    for _ in range(100):
        configuration = lam.get_function_configuration(FunctionName=name)
        if configuration.get("LastUpdateStatus") != "InProgress" and configuration.get("State") != "Pending":
            return configuration
        time.sleep(0.1)
    raise AssertionError(f"{name} never finished updating")


def test_a_layer_published_from_s3_replaces_one_entry_of_a_functions_layers_in_place(aws, endpoint):
    s3 = aws("s3")
    s3.create_bucket(Bucket="layers", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    first, second, tools = zip_of("python/a.py", "A = 1\n"), zip_of("python/a.py", "A = 2\n"), zip_of("python/t.py", "T = 1\n")
    s3.put_object(Bucket="layers", Key="app/1111.zip", Body=first)
    s3.put_object(Bucket="layers", Key="app/2222.zip", Body=second)
    lam = aws("lambda")
    deps_v1 = lam.publish_layer_version(LayerName="Deps", Content={"S3Bucket": "layers", "S3Key": "app/1111.zip"})
    tools_v1 = lam.publish_layer_version(LayerName="Tools", Content={"ZipFile": tools})
    role = aws("iam").create_role(RoleName="r", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    lam.create_function(FunctionName="hello", Runtime="python3.12", Role=role, Handler="app.handler",
                        Code={"ZipFile": zip_of("app.py", "def handler(e, c): return 1\n")},
                        Layers=[tools_v1["LayerVersionArn"], deps_v1["LayerVersionArn"]])
    wait_updated(lam, "hello")

    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/_ferry/requests", method="DELETE")).read()
    deps_v2 = lam.publish_layer_version(LayerName="Deps", Content={"S3Bucket": "layers", "S3Key": "app/2222.zip"},
                                        CompatibleRuntimes=["python3.12"])
    assert deps_v2["Version"] == 2
    assert deps_v2["Content"]["CodeSha256"] == base64.b64encode(hashlib.sha256(second).digest()).decode()
    fetched = lam.get_layer_version(LayerName="Deps", VersionNumber=2)
    assert fetched["Content"]["CodeSha256"] == deps_v2["Content"]["CodeSha256"]
    lam.update_function_configuration(FunctionName="hello",
                                      Layers=[tools_v1["LayerVersionArn"], deps_v2["LayerVersionArn"]])
    configuration = wait_updated(lam, "hello")
    assert [layer["Arn"] for layer in configuration["Layers"]] == [tools_v1["LayerVersionArn"], deps_v2["LayerVersionArn"]]
    assert configuration["LastUpdateStatus"] == "Successful"

    operations = [(e["service"], e["operation"], e["write"]) for e in journal(endpoint)]
    assert ("lambda", "PublishLayerVersion", True) in operations
    assert ("lambda", "GetLayerVersion", False) in operations
    assert ("lambda", "UpdateFunctionConfiguration", True) in operations


def test_environment_and_description_updates_come_back_as_written(aws):
    lam = aws("lambda")
    role = aws("iam").create_role(RoleName="r2", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    lam.create_function(FunctionName="env", Runtime="python3.12", Role=role, Handler="app.handler",
                        Code={"ZipFile": zip_of("app.py", "def handler(e, c): return 1\n")},
                        Environment={"Variables": {"MODE": "one"}}, Description="first")
    wait_updated(lam, "env")
    lam.update_function_configuration(FunctionName="env", Environment={"Variables": {"MODE": "two", "NEW": "x"}},
                                      Description="second")
    configuration = wait_updated(lam, "env")
    assert configuration["Environment"]["Variables"] == {"MODE": "two", "NEW": "x"}
    assert configuration["Description"] == "second"
    assert configuration["State"] == "Active"


def test_invoke_echoes_the_event_and_reports_a_function_error_from_the_environment(aws):
    lam = aws("lambda")
    role = aws("iam").create_role(RoleName="r3", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    for name, variables in (("ok", {}), ("broken", {"FERRY_EMULATOR_INVOKE_ERROR": "boom"})):
        lam.create_function(FunctionName=name, Runtime="python3.12", Role=role, Handler="app.handler",
                            Code={"ZipFile": zip_of("app.py", "def handler(e, c): return 1\n")},
                            Environment={"Variables": variables})
        wait_updated(lam, name)
    answer = lam.invoke(FunctionName="ok", Payload=json.dumps({"id": 7}).encode())
    assert answer["StatusCode"] == 200
    assert "FunctionError" not in answer
    assert json.loads(answer["Payload"].read()) == {"id": 7}
    failed = lam.invoke(FunctionName="broken", Payload=b"{}")
    assert failed["FunctionError"] == "Handled"
    assert json.loads(failed["Payload"].read()) == {"errorMessage": "boom", "errorType": "Error"}
