"""ECS rolling-update deployments that take time, succeed, fail or roll back.

moto gives a service one deployment that never progresses, and UpdateService
starts no new one (forceNewDeployment only renames it). Here every
CreateService, every UpdateService with a new task definition and every
forceNewDeployment starts a new PRIMARY deployment, as ECS's rolling update
does:

* it starts ``IN_PROGRESS`` with its tasks pending, the previous PRIMARY becomes
  ``ACTIVE``;
* after the rollout time it is ``COMPLETED``: its tasks run, the older
  deployments and their tasks are gone;
* or, when its task definition is marked to fail, its tasks stop and, with the
  deployment circuit breaker on, it is ``FAILED`` and (with rollback on) a new
  deployment of the last completed task definition starts; without the circuit
  breaker it stays ``IN_PROGRESS``, as ECS keeps replacing the failed tasks.

State advances lazily: whenever a call reads it, every deployment whose time
has come is settled as of that time, so no background thread is needed.

Markers, as Docker labels of any container in the task definition:

* ``gantry.local/rollout: fail`` -- the tasks fail to start;
* ``gantry.local/rollout: hang`` -- the deployment never reaches a steady state;
* ``gantry.local/rollout-seconds: N`` -- the rollout time for this task
  definition instead of the server's default.
"""

import copy
import random
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from moto.core.responses import ActionResult
from moto.core.utils import utcnow
from moto.ecs.exceptions import InvalidParameterException
from moto.ecs.models import EC2ContainerServiceBackend, Service
from moto.ecs.responses import EC2ContainerServiceResponse

from patching import around

ROLLOUT_LABEL = "gantry.local/rollout"
ROLLOUT_SECONDS_LABEL = "gantry.local/rollout-seconds"
FAIL = "fail"
HANG = "hang"

# What DescribeServices reports for a service created without a deploymentConfiguration.
DEFAULT_DEPLOYMENT_CONFIGURATION = {
    "deploymentCircuitBreaker": {"enable": False, "rollback": False},
    "maximumPercent": 200,
    "minimumHealthyPercent": 100,
}
MAX_SERVICE_EVENTS = 100

# moto serves requests on several threads; deployments change under this lock.
_lock = threading.RLock()


@dataclass
class RolloutPlan:
    fails: bool
    hangs: bool
    seconds: float


class ServiceTask:
    """A task the service scheduler started for a deployment.

    Attribute names follow the ECS API's Task shape, which is how moto
    serialises it, and include those moto's ListTasks/DescribeTasks read.
    """

    def __init__(self, backend: EC2ContainerServiceBackend, service: Service, deployment: "Deployment", at: datetime):
        self.id = uuid.uuid4().hex
        arn_prefix = f"arn:{backend.partition}:ecs:{backend.region_name}:{backend.account_id}:task"
        if backend.enable_long_arn_for_name(name="taskLongArnFormat"):
            self.task_arn = f"{arn_prefix}/{service.cluster_name}/{self.id}"
        else:
            self.task_arn = f"{arn_prefix}/{self.id}"
        self.cluster_arn = service.cluster_arn
        self.task_definition_arn = deployment.task_definition
        self.container_instance_arn = None
        self.group = f"service:{service.name}"
        self.started_by = deployment.id
        self.launch_type = service.launch_type
        self.platform_version = service.platform_version
        self.tags: list[dict[str, str]] = []
        self.overrides: dict[str, Any] = {}
        self.last_status = "PENDING"
        self.desired_status = "RUNNING"
        self.created_at = at
        self.started_at: datetime | None = None
        self.stopped_at: datetime | None = None
        self.stopped_reason: str | None = None
        self.stop_code: str | None = None
        self._exit_code: int | None = None
        self._container_definitions = backend.describe_task_definition(deployment.task_definition).container_definitions

    def advance(self) -> None:
        """moto's DescribeTasks steps its own tasks through their lifecycle here;
        a service task changes state only with its deployment."""

    @property
    def containers(self) -> list[dict[str, Any]]:
        return [
            {
                "taskArn": self.task_arn,
                "name": definition.get("name"),
                "image": definition.get("image"),
                "lastStatus": self.last_status,
                "exitCode": self._exit_code,
            }
            for definition in self._container_definitions
        ]

    @property
    def is_live(self) -> bool:
        return self.desired_status == "RUNNING"

    def run(self, at: datetime) -> None:
        self.last_status = "RUNNING"
        self.started_at = at

    def stop(self, at: datetime, reason: str, stop_code: str, exit_code: int | None = None) -> None:
        self.last_status = "STOPPED"
        self.desired_status = "STOPPED"
        self.stopped_at = at
        self.stopped_reason = reason
        self.stop_code = stop_code
        self._exit_code = exit_code


