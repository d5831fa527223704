"""Signed checkpoints: every chain head of a store, signed and kept apart from the store.

A chain alone cannot show that its newest events were removed (`compliance.verify`). A checkpoint
records every chain head of one store (service, aggregate, dossier, version, hash) and the
digest over them, signed with an Ed25519 key (`cryptography`) that lives apart from the stores,
in a directory apart from them. A plain `wvp verify` checks the store against the newest
checkpoint it can trust: a chain shorter than its checkpointed head (truncation), another hash at
the checkpointed version (an old backup put back, a replaced store) or a chain that is gone is a
breach. A file whose signature does not verify, that another key signed, or whose name does not
match its content is reported and not trusted.

A restore (`compliance.backup`) puts a store back to an earlier state on purpose. It records
itself as a signed restore record: who, when, from which backup and which checkpoint that backup
held, with the heads of the restored store. Being newer, it supersedes the checkpoints before
it, so verify reports the restore instead of a rollback; a rollback without one stays a breach.

Writing refuses while the store does not verify against its newest trusted checkpoint, so a
periodic checkpoint never makes a truncation the new normal; while the heads are still those of
the newest checkpoint no file is written. Each file is one checkpoint,
`checkpoint-<store>-<time>.json` or `restore-<store>-<time>.json`, where <store> is a short hash
of the store's identity (the SQLite data directory, or the PostgreSQL server, database and
schema), so several stores can share a directory. The newest trusted file of a store wins; of
its checkpoints the newest `KEEP` are kept (restore records all). Someone who can delete files
there can still fall back to an older checkpoint: keep the directory where the stores'
administrators cannot write, or copy it elsewhere as it grows.

Keys: WVP_CHECKPOINT_KEY (path of a PEM Ed25519 private key) signs; WVP_CHECKPOINT_PUBLIC_KEY
(path of its PEM public key) lets a verifier check without the private key. Without
WVP_CHECKPOINT_KEY, development makes a key on first use in the checkpoint directory (never in
the data directory); with WVP_ENV=production signing is refused.
"""

import base64
import hashlib
import json
import logging
import os
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from compliance.verify import Anchor, Head, Stores, VerifyReport, anchor_of, verify
from services.shared.config import Settings

log = logging.getLogger("wvp.checkpoint")

CHECKPOINT = "checkpoint"
RESTORE = "restore"
KEEP = 10  # checkpoints kept per store: the newest wins, older ones only take room
DEV_KEY = "checkpoint.key.pem"  # the key development makes on first use
DEFAULT_INTERVAL = 300.0  # seconds between periodic checkpoints


class CheckpointError(Exception):
    """A key or setting is missing or wrong; one line for the user."""


class Untrusted(Exception):
    """A checkpoint file that cannot be trusted; the message says why."""


class Refused(Exception):
    """The store does not verify against its newest checkpoint: signing it would hide that."""

    def __init__(self, report: VerifyReport):
        self.report = report
        super().__init__(
            f"de opslag verifieert niet ({len(report.breaches)} breuk(en), eerste: {report.first})"
        )


def store_identity(settings: Settings) -> str:
    """What a checkpoint is of: the SQLite data directory, or the PostgreSQL server, database and
    schema (never the credentials)."""
    if not settings.database_url:
        return f"sqlite:{settings.data_dir.resolve()}"
    store = settings.store_env("")
    return (
        f"postgresql://{store['POSTGRES_HOST']}:{store['POSTGRES_PORT']}/"
        f"{store['POSTGRES_DBNAME']}#{store.get('POSTGRES_SCHEMA', 'public')}"
    )


