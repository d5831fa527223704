"""The embedded engine and the OPA server engine decide alike.

No OPA server binary can be installed here, so the server engine (opa-python-client over OPA's
REST Data API) is tested against `tooling.dataapi`: OPA's Data API served on 127.0.0.1 by a small
HTTP server backed by the embedded engine. This proves the client side, the wire format and the
configuration; deploy/ runs the real OPA server with the same bundle.
"""

import sys

import pytest

from policies.engine import (
    INSTALL_HINT,
    Bundle,
    EmbeddedEngine,
    PolicyError,
    ServerEngine,
    engine_from_env,
)


def test_both_engines_decide_the_whole_enumeration_alike(enumerated, opa_url):
    server = ServerEngine(opa_url)
    try:
        differences = [
            (input, decision.outcome(), other.outcome())
            for _, input, decision in enumerated
            if (other := server.decide(input)).outcome() != decision.outcome()
        ]
    finally:
        server.close()
    assert differences == []


def test_both_engines_cite_the_bundle_hash(embedded, opa_url):
    server = ServerEngine(opa_url)
    assert server.version == embedded.version == Bundle.load().version
    assert len(embedded.version) == 64


def test_the_bundle_hash_follows_policy_and_data():
    bundle = Bundle.load()
    changed_data = Bundle(bundle.modules, {**bundle.data, "extra": 1}, bundle.tests)
    changed_rego = Bundle({**bundle.modules, "x.rego": "package x\n"}, bundle.data, bundle.tests)
    changed_tests = Bundle(bundle.modules, bundle.data, {})
    assert changed_data.version != bundle.version != changed_rego.version
    assert changed_tests.version == bundle.version


def test_engine_is_chosen_by_configuration(opa_url):
    assert isinstance(engine_from_env({}), EmbeddedEngine)
    server = engine_from_env({"WVP_POLICY_ENGINE": "server", "WVP_OPA_URL": opa_url})
    assert isinstance(server, ServerEngine)
    with pytest.raises(PolicyError, match="embedded or server"):
        engine_from_env({"WVP_POLICY_ENGINE": "wasm"})
    with pytest.raises(PolicyError, match="WVP_OPA_URL"):
        engine_from_env({"WVP_POLICY_ENGINE": "server", "WVP_OPA_URL": "opa:8181"})


def test_an_unreachable_server_fails_closed():
    server = ServerEngine("http://127.0.0.1:9", timeout=0.5)
    with pytest.raises(PolicyError, match="did not decide"):
        server.decide({"action": {"kind": "read"}})


def test_missing_bindings_say_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "opa_bindings", None)  # makes the import fail
    with pytest.raises(PolicyError) as failure:
        EmbeddedEngine()
    assert str(failure.value) == INSTALL_HINT
    assert "--ignore-requires-python opa-golib-python-bindings==0.4.4" in INSTALL_HINT
