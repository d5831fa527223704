"""Signed checkpoints, backup and restore, on SQLite and PostgreSQL.

What a chain alone cannot show (its newest events deleted, the store put back to an older copy)
a plain `wvp verify` catches once a checkpoint exists; a checkpoint file nobody may trust is
reported and not used; a restore that `wvp restore` recorded reads as a restore, not as a
rollback; a backup taken while commands are recorded restores elsewhere as it was.
"""

import base64
import json
import threading
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from typer.testing import CliRunner

from compliance.backup import backup, restore
from compliance.checkpoint import (
    DEV_KEY,
    CheckpointError,
    CheckpointSettings,
    PeriodicCheckpoints,
    canonical,
    key_id,
    load_trail,
    write_checkpoint,
)
from compliance.verify import anchor_of, verify
from services.shared.aggregate import aggregate_id
from services.shared.config import Settings
from tests.compliance.conftest import WERKGEVER, build, dag
from tests.gateway.support import start_server
from tests.services.helpers import meld_ziek, tamper_with_store
from wvp.cli import app
from wvp.runtime import Platform, running

runner = CliRunner()

# The settings a test leaves unset, whatever the machine running it has.
UNSET = ("WVP_CHECKPOINT_KEY", "WVP_CHECKPOINT_PUBLIC_KEY", "WVP_ENV", "WVP_DATABASE_SCHEMA")


def cli_env(store: dict[str, str], checkpoints: Path, **more: str) -> dict[str, str]:
    """A store's environment with the checkpoints apart from it and no key configured."""
    return {
        **{name: "" for name in UNSET},
        **store,
        "WVP_CHECKPOINT_DIR": str(checkpoints),
        "COLUMNS": "1000",  # nothing folds
        **more,
    }


@pytest.fixture
def env(store_env, tmp_path) -> dict[str, str]:
    return cli_env(store_env, tmp_path / "checkpoints")


def wvp(env: dict[str, str], *args: str, exit_code: int = 0) -> str:
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == exit_code, result.output + result.stderr
    return result.output + result.stderr


def werkgever_version(platform: Platform, dossier_id: str) -> int:
    return sum(1 for name, _ in platform.history(dossier_id) if name == "werkgever")


def wijzig(platform: Platform, dossier_id: str, *percentages: int) -> None:
    for percentage in percentages:
        fields = {"geldig_op": str(dag(7)), "verzuimpercentage": percentage}
        platform.execute("wijzig_verzuimpercentage", WERKGEVER, dossier_id, fields)


def test_deleting_the_newest_events_fails_a_plain_verify_once_a_checkpoint_exists(
    platform, store_env, env
):
    dossier_id = build(platform)
    assert "checkpoint van" in wvp(env, "checkpoint")
    last = werkgever_version(platform, dossier_id)
    werkgever = aggregate_id("werkgever", dossier_id)
    for version in (last, last - 1):  # the newest two rows of the stream
        tamper_with_store(store_env, "werkgever", werkgever, version)
    tamper_with_store(store_env, "providerboog", aggregate_id("providerboog", dossier_id), 1)

    out = wvp(env, "verify", exit_code=1)
    assert "getoetst aan het checkpoint van" in out
    assert (
        f"breuk: werkgever: dossier {dossier_id} (aggregaat {werkgever}), (verwijderd) op positie "
        f"{last - 1}: removed from here on (checkpointed head: version {last})"
    ) in out
    assert "the whole chain is gone (checkpointed head: version 1)" in out  # providerboog's
    assert wvp(env, "verify", dossier_id, exit_code=1).count("breuk:") == 2
    # A checkpoint now would make the truncation the new normal: refused.
    assert "checkpoint geweigerd" in wvp(env, "checkpoint", exit_code=1)