@dataclass
class Deployment:
    """One deployment of a service.

    The public attribute names follow the ECS API's Deployment shape, which is
    how moto serialises it; ``plan``, ``settles_at`` and ``tasks`` are internal.
    """

    id: str
    task_definition: str
    desired_count: int
    created_at: datetime
    rollout_state_reason: str
    plan: RolloutPlan
    launch_type: str | None = None
    platform_version: str | None = None
    network_configuration: dict[str, Any] | None = None
    status: str = "PRIMARY"
    rollout_state: str = "IN_PROGRESS"
    running_count: int = 0
    pending_count: int = 0
    failed_tasks: int = 0
    updated_at: datetime | None = None
    settles_at: datetime | None = None
    tasks: list[ServiceTask] = field(default_factory=list)

    @property
    def live_tasks(self) -> list[ServiceTask]:
        return [task for task in self.tasks if task.is_live]


def install(default_rollout_seconds: float) -> None:
    """Patch moto's ECS backend and responses; call once, before serving."""

    @around(EC2ContainerServiceBackend, "register_task_definition")
    def register_task_definition(original, backend, family, container_definitions, *args, **kwargs):
        # Reject a mistyped marker when it is registered rather than when a deployment starts.
        _rollout_plan(container_definitions, default_rollout_seconds)
        return original(backend, family, container_definitions, *args, **kwargs)

    @around(EC2ContainerServiceBackend, "create_service")
    def create_service(original, backend, *args, **kwargs):
        with _lock:
            service = original(backend, *args, **kwargs)
            if _uses_rolling_update(service):
                service.deployment_configuration = copy.deepcopy(DEFAULT_DEPLOYMENT_CONFIGURATION)
                # moto's single deployment never progresses; a rollout replaces it.
                service.deployments = []
                if service.task_definition:
                    _start_deployment(backend, service, service.task_definition, utcnow(), default_rollout_seconds)
                _sync_counts(backend, service)
            return service

    @around(EC2ContainerServiceResponse, "create_service")
    def create_service_response(original, response):
        # moto's backend call has no deploymentConfiguration parameter; keep the requested one.
        with _lock:
            result = original(response)
            requested = response._get_param("deploymentConfiguration")
            service = result.result["service"]
            if requested and _uses_rolling_update(service):
                _merge_deployment_configuration(service, requested)
            return result

    @around(EC2ContainerServiceBackend, "update_service")
    def update_service(original, backend, service_properties):
        with _lock:
            service = backend._get_service(
                service_properties.get("cluster", "default"), service_properties["service"].split("/")[-1]
            )
            if not _uses_rolling_update(service):
                return original(backend, service_properties)
            _settle(backend, service, utcnow(), default_rollout_seconds)
            _update_rolling_service(backend, service, dict(service_properties), default_rollout_seconds)
            return service

    @around(EC2ContainerServiceBackend, "describe_services")
    def describe_services(original, backend, *args, **kwargs):
        with _lock:
            services, failures = original(backend, *args, **kwargs)
            now = utcnow()
            for service in services:
                _settle(backend, service, now, default_rollout_seconds)
            return services, failures

    @around(EC2ContainerServiceBackend, "delete_service")
    def delete_service(original, backend, *args, **kwargs):
        with _lock:
            service = original(backend, *args, **kwargs)
            if _uses_rolling_update(service):
                now = utcnow()
                for deployment in service.deployments:
                    _stop_tasks(service, deployment.live_tasks, now, by_deployment=deployment)
                    deployment.running_count = deployment.pending_count = 0
                # moto has already taken the service's tasks off the cluster's counts.
                service.running_count = service.pending_count = 0
            return service

    # Tasks and cluster counts follow the deployments, so settle those before reading them.
    @around(EC2ContainerServiceBackend, "describe_tasks")
    def describe_tasks(original, backend, *args, **kwargs):
        with _lock:
            _settle_all(backend, default_rollout_seconds)
            return original(backend, *args, **kwargs)

    @around(EC2ContainerServiceBackend, "describe_clusters")
    def describe_clusters(original, backend, *args, **kwargs):
        with _lock:
            _settle_all(backend, default_rollout_seconds)
            return original(backend, *args, **kwargs)

    @around(EC2ContainerServiceBackend, "list_tasks")
    def list_tasks(
        original,
        backend,
        cluster_str=None,
        container_instance=None,
        family=None,
        started_by=None,
        service_name=None,
        desiredStatus=None,
    ):
        with _lock:
            _settle_all(backend, default_rollout_seconds)
            tasks = original(backend, cluster_str, container_instance, family, started_by, service_name, desiredStatus)
        # moto ignores serviceName; ECS lists only the tasks that service started.
        if service_name:
            group = f"service:{service_name.split('/')[-1]}"
            tasks = [task for task in tasks if getattr(task, "group", None) == group]
        return tasks

    @around(EC2ContainerServiceResponse, "list_tasks")
    def list_tasks_response(original, response):
        # ECS lists tasks whose desired status is RUNNING unless asked for another; moto lists all.
        tasks = response.ecs_backend.list_tasks(
            response._get_param("cluster", "default"),
            response._get_param("containerInstance"),
            response._get_param("family"),
            response._get_param("startedBy"),
            response._get_param("serviceName"),
            response._get_param("desiredStatus", "RUNNING"),
        )
        return ActionResult({"taskArns": [task.task_arn for task in tasks]})


