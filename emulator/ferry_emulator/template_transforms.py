"""`AWS::Include` snippets and the `AWS::LanguageExtensions` transform, applied before SAM's.

What moto does (5.2.1): `Fn::Transform` with `AWS::Include` is read only as a whole `Mappings`
entry; anywhere else (SAM's `DefinitionBody: {Fn::Transform: {Name: AWS::Include, ...}}` of an
HttpApi or Api) it is left in the template and samtranslator fails on it. The
`AWS::LanguageExtensions` transform is not known at all (`Fn::ForEach::...` keys stay in the
template; samtranslator rejects them).

What we change, as CloudFormation processes transforms (the documentation of the
`AWS::Include` transform: "the transform inserts the snippet at the location of the
Fn::Transform"; of `AWS::LanguageExtensions`: "when a template declares both, the
LanguageExtensions transform is processed first", before `AWS::Serverless-2016-10-31`):
- every `{Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://bucket/key}}}` is
  replaced by the snippet (YAML or JSON) read from the emulator's S3; other keys next to it are
  kept; a Location that cannot be read fails the operation (ValidationError);
- `AWS::LanguageExtensions`: `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: Value}]`
  is expanded wherever it appears (Resources, Conditions, Outputs, inside properties), with
  `${Identifier}` and `&{Identifier}` (non-alphanumeric characters removed) replaced in keys and
  strings and `{Ref: Identifier}` replaced by the item; the collection is a list or a `Ref` to a
  (CommaDelimitedList) parameter. `Fn::Length` of a list and `Fn::FindInMap` (with or without
  `DefaultValue`; the transform resolves the intrinsic functions it can, which is what SAM CLI's
  packaging of loops relies on: artifact locations carried through `Mappings`) are resolved here
  when their arguments are literal (else when the resource is created, see
  intrinsic_functions.py); `Fn::ToJsonString` is left to moto. The transform is then removed from
  `Transform`, so the SAM transform sees plain CloudFormation.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import yaml
from moto.cloudformation.exceptions import ValidationError

from .s3_objects import read_text

LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions"
_FOR_EACH = "Fn::ForEach::"


def transforms(template: dict[str, Any]) -> list[str]:
    declared = template.get("Transform")
    if isinstance(declared, str):
        return [declared]
    if isinstance(declared, list):
        return [str(name) for name in declared if isinstance(name, str)]
    return []


def _read_snippet(location: Any, account_id: str, region: str) -> Any:
    try:
        return yaml.safe_load(read_text(location, account_id, region))
    except Exception as error:
        raise ValidationError(message=f"Transform AWS::Include failed with: {error}") from error


def resolve_includes(value: Any, account_id: str, region: str) -> Any:
    """The value with every AWS::Include Fn::Transform replaced by its snippet."""
    if isinstance(value, dict):
        transform = value.get("Fn::Transform")
        if isinstance(transform, dict) and transform.get("Name") == "AWS::Include":
            snippet = _read_snippet((transform.get("Parameters") or {}).get("Location"), account_id, region)
            rest = {key: inner for key, inner in value.items() if key != "Fn::Transform"}
            if isinstance(snippet, dict):
                return resolve_includes({**rest, **snippet}, account_id, region)
            return resolve_includes(snippet, account_id, region)
        return {key: resolve_includes(inner, account_id, region) for key, inner in value.items()}
    if isinstance(value, list):
        return [resolve_includes(item, account_id, region) for item in value]
    return value


def _parameter_values(template: dict[str, Any], parameters: dict[str, Any] | None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, declaration in (template.get("Parameters") or {}).items():
        value = (parameters or {}).get(name, (declaration or {}).get("Default"))
        kind = str((declaration or {}).get("Type", "String"))
        if isinstance(value, str) and (kind == "CommaDelimitedList" or kind.startswith("List<")):
            value = [item.strip() for item in value.split(",")] if value else []
        values[name] = value
    return values


def _collection(value: Any, params: dict[str, Any], loop: str) -> list[Any]:
    if isinstance(value, dict) and set(value) == {"Ref"} and value["Ref"] in params:
        value = params[value["Ref"]]
    if isinstance(value, list):
        return value
    raise ValidationError(message=f"Transform AWS::LanguageExtensions failed with: the collection of "
                                  f"{loop} must be a list or a Ref to a list parameter")


def _substitute(value: Any, identifier: str, item: Any) -> Any:
    text = str(item)
    alnum = re.sub(r"[^A-Za-z0-9]", "", text)
    if isinstance(value, str):
        return value.replace("${" + identifier + "}", text).replace("&{" + identifier + "}", alnum)
    if isinstance(value, dict):
        if set(value) == {"Ref"} and value["Ref"] == identifier:
            return item
        return {_substitute(key, identifier, item): _substitute(inner, identifier, item) for key, inner in value.items()}
    if isinstance(value, list):
        return [_substitute(inner, identifier, item) for inner in value]
    return value


def expand_for_each(value: Any, params: dict[str, Any]) -> Any:
    """The value with every Fn::ForEach::* key expanded (loops may nest)."""
    if isinstance(value, list):
        return [expand_for_each(item, params) for item in value]
    if not isinstance(value, dict):
        return value
    result: dict[str, Any] = {}
    for key, inner in value.items():
        if isinstance(key, str) and key.startswith(_FOR_EACH):
            if not (isinstance(inner, list) and len(inner) == 3 and isinstance(inner[2], dict)):
                raise ValidationError(message=f"Transform AWS::LanguageExtensions failed with: {key} must be "
                                              "[Identifier, Collection, {OutputKey: OutputValue}]")
            identifier, collection, body = str(inner[0]), _collection(inner[1], params, key), inner[2]
            for item in collection:
                expanded = expand_for_each(_substitute(copy.deepcopy(body), identifier, item), params)
                result.update(expanded)
        else:
            result[key] = expand_for_each(inner, params)
    return result


def _literal(value: Any, params: dict[str, Any]) -> Any:
    if isinstance(value, dict) and set(value) == {"Ref"} and value["Ref"] in params:
        return params[value["Ref"]]
    return value


def resolve_literal_functions(value: Any, mappings: dict[str, Any], params: dict[str, Any]) -> Any:
    """Fn::Length of literal lists and Fn::FindInMap (with or without DefaultValue) of literal keys."""
    if isinstance(value, list):
        return [resolve_literal_functions(item, mappings, params) for item in value]
    if not isinstance(value, dict):
        return value
    value = {key: resolve_literal_functions(inner, mappings, params) for key, inner in value.items()}
    if set(value) == {"Fn::Length"}:
        argument = _literal(value["Fn::Length"], params)
        if isinstance(argument, list):
            return len(argument)
    find = value.get("Fn::FindInMap") if set(value) == {"Fn::FindInMap"} else None
    default = find[3] if isinstance(find, list) and len(find) == 4 and isinstance(find[3], dict) else None
    if isinstance(find, list) and (len(find) == 3 or (default is not None and "DefaultValue" in default)):
        keys = [_literal(key, params) for key in find[:3]]
        if all(isinstance(key, str) for key in keys):
            found = (mappings.get(keys[0]) or {}).get(keys[1], {})
            if isinstance(found, dict) and keys[2] in found:
                return found[keys[2]]
            if default is not None:
                return default["DefaultValue"]
    return value


def apply_language_extensions(template: dict[str, Any], parameters: dict[str, Any] | None) -> dict[str, Any]:
    """The template with AWS::LanguageExtensions processed and removed from Transform."""
    params = _parameter_values(template, parameters)
    expanded = expand_for_each(copy.deepcopy(template), params)
    expanded = resolve_literal_functions(expanded, expanded.get("Mappings") or {}, params)
    remaining = [name for name in transforms(template) if name != LANGUAGE_EXTENSIONS]
    if not remaining:
        expanded.pop("Transform", None)
    else:
        expanded["Transform"] = remaining[0] if len(remaining) == 1 else remaining
    return expanded


def before_sam(template: Any, stack_id: str, parameters: dict[str, Any] | None) -> Any:
    """Includes, then LanguageExtensions: what CloudFormation does before the SAM transform."""
    if not isinstance(template, dict):
        return template
    parts = stack_id.split(":")
    region = parts[3] if len(parts) > 4 else "us-east-1"
    account_id = parts[4] if len(parts) > 4 else "123456789012"
    if "Fn::Transform" in repr(template):
        template = resolve_includes(template, account_id, region)
    if LANGUAGE_EXTENSIONS in transforms(template):
        template = apply_language_extensions(template, parameters)
    return template