def test_a_silent_rollback_is_a_breach_and_a_recorded_restore_is_not(platform, env, tmp_path):
    dossier_id = meld_ziek(platform).dossier_id
    wijzig(platform, dossier_id, 90)
    stores = Settings.from_env(env)
    old = backup(platform, stores, CheckpointSettings.from_env(env), tmp_path / "oud")
    held = json.loads((old.path / old.checkpoint).read_text())["checkpoint"]
    wijzig(platform, dossier_id, 70, 60)
    wvp(env, "checkpoint")
    checkpointed = werkgever_version(platform, dossier_id)
    platform.stop()

    restore(stores, old.path, replace=True)  # the older copy put back, and nothing recorded
    out = wvp(env, "verify", exit_code=1)
    assert f"removed from here on (checkpointed head: version {checkpointed})" in out
    with running(env) as rolled_back:  # the older copy grows again, differently
        wijzig(rolled_back, dossier_id, 40, 30)
    out = wvp(env, "verify", exit_code=1)
    assert f"op positie {checkpointed}: differs from the checkpointed head" in out
    assert "checkpoint geweigerd" in wvp(env, "checkpoint", exit_code=1)

    assert "--replace" in wvp(env, "restore", str(old.path), exit_code=1)  # a store is there
    assert "door auditor" in wvp(env, "restore", str(old.path), "--replace", "--by", "auditor")
    out = wvp(env, "verify")
    assert "alle ketens intact" in out and "getoetst aan het herstelverslag van" in out
    assert f" UTC uit {old.path} (backup van " in out and " door auditor; " in out
    assert f"de backup bevatte het checkpoint van {held['written_at'][:10]} " in out
    assert held["digest"] in out
    # Checkpoints build on the restore again.
    with running(env) as restored:
        wijzig(restored, dossier_id, 20)
    assert "checkpoint van" in wvp(env, "checkpoint")
    assert "alle ketens intact" in wvp(env, "verify")


def test_a_checkpoint_nobody_may_trust_is_reported_and_not_used(scenario, tmp_path):
    env = cli_env({"WVP_DATA_DIR": scenario.data_dir}, tmp_path / "checkpoints")
    settings = CheckpointSettings.from_env(env)
    genuine, _ = write_checkpoint(scenario.platform, settings)
    document = json.loads((settings.directory / genuine.file_name).read_text())
    shorter = [dict(h, version=h["version"] - 1) for h in document["checkpoint"]["heads"]]
    hiding = {**document["checkpoint"], "heads": shorter}  # would hide a truncation
    impostor = Ed25519PrivateKey.generate()

    def newer(n: int, content: dict) -> str:
        """A file named as if written long after the genuine one: read first."""
        name = genuine.file_name.replace(f"{genuine.written_at:%Y%m%dT}", f"2099123{n}T")
        (settings.directory / name).write_text(json.dumps(content))
        return name

    tampered = newer(1, {**document, "checkpoint": hiding})
    forged = newer(
        2,
        {
            "checkpoint": hiding,
            "key_id": key_id(impostor.public_key()),
            "signature": base64.b64encode(impostor.sign(canonical(hiding))).decode(),
        },
    )
    renamed = newer(3, document)

    out = wvp(env, "verify", exit_code=1)
    assert f"getoetst aan het checkpoint van {genuine.written_at:%Y-%m-%d %H:%M:%S} UTC" in out
    assert f"{tampered}: the signature does not match the content" in out
    assert f"{forged}: signed with another key (key id {key_id(impostor.public_key())}" in out
    assert f"{renamed}: its name does not match its content ({genuine.file_name})" in out
    reported = json.loads(wvp(env, "verify", "--json", exit_code=1))["checkpoints"]
    assert reported["used"]["file"] == genuine.file_name
    assert {r["file"] for r in reported["rejected"]} == {tampered, forged, renamed}


