"""Ferry's patches to moto 5.2.1, one concern per module; `apply_all()` installs them all."""

from __future__ import annotations

_applied = False


def apply_all() -> None:
    """Installs every patch into the imported moto (idempotent)."""
    global _applied
    if _applied:
        return
    from . import change_set_status, lambda_updates, metric_percentiles, reset, sam_transform, stack_operations, stack_timeline, template_urls
    from . import appsync_resources, appsync_rest, state_machine_definitions, termination_protection

    sam_transform.apply()
    template_urls.apply()
    stack_timeline.apply()
    stack_operations.apply()
    change_set_status.apply()
    lambda_updates.apply()
    metric_percentiles.apply()
    reset.apply()
    appsync_rest.apply()
    appsync_resources.apply()
    state_machine_definitions.apply()
    termination_protection.apply()
    from . import layer_versions; layer_versions.apply()
    from . import lambda_aliases; lambda_aliases.apply()
    from . import api_gateway_resources; api_gateway_resources.apply()
    from . import queue_policies; queue_policies.apply()
    from . import simulated_resources; simulated_resources.apply()
    from . import cfn_attributes; cfn_attributes.apply()
    from . import intrinsic_functions; intrinsic_functions.apply()
    from . import stack_resources; stack_resources.apply()
    from . import lambda_environment; lambda_environment.apply()
    from . import lambda_inline_code; lambda_inline_code.apply()
    from . import nested_change_sets; nested_change_sets.apply()
    from . import conditional_updates; conditional_updates.apply()
    from . import multipart_initiated; multipart_initiated.apply()
    from . import parameter_values; parameter_values.apply()
    from . import nested_stack_outputs; nested_stack_outputs.apply()
    from . import registry; registry.apply()
    from . import lambda_images; lambda_images.apply()
    from . import lambda_invoke; lambda_invoke.apply()
    from . import codedeploy_resources; codedeploy_resources.apply()
    from . import codedeploy_deployments; codedeploy_deployments.apply()
    from . import s3_checksums; s3_checksums.apply()
    _applied = True
