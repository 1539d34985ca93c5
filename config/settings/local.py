"""Settings for `make run`: the production code path on one machine (gunicorn, whitenoise, SQLite)."""

from .base import *  # noqa: F403 -- settings modules layer on the base by design
