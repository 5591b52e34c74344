"""`python -m scripts.bench`: train, serve and measure both bots, then report (see __init__.py)."""

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from tests.servers import ROOT, TODAY, Servers

from . import __doc__ as DOC
from .chart import plot
from .common import Budget, log
from .conversations import OUR_CHECK, OUR_CONVERSATION, OUR_TURNS, STOCK_CONVERSATION
from .load import Run, load_tests
from .quality import model_quality
from .report import check_targets, print_notes, print_table, summarise
from .serving import memory, our_servers, serve, stock_servers
from .training import make_ours, make_stock


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench",
        description=DOC,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("--quick", action="store_true", help="30 messages at 1 user, 8 x 12 under load")
    add("--messages", type=int, help="messages at 1 user, per bot (default 100)")
    add("--users", type=int, default=8, help="concurrent users (default 8)")
    add("--messages-per-user", type=int, help="per user under load, per bot (default 40)")
    add(
        "--tracker",
        choices=["sqlite", "memory"],
        default="sqlite",
        help="our tracker store: the deployed SQLite file (default) or in memory",
    )
    add(
        "--train-cache",
        choices=["fresh", "off"],
        default="fresh",
        help="training cache: a fresh empty directory (default) or disabled",
    )
    add("--workdir", type=Path, help="keep temporary files here (default: a temp dir, removed)")
    add("--skip-train", action="store_true", help="with --workdir: reuse the models left there")
    add("--skip-quality", action="store_true", help="no rasa test nlu/core")
    add("--budget", type=float, default=840, help="bound on the whole run in s (default 840)")
    add("--out", type=Path, default=ROOT / "results")
    args = parser.parse_args(argv)
    args.messages = args.messages or (30 if args.quick else 100)
    args.messages_per_user = args.messages_per_user or (12 if args.quick else 40)
    return args


def measure(
    work: Path, args: argparse.Namespace, budget: Budget
) -> Tuple[Dict[str, Any], Dict[str, Any], Dict[str, Any]]:
    """Every step, one at a time; what each bot measured (an "error" where a step failed)."""
    ours: Dict[str, Any] = {}
    stock: Dict[str, Any] = {"needs_action_server": False}
    quality: Dict[str, Any] = {}
    servers: List[Servers] = []
    step = stock  # the bot whose step is running: where an error is recorded
    try:
        stock_made = make_stock(work, args, budget)
        stock["train"] = stock_made["train"]
        step = ours
        ours_made = make_ours(work, args, budget)
        ours["train"] = ours_made["train"]
        if not args.skip_quality:
            quality = model_quality(work, ours_made["model"], budget)
        # Cold starts one at a time (the other bot, if up, is idle), then the load tests with
        # both bots up, alternating between them.
        step = stock
        stock_bot = stock_servers(work, stock_made["dir"], stock_made["model"])
        servers.append(stock_bot)
        stock.update(serve("stock", stock_bot, STOCK_CONVERSATION[0], budget))
        step = ours
        our_bot = our_servers(work, ours_made["model"], args.tracker)
        servers.append(our_bot)
        ours.update(serve("ours", our_bot, OUR_CONVERSATION[0], budget))
        log("load tests, alternating between the bots")
        runs = [
            Run("stock", stock_bot.url, STOCK_CONVERSATION),
            Run("ours", our_bot.url, OUR_CONVERSATION, OUR_CHECK, OUR_TURNS),
        ]
        measured = load_tests(runs, args.messages, args.users, args.messages_per_user)
        stock.update(measured["stock"], **memory(stock_bot))
        ours.update(measured["ours"], **memory(our_bot))
    except RuntimeError as error:
        log(f"stopped early: {error}")
        step["error"] = str(error)[-1500:]
    finally:
        for each in servers:
            each.stop()
    return ours, stock, quality


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    budget = Budget(args.budget)
    started = time.monotonic()
    load_before = os.getloadavg()
    work = (args.workdir or Path(tempfile.mkdtemp(prefix="refund-bench-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    log(f"work dir {work}; load average {load_before[0]:.2f} on {os.cpu_count()} CPUs")
    try:
        ours, stock, quality = measure(work, args, budget)
    finally:
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
    print_notes(ours, stock)
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
