"""Placeholders for resource types moto does not implement, and for custom resources.

What moto does (5.2.1): a resource type without a moto model (CloudFront, Cognito, WAFv2,
CodeBuild, Glue, `AWS::S3::BucketPolicy`, ...) is skipped with a warning: the stack completes,
but the resource has no physical ID, `Ref` resolves to nothing and the first `Fn::GetAtt` of it
fails with "Template error: instance of Fn::GetAtt references undefined resource X".
`AWS::CloudFormation::WaitConditionHandle` is skipped the same way. `Custom::*` resources invoke
their Lambda function in Docker and wait for a cfn-response; `AWS::CloudFormation::CustomResource`
is skipped.

What we change: each of them becomes a *simulated* resource. Nothing is created in any service,
but the resource completes with a physical ID and answers `Ref` and `Fn::GetAtt` with plausible
synthesized values, and its `*_COMPLETE` event says it was simulated. AWS behaviour we keep:
- `Ref` is what the type's documentation says it returns (`Return values`/`Ref`): the ID, the
  name or, for WAFv2, `name|id|scope`; `Fn::GetAtt` answers exactly the attributes the type's
  resource schema lists as read-only (`readOnlyProperties`, as CloudFormation's registry does),
  anything else fails like AWS's "Template error: resource X does not support attribute type Y in
  Fn::GetAtt". A type CloudFormation does not know at all fails ("Unrecognized resource types").
- A custom resource (`Custom::*`, `AWS::CloudFormation::CustomResource`) must have a
  `ServiceToken` naming a Lambda function or SNS topic that exists (CloudFormation sends the
  request there; a missing one fails the resource). The function is not invoked: the response
  `Data` comes from the emulator settings file (settings.custom_resource_response), and
  `Fn::GetAtt` of a key it does not give returns an empty string.
Updates keep the physical ID (no replacement is simulated); deletes delete nothing.
"""

from __future__ import annotations

import hashlib
import random
import string
import uuid
from datetime import datetime, timezone
from typing import Any

from moto.cloudformation import parsing
from moto.cloudformation.exceptions import ValidationError
from moto.core.common_models import CloudFormationModel

from . import settings

CUSTOM_RESOURCE = "AWS::CloudFormation::CustomResource"
_NULL_TYPES = ("AWS::CloudFormation::WaitCondition", "AWS::CloudFormation::WaitConditionHandle")
_original_class_from_type = parsing.resource_class_from_type


def is_custom(resource_type: str) -> bool:
    return resource_type.startswith("Custom::") or resource_type == CUSTOM_RESOURCE


def _schema(resource_type: str) -> Any | None:
    """cfn-lint's copy of CloudFormation's resource provider schema for the type, or None."""
    from cfnlint.schema import PROVIDER_SCHEMA_MANAGER

    try:
        return PROVIDER_SCHEMA_MANAGER.get_resource_schema("us-east-1", resource_type)
    except Exception:  # ResourceNotFoundError: CloudFormation does not know the type
        return None


def _chars(alphabet: str, length: int) -> str:
    return "".join(random.choice(alphabet) for _ in range(length))


def _upper(length: int) -> str:
    return _chars(string.ascii_uppercase + string.digits, length)


def _lower(length: int) -> str:
    return _chars(string.ascii_lowercase + string.digits, length)


def _generated_name(stack_name: str, logical_id: str) -> str:
    return f"{stack_name}-{logical_id}-{_upper(12)}"


