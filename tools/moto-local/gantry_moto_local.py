"""Gantry's local AWS: moto's server, patched to follow AWS where the deploy stages depend on it.

    python gantry_moto_local.py --host 127.0.0.1 --port 4566 --state-dir DIR \\
        [--ecs-rollout-seconds 3] [--ecs-task-seconds 1] [--cloudfront-invalidation-seconds 2]

It binds to a loopback address only. Once it answers requests it writes
``DIR/ready``; ``DIR/server.pid`` holds its process id while it runs. SIGTERM
or SIGINT stops it and removes both files. What is patched and why: README.md.
"""

import argparse
import ipaddress
import logging
import os
import signal
import socket
import sys
import threading
import urllib.request
from pathlib import Path

from moto import moto_api
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import make_server

import cloudfront_invalidations
import ecr_authorization
import ecs_rollouts
import ecs_standalone_tasks
import eks_endpoint
import model_data
import sts_presigned
import sts_web_identity

PID_FILE_NAME = "server.pid"
READY_FILE_NAME = "ready"

log = logging.getLogger("gantry_moto_local")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=4566)
    parser.add_argument("--state-dir", type=Path, required=True, help="directory for server.pid, ready and kube.json")
    parser.add_argument(
        "--ecs-rollout-seconds",
        type=float,
        default=3.0,
        help="time an ECS deployment takes to complete or fail (default 3)",
    )
    parser.add_argument(
        "--ecs-task-seconds",
        type=float,
        default=1.0,
        help="time a task started by RunTask or StartTask runs before its containers exit (default 1)",
    )
    parser.add_argument(
        "--cloudfront-invalidation-seconds",
        type=float,
        default=2.0,
        help="time a CloudFront invalidation stays InProgress (default 2)",
    )
    return parser.parse_args(argv)


def is_loopback(host: str) -> bool:
    """True when every address the host name stands for is a loopback address."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        return False
    return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)


def install_patches(args: argparse.Namespace) -> None:
    ecs_rollouts.install(default_rollout_seconds=args.ecs_rollout_seconds)
    ecs_standalone_tasks.install(default_task_seconds=args.ecs_task_seconds)
    ecr_authorization.install()
    cloudfront_invalidations.install(invalidation_seconds=args.cloudfront_invalidation_seconds)
    eks_endpoint.install(state_dir=args.state_dir)
    sts_web_identity.install()
    sts_presigned.install()
    model_data.install()


def wait_until_answering(base_url: str) -> None:
    with urllib.request.urlopen(f"{base_url}/moto-api/config", timeout=10) as reply:
        reply.read()


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    args = parse_args(argv)
    if not is_loopback(args.host):
        log.error("refusing to bind %s: only loopback addresses are allowed", args.host)
        return 2
    args.state_dir.mkdir(parents=True, exist_ok=True)
    pid_file = args.state_dir / PID_FILE_NAME
    ready_file = args.state_dir / READY_FILE_NAME
    ready_file.unlink(missing_ok=True)

    install_patches(args)
    # moto's request recorder (POST /moto-api/recorder/start-recording) writes to the working directory unless told
    # otherwise; keep its file with the rest of the emulator's state. Its path is read when moto is imported, so it is
    # set on the recorder itself.
    moto_api.recorder._location = str(args.state_dir / "recording.jsonl")
    # moto tells code it runs (Lambda functions, Batch jobs, CloudFormation custom resources) to call back on this port.
    os.environ.setdefault("MOTO_PORT", str(args.port))
    try:
        server = make_server(
            args.host,
            args.port,
            DomainDispatcherApplication(create_backend_app),
            threaded=True,
            request_handler=MotoRequestHandler,
        )
    except OSError as error:
        log.error("cannot listen on %s port %s: %s", args.host, args.port, error)
        return 1
    base_url = f"http://{f'[{args.host}]' if ':' in args.host else args.host}:{args.port}"
    stop_requested = threading.Event()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signal_number, lambda *_: stop_requested.set())

    serving = threading.Thread(target=server.serve_forever, name="moto-server")
    serving.start()
    try:
        pid_file.write_text(f"{os.getpid()}\n")
        wait_until_answering(base_url)
        ready_file.write_text(f"{base_url}\n")
        log.info("ready on %s (state in %s)", base_url, args.state_dir)
        stop_requested.wait()
        log.info("stopping")
    finally:
        server.shutdown()
        serving.join()
        server.server_close()
        ready_file.unlink(missing_ok=True)
        pid_file.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
