"""The store cipher writes and reads the library's AES-GCM format, so old stores stay readable."""

import pytest
from eventsourcing.cipher import AESCipher
from eventsourcing.utils import Environment

from services.shared.cipher import AESGCMCipher


@pytest.fixture
def env() -> Environment:
    return Environment(env={"CIPHER_KEY": AESCipher.create_key(32)})


def test_each_cipher_reads_what_the_other_wrote(env):
    ours, library = AESGCMCipher(env), AESCipher(env)
    plaintext = b'{"diagnose": "rugklachten"}'
    assert library.decrypt(ours.encrypt(plaintext)) == plaintext
    assert ours.decrypt(library.encrypt(plaintext)) == plaintext
    assert ours.encrypt(plaintext) != ours.encrypt(plaintext)  # a fresh nonce every time


def test_damaged_or_foreign_ciphertext_is_refused(env):
    ours = AESGCMCipher(env)
    sealed = bytearray(ours.encrypt(b"medisch"))
    sealed[-1] ^= 1
    with pytest.raises(ValueError, match="damaged"):
        ours.decrypt(bytes(sealed))
    with pytest.raises(ValueError, match=r"[Dd]amaged"):
        ours.decrypt(b"too short")
    other = AESGCMCipher(Environment(env={"CIPHER_KEY": AESCipher.create_key(32)}))
    with pytest.raises(ValueError, match="damaged"):
        other.decrypt(ours.encrypt(b"medisch"))
