"""Fixtures shared by every test folder: the platform on each kind of store.

`store_env` is parametrized over SQLite (files in a temporary WVP_DATA_DIR) and PostgreSQL (a
fresh schema per test, dropped afterwards). The PostgreSQL case is skipped only when nothing
listens on the server's address and WVP_REQUIRE_POSTGRES is unset (or empty/0); with
WVP_REQUIRE_POSTGRES=1 an unreachable server fails instead, so CI cannot pass without it.
"""

import os
import socket
from urllib.parse import urlparse
from uuid import uuid4

import psycopg
import pytest
from psycopg import sql

from wvp.runtime import Platform

POSTGRES_URL = os.environ.get("WVP_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")

# The suite's fixtures build dossiers dated in 2026 under today's clock, so almost every fact
# they record lies months before its recording. The rule that backdating asks for a reason is
# tested where it is meant to bite (tests/services/test_terugdatering.py, the features, which run
# with the platform's default); elsewhere it is off, also for the processes tests start.
os.environ.setdefault("WVP_TERUGDATEREN_ZONDER_REDEN_DAGEN", "0")


def _server_listens(url: str) -> bool:
    address = urlparse(url)
    try:
        with socket.create_connection((address.hostname, address.port or 5432), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def postgres_url() -> str:
    # A session fixture's skip or failure is cached, so an absent server costs one timeout.
    if not _server_listens(POSTGRES_URL):
        message = f"PostgreSQL is not reachable at {POSTGRES_URL}"
        if os.environ.get("WVP_REQUIRE_POSTGRES", "") not in ("", "0"):
            pytest.fail(message + " and WVP_REQUIRE_POSTGRES is set")
        pytest.skip(message)
    return POSTGRES_URL


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_env(request, tmp_path):
    """The environment for `Platform(env)`; the same dict reopens the same stores."""
    # WVP_DATA_DIR also holds the medical key file, so a restart decrypts what it stored.
    env = {"WVP_DATA_DIR": str(tmp_path / "data"), "WVP_DATABASE_URL": ""}
    if request.param == "sqlite":
        yield env
        return
    url = request.getfixturevalue("postgres_url")
    schema = f"test_{uuid4().hex}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        yield {**env, "WVP_DATABASE_URL": url, "WVP_DATABASE_SCHEMA": schema}
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture
def platform_options() -> dict:
    """Keyword arguments for `Platform`; a folder's conftest may override this fixture."""
    return {}


@pytest.fixture
def platform(store_env, platform_options):
    started = Platform(store_env, **platform_options).start()
    yield started
    started.stop()  # stopping twice is harmless, so a test may stop it early
