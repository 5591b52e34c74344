"""Benchmark our bot against a stock `rasa init` bot: training, start-up, latency, load, memory.

Run from the project directory:  .venv/bin/python -m scripts.bench [--quick]

Writes results/bench.json and results/bench.png and prints a table, our figures as ratios to the
stock bot, and PASS/MISS per target. Exit code 0 whatever the figures: a benchmark, not a test.

Everything runs one step at a time (a 2-core machine) inside a temporary directory; nothing in the
project tree is written except results/bench.*:
- training: a full `rasa train` from scratch for both bots, each with a fresh, empty training cache
  (RASA_CACHE_DIRECTORY in the temporary directory). Rasa's LocalTrainingCache
  (rasa/engine/caching.py) keys every graph node by a fingerprint of its config and inputs and
  restores cached outputs instead of training; with the project's warm ./.rasa/cache a retrain of
  unchanged data is mostly restores, so it is never used here. `--train-cache off` sets
  RASA_MAX_CACHE_SIZE=0 instead (no cache reads or writes). The stock bot's training is the one
  `rasa init --no-prompt` does itself (rasa.train with the project's defaults: the same call as
  `rasa train`), timed as the whole `rasa init` process; copying the scaffold takes milliseconds.
  Ours is `rasa train --fixed-model-name bench-ours --out <tmp>` in the project directory; the
  spaCy pipeline it reads (build/, `make spacy`) is a prerequisite and is not timed.
- cold start: from spawning `rasa run` to the REST webhook answering the first message (the
  action server, when the bot needs one, is already up; its own start-up is reported apart).
- both bots are up at once for the load tests, measured in alternating rounds (a conversation of
  one, then of the other; under load, a round of one, then of the other): this shared machine's
  speed drifts by 20-30 % from minute to minute, which measuring one bot after the other turned
  into the ratio.
- latency at 1 user: a realistic conversation per bot, repeated (a new sender each time) after a
  warm-up conversation; p50 and p95 per message.
- throughput: N users at once, each holding its own conversations, in 4 rounds per bot; messages
  per second over the summed wall time of its rounds.
- memory: VmRSS (/proc/<pid>/status) of each server and its child processes, after the load.
- ours only: macro-F1 of `rasa test nlu` on tests/nlu_holdout.yml and the conversation accuracy of
  `rasa test core` on tests/test_stories.yml, both with the model trained here.

Our bot runs as deployed: the project's credentials.yml (channels and add-ons) and its
tracker store (endpoints.yml's SQLite store, on a file in the temporary directory), "today"
pinned as in the tests.
`--tracker memory` uses the in-memory tracker store like the stock bot.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import requests
import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
RASA = str(BIN / "rasa")
PYTHON = str(BIN / "python")
TODAY = "2026-11-28"  # the tests' "today" (a Saturday): the deadline answers are deterministic

# One conversation each; cycled with a new sender every time round.
OUR_CONVERSATION = [
    "hello",
    "the seller hasn't replied to my dispute",
    "I opened it 3 days ago",  # form validation + deadline check (dateparser) + reminder offer
    "no thanks",
    "my parcel never came, order 8123456789012345",  # complaint action
    "yes please",  # walkthrough step 1
    "next",
    "how does the return process work?",
    "where was I?",
    "can I talk to a real person",  # case summary
]
STOCK_CONVERSATION = [  # its own stories and rules: sad path 2, happy path, sad path 1, bot, bye
    "hello",
    "I am sad",
    "no",
    "hi there",
    "I am feeling great",
    "are you a bot?",
    "good morning",
    "I'm very sad",
    "yes",
    "bye",
]
# A reply that shows the custom actions really ran (3 days before Sat 28 Nov 2026).
OUR_CHECK = ("I opened it 3 days ago", "Wednesday 25 November")

TARGETS = {
    "p50 latency <= 1.2x stock": ("p50_ratio", "<=", 1.2),
    "throughput >= 0.85x stock": ("throughput_ratio", ">=", 0.85),
    "our training <= 180 s": ("our_train_s", "<=", 180.0),
    "our cold start <= 20 s": ("our_cold_start_s", "<=", 20.0),
}


# --------------------------------------------------------------------------- helpers


class Budget:
    """The whole run is bounded: every step gets at most what is left."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def left(self, cap: float) -> float:
        return max(1.0, min(cap, self.end - time.monotonic()))


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    # No proxies (loopback only); no telemetry; same TF/log settings for both bots.
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
        PYTHONPATH=str(ROOT),
        REFUND_ASSISTANT_TODAY=TODAY,
    )
    env.update(extra or {})
    return env


