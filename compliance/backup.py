"""Backup and restore of the embedded platform's stores, each tied to a signed checkpoint.

SQLite: every store file (the five services and the decision log) is copied with SQLite's online
backup API (`sqlite3.Connection.backup`). The copies are read from read transactions that were
all opened while every store's write lock was held, so together they are one moment across the
stores: a follower's copy never tracks a leader's fact that the leader's copy lacks. Writers wait
only while those transactions open, not while the files are copied. PostgreSQL: `pg_dump` of the
configured schema (one snapshot of all its tables) and `pg_restore` back into it; both need the
PostgreSQL client tools. A medical key kept as a file in the data directory goes along (with
WVP_MEDICAL_KEY it stays in the secret store).

`backup` first writes a checkpoint (`compliance.checkpoint`, refused while the store does not
verify), which the copy then holds, and keeps a copy of its signed file with the backup.
`restore` puts the stores back; `record_restore` then checks that the restored stores are whole
and hold that checkpoint, and writes the signed restore record that lets `wvp verify` tell a
deliberate restore from a rollback.
"""

import json
import os
import secrets
import shutil
import sqlite3
import subprocess
from contextlib import ExitStack, closing
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from compliance.checkpoint import (
    RESTORE,
    Checkpoint,
    CheckpointError,
    CheckpointSettings,
    Refused,
    Restore,
    Untrusted,
    now,
    read_signed,
    write_checkpoint,
    write_signed,
)
from compliance.verify import Stores, verify
from policies.decisionlog import DecisionLog
from services.shared.config import Settings

MANIFEST = "backup.json"
DUMP = "postgres.dump"
MEDICAL_KEY = "medical.key"
LOCK_TIMEOUT = 30  # seconds to wait for a store's write lock (the library's writers wait 10)


class BackupError(Exception):
    """A backup or restore that cannot go ahead; one line for the user."""


@dataclass(frozen=True)
class Backup:
    """What `backup.json` says about the backup next to it."""

    path: Path
    made_at: datetime
    store: str  # `compliance.checkpoint.store_identity` of the store it was taken from
    kind: str  # "sqlite" or "postgres"
    files: tuple[str, ...]  # the store files (SQLite) or the dump (PostgreSQL)
    schema: str | None  # PostgreSQL: the schema dumped
    checkpoint: str  # the file name of the checkpoint it holds, kept next to it
    medical_key: bool  # the data directory's medical key file is in it

    def write(self) -> None:
        data = {**asdict(self), "made_at": self.made_at.isoformat()}
        del data["path"]
        (self.path / MANIFEST).write_text(json.dumps(data, indent=2) + "\n")

    @classmethod
    def read(cls, path: Path) -> "Backup":
        try:
            data: dict[str, Any] = json.loads((path / MANIFEST).read_text())
            return cls(
                path=path,
                made_at=datetime.fromisoformat(data["made_at"]),
                store=data["store"],
                kind=data["kind"],
                files=tuple(data["files"]),
                schema=data["schema"],
                checkpoint=data["checkpoint"],
                medical_key=data["medical_key"],
            )
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise BackupError(f"{path} is geen backup van wvp backup ({MANIFEST}: {e})") from None


def backup(
    stores: Stores, settings: Settings, checkpoints: CheckpointSettings, dest: Path
) -> Backup:
    """Copy the configured store to `dest` (new or empty), holding a fresh checkpoint."""
    if dest.exists() and any(dest.iterdir()):
        raise BackupError(f"{dest} is niet leeg: kies een nieuwe map voor de backup")
    checkpoint, _ = write_checkpoint(stores, checkpoints)
    dest.mkdir(parents=True, exist_ok=True)
    made_at = now()
    if settings.database_url:
        schema = _schema(settings)
        _tool(
            "pg_dump",
            "--format=custom",
            f'--schema="{schema}"',
            "--no-owner",
            "--no-privileges",
            f"--file={dest / DUMP}",
            settings=settings,
        )
        files: tuple[str, ...] = (DUMP,)
    else:
        schema = None
        names = [service.name for service in stores.services] + [DecisionLog.name]
        files = _copy_sqlite(settings.data_dir, names, dest)
    shutil.copy2(checkpoints.directory / checkpoint.file_name, dest / checkpoint.file_name)
    key_file = settings.data_dir / MEDICAL_KEY
    medical_key = settings.medical_key is None and key_file.exists()
    if medical_key:
        shutil.copy2(key_file, dest / MEDICAL_KEY)
    made = Backup(
        dest,
        made_at,
        checkpoints.store,
        settings.store_kind,
        files,
        schema,
        checkpoint.file_name,
        medical_key,
    )
    made.write()  # last: a directory without it is an unfinished backup
    return made


def _copy_sqlite(data_dir: Path, names: list[str], dest: Path) -> tuple[str, ...]:
    paths = [p for p in (data_dir / f"{name}.sqlite" for name in names) if p.exists()]
    with ExitStack() as stack:

        def connect(path: Path) -> sqlite3.Connection:
            return stack.enter_context(
                closing(sqlite3.connect(path, timeout=LOCK_TIMEOUT, isolation_level=None))
            )

        locks = [connect(p) for p in paths]
        readers = [connect(p) for p in paths]
        for lock in locks:
            lock.execute("BEGIN IMMEDIATE")
        for reader in readers:  # a read transaction keeps the moment its first read sees
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        for lock in locks:
            lock.execute("ROLLBACK")
        for path, reader in zip(paths, readers, strict=True):
            with closing(sqlite3.connect(dest / path.name)) as copy:
                reader.backup(copy)
    return tuple(p.name for p in paths)


