"""Build the spaCy pipeline for Rasa's SpacyNLP: `python -m nlp_pipeline.build OUT_DIR`.

A blank English pipeline (spaCy's rule-based tokenizer) with an entity_ruler, so the
project needs no model download. Users who have `en_core_web_md` can name it in
config.yml instead (see README).
"""

import sys
from pathlib import Path

import spacy
from spacy.pipeline import EntityRuler

from nlp_pipeline.patterns import ruler_patterns


def build(out_dir: Path) -> None:
    nlp = spacy.blank("en")
    ruler: EntityRuler = nlp.add_pipe(  # type: ignore[assignment]
        "entity_ruler", config={"phrase_matcher_attr": "LOWER"}
    )
    ruler.add_patterns(ruler_patterns())
    nlp.meta["name"] = "en_refund_rules"
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "build/spacy_en_refund")
    build(target)
    print(f"spaCy pipeline written to {target}")
