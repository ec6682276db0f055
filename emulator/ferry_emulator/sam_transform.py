"""SAM transform (`Transform: AWS::Serverless-2016-10-31`) for moto's CloudFormation.

What moto does: it parses the submitted template as-is. `AWS::Serverless::*` resources have no
moto model, so they are dropped silently, and GetTemplate returns the submitted text whatever
TemplateStage says.

What we change:
- `Stack._parse_template` and `ChangeSet._parse_template` expand SAM templates with
  `samtranslator`, offline: managed policies come from the map bundled with samtranslator, the
  boto3 session has an explicit region (taken from the stack id, because `_parse_template` runs
  before moto sets the stack's region), and one lock serialises translations (samtranslator keeps
  the region in a class attribute). Nested stacks use the same code path, so SAM works there too.
- SAM copies a function's Metadata to the resources it generates; the `FerryEmulatorFail` marker
  is removed from those, so only the resource the author marked fails. Every resource gets a
  `Properties` map (moto adds one in place when it creates a resource, which otherwise makes
  property-less resources look modified on every update).
- `Stack.has_template` compares the submitted (raw) templates, so "no changes" still works when
  the processed template differs from the raw one.
- `CloudFormationResponse.get_template` serves the processed template (JSON) for
  `TemplateStage=Processed`; `Original` (the default) stays the submitted text.
A template that samtranslator rejects becomes a ValidationError with samtranslator's message.
"""

from __future__ import annotations

import copy
import json
import threading
from typing import Any

import boto3
from moto.cloudformation import models as cfn_models
from moto.cloudformation import responses as cfn_responses
from moto.cloudformation.exceptions import ValidationError
from moto.core.responses import ActionResult

from .settings import FAIL_RESOURCE_KEY

SAM_TRANSFORM = "AWS::Serverless-2016-10-31"

_translate_lock = threading.Lock()


class _BundledPolicyLoader:
    """A managed-policy loader that never calls IAM: it serves samtranslator's bundled map."""

    def __init__(self, partition: str) -> None:
        self._partition = partition

    def load(self) -> dict[str, str]:
        from samtranslator.internal.managed_policies import get_bundled_managed_policy_map

        return get_bundled_managed_policy_map(self._partition) or {}


def region_from_stack_id(stack_id: str) -> str:
    """`arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/ID` -> REGION (us-east-1 if unparsable)."""
    parts = stack_id.split(":")
    return parts[3] if len(parts) > 4 and parts[3] else "us-east-1"


def _partition(region: str) -> str:
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    return "aws"


def has_sam_transform(template: Any) -> bool:
    """True when the template dict declares the SAM transform (string or list form)."""
    if not isinstance(template, dict):
        return False
    transform = template.get("Transform")
    if isinstance(transform, str):
        return transform == SAM_TRANSFORM
    if isinstance(transform, list):
        return SAM_TRANSFORM in transform
    return False


def expand(template: dict[str, Any], region: str, parameters: dict[str, Any] | None) -> dict[str, Any]:
    """Expands a SAM template into plain CloudFormation; ValidationError when SAM rejects it."""
    from samtranslator.model.exceptions import InvalidDocumentException
    from samtranslator.parser.parser import Parser
    from samtranslator.translator.translator import Translator

    session = boto3.session.Session(
        region_name=region, aws_access_key_id="testing", aws_secret_access_key="testing"
    )
    loader = _BundledPolicyLoader(_partition(region))
    with _translate_lock:
        translator = Translator(None, Parser(), boto_session=session)
        try:
            return translator.translate(
                copy.deepcopy(template),
                parameter_values=dict(parameters or {}),
                get_managed_policy_map=loader.load,
                passthrough_metadata=True,  # keeps resource Metadata (e.g. FerryEmulatorFail)
            )
        except InvalidDocumentException as error:
            causes = "; ".join(str(cause) for cause in error.causes)
            raise ValidationError(message=f"Transform {SAM_TRANSFORM} failed with: {causes}") from error
        except Exception as error:  # samtranslator raises many kinds; all mean "bad template"
            raise ValidationError(message=f"Transform {SAM_TRANSFORM} failed with: {error}") from error


def _keep_fail_marker_on_own_resources(original: dict[str, Any], expanded: dict[str, Any]) -> None:
    """SAM copies a function's Metadata to the resources it generates (role, permissions...);
    the failure marker must stay on the resource the author put it on."""
    own = set((original.get("Resources") or {}).keys())
    for logical_id, resource in (expanded.get("Resources") or {}).items():
        metadata = resource.get("Metadata") if isinstance(resource, dict) else None
        if logical_id not in own and isinstance(metadata, dict) and FAIL_RESOURCE_KEY in metadata:
            rest = {key: value for key, value in metadata.items() if key != FAIL_RESOURCE_KEY}
            if rest:
                resource["Metadata"] = rest  # a new dict: SAM shares one Metadata object
            else:
                del resource["Metadata"]


def _normalise(template: Any) -> Any:
    """Gives every resource a Properties map, as moto adds one in place when it creates the
    resource: without it, a resource without Properties looks modified on every update."""
    if isinstance(template, dict):
        for resource in (template.get("Resources") or {}).values():
            if isinstance(resource, dict) and resource.get("Properties") is None:
                resource["Properties"] = {}
    return template


def processed(template: Any, stack_id: str, parameters: dict[str, Any] | None) -> Any:
    """The template as moto should see it: AWS::Include and AWS::LanguageExtensions processed
    (template_transforms.py), SAM expanded (if declared) and normalised."""
    from .template_transforms import before_sam

    template = before_sam(template, stack_id, parameters)
    if has_sam_transform(template):
        expanded = expand(template, region_from_stack_id(stack_id), parameters)
        _keep_fail_marker_on_own_resources(template, expanded)
        template = expanded
    return _normalise(template)


def _stack_parse_template(self: cfn_models.Stack) -> None:
    raw = cfn_models.Stack.parse_template(self.template)  # type: ignore[arg-type]
    self.template_dict = processed(raw, self.stack_id, getattr(self, "parameters", None))


def _stack_has_template(self: cfn_models.Stack, other_template: str) -> bool:
    self._parse_template()
    if isinstance(self.template, dict):
        mine = self.template
    else:
        mine = cfn_models.Stack.parse_template(self.template)
    return mine == cfn_models.Stack.parse_template(other_template)


def _change_set_parse_template(self: cfn_models.ChangeSet) -> None:
    raw = cfn_models.Stack.parse_template(self.template)
    self.template_dict = processed(raw, self.stack.stack_id, self.parameters)


_original_get_template = cfn_responses.CloudFormationResponse.get_template


def _get_template(self: cfn_responses.CloudFormationResponse) -> ActionResult:
    if self._get_param("TemplateStage") != "Processed":
        return _original_get_template(self)
    stack = self.cloudformation_backend.get_stack(self._get_param("StackName"))
    return ActionResult({"TemplateBody": json.dumps(stack.template_dict, indent=2, default=str)})


def apply() -> None:
    """Installs the SAM transform into moto's CloudFormation."""
    cfn_models.Stack._parse_template = _stack_parse_template  # type: ignore[method-assign]
    cfn_models.Stack.has_template = _stack_has_template  # type: ignore[method-assign]
    cfn_models.ChangeSet._parse_template = _change_set_parse_template  # type: ignore[method-assign]
    cfn_responses.CloudFormationResponse.get_template = _get_template  # type: ignore[method-assign]
