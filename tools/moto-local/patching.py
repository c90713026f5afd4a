"""Replacing methods of moto's classes while keeping moto's own implementation callable."""

import functools
from collections.abc import Callable
from typing import Any


def around(cls: type, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Replace ``cls.name`` by the decorated function.

    The function is called as ``function(original, self, *args, **kwargs)``, where
    ``original`` is moto's implementation, so it can run it, adjust its inputs or
    its result, or not call it at all.
    """
    original = getattr(cls, name)

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(original)
        def replacement(self: Any, *args: Any, **kwargs: Any) -> Any:
            return function(original, self, *args, **kwargs)

        setattr(cls, name, replacement)
        return function

    return decorate
