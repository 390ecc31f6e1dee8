"""TempEval-3 style evaluation behind ``timeline eval``.

STUB: the tagger's scorer replaces the tagging part; ``--events`` is delegated to
timeline.evaluate_events.run_events_eval (the event layer's).
"""

from __future__ import annotations


def run_eval(gold_dir: str, *, events: bool = False, errors: bool = False, as_json: bool = False) -> str:
    """The printable report of ``timeline eval GOLD_DIR``."""
    if events:
        from timeline.evaluate_events import run_events_eval

        return run_events_eval(gold_dir, errors=errors, as_json=as_json)
    raise NotImplementedError
