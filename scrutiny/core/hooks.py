"""Side effects that other apps attach to every committed write (search indexing), without core importing them.

An app registers a handler in its AppConfig.ready(); `object_save` and `object_tombstone` call each handler
after the transaction commits, with the saved instance. Handlers must be quick: long work goes to a job.
"""

from collections.abc import Callable

_after_commit_handlers: list[Callable] = []


def after_commit_register(handler: Callable) -> None:
    if handler not in _after_commit_handlers:
        _after_commit_handlers.append(handler)


def after_commit_run(instance) -> None:
    for handler in _after_commit_handlers:
        handler(instance)
