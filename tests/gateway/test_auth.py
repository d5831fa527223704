"""Bearer JWT authentication: accepted tokens, and each rejection with its reason."""

import json
import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from gateway.auth import AuthError, ConfigError, TokenVerifier, mint_token
from gateway.settings import GatewaySettings
from tests.gateway.support import SECRET, connection_init, token

DEV = GatewaySettings(jwt_secret=SECRET)


def _claims(**overrides):
    now = int(time.time())
    claims = {"sub": "hr1", "role": "werkgever", "org": "acme", "aud": "wvp", "exp": now + 60}
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _reject(verifier: TokenVerifier, raw: str, reason: str) -> None:
    with pytest.raises(AuthError, match=reason):
        verifier.verify(raw)


def test_development_token_round_trip():
    actor = TokenVerifier(DEV).verify(mint_token(DEV, "bedrijfsarts", "ba1", "arbo"))
    assert (actor.rol.value, actor.persoon_id, actor.organisatie) == ("bedrijfsarts", "ba1", "arbo")


def test_the_local_secret_is_made_once_under_the_data_dir(tmp_path):
    settings = GatewaySettings(data_dir=tmp_path)
    first = mint_token(settings, "werkgever", "hr1", "acme")
    assert (tmp_path / "jwt.secret").exists()
    assert TokenVerifier(GatewaySettings(data_dir=tmp_path)).verify(first).persoon_id == "hr1"


def test_rejections_say_why():
    verifier = TokenVerifier(DEV)
    unsigned = jwt.encode(_claims(), None, algorithm="none")
    _reject(verifier, unsigned, "'none' wordt niet geaccepteerd")
    _reject(
        verifier, jwt.encode(_claims(), "another-secret-" * 3, algorithm="HS256"), "handtekening"
    )
    _reject(verifier, jwt.encode(_claims(exp=int(time.time()) - 5), SECRET), "verlopen")
    _reject(verifier, jwt.encode(_claims(role="directeur"), SECRET), "onbekende rol")
    _reject(verifier, jwt.encode(_claims(role="systeem"), SECRET), "onbekende rol")
    _reject(verifier, jwt.encode(_claims(aud="other"), SECRET), "geweigerd")
    _reject(verifier, jwt.encode(_claims(aud=None), SECRET), "geweigerd")
    _reject(verifier, "not-a-jwt", "geen geldige JWT")
    with pytest.raises(AuthError, match="geen token"):
        verifier.actor_from_header(None)
    with pytest.raises(AuthError, match="Bearer"):
        verifier.actor_from_header("Basic abc")


def _pem(key) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def test_production_verifies_rs256_and_es256_and_refuses_hs256(tmp_path):
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    (tmp_path / "rsa.pem").write_text(_pem(rsa_key))
    jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(ec_key.public_key()))
    (tmp_path / "jwks.json").write_text(
        json.dumps({"keys": [{**jwk, "kid": "ec1", "alg": "ES256"}]})
    )
    settings = GatewaySettings.from_env(
        {
            "WVP_ENV": "production",
            "WVP_JWT_PUBLIC_KEYS": str(tmp_path / "rsa.pem"),
            "WVP_JWKS_FILE": str(tmp_path / "jwks.json"),
            "WVP_JWT_SECRET": SECRET,
        }
    )
    verifier = TokenVerifier(settings)
    assert verifier.verify(jwt.encode(_claims(), rsa_key, algorithm="RS256")).persoon_id == "hr1"
    es = jwt.encode(_claims(sub="ba1"), ec_key, algorithm="ES256", headers={"kid": "ec1"})
    assert verifier.verify(es).persoon_id == "ba1"
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    _reject(verifier, jwt.encode(_claims(), other, algorithm="RS256"), "handtekening")
    _reject(verifier, jwt.encode(_claims(), SECRET, algorithm="HS256"), "'HS256'")
    with pytest.raises(ConfigError):
        mint_token(settings, "werkgever", "hr1", "acme")


def test_production_without_keys_refuses_to_start():
    with pytest.raises(ConfigError, match="WVP_JWT_PUBLIC_KEYS"):
        TokenVerifier(GatewaySettings.from_env({"WVP_ENV": "production"}))


# Tokens are minted when the test runs, not when it is collected: in a long suite a token made at
# collection would have expired before its test, and every case would fail for that reason only.
@pytest.mark.parametrize(
    ("authorization", "reason"),
    [
        (lambda: None, "geen token"),
        (lambda: jwt.encode(_claims(), None, algorithm="none"), "niet geaccepteerd"),
        (lambda: jwt.encode(_claims(), "wrong-secret-" * 4), "handtekening"),
        (lambda: jwt.encode(_claims(exp=1), SECRET), "verlopen"),
        (lambda: jwt.encode(_claims(role="koning"), SECRET), "onbekende rol"),
        (lambda: jwt.encode(_claims(aud="elders"), SECRET), "geweigerd"),
        # Correctly signed, but a claim of the wrong JSON type (a list gave HTTP 500).
        (lambda: jwt.encode(_claims(role=["werkgever"]), SECRET), "'role' moet"),
        (lambda: jwt.encode(_claims(role={"r": "uwv"}), SECRET), "'role' moet"),
        (lambda: jwt.encode(_claims(org=["acme", "elders"]), SECRET), "'org' moet"),
        (lambda: jwt.encode(_claims(org=7), SECRET), "'org' moet"),
    ],
)
def test_http_rejects_with_401_and_unauthenticated(server, authorization, reason):
    raw = authorization()
    response = server.post("{ me { rol } }", bearer=raw and "Bearer " + raw)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert reason in error["message"]


def test_http_accepts_a_valid_token(server):
    assert server.ok("{ me { rol persoonId organisatie } }", "uwv")["me"] == {
        "rol": "uwv",
        "persoonId": "uwv1",
        "organisatie": "uwv",
    }


def test_websocket_without_a_valid_token_is_closed(server):
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect

    with connect(server.ws, subprotocols=["graphql-transport-ws"]) as ws:
        with pytest.raises(ConnectionClosed) as closed:
            connection_init(ws, "Bearer " + jwt.encode(_claims(), "wrong-secret-" * 4))
        assert closed.value.rcvd.code == 4403
    with connect(server.ws, subprotocols=["graphql-transport-ws"]) as ws:
        assert connection_init(ws, f"Bearer {token('werkgever')}")["type"] == "connection_ack"
