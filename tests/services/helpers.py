"""What the service tests share: actors, dossiers built by the scenario's builder, counting and
raw access to the stores."""

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, closing, contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg
import pytest

from events import Actor, Rol
from services.shared import clock
from services.shared.application import ServiceApplication
from services.shared.chain import CHAINED_FIELDS
from services.shared.commands import CommandResult
from wvp.runtime import Platform
from wvp.scenario import Betrokkenen, Casus, CommandTarget, DossierBuilder, Verloop

WERKGEVER_ID = "acme"
EERSTE_ZIEKTEDAG = date(2026, 1, 5)

WERKGEVER = Actor(rol=Rol.WERKGEVER, persoon_id="hr-1", organisatie=WERKGEVER_ID)
CASEMANAGER = Actor(rol=Rol.CASEMANAGER, persoon_id="cm-1", organisatie=WERKGEVER_ID)
BEDRIJFSARTS = Actor(rol=Rol.BEDRIJFSARTS, persoon_id="ba-1", organisatie="arbodienst")
ARBEIDSDESKUNDIGE = Actor(rol=Rol.ARBEIDSDESKUNDIGE, persoon_id="ad-1", organisatie="arbodienst")
PROVIDER = Actor(rol=Rol.PROVIDER, persoon_id="psy-1", organisatie="praktijk")
UWV = Actor(rol=Rol.UWV, persoon_id="uwv-1", organisatie="uwv")

# More stored events than any test produces, so one read returns a whole store.
_READ_LIMIT = 10_000

# The envelope and payload of an event: what must survive storing and reading back unchanged.
ENVELOPE_FIELDS = ("originator_id", "originator_version", "timestamp", *CHAINED_FIELDS, "hash")


def datum(n: int) -> date:
    """The date `n` days after the first sick day (negative: before it)."""
    return EERSTE_ZIEKTEDAG + timedelta(days=n)


def dag(n: int) -> str:
    """`datum(n)` as an ISO date, as commands take it."""
    return datum(n).isoformat()


def vastgelegd_op(n: int) -> AbstractContextManager[None]:
    """Record on day `n` (09:00 UTC): a fact may not be dated after the day it is recorded."""
    return clock.frozen_at(datetime.combine(datum(n), time(9), tzinfo=UTC))


# The parties of every dossier these tests build; with the policy off they need not be related.
BETROKKENEN = Betrokkenen(
    werkgever_id=WERKGEVER_ID,
    werknemer_id="wn-1",
    hr=WERKGEVER,
    casemanager=CASEMANAGER,
    bedrijfsarts=BEDRIJFSARTS,
    arbeidsdeskundige=ARBEIDSDESKUNDIGE,
    provider=PROVIDER,
    uwv=UWV,
)


def dossier(
    target: CommandTarget,
    werknemer_id: str = "wn-1",
    dossier_id: str | None = None,
    duur_dagen: int | None = None,
) -> DossierBuilder:
    """The scenario's builder for a case of `werknemer_id` from EERSTE_ZIEKTEDAG (or the existing
    dossier `dossier_id`), with a referral, spoor 2 and a herstel after `duur_dagen` if given."""
    casus = Casus(
        replace(BETROKKENEN, werknemer_id=werknemer_id),
        EERSTE_ZIEKTEDAG,
        duur_dagen,
        verloop=Verloop(verwijzing=True, spoor2=True),
        dossier_id=dossier_id,
    )
    return DossierBuilder(target, casus)


def meld_ziek(
    platform: Platform, werknemer_id: str = "wn-1", op: str = dag(0), **velden: Any
) -> CommandResult:
    """A new dossier's ziekmelding, recorded under the caller's clock."""
    return dossier(platform, werknemer_id).doe("ziekmelding", date.fromisoformat(op), **velden)


def lever_probleemanalyse(platform: Platform, dossier_id: str, **velden: Any) -> CommandResult:
    """The probleemanalyse of an existing dossier, on its on-time day."""
    return dossier(platform, dossier_id=dossier_id).doe("probleemanalyse", **velden)


def verleen_taakdelegatie(platform: Platform, taken: list[str]) -> CommandResult:
    delegatie = {
        "geldig_op": dag(0),
        "delegatie_id": "del-1",
        "gedelegeerde_id": "cmtd-1",
        "taken": taken,
        "tot": dag(365),
    }
    return platform.execute("verleen_taakdelegatie", BEDRIJFSARTS, None, delegatie)


def standalone(service: type[ServiceApplication], data_dir: Path) -> ServiceApplication:
    """One service on its own, in memory (the library's POPO store), as the library's examples
    run an application; its medical key, if it needs one, is made in `data_dir`."""
    env = {"PERSISTENCE_MODULE": "eventsourcing.popo", "WVP_DATABASE_URL": ""}
    return service({**env, "WVP_DATA_DIR": str(data_dir)})


