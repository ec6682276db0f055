"""CodeDeploy Lambda deployments for aliases updated under `UpdatePolicy: CodeDeployLambdaAliasUpdate`.

What moto does (5.2.1): an `AWS::Lambda::Alias` update moves the alias at once, whatever its
UpdatePolicy; CodeDeploy deployments are static records (status `Created` forever, no
errorInformation, no lifecycle events) and there are no deployment targets
(ListDeploymentTargets / BatchGetDeploymentTargets / GetDeploymentTarget do not exist).

What we change: when a stack update changes the `FunctionVersion` of an alias whose UpdatePolicy
is `CodeDeployLambdaAliasUpdate` (what SAM's `DeploymentPreference` generates), the alias update
becomes a CodeDeploy deployment in moto's backend (ID `d-XXXXXXXXX`, creator `CloudFormation`):
- its lifecycle events `BeforeAllowTraffic` (invokes `BeforeAllowTrafficHook` through the invoke
  stub, lambda_invoke.py), `AllowTraffic` (moves the traffic per the group's deployment config:
  `CodeDeployDefault.LambdaAllAtOnce`, `LambdaCanaryPPercentNMinutes`,
  `LambdaLinearPPercentEveryNMinutes`) and `AfterAllowTraffic` (invokes `AfterAllowTrafficHook`)
  unfold over time; one CodeDeploy minute lasts `FERRY_EMULATOR_CODEDEPLOY_MINUTE` seconds (default
  1), so a 5-minute canary takes 5 s;
- while it runs, GetAlias shows the alias's old version with `RoutingConfig` weights of the new
  one, then the new version alone;
- it fails, and rolls the traffic back to the old version, when a hook's invocation reports a
  function error (`HOOK_EXECUTION_FAILURE`) or when an alarm of the group's AlarmConfiguration is
  in `ALARM` (`ALARM_ACTIVE`, halfway through the first traffic step). Hooks and alarms are
  evaluated when the update runs (the emulator decides the outcome up front) and revealed at the
  time they would happen;
- the stack's alias event `UPDATE_IN_PROGRESS` comes when the deployment starts and
  `UPDATE_COMPLETE` when it succeeds, or `UPDATE_FAILED` ("CodeDeploy deployment d-... failed
  (CODE): message") when it fails, and the stack rolls back;
- GetDeployment / BatchGetDeployments show status, `errorInformation`, `rollbackInfo`,
  `deploymentOverview` and times (epoch seconds, as AWS); ListDeploymentTargets,
  BatchGetDeploymentTargets and GetDeploymentTarget answer the `LambdaTarget` (lifecycle events,
  `lambdaFunctionInfo` with current/target version and the target's weight).
"""

from __future__ import annotations

import json
import random
import re
import string
from datetime import datetime, timedelta
from typing import Any

from moto.awslambda import models as lambda_models
from moto.codedeploy import models as cd_models
from moto.codedeploy import responses as cd_responses
from moto.core.utils import utcnow

from . import settings
from .codedeploy_resources import backend
from .operation_record import ResourceFailed, current_step

EVENTS = ("BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic")
_CONFIG = re.compile(r"Lambda(Canary|Linear)(\d+)Percent(?:Every)?(\d+)Minutes?$")


def traffic_steps(config_name: str, minute: float) -> list[tuple[float, float]]:
    """(seconds after AllowTraffic starts, weight of the new version) for a deployment config."""
    match = _CONFIG.search(config_name or "")
    if not match:
        return [(0.0, 1.0)]
    kind, percent, minutes = match.group(1), int(match.group(2)), int(match.group(3))
    wait = minutes * minute
    if kind == "Canary":
        return [(0.0, percent / 100), (wait, 1.0)]
    steps, weight, index = [], 0, 0
    while weight < 100:
        weight = min(100, weight + percent)
        steps.append((index * wait, weight / 100))
        index += 1
    return steps


def _epoch(when: datetime | None) -> float | None:
    if when is None:
        return None
    return when.timestamp() if when.tzinfo else (when - datetime(1970, 1, 1)).total_seconds()


