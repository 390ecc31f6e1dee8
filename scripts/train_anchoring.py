"""Fit the anchoring model on TimeBank and write it where the package reads it.

    python scripts/train_anchoring.py [GOLD_DIR] [-o FILE]

GOLD_DIR defaults to ../shared/corpora/timebank beside the checkout; FILE to
timeline/lang/en/events/anchoring_model.json.  Deterministic: the same corpus gives the same
file, byte for byte.  The file records the two-fold cross-validated anchoring precision of the
costs (tuned on one fold) and of the model (fitted on one fold); it is ``enabled``, so that the
model anchors instead of the costs, only when the model scored higher (see README, Accuracy).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from timeline.events.anchor_model import MODEL_FILE  # noqa: E402
from timeline.events.anchor_training import train  # noqa: E402
from timeline.lang import LANG_DIR  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", nargs="?", default=str(REPO.parent / "shared" / "corpora" / "timebank"))
    parser.add_argument("-o", "--output", default=str(LANG_DIR.joinpath("en", *MODEL_FILE)))
    args = parser.parse_args(argv)
    if not Path(args.gold_dir).is_dir():
        print(f"error: {args.gold_dir}: no such folder", file=sys.stderr)
        return 1
    text = train(args.gold_dir)
    out = Path(args.output)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)  # whole or not at all
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
