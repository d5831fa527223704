import pytest

from tests.gateway.support import build_reference, start_server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    started = start_server(tmp_path_factory.mktemp("gateway-data"))
    yield started
    started.stop()


@pytest.fixture(scope="module")
def reference(server):
    return build_reference(server)