def _deployment_id() -> str:
    return "d-" + "".join(random.choice(string.ascii_uppercase + string.digits) for _ in range(9))


class LambdaDeployment(cd_models.DeploymentInfo):
    """A CodeDeploy deployment of one alias; everything it reports depends on the time."""

    def __init__(self, application: Any, group: Any, function_name: str, alias: Any,
                 current_version: str, target_version: str, hooks: dict[str, str]) -> None:
        super().__init__(application, group, {}, group.deployment_config_name, None, None, None,
                         group.auto_rollback_configuration, None, None, None, "CloudFormation")
        self.deployment_id = _deployment_id()
        self.function_name = function_name
        self.alias = alias
        self.current_version = current_version
        self.target_version = target_version
        self.hooks = hooks
        self.created = utcnow()
        self.begin: datetime | None = None  # set when the stack's alias event is scheduled
        minute = settings.codedeploy_minute()
        self.hook_seconds = max(minute / 10, 0.05)
        self.steps = traffic_steps(str(group.deployment_config_name), minute)
        allow_start = self.hook_seconds
        allow_end = allow_start + self.steps[-1][0]
        self.windows = {"BeforeAllowTraffic": (0.0, allow_start), "AllowTraffic": (allow_start, allow_end),
                        "AfterAllowTraffic": (allow_end, allow_end + self.hook_seconds)}
        self.failure: tuple[float, str, str, str] | None = None  # (offset, event, code, message)
        self.revision = {"revisionType": "AppSpecContent", "appSpecContent": {"content": json.dumps({
            "version": 0.0, "Resources": [{function_name: {"Type": "AWS::Lambda::Function", "Properties": {
                "Name": function_name, "Alias": alias.name, "CurrentVersion": current_version,
                "TargetVersion": target_version}}}]})}}

    # moto's constructor assigns `status`; ours is computed.
    status = property(lambda self: self._status_at(utcnow()), lambda self, value: None)

    def decide(self, account_id: str, region_name: str, alarm_names: list[str]) -> None:
        """Runs the hooks and reads the alarms now; records the failure the deployment will have."""
        error = self._invoke_hook("BeforeAllowTraffic", account_id, region_name)
        if error:
            self.failure = (self.windows["BeforeAllowTraffic"][1], "BeforeAllowTraffic", "HOOK_EXECUTION_FAILURE", error)
            return
        alarms = _alarms_in_alarm(account_id, region_name, alarm_names)
        if alarms:
            start = self.windows["AllowTraffic"][0]
            first_wait = self.steps[1][0] if len(self.steps) > 1 else self.hook_seconds
            message = ("One or more alarms have been activated according to the Amazon CloudWatch metrics you "
                       f"selected, and the affected deployments have been stopped. Activated alarms: {', '.join(alarms)}")
            self.failure = (start + first_wait / 2, "AllowTraffic", "ALARM_ACTIVE", message)
            return
        error = self._invoke_hook("AfterAllowTraffic", account_id, region_name)
        if error:
            self.failure = (self.windows["AfterAllowTraffic"][1], "AfterAllowTraffic", "HOOK_EXECUTION_FAILURE", error)

    def _invoke_hook(self, event: str, account_id: str, region_name: str) -> str | None:
        hook = self.hooks.get(event)
        if not hook:
            return None
        payload = json.dumps({"DeploymentId": self.deployment_id, "LifecycleEventHookExecutionId": f"{self.deployment_id}-{event}"})
        try:
            function = lambda_models.lambda_backends[account_id][region_name].get_function(hook)
            result, errored, _ = function._invoke_lambda(event=payload)
        except Exception as error:  # a missing hook function fails the event
            return f"The {event} hook {hook} could not be invoked: {getattr(error, 'message', None) or error}"
        if errored:
            try:
                detail = json.loads(result).get("errorMessage") or result
            except ValueError:
                detail = result
            return f"The {event} hook {hook} failed: {detail}"
        return None

    @property
    def duration(self) -> float:
        """Seconds from the start to the end (success) or to the failure."""
        return self.failure[0] if self.failure else self.windows["AfterAllowTraffic"][1]

    def offset(self, now: datetime) -> float | None:
        return None if self.begin is None else (now - self.begin).total_seconds()

    def _status_at(self, now: datetime) -> str:
        offset = self.offset(now)
        if offset is None or offset < 0:
            return "Created"
        if offset < self.duration:
            return "InProgress"
        return "Failed" if self.failure else "Succeeded"

    def weight_at(self, now: datetime) -> float:
        """The new version's share of the alias's traffic at `now`."""
        offset = self.offset(now)
        if offset is None or offset < self.windows["AllowTraffic"][0]:
            return 0.0
        if self.failure and offset >= self.failure[0]:
            return 0.0
        into = offset - self.windows["AllowTraffic"][0]
        return max([weight for at, weight in self.steps if at <= into] or [0.0])

    def event_states(self, now: datetime) -> list[dict[str, Any]]:
        """The target's lifecycle events at `now`."""
        offset = self.offset(now)
        states = []
        for name in EVENTS:
            start, end = self.windows[name]
            state: dict[str, Any] = {"lifecycleEventName": name, "status": "Pending"}
            failed_here = self.failure is not None and self.failure[1] == name
            after_failure = self.failure is not None and EVENTS.index(name) > EVENTS.index(self.failure[1])
            if after_failure:
                state["status"] = "Skipped" if offset is not None and offset >= self.failure[0] else "Pending"
            elif offset is not None and offset >= start:
                end = self.failure[0] if failed_here else end
                state["startTime"] = _epoch(self.begin + timedelta(seconds=start))
                if offset < end:
                    state["status"] = "InProgress"
                else:
                    state["status"] = "Failed" if failed_here else "Succeeded"
                    state["endTime"] = _epoch(self.begin + timedelta(seconds=end))
                    if failed_here:
                        state["diagnostics"] = {"errorCode": "ScriptFailed" if self.failure[2] != "ALARM_ACTIVE" else "UnknownError",
                                                "message": self.failure[3]}
            states.append(state)
        return states

    def target_id(self) -> str:
        return f"{self.function_name}:{self.alias.name}"

    def target(self) -> dict[str, Any]:
        now = utcnow()
        status = self._status_at(now)
        return {"deploymentTargetType": "LambdaTarget", "lambdaTarget": {
            "deploymentId": self.deployment_id, "targetId": self.target_id(), "targetArn": self.alias.arn,
            "status": {"Created": "Pending"}.get(status, status), "lastUpdatedAt": _epoch(now),
            "lifecycleEvents": self.event_states(now),
            "lambdaFunctionInfo": {"functionName": self.function_name, "functionAlias": self.alias.name,
                                   "currentVersion": self.current_version, "targetVersion": self.target_version,
                                   "targetVersionWeight": self.weight_at(now)}}}

    def to_dict(self) -> dict[str, Any]:
        now = utcnow()
        status = self._status_at(now)
        info = super().to_dict()
        overview = {key: 0 for key in ("Pending", "InProgress", "Succeeded", "Failed", "Skipped", "Ready")}
        overview[{"Created": "Pending"}.get(status, status)] = 1
        info.update(status=status, deploymentOverview=overview, createTime=_epoch(self.created),
                    computePlatform="Lambda", creator="CloudFormation", errorInformation=None, rollbackInfo=None,
                    overrideAlarmConfiguration=None, targetInstances=None, revision=self.revision)
        if self.begin is not None and status != "Created":
            info["startTime"] = _epoch(self.begin)
        if status in ("Succeeded", "Failed"):
            info["completeTime"] = _epoch(self.begin + timedelta(seconds=self.duration))
        if status == "Failed" and self.failure:
            info["errorInformation"] = {"code": self.failure[2], "message": self.failure[3]}
            info["rollbackInfo"] = {"rollbackMessage": "Traffic was moved back to version "
                                                       f"{self.current_version} of {self.function_name}:{self.alias.name}"}
        return {key: value for key, value in info.items() if value is not None}


