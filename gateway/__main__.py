"""`python -m gateway serve|token|bench`: the gateway's commands without the wvp CLI."""

import typer

from gateway import cli

app = typer.Typer(add_completion=False, no_args_is_help=True)
app.command("serve")(cli.serve)
app.command("token")(cli.token)
app.command("bench")(cli.bench)

if __name__ == "__main__":
    app()
