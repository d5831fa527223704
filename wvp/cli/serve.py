"""`wvp serve` (the GraphQL gateway with the five services embedded, writing signed checkpoints
of its stores while it runs) and `wvp token`."""

import typer
import uvicorn

from gateway.app import create_app
from gateway.auth import TOKEN_ROLES, mint_token
from gateway.settings import GatewaySettings
from wvp.cli.console import een_regel, platform
from wvp.demo import DEMO_WERKGEVER, load_demo
from wvp.runtime import checkpointing


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    demo: bool = typer.Option(False, help="Load the demo dossiers first."),
) -> None:
    """Run the GraphQL gateway with all five services embedded; a signed checkpoint of the
    stores every WVP_CHECKPOINT_INTERVAL seconds and on shutdown."""
    settings = GatewaySettings.from_env()
    with platform() as p, checkpointing(p):
        if demo:
            load_demo(p)  # a no-op when the data dir already holds the demo
        app = create_app(p, settings)
        where = f"http://{host}:{port}"
        typer.echo(f"GraphQL on {where}/graphql" + (" (GraphiQL on)" if settings.graphiql else ""))
        typer.echo(f"Web page on {where}/app/ (paste a token from `wvp token`)")
        if demo:
            hint = f"wvp token --role werkgever --subject hr --org {DEMO_WERKGEVER}"
            typer.echo(f"Demo employer token: {hint}")
        uvicorn.run(app, host=host, port=port, log_level="warning", ws="websockets-sansio")


def token(
    role: str = typer.Option(..., help="One of: " + ", ".join(sorted(TOKEN_ROLES))),
    subject: str = typer.Option(..., help="persoon_id of the caller."),
    org: str = typer.Option(..., help="organisatie of the caller."),
    ttl: int = typer.Option(8 * 3600, help="Lifetime in seconds."),
) -> None:
    """Print a development token (HS256, local secret) for the gateway."""
    try:
        typer.echo(mint_token(GatewaySettings.from_env(), role, subject, org, ttl))
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


def register(app: typer.Typer) -> None:
    for command in (serve, token):
        app.command()(een_regel(command))
