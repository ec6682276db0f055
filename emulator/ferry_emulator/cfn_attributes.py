"""`Fn::GetAtt` of every attribute AWS documents, for the resource types moto creates.

What moto does (5.2.1): each model answers a hand-picked list of attributes. Others fail at
template validation ("Template error: resource X does not support attribute type Arn in
Fn::GetAtt" for `!GetAtt StateMachine.Arn` in Outputs) or, when the model raises
NotImplementedError, resolve silently to nothing. A nested stack (`AWS::CloudFormation::Stack`)
has no attributes at all, so `!GetAtt Child.Outputs.X` fails, and its `Ref` is the child's name.

What we change, as AWS documents (each type's "Return values" / `Fn::GetAtt` section, which is
the `readOnlyProperties` list of its resource schema, read here from cfn-lint's bundled copy):
- when moto's own answer fails, an attribute the type's schema lists is answered from the model
  object (`Arn` from `.arn`, `Name` from `.name`, `StateMachineName` from `.state_machine_name`
  or `.name`, `Id` from `.id` or the physical ID ...); an attribute the schema does not list still
  fails with AWS's message, and so does one the model cannot answer (never a silent empty value);
- `Fn::GetAtt Child.Outputs.X` of a nested stack is the child's output X ("Template error: ...
  does not support attribute type Outputs.X" when the child has no such output, as AWS fails);
- `Ref` (and the physical ID) of a nested stack is the child's stack ID (ARN), as in AWS.
"""

from __future__ import annotations

import re
from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation import parsing
from moto.cloudformation.exceptions import UnformattedGetAttTemplateException, ValidationError

_Stack = cfn_models.Stack
_schema_cache: dict[str, set[str] | None] = {}


def documented_attributes(resource_type: str) -> set[str] | None:
    """The attributes AWS documents for `resource_type` (its schema's readOnlyProperties), or None."""
    if resource_type not in _schema_cache:
        from cfnlint.schema import PROVIDER_SCHEMA_MANAGER

        try:
            schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema("us-east-1", resource_type)
            _schema_cache[resource_type] = set(dict(schema.get_atts))
        except Exception:
            _schema_cache[resource_type] = None
    return _schema_cache[resource_type]


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name.replace(".", "")).lower()


def _candidates(attribute: str) -> list[str]:
    names = [_snake(attribute), attribute]
    if attribute.endswith("Arn"):
        names += ["arn", "function_arn"]
    if attribute.endswith("Name"):
        names += ["name"]
    if attribute.endswith("Id"):
        names += ["id"]
    if attribute.endswith("Url"):
        names += ["url"]
    return names


def model_attribute(obj: Any, attribute: str) -> Any:
    """The attribute read from the model object, or None if it has nothing that fits."""
    for name in _candidates(attribute):
        value = getattr(obj, name, None)
        if value is not None and not callable(value) and isinstance(value, (str, int, float, bool, list)):
            return value
    if attribute == "Id":
        return getattr(obj, "physical_resource_id", None)
    return None


def unsupported(resource: Any, attribute: str) -> ValidationError:
    """AWS's template error for an attribute the resource does not have."""
    logical_id = getattr(resource, "logical_resource_id", None) or type(resource).__name__
    return ValidationError(message=f"Template error: resource {logical_id} does not support attribute type "
                                   f"{attribute} in Fn::GetAtt")


def _wrap_get(cls: type, original: Any) -> Any:
    def get_cfn_attribute(self: Any, attribute_name: str) -> Any:
        try:
            return original(self, attribute_name)
        except (UnformattedGetAttTemplateException, NotImplementedError, AttributeError, KeyError):
            documented = documented_attributes(cls.cloudformation_type()) or set()
            if attribute_name in documented:
                value = model_attribute(self, attribute_name)
                if value is not None:
                    return value
            raise unsupported(self, attribute_name)

    get_cfn_attribute.__ferry_wrapped__ = True  # type: ignore[attr-defined]
    return get_cfn_attribute


def _wrap_has(cls: type, original: Any) -> Any:
    def has_cfn_attr(klass: Any, attr: str) -> bool:
        if original(attr):
            return True
        return attr in (documented_attributes(klass.cloudformation_type()) or set())

    return classmethod(has_cfn_attr)


def _stack_get_cfn_attribute(self: Any, attribute_name: str) -> Any:
    if attribute_name.startswith("Outputs."):
        key = attribute_name[len("Outputs."):]
        declared = (self.template_dict or {}).get("Outputs") or {}
        output = self.output_map[key] if key in declared and self.output_map is not None else None
        if output is not None:
            return output.value
    raise unsupported(self, attribute_name)


def _stack_has_cfn_attr(cls: Any, attr: str) -> bool:
    return attr == "Outputs" or attr.startswith("Outputs.")  # moto validates only the part before the 2nd dot


def apply() -> None:
    """Installs the documented-attribute fallback on every moto model, and nested stack attributes."""
    _Stack.get_cfn_attribute = _stack_get_cfn_attribute  # type: ignore[attr-defined]
    _Stack.has_cfn_attr = classmethod(_stack_has_cfn_attr)  # type: ignore[assignment]
    _Stack.physical_resource_id = property(lambda self: self.stack_id)  # type: ignore[assignment]
    for model in parsing.get_model_list():
        if model is _Stack or model.__module__.startswith("ferry_emulator"):
            continue
        own = model.__dict__.get("get_cfn_attribute")
        if own is not None and not getattr(own, "__ferry_wrapped__", False):
            model.get_cfn_attribute = _wrap_get(model, own)  # type: ignore[attr-defined]
        elif own is None and not hasattr(model, "get_cfn_attribute"):
            model.get_cfn_attribute = _wrap_get(model, lambda self, name: (_ for _ in ()).throw(NotImplementedError()))  # type: ignore[attr-defined]
        has = model.__dict__.get("has_cfn_attr")
        if has is not None:
            model.has_cfn_attr = _wrap_has(model, model.has_cfn_attr)  # type: ignore[assignment]
