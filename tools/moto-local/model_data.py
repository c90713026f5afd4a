"""moto's data API (``/moto-api/data.json``), which tests read the emulator's state through, lists every S3 object
moto ever tracked. For an object whose bucket was deleted since, the ``status`` property looks the bucket up and
raises ``MissingBucket``, which turns the whole answer into a 500. Such an object's status reads as ``None``."""

from moto.s3.exceptions import MissingBucket
from moto.s3.models import FakeKey


def install() -> None:
    original = FakeKey.status

    def status(self: FakeKey) -> str | None:
        try:
            return original.fget(self)  # type: ignore[misc]
        except MissingBucket:
            return None

    FakeKey.status = property(status, original.fset)  # type: ignore[method-assign, assignment]
