"""A Tansu broker on a free loopback port, recipient key pairs, and the service processes."""

import base64
import os

import pytest

from distributed import topology
from distributed.sealing import generate
from tooling.processes import ServiceProcesses
from tooling.tansu import Tansu, free_port


@pytest.fixture(scope="module")
def kafka(tmp_path_factory):
    broker = Tansu(free_port(), tmp_path_factory.mktemp("tansu") / "tansu.log").start()
    try:
        yield broker
    finally:
        broker.stop()


@pytest.fixture(scope="session")
def keys(tmp_path_factory):
    directory = tmp_path_factory.mktemp("keys")
    generate(directory, sorted({topology.BEDRIJFSARTS_ZIJDE, *topology.BY_NAME}))
    return directory


@pytest.fixture(scope="module")
def services(kafka, keys, tmp_path_factory):
    processes = ServiceProcesses(
        kafka.bootstrap,
        tmp_path_factory.mktemp("services"),
        keys,
        # One at-rest key for all five, so a test can open their stores together.
        env={
            "WVP_SIMULATED_CLOCK": "1",
            "WVP_MEDICAL_KEY": base64.b64encode(os.urandom(32)).decode(),
        },
    )
    try:
        processes.start_all()
        yield processes
    finally:
        processes.stop_all()
