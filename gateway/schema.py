"""The GraphQL schema: queries, one mutation per platform command, and live timeline updates."""

import base64
from collections.abc import AsyncGenerator
from datetime import date, datetime
from enum import Enum
from pathlib import Path

import strawberry
from strawberry.extensions import (
    DisableIntrospection,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
)
from strawberry.schema.config import StrawberryConfig

from gateway.context import Context
from gateway.errors import error, forbidden, from_rejection, should_mask
from gateway.inputs import command_input, to_fields
from gateway.limits import Limits, QueryLimits
from gateway.settings import GatewaySettings
from gateway.types import Actor, Dossier, Provider, Taakdelegatie, TimelineEntry
from readmodel.index import DossierRecord
from services.catalog import COMMANDS

SDL_PATH = Path(__file__).with_name("schema.graphql")
MAX_PAGE = 100
POLL_SECONDS = 0.5  # subscriptions also notice facts recorded outside the gateway
QUERY_CACHE = 256  # distinct query texts whose parse and validation are kept


@strawberry.enum
class CaseloadStatus(Enum):
    ALLE = "alle"
    OPEN = "open"
    HERSTELD = "hersteld"


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class DossierEdge:
    cursor: str
    node: Dossier


@strawberry.type
class DossierConnection:
    edges: list[DossierEdge]
    page_info: PageInfo
    total_count: int


def _cursor(dossier_id: str) -> str:
    return base64.urlsafe_b64encode(f"dossier:{dossier_id}".encode()).decode()


def _after(cursor: str) -> str:
    try:
        kind, _, dossier_id = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
    except (ValueError, UnicodeDecodeError):
        kind, dossier_id = "", ""
    if kind != "dossier" or not dossier_id:
        raise error("BAD_REQUEST", "ongeldige cursor")
    return dossier_id


@strawberry.type
class Query:
    @strawberry.field(description="The authenticated caller.")
    def me(self, info: strawberry.Info[Context]) -> Actor:
        actor = info.context.caller()
        return Actor(
            rol=actor.rol.value, persoon_id=actor.persoon_id, organisatie=actor.organisatie
        )

    @strawberry.field(
        description="One dossier as the caller may read it; `asOf` cuts by valid time, "
        "`knownAt` by recorded time."
    )
    async def dossier(
        self,
        info: strawberry.Info[Context],
        id: strawberry.ID,
        as_of: date | None = None,
        known_at: datetime | None = None,
    ) -> Dossier | None:
        return Dossier(view=await info.context.view(str(id), as_of, known_at))

    @strawberry.field(description="The caller's dossiers, most recent first.")
    async def caseload(
        self,
        info: strawberry.Info[Context],
        status: CaseloadStatus = CaseloadStatus.ALLE,
        werknemer_id: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> DossierConnection:
        ctx = info.context
        if not 0 <= first <= MAX_PAGE:
            raise error("BAD_REQUEST", f"first moet tussen 0 en {MAX_PAGE} liggen")

        def wanted(r: DossierRecord) -> bool:
            return (
                status is CaseloadStatus.ALLE or r.is_open == (status is CaseloadStatus.OPEN)
            ) and (werknemer_id is None or r.werknemer_id == werknemer_id)

        filtered_on = set()
        if status is not CaseloadStatus.ALLE:
            filtered_on.add(("werkgever", "HerstelmeldingGeregistreerd"))
        if werknemer_id is not None:
            filtered_on.add(("werkgever", "ZiekmeldingGeregistreerd"))
        mine = await ctx.gateway.run(
            ctx.gateway.caseload, ctx.caller(), wanted, frozenset(filtered_on)
        )
        for record, decision in mine:
            ctx.prime(record.dossier_id, decision)
        chosen = [r for r, _ in mine]
        start = 0
        if after is not None:
            ids = [r.dossier_id for r in chosen]
            after_id = _after(after)
            if after_id not in ids:
                raise error("BAD_REQUEST", "cursor hoort niet bij deze caseload")
            start = ids.index(after_id) + 1
        page = chosen[start : start + first]
        edges = [
            DossierEdge(
                cursor=_cursor(r.dossier_id), node=Dossier(view=await ctx.view(r.dossier_id))
            )
            for r in page
        ]
        return DossierConnection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=start + first < len(chosen),
                has_previous_page=start > 0,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
            total_count=len(chosen),
        )

    @strawberry.field(
        description="The taakdelegaties the caller granted (bedrijfsarts) or holds (CMTD), "
        "revoked and expired ones included."
    )
    async def taakdelegaties(self, info: strawberry.Info[Context]) -> list[Taakdelegatie]:
        return [Taakdelegatie.of(d) for d in await _overzicht(info, "taakdelegaties")]

    @strawberry.field(
        description="The provider catalogue: all of it for the parties that refer, a provider's "
        "own entry for a provider."
    )
    async def providers(self, info: strawberry.Info[Context]) -> list[Provider]:
        return [Provider.of(p) for p in await _overzicht(info, "providers")]


