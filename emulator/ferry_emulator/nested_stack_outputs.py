"""`Fn::GetAtt NestedStack.Outputs.Name` reads the nested stack's output.

What moto does: a nested `AWS::CloudFormation::Stack` says it has every attribute but has no
`get_cfn_attribute`, so `!GetAtt Child.Outputs.Value` fails the resource that uses it with
"'Stack' object has no attribute 'get_cfn_attribute'" (the GenAI IDP Accelerator passes
`!GetAtt BDASAMPLEPROJECT.Outputs.ProjectArn` to a pattern stack this way).

What we change: `Outputs.<Name>` is the nested stack's output value (the short form, which moto
splits at every dot, is joined back); any other attribute is an unknown-attribute error, as in
moto's other models.
"""

from __future__ import annotations

from typing import Any

from moto.cloudformation import parsing
from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
from moto.cloudformation.models import Stack

_original_clean_json = parsing.clean_json


def _clean_json(resource_json: Any, resources_map: Any) -> Any:
    # The short form `!GetAtt Child.Outputs.Value` arrives split at every dot.
    if isinstance(resource_json, dict) and isinstance(resource_json.get("Fn::GetAtt"), list) \
            and len(resource_json["Fn::GetAtt"]) > 2:
        name, *attribute = resource_json["Fn::GetAtt"]
        resource_json = {**resource_json, "Fn::GetAtt": [name, ".".join(str(part) for part in attribute)]}
    return _original_clean_json(resource_json, resources_map)


def _get_cfn_attribute(self: Stack, attribute_name: str) -> Any:
    if attribute_name.startswith("Outputs."):
        name = attribute_name[len("Outputs."):]
        for output in self.output_map.values():
            if output is not None and output.key == name:
                return output.value
    raise UnformattedGetAttTemplateException()


def apply() -> None:
    """Gives moto's nested stacks their `Outputs.<Name>` attributes."""
    if not hasattr(Stack, "get_cfn_attribute"):
        Stack.get_cfn_attribute = _get_cfn_attribute  # type: ignore[attr-defined]
    parsing.clean_json = _clean_json
