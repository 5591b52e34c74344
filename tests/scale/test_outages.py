"""Outages under load: nothing answered is lost, and nobody is answered with silence.

Twenty buyers talk at once, each message to the next replica that is up (A and B in turn).
During the run PostgreSQL is restarted, then Redis, then replica B is killed with SIGKILL. A
buyer whose message is refused (503 with Retry-After) or whose connection breaks sends it again
after a moment, to the next replica. Afterwards, in PostgreSQL: every message answered with 200
is stored once, in the order sent; no request got a 200 without an answer; every buyer got to
the end. The counts are printed. About 90 s (30 s of it starting the replicas).
"""

import subprocess
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Dict, List

import pytest
import requests

from tests.scale.test_replicas import redis_client, stored_user_texts
from tests.servers import ROOT, Servers

pytestmark = [pytest.mark.services, pytest.mark.servers]

BUYERS = 20
# Every text differs, so a message stored twice shows.
DIALOGUE = [
    "my parcel never came",
    "yes please",
    "next",
    "what does RMA mean?",
    "where was I?",
    "how long does the seller have to respond?",
    "can I talk to a real person",
    "thanks",
    "bye",
]
PAUSE_SECONDS = 0.3  # between a buyer's messages: the run spans all three outages
RESEND_AFTER_SECONDS = 1.0
GIVE_UP_AFTER_SECONDS = 60.0


@dataclass
class Buyer:
    sender: str
    answered: List[str] = field(default_factory=list)  # the messages answered with 200
    refused: List[str] = field(default_factory=list)  # 503 with Retry-After: the reasons
    broken: int = 0  # connection refused or reset (a killed replica)
    empty: List[int] = field(default_factory=list)  # any other status, or a 200 with no answer


def restart_postgres(port: str) -> None:
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True)
    version, name = next(
        line.split()[:2] for line in clusters.stdout.splitlines() if line.split()[2] == port
    )
    subprocess.run(["pg_ctlcluster", version, name, "restart", "-m", "fast"], check=True)


def restart_redis(settings: Dict[str, str]) -> None:
    try:
        redis_client(settings).shutdown(nosave=True)
    except Exception:  # the connection closes as Redis stops
        pass
    subprocess.run([str(ROOT / "scripts" / "start-services.sh")], check=True, capture_output=True)


def test_outages_lose_nothing_answered(replicas, settings, tracker_db):
    up: List[Servers] = list(replicas)
    buyers = [Buyer(f"outage-{i:02d}-{uuid.uuid4().hex[:8]}") for i in range(BUYERS)]
    progress = {"sent": 0}
    lock = threading.Lock()

    def send(buyer: Buyer, message: str, turn: int) -> None:
        started = time.monotonic()
        attempt = 0
        while time.monotonic() - started < GIVE_UP_AFTER_SECONDS:
            replica = up[(turn + attempt) % len(up)]
            attempt += 1
            try:
                reply = requests.post(
                    f"{replica.url}/webhooks/rest/webhook",
                    json={"sender": buyer.sender, "message": message},
                    timeout=30,
                )
            except requests.ConnectionError:
                buyer.broken += 1
                time.sleep(RESEND_AFTER_SECONDS)
                continue
            if reply.status_code == 503:
                body = reply.json()
                assert reply.headers.get("Retry-After") and body["reason"], (reply.headers, body)
                buyer.refused.append(body["reason"])
                time.sleep(RESEND_AFTER_SECONDS)
                continue
            if reply.status_code != 200 or not reply.json():
                buyer.empty.append(reply.status_code)
                return
            buyer.answered.append(message)
            with lock:
                progress["sent"] += 1
            return
        raise AssertionError(f"{buyer.sender}: '{message}' not answered in 60 s")

    def converse(buyer: Buyer) -> None:
        for turn, message in enumerate(DIALOGUE):
            send(buyer, message, turn)
            time.sleep(PAUSE_SECONDS)

    def wait_for(share: float) -> None:
        while progress["sent"] < share * BUYERS * len(DIALOGUE):
            time.sleep(0.05)

    with ThreadPoolExecutor(max_workers=BUYERS) as pool:
        running = [pool.submit(converse, buyer) for buyer in buyers]
        wait_for(0.2)
        restart_postgres(settings["TRACKER_DB_PORT"])
        wait_for(0.45)
        restart_redis(settings)
        wait_for(0.7)
        killed = up.pop()  # replica B
        killed.kill_rasa()
        for future in running:
            future.result()

    stored = stored_user_texts(settings, tracker_db)
    stored.update({b.sender: [] for b in buyers if b.sender not in stored})

    answered = sum(len(b.answered) for b in buyers)
    lost = sum(len(set(b.answered) - set(stored[b.sender])) for b in buyers)
    doubled = sum(len(stored[b.sender]) - len(set(stored[b.sender])) for b in buyers)
    reasons = Counter(reason for b in buyers for reason in b.refused)
    broken = sum(b.broken for b in buyers)
    empty = sum(len(b.empty) for b in buyers)
    print(
        f"outages: {answered} answered, {sum(reasons.values())} refused with 503 and "
        f"Retry-After ({', '.join(f'{n} {reason}' for reason, n in reasons.items()) or 'none'}), "
        f"{broken} broken connections (the killed replica), {empty} empty or other answers, "
        f"{lost} lost, {doubled} doubled"
    )
    assert empty == 0, [(b.sender, b.empty) for b in buyers if b.empty]
    for buyer in buyers:
        assert buyer.answered == DIALOGUE, (buyer.sender, buyer.answered)  # everyone got there
        assert stored[buyer.sender] == DIALOGUE, (buyer.sender, stored[buyer.sender])
    assert lost == 0 and doubled == 0
