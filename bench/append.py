"""Append: commands recorded per second through the platform, next to raw INSERTs.

Ours: a simulated population (wvp.simulate, seed fixed) runs on a fresh store with the policy on;
only the time inside `Platform.execute` counts (policy decision and decision log, validation,
loading the aggregate, recording, and the reactions of the other services), not the simulator's
planning.

Baseline: afterwards every row those commands left in the stores, the decision log's included
(the same originator ids, versions, topics and stored, possibly encrypted, state bytes; not the
followers' tracking rows, which share a transaction with their events) is INSERTed with plain SQL
into an empty table of the library's own shape in the same database, one transaction per row,
the way a store without our code would record each event. Both figures are in commands/s: the
baseline is the number of commands divided by the time the raw INSERTs of their rows took.
"""

import sqlite3
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from bench import Measurement
from bench.stores import KINDS, fresh_store
from readmodel.port import notifications
from wvp.runtime import Platform
from wvp.simulate import simulate

GOAL = ">= 30% of raw INSERT"
SEED = 8


def _timed(execute: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    @wraps(execute)
    def run(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)

    return run


def _raw_sqlite(data_dir: str, rows: list[tuple]) -> float:
    """Seconds to INSERT `rows` into a new SQLite file, one transaction each, in WAL mode as the
    library's stores are."""
    connection = sqlite3.connect(Path(data_dir) / "raw.sqlite", isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(
            "CREATE TABLE raw_events (originator_id TEXT, originator_version INTEGER, topic TEXT, "
            "state BLOB, PRIMARY KEY (originator_id, originator_version))"
        )
        started = time.perf_counter()
        for row in rows:
            connection.execute("BEGIN")
            connection.execute("INSERT INTO raw_events VALUES (?, ?, ?, ?)", row)
            connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def _raw_postgres(env: dict[str, str], rows: list[tuple]) -> float:
    """Seconds to INSERT `rows` into a new table of the store's schema, one transaction each,
    returning the notification id as the library's insert does."""
    table = sql.Identifier(env["WVP_DATABASE_SCHEMA"], "raw_events")
    with psycopg.connect(env["WVP_DATABASE_URL"], autocommit=True) as connection:
        connection.execute(
            sql.SQL(
                "CREATE TABLE {} (originator_id uuid NOT NULL, originator_version bigint NOT NULL, "
                "topic text, state bytea, notification_id bigserial UNIQUE, "
                "PRIMARY KEY (originator_id, originator_version))"
            ).format(table)
        )
        insert = sql.SQL("INSERT INTO {} VALUES (%s, %s, %s, %s) RETURNING notification_id")
        insert = insert.format(table)
        started = time.perf_counter()
        for row in rows:
            connection.execute(insert, row, prepare=True)
        return time.perf_counter() - started


def measure(kind: str, employees: int, days: int) -> Measurement:
    with fresh_store(kind) as env:
        platform = Platform(env).start()
        try:
            spent: list[float] = []
            platform.execute = _timed(platform.execute, spent)  # type: ignore[method-assign]
            simulate(platform, employees, days, SEED)
            stores = [*platform.services, platform.policy.log]
            rows = [
                (n.originator_id, n.originator_version, n.topic, n.state)
                for log in stores
                for n in notifications(log)
            ]
        finally:
            platform.stop()
        if kind == "sqlite":
            rows = [(str(o.hex), v, t, s) for o, v, t, s in rows]
            raw_seconds = _raw_sqlite(env["WVP_DATA_DIR"], rows)
        else:
            raw_seconds = _raw_postgres(env, rows)
    commands, ours_seconds = len(spent), sum(spent)
    return Measurement(
        name=f"append {kind}",
        unit="commands/s",
        ours=commands / ours_seconds,
        baseline=commands / raw_seconds,
        baseline_label="raw INSERT of the same stored rows, one transaction per row",
        goal=GOAL,
        bound=(
            "the library's save path: one transaction per service touched (the command, each "
            "reaction, the decision log entry), with loading and encoding (AES for medical "
            "services); then the OPA decision and its context (about a third)"
        ),
        details={
            "commands": commands,
            "events": len(rows),
            "events_per_command": round(len(rows) / commands, 2),
            "ours_seconds": round(ours_seconds, 3),
            "raw_seconds": round(raw_seconds, 3),
            "population": {"employees": employees, "days": days, "seed": SEED},
        },
    )


def run(quick: bool) -> list[Measurement]:
    employees, days = (30, 365) if quick else (200, 365)
    return [measure(kind, employees, days) for kind in KINDS]