def volg(follower: ServiceApplication, *leaders: ServiceApplication) -> None:
    """`follower` processes what `leaders` recorded since it last looked, as the system has it."""
    for leader in leaders:
        if leader.name not in follower.readers:
            follower.follow(leader.name, leader.notification_log)
        follower.pull_and_process(leader.name)


def soorten(events: Iterable[Any]) -> list[str]:
    """The type of each fact, in order."""
    return [type(event).__name__ for event in events]


def events_of(platform: Platform, dossier_id: str, service: str) -> list[Any]:
    return [event for name, event in platform.history(dossier_id) if name == service]


def types_of(platform: Platform, dossier_id: str, service: str) -> list[str]:
    return soorten(events_of(platform, dossier_id, service))


def envelope(event: Any) -> dict[str, Any]:
    return {"type": type(event).__name__, **{f: getattr(event, f) for f in ENVELOPE_FIELDS}}


def _stored_events(app: Any) -> list[Any]:
    notifications = app.recorder.select_notifications(start=None, limit=_READ_LIMIT)
    assert len(notifications) < _READ_LIMIT
    return [app.mapper.to_domain_event(n) for n in notifications]


def stored_counts(platform: Platform) -> dict[str, int]:
    """How many events each service has stored, across all its aggregates."""
    return {app.name: len(_stored_events(app)) for app in platform.services}


def every_aggregate(platform: Platform) -> dict[tuple[str, UUID], list[Any]]:
    """Every stored event of every service, grouped per aggregate in version order."""
    chains: dict[tuple[str, UUID], list[Any]] = defaultdict(list)
    for app in platform.services:
        for event in _stored_events(app):
            chains[app.name, event.originator_id].append(event)
    for events in chains.values():
        events.sort(key=lambda event: event.originator_version)
    return dict(chains)


@contextmanager
def refused(platform: Platform, error: type[Exception], *words: str) -> Iterator[Any]:
    """The block must raise `error` whose message names every one of `words`, storing nothing."""
    before = stored_counts(platform)
    with pytest.raises(error) as raised:
        yield raised
    message = str(raised.value).lower()
    missing = [word for word in words if word.lower() not in message]
    assert not missing, f"{missing} not in message {str(raised.value)!r}"
    assert stored_counts(platform) == before, "a refused command stored events"


# Direct access to the stores, bypassing the platform, to prove what is (not) at rest.


def _is_postgres(store_env: dict[str, str]) -> bool:
    return bool(store_env.get("WVP_DATABASE_URL"))


def raw_store(store_env: dict[str, str], service: str) -> bytes:
    """Everything a service's store holds on disk (SQLite files) or in its tables (PostgreSQL)."""
    if not _is_postgres(store_env):
        files = sorted(Path(store_env["WVP_DATA_DIR"]).glob(f"{service}.sqlite*"))  # incl. WAL
        return b"".join(path.read_bytes() for path in files)
    schema = store_env["WVP_DATABASE_SCHEMA"]
    with psycopg.connect(store_env["WVP_DATABASE_URL"]) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = %s AND table_name LIKE %s",
            (schema, service.replace("_", "\\_") + "\\_%"),
        ).fetchall()
        assert tables, f"no tables of {service} in schema {schema}"
        rows = [
            row
            for (table,) in tables
            for row in conn.execute(f'SELECT * FROM "{schema}"."{table}"').fetchall()
        ]
    return b"\n".join(v if isinstance(v, bytes) else str(v).encode() for row in rows for v in row)


def _events_table(store_env: dict[str, str], service: str):
    """A connection to a service's event table, its name, the parameter mark, the id as stored."""
    if _is_postgres(store_env):
        conn = psycopg.connect(store_env["WVP_DATABASE_URL"], autocommit=True)
        table = f'"{store_env["WVP_DATABASE_SCHEMA"]}"."{service}_events"'
        return conn, table, "%s", lambda key: key
    path = Path(store_env["WVP_DATA_DIR"]) / f"{service}.sqlite"
    return sqlite3.connect(path, isolation_level=None), "stored_events", "?", lambda key: key.hex


def tamper_with_store(
    store_env: dict[str, str],
    service: str,
    aggregate: UUID,
    version: int,
    change: Callable[[dict[str, Any]], None] | None = None,
) -> None:
    """Edit the stored JSON of one event with `change`, or delete the event when it is None."""
    conn, table, mark, stored_id = _events_table(store_env, service)
    where = f"WHERE originator_id = {mark} AND originator_version = {mark}"
    key = (stored_id(aggregate), version)
    with closing(conn):
        if change is None:
            cursor = conn.execute(f"DELETE FROM {table} {where}", key)
        else:
            (state,) = conn.execute(f"SELECT state FROM {table} {where}", key).fetchone()
            edited = json.loads(state)
            change(edited)
            cursor = conn.execute(
                f"UPDATE {table} SET state = {mark} {where}", (json.dumps(edited).encode(), *key)
            )
        assert cursor.rowcount == 1
