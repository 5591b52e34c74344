"""results/bench.png: one bar pair per figure, ours and stock, each panel on its own scale."""

from pathlib import Path
from typing import Any, Dict

from .report import FIGURES


def plot(summary: Dict[str, Any], quality: Dict[str, Any], path: Path, title: str) -> None:
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
