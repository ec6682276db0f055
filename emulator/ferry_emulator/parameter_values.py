"""Stack parameter defaults keep CloudFormation's text.

What moto does: a parameter's `Default` is used as YAML loaded it, so `Default: true` (a YAML
boolean, as the GenAI IDP Accelerator writes its feature flags) becomes Python's `True`: `!Ref`
gives "True", DescribeStacks shows "True", and `!Equals [!Ref Flag, "true"]` is false.

What we change: after moto resolves the parameters, booleans become "true"/"false", as AWS reads
the template's text.
"""

from __future__ import annotations

from typing import Any

from moto.cloudformation.parsing import ResourceMap

_original_load_parameters = ResourceMap.load_parameters


def _text(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _load_parameters(self: ResourceMap) -> None:
    _original_load_parameters(self)
    for name, value in list(self.resolved_parameters.items()):
        self.resolved_parameters[name] = _text(value)
        if isinstance(value, bool):
            self._parsed_resources[name] = _text(value)  # what `!Ref` and conditions read


def apply() -> None:
    """Installs the boolean-default fix into moto's ResourceMap."""
    ResourceMap.load_parameters = _load_parameters  # type: ignore[method-assign]
