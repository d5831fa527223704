"""Who follows whom, and the topic names: the same edges as the embedded `System`."""

from services.catalog import SERVICES, SYSTEM
from services.shared.application import ServiceApplication

BY_NAME: dict[str, type[ServiceApplication]] = {cls.name: cls for cls in SERVICES}
# Stream names: a leader's public facts, and its medical facts on a topic of their own.
EVENTS, MEDISCH = "events", "medisch"
STREAMS = (EVENTS, MEDISCH)
# The bedrijfsarts-side read model (the gateway acting for the bedrijfsarts) may open every
# medical payload; services only those they react to.
BEDRIJFSARTS_ZIJDE = "bedrijfsarts"


def service_class(name: str) -> type[ServiceApplication]:
    try:
        return BY_NAME[name]
    except KeyError:
        raise SystemExit(f"onbekende service {name!r}; kies uit {', '.join(BY_NAME)}") from None


def leaders(follower: str) -> list[str]:
    return list(SYSTEM.follows.get(follower, []))


def followers(leader: str) -> list[str]:
    return list(SYSTEM.leads.get(leader, []))


def topic(service: str, stream: str = EVENTS) -> str:
    return f"wvp.{service}.{stream}"


def tracking_name(leader: str, stream: str) -> str:
    """Each stream is ordered on its own, so each keeps its own tracking position."""
    return leader if stream == EVENTS else f"{leader}.{stream}"


def medical_recipients(leader: str, event_type: str) -> list[str]:
    """Who may open the payload of a medical fact: the followers whose reaction reads it, and
    the bedrijfsarts side. Everyone else receives the fact without its payload."""
    readers = [f for f in followers(leader) if event_type in BY_NAME[f].reacts_to()]
    return sorted({*readers, BEDRIJFSARTS_ZIJDE})
