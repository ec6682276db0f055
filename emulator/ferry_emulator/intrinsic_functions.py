"""Intrinsic functions as CloudFormation resolves them, where moto's `clean_json` differs.

What moto does (5.2.1): `Fn::Sub` takes everything between `${` and `}` as the name, so
`${ExecutionTimeThresholdMs\n   }` (a line break inside the braces, as the seed app's dashboard
body has) becomes a lookup of "ExecutionTimeThresholdMs\n   " and fails with a KeyError.
`Fn::FindInMap` ignores a `DefaultValue` and fails on a missing key; `Fn::Length` is unknown.

What we change, as the CloudFormation documentation describes them:
- `Fn::Sub`: whitespace around a variable name inside `${ }` is ignored (AWS resolves
  `${ Name }` like `${Name}`); `${!Literal}` stays a literal;
- `Fn::FindInMap` with a fourth argument `{DefaultValue: V}` (AWS::LanguageExtensions) returns V
  when the map, the top-level key or the second-level key is missing;
- `Fn::GetAtt` in the string form `Resource.Attribute` and with a dotted attribute
  (`!GetAtt Child.Outputs.X`, which the YAML short form splits into three parts) names the
  resource before the first dot and the attribute after it, as CloudFormation reads it;
- `Fn::Length` (AWS::LanguageExtensions) returns the number of elements of a list (after
  resolving the intrinsic functions inside it).
Everything else is moto's.
"""

from __future__ import annotations

import re
from typing import Any

from moto.cloudformation import parsing

_original_clean_json = parsing.clean_json
_SUB_VARIABLE = re.compile(r"\$\{(?!!)([^{}]*)\}")


def normalise_sub_string(text: str) -> str:
    """`${ Name }` -> `${Name}` (names may span lines); literals `${!X}` untouched."""
    def strip(match: "re.Match[str]") -> str:
        inner = match.group(1)
        return "${" + inner.strip() + "}" if inner.strip() != inner else match.group(0)

    return _SUB_VARIABLE.sub(strip, text)


def _normalised_sub(value: Any) -> Any:
    if isinstance(value, str):
        return normalise_sub_string(value)
    if isinstance(value, list) and value and isinstance(value[0], str):
        return [normalise_sub_string(value[0]), *value[1:]]
    return value


def _find_in_map_with_default(arguments: list[Any], resources_map: Any) -> Any:
    default = arguments[3]["DefaultValue"]
    map_name = clean_json(arguments[0], resources_map)
    try:
        result = resources_map[map_name]
        for path in arguments[1:3]:
            result = result[clean_json(path, resources_map)]
        return result
    except (KeyError, TypeError):
        return clean_json(default, resources_map)


def clean_json(resource_json: Any, resources_map: Any) -> Any:
    """moto's clean_json with the differences above."""
    if isinstance(resource_json, dict):
        get_att = resource_json.get("Fn::GetAtt")
        if isinstance(get_att, str) and "." in get_att:
            resource_json = {**resource_json, "Fn::GetAtt": get_att.split(".", 1)}
        elif isinstance(get_att, list) and len(get_att) > 2 and all(isinstance(p, str) for p in get_att):
            resource_json = {**resource_json, "Fn::GetAtt": [get_att[0], ".".join(get_att[1:])]}
        if "Fn::Sub" in resource_json:
            resource_json = {**resource_json, "Fn::Sub": _normalised_sub(resource_json["Fn::Sub"])}
        find = resource_json.get("Fn::FindInMap")
        if isinstance(find, list) and len(find) == 4 and isinstance(find[3], dict) and "DefaultValue" in find[3]:
            return _find_in_map_with_default(find, resources_map)
        if "Fn::Length" in resource_json and len(resource_json) == 1:
            value = clean_json(resource_json["Fn::Length"], resources_map)
            return len(value) if isinstance(value, list) else 0
    return _original_clean_json(resource_json, resources_map)


def apply() -> None:
    """Installs the clean_json above (moto's own recursion goes through the module global)."""
    parsing.clean_json = clean_json  # type: ignore[assignment]
