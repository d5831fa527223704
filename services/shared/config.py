"""Where each service keeps its events, and the key for medical data at rest.

SQLite files under `WVP_DATA_DIR` (default `var/`) unless `WVP_DATABASE_URL` names a PostgreSQL
database; each service then gets its own tables, optionally inside `WVP_DATABASE_SCHEMA`.
"""

import base64
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse


class ConfigError(ValueError):
    pass


# Two weeks: a herstel reported a few days late is ordinary; a plan van aanpak dated weeks back
# is what a dispute asks about. Our default, not a legal number.
TERUGDATEREN_ZONDER_REDEN = 14


def _dagen(environ: Mapping[str, str], name: str, default: int) -> int:
    value = environ.get(name) or str(default)
    if not value.isdigit():
        raise ConfigError(f"{name} moet een aantal dagen zijn (0 of meer), niet {value!r}")
    return int(value)


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str | None = None
    database_schema: str | None = None
    medical_key: str | None = None
    sqlite_synchronous: str | None = None  # see services.shared.sqlitestore
    # A fact dated more days before the day it is recorded needs a reden_terugdatering; 0: never.
    terugdateren_zonder_reden_dagen: int = TERUGDATEREN_ZONDER_REDEN

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "Settings":
        return cls(
            data_dir=Path(environ.get("WVP_DATA_DIR", "var")),
            database_url=environ.get("WVP_DATABASE_URL") or None,
            database_schema=environ.get("WVP_DATABASE_SCHEMA") or None,
            medical_key=environ.get("WVP_MEDICAL_KEY") or None,
            sqlite_synchronous=environ.get("WVP_SQLITE_SYNCHRONOUS") or None,
            terugdateren_zonder_reden_dagen=_dagen(
                environ, "WVP_TERUGDATEREN_ZONDER_REDEN_DAGEN", 14
            ),
        )

    @property
    def store_kind(self) -> str:
        return "postgres" if self.database_url else "sqlite"

    def store_env(self, service: str) -> dict[str, str]:
        """The eventsourcing library's settings for one service's store."""
        return self._postgres_env() if self.database_url else self._sqlite_env(service)

    def cipher_env(self, encrypted: dict[str, bool]) -> dict[str, str]:
        """Cipher settings named per service.

        A follower decodes a leader's events with the settings prefixed by the leader's name, so
        every service's setting is given explicitly (empty means: not encrypted).
        """
        env = {}
        for service, on in encrypted.items():
            prefix = service.upper() + "_"
            env[prefix + "CIPHER_TOPIC"] = "services.shared.cipher:AESGCMCipher" if on else ""
            env[prefix + "CIPHER_KEY"] = self.medical_cipher_key() if on else ""
        return env

    def _sqlite_env(self, service: str) -> dict[str, str]:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(self.data_dir / f"{service}.sqlite"),
            "SQLITE_LOCK_TIMEOUT": "10",
        }
        if self.sqlite_synchronous:
            env["PERSISTENCE_MODULE"] = "services.shared.sqlitestore:SQLiteFactory"
            env["SQLITE_SYNCHRONOUS"] = self.sqlite_synchronous
        return env

    def _postgres_env(self) -> dict[str, str]:
        url = urlparse(self.database_url or "")
        if url.scheme not in ("postgresql", "postgres"):
            raise ConfigError(
                f"WVP_DATABASE_URL must start with postgresql://, got {url.scheme}://"
            )
        env = {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": url.path.lstrip("/") or "postgres",
            "POSTGRES_HOST": url.hostname or "127.0.0.1",
            "POSTGRES_PORT": str(url.port or 5432),
            "POSTGRES_USER": unquote(url.username or "postgres"),
            "POSTGRES_PASSWORD": unquote(url.password or ""),
            "POSTGRES_CONNECT_TIMEOUT": "5",
        }
        if self.database_schema:
            env["POSTGRES_SCHEMA"] = self.database_schema
        return env

    def medical_cipher_key(self) -> str:
        """AES key for medical data at rest: from WVP_MEDICAL_KEY, else a local key file."""
        if self.medical_key:
            if len(base64.b64decode(self.medical_key, validate=True)) not in (16, 24, 32):
                raise ConfigError("WVP_MEDICAL_KEY must be a base64 AES key of 16, 24 or 32 bytes")
            return self.medical_key
        key_file = self.data_dir / "medical.key"
        if not key_file.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            key_file.write_text(base64.b64encode(secrets.token_bytes(32)).decode())
            key_file.chmod(0o600)
        return key_file.read_text().strip()
