"""Settings for `make run`: the production code path on one machine (gunicorn, whitenoise, SQLite)."""

from .base import *  # noqa: F403 -- settings modules layer on the base by design

# The `make run` demo signs its officer in with a printed password and no authenticator app, so it does not
# demand a second factor. Base and production settings do (`check --deploy` warns when it is off).
SCRUTINY_REQUIRE_2FA = False