def _settle_all(backend: EC2ContainerServiceBackend, default_rollout_seconds: float) -> None:
    now = utcnow()
    for service in list(backend.services.values()):
        _settle(backend, service, now, default_rollout_seconds)


def _uses_rolling_update(service: Service) -> bool:
    return service.deployment_controller.get("type", "ECS") == "ECS"


def _merge_deployment_configuration(service: Service, requested: dict[str, Any]) -> None:
    merged = copy.deepcopy(service.deployment_configuration)
    merged.update(copy.deepcopy(requested))
    service.deployment_configuration = merged


def _update_rolling_service(
    backend: EC2ContainerServiceBackend, service: Service, properties: dict[str, Any], default_rollout_seconds: float
) -> None:
    for consumed in ("cluster", "service"):
        properties.pop(consumed, None)
    task_definition_ref = properties.pop("task_definition", None)
    force_new_deployment = properties.pop("force_new_deployment", False)
    desired_count = properties.pop("desired_count", None)
    requested_configuration = properties.pop("deployment_configuration", None)

    if task_definition_ref:
        task_definition_arn = backend.describe_task_definition(task_definition_ref).arn
    else:
        task_definition_arn = service.task_definition
    if requested_configuration:
        _merge_deployment_configuration(service, requested_configuration)
    # Like moto, take every other given property as is (network configuration, platform version, ...).
    for name, value in properties.items():
        if value is not None:
            setattr(service, name, value)

    now = utcnow()
    primary = service.deployments[0] if service.deployments else None
    starts_deployment = bool(task_definition_arn) and (
        force_new_deployment or primary is None or task_definition_arn != primary.task_definition
    )
    if desired_count is not None:
        service.desired_count = desired_count
        if primary is not None and not starts_deployment:
            _scale(backend, service, primary, desired_count, now)
    if starts_deployment:
        _start_deployment(backend, service, task_definition_arn, now, default_rollout_seconds)
    _sync_counts(backend, service)


