"""GraphQL errors with a stable `extensions.code`, and the rule for masking everything else."""

from typing import Any

from graphql import GraphQLError

# Codes a client may see with the original message; anything else is masked.
PUBLIC_CODES = frozenset(
    {
        "UNAUTHENTICATED",
        "FORBIDDEN",
        "VALIDATION",
        "DOMAIN_RULE",
        "NOT_FOUND",
        "UNKNOWN_COMMAND",
        "REJECTED",
        "BAD_REQUEST",
        "QUERY_TOO_COMPLEX",
    }
)


def error(code: str, message: str, **extensions: Any) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code, **extensions})


def forbidden(what: str) -> GraphQLError:
    return error("FORBIDDEN", f"geen inzage in {what}")


def from_rejection(exc: Exception) -> GraphQLError | None:
    """A command's refusal as a typed error, or None when it is not a known refusal."""
    code = getattr(exc, "code", None)
    if code not in PUBLIC_CODES:
        return None
    extra: dict[str, Any] = {}
    if hasattr(exc, "problems"):
        extra["problems"] = list(exc.problems)
    if hasattr(exc, "missing"):
        extra["ontbrekend"] = list(exc.missing)
    return error(code, str(exc), **extra)


def should_mask(err: GraphQLError) -> bool:
    """Mask unexpected errors; keep syntax/validation errors and our coded errors."""
    original = err.original_error
    if original is None:
        return False  # parsing and validation: about the query, not the server
    if err.path is None and err.message.startswith("Variable '$"):
        return False  # a variable that does not fit its type: about the request too
    if isinstance(original, GraphQLError):
        return (original.extensions or {}).get("code") not in PUBLIC_CODES
    return True
