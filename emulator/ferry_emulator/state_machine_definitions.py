"""Step Functions state machines in CloudFormation get their real definition.

What moto does: `AWS::StepFunctions::StateMachine` reads only `DefinitionString`; a state machine
defined by `DefinitionS3Location` (what `aws cloudformation package`, `ferry package` and SAM's
`DefinitionUri` produce) or by a `Definition` object is created with an empty definition, and
`DefinitionSubstitutions` are ignored. On update the definition is left unchanged.

What we change: on create and on update, the definition text is
- the S3 object `DefinitionS3Location` names (`{Bucket, Key, Version}` or an `s3://` URI), read
  from moto's S3, or
- the `Definition` object as JSON, or
- `DefinitionString`,
with every `${Name}` of `DefinitionSubstitutions` replaced by its value (booleans as
`true`/`false`), as AWS does. A location that cannot be read fails the resource with the reason.
"""

from __future__ import annotations

import json
from typing import Any

from moto.stepfunctions.models import StateMachine

from .s3_objects import read_text

_original_create = StateMachine.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]
_original_update = StateMachine.update_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def definition_text(properties: dict[str, Any], account_id: str, region_name: str) -> str | None:
    """The definition the properties describe, substitutions applied (None if they name none)."""
    if properties.get("DefinitionS3Location"):
        text = read_text(properties["DefinitionS3Location"], account_id, region_name)
    elif isinstance(properties.get("Definition"), (dict, list)):
        text = json.dumps(properties["Definition"])
    elif properties.get("DefinitionString") is not None:
        text = str(properties["DefinitionString"])
    else:
        return None
    for name, value in (properties.get("DefinitionSubstitutions") or {}).items():
        text = text.replace("${" + str(name) + "}", _text(value))
    return text


def _with_definition(cloudformation_json: dict[str, Any], account_id: str, region_name: str) -> dict[str, Any]:
    properties = dict(cloudformation_json.get("Properties") or {})
    text = definition_text(properties, account_id, region_name)
    if text is not None:
        properties["DefinitionString"] = text
    for name in ("DefinitionS3Location", "Definition", "DefinitionSubstitutions"):
        properties.pop(name, None)
    return {**cloudformation_json, "Properties": properties}


def _create(cls: Any, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str,
            **kwargs: Any) -> Any:
    return _original_create(cls, resource_name, _with_definition(cloudformation_json, account_id, region_name),
                            account_id, region_name, **kwargs)


def _update(cls: Any, original_resource: Any, new_resource_name: str, cloudformation_json: Any,
            account_id: str, region_name: str) -> Any:
    return _original_update(cls, original_resource, new_resource_name,
                            _with_definition(cloudformation_json, account_id, region_name), account_id, region_name)


def apply() -> None:
    """Installs the definition reading into moto's StateMachine model."""
    StateMachine.create_from_cloudformation_json = classmethod(_create)  # type: ignore[method-assign,assignment]
    StateMachine.update_from_cloudformation_json = classmethod(_update)  # type: ignore[method-assign,assignment]
