"""ECS standalone tasks (RunTask, StartTask) that run for a while, then exit with an exit code.

moto reports a RunTask task with one container (the first), whose exit code is
always 0, steps it through its states one per DescribeTasks call, leaves its
desired status ``RUNNING`` for good, and answers an EC2 launch type on a cluster
without container instances with an HTTP 500. Here, as in ECS:

* a task is ``PENDING``, then ``RUNNING``, then ``STOPPED`` when its run time
  (``--ecs-task-seconds``) is up; it is ``PENDING`` for half of the shorter of
  its run time and ``--ecs-task-seconds``;
* every container of its task definition is reported; when the task stops,
  each one reports its exit code, the task has ``stopCode``
  ``EssentialContainerExited`` and ``stoppedReason`` ``Essential container in
  task exited`` (ECS says so whatever the exit code), and its desired status is
  ``STOPPED``, so ListTasks finds it with ``desiredStatus=STOPPED`` and no
  longer without;
* StopTask stops it at once: ``stopCode`` ``UserInitiated``, the reason given
  (else ``Task stopped by user``); containers that were running exit with 143
  (128 + SIGTERM), containers that never started report no exit code;
* a task with launch type EC2 (or EXTERNAL, or an EC2 capacity provider) on a
  cluster with no container instance at all runs as if the cluster had the
  capacity: locally there are no instances to register, and the seeded service
  uses the EC2 launch type. A cluster that has container instances keeps moto's
  placement on them.

State advances lazily: whenever a call reads tasks, every task whose time has
come is settled, so no background thread is needed.

Markers, as Docker labels of a container in the task definition:

* ``gantry.local/exit-code: N`` -- that container exits with N (0-255; default 0);
* ``gantry.local/task-seconds: N`` -- the run time of this task definition's
  tasks instead of the server's default (any container may carry it).
"""

import math
import threading
import uuid
from datetime import datetime, timedelta
from typing import Any

from moto.core.utils import utcnow
from moto.ecs.exceptions import InvalidParameterException
from moto.ecs.models import EC2ContainerServiceBackend, Task, TaskDefinition

from patching import around

EXIT_CODE_LABEL = "gantry.local/exit-code"
TASK_SECONDS_LABEL = "gantry.local/task-seconds"
FARGATE_CAPACITY_PROVIDERS = ("FARGATE", "FARGATE_SPOT")
# A container that was running when StopTask came: Docker's code for a process ended by SIGTERM.
SIGTERM_EXIT_CODE = 143
ESSENTIAL_CONTAINER_EXITED = "Essential container in task exited"

# moto serves requests on several threads; tasks change under this lock.
_lock = threading.RLock()


