"""Lambda environment variables are strings, as AWS stores and returns them.

What moto does (5.2.1): a function created or updated by CloudFormation keeps the template's
values as they are, so `MAX_WORKERS: 20` in `Environment.Variables` comes back from
GetFunctionConfiguration as the JSON number 20 (and `true` as a JSON boolean). Clients decoding
the documented type (`Variables`: map of String to String) then fail.

What we change: as CloudFormation converts the template's scalars before calling Lambda (the
Lambda API reference types `Environment.Variables` as string to string), every value is stored as
a string: numbers as written (`20`, `1.5`), booleans as `true`/`false`. Values that are maps or
lists still fail, as in AWS (CloudFormation rejects them: "Value of property Variables must be an
object with String (or simple type) properties").
"""

from __future__ import annotations

from typing import Any

from moto.awslambda import models as lambda_models
from moto.awslambda.exceptions import InvalidParameterValueException

_Function = lambda_models.LambdaFunction


def as_string(value: Any) -> str:
    """The string CloudFormation passes to Lambda for a scalar template value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        raise InvalidParameterValueException(
            "Value of property Variables must be an object with String (or simple type) properties")
    return str(value)


def stringified(variables: Any) -> Any:
    if not isinstance(variables, dict):
        return variables
    return {str(key): as_string(value) for key, value in variables.items()}


def _with_string_variables(spec: dict[str, Any]) -> dict[str, Any]:
    environment = spec.get("Environment")
    if isinstance(environment, dict) and isinstance(environment.get("Variables"), dict):
        return {**spec, "Environment": {**environment, "Variables": stringified(environment["Variables"])}}
    return spec


def apply() -> None:
    """Wraps the function's constructor and configuration update (after the other Lambda patches)."""
    original_init = _Function.__init__
    original_update = _Function.update_configuration

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        if "spec" in kwargs:
            kwargs["spec"] = _with_string_variables(kwargs["spec"])
        elif len(args) > 1:
            args = (args[0], _with_string_variables(args[1]), *args[2:])
        original_init(self, *args, **kwargs)

    def update_configuration(self: Any, config_updates: dict[str, Any]) -> Any:
        return original_update(self, _with_string_variables(config_updates))

    _Function.__init__ = init  # type: ignore[method-assign]
    _Function.update_configuration = update_configuration  # type: ignore[method-assign]