async def _overzicht(info: strawberry.Info[Context], naam: str) -> list[dict]:
    """The entries of a list outside any dossier the policy lets the caller read."""
    ctx = info.context
    entries = await ctx.gateway.run(ctx.gateway.overzicht, ctx.caller(), naam)
    if entries is None:
        raise forbidden(naam)
    return entries


@strawberry.type(description="What a command recorded, as far as the caller may read it.")
class CommandPayload:
    dossier_id: strawberry.ID | None
    events: list[TimelineEntry]


async def _execute(
    info: strawberry.Info[Context], command: str, dossier_id: str | None, value: object
) -> CommandPayload:
    ctx = info.context
    try:
        outcome = await ctx.gateway.run(
            ctx.gateway.execute, ctx.caller(), command, dossier_id, to_fields(value)
        )
    except Exception as exc:
        typed = from_rejection(exc)
        if typed is None:
            raise
        raise typed from None
    if outcome.dossier_id is not None:
        ctx.gateway.changed(outcome.dossier_id)
    return CommandPayload(
        dossier_id=strawberry.ID(outcome.dossier_id) if outcome.dossier_id else None,
        events=[TimelineEntry.of(e) for e in outcome.events],
    )


def _mutation_name(command: str) -> str:
    head, *rest = command.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _mutation(command: str) -> object:
    spec = COMMANDS[command].commands[command]
    Input = command_input(command, spec.input)
    description = (spec.input.__doc__ or "").strip() or None

    if spec.dossier != "existing":

        async def resolve(info: strawberry.Info[Context], input: Input) -> CommandPayload:
            return await _execute(info, command, None, input)

    else:

        async def resolve(
            info: strawberry.Info[Context], dossier_id: strawberry.ID, input: Input
        ) -> CommandPayload:
            return await _execute(info, command, str(dossier_id), input)

    return strawberry.mutation(
        resolver=resolve, name=_mutation_name(command), description=description
    )


Mutation = strawberry.type(
    type("Mutation", (), {command: _mutation(command) for command in sorted(COMMANDS)})
)


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="New timeline entries of a dossier, cut by the same read decision."
    )
    async def timeline(
        self, info: strawberry.Info[Context], dossier_id: strawberry.ID
    ) -> AsyncGenerator[TimelineEntry, None]:
        ctx, gateway, dossier_id = info.context, info.context.gateway, str(dossier_id)
        actor = ctx.caller()
        view = await ctx.view(dossier_id)
        seen = {e.id for e in view.entries}
        position = await gateway.run(gateway.position)
        while True:
            await gateway.wait_for_change(dossier_id, POLL_SECONDS)
            now = await gateway.run(gateway.position)
            if now == position:
                continue
            position = now
            decision = await gateway.decision(actor, dossier_id)
            if not decision.allowed:
                raise forbidden(f"dossier {dossier_id}")
            fresh = await gateway.run(gateway.view, dossier_id, decision)
            for entry in fresh.entries:
                if entry.id not in seen:
                    seen.add(entry.id)
                    if decision.sees(entry.service, entry.type):
                        yield TimelineEntry.of(entry)


class GatewaySchema(strawberry.Schema):
    def process_errors(self, errors, execution_context=None) -> None:
        """Log only the unexpected; refusals are the API working as intended."""
        super().process_errors([e for e in errors if should_mask(e)], execution_context)


def build_schema(settings: GatewaySettings | None = None) -> strawberry.Schema:
    settings = settings or GatewaySettings()
    limits = Limits(
        max_depth=settings.max_depth,
        max_aliases=settings.max_aliases,
        max_cost=settings.max_cost,
        list_size=settings.list_size,
        max_page=MAX_PAGE,
    )
    # Factories: every request gets fresh extension instances. Parsing and validating the same
    # query text again cost more than resolving a dossier, so both are cached (LRU, bounded).
    # The token limit bounds the document before it is parsed, the query limits its expansion
    # before it is validated (strawberry's depth and alias limiters expand fragments without
    # memo, and skip introspection).
    extensions = [
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        lambda: MaskErrors(should_mask_error=should_mask, error_message="Interne fout."),
        lambda: ParserCache(maxsize=QUERY_CACHE),
        lambda: QueryLimits(limits, QUERY_CACHE),
    ]
    if not settings.introspection:
        extensions.append(DisableIntrospection)
    return GatewaySchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=StrawberryConfig(),
    )


def sdl() -> str:
    return build_schema().as_str() + "\n"


def export_sdl(path: Path = SDL_PATH) -> Path:
    path.write_text(sdl())
    return path