def _rollout_plan(container_definitions: list[dict[str, Any]], default_seconds: float) -> RolloutPlan:
    labels: dict[str, str] = {}
    for container in container_definitions:
        labels.update(container.get("dockerLabels") or {})
    marker = labels.get(ROLLOUT_LABEL)
    if marker not in (None, FAIL, HANG):
        raise InvalidParameterException(f"Docker label {ROLLOUT_LABEL} is '{marker}'; use '{FAIL}' or '{HANG}'.")
    seconds = default_seconds
    if ROLLOUT_SECONDS_LABEL in labels:
        try:
            seconds = float(labels[ROLLOUT_SECONDS_LABEL])
        except ValueError:
            raise InvalidParameterException(
                f"Docker label {ROLLOUT_SECONDS_LABEL} is '{labels[ROLLOUT_SECONDS_LABEL]}'; use a number of seconds."
            ) from None
    return RolloutPlan(fails=marker == FAIL, hangs=marker == HANG, seconds=seconds)


def _new_deployment_id() -> str:
    return f"ecs-svc/{random.randint(10**18, 10**19 - 1)}"


def _start_deployment(
    backend: EC2ContainerServiceBackend,
    service: Service,
    task_definition_arn: str,
    at: datetime,
    default_rollout_seconds: float,
    reason: str | None = None,
) -> Deployment:
    task_definition = backend.describe_task_definition(task_definition_arn)
    plan = _rollout_plan(task_definition.container_definitions, default_rollout_seconds)
    deployment_id = _new_deployment_id()
    deployment = Deployment(
        id=deployment_id,
        task_definition=task_definition_arn,
        desired_count=service.desired_count,
        created_at=at,
        updated_at=at,
        rollout_state_reason=reason or f"ECS deployment {deployment_id} in progress.",
        plan=plan,
        launch_type=service.launch_type,
        platform_version=service.platform_version,
        network_configuration=service.network_configuration or None,
        settles_at=None if plan.hangs else at + timedelta(seconds=plan.seconds),
    )
    for previous in service.deployments:
        previous.status = "ACTIVE"
        # A superseded deployment is drained when the new one completes; it no longer settles itself.
        previous.settles_at = None
    service.deployments.insert(0, deployment)
    service.task_definition = task_definition_arn
    _launch_tasks(backend, service, deployment, service.desired_count, at)
    return deployment


def _launch_tasks(
    backend: EC2ContainerServiceBackend,
    service: Service,
    deployment: Deployment,
    count: int,
    at: datetime,
    running: bool = False,
) -> None:
    started = [ServiceTask(backend, service, deployment, at) for _ in range(count)]
    for task in started:
        if running:
            task.run(at)
        backend.tasks.setdefault(service.cluster_name, {})[task.task_arn] = task
    deployment.tasks.extend(started)
    if running:
        deployment.running_count += count
    else:
        deployment.pending_count += count
    if started:
        task_list = " ".join(f"(task {task.id})" for task in started)
        _add_event(service, at, f"(service {service.name}) has started {count} tasks: {task_list}.")


def _stop_tasks(service: Service, tasks: list[ServiceTask], at: datetime, by_deployment: Deployment) -> None:
    for task in tasks:
        task.stop(at, f"Scaling activity initiated by (deployment {by_deployment.id})", "ServiceSchedulerInitiated")
    if tasks:
        task_list = " ".join(f"(task {task.id})" for task in tasks)
        _add_event(service, at, f"(service {service.name}) has stopped {len(tasks)} running tasks: {task_list}.")


def _scale(
    backend: EC2ContainerServiceBackend, service: Service, primary: Deployment, desired_count: int, at: datetime
) -> None:
    primary.desired_count = desired_count
    primary.updated_at = at
    if primary.rollout_state == "FAILED":
        return  # a failed deployment launches no more tasks
    live = primary.live_tasks
    if desired_count > len(live):
        _launch_tasks(
            backend, service, primary, desired_count - len(live), at, running=primary.rollout_state == "COMPLETED"
        )
    elif desired_count < len(live):
        surplus = live[desired_count:]
        _stop_tasks(service, surplus, at, by_deployment=primary)
        for task in surplus:
            if task.started_at:
                primary.running_count -= 1
            else:
                primary.pending_count -= 1