def test_keys_are_made_apart_from_the_data_in_development_and_required_in_production(
    scenario, tmp_path
):
    env = cli_env({"WVP_DATA_DIR": scenario.data_dir}, tmp_path / "dev")
    write_checkpoint(scenario.platform, CheckpointSettings.from_env(env))
    made = tmp_path / "dev" / DEV_KEY
    assert made.stat().st_mode & 0o777 == 0o600
    assert not list(Path(scenario.data_dir).glob("*.pem"))

    production = cli_env(
        {"WVP_DATA_DIR": scenario.data_dir}, tmp_path / "prod", WVP_ENV="production"
    )
    refused = wvp(production, "checkpoint", exit_code=1)
    assert "WVP_CHECKPOINT_KEY is niet gezet: in productie" in refused
    assert not (tmp_path / "prod").exists()

    key = Ed25519PrivateKey.generate()
    (tmp_path / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    (tmp_path / "pub.pem").write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    signer = {**production, "WVP_CHECKPOINT_KEY": str(tmp_path / "key.pem")}
    assert "checkpoint van" in wvp(signer, "checkpoint")
    verifier = {**production, "WVP_CHECKPOINT_PUBLIC_KEY": str(tmp_path / "pub.pem")}
    assert "getoetst aan het checkpoint van" in wvp(verifier, "verify")
    assert "geen sleutel om ze te controleren" in wvp(production, "verify", exit_code=1)
    not_ed25519 = {**production, "WVP_CHECKPOINT_KEY": str(tmp_path / "pub.pem")}
    assert "is geen Ed25519-privésleutel" in wvp(not_ed25519, "checkpoint", exit_code=1)
    with pytest.raises(CheckpointError, match="WVP_CHECKPOINT_INTERVAL"):
        CheckpointSettings.from_env({**env, "WVP_CHECKPOINT_INTERVAL": "soms"})


def test_checkpoints_are_written_periodically_and_on_the_way_out(scenario, tmp_path):
    settings = CheckpointSettings.from_env(
        cli_env(
            {"WVP_DATA_DIR": scenario.data_dir},
            tmp_path / "checkpoints",
            WVP_CHECKPOINT_INTERVAL="0.05",
        )
    )
    with PeriodicCheckpoints(scenario.platform, settings):
        deadline = time.monotonic() + 10
        while not load_trail(settings).trusted and time.monotonic() < deadline:
            time.sleep(0.02)
        assert load_trail(settings).baseline.digest == verify(scenario.platform).digest


def test_serve_writes_a_checkpoint_when_it_is_stopped(tmp_path):
    data_dir, checkpoints = tmp_path / "data", tmp_path / "checkpoints"
    env = cli_env({"WVP_DATA_DIR": str(data_dir)}, checkpoints, WVP_CHECKPOINT_INTERVAL="3600")
    server = start_server(data_dir, env)
    try:
        with running(env) as beside:  # a second process's facts, in the store it serves
            meld_ziek(beside)
            digest = verify(beside).digest
    finally:
        server.stop()  # SIGTERM
    assert server.process.returncode == -15  # ended by SIGTERM, as before checkpoints
    assert load_trail(CheckpointSettings.from_env(env)).baseline.digest == digest


def test_a_backup_under_load_restores_elsewhere_as_it_was(tmp_path):
    checkpoints = tmp_path / "checkpoints"
    source = cli_env({"WVP_DATA_DIR": str(tmp_path / "bron")}, checkpoints)
    target = cli_env({"WVP_DATA_DIR": str(tmp_path / "doel")}, checkpoints)
    recorded: list[str] = []
    stop = threading.Event()

    with running(source) as original:

        def record() -> None:
            while not stop.is_set():
                dossier_id = meld_ziek(original, f"wn-{len(recorded)}").dossier_id
                wijzig(original, dossier_id, 50)
                recorded.append(dossier_id)

        def wait_for(n: int) -> None:
            deadline = time.monotonic() + 30
            while len(recorded) < n and time.monotonic() < deadline:
                time.sleep(0.01)
            assert len(recorded) >= n

        recorder = threading.Thread(target=record)
        recorder.start()
        try:
            wait_for(3)
            before = len(recorded)
            wvp(source, "backup", str(tmp_path / "backup"))
            after = len(recorded)
            wait_for(after + 3)
        finally:
            stop.set()
            recorder.join()

        assert "door drill" in wvp(target, "restore", str(tmp_path / "backup"), "--by", "drill")
        out = wvp(target, "verify")
        assert "alle ketens intact" in out and "getoetst aan het herstelverslag" in out

        assert after > before, "no command was recorded while the backup ran"
        with running(target) as copy:
            # The copy is one moment of the original: every chain a prefix of the original's
            # (so every fact equal), and no follower past a fact its leader's copy lacks.
            assert verify(original, anchor=anchor_of(verify(copy).heads)).ok
            for follower in copy.services:
                for leader in copy.services:
                    tracked = follower.recorder.max_tracking_id(leader.name) or 0
                    assert tracked <= leader.position(), (follower.name, leader.name)
            kept = [d for d in recorded if copy.history(d)]
            # Those done before the backup began are in it, those begun after it ended are not.
            assert before <= len(kept) <= after + 1
            assert kept == recorded[: len(kept)]
            for dossier_id in kept:
                facts = [(s, e.originator_id, e.hash) for s, e in copy.history(dossier_id)]
                as_recorded = [
                    (s, e.originator_id, e.hash) for s, e in original.history(dossier_id)
                ]
                assert facts == as_recorded[: len(facts)], dossier_id
