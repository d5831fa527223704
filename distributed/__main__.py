from distributed.cli import app

app(prog_name="python -m distributed")
