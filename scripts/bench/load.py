"""Load tests (latency at 1 user, throughput): both bots up, measured in alternating rounds.

The machine's speed drifts by 20-30 % from minute to minute (a shared 2-core VM): measured one
after the other, the bots' ratio mostly measured the drift. Here every round of one bot is
followed by a round of the other, so drift touches both alike.
"""

import statistics
import threading
import time
from typing import Any, Dict, List, NamedTuple, Optional, Tuple

import requests

ROUNDS_UNDER_LOAD = 4  # per bot, alternating with the other bot


class Run(NamedTuple):
    """One bot under test: its name, REST base URL, conversation and (message, expected text)."""

    name: str
    url: str
    conversation: List[str]
    check: Optional[Tuple[str, str]] = None
    turns: Optional[int] = None  # messages per sender (default: the whole conversation)


class User:
    """One user over REST: their own keep-alive session and a new sender per conversation."""

    def __init__(
        self, url: str, tag: str, conversation: List[str], turns: Optional[int] = None
    ) -> None:
        self.url = f"{url}/webhooks/rest/webhook"
        self.tag, self.conversation = tag, conversation
        self.turns = turns or len(conversation)
        self.session = requests.Session()
        self.session.trust_env = False
        self.errors = 0  # HTTP errors and timeouts
        self.silent: Dict[str, int] = {}  # answered 200 with no message at all, per message
        self.answers: Dict[str, List[str]] = {}
        self.per_message: Dict[str, List[float]] = {}
        self.sent = 0  # messages sent so far: the next one continues the conversation

    def run_more(self, messages: int, latencies: List[float]) -> None:
        """The next `messages` messages, going on where the last call stopped."""
        for i in range(self.sent, self.sent + messages):
            sender = f"{self.tag}-{i // self.turns}"
            text = self.conversation[i % len(self.conversation)]
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


def percentile_ms(values: List[float], q: int) -> Optional[float]:
    """The q-th percentile of durations in seconds, in milliseconds."""
    if not values:
        return None
    if len(values) == 1:
        return round(values[0] * 1000, 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000, 1)


def latency_rounds(runs: List[Run], messages: int) -> Dict[str, Dict[str, Any]]:
    """1 user: one conversation of one bot, then one of the other, until each has `messages`."""
    solo = {
        run.name: User(run.url, f"{run.name}-solo", run.conversation, run.turns) for run in runs
    }
    latencies: Dict[str, List[float]] = {run.name: [] for run in runs}
    round_no = 0
    while any(len(latencies[run.name]) < messages for run in runs):
        for run in runs if round_no % 2 == 0 else runs[::-1]:
            left = messages - len(latencies[run.name])
            if left > 0:
                solo[run.name].run_more(
                    min(run.turns or len(run.conversation), left), latencies[run.name]
                )
        round_no += 1
    results: Dict[str, Dict[str, Any]] = {}
    for run in runs:
        one, lat = solo[run.name], latencies[run.name]
        results[run.name] = {
            "latency_1_user": {
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
        }
        if run.check:
            said = one.answers.get(run.check[0], [])
            results[run.name]["answers_checked"] = bool(said) and all(
                run.check[1] in s for s in said
            )
    return results


def one_load_round(users: List[User], messages_per_user: int) -> Dict[str, Any]:
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


def load_rounds(runs: List[Run], users: int, messages_per_user: int) -> Dict[str, Dict[str, Any]]:
    """`users` users at once, in rounds alternating between the bots; throughput and latency."""
    per_round = max(1, messages_per_user // ROUNDS_UNDER_LOAD)
    crowd = {
        run.name: [
            User(run.url, f"{run.name}-u{n}", run.conversation, run.turns) for n in range(users)
        ]
        for run in runs
    }
    rounds: Dict[str, List[Dict[str, Any]]] = {run.name: [] for run in runs}
    for round_no in range(ROUNDS_UNDER_LOAD):
        for run in runs if round_no % 2 == 0 else runs[::-1]:
            rounds[run.name].append(one_load_round(crowd[run.name], per_round))
    results: Dict[str, Dict[str, Any]] = {}
    for run in runs:
        allat = [x for r in rounds[run.name] for x in r["latencies"]]
        wall = sum(r["seconds"] for r in rounds[run.name])
        results[run.name] = {
            "users": users,
            "rounds": len(rounds[run.name]),
            "messages": len(allat),
            "errors": sum(u.errors for u in crowd[run.name]),
            "no_reply": sum(sum(u.silent.values()) for u in crowd[run.name]),
            "seconds": round(wall, 2),
            "messages_per_s": round(len(allat) / wall, 2),
            "messages_per_s_per_round": [round(r["messages_per_s"], 2) for r in rounds[run.name]],
            "p50_ms": percentile_ms(allat, 50),
            "p95_ms": percentile_ms(allat, 95),
        }
    return results


def load_tests(
    runs: List[Run], messages: int, users: int, messages_per_user: int
) -> Dict[str, Any]:
    """A warm-up conversation per bot (not measured), latency at 1 user, then throughput."""
    for run in runs:
        warmup = User(run.url, f"{run.name}-warmup", run.conversation, run.turns)
        warmup.run_more(len(run.conversation), [])
    results = latency_rounds(runs, messages)
    for name, load in load_rounds(runs, users, messages_per_user).items():
        results[name]["load"] = load
    return results
