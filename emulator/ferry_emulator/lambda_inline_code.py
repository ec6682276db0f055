"""Updates of Lambda functions whose code is inline (`Code.ZipFile`, SAM's `InlineCode`).

What moto does (5.2.1): on create, CloudFormation's `Code.ZipFile` source text is zipped (with
cfnresponse) as the documentation describes ("the source code of your Lambda function ... CloudFormation
places it in a file named index and zips it"); on update the text is passed on as if it were a
base64 zip, and the update fails with "Incorrect padding" (the seed app has several such functions).

What we change: an update zips the text the same way before moto updates the code.
"""

from __future__ import annotations

import base64
import copy
from typing import Any

from moto.awslambda import models as lambda_models

_Function = lambda_models.LambdaFunction


def apply() -> None:
    """Wraps the CloudFormation update of functions (after the other Lambda patches)."""
    original = _Function.update_from_cloudformation_json.__func__  # type: ignore[attr-defined]

    def update(cls: Any, original_resource: Any, new_resource_name: str, cloudformation_json: dict[str, Any],
               account_id: str, region_name: str) -> Any:
        code = (cloudformation_json.get("Properties") or {}).get("Code") or {}
        if isinstance(code.get("ZipFile"), str):
            cloudformation_json = copy.deepcopy(cloudformation_json)
            text = cloudformation_json["Properties"]["Code"]["ZipFile"]
            cloudformation_json["Properties"]["Code"]["ZipFile"] = base64.b64encode(
                _Function._create_zipfile_from_plaintext_code(text))
        return original(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name)

    _Function.update_from_cloudformation_json = classmethod(update)  # type: ignore[assignment]