def _nested(properties: dict[str, Any], *path: str) -> Any:
    value: Any = properties
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _synthesize(resource_type: str, logical_id: str, stack_name: str, properties: dict[str, Any],
                account_id: str, region: str) -> tuple[str, dict[str, Any]]:
    """(Ref value, attributes) for a new placeholder, following each type's documented Ref/GetAtt."""
    name = _generated_name(stack_name, logical_id)
    service = resource_type.split("::")[1].lower() if resource_type.count("::") == 2 else "unknown"
    kind = resource_type.split("::")[-1].lower()
    if resource_type == "AWS::CloudFront::Distribution":
        ident = "E" + _upper(13)
        return ident, {"Id": ident, "DomainName": f"d{_lower(13)}.cloudfront.net"}
    if resource_type == "AWS::CloudFront::CloudFrontOriginAccessIdentity":
        ident = "E" + _upper(13)
        return ident, {"Id": ident, "S3CanonicalUserId": hashlib.sha384(ident.encode()).hexdigest()}
    if resource_type.startswith("AWS::CloudFront::"):
        ident = str(uuid.uuid4())
        now = datetime.now(timezone.utc).isoformat()
        return ident, {"Id": ident, "LastModifiedTime": now, "Arn": f"arn:aws:cloudfront::{account_id}:{kind}/{ident}"}
    if resource_type in ("AWS::WAFv2::WebACL", "AWS::WAFv2::IPSet", "AWS::WAFv2::RuleGroup", "AWS::WAFv2::RegexPatternSet"):
        ident, own = str(uuid.uuid4()), properties.get("Name") or name
        scope = str(properties.get("Scope") or "REGIONAL")
        where = "global" if scope == "CLOUDFRONT" else "regional"
        arn_region = "us-east-1" if scope == "CLOUDFRONT" else region
        short = {"webacl": "webacl", "ipset": "ipset", "rulegroup": "rulegroup", "regexpatternset": "regexpatternset"}[kind]
        attributes = {"Id": ident, "Name": own, "Arn": f"arn:aws:wafv2:{arn_region}:{account_id}:{where}/{short}/{own}/{ident}",
                      "Capacity": 0, "LabelNamespace": f"awswaf:{account_id}:{short}:{own}:"}
        return f"{own}|{ident}|{scope}", attributes
    if resource_type == "AWS::Cognito::UserPool":
        ident = f"{region}_{_chars(string.ascii_letters + string.digits, 9)}"
        return ident, {"UserPoolId": ident, "Arn": f"arn:aws:cognito-idp:{region}:{account_id}:userpool/{ident}",
                       "ProviderName": f"cognito-idp.{region}.amazonaws.com/{ident}",
                       "ProviderURL": f"https://cognito-idp.{region}.amazonaws.com/{ident}"}
    if resource_type == "AWS::Cognito::UserPoolClient":
        ident = _lower(26)
        return ident, {"ClientId": ident, "ClientSecret": _lower(51), "Name": properties.get("ClientName") or name}
    if resource_type == "AWS::Cognito::IdentityPool":
        ident = f"{region}:{uuid.uuid4()}"
        return ident, {"Id": ident, "Name": properties.get("IdentityPoolName") or logical_id}
    if resource_type == "AWS::Cognito::UserPoolGroup":
        return str(properties.get("GroupName") or name), {}
    if resource_type == "AWS::Cognito::UserPoolUser":
        return str(properties.get("Username") or str(uuid.uuid4())), {}
    if resource_type == "AWS::Glue::Database":
        return str(_nested(properties, "DatabaseInput", "Name") or logical_id.lower()), {}
    if resource_type == "AWS::Glue::Table":
        table = str(_nested(properties, "TableInput", "Name") or logical_id.lower())
        return table, {"Id": table}
    if resource_type == "AWS::CodeBuild::Project":
        own = str(properties.get("Name") or name)
        return own, {"Id": own, "Arn": f"arn:aws:codebuild:{region}:{account_id}:project/{own}"}
    if resource_type == "AWS::CloudWatch::Alarm":
        own = str(properties.get("AlarmName") or name)
        return own, {"Arn": f"arn:aws:cloudwatch:{region}:{account_id}:alarm:{own}"}
    if resource_type == "AWS::CloudFormation::WaitConditionHandle":
        url = (f"https://cloudformation-waitcondition-{region}.s3.amazonaws.com/"
               f"arn%3Aaws%3Acloudformation%3A{region}%3A{account_id}%3Astack/{stack_name}/{logical_id}?X-Amz-Signature={_lower(64)}")
        return url, {"Id": url}
    if resource_type == "AWS::CloudFormation::WaitCondition":
        return name, {"Data": "{}", "Id": name}  # no signals: an empty JSON object
    if is_custom(resource_type):
        return name, {}
    # Any other type: the ID is a generated name; Arn/Id/Name-like attributes from it.
    return name, {"Id": name, "Name": properties.get("Name") or name,
                  "Arn": f"arn:aws:{service}:{region}:{account_id}:{kind}/{name}"}


def _plausible(attribute: str, ref: str, resource_type: str, account_id: str, region: str) -> Any:
    """A value for a read-only attribute the type table above does not give."""
    kind = resource_type.split("::")[-1].lower()
    service = resource_type.split("::")[1].lower() if resource_type.count("::") == 2 else "unknown"
    if attribute.endswith("Arn"):
        return f"arn:aws:{service}:{region}:{account_id}:{kind}/{ref}"
    if attribute.endswith("Time") or attribute.endswith("Date"):
        return datetime.now(timezone.utc).isoformat()
    if attribute.endswith("Url") or attribute.endswith("URL"):
        return f"https://{ref.lower()}.{service}.{region}.amazonaws.com"
    return ref