class StandaloneTask:
    """A task started by RunTask or StartTask.

    Built from the task moto created (which did the validation, the network
    interface of ``awsvpc`` tasks and the placement on container instances).
    Attribute names follow the ECS API's Task shape, which is how moto
    serialises it, and include those moto's ListTasks/DescribeTasks read.
    """

    def __init__(self, task: Task, task_definition: TaskDefinition, at: datetime, seconds: float, pending_seconds: float):
        self.id = task.id
        self.task_arn = task.task_arn
        self.cluster_name = task.cluster_name
        self.cluster_arn = task.cluster_arn
        self.task_definition_arn = task.task_definition_arn
        self.container_instance_arn = task.container_instance_arn
        self.resource_requirements = task.resource_requirements
        self.group = task.group
        self.started_by = task.started_by
        self.overrides = task.overrides
        self.tags = task.tags
        self.launch_type = task.launch_type
        self.capacity_provider_name = task.capacity_provider_name
        self.platform_version = task.platform_version
        self.attachments = task.attachments
        self.last_status = "PENDING"
        self.desired_status = "RUNNING"
        self.created_at = at
        self.started_at: datetime | None = None
        self.stopping_at: datetime | None = None
        self.stopped_at: datetime | None = None
        self.stop_code: str | None = None
        self.stopped_reason: str | None = None
        self.runs_at = at + timedelta(seconds=pending_seconds)
        self.exits_at = at + timedelta(seconds=seconds)
        self._definitions = task_definition.container_definitions
        self._container_ids = [str(uuid.uuid4()) for _ in self._definitions]
        self._exit_codes: dict[str, int | None] = {}

    def advance(self) -> None:
        """moto's DescribeTasks steps its own tasks through their states here; these follow the clock."""

    @property
    def containers(self) -> list[dict[str, Any]]:
        arn_prefix = self.task_arn.replace(":task/", ":container/", 1).rsplit("/", 1)[0]
        return [
            {
                "containerArn": f"{arn_prefix}/{self.id}/{container_id}",
                "taskArn": self.task_arn,
                "name": definition.get("name"),
                "image": definition.get("image"),
                "lastStatus": self.last_status,
                "exitCode": self._exit_codes.get(definition.get("name")),
                "networkBindings": [],
                "networkInterfaces": [],
                "healthStatus": "UNKNOWN",
                "cpu": str(definition.get("cpu", 0)),
                "memory": str(definition["memory"]) if definition.get("memory") else None,
            }
            for definition, container_id in zip(self._definitions, self._container_ids)
        ]

    def settle(self, backend: EC2ContainerServiceBackend, now: datetime) -> None:
        """Bring the task up to ``now``, each step as of its own time."""
        if self.last_status == "PENDING" and now >= self.runs_at:
            self._move(backend, "RUNNING")
            self.started_at = self.runs_at
        if self.last_status == "RUNNING" and now >= self.exits_at:
            self._exit_codes = {d.get("name"): _exit_code(d) for d in self._definitions}
            self._stop(backend, self.exits_at, "EssentialContainerExited", ESSENTIAL_CONTAINER_EXITED)

    def stop_by_user(self, backend: EC2ContainerServiceBackend, reason: str | None) -> None:
        if self.last_status == "STOPPED":
            return  # ECS answers StopTask of a stopped task with the task as it is
        if self.last_status == "RUNNING":
            self._exit_codes = {d.get("name"): SIGTERM_EXIT_CODE for d in self._definitions}
        self._stop(backend, utcnow(), "UserInitiated", reason or "Task stopped by user")

    def _stop(self, backend: EC2ContainerServiceBackend, at: datetime, stop_code: str, reason: str) -> None:
        self._move(backend, "STOPPED")
        self.desired_status = "STOPPED"
        self.stopping_at = self.stopped_at = at
        self.stop_code = stop_code
        self.stopped_reason = reason
        if self.container_instance_arn:
            instance = backend.container_instances[self.cluster_name][self.container_instance_arn.split("/")[-1]]
            backend.update_container_instance_resources(instance, self.resource_requirements, removing=True)

    def _move(self, backend: EC2ContainerServiceBackend, status: str) -> None:
        """Change the last status, keeping the cluster's pending and running counts."""
        cluster = backend.clusters.get(self.cluster_name)
        if cluster is not None:
            backend.update_cluster_resources(cluster, -1, task_state=self.last_status)
            backend.update_cluster_resources(cluster, 1, task_state=status)
        self.last_status = status


def install(default_task_seconds: float) -> None:
    """Patch moto's ECS backend; call once, before serving."""

    @around(EC2ContainerServiceBackend, "register_task_definition")
    def register_task_definition(original, backend, family, container_definitions, *args, **kwargs):
        # Reject a mistyped marker when it is registered rather than when a task runs.
        for container in container_definitions:
            _exit_code(container)
        _task_seconds(container_definitions, default_task_seconds)
        return original(backend, family, container_definitions, *args, **kwargs)

    @around(EC2ContainerServiceBackend, "run_task")
    def run_task(
        original,
        backend,
        cluster_str,
        task_definition_str,
        count,
        overrides,
        started_by,
        tags,
        launch_type,
        networking_configuration=None,
        group=None,
        platform_version=None,
        capacity_provider_strategy=None,
    ):
        with _lock:
            arguments = [cluster_str, task_definition_str, count, overrides, started_by, tags, launch_type]
            extra = [networking_configuration, group, platform_version, capacity_provider_strategy]
            placed_on = _ec2_capacity_needed(backend, cluster_str, launch_type, capacity_provider_strategy)
            if placed_on is None:
                tasks = original(backend, *arguments, *extra)
            else:
                # moto places Fargate tasks without container instances; run these the same way, then say what they are.
                arguments[-1] = "FARGATE"
                tasks = original(backend, *arguments, networking_configuration, group, platform_version, None)
                for task in tasks:
                    task.launch_type = placed_on["launch_type"]
                    task.capacity_provider_name = placed_on["capacity_provider"]
            return _adopt(backend, tasks, task_definition_str, default_task_seconds)

    @around(EC2ContainerServiceBackend, "start_task")
    def start_task(original, backend, cluster_str, task_definition_str, *args, **kwargs):
        with _lock:
            tasks = original(backend, cluster_str, task_definition_str, *args, **kwargs)
            return _adopt(backend, tasks, task_definition_str, default_task_seconds)

    @around(EC2ContainerServiceBackend, "stop_task")
    def stop_task(original, backend, cluster_str, task_str, reason):
        with _lock:
            _settle_all(backend)
            cluster = backend._get_cluster(cluster_str)
            task_id = task_str.split("/")[-1]
            for task in backend.tasks.get(cluster.name, {}).values():
                if isinstance(task, StandaloneTask) and task.id == task_id:
                    task.stop_by_user(backend, reason)
                    return task
            return original(backend, cluster_str, task_str, reason)

    # Whatever reads tasks or the cluster's task counts sees them as of now.
    for reader in ("describe_tasks", "list_tasks", "describe_clusters", "describe_container_instances"):
        _settle_before(reader)


