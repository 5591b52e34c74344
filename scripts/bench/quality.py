"""Our model's quality: `rasa test nlu` on held-out messages, `rasa test core` on stories."""

import json
import re
from pathlib import Path
from typing import Any, Dict

from tests.servers import ROOT, STOCK_RASA

from .common import Budget, bench_env, log, run_timed, tail


def rasa_test(kind: str, data: str, model: Path, work: Path, budget: Budget) -> Path:
    """`rasa test <kind>` on `data`; the folder of its reports (empty when it failed)."""
    out = work / f"test-{kind}"
    data_flag = "--nlu" if kind == "nlu" else "--stories"
    log(f"ours: rasa test {kind} on {data}")
    timed = run_timed(
        STOCK_RASA
        + ["test", kind, data_flag, data, "--model", str(model), "--out", str(out), "--no-plot"],
        ROOT,
        bench_env(),
        work / f"test-{kind}.log",
        budget.left(300),
    )
    if timed["returncode"] != 0:
        log(f"rasa test {kind} failed: " + tail(work / f"test-{kind}.log", 600))
    return out


def nlu_quality(work: Path, model: Path, budget: Budget) -> Dict[str, Any]:
    """Macro-F1 on each language's held-out messages (tests/dialogue/holdout/<code>/); the
    English figure is also `holdout_macro_f1`."""
    quality: Dict[str, Any] = {"holdout_by_language": {}}
    for folder in sorted(
        p for p in (ROOT / "tests" / "dialogue" / "holdout").iterdir() if p.is_dir()
    ):
        language_work = work / folder.name
        language_work.mkdir(exist_ok=True)
        data = str(folder.relative_to(ROOT))
        report = rasa_test("nlu", data, model, language_work, budget) / "intent_report.json"
        if report.exists():
            macro = json.loads(report.read_text())["macro avg"]
            figures = {"macro_f1": round(macro["f1-score"], 4), "messages": macro["support"]}
            quality["holdout_by_language"][folder.name] = figures
    english = quality["holdout_by_language"].get("en")
    if english:
        quality.update(holdout_macro_f1=english["macro_f1"], holdout_messages=english["messages"])
    return quality


def story_quality(work: Path, model: Path, budget: Budget) -> Dict[str, Any]:
    report = rasa_test("core", "tests/dialogue/stories", model, work, budget) / "story_report.json"
    if report.exists():
        conv = json.loads(report.read_text()).get("conversation_accuracy", {})
        return {
            "story_accuracy": round(conv["accuracy"], 4) if conv else None,
            "stories_correct": conv.get("correct"),
            "stories_total": conv.get("total"),
        }
    # No report: the stdout summary ("Correct: 40 / 42" under "Conversation level").
    text = tail(work / "test-core.log", 20000)
    found = re.search(r"Conversation level.*?Correct:\s+(\d+)\s*/\s*(\d+)", text, re.S)
    if not found:
        return {}
    correct, total = int(found[1]), int(found[2])
    return {
        "story_accuracy": round(correct / total, 4),
        "stories_correct": correct,
        "stories_total": total,
    }


def model_quality(work: Path, model: Path, budget: Budget) -> Dict[str, Any]:
    return {**nlu_quality(work, model, budget), **story_quality(work, model, budget)}
