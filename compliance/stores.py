"""Reading a service's whole store through its recorder, in notification (recorded) order."""

from collections.abc import Iterator
from typing import Any

from services.shared.application import ServiceApplication

BATCH = 1000


def notifications(app: ServiceApplication, batch: int = BATCH) -> Iterator[Any]:
    """Every stored event of `app`, still encoded (and encrypted where the service encrypts)."""
    position = 0
    while True:
        page = app.recorder.select_notifications(position, batch, inclusive_of_start=False)
        yield from page
        if len(page) < batch:
            return
        position = page[-1].id