def _alarms_in_alarm(account_id: str, region_name: str, names: list[str]) -> list[str]:
    from moto.cloudwatch.models import cloudwatch_backends

    alarms = cloudwatch_backends[account_id][region_name].alarms
    return [name for name in names if name in alarms and alarms[name].state_value == "ALARM"]


def deploy_alias(policy: dict[str, Any], function_name: str, alias: Any, current_version: str,
                 target_version: str, account_id: str, region_name: str) -> LambdaDeployment:
    """Creates the deployment for an alias update; raises ResourceFailed when it will fail."""
    cd = backend(account_id, region_name)
    application = cd.get_application(str(policy["ApplicationName"]))
    group = cd.get_deployment_group(application.application_name, str(policy["DeploymentGroupName"]))
    hooks = {event: str(policy[key]).split(":function:")[-1].split(":")[0]
             for event, key in (("BeforeAllowTraffic", "BeforeAllowTrafficHook"), ("AfterAllowTraffic", "AfterAllowTrafficHook"))
             if policy.get(key)}
    deployment = LambdaDeployment(application, group, function_name, alias, current_version, target_version, hooks)
    deployment.decide(account_id, region_name, list(getattr(group, "ferry_alarm_names", [])))
    cd.deployments[deployment.deployment_id] = deployment
    alias._ferry_deployment = deployment
    step = current_step()
    if step is not None:
        step.duration = deployment.duration
        step.on_start = lambda when: setattr(deployment, "begin", when)
    else:  # outside a stack operation: starts now
        deployment.begin = utcnow()
    if deployment.failure:
        _, _, code, message = deployment.failure
        raise ResourceFailed(f"CodeDeploy deployment {deployment.deployment_id} failed ({code}): {message}")
    return deployment