def simulation_note(resource_type: str) -> str:
    if is_custom(resource_type):
        return ("Simulated by Ferry's emulator: the custom resource's function was not invoked; "
                "its response Data comes from the emulator settings file (or is empty)")
    return f"Simulated by Ferry's emulator: moto does not implement {resource_type}; nothing was created"


def _check_service_token(logical_id: str, properties: dict[str, Any], account_id: str, region: str) -> None:
    """CloudFormation sends a custom resource's request to its ServiceToken, which must exist."""
    token = properties.get("ServiceToken")
    if not token:
        raise ValidationError(message=f"Property ServiceToken of {logical_id} cannot be empty")
    token = str(token)
    try:
        if token.startswith("arn:aws:lambda:") or ":" not in token:
            from moto.awslambda.models import lambda_backends

            lambda_backends[account_id][region].get_function(token)
        elif token.startswith("arn:aws:sns:"):
            from moto.sns.models import sns_backends

            sns_backends[account_id][region].get_topic(token)
        else:
            raise ValueError("not a Lambda function or SNS topic ARN")
    except Exception as error:
        raise ValidationError(
            message=f"Invalid service token {token} for custom resource {logical_id}: "
                    f"{getattr(error, 'message', None) or error}") from error


class SimulatedResource(CloudFormationModel):
    """A resource the emulator stands in for: a physical ID and synthesized attributes, nothing else."""

    def __init__(self, resource_type: str, logical_id: str, ref: str, attributes: dict[str, Any],
                 readable: set[str] | None, account_id: str, region: str) -> None:
        self.resource_type = resource_type
        self.logical_id = logical_id
        self.ref = ref
        self.attributes = attributes
        self.readable = readable  # None: any attribute (custom resources)
        self.account_id = account_id
        self.region = region
        self.ferry_simulated_note = simulation_note(resource_type)

    @staticmethod
    def cloudformation_type() -> str:
        return "Ferry::Emulator::Simulated"

    @staticmethod
    def cloudformation_name_type() -> str:
        return ""

    @property
    def physical_resource_id(self) -> str:
        return self.ref

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return True  # checked per type in get_cfn_attribute

    def get_cfn_attribute(self, attribute_name: str) -> Any:
        if self.readable is None:
            return self.attributes.get(attribute_name, "")
        if attribute_name not in self.readable:
            raise ValidationError(
                message=f"Template error: resource {self.logical_id} does not support attribute type "
                        f"{attribute_name} in Fn::GetAtt")
        if attribute_name not in self.attributes:
            self.attributes[attribute_name] = _plausible(attribute_name, self.ref, self.resource_type,
                                                         self.account_id, self.region)
        return self.attributes[attribute_name]

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str, **kwargs: Any) -> "SimulatedResource":
        resource_type = kwargs.get("ResourceType") or cloudformation_json.get("Type", "")
        logical_id = kwargs.get("LogicalId") or resource_name
        stack_name = str(kwargs.get("StackId", "stack/stack/")).split("/")[1]
        properties = cloudformation_json.get("Properties") or {}
        if is_custom(resource_type):
            _check_service_token(logical_id, properties, account_id, region_name)
            response = settings.custom_resource_response(logical_id, resource_type)
            ref = str(response.get("PhysicalResourceId") or _generated_name(stack_name, logical_id))
            return cls(resource_type, logical_id, ref, dict(response.get("Data") or {}), None, account_id, region_name)
        schema = _schema(resource_type)
        if schema is None:
            raise ValidationError(message=f"Template format error: Unrecognized resource types: [{resource_type}]")
        ref, attributes = _synthesize(resource_type, logical_id, stack_name, properties, account_id, region_name)
        readable = set(dict(schema.get_atts))
        attributes = {name: value for name, value in attributes.items() if name in readable}
        return cls(resource_type, logical_id, ref, attributes, readable, account_id, region_name)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource: Any, new_resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str) -> "SimulatedResource":
        if is_custom(original_resource.resource_type):
            properties = cloudformation_json.get("Properties") or {}
            _check_service_token(original_resource.logical_id, properties, account_id, region_name)
            response = settings.custom_resource_response(original_resource.logical_id, original_resource.resource_type)
            original_resource.attributes = dict(response.get("Data") or {})
        return original_resource

    def delete(self, account_id: str, region_name: str) -> None:
        return None


def _resource_class_from_type(resource_type: str) -> Any:
    if is_custom(resource_type) or resource_type in _NULL_TYPES:
        return SimulatedResource
    if resource_type not in parsing.get_model_map():
        return SimulatedResource
    return _original_class_from_type(resource_type)


def apply() -> None:
    """Makes moto's CloudFormation create placeholders instead of skipping resources."""
    parsing.resource_class_from_type = _resource_class_from_type  # type: ignore[assignment]
