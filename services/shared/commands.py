"""Commands: the named, validated entry points of a service.

A method decorated with `@command(NAME, Input)` becomes reachable by name through
`ServiceApplication.execute`, which validates raw input against `Input` first. The gateway,
the inbound integrations, the simulator and the features all go through this one door.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from events import violation


@dataclass(frozen=True)
class CommandSpec:
    name: str
    input: type[BaseModel]
    method: str
    # "existing": acts on a dossier; "new": creates one (the caller may propose its id);
    # "none": outside any dossier (a delegation, a catalogue entry).
    dossier: str = "existing"


@dataclass
class CommandResult:
    dossier_id: str | None
    events: list[Any] = field(default_factory=list)


def command(name: str, input: type[BaseModel], *, dossier: str = "existing") -> Callable:
    """Mark a method as command `name`. It wraps, so one generic method can serve several names."""

    def mark(method: Callable) -> Callable:
        @functools.wraps(method)
        def handler(*args: Any, **kwargs: Any) -> Any:
            return method(*args, **kwargs)

        handler.command_spec = (name, input, dossier)  # type: ignore[attr-defined]
        return handler

    return mark


def collect_commands(cls: type) -> dict[str, CommandSpec]:
    specs = {}
    for klass in reversed(cls.__mro__):
        for attribute, value in vars(klass).items():
            marked = getattr(value, "command_spec", None)
            if marked is not None:
                name, input, dossier = marked
                specs[name] = CommandSpec(name, input, attribute, dossier)
    return specs


def validate(spec: CommandSpec, fields: dict[str, Any]) -> BaseModel:
    try:
        return spec.input.model_validate(fields)
    except ValidationError as e:
        raise violation(spec.name, e) from None
