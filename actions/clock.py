"""Today's date for the actions; `REFUND_ASSISTANT_TODAY` (ISO date) pins it for demos and tests."""

import os
from datetime import date


def today() -> date:
    pinned = os.environ.get("REFUND_ASSISTANT_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()
