"""The figures of both bots side by side: ratios, targets, the printed table and notes."""

from typing import Any, Dict, Optional

# The languages issue's targets (six languages); cold start from the buyer-understanding issue.
TARGETS = {
    "p50 latency <= 1.1x stock": ("p50_ratio", "<=", 1.1),
    "throughput >= 0.9x stock": ("throughput_ratio", ">=", 0.9),
    "our training <= 180 s": ("our_train_s", "<=", 180.0),
    "our cold start <= 20 s": ("our_cold_start_s", "<=", 20.0),
    "server memory <= 1.0x stock": ("rss_ratio", "<=", 1.0),
}

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


def get(data: Any, *keys: str) -> Any:
    """data[k1][k2]..., or None where a step did not run."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
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
    ratios = {}
    for key, value in our.items():
        other = their[key]
        ratios[key] = round(value / other, 3) if value and other else None
    return {
        "ours": our,
        "stock": their,
        "ratios": ratios,
        "p50_ratio": ratios["p50_ms"],
        "throughput_ratio": ratios["messages_per_s"],
        "rss_ratio": ratios["rasa_rss_mb"],
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
    for language, figures in (quality.get("holdout_by_language") or {}).items():
        label = f"held-out NLU macro-F1 ({language})"
        print(f"{label:<32}{figures['macro_f1']:>9.3f}  ({figures['messages']} messages)")
    if quality.get("story_accuracy") is not None:
        print(
            f"{'test story accuracy':<32}{quality['story_accuracy']:>9.3f}  "
            f"({quality['stories_correct']}/{quality['stories_total']} stories)"
        )
    print()
    for name, check in checks.items():
        print(f"{check['status']:<5} {name:<28} {check['detail']}")


def print_notes(ours: Dict[str, Any], stock: Dict[str, Any]) -> None:
    """Per-message latencies, then whatever went wrong: failed checks, requests, steps."""
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
