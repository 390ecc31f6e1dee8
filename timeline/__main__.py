"""``python -m timeline``: the command line, as the ``timeline`` script runs it."""
from timeline.cli import app

app(prog_name="timeline")
