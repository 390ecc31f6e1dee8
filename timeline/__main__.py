"""The ``timeline`` command (``python -m timeline``, and the ``timeline`` script, which calls
:func:`main`)."""

import sys

INTERRUPTED = 130  # (as timeline.cli exits when interrupted)


def main() -> None:
    """Load the command line and run it.  A Ctrl-C pressed while it loads (a good part of a
    second: pydantic, typer) ends the command as one pressed later does, one line and exit 130,
    not with the traceback of whatever import it stopped."""
    try:
        from timeline.cli import run_as_program
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        raise SystemExit(INTERRUPTED) from None
    run_as_program()


if __name__ == "__main__":
    main()
