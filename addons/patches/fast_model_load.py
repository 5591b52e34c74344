"""Load the TensorFlow models (TED; DIET or a ResponseSelector too) in a quarter of the time.

Rasa 3.6.21's `RasaModel.load` creates a model's weights by training it for one step on one
example, then loads the trained weights over them. That step runs as a traced `tf.function`,
and tracing the training graph (forward and backward) takes about 14 s of the 19 s our model
takes to load here. This patch creates the weights with one eager forward pass instead,
loads the trained weights over them, and traces only the prediction graph, as Rasa does next:
the same weights (tests/addons/patches/ compares every one), a 5 s load. A patch, because
Rasa has no hook there; fine-tuning keeps Rasa's own way. `addons.activate()` installs it
before any model loads.
"""

import logging
from typing import Any, Optional, Text

import tensorflow as tf
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel

from addons.patches import applies_to_installed_rasa

logger = logging.getLogger(__name__)

_STOCK_LOAD = RasaModel.__dict__["load"]  # the classmethod itself


def load_without_tracing(
    cls: type,
    model_file_name: Text,
    model_data_example: RasaModelData,
    predict_data_example: Optional[RasaModelData] = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> RasaModel:
    """`RasaModel.load`, creating the weights without tracing a training step."""
    if finetune_mode:  # training goes on: keep Rasa's own way
        return _STOCK_LOAD.__func__(
            cls, model_file_name, model_data_example, predict_data_example, True, *args, **kwargs
        )
    config = kwargs.get("config", {})
    model = cls(*args, **kwargs)
    model.compile(
        optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)),
        run_eagerly=bool(config.get(RUN_EAGERLY)),
    )
    # One eager forward pass creates the layers' weights, as the training step would.
    # No gradients are applied, so the optimizer has no slots and the checkpoint's optimizer
    # values stay unused (they matter only for training further).
    batch, _ = RasaBatchDataGenerator(model_data_example, batch_size=1)[0]
    model._training = True
    model.batch_loss(batch)
    model._training = None
    model.load_weights(model_file_name).expect_partial()
    if predict_data_example:
        model.run_inference(predict_data_example)  # traces the prediction graph now
    return model


def install() -> None:
    """Load models the faster way (a speed-up: on another Rasa version, Rasa's own load)."""
    if applies_to_installed_rasa("fast_model_load", required=False):
        RasaModel.load = classmethod(load_without_tracing)  # type: ignore[method-assign,assignment]
        logger.info("TensorFlow models load without tracing their training step.")


def uninstall() -> None:
    RasaModel.load = _STOCK_LOAD  # type: ignore[method-assign]
