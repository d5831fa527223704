"""The five services, who follows whom, and which service owns each command.

One table for every runtime: the embedded one runs `SYSTEM` in one process, the distributed one
runs each service as a process and derives its topics and consumers from the same edges.
"""

from eventsourcing.system import System

from services.arbeidsdeskundige.application import ArbeidsdeskundigeApplication
from services.bedrijfsarts.application import BedrijfsartsApplication
from services.providerboog.application import ProviderboogApplication
from services.shared.application import ServiceApplication
from services.uwv_submission.application import UwvSubmissionApplication
from services.werkgever.application import WerkgeverApplication

SERVICES: tuple[type[ServiceApplication], ...] = (
    WerkgeverApplication,
    BedrijfsartsApplication,
    ArbeidsdeskundigeApplication,
    ProviderboogApplication,
    UwvSubmissionApplication,
)

SYSTEM = System(
    pipes=[
        [WerkgeverApplication, BedrijfsartsApplication, WerkgeverApplication],
        [WerkgeverApplication, ArbeidsdeskundigeApplication, UwvSubmissionApplication],
        [WerkgeverApplication, ProviderboogApplication],
        [WerkgeverApplication, UwvSubmissionApplication],
        [BedrijfsartsApplication, ArbeidsdeskundigeApplication],
        [BedrijfsartsApplication, ProviderboogApplication],
        [BedrijfsartsApplication, UwvSubmissionApplication],
    ]
)


def _command_index() -> dict[str, type[ServiceApplication]]:
    index: dict[str, type[ServiceApplication]] = {}
    for service in SERVICES:
        for name in service.commands:
            if name in index:
                raise RuntimeError(f"command {name} is defined by two services")
            index[name] = service
    return index


# command name -> the service that owns it
COMMANDS = _command_index()
