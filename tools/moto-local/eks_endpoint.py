"""EKS clusters that point at a real Kubernetes API server.

moto gives every cluster an unreachable ``*.eks.amazonaws.com`` endpoint and a
random certificate. When the state directory holds ``kube.json``::

    {"endpoint": "https://127.0.0.1:6443", "caData": "<base64 PEM>"}

DescribeCluster reports that endpoint and ``certificateAuthority.data`` for
every cluster, so ``aws eks update-kubeconfig`` and Kubernetes clients reach a
local API server. The file is read on each call, so it can appear (or change)
after start-up; write it atomically (to a temporary name, then rename).
"""

import copy
import json
import logging
from pathlib import Path

from moto.eks.models import Cluster, EKSBackend

from patching import around

KUBE_FILE_NAME = "kube.json"

log = logging.getLogger(__name__)


def install(state_dir: Path) -> None:
    """Patch moto's EKS backend; call once, before serving."""
    kube_file = state_dir / KUBE_FILE_NAME

    @around(EKSBackend, "describe_cluster")
    def describe_cluster(original, backend, *args, **kwargs):
        cluster = original(backend, *args, **kwargs)
        kube = _read_kube_file(kube_file)
        if kube is None:
            return cluster
        # A copy, so moto's own endpoint comes back if the file goes away.
        reported: Cluster = copy.copy(cluster)
        reported.endpoint = kube["endpoint"]
        reported.certificate_authority = {"data": kube["caData"]}
        return reported


def _read_kube_file(kube_file: Path) -> dict[str, str] | None:
    try:
        kube = json.loads(kube_file.read_text())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.error("ignoring %s: %s", kube_file, error)
        return None
    if not isinstance(kube, dict) or not all(isinstance(kube.get(key), str) for key in ("endpoint", "caData")):
        log.error('ignoring %s: it needs string fields "endpoint" and "caData"', kube_file)
        return None
    return kube
