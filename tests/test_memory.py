"""Streaming memory does not grow with the corpus (issue 10 item 8).

Extracting the events of one article after another must keep nothing per article: no cache keyed
by dates or words that grows without bound.  The articles here are varied the way a news stream
is: each round moves the publication date a week later, so every resolved date is new, and each
article names a few words of its own.  Python's traced memory after 2N articles must stay within
a small margin of that after N (a cache keeping even 1 KB an article would add far more).
"""

import datetime as dt
import gc
import importlib
import tracemalloc

from timeline.events import extract_events

SENTENCES = (
    "The council of {place} approved the budget on Monday, the mayor said.",
    "Last week the company announced that it would close its plant in {place} by March {year}.",
    "Officials met on {date} to discuss the {word} agreement, and talks resumed two days later.",
    "The minister resigned yesterday after the {word} report was published on {date}.",
    "Next Friday the court will rule on the appeal filed in {year}.",
)


def article(number: int) -> tuple[str, dt.datetime]:
    published = dt.datetime(2001, 1, 3) + dt.timedelta(weeks=number)
    date = (published - dt.timedelta(days=number % 9 + 1)).strftime("%B %d, %Y")
    text = " ".join(s.format(place=f"Town{number}", word=f"plan{number}x", date=date, year=published.year + 1)
                    for s in SENTENCES)
    return text, published


def extract(first: int, last: int) -> int:
    found = 0
    for number in range(first, last):
        text, published = article(number)
        found += len(extract_events(text, published))
    return found


def test_traced_memory_stays_flat_over_varied_articles(monkeypatch):
    lexicon = importlib.import_module("timeline.events.lexicon")  # (the module, not the function)
    # the caches kept within a bound (word shapes, lemmas) are made small, so that they fill up
    # and are emptied within the run: what still grows is what no bound keeps
    monkeypatch.setattr(lexicon, "_SHAPE_CACHE", 100)
    monkeypatch.setattr(lexicon, "_LEMMA_CACHE", 100)
    n = 150
    assert extract(0, 20) > 0  # warm up: language data, grammars, lazy imports
    tracemalloc.start()
    try:
        extract(20, 20 + n)
        gc.collect()
        after_n = tracemalloc.get_traced_memory()[0]
        extract(20 + n, 20 + 2 * n)
        gc.collect()
        after_2n = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    # n more varied articles may add at most 64 KB (under 0.5 KB an article), whatever n is.
    assert after_2n - after_n < 64 * 1024, f"{(after_2n - after_n) / 1024:.0f} KB more after {n} more articles"


def test_reading_tagging_and_extracting_load_none_of_the_merging_libraries(tmp_path):
    """numpy, scipy, datasketch, scikit-learn and wordfreq (about 65 MB at start-up) are for
    merging, salience and summaries: a process that only reads articles, tags and extracts events
    (`timeline tag`, the library's `iter_article_events`, the extraction workers) never loads them
    (but wordfreq's small list where a title must tell a name from a common word: the test below)."""
    import json
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("---\npublished: 2017-09-06\n---\nThe council met on Monday.\n", encoding="utf-8")
    code = ("import json, sys, timeline\n"
            f"for item, events in timeline.iter_article_events([{str(tmp_path)!r}]): assert events\n"
            "timeline.tag('Peskov said on Wednesday.', published='2017-09-06')\n"
            "print(json.dumps(sorted(m for m in ('numpy', 'scipy', 'datasketch', 'sklearn', 'wordfreq') if m in sys.modules)))")
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert loaded == []
    merged = subprocess.run([sys.executable, "-c", code.replace("print(", "timeline.build_timeline([" + repr(str(tmp_path)) + "])\nprint(")],
                            capture_output=True, text=True, check=True).stdout
    assert "numpy" in json.loads(merged)  # (the check can fail: building a timeline does load them)


def test_streaming_json_lines_loads_no_page_renderer(tmp_path):
    """`timeline events --jsonl` writes JSON: the page's renderer, and plotly with it, stay unloaded."""
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("---\npublished: 2017-09-06\n---\nThe council met on Monday.\n", encoding="utf-8")
    code = ("import sys\n"
            f"sys.argv = ['timeline', 'events', '--jsonl', '--quiet', {str(tmp_path / 'a.txt')!r}]\n"
            "from timeline.__main__ import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('plotly', 'timeline.render.html') if m in sys.modules), file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "council" in run.stdout.lower()  # (the events were written)
    assert run.stderr.strip().splitlines()[-1] == "[]"


def test_telling_a_name_from_a_common_word_costs_extraction_little_memory():
    """A speaker of one capitalised word that opens a sentence is a name only if the word is rare
    ('Halliburton said', not 'Police said'): extraction asks wordfreq, whose small English list
    (every word down to Zipf 3) answers that, not its large one, 30 MB in every extracting process."""
    import subprocess
    import sys

    code = ("import resource, timeline\n"
            "timeline.extract_events('The council met on Monday, officials said.', '2017-09-06')\n"
            "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "events = timeline.extract_events('Police said on Monday that the men had fled. '\n"
            "                                 'Halliburton said on Tuesday it would pay.', '2017-09-06')\n"
            "import sys; assert 'wordfreq' in sys.modules, 'the common-word test was not reached'\n"
            "print([e.title for e in events if e.time_expression and e.time_expression.text == 'Tuesday'],\n"
            "      (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    titles, grown = out.rsplit(" ", 1)
    assert "Halliburton" in titles
    assert int(grown) < 12, f"extraction grew by {grown} MB to tell a name from a common word"