def restore(settings: Settings, src: Path, replace: bool = False) -> Backup:
    """Put the stores in `src` back into the configured store. Refuses to overwrite a store
    unless `replace`. Records nothing: see `record_restore`."""
    made = Backup.read(src)
    if made.kind != settings.store_kind:
        raise BackupError(
            f"de backup is van een {made.kind}-opslag, de geconfigureerde is {settings.store_kind}"
        )
    key_file, their_key = settings.data_dir / MEDICAL_KEY, src / MEDICAL_KEY
    if (
        made.medical_key
        and not replace
        and key_file.exists()
        and key_file.read_bytes() != their_key.read_bytes()
    ):
        raise BackupError(
            f"{key_file} is een andere medische sleutel dan die van de backup: geef --replace om "
            "hem te vervangen"
        )
    if made.kind == "sqlite":
        targets = [settings.data_dir / name for name in made.files]
        occupied = [p.name for p in targets if p.exists()]
        if occupied and not replace:
            raise BackupError(
                f"{settings.data_dir} bevat al {', '.join(occupied)}: stop het platform en geef "
                "--replace om de opslag te vervangen"
            )
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        for target in targets:
            with (
                closing(sqlite3.connect(src / target.name)) as source,
                closing(sqlite3.connect(target)) as copy,
            ):
                source.backup(copy)
    else:
        _restore_schema(settings, made, replace)
    if made.medical_key:
        shutil.copy2(their_key, key_file)
    return made


def _restore_schema(settings: Settings, made: Backup, replace: bool) -> None:
    schema = _schema(settings)
    if schema != made.schema:
        raise BackupError(
            f"de backup is van schema {made.schema}, geconfigureerd is {schema}: zet "
            f"WVP_DATABASE_SCHEMA={made.schema} om hem terug te zetten"
        )
    name = sql.Identifier(schema)
    with psycopg.connect(**_libpq(settings), autocommit=True) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = %s", (schema,)
        ).fetchone()[0]
        if tables and not replace:
            raise BackupError(
                f"schema {schema} bevat al een opslag: stop het platform en geef --replace om "
                "die te vervangen"
            )
        exists = conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone()
        # The dump makes the schema itself. The one it replaces stays aside until the restore
        # has committed, so a failed restore leaves the store as it was.
        aside = sql.Identifier(f"{schema[:40]}_vervangen_{secrets.token_hex(4)}")
        if exists:
            conn.execute(sql.SQL("ALTER SCHEMA {} RENAME TO {}").format(name, aside))
        try:
            _tool(
                "pg_restore",
                "--exit-on-error",
                "--single-transaction",
                "--no-owner",
                "--no-privileges",
                f"--dbname={_libpq(settings)['dbname']}",
                str(made.path / DUMP),
                settings=settings,
            )
        except BackupError:
            if exists:
                conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(name))
                conn.execute(sql.SQL("ALTER SCHEMA {} RENAME TO {}").format(aside, name))
            raise
        if exists:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(aside))


def _schema(settings: Settings) -> str:
    if not settings.database_schema:
        raise BackupError(
            "PostgreSQL: zet WVP_DATABASE_SCHEMA; backup en restore gaan over één schema"
        )
    return settings.database_schema


def _libpq(settings: Settings) -> dict[str, str]:
    """The connection parameters the library's store uses, as libpq names them."""
    store = settings.store_env("")
    return {
        "host": store["POSTGRES_HOST"],
        "port": store["POSTGRES_PORT"],
        "dbname": store["POSTGRES_DBNAME"],
        "user": store["POSTGRES_USER"],
        "password": store["POSTGRES_PASSWORD"],
        "connect_timeout": store["POSTGRES_CONNECT_TIMEOUT"],
    }


_LIBPQ_ENV = {
    "host": "PGHOST",
    "port": "PGPORT",
    "dbname": "PGDATABASE",
    "user": "PGUSER",
    "password": "PGPASSWORD",  # in the environment, never on a command line others can read
    "connect_timeout": "PGCONNECT_TIMEOUT",
}


def _tool(name: str, *args: str, settings: Settings) -> None:
    binary = shutil.which(name)
    if binary is None:
        raise BackupError(f"{name} niet gevonden: installeer de PostgreSQL-clienttools")
    env = {**os.environ, **{_LIBPQ_ENV[k]: v for k, v in _libpq(settings).items()}}
    done = subprocess.run([binary, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise BackupError(f"{name} mislukt: {'; '.join(lines)}")


def record_restore(
    stores: Stores, checkpoints: CheckpointSettings, made: Backup, by: str
) -> Checkpoint:
    """Check the restored `stores` and sign the restore record: who, when, from which backup,
    which checkpoint it held, and the restored heads, which later checkpoints build on.

    Refused (nothing written) when a restored chain is broken or misses a head of the backup's
    checkpoint: then the backup is not what it says, and verify keeps reporting the rollback.
    """
    checkpoints.signing_key()  # a missing key fails before the work
    try:
        held = read_signed(made.path / made.checkpoint, checkpoints.verifying_key())
    except Untrusted as e:
        raise CheckpointError(f"het checkpoint van de backup is niet te vertrouwen: {e}") from None
    report = verify(stores, checkpoint=held.anchor)
    if not report.ok:
        raise Refused(report)
    record = Checkpoint(
        RESTORE,
        checkpoints.store,
        now(),
        tuple(report.heads),
        report.digest,
        Restore(by, str(made.path.resolve()), made.made_at, held.written_at, held.digest),
    )
    write_signed(checkpoints, record)
    return record
