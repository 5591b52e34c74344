"""Rasa's own checks on the data and the trained model, run as part of the test suite."""

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RASA = str(ROOT / ".venv" / "bin" / "rasa")
MODEL = str(ROOT / "models" / "refund-assistant.tar.gz")
MIN_HOLDOUT_MACRO_F1 = 0.90


def rasa(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([RASA, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_data_validates_without_warnings():
    result = rasa("data", "validate", "--fail-on-warnings")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_held_out_nlu_macro_f1():
    out = ROOT / "results" / "nlu"  # the report and confusion matrix stay for the README
    result = rasa(
        "test", "nlu", "--nlu", "tests/nlu_holdout.yml", "--model", MODEL, "--out", str(out)
    )
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads((out / "intent_report.json").read_text())
    macro_f1 = report["macro avg"]["f1-score"]
    print(f"held-out macro-F1 {macro_f1:.3f} on {report['macro avg']['support']} messages")
    assert macro_f1 >= MIN_HOLDOUT_MACRO_F1


def test_stories_have_no_prediction_errors(tmp_path):
    out = tmp_path / "core"
    result = rasa(
        "test",
        "core",
        "--stories",
        "tests/test_stories.yml",
        "--model",
        MODEL,
        "--fail-on-prediction-errors",
        "--out",
        str(out),
    )
    failed = out / "failed_test_stories.yml"
    detail = failed.read_text() if failed.exists() else result.stdout[-4000:]
    assert result.returncode == 0, detail
