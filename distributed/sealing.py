"""Envelope encryption for medical payloads on the wire.

Each message gets a fresh AES-256-GCM data key; the data key is wrapped with RSA-OAEP for every
recipient entitled to the payload. The relay holds only public keys, so a relay, a broker or a
misconfigured ACL cannot read what it carries; each recipient process holds its own private key.
"""

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

ALGORITHM = "A256GCM+RSA-OAEP-256"
_OAEP = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


class SealError(ValueError):
    pass


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


@dataclass(frozen=True)
class Keyring:
    """Public keys of the recipients (`<name>.pub.pem` in a directory) and, optionally, this
    process's own private key."""

    public_keys: dict[str, rsa.RSAPublicKey]
    owner: str | None = None
    private_key: rsa.RSAPrivateKey | None = None

    @classmethod
    def load(cls, directory: str | None, owner: str | None, private_key: str | None) -> "Keyring":
        publics = {}
        if directory:
            for path in sorted(Path(directory).glob("*.pub.pem")):
                key = serialization.load_pem_public_key(path.read_bytes())
                publics[path.name.removesuffix(".pub.pem")] = key
        private = None
        if private_key:
            private = serialization.load_pem_private_key(Path(private_key).read_bytes(), None)
        return cls(publics, owner, private)

    def seal(self, plaintext: bytes, recipients: list[str], context: bytes) -> dict:
        """`context` (the event's id) is bound as associated data, so a sealed payload cannot be
        moved onto another event."""
        missing = [r for r in recipients if r not in self.public_keys]
        if missing:
            raise SealError(f"geen publieke sleutel voor {', '.join(missing)}")
        data_key = AESGCM.generate_key(bit_length=256)
        nonce = os.urandom(12)
        return {
            "alg": ALGORITHM,
            "nonce": _b64(nonce),
            "ciphertext": _b64(AESGCM(data_key).encrypt(nonce, plaintext, context)),
            "keys": {r: _b64(self.public_keys[r].encrypt(data_key, _OAEP)) for r in recipients},
        }

    def can_open(self, sealed: dict) -> bool:
        return self.private_key is not None and self.owner in sealed.get("keys", {})

    def open(self, sealed: dict, context: bytes) -> bytes:
        if not self.can_open(sealed) or sealed.get("alg") != ALGORITHM:
            raise SealError("dit bericht is niet voor deze ontvanger versleuteld")
        data_key = self.private_key.decrypt(base64.b64decode(sealed["keys"][self.owner]), _OAEP)
        nonce, ciphertext = (base64.b64decode(sealed[k]) for k in ("nonce", "ciphertext"))
        return AESGCM(data_key).decrypt(nonce, ciphertext, context)


def generate(directory: Path, names: list[str]) -> None:
    """A key pair per recipient: `<name>.pub.pem` to share, `<name>.key.pem` for that process."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in names:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        private = directory / f"{name}.key.pem"
        private.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        private.chmod(0o600)
        (directory / f"{name}.pub.pem").write_bytes(
            key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        )


def dumps(value: dict) -> bytes:
    return json.dumps(value, separators=(",", ":"), sort_keys=True).encode()
