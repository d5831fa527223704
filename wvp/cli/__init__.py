"""The `wvp` command line, one module per command group:

* `dossiers`: simulate, demo, dossiers (the embedded platform's own store);
* `serve`: serve (the gateway with the five services embedded), token;
* `kafka`: service, gateway, keys, asyncapi (the distributed runtime);
* `compliance`: replay, verify, rebuild, audit export;
* `checkpoints`: checkpoint, backup, restore (signed checkpoints of the stores);
* `dlq`: dlq list, dlq replay (the dead-letter queue of the distributed runtime);
* `bench`: the benchmarks (in a checkout only).

Every command works on the configured store (WVP_DATA_DIR, default `var/`, or WVP_DATABASE_URL).
Errors end in one line on stderr and a non-zero exit code, never a traceback; what the commands
print shares one console and its styles (`console`).
"""

import typer

from wvp.cli import bench, checkpoints, compliance, dlq, dossiers, kafka, serve

app = typer.Typer(
    help="Verzuim en re-integratie onder de Wet verbetering poortwachter.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
for group in (dossiers, serve, kafka, compliance, checkpoints, dlq, bench):
    group.register(app)
