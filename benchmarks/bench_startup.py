"""Start-up memory: the peak resident memory of a fresh process that imports timeline and does
one small job, beside the bare interpreter and the peer (dateparser, the tagger's peer).

    python benchmarks/bench_startup.py

Each line is its own process (ru_maxrss of that process).  It also lists which of the heavy
libraries (numpy, scipy, scikit-learn, datasketch, wordfreq, plotly) the job loaded: reading,
tagging and extracting events (``timeline tag``, ``timeline events --jsonl``, the extraction
workers) need none of them; merging, salience, summaries and the page load what they use.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"

JOBS = {
    "python (bare interpreter)": "pass",
    "import dateparser (peer)": "import dateparser",
    "import timeline": "import timeline",
    "tag one sentence": "import timeline; timeline.tag('Peskov said on Wednesday.', published='2017-09-06')",
    "extract the samples' events": (
        "import timeline\n"
        "for item, events in timeline.iter_article_events([SAMPLES]): pass"),
    "build the samples' timeline": "import timeline; timeline.build_timeline([SAMPLES])",
}
HEAVY = ("numpy", "scipy", "sklearn", "datasketch", "wordfreq", "plotly")

PROBE = """
import resource, sys, json
SAMPLES = {samples!r}
{job}
print(json.dumps({{"mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   "heavy": [m for m in {heavy!r} if m in sys.modules]}}))
"""


def measure(job: str) -> dict:
    code = PROBE.format(samples=str(SAMPLES), job=job, heavy=HEAVY)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    results = {name: measure(job) for name, job in JOBS.items()}
    bare = results["python (bare interpreter)"]["mb"]
    peer = results["import dateparser (peer)"]["mb"]
    print(f"{'job':32} {'peak MB':>8} {'/ peer':>7}  heavy libraries loaded")
    for name, result in results.items():
        print(f"{name:32} {result['mb']:8.1f} {result['mb'] / peer:7.2f}  {', '.join(result['heavy']) or '-'}")
    print(f"(the bare interpreter alone: {bare:.1f} MB)")


if __name__ == "__main__":
    main()
