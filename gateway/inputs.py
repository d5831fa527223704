"""Strawberry input types generated from the commands' pydantic contracts.

One input type per command (`RegistreerZiekmeldingInput`), with nested models and enums converted
once and shared. Fields the contract does not require are optional and left out of the command
when not given, so the contract's own defaults apply; the contract still validates everything.
"""

import dataclasses
import types
import typing
from datetime import date
from enum import Enum
from typing import Any

import strawberry
from pydantic import BaseModel

_converted: dict[Any, Any] = {}


def _camel(snake: str) -> str:
    return "".join(part.capitalize() for part in snake.split("_"))


def _graphql_type(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:  # constraints stay with the contract, which validates
        return _graphql_type(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _graphql_type(inner) | None
    if origin is list:
        (item,) = typing.get_args(annotation)
        return list[_graphql_type(item)]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        if annotation not in _converted:
            _converted[annotation] = strawberry.enum(annotation)
        return _converted[annotation]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return input_type(annotation, f"{annotation.__name__}Input")
    if annotation in (str, int, bool, date):
        return annotation
    raise TypeError(f"no GraphQL input type for {annotation!r}")


def input_type(model: type[BaseModel], name: str) -> type:
    """The Strawberry input type for `model`, made once per name."""
    if name in _converted:
        return _converted[name]
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {}
    for field_name, info in model.model_fields.items():
        kind = _graphql_type(info.annotation)
        if info.is_required():
            annotations[field_name] = kind
        else:
            optional = type(None) in typing.get_args(kind)
            annotations[field_name] = kind if optional else kind | None
            namespace[field_name] = strawberry.UNSET
        if info.description:
            namespace[field_name] = strawberry.field(
                default=namespace.get(field_name, dataclasses.MISSING),
                description=info.description,
            )
    cls = type(name, (), {"__annotations__": annotations, **namespace})
    doc = (model.__doc__ or "").strip() or None
    _converted[name] = strawberry.input(cls, name=name, description=doc)
    return _converted[name]


def command_input(command: str, model: type[BaseModel]) -> type:
    return input_type(model, f"{_camel(command)}Input")


def to_fields(value: Any) -> Any:
    """A generated input instance as the plain dict the command expects (unset fields omitted)."""
    if dataclasses.is_dataclass(value):
        return {
            f.name: to_fields(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if getattr(value, f.name) is not strawberry.UNSET
        }
    if isinstance(value, list):
        return [to_fields(v) for v in value]
    return value
