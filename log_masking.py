"""Mask AliExpress order numbers in every log line (Rasa's, rasa-sdk's, ours).

Enabled for `rasa run` by `--logging-config-file logging.yml`, and for the action
server by `python -m actions`. Keeps the last four digits so a case can still be
matched: 8123456789012345 -> ************2345.
"""

import logging
import re

ORDER_NUMBER = re.compile(r"(?<!\d)(\d{8,16})(\d{4})(?!\d)")


def mask_order_numbers(text: str) -> str:
    return ORDER_NUMBER.sub(lambda m: "*" * len(m[1]) + m[2], text)


class MaskOrderNumbers(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_order_numbers(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True


def install() -> None:
    """Add the mask to every handler of the root logger."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, MaskOrderNumbers) for f in handler.filters):
            handler.addFilter(MaskOrderNumbers())
