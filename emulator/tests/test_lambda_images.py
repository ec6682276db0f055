"""Image functions resolve their image in moto's ECR (pushed through the `/v2/` registry)."""

from __future__ import annotations

import hashlib
import json

from test_emulator import wait_stack
from test_registry import _digest, _request, _token

from ferry_emulator.lambda_images import parse_image_uri


def _push(aws, endpoint: str, repository: str, marker: bytes) -> str:
    token, _ = _token(aws)
    blobs = []
    for data in (json.dumps({"architecture": "amd64", "os": "linux", "marker": marker.decode()}).encode(), marker * 50):
        _, headers, _ = _request(endpoint, "POST", f"/v2/{repository}/blobs/uploads/", token=token)
        assert _request(endpoint, "PUT", f"{headers['Location']}?digest={_digest(data)}", data, token=token)[0] == 201
        blobs.append(data)
    manifest = json.dumps({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": _digest(blobs[0]), "size": len(blobs[0])},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": _digest(blobs[1]), "size": len(blobs[1])}],
    }).encode()
    status, headers, _ = _request(endpoint, "PUT", f"/v2/{repository}/manifests/{_digest(manifest)}", manifest, token=token)
    assert status == 201
    return headers["Docker-Content-Digest"]


def test_image_uris_with_ports_nested_paths_tags_and_digests_parse():
    assert parse_image_uri("localhost:5000/team/app@sha256:ab") == ("localhost:5000", "team/app", None, "sha256:ab")
    assert parse_image_uri("localhost:5000/team/app:v1") == ("localhost:5000", "team/app", "v1", None)
    assert parse_image_uri("1.dkr.ecr.r.amazonaws.com/app") == ("1.dkr.ecr.r.amazonaws.com", "app", None, None)


def test_cloudformation_deploys_an_image_function_resolved_by_digest(aws, endpoint):
    repository = aws("ecr").create_repository(repositoryName="team/app")["repository"]
    first = _push(aws, endpoint, "team/app", b"one")
    second = _push(aws, endpoint, "team/app", b"two")
    uri = f"{repository['repositoryUri']}@{first}"
    template = json.dumps({
        "Transform": "AWS::Serverless-2016-10-31",
        "Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {
            "PackageType": "Image", "ImageUri": uri, "Architectures": ["arm64"],
            "ImageConfig": {"Command": ["app.handler"]}}}},
        "Outputs": {"Name": {"Value": {"Ref": "Fn"}}},
    })
    aws("cloudformation").create_stack(StackName="image", TemplateBody=template, Capabilities=["CAPABILITY_IAM"])
    statuses, description = wait_stack(aws, "image")
    assert statuses[-1] == "CREATE_COMPLETE", statuses
    name = description["Outputs"][0]["OutputValue"]
    function = aws("lambda").get_function(FunctionName=name)
    assert function["Code"]["ResolvedImageUri"] == uri
    assert function["Configuration"]["PackageType"] == "Image"
    assert function["Configuration"]["Architectures"] == ["arm64"]
    assert function["Configuration"]["CodeSha256"] == first.removeprefix("sha256:")
    assert function["Configuration"]["ImageConfigResponse"]["ImageConfig"]["Command"] == ["app.handler"]

    import time
    time.sleep(1.5)  # the function is Pending for a moment after create
    aws("lambda").update_function_code(FunctionName=name, ImageUri=f"{repository['repositoryUri']}@{second}")
    function = aws("lambda").get_function(FunctionName=name)
    assert function["Code"]["ResolvedImageUri"].endswith(f"/team/app@{second}")


def test_a_missing_digest_in_an_existing_repository_is_refused(aws, endpoint):
    repository = aws("ecr").create_repository(repositoryName="app")["repository"]
    missing = "sha256:" + hashlib.sha256(b"nothing").hexdigest()
    try:
        aws("lambda").create_function(FunctionName="f", Role="arn:aws:iam::123456789012:role/r", PackageType="Image",
                                      Code={"ImageUri": f"{repository['repositoryUri']}@{missing}"})
    except aws("lambda").exceptions.InvalidParameterValueException as error:
        assert "does not exist" in str(error)
    else:
        raise AssertionError("create_function accepted a missing image")
