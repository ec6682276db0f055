"""`AWS::SQS::QueuePolicy` in stacks sets the queues' Policy attribute.

What moto does (5.2.1): the type has no CloudFormation model, so it would only be simulated
(simulated_resources.py): the queues never get the policy, and GetQueueAttributes shows none.

What we change, as the CloudFormation reference describes the type ("applies a policy to Amazon
SQS queues": the `PolicyDocument` becomes each queue's `Policy` attribute, as SetQueueAttributes
does): on create and update the policy is set on every queue in `Queues` (URLs), a queue the
update dropped loses it, and delete removes it. A queue that does not exist fails the resource
(moto's QueueDoesNotExist). The physical ID is generated (`STACK-LOGICALID-XXXXXXXXXXXX`), as AWS
generates one; there are no attributes.
"""

from __future__ import annotations

import json
import random
import string
from typing import Any

from moto.cloudformation import parsing
from moto.core.common_models import CloudFormationModel
from moto.sqs.models import sqs_backends


def _queue_name(url: str) -> str:
    return str(url).rstrip("/").rsplit("/", 1)[-1]


class QueuePolicy(CloudFormationModel):
    """An `AWS::SQS::QueuePolicy` of a stack."""

    def __init__(self, physical_id: str, queues: list[str]) -> None:
        self.physical_id = physical_id
        self.queues = queues

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::SQS::QueuePolicy"

    @staticmethod
    def cloudformation_name_type() -> str:
        return ""

    @property
    def physical_resource_id(self) -> str:
        return self.physical_id

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return attr == "Id"

    def get_cfn_attribute(self, attribute_name: str) -> str:
        return self.physical_id

    @staticmethod
    def _set(queues: list[str], policy: str, account_id: str, region_name: str) -> None:
        backend = sqs_backends[account_id][region_name]
        for url in queues:
            backend.set_queue_attributes(_queue_name(url), {"Policy": policy})

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str, **kwargs: Any) -> "QueuePolicy":
        properties = cloudformation_json.get("Properties") or {}
        queues = [str(url) for url in properties.get("Queues") or []]
        cls._set(queues, json.dumps(properties.get("PolicyDocument") or {}), account_id, region_name)
        suffix = "".join(random.choice(string.ascii_uppercase + string.digits) for _ in range(12))
        stack_name = str(kwargs.get("StackId", "stack/stack/")).split("/")[1]
        return cls(f"{stack_name}-{kwargs.get('LogicalId', resource_name)}-{suffix}", queues)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource: Any, new_resource_name: str,
                                        cloudformation_json: dict[str, Any], account_id: str,
                                        region_name: str) -> "QueuePolicy":
        properties = cloudformation_json.get("Properties") or {}
        queues = [str(url) for url in properties.get("Queues") or []]
        dropped = [url for url in original_resource.queues if url not in queues]
        cls._set(queues, json.dumps(properties.get("PolicyDocument") or {}), account_id, region_name)
        original_resource.queues = dropped
        original_resource.delete(account_id, region_name)
        original_resource.queues = queues
        return original_resource

    def delete(self, account_id: str, region_name: str) -> None:
        backend = sqs_backends[account_id][region_name]
        for url in self.queues:
            try:
                backend.set_queue_attributes(_queue_name(url), {"Policy": ""})
            except Exception:  # the queue is already gone
                pass


def apply() -> None:
    """Registers the model with moto's CloudFormation (its model list is cached)."""
    for cached in (parsing.get_model_list, parsing.get_model_map, parsing.get_name_type_map):
        cached.cache_clear()
    if parsing.get_model_map().get("AWS::SQS::QueuePolicy") is not QueuePolicy:
        raise RuntimeError("AWS::SQS::QueuePolicy not registered with moto's CloudFormation")
