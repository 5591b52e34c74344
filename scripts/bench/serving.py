"""Both bots' servers, started by the tests' helper; cold start and memory of each."""

import time
from pathlib import Path
from typing import Any, Dict, List, Optional

import requests
import yaml

from tests.servers import STOCK_RASA, Servers, tracker_store_on

from .common import Budget, bench_env, log, tail


def our_servers(work: Path, model: Path, tracker: str) -> Servers:
    """Ours as deployed: `python -m addons run`, `python -m actions`, credentials.yml, and
    endpoints.yml's tracker store on a fresh SQLite file (or Rasa's in-memory store)."""
    endpoints = ""
    if tracker == "sqlite":
        for old in work.glob("ours-conversations.db*"):  # with SQLite's -wal and -shm
            old.unlink()
        endpoints = tracker_store_on(work / "ours-conversations.db")
    return Servers(work, endpoints_extra=endpoints, env=bench_env(), model=model, name="ours")


def stock_servers(work: Path, project: Path, model: Path) -> Servers:
    """The `rasa init` bot with the stock `rasa run`, its own credentials and endpoints."""
    domain = yaml.safe_load((project / "domain.yml").read_text()) or {}
    actions = [a if isinstance(a, str) else next(iter(a)) for a in domain.get("actions") or []]
    custom = [name for name in actions if not name.startswith("utter_")]
    if custom:  # rasa init 3.6 has none; the benchmark would need its action server
        raise RuntimeError(f"the stock bot lists custom actions {custom}: not supported")
    return Servers(
        work,
        credentials=(project / "credentials.yml").read_text(),
        endpoints_extra=(project / "endpoints.yml").read_text(),
        env=bench_env(),
        project=project,
        model=model,
        rasa=STOCK_RASA,
        actions=False,
        name="stock",
    )


def cold_start(servers: Servers, first_message: str, timeout: float) -> float:
    """Spawn the Rasa server; seconds until the REST webhook answers the first message."""
    start = time.perf_counter()
    rasa = servers.spawn_rasa()
    deadline = time.monotonic() + timeout
    session = requests.Session()
    session.trust_env = False
    while time.monotonic() < deadline:
        if rasa.poll() is not None:
            raise RuntimeError(f"{rasa.args!r} exited: " + tail(servers.log_path("rasa")))
        try:
            reply = session.post(
                f"{servers.url}/webhooks/rest/webhook",
                json={"sender": "cold-start", "message": first_message},
                timeout=max(1.0, deadline - time.monotonic()),
            )
            if reply.status_code == 200 and reply.json():
                return time.perf_counter() - start
        except (requests.RequestException, ValueError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"no answer within {timeout:.0f} s: " + tail(servers.log_path("rasa")))


def serve(name: str, servers: Servers, first_message: str, budget: Budget) -> Dict[str, Any]:
    """Start the bot's action server (if it has one), then time the Rasa server's cold start."""
    result: Dict[str, Any] = {}
    if servers.with_actions:
        start = time.perf_counter()
        try:
            servers.start_actions()
        except RuntimeError as error:
            raise RuntimeError(f"{error}: " + tail(servers.log_path("actions"))) from error
        result["actions_start_s"] = round(time.perf_counter() - start, 2)
    log(f"{name}: rasa run cold start")
    result["cold_start_s"] = round(cold_start(servers, first_message, budget.left(180)), 2)
    log(f"{name}: up in {result['cold_start_s']} s")
    return result


def descendants(pid: int) -> List[int]:
    """pid and all its descendants, from /proc/*/stat."""
    parents: Dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(text[text.rindex(")") + 2 :].split()[1])
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += [child for child, parent in parents.items() if parent == current]
    return found


def rss_mb(pid: int) -> Optional[float]:
    """Sum of VmRSS over pid and its descendants, in MB (shared pages are counted in each)."""
    total_kb, seen = 0, False
    for each in descendants(pid):
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total_kb, seen = total_kb + int(line.split()[1]), True
    return round(total_kb / 1024, 1) if seen else None


def memory(servers: Servers) -> Dict[str, Optional[float]]:
    return {
        "rasa_rss_mb": rss_mb(servers.rasa.pid) if servers.rasa else None,
        "actions_rss_mb": rss_mb(servers.actions.pid) if servers.actions else None,
    }
