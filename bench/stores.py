"""Fresh, throw-away stores for benchmarks: a temporary SQLite directory or a new PostgreSQL
schema on the local test server, dropped afterwards."""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import uuid4

import psycopg
from psycopg import sql

# The local server the tests use too; another server can be named for a benchmark run.
POSTGRES_URL = os.environ.get("WVP_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
KINDS = ("sqlite", "postgres")


@contextmanager
def fresh_store(kind: str) -> Iterator[dict[str, str]]:
    """The `Platform` environment of an empty store of `kind`; everything is removed on exit.

    The data dir is temporary for PostgreSQL as well: it holds the medical key and decision log.
    """
    with tempfile.TemporaryDirectory(prefix="wvp-bench-") as data_dir:
        env = {"WVP_DATA_DIR": data_dir, "WVP_DATABASE_URL": "", "WVP_DATABASE_SCHEMA": ""}
        if kind == "sqlite":
            yield env
            return
        if kind != "postgres":
            raise ValueError(f"unknown store kind {kind!r}, expected one of {KINDS}")
        schema = f"bench_{uuid4().hex}"
        with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        try:
            yield {**env, "WVP_DATABASE_URL": POSTGRES_URL, "WVP_DATABASE_SCHEMA": schema}
        finally:
            with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=5) as conn:
                conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


def postgres_version() -> str | None:
    """The server's version, or None when no server answers."""
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=3) as conn:
            return conn.execute("SHOW server_version").fetchone()[0]
    except psycopg.OperationalError:
        return None
