"""Tests of the local AWS launcher, run as a subprocess and called through boto3."""

import base64
import json
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import ClientError

LAUNCHER = Path(__file__).with_name("gantry_moto_local.py")
ROLLOUT_SECONDS = 1.0
TASK_SECONDS = 1.0
INVALIDATION_SECONDS = 1.0
ACCOUNT_ID = "123456789012"  # moto's default account
GITHUB_ISSUER = "https://token.actions.githubusercontent.com"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_launcher(state_dir: Path, *extra: str, host: str = "127.0.0.1") -> tuple[subprocess.Popen, int]:
    """Start the launcher; its output goes to state_dir/launcher.log (a pipe nobody reads could fill up)."""
    port = free_port()
    with open(state_dir / "launcher.log", "w") as log:
        process = subprocess.Popen(
            [sys.executable, str(LAUNCHER), "--host", host, "--port", str(port), "--state-dir", str(state_dir), *extra],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return process, port


def launcher_log(state_dir: Path) -> str:
    return (state_dir / "launcher.log").read_text()


def wait_ready(process: subprocess.Popen, state_dir: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not (state_dir / "ready").exists():
        if process.poll() is not None:
            raise AssertionError(f"launcher exited with {process.returncode}:\n{launcher_log(state_dir)}")
        if time.monotonic() > deadline:
            raise AssertionError("launcher did not become ready")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    state_dir = tmp_path_factory.mktemp("state")
    process, port = start_launcher(
        state_dir,
        "--ecs-rollout-seconds",
        str(ROLLOUT_SECONDS),
        "--ecs-task-seconds",
        str(TASK_SECONDS),
        "--cloudfront-invalidation-seconds",
        str(INVALIDATION_SECONDS),
    )
    wait_ready(process, state_dir)
    yield {"url": f"http://127.0.0.1:{port}", "state_dir": state_dir}
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=10)


def client(server, service_name: str, **config):
    return boto3.client(
        service_name,
        endpoint_url=server["url"],
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        **config,
    )


def until(fetch, condition, timeout: float = 10):
    """Poll ``fetch`` until ``condition`` holds for its result, and return that result."""
    deadline = time.monotonic() + timeout
    while True:
        value = fetch()
        if condition(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met in {timeout}s; last value: {value}")
        time.sleep(0.2)


# --- ECS ---------------------------------------------------------------------------------------


class Ecs:
    """A fresh cluster and helpers for one test."""

    def __init__(self, server):
        self.api = client(server, "ecs")
        self.cluster = f"c-{uuid.uuid4().hex[:8]}"
        self.api.create_cluster(clusterName=self.cluster)

    def task_definition(self, image: str = "web:1", **labels: str) -> str:
        container = {"name": "web", "image": image, "memory": 128}
        if labels:
            container["dockerLabels"] = labels
        return self.api.register_task_definition(family="web", containerDefinitions=[container])["taskDefinition"][
            "taskDefinitionArn"
        ]

    def create_service(self, task_definition: str, desired_count: int = 2, **kwargs) -> dict:
        return self.api.create_service(
            cluster=self.cluster,
            serviceName="web",
            taskDefinition=task_definition,
            desiredCount=desired_count,
            **kwargs,
        )["service"]

    def describe(self) -> dict:
        return self.api.describe_services(cluster=self.cluster, services=["web"])["services"][0]

    def update(self, **kwargs) -> dict:
        return self.api.update_service(cluster=self.cluster, service="web", **kwargs)["service"]

    def until_primary(self, rollout_state: str, timeout: float = 10) -> dict:
        return until(self.describe, lambda s: s["deployments"][0]["rolloutState"] == rollout_state, timeout)

    def stable_service(self, task_definition: str, **kwargs) -> dict:
        self.create_service(task_definition, **kwargs)
        return self.until_primary("COMPLETED")


@pytest.fixture
def ecs(server):
    return Ecs(server)


CIRCUIT_BREAKER = {"deploymentCircuitBreaker": {"enable": True, "rollback": False}}
CIRCUIT_BREAKER_WITH_ROLLBACK = {"deploymentCircuitBreaker": {"enable": True, "rollback": True}}


def messages(service: dict) -> list[str]:
    return [event["message"] for event in service["events"]]


def test_create_service_rolls_out_then_completes(ecs):
    service = ecs.create_service(ecs.task_definition(), desired_count=2)

    [deployment] = service["deployments"]
    assert re.fullmatch(r"ecs-svc/\d{19}", deployment["id"])
    assert deployment["status"] == "PRIMARY"
    assert deployment["rolloutState"] == "IN_PROGRESS"
    assert deployment["rolloutStateReason"] == f"ECS deployment {deployment['id']} in progress."
    assert (deployment["runningCount"], deployment["pendingCount"], deployment["desiredCount"]) == (0, 2, 2)
    assert deployment["createdAt"] and deployment["updatedAt"]
    assert (service["runningCount"], service["pendingCount"]) == (0, 2)

    service = ecs.until_primary("COMPLETED")
    [deployment] = service["deployments"]
    assert deployment["rolloutStateReason"] == f"ECS deployment {deployment['id']} completed."
    assert (deployment["runningCount"], deployment["pendingCount"]) == (2, 0)
    assert (service["runningCount"], service["pendingCount"]) == (2, 0)


def test_service_events_are_newest_first_like_ecs(ecs):
    ecs.create_service(ecs.task_definition(), desired_count=1)
    service = ecs.until_primary("COMPLETED")
    deployment_id = service["deployments"][0]["id"]

    events = messages(service)
    assert events[0] == "(service web) has reached a steady state."
    assert events[1] == f"(service web) (deployment {deployment_id}) deployment completed."
    assert re.fullmatch(r"\(service web\) has started 1 tasks: \(task [0-9a-f]{32}\)\.", events[2])
    assert all(event["id"] and event["createdAt"] for event in service["events"])
    assert service["events"][0]["createdAt"] >= service["events"][-1]["createdAt"]


def test_update_with_new_task_definition_starts_a_new_primary(ecs):
    first = ecs.stable_service(ecs.task_definition("web:1"))["deployments"][0]
    second_task_definition = ecs.task_definition("web:2")

    service = ecs.update(taskDefinition=second_task_definition)

    new, previous = service["deployments"]
    assert new["id"] != first["id"] and re.fullmatch(r"ecs-svc/\d{19}", new["id"])
    assert (new["status"], new["rolloutState"], new["taskDefinition"]) == (
        "PRIMARY",
        "IN_PROGRESS",
        second_task_definition,
    )
    assert (new["runningCount"], new["pendingCount"]) == (0, 2)
    assert (previous["id"], previous["status"], previous["rolloutState"]) == (first["id"], "ACTIVE", "COMPLETED")
    assert service["taskDefinition"] == second_task_definition

    service = ecs.until_primary("COMPLETED")
    assert [d["id"] for d in service["deployments"]] == [new["id"]]
    assert (service["runningCount"], service["pendingCount"]) == (2, 0)
    running = ecs.api.describe_tasks(
        cluster=ecs.cluster, tasks=ecs.api.list_tasks(cluster=ecs.cluster, serviceName="web")["taskArns"]
    )
    assert [(t["lastStatus"], t["startedBy"]) for t in running["tasks"]] == [("RUNNING", new["id"])] * 2
    replaced = ecs.api.describe_tasks(
        cluster=ecs.cluster,
        tasks=ecs.api.list_tasks(cluster=ecs.cluster, serviceName="web", desiredStatus="STOPPED")["taskArns"],
    )["tasks"]
    assert {t["stoppedReason"] for t in replaced} == {f"Scaling activity initiated by (deployment {new['id']})"}
    assert {t["startedBy"] for t in replaced} == {first["id"]}


def test_force_new_deployment_redeploys_the_same_task_definition(ecs):
    task_definition = ecs.task_definition()
    first = ecs.stable_service(task_definition)["deployments"][0]

    new, previous = ecs.update(forceNewDeployment=True)["deployments"]

    assert new["id"] != first["id"]
    assert (new["rolloutState"], new["taskDefinition"]) == ("IN_PROGRESS", task_definition)
    assert (previous["id"], previous["status"]) == (first["id"], "ACTIVE")
    assert ecs.until_primary("COMPLETED")["deployments"][0]["id"] == new["id"]


def test_update_of_desired_count_alone_scales_the_primary(ecs):
    first = ecs.stable_service(ecs.task_definition(), desired_count=2)["deployments"][0]

    service = ecs.update(desiredCount=3)

    [deployment] = service["deployments"]
    assert deployment["id"] == first["id"]
    assert (deployment["desiredCount"], deployment["runningCount"], service["runningCount"]) == (3, 3, 3)


def test_failing_tasks_trip_the_circuit_breaker(ecs):
    stable = ecs.stable_service(ecs.task_definition("web:1"), deploymentConfiguration=CIRCUIT_BREAKER)["deployments"][0]
    ecs.update(taskDefinition=ecs.task_definition("web:2", **{"gantry.local/rollout": "fail"}))

    service = ecs.until_primary("FAILED")

    failed, previous = service["deployments"]
    assert failed["rolloutStateReason"] == "ECS deployment circuit breaker: tasks failed to start."
    assert (failed["failedTasks"], failed["runningCount"], failed["pendingCount"]) == (2, 0, 0)
    assert (previous["id"], previous["status"], previous["runningCount"]) == (stable["id"], "ACTIVE", 2)
    assert service["runningCount"] == 2
    assert f"(service web) (deployment {failed['id']}) deployment failed: tasks failed to start." in messages(service)

    stopped_arns = ecs.api.list_tasks(cluster=ecs.cluster, serviceName="web", desiredStatus="STOPPED")["taskArns"]
    stopped = ecs.api.describe_tasks(cluster=ecs.cluster, tasks=stopped_arns)["tasks"]
    assert len(stopped) == 2
    for task in stopped:
        assert (task["lastStatus"], task["stopCode"]) == ("STOPPED", "EssentialContainerExited")
        assert task["stoppedReason"] == "Essential container in task exited"
        assert task["containers"][0]["exitCode"] == 1
        assert task["startedBy"] == failed["id"]


def test_circuit_breaker_rolls_back_to_the_last_completed_deployment(ecs):
    good_task_definition = ecs.task_definition("web:1")
    stable = ecs.stable_service(good_task_definition, deploymentConfiguration=CIRCUIT_BREAKER_WITH_ROLLBACK)[
        "deployments"
    ][0]
    ecs.update(taskDefinition=ecs.task_definition("web:2", **{"gantry.local/rollout": "fail"}))

    service = until(ecs.describe, lambda s: len(s["deployments"]) == 3)
    rollback, failed, previous = service["deployments"]
    assert (rollback["status"], rollback["rolloutState"], rollback["taskDefinition"]) == (
        "PRIMARY",
        "IN_PROGRESS",
        good_task_definition,
    )
    assert (
        rollback["rolloutStateReason"]
        == f"ECS deployment circuit breaker: rolling back to deploymentId {stable['id']}."
    )
    assert (failed["status"], failed["rolloutState"]) == ("ACTIVE", "FAILED")
    assert previous["id"] == stable["id"]
    assert service["taskDefinition"] == good_task_definition
    assert f"(service web) rolling back to deployment {stable['id']}." in messages(service)

    service = ecs.until_primary("COMPLETED")
    assert [d["id"] for d in service["deployments"]] == [rollback["id"]]
    assert service["runningCount"] == 2


def test_failing_tasks_without_circuit_breaker_keep_the_deployment_in_progress(ecs):
    ecs.stable_service(ecs.task_definition("web:1"))
    ecs.update(taskDefinition=ecs.task_definition("web:2", **{"gantry.local/rollout": "fail"}))

    service = until(ecs.describe, lambda s: s["deployments"][0]["failedTasks"] > 0)

    assert service["deployments"][0]["rolloutState"] == "IN_PROGRESS"


def test_hang_marker_keeps_the_deployment_in_progress(ecs):
    ecs.stable_service(ecs.task_definition("web:1"), deploymentConfiguration=CIRCUIT_BREAKER_WITH_ROLLBACK)
    ecs.update(taskDefinition=ecs.task_definition("web:2", **{"gantry.local/rollout": "hang"}))

    time.sleep(ROLLOUT_SECONDS * 2.5)

    new, previous = ecs.describe()["deployments"]
    assert (new["rolloutState"], new["runningCount"], new["pendingCount"]) == ("IN_PROGRESS", 0, 2)
    assert previous["rolloutState"] == "COMPLETED"


def test_rollout_seconds_label_sets_the_duration_per_task_definition(ecs):
    started = time.monotonic()
    ecs.create_service(ecs.task_definition(**{"gantry.local/rollout-seconds": "2.5"}))

    time.sleep(ROLLOUT_SECONDS + 0.5)
    assert ecs.describe()["deployments"][0]["rolloutState"] == "IN_PROGRESS"
    ecs.until_primary("COMPLETED")
    assert time.monotonic() - started >= 2.5


def test_task_definitions_keep_docker_labels(ecs):
    labels = {"gantry.local/rollout": "hang", "team": "web"}
    ecs.task_definition(**labels)

    described = ecs.api.describe_task_definition(taskDefinition="web")["taskDefinition"]

    assert described["containerDefinitions"][0]["dockerLabels"] == labels


def test_unknown_rollout_marker_is_rejected_at_registration(ecs):
    with pytest.raises(ClientError) as error:
        ecs.task_definition(**{"gantry.local/rollout": "explode"})
    assert error.value.response["Error"]["Code"] == "InvalidParameterException"


def test_describe_services_returns_the_deployment_configuration(ecs):
    task_definition = ecs.task_definition()
    ecs.create_service(task_definition)
    assert ecs.describe()["deploymentConfiguration"] == {
        "deploymentCircuitBreaker": {"enable": False, "rollback": False},
        "maximumPercent": 200,
        "minimumHealthyPercent": 100,
    }

    ecs.update(
        deploymentConfiguration={
            "maximumPercent": 150,
            "minimumHealthyPercent": 50,
            **CIRCUIT_BREAKER_WITH_ROLLBACK,
        }
    )
    assert ecs.describe()["deploymentConfiguration"] == {
        "deploymentCircuitBreaker": {"enable": True, "rollback": True},
        "maximumPercent": 150,
        "minimumHealthyPercent": 50,
    }


def test_create_service_keeps_the_requested_deployment_configuration(ecs):
    ecs.create_service(ecs.task_definition(), deploymentConfiguration={"minimumHealthyPercent": 0, **CIRCUIT_BREAKER})

    configuration = ecs.describe()["deploymentConfiguration"]

    assert configuration["minimumHealthyPercent"] == 0
    assert configuration["maximumPercent"] == 200
    assert configuration["deploymentCircuitBreaker"] == {"enable": True, "rollback": False}


# --- ECS standalone tasks (RunTask) -----------------------------------------------------------


def migration_task_definition(ecs: Ecs, app_labels: dict[str, str], sidecar_labels: dict[str, str] | None = None) -> str:
    """An essential ``app`` container and a non-essential ``log-router``, with the given Docker labels."""
    containers = [
        {"name": "app", "image": "app:1", "memory": 128, "essential": True, "dockerLabels": app_labels},
        {"name": "log-router", "image": "fluent-bit:1", "memory": 32, "essential": False},
    ]
    if sidecar_labels:
        containers[1]["dockerLabels"] = sidecar_labels
    return ecs.api.register_task_definition(family="migrate", containerDefinitions=containers)["taskDefinition"][
        "taskDefinitionArn"
    ]


def run_task(ecs: Ecs, task_definition: str, **kwargs) -> dict:
    answer = ecs.api.run_task(cluster=ecs.cluster, taskDefinition=task_definition, startedBy="migrations", **kwargs)
    assert answer["failures"] == []
    [task] = answer["tasks"]
    return task


def describe_task(ecs: Ecs, task_arn: str) -> dict:
    return ecs.api.describe_tasks(cluster=ecs.cluster, tasks=[task_arn])["tasks"][0]


def until_task(ecs: Ecs, task_arn: str, last_status: str) -> dict:
    return until(lambda: describe_task(ecs, task_arn), lambda t: t["lastStatus"] == last_status)


def exit_codes(task: dict) -> dict[str, int | None]:
    return {container["name"]: container.get("exitCode") for container in task["containers"]}


@pytest.mark.parametrize("exit_code", ["3", "0"])
def test_run_task_runs_then_every_container_exits_with_its_marked_code(ecs, exit_code):
    task_definition = migration_task_definition(ecs, {"gantry.local/exit-code": exit_code})
    overrides = {"containerOverrides": [{"name": "app", "command": ["./migrate", "up"]}]}

    started = run_task(ecs, task_definition, launchType="FARGATE", overrides=overrides)

    assert (started["lastStatus"], started["desiredStatus"]) == ("PENDING", "RUNNING")
    assert exit_codes(started) == {"app": None, "log-router": None}
    running = until_task(ecs, started["taskArn"], "RUNNING")
    assert running["startedAt"] and "stoppedAt" not in running
    assert {c["lastStatus"] for c in running["containers"]} == {"RUNNING"}

    stopped = until_task(ecs, started["taskArn"], "STOPPED")
    assert exit_codes(stopped) == {"app": int(exit_code), "log-router": 0}
    # ECS stops a task when an essential container exits, and says so whatever the exit code.
    assert (stopped["stopCode"], stopped["stoppedReason"]) == (
        "EssentialContainerExited",
        "Essential container in task exited",
    )
    assert stopped["desiredStatus"] == "STOPPED"
    assert stopped["createdAt"] <= stopped["startedAt"] <= stopped["stoppedAt"]
    assert stopped["overrides"] == overrides
    assert stopped["startedBy"] == "migrations"


def test_run_task_takes_the_configured_time_and_the_task_seconds_label(ecs):
    default = run_task(ecs, migration_task_definition(ecs, {}), launchType="FARGATE")
    slow = run_task(ecs, migration_task_definition(ecs, {"gantry.local/task-seconds": "3"}), launchType="FARGATE")

    stopped = until_task(ecs, default["taskArn"], "STOPPED")

    elapsed = (stopped["stoppedAt"] - stopped["createdAt"]).total_seconds()
    assert TASK_SECONDS - 0.01 <= elapsed <= TASK_SECONDS + 0.01
    assert describe_task(ecs, slow["taskArn"])["lastStatus"] != "STOPPED"
    assert exit_codes(until_task(ecs, slow["taskArn"], "STOPPED")) == {"app": 0, "log-router": 0}


def test_a_sidecar_reports_its_own_exit_code(ecs):
    task_definition = migration_task_definition(ecs, {}, sidecar_labels={"gantry.local/exit-code": "137"})

    task = until_task(ecs, run_task(ecs, task_definition, launchType="FARGATE")["taskArn"], "STOPPED")

    assert exit_codes(task) == {"app": 0, "log-router": 137}


@pytest.mark.parametrize(
    "run_arguments",
    [{"launchType": "EC2"}, {}],
    ids=["launch type EC2", "no launch type and no default capacity provider"],
)
def test_run_task_needing_ec2_capacity_runs_on_a_cluster_without_container_instances(ecs, run_arguments):
    task_definition = migration_task_definition(ecs, {"gantry.local/exit-code": "2"})

    answer = ecs.api.run_task(cluster=ecs.cluster, taskDefinition=task_definition, **run_arguments)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert answer["failures"] == []
    [task] = answer["tasks"]
    assert task["launchType"] == "EC2"
    assert exit_codes(until_task(ecs, task["taskArn"], "STOPPED"))["app"] == 2


def test_stopped_standalone_tasks_are_listed_as_desired_stopped(ecs):
    task_arn = run_task(ecs, migration_task_definition(ecs, {}), launchType="EC2")["taskArn"]

    def listed(**kwargs) -> list[str]:
        return ecs.api.list_tasks(cluster=ecs.cluster, startedBy="migrations", **kwargs)["taskArns"]

    assert listed() == [task_arn]
    assert listed(desiredStatus="STOPPED") == []
    until_task(ecs, task_arn, "STOPPED")
    assert listed() == []
    assert listed(desiredStatus="STOPPED") == [task_arn]


def test_cluster_counts_follow_standalone_tasks(ecs):
    task_arn = run_task(ecs, migration_task_definition(ecs, {}), launchType="EC2")["taskArn"]

    def counts():
        cluster = ecs.api.describe_clusters(clusters=[ecs.cluster])["clusters"][0]
        return cluster["pendingTasksCount"], cluster["runningTasksCount"]

    assert counts() == (1, 0)
    until_task(ecs, task_arn, "RUNNING")
    assert counts() == (0, 1)
    until_task(ecs, task_arn, "STOPPED")
    assert counts() == (0, 0)


def test_stop_task_stops_a_running_task_as_its_user_asked(ecs):
    task_definition = migration_task_definition(ecs, {"gantry.local/task-seconds": "60"})
    task_arn = run_task(ecs, task_definition, launchType="EC2")["taskArn"]
    until_task(ecs, task_arn, "RUNNING")

    stopped = ecs.api.stop_task(cluster=ecs.cluster, task=task_arn, reason="deploy timed out")["task"]

    assert (stopped["lastStatus"], stopped["desiredStatus"]) == ("STOPPED", "STOPPED")
    assert (stopped["stopCode"], stopped["stoppedReason"]) == ("UserInitiated", "deploy timed out")
    assert exit_codes(stopped) == {"app": 143, "log-router": 143}
    assert describe_task(ecs, task_arn)["stoppedReason"] == "deploy timed out"


def test_stop_task_of_a_pending_task_leaves_no_exit_code(ecs):
    task_definition = migration_task_definition(ecs, {"gantry.local/task-seconds": "60"})
    task_arn = run_task(ecs, task_definition, launchType="FARGATE")["taskArn"]

    stopped = ecs.api.stop_task(cluster=ecs.cluster, task=task_arn)["task"]

    assert (stopped["stopCode"], stopped["stoppedReason"]) == ("UserInitiated", "Task stopped by user")
    assert exit_codes(stopped) == {"app": None, "log-router": None}
    assert "startedAt" not in stopped


@pytest.mark.parametrize(
    "label, value",
    [("gantry.local/exit-code", "256"), ("gantry.local/exit-code", "failed"), ("gantry.local/task-seconds", "-1")],
)
def test_invalid_task_markers_are_rejected_at_registration(ecs, label, value):
    with pytest.raises(ClientError) as error:
        migration_task_definition(ecs, {label: value})
    assert error.value.response["Error"]["Code"] == "InvalidParameterException"


def test_service_tasks_ignore_the_exit_code_marker(ecs):
    ecs.stable_service(ecs.task_definition(**{"gantry.local/exit-code": "3"}))

    time.sleep(TASK_SECONDS * 1.5)

    service = ecs.describe()
    assert (service["deployments"][0]["rolloutState"], service["runningCount"]) == ("COMPLETED", 2)


# --- ECR ---------------------------------------------------------------------------------------


def test_authorization_token_expires_twelve_hours_from_now(server):
    before = time.time()

    [authorization] = client(server, "ecr").get_authorization_token()["authorizationData"]

    expires_at = authorization["expiresAt"].timestamp()
    assert before + 12 * 3600 - 5 <= expires_at <= time.time() + 12 * 3600 + 5
    assert base64.b64decode(authorization["authorizationToken"]).decode().startswith("AWS:")


# --- CloudFront --------------------------------------------------------------------------------


def test_invalidation_is_in_progress_then_completed(server):
    cloudfront = client(server, "cloudfront")
    distribution_id = cloudfront.create_distribution(
        DistributionConfig={
            "CallerReference": uuid.uuid4().hex,
            "Comment": "",
            "Enabled": True,
            "Origins": {
                "Quantity": 1,
                "Items": [
                    {
                        "Id": "site",
                        "DomainName": "site.s3.amazonaws.com",
                        "S3OriginConfig": {"OriginAccessIdentity": ""},
                    }
                ],
            },
            "DefaultCacheBehavior": {
                "TargetOriginId": "site",
                "ViewerProtocolPolicy": "redirect-to-https",
                "MinTTL": 0,
                "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
                "TrustedSigners": {"Enabled": False, "Quantity": 0},
            },
        }
    )["Distribution"]["Id"]

    created = cloudfront.create_invalidation(
        DistributionId=distribution_id,
        InvalidationBatch={
            "Paths": {"Quantity": 1, "Items": ["/*"]},
            "CallerReference": uuid.uuid4().hex,
        },
    )["Invalidation"]

    def get():
        return cloudfront.get_invalidation(DistributionId=distribution_id, Id=created["Id"])["Invalidation"]["Status"]

    def listed():
        return [
            i["Status"]
            for i in cloudfront.list_invalidations(DistributionId=distribution_id)["InvalidationList"]["Items"]
        ]

    assert created["Status"] == "InProgress"
    assert get() == "InProgress"
    assert listed() == ["InProgress"]
    until(get, lambda status: status == "Completed")
    assert listed() == ["Completed"]


# --- EKS ---------------------------------------------------------------------------------------


def test_describe_cluster_reports_the_endpoint_from_kube_json(server):
    eks = client(server, "eks")
    ec2 = client(server, "ec2")
    vpc_id = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnet_id = ec2.create_subnet(VpcId=vpc_id, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
    eks.create_cluster(
        name="apps", roleArn=f"arn:aws:iam::{ACCOUNT_ID}:role/eks", resourcesVpcConfig={"subnetIds": [subnet_id]}
    )
    kube_file = server["state_dir"] / "kube.json"

    assert eks.describe_cluster(name="apps")["cluster"]["endpoint"].endswith(".eks.amazonaws.com/")

    ca_data = base64.b64encode(b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n").decode()
    kube_file.write_text(json.dumps({"endpoint": "https://127.0.0.1:6443", "caData": ca_data}))
    try:
        cluster = eks.describe_cluster(name="apps")["cluster"]
        assert cluster["endpoint"] == "https://127.0.0.1:6443"
        assert cluster["certificateAuthority"]["data"] == ca_data
    finally:
        kube_file.unlink()
    assert eks.describe_cluster(name="apps")["cluster"]["endpoint"].endswith(".eks.amazonaws.com/")


# --- STS ---------------------------------------------------------------------------------------


def github_token(sub: str = "repo:acme/site:ref:refs/heads/main", expires_in: int = 600) -> str:
    def encode(part: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(part).encode()).rstrip(b"=").decode()

    claims = {"iss": GITHUB_ISSUER, "aud": "sts.amazonaws.com", "sub": sub, "exp": int(time.time()) + expires_in}
    return f"{encode({'alg': 'RS256', 'typ': 'JWT'})}.{encode(claims)}.c2lnbmF0dXJl"


@pytest.fixture(scope="module")
def deploy_role(server) -> str:
    """A role that GitHub Actions runs of acme/site may assume, as an account would set it up."""
    iam = client(server, "iam")
    iam.create_open_id_connect_provider(
        Url=GITHUB_ISSUER, ClientIDList=["sts.amazonaws.com"], ThumbprintList=["a" * 40]
    )
    trust_policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {
                    "Federated": f"arn:aws:iam::{ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com"
                },
                "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {
                    "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/site:*"},
                },
            }
        ],
    }
    return iam.create_role(RoleName="gantry-deploy", AssumeRolePolicyDocument=json.dumps(trust_policy))["Role"]["Arn"]