_original_alias_to_json = lambda_models.LambdaAlias.to_json


def _alias_to_json(self: Any) -> dict[str, Any]:
    shown = _original_alias_to_json(self)
    deployment = getattr(self, "_ferry_deployment", None)
    if deployment is None or deployment.status != "InProgress":
        return shown
    weight = deployment.weight_at(utcnow())
    if weight >= 1.0:
        shown["FunctionVersion"] = deployment.target_version
        shown["RoutingConfig"] = None
    else:
        shown["FunctionVersion"] = deployment.current_version
        shown["RoutingConfig"] = {"AdditionalVersionWeights": {deployment.target_version: weight}} if weight > 0 else None
    return shown


def _deployment(self: Any) -> Any:
    return self.codedeploy_backend.get_deployment(self._get_param("deploymentId"))


def _list_deployment_targets(self: Any) -> str:
    deployment = _deployment(self)
    targets = [deployment.target_id()] if isinstance(deployment, LambdaDeployment) else []
    return json.dumps({"targetIds": targets})


def _batch_get_deployment_targets(self: Any) -> str:
    deployment = _deployment(self)
    wanted = set(self._get_param("targetIds") or [])
    found = [deployment.target()] if isinstance(deployment, LambdaDeployment) and deployment.target_id() in wanted else []
    return json.dumps({"deploymentTargets": found})


def _get_deployment_target(self: Any) -> str:
    deployment = _deployment(self)
    if not isinstance(deployment, LambdaDeployment) or deployment.target_id() != self._get_param("targetId"):
        from moto.codedeploy.exceptions import DeploymentDoesNotExistException

        raise DeploymentDoesNotExistException(f"Target {self._get_param('targetId')} does not exist in the deployment.")
    return json.dumps({"deploymentTarget": deployment.target()})


def apply() -> None:
    """Installs alias deployments, their alias view and the deployment-target operations."""
    lambda_models.LambdaAlias.to_json = _alias_to_json  # type: ignore[method-assign]
    cd_responses.CodeDeployResponse.list_deployment_targets = _list_deployment_targets  # type: ignore[attr-defined]
    cd_responses.CodeDeployResponse.batch_get_deployment_targets = _batch_get_deployment_targets  # type: ignore[attr-defined]
    cd_responses.CodeDeployResponse.get_deployment_target = _get_deployment_target  # type: ignore[attr-defined]