def run_timed(
    args: Sequence[str], cwd: Path, env: Dict[str, str], log_path: Path, timeout: float
) -> Dict[str, Any]:
    """Run a command to the end; wall time, return code, and its output in log_path."""
    start = time.perf_counter()
    with open(log_path, "w") as out:
        proc = subprocess.Popen(
            list(args),
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            stop(proc)
            code = None
    return {"seconds": time.perf_counter() - start, "returncode": code, "log": str(log_path)}


def tail(path: Path, chars: int = 1500) -> str:
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return ""


def stop(proc: Optional[subprocess.Popen]) -> None:
    """Stop a process this script started, and its process group (its own session)."""
    if proc is None or proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def children(pid: int) -> List[int]:
    """pid and all its descendants, from /proc/*/stat."""
    parents: Dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        parents[int(stat.parent.name)] = int(fields[1])
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += [child for child, parent in parents.items() if parent == current]
    return found


def rss_mb(pid: int) -> Optional[float]:
    """Sum of VmRSS over pid and its children, in MB (shared pages are counted in each)."""
    total_kb, seen = 0, False
    for each in children(pid):
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
                    seen = True
        except OSError:
            continue
    return round(total_kb / 1024, 1) if seen else None


def percentile_ms(values: List[float], q: int) -> Optional[float]:
    """The q-th percentile of durations in seconds, in milliseconds."""
    if not values:
        return None
    if len(values) == 1:
        return round(values[0] * 1000, 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000, 1)


def needs_action_server(domain_file: Path) -> bool:
    """True when the domain lists a custom action (any action that is not an `utter_` response)."""
    from ruamel.yaml import YAML  # Rasa's own YAML library, in the venv

    domain = YAML(typ="safe").load(domain_file.read_text()) or {}
    actions = domain.get("actions") or []
    names = [a if isinstance(a, str) else next(iter(a)) for a in actions]
    return any(not name.startswith("utter_") for name in names)


# --------------------------------------------------------------------------- servers


class Bot:
    """A `rasa run` (and an action server when needed) on free ports."""

    def __init__(
        self,
        name: str,
        cwd: Path,
        model: Path,
        work: Path,
        endpoints: str,
        credentials: Path,
        actions_cmd: Optional[List[str]],
        action_port: int,
        env: Dict[str, str],
    ) -> None:
        self.name, self.cwd, self.model, self.work = name, cwd, model, work
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.endpoints = work / f"{name}-endpoints.yml"
        self.endpoints.write_text(endpoints)
        self.credentials = credentials
        self.actions_cmd, self.action_port = actions_cmd, action_port
        self.env = env
        self.rasa: Optional[subprocess.Popen] = None
        self.actions: Optional[subprocess.Popen] = None
        self._logs: List[Any] = []

    def _spawn(self, what: str, args: List[str]) -> subprocess.Popen:
        out = open(self.work / f"{self.name}-{what}.log", "a")  # noqa: SIM115 - closed in stop
        self._logs.append(out)
        return subprocess.Popen(
            args,
            cwd=self.cwd,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_actions(self, timeout: float) -> Optional[float]:
        if not self.actions_cmd:
            return None
        start = time.perf_counter()
        self.actions = self._spawn("actions", self.actions_cmd)
        url = f"http://127.0.0.1:{self.action_port}/health"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.actions.poll() is not None:
                raise RuntimeError(
                    f"{self.name} action server exited: "
                    + tail(self.work / f"{self.name}-actions.log")
                )
            try:
                if requests.get(url, timeout=2).status_code == 200:
                    return time.perf_counter() - start
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} action server not up in {timeout:.0f} s")

    def cold_start(self, first_message: str, timeout: float) -> float:
        """Spawn `rasa run`; seconds until the REST webhook answers the first message."""
        args = [
            RASA,
            "run",
            "--model",
            str(self.model),
            "--interface",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--endpoints",
            str(self.endpoints),
            "--credentials",
            str(self.credentials),
        ]
        start = time.perf_counter()
        self.rasa = self._spawn("rasa", args)
        deadline = time.monotonic() + timeout
        session = requests.Session()
        session.trust_env = False
        while time.monotonic() < deadline:
            if self.rasa.poll() is not None:
                raise RuntimeError(
                    f"{self.name} rasa run exited: " + tail(self.work / f"{self.name}-rasa.log")
                )
            try:
                reply = session.post(
                    f"{self.url}/webhooks/rest/webhook",
                    json={"sender": "cold-start", "message": first_message},
                    timeout=max(1.0, deadline - time.monotonic()),
                )
                if reply.status_code == 200 and reply.json():
                    return time.perf_counter() - start
            except (requests.RequestException, ValueError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.name}: no answer within {timeout:.0f} s")

    def memory(self) -> Dict[str, Optional[float]]:
        return {
            "rasa_rss_mb": rss_mb(self.rasa.pid) if self.rasa else None,
            "actions_rss_mb": rss_mb(self.actions.pid) if self.actions else None,
        }

    def stop(self) -> None:
        stop(self.rasa)
        stop(self.actions)
        for out in self._logs:
            out.close()


class User:
    """One user over REST: their own keep-alive session and a new sender per conversation."""

    def __init__(self, url: str, tag: str, conversation: List[str]) -> None:
        self.url = f"{url}/webhooks/rest/webhook"
        self.tag, self.conversation = tag, conversation
        self.session = requests.Session()
        self.session.trust_env = False
        self.errors = 0  # HTTP errors and timeouts
        self.silent: Dict[str, int] = {}  # answered 200 with no message at all, per message
        self.answers: Dict[str, List[str]] = {}
        self.per_message: Dict[str, List[float]] = {}
        self.sent = 0  # messages sent so far: the next one continues the conversation

    def run(self, messages: int, latencies: List[float]) -> None:
        self.sent = 0
        self.run_more(messages, latencies)

    def run_more(self, messages: int, latencies: List[float]) -> None:
        """The next `messages` messages, going on where the last call stopped."""
        for i in range(self.sent, self.sent + messages):
            turn = i % len(self.conversation)
            sender = f"{self.tag}-{i // len(self.conversation)}"
            text = self.conversation[turn]
            start = time.perf_counter()
            try:
                reply = self.session.post(
                    self.url, json={"sender": sender, "message": text}, timeout=60
                )
                said = reply.json() if reply.status_code == 200 else None
            except (requests.RequestException, ValueError):
                said = None
            elapsed = time.perf_counter() - start
            latencies.append(elapsed)
            self.per_message.setdefault(text, []).append(elapsed)
            if said is None:
                self.errors += 1
            elif not said:
                self.silent[text] = self.silent.get(text, 0) + 1
            else:
                texts = "\n".join(m.get("text", "") for m in said)
                self.answers.setdefault(text, []).append(texts)
        self.sent += messages


ROUNDS_UNDER_LOAD = 4  # per bot, alternating with the other bot


def load_tests(
    runs: List[Tuple[Bot, List[str], Optional[tuple]]], args: argparse.Namespace
) -> Dict[str, Dict[str, Any]]:
    """Latency at 1 user, then throughput under load, both bots up, in alternating rounds.

    The machine's speed drifts by 20-30 % from minute to minute (a shared 2-core VM): measured
    one after the other, the bots' ratio mostly measured the drift. Here every round of one bot
    is followed by a round of the other, so drift touches both alike.
    """
    results: Dict[str, Dict[str, Any]] = {bot.name: {} for bot, _, _ in runs}
    for bot, conversation, _ in runs:  # warm-up: one whole conversation, not measured
        User(bot.url, f"{bot.name}-warmup", conversation).run(len(conversation), [])

    # 1 user: one conversation of one bot, then one of the other, until each has its messages.
    solo = {bot.name: User(bot.url, f"{bot.name}-solo", conv) for bot, conv, _ in runs}
    latencies: Dict[str, List[float]] = {bot.name: [] for bot, _, _ in runs}
    round_no = 0
    while any(len(latencies[bot.name]) < args.messages for bot, _, _ in runs):
        order = runs if round_no % 2 == 0 else runs[::-1]
        for bot, conversation, _ in order:
            left = args.messages - len(latencies[bot.name])
            if left > 0:
                solo[bot.name].run_more(min(len(conversation), left), latencies[bot.name])
        round_no += 1
    for bot, _, check in runs:
        one, lat = solo[bot.name], latencies[bot.name]
        result = results[bot.name]
        result["latency_1_user"] = {
            "messages": len(lat),
            "errors": one.errors,
            "p50_ms": percentile_ms(lat, 50),
            "p95_ms": percentile_ms(lat, 95),
            "mean_ms": round(statistics.mean(lat) * 1000, 1),
            "no_reply": one.silent,
            "p50_ms_per_message": {
                text: percentile_ms(times, 50) for text, times in one.per_message.items()
            },
        }
        if check:
            said = one.answers.get(check[0], [])
            result["answers_checked"] = bool(said) and all(check[1] in s for s in said)

    # N users at once, in rounds alternating between the bots.
    per_round = max(1, args.messages_per_user // ROUNDS_UNDER_LOAD)
    loads: Dict[str, List[Dict[str, Any]]] = {bot.name: [] for bot, _, _ in runs}
    users = {
        bot.name: [User(bot.url, f"{bot.name}-u{n}", conv) for n in range(args.users)]
        for bot, conv, _ in runs
    }
    for round_no in range(ROUNDS_UNDER_LOAD):
        order = runs if round_no % 2 == 0 else runs[::-1]
        for bot, _, _ in order:
            loads[bot.name].append(one_load_round(users[bot.name], per_round))
    for bot, _, _ in runs:
        rounds = loads[bot.name]
        allat = [x for r in rounds for x in r["latencies"]]
        wall = sum(r["seconds"] for r in rounds)
        results[bot.name]["load"] = {
            "users": args.users,
            "rounds": len(rounds),
            "messages": len(allat),
            "errors": sum(u.errors for u in users[bot.name]),
            "no_reply": sum(sum(u.silent.values()) for u in users[bot.name]),
            "seconds": round(wall, 2),
            "messages_per_s": round(len(allat) / wall, 2),
            "messages_per_s_per_round": [round(r["messages_per_s"], 2) for r in rounds],
            "p50_ms": percentile_ms(allat, 50),
            "p95_ms": percentile_ms(allat, 95),
        }
        results[bot.name].update(bot.memory())
    return results


def one_load_round(users: List["User"], messages_per_user: int) -> Dict[str, Any]:
    """Every user sends `messages_per_user` messages at once; wall time and latencies."""
    per_user: List[List[float]] = [[] for _ in users]
    barrier = threading.Barrier(len(users) + 1)

    def go(user: User, lat: List[float]) -> None:
        barrier.wait()
        user.run_more(messages_per_user, lat)

    threads = [
        threading.Thread(target=go, args=(u, lat), daemon=True)
        for u, lat in zip(users, per_user, strict=True)
    ]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    allat = [x for lat in per_user for x in lat]
    return {"latencies": allat, "seconds": wall, "messages_per_s": len(allat) / wall}


# --------------------------------------------------------------------------- steps


def train_env(work: Path, name: str, mode: str) -> Dict[str, str]:
    if mode == "off":
        return base_env(
            {"RASA_MAX_CACHE_SIZE": "0", "RASA_CACHE_DIRECTORY": str(work / f"{name}-cache-unused")}
        )
    cache = work / f"{name}-cache"  # fresh and empty: a cold training
    shutil.rmtree(cache, ignore_errors=True)
    return base_env({"RASA_CACHE_DIRECTORY": str(cache)})


def make_stock(work: Path, args: argparse.Namespace, budget: Budget) -> Dict[str, Any]:
    stock = work / "stock"
    models = sorted((stock / "models").glob("*.tar.gz")) if stock.exists() else []
    if args.skip_train and models:
        log(f"stock: reusing {models[-1]}")
        return {"dir": stock, "model": models[-1], "train": None}
    shutil.rmtree(stock, ignore_errors=True)
    stock.mkdir(parents=True)
    log("stock: rasa init --no-prompt (creates the project and trains it from scratch)")
    timed = run_timed(
        [RASA, "init", "--no-prompt"],
        stock,
        train_env(work, "stock", args.train_cache),
        work / "stock-train.log",
        budget.left(600),
    )
    models = sorted((stock / "models").glob("*.tar.gz"))
    if timed["returncode"] != 0 or not models:
        raise RuntimeError("stock rasa init failed: " + tail(work / "stock-train.log"))
    log(f"stock: trained in {timed['seconds']:.1f} s")
    return {"dir": stock, "model": models[-1], "train": timed}


def make_ours(work: Path, args: argparse.Namespace, budget: Budget) -> Dict[str, Any]:
    out = work / "ours-models"
    model = out / "bench-ours.tar.gz"
    if args.skip_train and model.exists():
        log(f"ours: reusing {model}")
        return {"model": model, "train": None}
    shutil.rmtree(out, ignore_errors=True)
    log("ours: rasa train (from scratch, fresh cache)")
    timed = run_timed(
        [RASA, "train", "--fixed-model-name", "bench-ours", "--out", str(out)],
        ROOT,
        train_env(work, "ours", args.train_cache),
        work / "ours-train.log",
        budget.left(600),
    )
    if timed["returncode"] != 0 or not model.exists():
        raise RuntimeError("our rasa train failed: " + tail(work / "ours-train.log"))
    log(f"ours: trained in {timed['seconds']:.1f} s")
    return {"model": model, "train": timed}


def model_quality(work: Path, model: Path, budget: Budget) -> Dict[str, Any]:
    quality: Dict[str, Any] = {}
    env = base_env()
    nlu_out = work / "test-nlu"
    log("ours: rasa test nlu on tests/nlu_holdout.yml")
    timed = run_timed(
        [
            RASA,
            "test",
            "nlu",
            "--nlu",
            "tests/nlu_holdout.yml",
            "--model",
            str(model),
            "--out",
            str(nlu_out),
            "--no-plot",
        ],
        ROOT,
        env,
        work / "test-nlu.log",
        budget.left(300),
    )
    report = nlu_out / "intent_report.json"
    if timed["returncode"] == 0 and report.exists():
        macro = json.loads(report.read_text())["macro avg"]
        quality["holdout_macro_f1"] = round(macro["f1-score"], 4)
        quality["holdout_messages"] = macro["support"]
    else:
        log("rasa test nlu failed: " + tail(work / "test-nlu.log", 600))
    core_out = work / "test-core"
    log("ours: rasa test core on tests/test_stories.yml")
    timed = run_timed(
        [
            RASA,
            "test",
            "core",
            "--stories",
            "tests/test_stories.yml",
            "--model",
            str(model),
            "--out",
            str(core_out),
            "--no-plot",
        ],
        ROOT,
        env,
        work / "test-core.log",
        budget.left(300),
    )
    report = core_out / "story_report.json"
    if timed["returncode"] == 0 and report.exists():
        conv = json.loads(report.read_text()).get("conversation_accuracy", {})
        quality["story_accuracy"] = round(conv["accuracy"], 4) if conv else None
        quality["stories_correct"] = conv.get("correct")
        quality["stories_total"] = conv.get("total")
    else:  # fall back on the stdout summary ("Correct: 40 / 42" under "Conversation level")
        text = tail(work / "test-core.log", 20000)
        found = re.search(r"Conversation level.*?Correct:\s+(\d+)\s*/\s*(\d+)", text, re.S)
        if found:
            correct, total = int(found[1]), int(found[2])
            quality.update(
                story_accuracy=round(correct / total, 4),
                stories_correct=correct,
                stories_total=total,
            )
        else:
            log("rasa test core failed: " + tail(work / "test-core.log", 600))
    return quality


def serve(name: str, bot: Bot, first_message: str, budget: Budget) -> Dict[str, Any]:
    """Start the bot's action server (if any) and time `rasa run`'s cold start."""
    result: Dict[str, Any] = {}
    started = bot.start_actions(budget.left(120))
    if started is not None:
        result["actions_start_s"] = round(started, 2)
    log(f"{name}: rasa run cold start")
    result["cold_start_s"] = round(bot.cold_start(first_message, budget.left(180)), 2)
    log(f"{name}: up in {result['cold_start_s']} s")
    return result


# --------------------------------------------------------------------------- report

# (label, key in the summary, format): the rows of the table and the bars of the chart.
FIGURES = [
    ("training (s)", "train_s", "{:.1f}"),
    ("cold start (s)", "cold_start_s", "{:.1f}"),
    ("p50 latency, 1 user (ms)", "p50_ms", "{:.0f}"),
    ("p95 latency, 1 user (ms)", "p95_ms", "{:.0f}"),
    ("throughput (msg/s)", "messages_per_s", "{:.2f}"),
    ("p95 latency under load (ms)", "load_p95_ms", "{:.0f}"),
    ("rasa server RSS (MB)", "rasa_rss_mb", "{:.0f}"),
    ("action server RSS (MB)", "actions_rss_mb", "{:.0f}"),
]


def get(data: Dict[str, Any], *keys: str) -> Any:
    """data[k1][k2]..., or None where a step did not run."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)  # type: ignore[assignment]
    return data


def figures(data: Dict[str, Any]) -> Dict[str, Optional[float]]:
    return {
        "train_s": get(data, "train", "seconds"),
        "cold_start_s": get(data, "cold_start_s"),
        "p50_ms": get(data, "latency_1_user", "p50_ms"),
        "p95_ms": get(data, "latency_1_user", "p95_ms"),
        "messages_per_s": get(data, "load", "messages_per_s"),
        "load_p95_ms": get(data, "load", "p95_ms"),
        "rasa_rss_mb": get(data, "rasa_rss_mb"),
        "actions_rss_mb": get(data, "actions_rss_mb"),
    }


def summarise(ours: Dict[str, Any], stock: Dict[str, Any]) -> Dict[str, Any]:
    our, their = figures(ours), figures(stock)
    ratios = {
        key: round(our[key] / their[key], 3) if our[key] and their[key] else None  # type: ignore[operator]
        for key in our
    }
    return {
        "ours": our,
        "stock": their,
        "ratios": ratios,
        "p50_ratio": ratios["p50_ms"],
        "throughput_ratio": ratios["messages_per_s"],
        "our_train_s": our["train_s"],
        "our_cold_start_s": our["cold_start_s"],
    }


def check_targets(summary: Dict[str, Any]) -> Dict[str, Dict[str, Any]]:
    checks = {}
    for name, (key, op, limit) in TARGETS.items():
        value = summary.get(key)
        if value is None:
            status, detail = "N/A", "not measured"
        else:
            met = value <= limit if op == "<=" else value >= limit
            status, detail = ("PASS" if met else "MISS"), f"{value:.2f} (target {op} {limit})"
        checks[name] = {
            "status": status,
            "value": value,
            "limit": limit,
            "op": op,
            "detail": detail,
        }
    return checks


def print_table(
    summary: Dict[str, Any], quality: Dict[str, Any], checks: Dict[str, Dict[str, Any]]
) -> None:
    def show(value: Optional[float], fmt: str) -> str:
        return "-" if value is None else fmt.format(value)

    print(f"\n{'figure':<32}{'ours':>9}{'stock':>11}{'ours/stock':>12}")
    print("-" * 64)
    for label, key, fmt in FIGURES:
        ratio = summary["ratios"][key]
        print(
            f"{label:<32}{show(summary['ours'][key], fmt):>9}"
            f"{show(summary['stock'][key], fmt):>11}{show(ratio, '{:.2f}x'):>12}"
        )
    if quality.get("holdout_macro_f1") is not None:
        print(f"{'held-out NLU macro-F1':<32}{quality['holdout_macro_f1']:>9.3f}")
    if quality.get("story_accuracy") is not None:
        print(
            f"{'test story accuracy':<32}{quality['story_accuracy']:>9.3f}  "
            f"({quality['stories_correct']}/{quality['stories_total']} stories)"
        )
    print()
    for name, check in checks.items():
        print(f"{check['status']:<5} {name:<28} {check['detail']}")


def plot(summary: Dict[str, Any], quality: Dict[str, Any], path: Path, title: str) -> None:
    """One bar pair per figure, ours and stock, each panel on its own scale."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shown = [f for f in FIGURES if summary["ours"][f[1]] is not None]
    fig, axes = plt.subplots(2, (len(shown) + 2) // 2, figsize=(16, 7))
    for ax, (label, key, fmt) in zip(axes.flat, shown, strict=False):
        raw = [summary["ours"][key], summary["stock"][key]]
        bars = ax.bar(["ours", "stock"], [v or 0 for v in raw], color=["#d9480f", "#868e96"])
        for bar, value in zip(bars, raw, strict=True):
            text = "none" if value is None else fmt.format(value)
            where = (bar.get_x() + bar.get_width() / 2, value or 0)
            ax.annotate(text, where, ha="center", va="bottom", fontsize=9)
        ax.set_title(label, fontsize=10)
        ax.margins(y=0.2)
    extra = list(axes.flat)[len(shown) :]
    for ax in extra:
        ax.axis("off")
    if extra and quality:
        lines = [f"held-out NLU macro-F1: {quality.get('holdout_macro_f1')}"]
        if quality.get("story_accuracy") is not None:
            lines.append(f"test stories: {quality['stories_correct']}/{quality['stories_total']}")
        extra[0].text(0, 0.5, "\n".join(lines), fontsize=11, va="center")
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer messages (30 at 1 user, 8 x 12 under load) for development",
    )
    parser.add_argument("--messages", type=int, help="messages at 1 user, per bot (default 100)")
    parser.add_argument("--users", type=int, default=8, help="concurrent users (default 8)")
    parser.add_argument(
        "--messages-per-user", type=int, help="per user under load, per bot (default 40)"
    )
    parser.add_argument(
        "--tracker",
        choices=["sqlite", "memory"],
        default="sqlite",
        help="our tracker store: the deployed SQLite file (default) or in memory",
    )
    parser.add_argument(
        "--train-cache",
        choices=["fresh", "off"],
        default="fresh",
        help="training cache: a fresh empty directory (default) or disabled",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="keep temporary files here (default: a temp dir, removed after)",
    )
    parser.add_argument(
        "--skip-train",
        action="store_true",
        help="with --workdir: reuse the models a previous run left there",
    )
    parser.add_argument("--skip-quality", action="store_true", help="no rasa test nlu/core")
    parser.add_argument(
        "--budget",
        type=float,
        default=840,
        help="upper bound on the whole run in seconds (default 840)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    args = parser.parse_args(argv)
    args.messages = args.messages or (30 if args.quick else 100)
    args.messages_per_user = args.messages_per_user or (12 if args.quick else 40)
    return args


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    budget = Budget(args.budget)
    started = time.monotonic()
    load_before = os.getloadavg()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="refund-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    work = work.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    log(f"work dir {work}; load average {load_before[0]:.2f} on {os.cpu_count()} CPUs")

    ours: Dict[str, Any] = {}
    stock: Dict[str, Any] = {}
    quality: Dict[str, Any] = {}
    try:
        stock_made = make_stock(work, args, budget)
        stock["train"] = stock_made["train"]
        ours_made = make_ours(work, args, budget)
        ours["train"] = ours_made["train"]

        if not args.skip_quality:
            quality = model_quality(work, ours_made["model"], budget)

        # The stock bot.
        stock_dir = stock_made["dir"]
        stock_needs = needs_action_server(stock_dir / "domain.yml")
        stock_action_port = free_port()
        stock_endpoints = (stock_dir / "endpoints.yml").read_text()
        if stock_needs:
            stock_endpoints += (
                f'\naction_endpoint:\n  url: "http://127.0.0.1:{stock_action_port}/webhook"\n'
            )
        stock_bot = Bot(
            "stock",
            stock_dir,
            stock_made["model"],
            work,
            stock_endpoints,
            stock_dir / "credentials.yml",
            [RASA, "run", "actions", "--port", str(stock_action_port)] if stock_needs else None,
            stock_action_port,
            base_env(),
        )
        stock["needs_action_server"] = stock_needs

        # Our bot, as deployed (SQLite tracker store in the work dir).
        action_port = free_port()
        endpoints = f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
        if args.tracker == "sqlite":
            db = work / "ours-conversations.db"
            for old in work.glob("ours-conversations.db*"):  # with SQLite's -wal and -shm
                old.unlink()
            store = yaml.safe_load((ROOT / "endpoints.yml").read_text())["tracker_store"]
            endpoints += yaml.safe_dump({"tracker_store": dict(store, db=str(db))})
        our_bot = Bot(
            "ours",
            ROOT,
            ours_made["model"],
            work,
            endpoints,
            ROOT / "credentials.yml",
            [PYTHON, "-m", "addons.action_server", "--port", str(action_port)],
            action_port,
            base_env(),
        )
        # Cold starts one at a time (the other bot, if up, is idle), then the load tests
        # with both bots up, alternating between them.
        bots = [stock_bot, our_bot]
        stock.update(serve("stock", stock_bot, STOCK_CONVERSATION[0], budget))
        ours.update(serve("ours", our_bot, OUR_CONVERSATION[0], budget))
        log("load tests, alternating between the bots")
        measured = load_tests(
            [(stock_bot, STOCK_CONVERSATION, None), (our_bot, OUR_CONVERSATION, OUR_CHECK)], args
        )
        stock.update(measured["stock"])
        ours.update(measured["ours"])
    except RuntimeError as error:
        log(f"stopped early: {error}")
        (ours if "stock" in stock else stock)["error"] = str(error)[-1500:]
    finally:
        for bot in locals().get("bots", []):
            bot.stop()
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)

    summary = summarise(ours, stock)
    checks = check_targets(summary)
    load_after = os.getloadavg()
    import rasa
    import rasa_sdk

    report = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "settings": {
            "messages_1_user": args.messages,
            "users": args.users,
            "messages_per_user": args.messages_per_user,
            "our_tracker_store": args.tracker,
            "train_cache": args.train_cache,
            "skip_train": args.skip_train,
            "today": TODAY,
        },
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "rasa": rasa.__version__,
            "rasa_sdk": rasa_sdk.__version__,
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in load_after],
        },
        "ours": ours,
        "stock": stock,
        "quality": quality,
        "ratios_ours_to_stock": summary["ratios"],
        "targets": checks,
        "seconds_total": round(time.monotonic() - started, 1),
    }
    json_path, png_path = args.out / "bench.json", args.out / "bench.png"
    json_path.write_text(json.dumps(report, indent=2, default=str) + "\n")
    title = (
        f"refund assistant vs stock rasa init - {report['mode']} run, "
        f"{report['when']}, load avg {load_before[0]:.1f}->{load_after[0]:.1f}"
    )
    try:
        plot(summary, quality, png_path, title)
    except Exception as error:  # a chart problem must not lose the figures
        log(f"chart failed: {error}")
    print_table(summary, quality, checks)
    if ours.get("answers_checked") is False:
        print("WARNING: our deadline answers did not contain the expected dates")
    for who, data in (("ours", ours), ("stock", stock)):
        per_message = get(data, "latency_1_user", "p50_ms_per_message") or {}
        if per_message:
            print(f"\n{who}: p50 per message at 1 user (ms)")
            for text, ms in per_message.items():
                print(f"  {ms:7.0f}  {text}")
    for who, data in (("ours", ours), ("stock", stock)):
        if data.get("error"):
            print(f"WARNING: {who}: {data['error'][:300]}")
        for part in ("latency_1_user", "load"):
            if get(data, part, "errors"):
                print(f"WARNING: {who} {part}: {data[part]['errors']} failed requests")
            if get(data, part, "no_reply"):
                print(f"NOTE: {who} {part}: no reply at all to {data[part]['no_reply']}")
    print(
        f"\nour tracker store: {args.tracker}; training cache: {args.train_cache}; "
        f"{args.messages} messages at 1 user, {args.users} x {args.messages_per_user} under load"
    )
    print(
        f"load average {load_before[0]:.2f} -> {load_after[0]:.2f} on {os.cpu_count()} CPUs; "
        f"total {report['seconds_total']:.0f} s; wrote {json_path} and {png_path}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
