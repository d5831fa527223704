"""Gateway configuration from the environment.

`WVP_ENV=production` turns GraphiQL and introspection off and accepts only asymmetrically signed
tokens; each can still be switched on explicitly (`WVP_GRAPHIQL`, `WVP_INTROSPECTION`).
"""

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


def _flag(environ: Mapping[str, str], name: str, default: bool) -> bool:
    value = environ.get(name, "").strip().lower()
    if not value:
        return default
    return value in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class GatewaySettings:
    production: bool = False
    data_dir: Path = Path("var")
    audience: str = "wvp"
    jwt_secret: str | None = None
    public_keys: tuple[str, ...] = ()  # PEM texts or paths to PEM files
    jwks_file: Path | None = None
    graphiql: bool = True
    introspection: bool = True
    # Data types nest at most 8 deep, so the depth limit bounds introspection, whose standard
    # query (GraphiQL's) is 15 deep; the cost limit bounds the rest.
    max_depth: int = 16
    max_aliases: int = 40
    max_tokens: int = 4000
    max_cost: int = 100_000  # fields resolved, lists counted at their page (gateway.limits)
    list_size: int = 10  # the assumed length of a list whose query names no page
    token_ttl_seconds: int = 8 * 3600

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "GatewaySettings":
        production = environ.get("WVP_ENV", "").strip().lower() == "production"
        keys = environ.get("WVP_JWT_PUBLIC_KEYS", "")
        jwks = environ.get("WVP_JWKS_FILE", "")
        return cls(
            production=production,
            data_dir=Path(environ.get("WVP_DATA_DIR", "var")),
            audience=environ.get("WVP_JWT_AUDIENCE", "wvp") or "wvp",
            jwt_secret=environ.get("WVP_JWT_SECRET") or None,
            public_keys=_split_keys(keys),
            jwks_file=Path(jwks) if jwks else None,
            graphiql=_flag(environ, "WVP_GRAPHIQL", not production),
            introspection=_flag(environ, "WVP_INTROSPECTION", not production),
        )

    def development_secret(self) -> str:
        """The HS256 secret: WVP_JWT_SECRET, else a file under the data dir made on first use."""
        if self.jwt_secret:
            return self.jwt_secret
        path = self.data_dir / "jwt.secret"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()


def _split_keys(value: str) -> tuple[str, ...]:
    """Inline PEM blocks, or paths separated by the OS path separator."""
    value = value.strip()
    if not value:
        return ()
    if "-----BEGIN" in value:
        blocks = value.split("-----END PUBLIC KEY-----")
        return tuple(b.strip() + "\n-----END PUBLIC KEY-----\n" for b in blocks if b.strip())
    return tuple(p for p in value.split(os.pathsep) if p)
