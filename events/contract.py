"""Base class and registry for event payload contracts."""

from datetime import date
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from events.envelope import Classificatie

# Free text is bounded so that one event can never grow without limit.
Tekst = Annotated[str, Field(min_length=1, max_length=4000)]
Kort = Annotated[str, Field(min_length=1, max_length=200)]
Id = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:@-]+$")]

CONTRACTS: dict[str, type["Contract"]] = {}


class Contract(BaseModel):
    """Payload of one kind of event.

    `geldig_op` is the valid time: the day the fact happened or takes effect. It may lie before the
    day it is recorded (a backdated herstelmelding); the recorded time is set by the store.
    Unknown fields are rejected, so nothing the Autoriteit Persoonsgegevens forbids can slip into
    an administrative event under another name.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    dienst: ClassVar[str]
    classificatie: ClassVar[Classificatie]
    versie: ClassVar[int] = 1
    # True for facts whose valid date lies in the past by their nature (a correction names the
    # corrected day, with a reason of its own): backdating them needs no separate reason.
    terugwerkend: ClassVar[bool] = False

    geldig_op: date
    # Why the fact is recorded long after it happened; asked when that gap is larger than the
    # platform allows without one (services.shared.config, WVP_TERUGDATEREN_ZONDER_REDEN_DAGEN).
    reden_terugdatering: Kort | None = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__name__.startswith("_"):  # a shared base of one service's contracts
            return
        if cls.__name__ in CONTRACTS:
            raise TypeError(f"contract {cls.__name__} is defined twice")
        CONTRACTS[cls.__name__] = cls

    def data(self) -> dict:
        """The payload as stored: JSON-native values, valid time kept in the envelope; a reason
        for backdating only when one was given."""
        data = self.model_dump(mode="json", exclude={"geldig_op"})
        if data.get("reden_terugdatering") is None:
            data.pop("reden_terugdatering", None)
        return data


class ContractViolation(ValueError):
    """Input does not match an event contract; the message lists every problem, field by field."""

    code = "VALIDATION"

    def __init__(self, event_type: str, problems: list[str]):
        self.event_type = event_type
        self.problems = problems
        super().__init__(f"{event_type}: " + "; ".join(problems))


def violation(name: str, error: ValidationError) -> ContractViolation:
    """Turn pydantic's errors into one readable ContractViolation."""
    problems = []
    for err in error.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(invoer)"
        if err["type"] == "extra_forbidden":
            problems.append(f"{where}: dit veld is niet toegestaan")
        elif err["type"] == "value_error":
            # A contract's own validator speaks Dutch; drop pydantic's English "Value error, ".
            problems.append(f"{where}: {err['ctx']['error']}")
        else:
            problems.append(f"{where}: {err['msg']}")
    return ContractViolation(name, problems)
