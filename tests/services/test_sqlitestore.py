"""WVP_SQLITE_SYNCHRONOUS: the library's SQLite store with a chosen `PRAGMA synchronous`."""

import pytest

from tests.services.helpers import meld_ziek, stored_counts
from wvp.runtime import Platform


def _synchronous(app) -> int:
    with app.recorder.datastore.transaction(commit=False) as cursor:
        cursor.execute("PRAGMA synchronous")
        return cursor.fetchone()[0]


def test_normal_synchronous_applies_to_every_connection(tmp_path):
    env = {
        "WVP_DATA_DIR": str(tmp_path),
        "WVP_DATABASE_URL": "",
        "WVP_SQLITE_SYNCHRONOUS": "normal",
    }
    platform = Platform(env, policy=False).start()
    try:
        meld_ziek(platform)
        normal = 1
        assert {app.name: _synchronous(app) for app in platform.services} == {
            app.name: normal for app in platform.services
        }
        counts = stored_counts(platform)
    finally:
        platform.stop()
    default = Platform({**env, "WVP_SQLITE_SYNCHRONOUS": ""}, policy=False).start()
    try:  # the same files, read back with the library's own store and its default (FULL)
        assert stored_counts(default) == counts
        assert _synchronous(default.werkgever) == 2
    finally:
        default.stop()


def test_an_unknown_level_is_refused(tmp_path):
    env = {"WVP_DATA_DIR": str(tmp_path), "WVP_DATABASE_URL": "", "WVP_SQLITE_SYNCHRONOUS": "fast"}
    with pytest.raises(OSError, match="SQLITE_SYNCHRONOUS"):
        Platform(env, policy=False)
