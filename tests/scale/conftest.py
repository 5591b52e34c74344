"""Two `rasa run` replicas sharing a PostgreSQL tracker store and a Redis lock store.

The replicas use the "scale" profile (deploy/endpoints.scale.yml, settings from deploy/scale.env
overridden by the environment: `tests.servers.scale_profile`) against real PostgreSQL and Redis
servers, which scripts/start-services.sh installs and starts on 127.0.0.1. Each run gets a
database of its own, created here and dropped afterwards.

Without PostgreSQL or Redis installed the tests are skipped, unless CI is set: then they fail.
"""

import contextlib
import glob
import os
import shutil
import socket
import threading
import uuid
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from tests.servers import MODEL, ROOT, Servers, scale_profile

PROFILE_ENDPOINTS = ROOT / "deploy" / "endpoints.scale.yml"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def endpoints_without_action_endpoint() -> str:
    """The profile's endpoints file less its `action_endpoint` block (Servers adds its own).

    Cut as text: once Rasa has been imported, PyYAML's safe loader expands ${...} itself.
    """
    kept: List[str] = []
    skipping = False
    for line in PROFILE_ENDPOINTS.read_text().splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            skipping = line.startswith("action_endpoint:")
        if not skipping:
            kept.append(line)
    text = "\n".join(kept) + "\n"
    assert "tracker_store:" in text and "lock_store:" in text, text
    return text


def _reachable(host: str, port: str) -> bool:
    try:
        with socket.create_connection((host, int(port)), timeout=2):
            return True
    except OSError:
        return False


def _not_installed() -> List[str]:
    missing = []
    if not (glob.glob("/usr/lib/postgresql/*/bin/postgres") or shutil.which("postgres")):
        missing.append("PostgreSQL")
    if not shutil.which("redis-server"):
        missing.append("Redis")
    return missing


@pytest.fixture(scope="module")
def settings() -> Dict[str, str]:
    settings = scale_profile()
    db = (settings["TRACKER_DB_HOST"], settings["TRACKER_DB_PORT"])
    redis = (settings["REDIS_HOST"], settings["REDIS_PORT"])
    if _reachable(*db) and _reachable(*redis):
        return settings
    missing = _not_installed()
    if missing and not in_ci():
        pytest.skip(
            f"{' and '.join(missing)} not installed: run scripts/start-services.sh (as root) "
            "to install and start PostgreSQL and Redis for the scale tests"
        )
    pytest.fail(
        f"PostgreSQL on {db[0]}:{db[1]} or Redis on {redis[0]}:{redis[1]} is not reachable: "
        "run scripts/start-services.sh first (CI must, the scale tests do not skip under CI)"
    )


@pytest.fixture(scope="module")
def tracker_db(settings: Dict[str, str]) -> Iterator[str]:
    """A database of this run's own, as the profile's role (start-services.sh gives it CREATEDB)."""
    import psycopg2

    name = f"rasa_scale_{uuid.uuid4().hex[:12]}"

    def run_as_admin(statement: str) -> None:  # a new connection: a test may restart the server
        admin = psycopg2.connect(
            host=settings["TRACKER_DB_HOST"],
            port=int(settings["TRACKER_DB_PORT"]),
            user=settings["TRACKER_DB_USER"],
            password=settings["TRACKER_DB_PASSWORD"],
            dbname="postgres",
        )
        admin.autocommit = True
        try:
            with admin.cursor() as cursor:
                cursor.execute(statement)
        finally:
            admin.close()

    run_as_admin(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        run_as_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def api_token() -> str:
    """The --auth-token of both replicas' HTTP API."""
    return f"scale-{uuid.uuid4().hex}"


def _start_all(replicas: List[Servers]) -> None:
    for replica in replicas:
        replica.start_actions()
    # The two `rasa run` load the model at the same time: about half the wait.
    errors: List[Exception] = []

    def start(replica: Servers) -> None:
        try:
            replica.start_rasa()
        except Exception as error:  # reported in the main thread
            errors.append(error)

    threads = [threading.Thread(target=start, args=(replica,)) for replica in replicas]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


@contextlib.contextmanager
def running_replicas(
    names: str,
    env: Dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
    env_of: Optional[Dict[str, Dict[str, str]]] = None,
    **servers: Any,
) -> Iterator[List[Servers]]:
    """One replica per letter of `names`, each with its own action server, on the profile's
    PostgreSQL (`env`'s TRACKER_DB_NAME) and Redis, all started before the first is used.
    `env_of` adds to the environment of the replicas it names."""
    assert MODEL.exists(), "no trained model: run `make install` (or `make train`)"
    started = [
        Servers(
            tmp_path_factory.mktemp(f"replica-{name}"),
            endpoints_extra=endpoints_without_action_endpoint(),
            env=dict(env, **(env_of or {}).get(name, {})),
            **servers,
        )
        for name in names
    ]
    try:
        _start_all(started)
    except BaseException:
        for replica in started:
            replica.print_logs()
            replica.stop()
        raise
    try:
        yield started
    finally:
        for replica in started:
            replica.stop()


@pytest.fixture(scope="module")
def replicas(
    settings: Dict[str, str],
    tracker_db: str,
    api_token: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Tuple[Servers, Servers]]:
    """Replicas A and B on one database and one Redis, with Rasa's HTTP API."""
    env = dict(settings, TRACKER_DB_NAME=tracker_db)
    api = {"enable_api": True, "rasa_args": ["--auth-token", api_token]}
    with running_replicas("ab", env, tmp_path_factory, **api) as (a, b):
        yield a, b