@dataclass(frozen=True)
class CheckpointSettings:
    directory: Path  # WVP_CHECKPOINT_DIR, default `<data dir>-checkpoints` beside the data dir
    store: str  # `store_identity` of the configured store
    key: Path | None = None  # WVP_CHECKPOINT_KEY
    public_key: Path | None = None  # WVP_CHECKPOINT_PUBLIC_KEY
    interval: float = DEFAULT_INTERVAL  # WVP_CHECKPOINT_INTERVAL; 0: only on shutdown
    production: bool = False  # WVP_ENV=production: no key made on first use

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "CheckpointSettings":
        stores = Settings.from_env(environ)
        key = environ.get("WVP_CHECKPOINT_KEY")
        public_key = environ.get("WVP_CHECKPOINT_PUBLIC_KEY")
        raw_interval = environ.get("WVP_CHECKPOINT_INTERVAL") or str(DEFAULT_INTERVAL)
        try:
            interval = float(raw_interval)
            if not 0 <= interval < float("inf"):
                raise ValueError
        except ValueError:
            raise CheckpointError(
                f"WVP_CHECKPOINT_INTERVAL moet een aantal seconden >= 0 zijn, niet {raw_interval!r}"
            ) from None
        return cls(
            directory=Path(environ.get("WVP_CHECKPOINT_DIR") or f"{stores.data_dir}-checkpoints"),
            store=store_identity(stores),
            key=Path(key) if key else None,
            public_key=Path(public_key) if public_key else None,
            interval=interval,
            production=environ.get("WVP_ENV", "").strip().lower() == "production",
        )

    @property
    def dev_key(self) -> Path:
        return self.directory / DEV_KEY

    def signing_key(self) -> Ed25519PrivateKey:
        """WVP_CHECKPOINT_KEY; in development without it, a key made on first use."""
        if self.key is not None:
            return _private_key(self.key)
        if self.production:
            raise CheckpointError(
                "WVP_CHECKPOINT_KEY is niet gezet: in productie tekent het platform checkpoints "
                "alleen met een geconfigureerde sleutel (Ed25519, PEM)"
            )
        if not self.dev_key.exists():
            self.directory.mkdir(parents=True, exist_ok=True)
            pem = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            try:  # created readable by the owner only, and never over a key another process made
                descriptor = os.open(self.dev_key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(descriptor, "wb") as file:
                    file.write(pem)
        return _private_key(self.dev_key)

    def verifying_key(self) -> Ed25519PublicKey | None:
        """WVP_CHECKPOINT_PUBLIC_KEY, else the signing key's public half when there is one."""
        if self.public_key is not None:
            return _public_key(self.public_key)
        if self.key is not None:
            return _private_key(self.key).public_key()
        if not self.production and self.dev_key.exists():
            return _private_key(self.dev_key).public_key()
        return None


def _read_key(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise CheckpointError(f"checkpointsleutel {path}: {e.strerror}") from None


def _private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(_read_key(path), password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise CheckpointError(f"{path} is geen Ed25519-privésleutel (PEM, zonder wachtwoord)")
    return key


def _public_key(path: Path) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(_read_key(path))
    except ValueError:
        key = None
    if not isinstance(key, Ed25519PublicKey):
        raise CheckpointError(f"{path} is geen publieke Ed25519-sleutel (PEM)")
    return key


def key_id(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _short(store: str) -> str:
    return hashlib.sha256(store.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Restore:
    """What a restore record says about the restore."""

    by: str
    backup: str  # where the backup was read from
    backup_made_at: datetime
    checkpoint_written_at: datetime  # the checkpoint the backup held
    checkpoint_digest: str


@dataclass(frozen=True)
class Checkpoint:
    kind: str  # CHECKPOINT, or RESTORE for a restore record
    store: str
    written_at: datetime
    heads: tuple[Head, ...]
    digest: str
    restore: Restore | None = None

    @property
    def anchor(self) -> Anchor:
        return anchor_of(self.heads)

    @property
    def file_name(self) -> str:
        return f"{self.kind}-{_short(self.store)}-{self.written_at:%Y%m%dT%H%M%S%fZ}.json"

    def summary(self) -> dict[str, Any]:
        """The checkpoint without its heads: what a report names it by."""
        return {
            "kind": self.kind,
            "file": self.file_name,
            "written_at": self.written_at.isoformat(),
            "digest": self.digest,
            "chains": len(self.heads),
            "restore": self._restore_dict(),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "written_at": self.written_at.isoformat(),
            "restore": self._restore_dict(),
        }

    def _restore_dict(self) -> dict[str, str] | None:
        if self.restore is None:
            return None
        return {
            k: v.isoformat() if isinstance(v, datetime) else v
            for k, v in asdict(self.restore).items()
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Checkpoint":
        restore = data.get("restore")
        if restore is not None:
            restore = Restore(
                by=restore["by"],
                backup=restore["backup"],
                backup_made_at=datetime.fromisoformat(restore["backup_made_at"]),
                checkpoint_written_at=datetime.fromisoformat(restore["checkpoint_written_at"]),
                checkpoint_digest=restore["checkpoint_digest"],
            )
        return cls(
            kind=data["kind"],
            store=data["store"],
            written_at=datetime.fromisoformat(data["written_at"]),
            heads=tuple(Head(**h) for h in data["heads"]),
            digest=data["digest"],
            restore=restore,
        )


def canonical(payload: dict[str, Any]) -> bytes:
    """The exact bytes signed: one JSON text per content, whatever the file's layout."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def write_signed(settings: CheckpointSettings, checkpoint: Checkpoint) -> Path:
    """Sign `checkpoint` and write it into the directory; a reader never sees half a file."""
    key = settings.signing_key()
    payload = checkpoint.to_dict()
    document = {
        "checkpoint": payload,
        "key_id": key_id(key.public_key()),
        "signature": base64.b64encode(key.sign(canonical(payload))).decode(),
    }
    settings.directory.mkdir(parents=True, exist_ok=True)
    path = settings.directory / checkpoint.file_name
    unfinished = path.with_suffix(".tmp")
    with unfinished.open("wb") as file:
        file.write(json.dumps(document).encode())
        file.flush()
        os.fsync(file.fileno())
    unfinished.replace(path)
    return path


def read_signed(path: Path, key: Ed25519PublicKey) -> Checkpoint:
    """The checkpoint in `path`, once its signature verifies with `key`; `Untrusted` if not."""
    try:
        document = json.loads(path.read_bytes())
        payload, signer = document["checkpoint"], document["key_id"]
        signature = base64.b64decode(document["signature"], validate=True)
    except (OSError, ValueError, KeyError, TypeError):
        raise Untrusted("not a signed checkpoint (unreadable)") from None
    if signer != key_id(key):
        raise Untrusted(f"signed with another key (key id {signer}, expected {key_id(key)})")
    try:
        key.verify(signature, canonical(payload))
    except InvalidSignature:
        raise Untrusted("the signature does not match the content") from None
    checkpoint = Checkpoint.from_dict(payload)
    if checkpoint.file_name != path.name:
        raise Untrusted(f"its name does not match its content ({checkpoint.file_name})")
    return checkpoint


@dataclass
class Trail:
    """The checkpoints and restore records of one store, newest first."""

    settings: CheckpointSettings
    trusted: list[tuple[Path, Checkpoint]] = field(default_factory=list)
    rejected: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def baseline(self) -> Checkpoint | None:
        """The newest trusted checkpoint or restore record: what the store must hold."""
        return self.trusted[0][1] if self.trusted else None

    @property
    def anchor(self) -> Anchor | None:
        return self.baseline.anchor if self.baseline else None

    @property
    def restore(self) -> Checkpoint | None:
        """The newest trusted restore record."""
        return next((c for _, c in self.trusted if c.kind == RESTORE), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "directory": str(self.settings.directory),
            "used": self.baseline.summary() if self.baseline else None,
            "restore": self.restore.summary() if self.restore else None,
            "rejected": [{"file": p.name, "reason": reason} for p, reason in self.rejected],
        }


def load_trail(settings: CheckpointSettings) -> Trail:
    """Every checkpoint file of the configured store, each trusted only once its signature and
    its name (which holds the store's hash and the time) check out."""
    short = _short(settings.store)
    files = [
        p
        for kind in (CHECKPOINT, RESTORE)
        for p in settings.directory.glob(f"{kind}-{short}-*.json")
    ]
    trail = Trail(settings)
    if not files:
        return trail
    key = settings.verifying_key()
    if key is None:
        raise CheckpointError(
            f"{settings.directory} bevat checkpoints van deze opslag, maar er is geen sleutel om "
            "ze te controleren: zet WVP_CHECKPOINT_PUBLIC_KEY (of WVP_CHECKPOINT_KEY)"
        )
    for path in sorted(files, key=lambda p: p.stem.rsplit("-", 1)[-1], reverse=True):
        try:
            trail.trusted.append((path, read_signed(path, key)))
        except Untrusted as e:
            trail.rejected.append((path, str(e)))
    return trail


def now() -> datetime:
    # Wall-clock time, not services.shared.clock: a checkpoint is an operational record, and
    # its order must hold also while a simulation or a test moves the domain's clock.
    return datetime.now(UTC)


def write_checkpoint(stores: Stores, settings: CheckpointSettings) -> tuple[Checkpoint, bool]:
    """Sign and write a checkpoint of every chain head of `stores` now. Returns it and True, or
    the newest trusted one and False when the heads are still exactly its heads. `Refused` when
    the stores do not verify against the newest trusted checkpoint."""
    settings.signing_key()  # a missing key fails before the work
    trail = load_trail(settings)
    report = verify(stores, checkpoint=trail.anchor)
    if not report.ok:
        raise Refused(report)
    if trail.baseline is not None and trail.baseline.digest == report.digest:
        return trail.baseline, False
    checkpoint = Checkpoint(CHECKPOINT, settings.store, now(), tuple(report.heads), report.digest)
    write_signed(settings, checkpoint)
    superseded = [p for p, c in trail.trusted if c.kind == CHECKPOINT][KEEP - 1 :]
    for path in superseded:
        path.unlink(missing_ok=True)
    return checkpoint, True


class PeriodicCheckpoints:
    """Write a checkpoint every `settings.interval` seconds (0: never) while in use, and once on
    the way out. A failure is logged and never stops the process that runs it."""

    def __init__(self, stores: Stores, settings: CheckpointSettings):
        self.stores = stores
        self.settings = settings
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wvp-checkpoints", daemon=True)

    def __enter__(self) -> "PeriodicCheckpoints":
        self.settings.signing_key()  # no key in production: refuse to start, not fail later
        if self.settings.interval > 0:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """End the periodic writing and write the last checkpoint; once."""
        if self._stop.is_set():
            return
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        self.write()

    def _run(self) -> None:
        while not self._stop.wait(self.settings.interval):
            self.write()

    def write(self) -> None:
        try:
            checkpoint, new = write_checkpoint(self.stores, self.settings)
        except Refused as e:
            log.error("geen checkpoint geschreven: %s", e)
        except Exception:
            log.exception("geen checkpoint geschreven")
        else:
            if new:
                log.info("checkpoint %s geschreven", checkpoint.file_name)