def _settle_before(name: str) -> None:
    @around(EC2ContainerServiceBackend, name)
    def settled(original, backend, *args, **kwargs):
        with _lock:
            _settle_all(backend)
            return original(backend, *args, **kwargs)


def _settle_all(backend: EC2ContainerServiceBackend) -> None:
    now = utcnow()
    for cluster_tasks in backend.tasks.values():
        for task in cluster_tasks.values():
            if isinstance(task, StandaloneTask):
                task.settle(backend, now)


def _adopt(
    backend: EC2ContainerServiceBackend, tasks: list[Task], task_definition_str: str, default_task_seconds: float
) -> list[StandaloneTask]:
    """Replace the tasks moto created by standalone tasks that start ``PENDING`` now."""
    task_definition = backend.describe_task_definition(task_definition_str)
    seconds = _task_seconds(task_definition.container_definitions, default_task_seconds)
    now = utcnow()
    adopted = []
    for task in tasks:
        standalone = StandaloneTask(task, task_definition, now, seconds, min(seconds, default_task_seconds) / 2)
        backend.tasks[task.cluster_name][task.task_arn] = standalone
        cluster = backend.clusters.get(task.cluster_name)
        if cluster is not None:
            if task.container_instance_arn:
                # moto counted a task it placed on an instance as running.
                backend.update_cluster_resources(cluster, -1, task_state="RUNNING")
            backend.update_cluster_resources(cluster, 1, task_state="PENDING")
        adopted.append(standalone)
    return adopted


def _ec2_capacity_needed(
    backend: EC2ContainerServiceBackend,
    cluster_str: str,
    launch_type: str | None,
    capacity_provider_strategy: list[dict[str, Any]] | None,
) -> dict[str, str | None] | None:
    """What a task needing container instances runs as when the cluster has none; None to leave it to moto.

    moto itself rejects invalid combinations (an unknown launch type, both a
    launch type and a strategy, an unknown cluster), so those are left to it.
    """
    if launch_type and (launch_type not in ("EC2", "EXTERNAL") or capacity_provider_strategy):
        return None
    try:
        cluster = backend._get_cluster(cluster_str)
    except Exception:
        return None
    strategy = capacity_provider_strategy
    if not launch_type and not strategy:
        strategy = cluster.default_capacity_provider_strategy
    capacity_provider = strategy[0]["capacityProvider"] if strategy else None
    if capacity_provider in FARGATE_CAPACITY_PROVIDERS:
        return None
    if backend.container_instances.get(cluster.name):
        return None
    return {"launch_type": launch_type or "EC2", "capacity_provider": capacity_provider}


def _exit_code(container_definition: dict[str, Any]) -> int:
    value = (container_definition.get("dockerLabels") or {}).get(EXIT_CODE_LABEL, "0")
    try:
        code = int(value)
    except ValueError:
        code = -1
    if not 0 <= code <= 255:
        raise InvalidParameterException(f"Docker label {EXIT_CODE_LABEL} is '{value}'; use an exit code from 0 to 255.")
    return code


def _task_seconds(container_definitions: list[dict[str, Any]], default_seconds: float) -> float:
    for container in container_definitions:
        value = (container.get("dockerLabels") or {}).get(TASK_SECONDS_LABEL)
        if value is None:
            continue
        try:
            seconds = float(value)
        except ValueError:
            seconds = -1
        if not (math.isfinite(seconds) and seconds >= 0):
            raise InvalidParameterException(f"Docker label {TASK_SECONDS_LABEL} is '{value}'; use a number of seconds.")
        return seconds
    return default_seconds