@pytest.fixture
def sts(server):
    return client(server, "sts", config=Config(signature_version=UNSIGNED))


def test_web_identity_allowed_by_the_trust_policy_gets_credentials(sts, deploy_role):
    answer = sts.assume_role_with_web_identity(
        RoleArn=deploy_role, RoleSessionName="deploy", WebIdentityToken=github_token()
    )

    assert answer["AssumedRoleUser"]["Arn"] == f"arn:aws:sts::{ACCOUNT_ID}:assumed-role/gantry-deploy/deploy"
    assert answer["SubjectFromWebIdentityToken"] == "repo:acme/site:ref:refs/heads/main"
    assert answer["Provider"] == GITHUB_ISSUER
    assert answer["Credentials"]["AccessKeyId"].startswith("ASIA")


@pytest.mark.parametrize(
    "role_name, sub",
    [
        ("gantry-deploy", "repo:other/site:ref:refs/heads/main"),
        ("no-such-role", "repo:acme/site:ref:refs/heads/main"),
    ],
)
def test_web_identity_not_allowed_by_the_trust_policy_is_denied(sts, deploy_role, role_name, sub):
    with pytest.raises(ClientError) as error:
        sts.assume_role_with_web_identity(
            RoleArn=f"arn:aws:iam::{ACCOUNT_ID}:role/{role_name}",
            RoleSessionName="deploy",
            WebIdentityToken=github_token(sub),
        )
    assert error.value.response["Error"] == {
        "Type": "Sender",
        "Code": "AccessDenied",
        "Message": "Not authorized to perform sts:AssumeRoleWithWebIdentity",
    }
    assert error.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


