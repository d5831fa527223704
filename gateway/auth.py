"""Bearer JWT authentication: who is calling, in which role, for which organisation.

Development signs and verifies HS256 with a local secret. Production verifies RS256/ES256 against
configured public keys or a JWKS file and accepts nothing symmetric. Claims: `sub` (persoon_id),
`role` (a `events.Rol` value), `org` (organisatie) and `aud`.
"""

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pydantic import ValidationError

from events import Actor, Rol
from gateway.settings import GatewaySettings

ASYMMETRIC = ("RS256", "ES256")
# Process policies act as the system; no token may claim that role.
TOKEN_ROLES = frozenset(r.value for r in Rol if r is not Rol.SYSTEEM)


class AuthError(Exception):
    """The request carries no acceptable token; the message says why."""

    code = "UNAUTHENTICATED"


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class _Key:
    key: Any
    algorithms: tuple[str, ...]
    kid: str | None = None


class TokenVerifier:
    def __init__(self, settings: GatewaySettings):
        self.audience = settings.audience
        self.keys = _asymmetric_keys(settings)
        if not settings.production:
            self.keys.append(_Key(settings.development_secret(), ("HS256",)))
        if not self.keys:
            raise ConfigError(
                "production needs WVP_JWT_PUBLIC_KEYS or WVP_JWKS_FILE to verify tokens"
            )
        self.algorithms = {alg for k in self.keys for alg in k.algorithms}

    def actor_from_header(self, header: str | None) -> Actor:
        if not header:
            raise AuthError("geen token: stuur 'Authorization: Bearer <jwt>'")
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthError("Authorization moet de vorm 'Bearer <jwt>' hebben")
        return self.verify(token.strip())

    def verify(self, token: str) -> Actor:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.DecodeError:
            raise AuthError("token is geen geldige JWT") from None
        alg = header.get("alg")
        if alg not in self.algorithms:
            raise AuthError(f"token-algoritme {alg!r} wordt niet geaccepteerd")
        candidates = [k for k in self.keys if alg in k.algorithms]
        kid = header.get("kid")
        if kid is not None and any(k.kid == kid for k in candidates):
            candidates = [k for k in candidates if k.kid == kid]
        claims = self._decode(token, alg, candidates)
        return _actor(claims)

    def _decode(self, token: str, alg: str, candidates: list[_Key]) -> dict[str, Any]:
        for candidate in candidates:
            try:
                return jwt.decode(
                    token,
                    candidate.key,
                    algorithms=[alg],
                    audience=self.audience,
                    options={"require": ["exp", "sub", "aud"]},
                )
            except jwt.InvalidSignatureError:
                continue  # another configured key may have signed it
            except jwt.ExpiredSignatureError:
                raise AuthError("token is verlopen") from None
            except (jwt.InvalidAudienceError, jwt.MissingRequiredClaimError) as e:
                raise AuthError(f"token geweigerd: {e}") from None
            except jwt.InvalidTokenError as e:
                raise AuthError(f"token ongeldig: {e}") from None
        raise AuthError("handtekening van het token klopt niet")


def _actor(claims: dict[str, Any]) -> Actor:
    """The caller from verified claims. A signed token can still carry claims of any JSON type
    (a list, an object, a number): each is checked for its type before it is used."""
    role = claims.get("role")
    if not isinstance(role, str):
        raise AuthError(f"claim 'role' moet één rol als tekst zijn, niet {_json_type(role)}")
    if role not in TOKEN_ROLES:
        raise AuthError(f"onbekende rol {role!r} in token")
    subject, organisation = claims["sub"], claims.get("org", "")
    for name, value in (("sub", subject), ("org", organisation)):
        if not isinstance(value, str):
            raise AuthError(f"claim {name!r} moet tekst zijn, niet {_json_type(value)}")
    try:
        return Actor(rol=Rol(role), persoon_id=subject, organisatie=organisation)
    except ValidationError:
        raise AuthError("token mist een geldige 'sub' of 'org'") from None


def _json_type(value: Any) -> str:
    names = {list: "een lijst", dict: "een object", bool: "een boolean", type(None): "leeg"}
    return names.get(type(value), "een getal" if isinstance(value, int | float) else "tekst")


def _asymmetric_keys(settings: GatewaySettings) -> list[_Key]:
    keys = []
    for entry in settings.public_keys:
        pem = entry if "-----BEGIN" in entry else Path(entry).read_text()
        public_key = serialization.load_pem_public_key(pem.encode())
        if isinstance(public_key, rsa.RSAPublicKey):
            keys.append(_Key(public_key, ("RS256",)))
        elif isinstance(public_key, ec.EllipticCurvePublicKey):
            keys.append(_Key(public_key, ("ES256",)))
        else:
            raise ConfigError(f"{type(public_key).__name__}: only RSA and EC keys are supported")
    if settings.jwks_file is not None:
        jwks = jwt.PyJWKSet.from_dict(json.loads(settings.jwks_file.read_text()))
        for jwk in jwks.keys:
            if jwk.algorithm_name not in ASYMMETRIC:
                raise ConfigError(f"JWKS key {jwk.key_id!r}: {jwk.algorithm_name} not supported")
            keys.append(_Key(jwk.key, (jwk.algorithm_name,), jwk.key_id))
    return keys


def mint_token(
    settings: GatewaySettings,
    role: str,
    subject: str,
    organisation: str,
    ttl_seconds: int | None = None,
) -> str:
    """A development token signed with the local HS256 secret."""
    if settings.production:
        raise ConfigError("production tokens come from the identity provider, not from wvp")
    if role not in TOKEN_ROLES:
        raise ValueError(f"unknown role {role!r}; choose from {', '.join(sorted(TOKEN_ROLES))}")
    now = int(time.time())
    claims = {
        "sub": subject,
        "role": role,
        "org": organisation,
        "aud": settings.audience,
        "iat": now,
        "exp": now + (ttl_seconds or settings.token_ttl_seconds),
    }
    return jwt.encode(claims, settings.development_secret(), algorithm="HS256")