def _settle(
    backend: EC2ContainerServiceBackend, service: Service, now: datetime, default_rollout_seconds: float
) -> None:
    """Bring the service's deployments up to ``now``, each step as of its own time."""
    if not _uses_rolling_update(service) or service.status != "ACTIVE":
        return
    while service.deployments:
        primary = service.deployments[0]
        if primary.settles_at is None or primary.settles_at > now:
            break
        at = primary.settles_at
        primary.settles_at = None
        if primary.plan.fails:
            _fail(backend, service, primary, at, default_rollout_seconds)
        else:
            _complete(service, primary, at)
    _sync_counts(backend, service)


def _complete(service: Service, deployment: Deployment, at: datetime) -> None:
    for task in deployment.live_tasks:
        task.run(at)
    deployment.running_count = len(deployment.live_tasks)
    deployment.pending_count = 0
    deployment.rollout_state = "COMPLETED"
    deployment.rollout_state_reason = f"ECS deployment {deployment.id} completed."
    deployment.updated_at = at
    for older in service.deployments[1:]:
        _stop_tasks(service, older.live_tasks, at, by_deployment=deployment)
    service.deployments = [deployment]
    _add_event(service, at, f"(service {service.name}) (deployment {deployment.id}) deployment completed.")
    _add_event(service, at, f"(service {service.name}) has reached a steady state.")


def _fail(
    backend: EC2ContainerServiceBackend,
    service: Service,
    deployment: Deployment,
    at: datetime,
    default_rollout_seconds: float,
) -> None:
    failed = deployment.live_tasks
    for task in failed:
        task.stop(at, "Essential container in task exited", "EssentialContainerExited", exit_code=1)
    deployment.failed_tasks += len(failed)
    deployment.pending_count = 0
    deployment.updated_at = at

    circuit_breaker = service.deployment_configuration.get("deploymentCircuitBreaker") or {}
    if not circuit_breaker.get("enable"):
        # Without the circuit breaker ECS keeps replacing the failing tasks and the
        # deployment stays IN_PROGRESS; one round of replacements stands for that.
        _launch_tasks(backend, service, deployment, deployment.desired_count, at)
        return

    deployment.rollout_state = "FAILED"
    deployment.rollout_state_reason = "ECS deployment circuit breaker: tasks failed to start."
    _add_event(
        service, at, f"(service {service.name}) (deployment {deployment.id}) deployment failed: tasks failed to start."
    )
    if not circuit_breaker.get("rollback"):
        return
    last_completed = next((d for d in service.deployments[1:] if d.rollout_state == "COMPLETED"), None)
    if last_completed is None:
        return  # nothing to roll back to, e.g. the service's first deployment
    _add_event(service, at, f"(service {service.name}) rolling back to deployment {last_completed.id}.")
    _start_deployment(
        backend,
        service,
        last_completed.task_definition,
        at,
        default_rollout_seconds,
        reason=f"ECS deployment circuit breaker: rolling back to deploymentId {last_completed.id}.",
    )


def _sync_counts(backend: EC2ContainerServiceBackend, service: Service) -> None:
    """Set the service's task counts from its deployments, and the cluster's by the difference."""
    running = sum(d.running_count for d in service.deployments)
    pending = sum(d.pending_count for d in service.deployments)
    cluster = backend.clusters.get(service.cluster_name)
    if cluster is not None:
        backend.update_cluster_resources(cluster, running - service.running_count, task_state="RUNNING")
        backend.update_cluster_resources(cluster, pending - service.pending_count, task_state="PENDING")
    service.running_count = running
    service.pending_count = pending


def _add_event(service: Service, at: datetime, message: str) -> None:
    # Newest first, and ECS keeps only the most recent ones.
    service.events.insert(0, {"id": str(uuid.uuid4()), "createdAt": at, "message": message})
    del service.events[MAX_SERVICE_EVENTS:]
