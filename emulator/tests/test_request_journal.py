"""The request journal: `GET /_ferry/requests` lists what the emulator answered since the last reset."""

from __future__ import annotations

import io
import json
import time
import urllib.request
import zipfile


def journal(endpoint: str) -> list[dict]:
    with urllib.request.urlopen(f"{endpoint}/_ferry/requests") as response:
        return json.loads(response.read())["requests"]


def zip_of(source: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("app.py", source)
    return buffer.getvalue()


def test_journal_names_operations_of_every_protocol_and_marks_writes(aws, endpoint):
    assert journal(endpoint) == [], "a reset empties the journal"
    s3 = aws("s3")
    s3.create_bucket(Bucket="journal", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    s3.put_object(Bucket="journal", Key="a.txt", Body=b"a")
    s3.head_object(Bucket="journal", Key="a.txt")
    aws("cloudformation").describe_stacks()
    role = aws("iam").create_role(RoleName="r", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    lam = aws("lambda")
    lam.create_function(FunctionName="f", Runtime="python3.12", Role=role, Handler="app.handler",
                        Code={"ZipFile": zip_of("def handler(e, c): return 1\n")})
    for _ in range(100):
        if lam.get_function_configuration(FunctionName="f")["State"] == "Active":
            break
        time.sleep(0.1)
    lam.update_function_code(FunctionName="f", ZipFile=zip_of("def handler(e, c): return 2\n"))
    lam.get_function(FunctionName="f")
    aws("stepfunctions").list_state_machines()

    entries = journal(endpoint)
    operations = [(e["service"], e["operation"], e["write"]) for e in entries]
    assert ("s3", "CreateBucket", True) in operations
    assert ("s3", "PutObject", True) in operations
    assert ("s3", "HeadObject", False) in operations
    assert ("cloudformation", "DescribeStacks", False) in operations
    assert ("iam", "CreateRole", True) in operations
    assert ("lambda", "CreateFunction", True) in operations
    assert [o for o in operations if o[1] == "UpdateFunctionCode"] == [("lambda", "UpdateFunctionCode", True)]
    assert ("lambda", "GetFunction", False) in operations
    assert ("states", "ListStateMachines", False) in operations
    assert all(not e["path"].startswith("/_ferry/") for e in entries), "reading the journal is not journaled"


def test_reset_and_delete_empty_the_journal(aws, endpoint):
    aws("cloudformation").describe_stacks()
    assert len(journal(endpoint)) == 1
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")).read()
    assert journal(endpoint) == []
    aws("cloudformation").describe_stacks()
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/_ferry/requests", method="DELETE")).read()
    assert journal(endpoint) == []
