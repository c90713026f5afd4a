"""CloudFront invalidations that are ``InProgress`` for a while, then ``Completed``.

moto reports a new invalidation as done at once (and spells the status
``COMPLETED``); CloudFront reports ``InProgress`` until the edge caches are
cleared and ``Completed`` after. Progress is evaluated whenever an invalidation
is read.
"""

from datetime import timedelta

from moto.cloudfront.models import CloudFrontBackend, Invalidation
from moto.core.utils import utcnow

from patching import around

IN_PROGRESS = "InProgress"
COMPLETED = "Completed"


def install(invalidation_seconds: float) -> None:
    """Patch moto's CloudFront backend; call once, before serving."""
    duration = timedelta(seconds=invalidation_seconds)

    @around(CloudFrontBackend, "create_invalidation")
    def create_invalidation(original, backend, *args, **kwargs):
        invalidation = original(backend, *args, **kwargs)
        invalidation.status = IN_PROGRESS
        invalidation.completes_at = invalidation.create_time + duration
        return invalidation

    @around(CloudFrontBackend, "get_invalidation")
    def get_invalidation(original, backend, *args, **kwargs):
        invalidation = original(backend, *args, **kwargs)
        _refresh(invalidation)
        return invalidation

    @around(CloudFrontBackend, "list_invalidations")
    def list_invalidations(original, backend, dist_id, **pagination):
        for invalidation in backend.invalidations.get(dist_id, []):
            _refresh(invalidation)
        return original(backend, dist_id=dist_id, **pagination)


def _refresh(invalidation: Invalidation) -> None:
    if invalidation.status == IN_PROGRESS and utcnow() >= invalidation.completes_at:
        invalidation.status = COMPLETED
