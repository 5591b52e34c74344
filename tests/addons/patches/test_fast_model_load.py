"""addons/patches/fast_model_load.py: the model loads to exactly the same weights and answers
(about 30 s: the model is loaded twice)."""

import asyncio
from typing import Any, Dict, List, Tuple

import numpy as np
import pytest
from rasa.core.agent import Agent

from addons.patches import fast_model_load
from tests.servers import MODEL

pytestmark = pytest.mark.model

MESSAGES = ["hello", "my parcel never came", "the dress is two sizes too small", "3 days ago"]
Loaded = Tuple[Dict[str, List[np.ndarray]], List[Tuple[str, float]]]


async def parse_all(agent: Agent) -> List[Tuple[str, float]]:
    parsed = [await agent.parse_message(text) for text in MESSAGES]
    return [(p["intent"]["name"], p["intent"]["confidence"]) for p in parsed]


def load() -> Loaded:
    """The weights of every TensorFlow model (TED), and some parses."""
    agent = Agent.load(str(MODEL))
    nodes: Dict[str, Any] = agent.processor.graph_runner._instantiated_nodes  # type: ignore
    weights = {
        name: node._component.model.get_weights()
        for name, node in nodes.items()
        if getattr(node._component, "model", None) is not None
    }
    return weights, asyncio.run(parse_all(agent))


@pytest.fixture(scope="module")
def stock_and_fast() -> Tuple[Loaded, Loaded]:
    assert MODEL.exists(), "no trained model: run `make train`"
    stock = load()
    fast_model_load.install()
    try:
        fast = load()
    finally:
        fast_model_load.uninstall()
    return stock, fast


def test_the_same_weights(stock_and_fast):
    (stock, _), (fast, _) = stock_and_fast
    assert sorted(stock) == sorted(fast)
    # Every TensorFlow model of the pipeline: node names end in the component's position.
    assert {name.rstrip("0123456789") for name in stock} == {"run_TEDPolicy"}
    for name in stock:
        assert len(stock[name]) == len(fast[name]) > 10
        for ours, theirs in zip(fast[name], stock[name], strict=True):
            np.testing.assert_array_equal(ours, theirs)


def test_the_same_answers(stock_and_fast):
    (_, stock), (_, fast) = stock_and_fast
    assert [intent for intent, _ in fast] == ["greet", "report_not_received", "report_wrong_size",
                                              "inform"]  # fmt: skip
    assert fast == pytest.approx(stock, abs=1e-6)


def test_uninstall_puts_rasas_load_back():
    from rasa.utils.tensorflow.models import RasaModel

    stock = RasaModel.__dict__["load"]
    fast_model_load.install()
    assert RasaModel.__dict__["load"] is not stock
    fast_model_load.uninstall()
    assert RasaModel.__dict__["load"] is stock
