"""Train both bots from scratch, timed: the stock bot by `rasa init`, ours by `rasa train`."""

import argparse
import shutil
from pathlib import Path
from typing import Any, Dict

from tests.servers import ROOT, STOCK_RASA

from .common import Budget, bench_env, log, run_timed, tail


def train_env(work: Path, name: str, mode: str) -> Dict[str, str]:
    """A fresh, empty training cache (a cold training), or none at all (`mode` "off")."""
    if mode == "off":
        unused = str(work / f"{name}-cache-unused")
        return bench_env({"RASA_MAX_CACHE_SIZE": "0", "RASA_CACHE_DIRECTORY": unused})
    cache = work / f"{name}-cache"
    shutil.rmtree(cache, ignore_errors=True)
    return bench_env({"RASA_CACHE_DIRECTORY": str(cache)})


def make_stock(work: Path, args: argparse.Namespace, budget: Budget) -> Dict[str, Any]:
    """A `rasa init` project in work/stock, trained; its directory, model and training time."""
    stock = work / "stock"
    models = sorted((stock / "models").glob("*.tar.gz")) if stock.exists() else []
    if args.skip_train and models:
        log(f"stock: reusing {models[-1]}")
        return {"dir": stock, "model": models[-1], "train": None}
    shutil.rmtree(stock, ignore_errors=True)
    stock.mkdir(parents=True)
    log("stock: rasa init --no-prompt (creates the project and trains it from scratch)")
    timed = run_timed(
        STOCK_RASA + ["init", "--no-prompt"],
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
    """Our model in work/ours-models, trained in the project directory; model and time."""
    out = work / "ours-models"
    model = out / "bench-ours.tar.gz"
    if args.skip_train and model.exists():
        log(f"ours: reusing {model}")
        return {"model": model, "train": None}
    shutil.rmtree(out, ignore_errors=True)
    log("ours: rasa train (from scratch, fresh cache)")
    timed = run_timed(
        STOCK_RASA + ["train", "--fixed-model-name", "bench-ours", "--out", str(out)],
        ROOT,
        train_env(work, "ours", args.train_cache),
        work / "ours-train.log",
        budget.left(600),
    )
    if timed["returncode"] != 0 or not model.exists():
        raise RuntimeError("our rasa train failed: " + tail(work / "ours-train.log"))
    log(f"ours: trained in {timed['seconds']:.1f} s")
    return {"model": model, "train": timed}
