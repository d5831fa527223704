"""Bounded retries and the way to the DLQ (`distributed.dlq.guarded`), in one process: a stand-in
for the broker records what would be published. The same paths against a real broker and real
service processes are in test_integrations.py."""

import asyncio
import logging
from types import SimpleNamespace

import pytest

from distributed import dlq

FAST = dlq.Retries(attempts=4, wait=0.001, max_wait=0.002)


class Broker:
    def __init__(self):
        self.published = []

    async def publish(self, body, topic, **kwargs):
        self.published.append((body, topic, kwargs))


def message():
    record = SimpleNamespace(
        topic="wvp.werkgever.events", partition=0, offset=7, key=b"k", value=b"inhoud"
    )
    return SimpleNamespace(raw_message=record, headers={"ce_id": "x", "authorization": "Bearer t"})


def guarded(fails_first: int | None, error: Exception, retries=FAST, private=False, skipped=None):
    """Run `guarded` on an application that raises `error` the first `fails_first` times (None:
    always); returns how often it ran and what went to the DLQ."""
    calls = []

    async def apply():
        calls.append(1)
        if fails_first is None or len(calls) <= fails_first:
            raise error

    broker = Broker()
    args = (broker, "uwv_submission", message(), apply, retries, private, skipped)
    asyncio.run(dlq.guarded(*args))
    return len(calls), broker.published


def test_a_failure_that_passes_is_retried_and_nothing_goes_to_the_dlq():
    assert guarded(2, OSError("opslag weg")) == (3, [])


def test_a_failure_that_stays_goes_to_the_dlq_after_the_last_attempt():
    calls, [(body, topic, sent)] = guarded(None, OSError("opslag weg"))
    assert calls == FAST.attempts and topic == dlq.TOPIC and body == b"inhoud"
    h = sent["headers"]
    assert h[dlq.REASON] == dlq.ONVERWERKBAAR
    assert h[dlq.DETAIL] == "na 4 pogingen: OSError: opslag weg"
    assert (h[dlq.SOURCE_TOPIC], h[dlq.SOURCE_OFFSET], h[dlq.SERVICE]) == (
        "wvp.werkgever.events",
        "7",
        "uwv_submission",
    )
    assert h["ce_id"] == "x" and "authorization" not in h and sent["key"] == b"k"


def test_a_skipped_message_is_marked_after_it_reached_the_dlq_if_the_store_allows():
    marked = []

    async def mark():
        marked.append(1)

    async def store_away():
        raise OSError("opslag weg")

    assert len(guarded(None, OSError("opslag weg"), skipped=mark)[1]) == 1 and marked == [1]
    assert len(guarded(None, OSError("opslag weg"), skipped=store_away)[1]) == 1
    assert guarded(0, OSError("opslag weg"), skipped=mark) == (1, []) and marked == [1]


def test_a_dead_letter_goes_to_the_dlq_at_once():
    calls, [(_, _, sent)] = guarded(None, dlq.DeadLetter(dlq.ONLEESBAAR, "geen CloudEvent"))
    assert calls == 1
    assert (sent["headers"][dlq.REASON], sent["headers"][dlq.DETAIL]) == (
        dlq.ONLEESBAAR,
        "geen CloudEvent",
    )


def test_the_error_text_of_a_medical_stream_stays_out_of_the_dlq():
    _, [(_, _, sent)] = guarded(None, ValueError("toelichting: CANARY"), private=True)
    assert sent["headers"][dlq.DETAIL] == "na 4 pogingen: ValueError"


def test_the_waits_double_up_to_their_cap(caplog):
    retries = dlq.Retries(attempts=5, wait=0.01, max_wait=0.03)
    with caplog.at_level(logging.WARNING, logger=dlq.__name__):
        guarded(None, OSError("opslag weg"), retries)
    logged = [r.getMessage() for r in caplog.records]
    waits = [m.rsplit("opnieuw over ", 1)[1] for m in logged if "opnieuw over" in m]
    assert waits == ["0.01 s", "0.02 s", "0.03 s", "0.03 s"]


def test_retries_are_configured_by_the_environment():
    assert dlq.Retries.from_env({}) == dlq.Retries(attempts=5, wait=0.1, max_wait=2.0)
    configured = {
        "WVP_KAFKA_RETRY_ATTEMPTS": "3",
        "WVP_KAFKA_RETRY_WAIT": "0.5",
        "WVP_KAFKA_RETRY_MAX_WAIT": "4",
    }
    assert dlq.Retries.from_env(configured) == dlq.Retries(attempts=3, wait=0.5, max_wait=4.0)
    for wrong in ({"WVP_KAFKA_RETRY_ATTEMPTS": "0"}, {"WVP_KAFKA_RETRY_WAIT": "snel"}):
        with pytest.raises(SystemExit, match="WVP_KAFKA_RETRY"):
            dlq.Retries.from_env(wrong)
