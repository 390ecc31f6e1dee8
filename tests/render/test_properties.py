"""Property-based: arbitrary titles, outlets, URLs and sentences through every renderer.

Whatever the text (control characters, lone surrogates, bidirectional marks, markup, quotes),
the CSV parses back to the same cells (apart from its documented ``'`` prefix), TimeML parses as
XML, the page parses as HTML with none of the article's markup live, and the JSON round-trips.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from html.parser import HTMLParser
from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from synthetic import PUBLISHED, event, report

from timeline.models import Event, Source, Timeline
from timeline.render import FORMATS, render, without_surrogates
from timeline.render.common import plain as shown_plain
from timeline.render.common import source_label

# Pieces that become live markup if anything is left unescaped: the tag name is the witness.
MARKUP = ["<x-evil>", "</script><x-evil>", "<x-evil onload=1>", '"><x-evil a="', "'><x-evil>",
          "<!--", "-->", "]]>", "<![CDATA[", "&amp;", "&lt;x-evil&gt;", "</textarea><x-evil>",
          "<svg><x-evil/></svg>", "\u2028", "\u202e", "\u200f", "\x1b[2J", "\r", "\n", "\t", "\x00",
          "\ud800", "\udfff", "\ufeff", "=", "+", "-", "@", "'", '"', "javascript:", "https://e.x/?a=1&b=2"]

pieces = st.one_of(st.text(max_size=12), st.sampled_from(MARKUP),
                   st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x3000), max_size=6))
hostile_text = st.lists(pieces, max_size=6).map("".join)
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_SURROGATE = re.compile("[\ud800-\udfff]")


def plain(text: str) -> str:
    """What an output can carry of ``text``: lone surrogates become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def timeline_of(title: str, outlet: str, url: str, words: str) -> Timeline:
    source = Source(title=title, source=outlet, url=url, path=f"{words}.txt", published=PUBLISHED)
    sentence = f"{words} resumed on Sunday {title}"
    dated = event("e1", title, report(source, sentence, "resumed", "Sunday", "2017-09-03", sentence_start=0))
    undated = event("e2", words or "x", report(source, f"{title} said {words}", "said"))
    return Timeline(events=[dated, undated], articles=[source])


def uncell(cell: str) -> str:
    """A CSV cell's text: the ``'`` in front taken away."""
    return cell[1:] if cell.startswith("'") else cell


def shown(text: str) -> str:
    """What every output but the data formats shows of ``text``: plain text (layout controls as
    spaces, runs of spaces as one), lone surrogates as U+FFFD."""
    return shown_plain(plain(text))


@PROPERTY
@given(hostile_text, hostile_text, hostile_text, hostile_text)
def test_csv_parses_back_to_the_same_cells(title, outlet, url, words):
    tl = timeline_of(title, outlet, url, words)
    rows = list(csv.DictReader(io.StringIO(render(tl, "csv"), newline="")))
    assert len(rows) == len(tl.events)
    first = rows[0]
    assert uncell(first["title"]) == shown(title)
    assert uncell(first["sentence"]) == shown(tl.events[0].sentence)
    assert uncell(first["sources"]) == shown(source_label(tl.events[0].sources[0]))
    assert uncell(first["urls"]) == shown(url)
    for row in rows:
        for cell in row.values():
            assert not re.search(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]", cell)  # plain text
            assert not re.match(r"[\s]*[=+\-@]|[\t\r]", cell)


@PROPERTY
@given(hostile_text, hostile_text, hostile_text, hostile_text)
def test_timeml_parses_as_xml(title, outlet, url, words):
    text = render(timeline_of(title, outlet, url, words), "timeml")
    root = ElementTree.fromstring(text.encode("utf-8"))
    assert root.tag == "TimeML" and root.find("TEXT") is not None


@PROPERTY
@given(hostile_text, hostile_text, hostile_text, hostile_text)
def test_json_formats_round_trip(title, outlet, url, words):
    tl = timeline_of(title, outlet, url, words)
    back = Timeline.model_validate_json(render(tl, "json").encode("utf-8"))
    assert back.events[0].title == plain(title) and back.articles[0].source == plain(outlet)
    assert back.articles[0].url == plain(url) and back.events[0].sentence == plain(tl.events[0].sentence)
    lines = render(tl, "jsonl").encode("utf-8").decode("utf-8").splitlines()
    assert [Event.model_validate_json(line).title for line in lines] == [plain(e.title) for e in tl.events]
    slides = json.loads(render(tl, "timelinejs"))["events"]
    # TimelineJS shows HTML: the title as the page shows it (no bidi overrides, spaces collapsed)
    assert unescape(slides[0]["text"]["headline"]) == shown(title)
    assert back == without_surrogates(tl)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.tags.extend(f"@{name}" for name, _ in attrs)

    handle_startendtag = handle_starttag


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text, hostile_text, hostile_text, hostile_text)
def test_the_page_parses_and_no_article_markup_is_live(title, outlet, url, words):
    page = render(timeline_of(title, outlet, url, words), "html", cdn=True)
    page.encode("utf-8")
    parser = Tags()
    parser.feed(page)
    parser.close()
    assert "x-evil" not in parser.tags and "@onload" not in parser.tags and "@a" not in parser.tags
    assert parser.tags.count("html") == 1


def test_every_format_is_covered():
    assert set(FORMATS) == {"csv", "timeml", "json", "jsonl", "timelinejs", "html"}