@pytest.mark.parametrize(
    "token, code",
    [
        ("not-a-jwt", "InvalidIdentityToken"),
        (github_token(expires_in=-60), "ExpiredTokenException"),
    ],
)
def test_invalid_web_identity_tokens_are_rejected(sts, deploy_role, token, code):
    with pytest.raises(ClientError) as error:
        sts.assume_role_with_web_identity(RoleArn=deploy_role, RoleSessionName="deploy", WebIdentityToken=token)
    assert error.value.response["Error"]["Code"] == code


# --- Launcher ----------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10"])
def test_refuses_to_bind_a_non_loopback_address(tmp_path, host):
    process, _ = start_launcher(tmp_path, host=host)

    assert process.wait(timeout=30) == 2
    assert "only loopback addresses are allowed" in launcher_log(tmp_path)
    assert not (tmp_path / "server.pid").exists()


def test_writes_pid_and_ready_files_and_stops_cleanly_on_sigterm(tmp_path):
    process, port = start_launcher(tmp_path)
    wait_ready(process, tmp_path)

    assert (tmp_path / "server.pid").read_text().strip() == str(process.pid)
    assert (tmp_path / "ready").read_text().strip() == f"http://127.0.0.1:{port}"

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0
    assert not (tmp_path / "server.pid").exists()
    assert not (tmp_path / "ready").exists()


# --- STS presigned in the query string (EKS tokens) ---------------------------------------------


def test_presigned_get_caller_identity_names_the_signer(server, sts, deploy_role):
    assumed = sts.assume_role_with_web_identity(
        RoleArn=deploy_role, RoleSessionName="eks-user", WebIdentityToken=github_token()
    )["Credentials"]
    signer = boto3.client(
        "sts",
        endpoint_url=server["url"],
        region_name="us-east-1",
        aws_access_key_id=assumed["AccessKeyId"],
        aws_secret_access_key=assumed["SecretAccessKey"],
        aws_session_token=assumed["SessionToken"],
    )
    url = signer.generate_presigned_url("get_caller_identity", ExpiresIn=60)
    assert "X-Amz-Credential=" in url and "Authorization" not in url

    with urllib.request.urlopen(url, timeout=10) as reply:
        body = reply.read().decode()

    assert "<GetCallerIdentityResponse" in body
    assert f"<Arn>arn:aws:sts::{ACCOUNT_ID}:assumed-role/gantry-deploy/eks-user</Arn>" in body
