"""What a query would cost, worked out before it is validated or run.

A query is measured as it would execute: every fragment spread expanded, every list field
multiplied by the page it asks for (`first`) or a default size, introspection fields counted like
any other. Each fragment is measured once and its measure reused wherever it is spread, so the
work of measuring grows with the length of the document (itself bounded by the parser's token
limit), never with its expansion: a document whose fragments each spread the previous one twice
is refused in the time it takes to read it. Validation (graphql-core's rules, some of which are
exponential in such documents) only runs on a document that passed.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SchemaMetaFieldDef,
    SelectionSetNode,
    TypeMetaFieldDef,
    VariableNode,
)
from strawberry.extensions import SchemaExtension

from gateway.errors import error

TOO_COMPLEX = "QUERY_TOO_COMPLEX"


@dataclass(frozen=True)
class Limits:
    max_depth: int
    max_aliases: int
    max_cost: int
    list_size: int  # the assumed length of a list whose size the query does not name
    max_page: int  # the largest `first` a list field accepts


@dataclass(frozen=True)
class Measure:
    cost: int = 0  # fields resolved, list items included
    depth: int = 0
    aliases: int = 0

    def __add__(self, other: "Measure") -> "Measure":
        return Measure(
            self.cost + other.cost, max(self.depth, other.depth), self.aliases + other.aliases
        )


class _Meter:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
        limits: Limits,
    ):
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.limits = limits
        self.measured: dict[str, Measure] = {}
        self.in_progress: set[str] = set()

    def selections(
        self,
        selection_set: SelectionSetNode | None,
        parent: GraphQLNamedType | None,
        page: int | None = None,
    ) -> Measure:
        """`page`: the `first` of the field above, for a connection whose list lies below it."""
        total = Measure()
        for node in selection_set.selections if selection_set else ():
            if isinstance(node, FieldNode):
                total += self.field(node, parent, page)
            elif isinstance(node, InlineFragmentNode):
                condition = node.type_condition
                on = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selections(node.selection_set, on, page)
            elif isinstance(node, FragmentSpreadNode):
                total += self.fragment(node.name.value)
        return total

    def fragment(self, name: str) -> Measure:
        if name in self.measured:
            return self.measured[name]
        definition = self.fragments.get(name)
        if definition is None or name in self.in_progress:
            return Measure()  # unknown or cyclic: validation refuses the document
        self.in_progress.add(name)
        measure = self.selections(
            definition.selection_set, self.schema.get_type(definition.type_condition.name.value)
        )
        self.in_progress.discard(name)
        self.measured[name] = measure
        return measure

    def field(self, node: FieldNode, parent: GraphQLNamedType | None, page: int | None) -> Measure:
        name = node.name.value
        field_type: GraphQLOutputType | None = None
        if name == "__schema":
            field_type = SchemaMetaFieldDef.type
        elif name == "__type":
            field_type = TypeMetaFieldDef.type
        elif isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            definition = parent.fields.get(name)
            field_type = definition.type if definition else None
        first = self.first(node)
        items, listed, named = 1, False, field_type
        while isinstance(named, GraphQLNonNull | GraphQLList):
            if isinstance(named, GraphQLList):
                listed = True
                items *= next((n for n in (first, page) if n is not None), self.limits.list_size)
            named = named.of_type
        child = self.selections(node.selection_set, named, None if listed else first)
        return Measure(
            cost=1 + items * child.cost,
            depth=1 + child.depth,
            aliases=(1 if node.alias else 0) + child.aliases,
        )

    def first(self, node: FieldNode) -> int | None:
        """The page a field asks for (`first`); a variable not given counts as the largest."""
        for argument in node.arguments or ():
            if argument.name.value != "first":
                continue
            value = argument.value
            if isinstance(value, VariableNode):
                given = self.variables.get(value.name.value)
                return given if isinstance(given, int) and given >= 0 else self.limits.max_page
            if isinstance(value, IntValueNode):
                return max(int(value.value), 0)
        return None


def measure(
    schema: GraphQLSchema,
    document: DocumentNode,
    limits: Limits,
    variables: Mapping[str, Any] | None = None,
) -> Measure:
    """The measure of the costliest operation in the document."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    meter = _Meter(schema, fragments, variables or {}, limits)
    worst = Measure()
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            root = schema.get_root_type(definition.operation)
            m = meter.selections(definition.selection_set, root)
            worst = Measure(
                max(worst.cost, m.cost), max(worst.depth, m.depth), max(worst.aliases, m.aliases)
            )
    return worst


def refusals(m: Measure, limits: Limits) -> list[str]:
    """Why a query of this measure is refused, in Dutch; empty when it may run."""
    reasons = []
    if m.depth > limits.max_depth:
        reasons.append(f"diepte {m.depth} boven de grens {limits.max_depth}")
    if m.aliases > limits.max_aliases:
        reasons.append(f"{m.aliases} aliassen boven de grens {limits.max_aliases}")
    if m.cost > limits.max_cost:
        shown = f"{m.cost:,}" if m.cost < 10**12 else f"meer dan {10**12:,}"
        reasons.append(f"kosten {shown} velden boven de grens {limits.max_cost:,}")
    return reasons


@cache
def _validate_cache(maxsize: int) -> Any:
    # Imported here: strawberry.schema.schema imports the extensions package.
    from strawberry.schema.schema import validate_document

    return lru_cache(maxsize=maxsize)(validate_document)


class QueryLimits(SchemaExtension):
    """Measure, then validate (validation cached per document and rules, as strawberry's
    `ValidationCache` does). A refused query gets one error and is never validated or run."""

    def __init__(self, limits: Limits, cache_size: int):
        super().__init__()
        self.limits = limits
        self.validate = _validate_cache(cache_size)

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        schema = context.schema._schema
        reasons = refusals(measure(schema, document, self.limits, context.variables), self.limits)
        if reasons:
            context.pre_execution_errors = [_too_complex(reasons)]
        else:
            context.pre_execution_errors = self.validate(schema, document, context.validation_rules)
        yield


def _too_complex(reasons: list[str]) -> GraphQLError:
    return error(TOO_COMPLEX, "query geweigerd vóór uitvoering: " + "; ".join(reasons))
