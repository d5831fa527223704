"""Typed errors a command can end in. Nothing is recorded when one is raised."""


class CommandRejected(Exception):
    """The command was refused. `code` is stable for API clients; the message is for people."""

    code = "REJECTED"


class DomainRuleViolated(CommandRejected):
    """The command breaks a rule of the Wet verbetering poortwachter process."""

    code = "DOMAIN_RULE"


class DossierNotFound(CommandRejected):
    code = "NOT_FOUND"


class RivIncomplete(DomainRuleViolated):
    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__("RIV onvolledig, ontbrekende onderdelen: " + ", ".join(missing))


class UnknownCommand(CommandRejected):
    code = "UNKNOWN_COMMAND"
