"""One policy interface, two engines: OPA in-process (default) and an OPA server over REST.

Both evaluate the same bundle, the Rego modules and `data.json` in this folder, and answer with
the document `data.wvp.decision.result` for one input.
"""

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

BUNDLE_DIR = Path(__file__).parent
DECISION = "wvp.decision.result"
INSTALL_HINT = (
    "the embedded OPA engine needs the package opa-golib-python-bindings; install it with "
    "`pip install --ignore-requires-python opa-golib-python-bindings==0.4.4` (make install does)"
)


class PolicyError(RuntimeError):
    """The policy engine could not decide (missing engine, bad bundle, server unreachable)."""


@dataclass(frozen=True)
class Bundle:
    """The policy modules and data that make up one policy version."""

    modules: dict[str, str]  # file name -> Rego source
    data: dict[str, Any]
    tests: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path = BUNDLE_DIR) -> "Bundle":
        modules, tests = {}, {}
        for path in sorted(directory.glob("*.rego")):
            target = tests if path.stem.endswith("_test") else modules
            target[path.name] = path.read_text()
        data = json.loads((directory / "data.json").read_text())
        return cls(modules, data, tests)

    @property
    def version(self) -> str:
        """sha256 over the policy modules and the data: what decisions depend on (not tests)."""
        digest = hashlib.sha256()
        for name, source in sorted(self.modules.items()):
            digest.update(name.encode() + b"\0" + source.encode() + b"\0")
        digest.update(json.dumps(self.data, sort_keys=True, separators=(",", ":")).encode())
        return digest.hexdigest()


ALLES, EIGEN_ORGANISATIE = "alles", "eigen_organisatie"  # the scopes of the access log


@dataclass(frozen=True)
class Zicht:
    """One thing a principal may see: a classification in a dossier part, maybe only some facts."""

    onderdeel: str
    classificatie: str
    alleen: frozenset[str] | None = None


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reasons: tuple[str, ...]
    relaties: frozenset[str]
    classificaties: frozenset[str]
    zicht: frozenset[Zicht]
    # How much of the log of who was granted or refused access it may read: ALLES,
    # EIGEN_ORGANISATIE (entries of principals of its own organisation) or None.
    toegangslog: str | None
    policy_version: str

    @classmethod
    def from_result(cls, result: Mapping[str, Any], policy_version: str) -> "Decision":
        return cls(
            allowed=bool(result["allowed"]),
            reasons=tuple(result["reasons"]),
            relaties=frozenset(result["relaties"]),
            classificaties=frozenset(result["classificaties"]),
            zicht=frozenset(
                Zicht(
                    z["onderdeel"],
                    z["classificatie"],
                    None if z["alleen"] is None else frozenset(z["alleen"]),
                )
                for z in result["zicht"]
            ),
            toegangslog=result["toegangslog"],
            policy_version=policy_version,
        )

    def permits(self, service: str, event: Any) -> bool:
        """Whether `event`, recorded by `service`, is visible under this decision."""
        kind = type(event).__name__
        return any(
            z.onderdeel == service
            and z.classificatie == event.classificatie
            and (z.alleen is None or kind in z.alleen)
            for z in self.zicht
        )

    def filter(self, history: Iterable[tuple[str, Any]]) -> list[tuple[str, Any]]:
        """The part of a dossier history (as `Platform.history` returns it) this decision shows."""
        return [(service, event) for service, event in history if self.permits(service, event)]

    def outcome(self) -> dict[str, Any]:
        """The decision without its version, in a canonical form (to compare engines)."""
        return {
            "allowed": self.allowed,
            "reasons": list(self.reasons),
            "relaties": sorted(self.relaties),
            "classificaties": sorted(self.classificaties),
            "zicht": sorted(
                (z.onderdeel, z.classificatie, sorted(z.alleen) if z.alleen else None)
                for z in self.zicht
            ),
            "toegangslog": self.toegangslog,
        }


class PolicyEngine(Protocol):
    version: str

    def decide(self, input: dict[str, Any]) -> Decision: ...


def _opa_engine(bundle: Bundle, *, with_tests: bool = False) -> Any:
    try:
        from opa_bindings import OpaEngine
    except ImportError as e:
        raise PolicyError(INSTALL_HINT) from e
    opa = OpaEngine()
    modules = {**bundle.modules, **(bundle.tests if with_tests else {})}
    for name, source in modules.items():
        opa.add_policy(name, source)
    opa.add_data(bundle.data)
    return opa


class EmbeddedEngine:
    """The OPA Go engine in this process (opa-golib-python-bindings)."""

    def __init__(self, bundle: Bundle | None = None, *, with_tests: bool = False):
        self.bundle = bundle or Bundle.load()
        self.version = self.bundle.version
        self.opa = _opa_engine(self.bundle, with_tests=with_tests)

    def evaluate(self, path: str, input: Any = None, *, coverage: bool = False) -> Any:
        """The raw document at data.<path>; for tests, the matrix and the Data API stand-in."""
        from opa_bindings import OpaUndefinedError

        try:
            return self.opa.eval_document(path, input, coverage=coverage)
        except OpaUndefinedError:
            return None

    def decide(self, input: dict[str, Any]) -> Decision:
        result = self.evaluate(DECISION, input)
        if result is None:
            raise PolicyError(f"data.{DECISION} is undefined for this input")
        return Decision.from_result(result, self.version)

    def close(self) -> None:
        self.opa.close()


class ServerEngine:
    """An OPA server (`opa run --server` with this bundle) asked over its Data API."""

    def __init__(self, url: str, bundle: Bundle | None = None, timeout: float = 2.0):
        from opa_client import OpaClient

        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise PolicyError(f"WVP_OPA_URL must be http(s)://host:port, got {url!r}")
        self.client = OpaClient(
            host=parsed.hostname,
            port=parsed.port or (443 if parsed.scheme == "https" else 8181),
            ssl=parsed.scheme == "https",
            timeout=timeout,
        )
        # The server is deployed with the same bundle; its version is the one decisions cite.
        self.version = (bundle or Bundle.load()).version

    def decide(self, input: dict[str, Any]) -> Decision:
        try:
            answer = self.client.query_rule(input, "wvp/decision", "result")
        except Exception as e:
            raise PolicyError(f"OPA server did not decide: {e}") from e
        if "result" not in answer:
            raise PolicyError(f"data.{DECISION} is undefined on the OPA server")
        return Decision.from_result(answer["result"], self.version)

    def close(self) -> None:
        self.client.close_connection()


def engine_from_env(environ: Mapping[str, str] | None = None) -> PolicyEngine:
    """WVP_POLICY_ENGINE=embedded (default) or server (then WVP_OPA_URL names the server)."""
    environ = os.environ if environ is None else environ
    kind = environ.get("WVP_POLICY_ENGINE", "embedded")
    if kind == "embedded":
        return EmbeddedEngine()
    if kind == "server":
        return ServerEngine(environ.get("WVP_OPA_URL", "http://127.0.0.1:8181"))
    raise PolicyError(f"WVP_POLICY_ENGINE must be embedded or server, got {kind!r}")
