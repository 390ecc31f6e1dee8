"""Reading articles: formats, front matter, publication dates, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import os

import pytest

import timeline
from timeline.articles import estimate_count, iter_articles, load_articles
from timeline.models import Article, ArticleError

BODY = "Putin met the South Korean leader on Wednesday at the Eastern Economic Forum in Vladivostok.\n"

PAGE = """<html><head><title>Putin meets Moon in Vladivostok</title>
<meta property="article:published_time" content="2017-09-06T10:30:00+03:00">
<link rel="canonical" href="https://news.example.com/putin-moon"></head>
<body><nav>Home | World | Business</nav>
<article><h1>Putin meets Moon in Vladivostok</h1>
<p>Putin met the South Korean leader on Wednesday at the Eastern Economic Forum in Vladivostok.
The two leaders talked about the crisis on the Korean Peninsula.</p>
<p>Kremlin spokesman Dmitry Peskov said that talking about sanctions was pointless.</p></article>
<footer>Copyright 2017 Example News</footer></body></html>"""


def write(folder, name, content):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_one(path, published=None):
    (item,) = list(iter_articles([str(path)], published))
    return item


# --- good input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "front_matter, expected",
    [
        ("published: 2017-09-06\n", {"published": dt.datetime(2017, 9, 6)}),
        ("published: 2017-09-06T10:30:00+03:00\n",
         {"published": dt.datetime(2017, 9, 6, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))}),
        ("published: 2017-09-06T07:30:00Z\n",
         {"published": dt.datetime(2017, 9, 6, 7, 30, tzinfo=dt.timezone.utc)}),
        ("published: September 6, 2017\n", {"published": dt.datetime(2017, 9, 6)}),
        ('title: "Russia Supplying Oil to North Korea? No Problem, Says Putin\'s Press Secretary"\n',
         {"title": "Russia Supplying Oil to North Korea? No Problem, Says Putin's Press Secretary"}),
        ("title: 'It''s pointless, says Peskov'\nsource: Sputnik\nurl: https://sputniknews.com/x\n",
         {"title": "It's pointless, says Peskov", "source": "Sputnik", "url": "https://sputniknews.com/x"}),
        ("# a comment\nauthor: Staff\ntags:\n  - russia\n  - korea\n\npublished: 2017-09-06\n",
         {"published": dt.datetime(2017, 9, 6), "title": None}),
        # a comment after a value, as YAML writes one (not in a quoted value, nor in a word)
        ("published: 2017-09-06 # the print edition\ntitle: 'Talks # 2'\nsource: C# Weekly  # an outlet\n",
         {"published": dt.datetime(2017, 9, 6), "title": "Talks # 2", "source": "C# Weekly"}),
        # Jekyll's 'published: true' (or false) says whether to publish: the date is its 'date'
        ("published: true\ndate: 2017-09-06 10:00:00 +0300\n",
         {"published": dt.datetime(2017, 9, 6, 10, tzinfo=dt.timezone(dt.timedelta(hours=3)))}),
        ("published: false\ndate: 2017-09-06\n", {"published": dt.datetime(2017, 9, 6)}),
        # the zero time a system writes that had no date to write is none
        ("published: 0001-01-01T00:00:00Z\n", {"published": None}),
        ("published: 1970-01-01T00:00:00Z\n", {"published": None}),  # (Unix's, however written)
        ("published: 'Wed, 31 Dec 1969 19:00:00 -0500'\n", {"published": None}),
        # (and a time that UTC puts past the calendar's last day is a date like any other)
        ("published: 9999-12-31T20:00:00-05:00\n",
         {"published": dt.datetime(9999, 12, 31, 20, tzinfo=dt.timezone(dt.timedelta(hours=-5)))}),
        ("published: N/A\n", {"published": None}),  # (a placeholder: the article read undated, not dropped)
        ("published: 0000-00-00\n", {"published": None}),
    ],
)
def test_front_matter_fields_are_read_and_the_text_kept_unchanged(tmp_path, front_matter, expected):
    article = read_one(write(tmp_path, "a.md", f"---\n{front_matter}---\n{BODY}"))
    assert isinstance(article, Article)
    assert article.text == BODY
    for field, value in expected.items():
        assert getattr(article, field) == value


@pytest.mark.parametrize("name", ["articles.csv", "feed", "dump.xml"])
def test_a_file_whose_name_does_not_tell_what_it_holds_is_read_as_standard_input_is(tmp_path, name):
    records = [{"text": BODY, "title": "Putin meets Moon", "published": "2017-09-06"},
               {"text": "Rain fell on Monday.", "published": "2017-09-06"}]
    feed = write(tmp_path, name, "".join(json.dumps(r) + "\n" for r in records))
    assert [a.title for a in load_articles([str(feed)])] == ["Putin meets Moon", None]
    one = write(tmp_path, "one-" + name, json.dumps(records[0]))
    assert read_one(one).text == BODY and read_one(one).published == dt.datetime(2017, 9, 6)
    text = write(tmp_path, "text-" + name, BODY)
    assert read_one(text).text == BODY


def _table(rows, delimiter=","):
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def test_a_spreadsheets_table_of_articles_is_read_a_row_an_article(tmp_path):
    # (a newsroom's export: its header row had been read as an article of its own, with the rows' text)
    long = BODY * 2000  # (over csv's own 128 KB a field)
    rows = [["Title", "Source", "Published", "Text", "Notes"], ["Putin meets Moon", "Sputnik", "2017-09-06", BODY, "x"],
            ["", "", "", "", ""], ["Long", "Wire", "not a date", "Rain fell on Monday.", ""],
            ["Longer", "Wire", "2017-09-07", long, ""]]
    items = list(iter_articles([str(write(tmp_path, "export.csv", _table(rows)))]))
    assert [(a.title, a.source, a.text) for a in items if isinstance(a, Article)] == [
        ("Putin meets Moon", "Sputnik", BODY), ("Longer", "Wire", long)]
    (bad,) = [a for a in items if isinstance(a, ArticleError)]
    assert bad.reason == "bad-date" and str(bad).startswith(f"{tmp_path / 'export.csv'}:5: ")  # (the line it ends on)
    tsv = write(tmp_path, "export.tsv", _table([["text", "published"], [BODY, "2017-09-06"]], "\t"))
    semicolons = write(tmp_path, "eu.csv", _table([["text", "published"], [BODY, "2017-09-06"]], ";"))
    assert [read_one(tsv).published, read_one(semicolons).published] == [dt.datetime(2017, 9, 6)] * 2


def test_a_tables_days_in_figures_are_read_in_the_order_its_other_days_show(tmp_path):
    rows = [["text", "published"], [BODY, "01/05/2013"], [BODY, "13/05/2013"], [BODY, "02/05/2013 10:00 am"]]
    items = list(iter_articles([str(write(tmp_path, "uk.csv", _table(rows)))]))
    assert [a.published for a in items] == [dt.datetime(2013, 5, 1), dt.datetime(2013, 5, 13), dt.datetime(2013, 5, 2, 10)]
    mixed = [["text", "published"], [BODY, "01/05/2013"], [BODY, "13/05/2013"], [BODY, "05/13/2013"]]
    first = list(iter_articles([str(write(tmp_path, "mixed.csv", _table(mixed)))]))[0]
    assert isinstance(first, ArticleError) and "ambiguous" in str(first)  # (both orders: none is guessed)


def test_a_spreadsheets_export_is_read_as_the_spreadsheet_wrote_it(tmp_path):
    # Excel's 'CSV (Comma delimited)' on Windows: windows-1252, maybe a 'sep=' line first
    excel = tmp_path / "excel.csv"
    excel.write_bytes(b'sep=;\r\ntext;published\r\n"Beyonc\xe9\x92s show is over, police said on Monday.";2017-09-06\r\n')
    assert read_one(str(excel)).text == "Beyonc\u00e9\u2019s show is over, police said on Monday."
    # a tab-separated file saved as .csv, a table of one column, a cell holding a line separator
    assert read_one(write(tmp_path, "tabs.csv", _table([["text", "published"], [BODY, "2017-09-06"]], "\t"))).text == BODY
    assert read_one(write(tmp_path, "one.csv", _table([["text"], [BODY]]))).text == BODY
    broken = "The talks\u2028ended on Monday."
    commas = read_one(write(tmp_path, "commas.csv", "text\nPolice arrested a man on Monday, and freed him.\n"))
    assert commas.text == "Police arrested a man on Monday, and freed him."  # (one column: its commas are text)
    # a UTF-8 export with one stray byte is refused, naming it, not read as windows-1252 throughout
    stray = tmp_path / "stray.csv"
    stray.write_bytes("text,published\n\"Caf\u00e9 owners met on Monday.\",2017-09-06\n".encode() + b"\"Bad \x92 byte\",2017-09-06\n")
    assert [str(e).split(": ", 1)[1] for e in iter_articles([str(stray)]) if isinstance(e, ArticleError)] == [
        "not UTF-8 text (invalid byte at offset 61)"]
    one = read_one(write(tmp_path, "ls.csv", _table([["text", "published"], [broken, "2017-09-06"]])))
    assert one.text.split() == broken.split() and one.published == dt.datetime(2017, 9, 6)  # (one row, not two)


def test_a_row_a_table_cannot_tell_is_an_error_of_its_own(tmp_path):
    # an unquoted comma in a cell makes a row of more cells than the header names: its line is refused,
    # the others read; a column named twice refuses the table (which would it be?)
    text = "text,published\nPolice arrested a man on Monday, and freed him.,2017-09-06\nRain fell on Monday.,2017-09-06\n"
    items = list(iter_articles([str(write(tmp_path, "ragged.csv", text))]))
    assert isinstance(items[0], ArticleError) and str(items[0]).startswith(f"{tmp_path / 'ragged.csv'}:2: 3 cells")
    assert items[1].text == "Rain fell on Monday."
    twice = read_one(write(tmp_path, "twice.csv", _table([["text", "Text"], [BODY, BODY]])))
    assert isinstance(twice, ArticleError) and "'text' named twice" in str(twice)


def test_a_table_without_a_text_column_or_of_the_tools_own_events_is_one_clear_error(tmp_path):
    error = read_one(write(tmp_path, "t.csv", _table([["headline", "body"], ["Talks", BODY]])))
    assert isinstance(error, ArticleError) and error.reason == "malformed"
    assert "no 'text' column" in str(error) and "'headline', 'body'" in str(error)
    own = read_one(write(tmp_path, "timeline.csv", _table([["id", "start", "end", "value", "title"],
                                                           ["0f2", "2017-09-06", "2017-09-06", "2017-09-06", "Talks"]])))
    assert isinstance(own, ArticleError) and own.reason == "own-output"


def test_a_word_processors_file_is_told_it_is_no_text(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "story.docx", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    error = read_one(tmp_path / "story.docx")
    assert isinstance(error, ArticleError) and "a zip archive (as a .docx" in str(error)


@pytest.mark.parametrize("name", ["feed.jsonl.gz", "feed.jsonl", "page.html"])
def test_a_compressed_file_is_told_how_to_be_read(tmp_path, name):
    import gzip

    data = gzip.compress(json.dumps({"text": BODY, "published": "2017-09-06"}).encode() + b"\n", mtime=0)
    error = read_one(write(tmp_path, name, data))
    assert isinstance(error, ArticleError) and "gzip-compressed file, not text: decompress it first" in str(error)


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Ruritania Times</title>
<item><title>Police arrest protesters</title><link>https://example.org/a</link>
<pubDate>Wed, 06 Sep 2017 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Police arrested five protesters on Monday.&lt;/p&gt;</description></item>
<item><title>President resigns</title><link>https://example.org/b</link><pubDate>not a date</pubDate>
<content:encoded><![CDATA[<p>The president resigned on <b>Tuesday</b>.</p>]]></content:encoded></item>
</channel></rss>"""
ATOM = """<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><title>Talks end</title>
<link rel="alternate" href="https://example.org/c"/><updated>2017-09-06T10:00:00Z</updated>
<summary>Talks ended on Monday without a deal.</summary></entry></feed>"""


def test_a_news_feeds_items_are_its_articles(tmp_path):
    # (a feed had been read as one article of prose: event titles '<item><title>Police arrest')
    items = list(iter_articles([str(write(tmp_path, "news.rss", RSS)), str(write(tmp_path, "wire.xml", ATOM))]))
    first, bad, atom = items
    assert (first.title, first.source, first.url, first.published, first.text) == (
        "Police arrest protesters", "Ruritania Times", "https://example.org/a",
        dt.datetime(2017, 9, 6, 10, tzinfo=dt.timezone.utc), "Police arrested five protesters on Monday.")
    assert isinstance(bad, ArticleError) and str(bad).startswith(f"{tmp_path / 'news.rss'}[1]: ")  # (its own error)
    assert (atom.title, atom.source, atom.url, atom.text) == (
        "Talks end", "Wire", "https://example.org/c", "Talks ended on Monday without a deal.")
    # a feed's text is HTML, however short ('The mayor&#8217;s plan'); XHTML keeps its paragraphs apart;
    # an item of a headline alone is that headline
    wordpress = ('<rss><channel><title>Metro &amp;amp; Region</title><item><title><![CDATA[Mayor&#8217;s plan]]>'
                 '</title><description><![CDATA[The plan &amp; the budget were &quot;overdue&quot;.]]></description>'
                 '</item><item><title>Police arrest five on Monday</title></item></channel></rss>')
    plan, headline = list(iter_articles([str(write(tmp_path, "wp.rss", wordpress))]))
    assert (plan.title, plan.source, plan.text) == ("Mayor\u2019s plan", "Metro & Region",
                                                    'The plan & the budget were "overdue".')
    assert headline.text == "Police arrest five on Monday"
    xhtml = ('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Markets</title><content type="xhtml"><div '
             'xmlns="http://www.w3.org/1999/xhtml"><p>Markets fell on Tuesday.</p><p>Oil rose.</p></div></content>'
             '</entry></feed>')
    assert read_one(write(tmp_path, "x.atom", xhtml)).text == "Markets fell on Tuesday.\nOil rose."
    # ...but a text of type text, an RSS title and a '<' that opens no element of a page are as written
    plain = ('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>The &lt;script&gt; flaw</title><content '
             'type="text">Attackers could slip a &lt;script&gt; tag in on Monday.</content></entry></feed>')
    flaw = read_one(write(tmp_path, "t.atom", plain))
    assert (flaw.title, flaw.text) == ("The <script> flaw", "Attackers could slip a <script> tag in on Monday.")
    ticker = ('<rss><channel><item><title>AT&amp;amp;T and x&amp;lt;y</title><description>Apple &amp;lt;AAPL.O&amp;gt; '
              'rose on Monday.</description></item></channel></rss>')
    apple = read_one(write(tmp_path, "r.rss", ticker))
    assert (apple.title, apple.text) == ("AT&T and x<y", "Apple <AAPL.O> rose on Monday.")
    # (a folder's .rss is read too; its .xml, which may hold anything, is left as any file of another kind)
    titles = [a.title for a in iter_articles([str(tmp_path)]) if isinstance(a, Article)]
    assert "Police arrest protesters" in titles and "Talks end" not in titles


def test_a_timeml_document_is_its_text_published_at_its_creation_time(tmp_path):
    tml = ('<?xml version="1.0" ?><TimeML><DOCID>d1</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
           'functionInDocument="CREATION_TIME">01/08/1998</TIMEX3></DCT><TEXT>Stocks fell <TIMEX3 tid="t1" '
           'type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT></TimeML>')
    article = read_one(write(tmp_path, "d1.tml", tml))
    assert (article.text, article.published) == ("Stocks fell yesterday.", dt.datetime(1998, 1, 8))


def test_other_xml_or_a_page_saved_as_text_is_read_as_a_reader_would(tmp_path):
    svg = read_one(write(tmp_path, "x.xml", '<?xml version="1.0"?><svg><text>Hi</text></svg>'))
    assert isinstance(svg, ArticleError) and "an XML document of <svg>, not articles" in str(svg)
    saved = read_one(write(tmp_path, "page.txt", "<p>Police arrested five protesters on <b>Monday</b>.</p>"))
    assert saved.text == "Police arrested five protesters on Monday."
    about = "Editors were told to remove <script> and <iframe> tags from pages on Monday, and the <p> tag was kept."
    assert read_one(write(tmp_path, "about.txt", about)).text == about  # (an article quoting tags is prose)
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Talks'
            '</title></head><body><article><p>Talks between the two sides ended on Monday without a deal, officials '
            'said after the meeting.</p></article></body></html>')
    assert read_one(write(tmp_path, "page", page)).text.startswith("Talks between the two sides")  # (XHTML: a page)
    cdata = ('<?xml version="1.0"?>\n<rss><channel><item><title>Page</title><description><![CDATA[<html><body><p>Police '
             'arrested five on Monday.</p></body></html>]]></description></item></channel></rss>')
    assert read_one(write(tmp_path, "h.rss", cdata)).text == "Police arrested five on Monday."  # (a feed, not a page)
    titled = "Police arrest five\n" + "<p>Police arrested five protesters on <b>Monday</b> in the capital.</p>\n" * 3
    assert "<p>" not in read_one(write(tmp_path, "saved.txt", titled)).text  # (mostly markup: a page saved as text)


def test_a_json_file_of_an_empty_list_is_named(tmp_path):
    error = read_one(write(tmp_path, "none.json", "[]"))
    assert isinstance(error, ArticleError) and "none.json" in str(error) and "no articles" in str(error)


def test_text_without_front_matter_is_the_whole_file_and_has_no_date(tmp_path):
    text = "---- Breaking ----\n" + BODY
    article = read_one(write(tmp_path, "plain.txt", text))
    assert article.text == text
    assert article.published is None


def test_the_samples_keep_their_text_and_date(samples_dir):
    articles = load_articles([samples_dir])
    assert [a.published for a in articles] == [dt.datetime(2017, 9, 6)] * 2
    second = articles[1]
    assert second.title.startswith("Russia Supplying Oil")
    assert second.text.startswith(second.title + "\n")  # the title line belongs to the text
    assert "---" not in articles[0].text.splitlines()[0]


def test_a_single_path_is_one_input_not_a_list_of_its_characters(samples_dir):
    """A path given alone (a string or a Path) is read as a one-item list: its characters were
    once read as paths, '/' first, and the whole disk with it."""
    expected = [a.path for a in load_articles([samples_dir])]
    assert [a.path for a in load_articles(str(samples_dir))] == expected
    assert [a.path for a in iter_articles(samples_dir)] == expected


def test_published_option_overrides_every_article(tmp_path):
    write(tmp_path, "a.txt", f"---\npublished: 2017-09-06\n---\n{BODY}")
    write(tmp_path, "b.txt", BODY)
    articles = load_articles([tmp_path], published="2018-01-02")
    assert [a.published for a in articles] == [dt.datetime(2018, 1, 2)] * 2


def test_invalid_published_option_is_refused_before_reading(tmp_path):
    with pytest.raises(ValueError, match="2017-02-30"):
        list(iter_articles([write(tmp_path, "a.txt", BODY)], published="2017-02-30"))


@pytest.mark.parametrize("published", ["2017-09-06x10:30", "2017-09-06_10:30", "2017-09-06\u00e910:30"])
def test_a_time_parted_from_its_day_by_other_than_t_or_a_space_is_refused(tmp_path, published):
    """Python's ISO reader takes any character between a day and its time; ISO takes 'T' (or a
    space, as many write it): anything else is no publication time, and is said to be none."""
    with pytest.raises(ValueError, match="a time follows its day after 'T' or a space"):
        list(iter_articles([write(tmp_path, "a.txt", BODY)], published=published))
    record = {"text": "The bridge opened on Monday.", "published": published}
    (item,) = list(iter_articles([write(tmp_path, "a.jsonl", json.dumps(record) + "\n")]))
    assert isinstance(item, ArticleError) and item.reason == "bad-date"



@pytest.mark.parametrize("published, expected", [
    ("2016-12-31T23:59:60Z", dt.datetime(2016, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc)),  # a leap second
    ("2017-09-06T24:00:00", dt.datetime(2017, 9, 7)),  # ISO's end of the day: the next one's start
    # a day with its zone and no time: its midnight there (Python read the zone as a clock time, 3 a.m.)
    ("2017-09-06+03:00", dt.datetime(2017, 9, 6, tzinfo=dt.timezone(dt.timedelta(hours=3)))),
    ("2017-09-06-05:00", dt.datetime(2017, 9, 6, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
    ("2017-09-06Z", dt.datetime(2017, 9, 6, tzinfo=dt.timezone.utc)),
])
def test_a_publication_time_iso_allows_and_python_does_not_is_read(tmp_path, published, expected):
    record = {"text": "The bridge opened on Monday.", "published": published}
    (article,) = list(iter_articles([write(tmp_path, "a.jsonl", json.dumps(record) + "\n")]))
    assert article.published == expected


@pytest.mark.parametrize("published, expected", [
    # a day in figures, the year last: read in the one order of day and month that fits
    ("27/04/2009", dt.datetime(2009, 4, 27)),
    ("04/27/2009", dt.datetime(2009, 4, 27)),
    ("27.04.2009", dt.datetime(2009, 4, 27)),
    # ...refused, and said to be, when both do
    ("04/05/2009", "ambiguous publication date '04/05/2009' (day or month first? use e.g. 2009-04-05)"),
    ("31/02/2009", "invalid publication date '31/02/2009' (use e.g. 2017-09-06)"),
    # ...with a time after it too: not read month first as an English date is
    ("27/04/2009 10:00 GMT", dt.datetime(2009, 4, 27, 10, tzinfo=dt.timezone.utc)),
    ("27-04-2009", dt.datetime(2009, 4, 27)),
    # (the time after it tells the order: a 12-hour clock or a North American zone month first, a
    # European zone day first; a 24-hour clock alone nothing)
    ("5/2/2013 10:00 AM", dt.datetime(2013, 5, 2, 10)),
    ("05/04/2009 10:00 BST", dt.datetime(2009, 4, 5, 10, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
    ("05/04/2009 10:00", "ambiguous publication date '05/04/2009 10:00' (day or month first? use e.g. 2009-04-05)"),
    # (a British clock writes 'am' too: it tells nothing)
    ("01/05/2013 10:00 am", "ambiguous publication date '01/05/2013 10:00 am' (day or month first? use e.g. 2013-01-05)"),
])
def test_a_publication_day_in_figures_is_read_when_only_one_order_fits(tmp_path, published, expected):
    record = {"text": "The bridge opened on Monday.", "published": published}
    path = write(tmp_path, "a.jsonl", json.dumps(record) + "\n")
    (item,) = list(iter_articles([path]))
    if isinstance(expected, str):
        assert isinstance(item, ArticleError) and item.reason == "bad-date" and str(item).endswith(expected)
    else:
        assert item.published == expected


@pytest.mark.parametrize("published", ["2017-09", "September 2017", "2017"])
def test_a_publication_date_with_no_day_reads_the_article_undated(tmp_path, published):
    # (its dates written out are dated all the same: refusing it lost them)
    record = {"text": "The bridge opened on September 4, 2017.", "published": published}
    (article,) = list(iter_articles([write(tmp_path, "a.jsonl", json.dumps(record) + "\n")]))
    assert isinstance(article, Article) and article.published is None
    assert "September 4, 2017" in article.text
    # (a 'date' that names the day is read instead)
    (dated,) = list(iter_articles([write(tmp_path, "b.jsonl", json.dumps({**record, "date": "2017-09-06"}) + "\n")]))
    assert dated.published.date() == dt.date(2017, 9, 6)

def test_html_gives_main_text_title_url_and_date(tmp_path):
    article = read_one(write(tmp_path, "page.html", PAGE))
    assert article.title == "Putin meets Moon in Vladivostok"
    assert "Eastern Economic Forum" in article.text
    assert "Copyright" not in article.text and "Home | World" not in article.text
    assert article.url == "https://news.example.com/putin-moon"
    assert article.published.date() == dt.date(2017, 9, 6)


def test_html_declaring_an_impossible_date_is_refused_not_moved_to_the_first(tmp_path):
    """htmldate reads '2017-02-30' as 2017-02-01: every 'Sunday' of the page would move."""
    item = read_one(write(tmp_path, "page.html", PAGE.replace("2017-09-06T10:30:00+03:00", "2017-02-30")))
    assert isinstance(item, ArticleError) and item.reason == "bad-date"
    assert str(item) == f"{tmp_path / 'page.html'}: invalid publication date '2017-02-30' in the page's metadata"
    assert read_one(tmp_path / "page.html", published="2017-09-06").published == dt.datetime(2017, 9, 6)


@pytest.mark.parametrize("declared", [
    '<meta name="date" content="30.02.2017">',
    '<meta name="date" content="2017/02/30">',
    '<time datetime="2017-02-30T10:00" pubdate>30 February</time>',
])
def test_html_declaring_an_impossible_date_in_other_forms_is_refused(tmp_path, declared):
    # (each had been read as 1 February, without a word)
    page = PAGE.replace('<meta property="article:published_time" content="2017-09-06T10:30:00+03:00">', "")
    page = page.replace("<article>", "<article>" + declared) if declared.startswith("<time") else \
        page.replace("</title>", "</title>" + declared)
    item = read_one(write(tmp_path, "page.html", page))
    assert isinstance(item, ArticleError) and item.reason == "bad-date", item
    assert "invalid publication date '" in str(item)


def test_html_declaring_an_hour_no_clock_has_is_refused(tmp_path):
    item = read_one(write(tmp_path, "page.html", PAGE.replace("2017-09-06T10:30:00+03:00", "2017-09-06T25:00")))
    assert isinstance(item, ArticleError) and item.reason == "bad-date"
    assert str(item).endswith("invalid publication date '2017-09-06T25:00' in the page's metadata")


def test_html_declaring_a_zone_no_clock_has_says_so_not_that_it_has_no_text(tmp_path):
    item = read_one(write(tmp_path, "page.html", PAGE.replace("2017-09-06T10:30:00+03:00", "2017-09-06T10:30:00+25:00")))
    assert isinstance(item, ArticleError) and item.reason == "bad-date"
    assert str(item) == f"{tmp_path / 'page.html'}: invalid publication date in the page's metadata"


def test_html_with_a_zero_date_in_some_other_meta_tag_is_read(tmp_path):
    # (WordPress writes '0000-00-00' for a date never set: the page is still read, undated)
    page = PAGE.replace('property="article:published_time" content="2017-09-06T10:30:00+03:00"',
                        'property="article:modified_time" content="0000-00-00T00:00:00+00:00"')
    item = read_one(write(tmp_path, "page.html", page))
    assert isinstance(item, Article) and item.published is None


def test_html_dated_after_the_day_the_tool_runs_keeps_its_date(tmp_path):
    # (what a page says must not hang on the day it is read, as no other input's does)
    later = dt.date.today() + dt.timedelta(days=200)
    item = read_one(write(tmp_path, "page.html", PAGE.replace("2017-09-06T10:30:00+03:00", f"{later}T06:30:00+10:00")))
    assert isinstance(item, Article) and item.published.date() == later


def test_html_of_an_archive_before_1995_keeps_its_date(tmp_path):
    item = read_one(write(tmp_path, "page.html", PAGE.replace("2017-09-06T10:30:00+03:00", "1994-05-06T10:30:00+00:00")))
    assert isinstance(item, Article) and item.published.date() == dt.date(1994, 5, 6)


def test_html_declaring_a_time_zone_no_clock_has_is_one_error_and_the_others_are_read(tmp_path):
    # (the page's URL gives its text a date; the metadata's '+99:00' made the date reader raise)
    page = PAGE.replace("+03:00", "+99:00").replace(
        '<link rel="canonical" href="https://news.example.com/putin-moon">',
        '<meta property="og:url" content="https://news.example.com/2017/09/06/putin-moon.html">')
    write(tmp_path, "a.html", page)
    write(tmp_path, "b.txt", BODY)
    bad, good = iter_articles([str(tmp_path)], None)
    assert isinstance(bad, ArticleError) and bad.reason == "bad-date"
    assert str(bad) == f"{tmp_path / 'a.html'}: invalid publication date in the page's metadata"
    assert isinstance(good, Article)


@pytest.mark.parametrize("body, problem", [
    ("<p>a</p>" * 40_001, "too complex a page to read (over 40,000 HTML elements and comments, the limit for a page)"),
    ("<p " + " ".join(f'a{i}="x"' for i in range(1_001)) + ">a</p>", "an HTML element with 1,001 attributes"),
    # (counted by their names, with or without a value, and past a '<' in a quoted value)
    ("<p " + " ".join(f"a{i}" for i in range(1_001)) + ">a</p>", "an HTML element with 1,001 attributes"),
    ('<p x="<" ' + " ".join(f"a{i}=1" for i in range(1_000)) + ">a</p>", "an HTML element with 1,001 attributes"),
    # (the article reader's time grows with the square of one block's inline elements: a link farm)
    ("<p>" + "<a href='/x'>Monday</a> " * 5_001 + "</p>", "a block of 5,001 links or other inline elements"),
    ("<p>" + "<b>Monday</b> <i>x</i> " * 2_501 + "</p>", "a block of 5,002 links or other inline elements"),
])
def test_a_page_too_complex_to_parse_in_reasonable_time_is_refused(tmp_path, body, problem):
    # (the page parser's time grows faster than the page: 100,000 paragraphs took 30 s)
    item = read_one(write(tmp_path, "page.html", PAGE.replace("<footer>", body + "<footer>")))
    assert isinstance(item, ArticleError) and item.reason == "too-large" and problem in str(item)


@pytest.mark.parametrize("bulk", [
    '<img src="data:image/png;base64,' + "A" * 11_000_000 + '">',  # an image inlined in a saved page
    "<script>var x = '" + "A" * 11_000_000 + "';</script>",
])
def test_bulk_before_the_article_does_not_cut_its_text(tmp_path, bulk):
    # (the page parser stops reading, silently, at a value or a script of over 10 MB)
    item = read_one(write(tmp_path, "page.html", PAGE.replace("<article>", bulk + "<article>")))
    assert isinstance(item, Article) and "Peskov said that talking about sanctions" in item.text


def test_a_long_text_between_two_quotation_marks_is_no_bulk(tmp_path):
    long = "<p>He stood 6' 2\" tall. " + "The talks went on. " * 8_000 + "Peskov said \"no\".</p>"
    item = read_one(write(tmp_path, "page.html", PAGE.replace("<footer>", long + "<footer>")))
    assert isinstance(item, Article) and item.text.count("The talks went on.") == 8_000


def test_a_paragraph_of_many_links_short_of_the_limit_is_read(tmp_path):
    # (a site's menu of 6,000 links, a poem's 3,000 line breaks)
    menu = "<nav>" + "<a href='/x'>see</a> " * 6_000 + "</nav>"
    poem = "<p>" + "a line<br>" * 3_000 + "</p>"
    item = read_one(write(tmp_path, "page.html", PAGE.replace("<footer>", menu + poem + "<footer>")))
    assert isinstance(item, Article) and "Peskov said that talking about sanctions" in item.text


def test_a_page_nested_deeper_than_its_parser_reads_is_refused_not_cut(tmp_path):
    item = read_one(write(tmp_path, "page.html", PAGE.replace("<article>", "<font>" * 300 + "<article>")))
    assert isinstance(item, ArticleError) and item.reason == "too-large" and "nested too deeply" in str(item)


def test_a_reference_to_a_control_character_does_not_lose_the_page(tmp_path):
    item = read_one(write(tmp_path, "page.html", PAGE.replace("Kremlin spokesman", "Kremlin&#1; spokesman")))
    assert isinstance(item, Article) and "Peskov said that talking about sanctions" in item.text


def test_overlong_title_outlet_and_address_are_cut_not_copied_into_every_event(tmp_path):
    record = {"text": BODY, "published": "2017-09-06", "title": "T" * 50_000, "source": "S" * 50_000,
              "url": "https://x.example/" + "u" * 50_000}
    (article,) = iter_articles([write(tmp_path, "one.json", json.dumps(record))])
    assert len(article.title) == 1_000 and article.title.endswith("\u2026")
    assert len(article.source) == 200 and article.url is None


def test_an_outlet_spelled_with_invisible_characters_is_the_same_outlet(tmp_path):
    # (salience counts outlets: "Reuters" and "Reuters" with a zero-width space are one)
    lines = [json.dumps({"text": BODY, "published": "2017-09-06", "source": name})
             for name in ("Reuters", "Reuters\u200b", "\ufeffReu\u00adters", "Reuters\u2063", "Reuters\U000e0020",
                          "Reu\u034fters", "Reuters\ufe0f", "\u061cReuters")]
    found = list(iter_articles([write(tmp_path, "feed.jsonl", "\n".join(lines))]))
    assert [a.source for a in found] == ["Reuters"] * 8


def test_characters_that_show_nothing_leave_the_title_and_the_text_as_they_leave_the_outlet(tmp_path):
    # (every output carries them on: a JSON event's sentence, a summary's title, a page's hover text)
    record = {"text": "Rebels took the town of Mar\U000e0041ib on Mon\u00adday.", "title": "Re\u200bbels \ufefftake town",
              "published": "2017-09-06", "source": "Reuters"}
    (article,) = iter_articles([write(tmp_path, "one.json", json.dumps(record))])
    assert (article.text, article.title) == ("Rebels took the town of Marib on Monday.", "Rebels take town")


def test_json_object_list_and_jsonl_records(tmp_path):
    record = {"text": BODY, "title": "Putin meets Moon", "url": "https://x.example/1",
              "published": "2017-09-06", "source": "Sputnik", "author": "ignored"}
    write(tmp_path, "one.json", json.dumps(record))
    write(tmp_path, "many.json", json.dumps([record, {**record, "title": "Second"}]))
    write(tmp_path, "lines.jsonl", json.dumps(record) + "\n\n" + json.dumps({"text": "Peskov spoke."}) + "\n")
    found = list(iter_articles([tmp_path]))
    assert [a.path for a in found] == [
        str(tmp_path / "lines.jsonl") + ":1",
        str(tmp_path / "lines.jsonl") + ":3",
        str(tmp_path / "many.json") + "[0]",
        str(tmp_path / "many.json") + "[1]",
        str(tmp_path / "one.json"),
    ]
    assert all(isinstance(a, Article) for a in found)
    assert found[0].title == "Putin meets Moon" and found[0].source == "Sputnik"
    assert found[0].published == dt.datetime(2017, 9, 6)
    assert found[1].published is None
    assert found[3].title == "Second"


def test_markdown_escapes_left_by_scraping_are_read_as_the_marks_they_escape(tmp_path):
    # scraped pages carry markdown's backslashes: a chronology's bullet, a date's slashes, a credit
    text = ("Timeline of the spill:\n\\* April 22 - The rig sinks in 5,000 feet of water.\n"
            "Officials said the Gulf would not be restored to its state of 4\\/19\\/2010 for years.\n"
            "Photograph: Gerald Herbert\\/AP\n")
    write(tmp_path, "feed.jsonl", json.dumps({"text": text, "published": "2010-06-01"}))
    (article,) = load_articles([tmp_path / "feed.jsonl"])
    assert "\\" not in article.text and "* April 22 - The rig sinks" in article.text
    assert "Gerald Herbert/AP" in article.text
    dated = {event.date.start.isoformat(): event for event in timeline.build_timeline([tmp_path]).events
             if event.date is not None and event.date.start == event.date.end}
    assert "2010-04-19" in dated  # the whole date, not only its year
    assert dated["2010-04-22"].title.lower().startswith("rig sinks")  # an entry of the chronology, not "\\* ..."


def test_a_backslash_before_a_letter_is_kept(tmp_path):
    # (only an escape of a punctuation mark is markdown's; a path on a Windows machine is text)
    write(tmp_path, "a.txt", "The files were saved in C:\\Users\\press on Tuesday.\n")
    assert read_one(tmp_path / "a.txt").text == "The files were saved in C:\\Users\\press on Tuesday.\n"


def test_folders_are_read_recursively_in_sorted_order_skipping_others(tmp_path):
    for name in ["b.txt", "a/z.md", "a/b/c.txt", "notes.docx", ".hidden.txt", ".git/x.txt", "c.htm"]:
        write(tmp_path, name, PAGE if name.endswith(".htm") else BODY)
    paths = [a.path for a in iter_articles([tmp_path])]
    assert paths == [str(tmp_path / p) for p in ["a/b/c.txt", "a/z.md", "b.txt", "c.htm"]]


def test_an_explicit_file_is_read_whatever_its_extension(tmp_path):
    assert read_one(write(tmp_path, "story.text", BODY)).text == BODY


def test_stdin(monkeypatch):
    data = f"---\npublished: 2017-09-06\n---\n{BODY}".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    article = read_one("-")
    assert article.path == "-" and article.text == BODY and article.published == dt.datetime(2017, 9, 6)


@pytest.mark.parametrize("data, title, text", [
    # a JSON record or list piped in is records, not an article whose text is JSON
    (json.dumps({"text": BODY, "title": "Talks", "published": "2017-09-06"}), "Talks", BODY),
    (json.dumps([{"text": BODY, "title": "Talks", "published": "2017-09-06"}]), "Talks", BODY),
    # a page is read as a page; a text that only opens with a bracket stays text
    (PAGE, "Putin meets Moon in Vladivostok", None),
    ("[Reuters] " + BODY, None, "[Reuters] " + BODY),
])
def test_stdin_holding_json_or_a_page_is_read_as_such(monkeypatch, data, title, text):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    (article,) = list(iter_articles(["-"]))
    assert isinstance(article, Article) and article.title == title
    if text is not None:
        assert article.text == text
    else:
        assert "Eastern Economic Forum" in article.text and "<" not in article.text


@pytest.mark.parametrize("data", [
    json.dumps({"text": BODY, "published": "2017-09-06"})[:-1],  # a record cut short
    json.dumps({"text": BODY, "published": "2017-09-06"}, indent=1) + "\n" + json.dumps({"text": BODY}, indent=1),
    "[" + json.dumps({"text": BODY}) + ",",
])
def test_stdin_opening_as_json_that_does_not_parse_is_malformed_json_not_text(monkeypatch, data):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    (bad,) = iter_articles(["-"])
    assert isinstance(bad, ArticleError) and str(bad).startswith("-: malformed JSON")


def test_stdin_holding_a_record_a_line_is_read_as_a_feed(monkeypatch):
    # (one bad line, even one with a NUL byte, costs that line only)
    feed = "\n".join([json.dumps({"text": BODY, "title": "Talks", "published": "2017-09-06"}), "{not json",
                      '{"text": "a\0b"}', "", json.dumps({"text": BODY, "title": "More talks", "published": "2017-09-07"})])
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(feed.encode())))
    first, bad, nul, second = iter_articles(["-"])
    assert (first.title, second.title) == ("Talks", "More talks") and first.text == BODY
    assert isinstance(bad, ArticleError) and str(bad).startswith("-:2: malformed JSON")
    assert isinstance(nul, ArticleError) and str(nul).startswith("-:3: ")


def test_stdin_feed_whose_first_line_is_bad_loses_only_that_line(monkeypatch):
    records = [json.dumps({"text": BODY, "title": f"Talks {i}", "published": "2017-09-06"}) for i in range(2)]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("\n".join(["garbage", *records]).encode())))
    bad, *good = iter_articles(["-"])
    assert isinstance(bad, ArticleError) and str(bad).startswith("-:1: malformed JSON")
    assert [a.title for a in good] == ["Talks 0", "Talks 1"]


def test_stdin_feed_of_two_records_the_first_cut_short_loses_only_that_line(monkeypatch):
    record = json.dumps({"text": BODY, "title": "Talks", "published": "2017-09-06", "source": "Wire"})
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("\n".join([record[:-1], record]).encode())))
    bad, good = iter_articles(["-"])
    assert isinstance(bad, ArticleError) and str(bad).startswith("-:1: malformed JSON")
    assert (good.title, good.source) == ("Talks", "Wire")


def test_stdin_feed_whose_first_three_records_are_cut_short_loses_only_those(monkeypatch):
    record = json.dumps({"text": BODY, "title": "Talks", "published": "2017-09-06"})
    feed = "\n".join([record[:20]] * 3 + [record])
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(feed.encode())))
    *bad, good = iter_articles(["-"])
    assert [str(b).split(": ")[0] for b in bad] == ["-:1", "-:2", "-:3"]
    assert good.title == "Talks"
    # (blank lines between them, and as many cut short as are read to tell, change nothing)
    feed = "\n\n".join([record[:20]] * 20 + [record])
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(feed.encode())))
    *bad, good = iter_articles(["-"])
    assert len(bad) == 20 and good.title == "Talks"


def test_stdin_given_twice_is_read_once(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BODY.encode())))
    (article,) = iter_articles(["-", "-"], "2017-09-06")
    assert isinstance(article, Article) and article.text == BODY


def test_stdin_holding_a_utf16_feed_is_read_as_a_feed(monkeypatch):
    feed = "\n".join(json.dumps({"text": BODY, "title": f"Talks {i}", "published": "2017-09-06"}) for i in range(2))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(feed.encode("utf-16"))))
    assert [a.title for a in iter_articles(["-"])] == ["Talks 0", "Talks 1"]


def test_stdin_holding_a_feed_larger_than_a_file_may_be_is_streamed(monkeypatch):
    import timeline.articles
    monkeypatch.setattr(timeline.articles, "MAX_BYTES", 2000)
    feed = "\n".join(json.dumps({"text": BODY, "title": f"Talks {i}", "published": "2017-09-06"}) for i in range(40))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(feed.encode())))
    assert [a.title for a in iter_articles(["-"])] == [f"Talks {i}" for i in range(40)]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((BODY * 40).encode())))
    (error,) = iter_articles(["-"])  # (text is read whole: its size is told as what it is over)
    assert error.reason == "too-large" and "over" in error.message


def test_stdin_of_json_nested_too_deeply_is_one_error(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"[" * 200_000)))
    (item,) = list(iter_articles(["-"]))
    assert isinstance(item, ArticleError) and str(item) == "-: malformed JSON (nested too deeply)"


def test_byte_order_mark_is_not_part_of_the_text(tmp_path):
    assert read_one(write(tmp_path, "bom.txt", "\ufeff" + BODY)).text == BODY
    # (nor a second one, of a file pasted into another: the front matter after it is still read)
    article = read_one(write(tmp_path, "two.txt", "\ufeff\ufeff---\ntitle: Resigned\npublished: 2017-09-06\n---\n" + BODY))
    assert (article.title, article.published.date(), article.text) == ("Resigned", dt.date(2017, 9, 6), BODY)


# --- bad input -----------------------------------------------------------------------------------

BAD_FILES = [
    ("empty.txt", b"", "empty", "empty"),
    ("blank.md", b"  \n\n\t\n", "empty", "empty"),
    ("only-front-matter.md", b"---\npublished: 2017-09-06\n---\n\n", "empty", "no article text"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "binary"),
    ("latin1.txt", "Caf\xe9 owners said on Monday".encode("latin-1"), "undecodable", "UTF-8"),
    ("unclosed.md", b"---\ntitle: Oil\npublished: 2017-09-06\n", "malformed", "not closed"),
    ("no-colon.md", b"---\ntitle Oil supplies\n---\nText.", "malformed", "line 2"),
    ("bad-quote.md", b'---\ntitle: "Oil\n---\nText.', "malformed", "line 2"),
    ("feb30.md", b"---\npublished: 2017-02-30\n---\nText.", "bad-date", "2017-02-30"),
    ("feb30-words.md", b"---\npublished: February 30, 2017\n---\nText.", "bad-date", "February 30, 2017"),
    ("relative.md", b"---\npublished: yesterday\n---\nText.", "bad-date", "yesterday"),
    ("month13.json", b'{"text": "Text.", "published": "2017-13-01"}', "bad-date", "2017-13-01"),
    ("broken.json", b'{"text": "Text."', "malformed", "malformed JSON"),
    ("scalar.json", b"42", "malformed", "object"),
    ("no-text.json", b'{"title": "Only a title"}', "empty", "no 'text'"),
    ("number-title.json", b'{"text": "Text.", "title": 7}', "malformed", "'title'"),
    ("empty-page.html", b"<html><head><title>x</title></head><body></body></html>", "empty", "no article text"),
]


@pytest.mark.parametrize("name, content, reason, words", BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_file_gives_one_line_error_naming_it(tmp_path, name, content, reason, words):
    path = write(tmp_path, name, content)
    error = read_one(path)
    assert isinstance(error, ArticleError)
    assert error.reason == reason
    assert words in error.message
    assert str(error).startswith(str(path) + ": ") and "\n" not in str(error)


def test_missing_and_unreadable_paths(tmp_path):
    not_a_folder = write(tmp_path, "file.txt", BODY)
    errors = list(iter_articles([tmp_path / "nowhere.txt", not_a_folder / "child.txt"]))
    assert [e.reason for e in errors] == ["missing", "unreadable"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_file_without_read_permission(tmp_path):
    path = write(tmp_path, "secret.txt", BODY)
    path.chmod(0)
    assert read_one(path).reason == "unreadable"


def test_bad_records_do_not_stop_the_rest_of_the_file(tmp_path):
    lines = [json.dumps({"text": "First."}), "{not json", json.dumps({"title": "no text"}), json.dumps({"text": "Last."})]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines))
    found = list(iter_articles([path]))
    assert [type(item).__name__ for item in found] == ["Article", "ArticleError", "ArticleError", "Article"]
    assert [item.path for item in found] == [f"{path}:{n}" for n in (1, 2, 3, 4)]


def test_a_feed_holding_one_json_array_says_where_such_a_list_is_read(tmp_path):
    path = write(tmp_path, "saved.jsonl", json.dumps([{"text": "First."}, {"text": "Second."}]))
    (error,) = iter_articles([path])
    assert isinstance(error, ArticleError) and "a list of articles is read from a .json file" in error.message


def test_bad_files_do_not_stop_the_folder(tmp_path):
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.txt", BODY)
    found = list(iter_articles([tmp_path]))
    assert [isinstance(item, Article) for item in found] == [True, False, True]


def test_load_articles_raises_the_first_error(tmp_path):
    write(tmp_path, "a.txt", BODY)
    empty = write(tmp_path, "b.txt", b"")
    with pytest.raises(ValueError, match=f"^{empty}: empty file$"):
        load_articles([tmp_path])


def test_estimate_count_counts_files_and_jsonl_lines(tmp_path):
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "b/c.md", BODY)
    write(tmp_path, "feed.jsonl", "\n".join(json.dumps({"text": f"Story {n}."}) for n in range(5)) + "\n\n")
    assert estimate_count([tmp_path]) == 7 == len(list(iter_articles([tmp_path])))
    assert estimate_count([tmp_path], limit=4) == 4


def test_estimate_count_holds_no_long_line_whole(tmp_path):
    import tracemalloc
    path = tmp_path / "feed.jsonl"
    with open(path, "wb") as out:  # a record, then 40 MB with no line end
        out.write(json.dumps({"text": "Story."}).encode() + b"\n")
        for _ in range(40):
            out.write(b" " * (1 << 20))
        out.write(b"x")
    tracemalloc.start()
    try:
        assert estimate_count([path]) == 2
        assert tracemalloc.get_traced_memory()[1] < 10 * (1 << 20)
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("text", ["\u200b", "\ufeff \u200b", "\x00", "\ud800", " - ... - "])
def test_a_record_with_no_word_is_empty(tmp_path, text):
    lines = [json.dumps({"text": text, "published": "2017-09-06"}), json.dumps({"text": BODY})]
    first, second = iter_articles([write(tmp_path, "feed.jsonl", "\n".join(lines))])
    assert isinstance(first, ArticleError) and first.reason == "empty"
    assert isinstance(second, Article)


@pytest.mark.parametrize("published", ["20170906", "2017-W36-3", "2017-249"])
def test_a_publication_date_must_write_its_day(tmp_path, published):
    # (Python reads these as 6 September 2017; the command line's --from refuses them)
    (item,) = iter_articles([write(tmp_path, "a.json", json.dumps({"text": BODY, "published": published}))])
    assert isinstance(item, ArticleError) and item.reason == "bad-date"


def test_a_date_field_is_the_publication_date_when_none_is_named_published(tmp_path):
    # (as Hugo and Jekyll front matter, and many feeds, write it)
    front = read_one(write(tmp_path, "post.md", f"---\ntitle: Talks\ndate: 2017-09-06\n---\n{BODY}"))
    record = read_one(write(tmp_path, "r.json", json.dumps({"text": BODY, "date": "2017-09-06"})))
    assert front.published == record.published == dt.datetime(2017, 9, 6)
    both = read_one(write(tmp_path, "b.json", json.dumps({"text": BODY, "date": "2001-01-01", "published": "2017-09-06"})))
    assert both.published == dt.datetime(2017, 9, 6)  # 'published' wins
    for name, date in [("o.json", 20170906), ("v.json", "3 days ago")]:  # some other field, not an error
        assert read_one(write(tmp_path, name, json.dumps({"text": BODY, "date": date}))).published is None
    front = read_one(write(tmp_path, "n.md", f"---\ndate: 1504656000\n---\n{BODY}"))
    assert isinstance(front, Article) and front.published is None
    empty = read_one(write(tmp_path, "e.json", json.dumps({"text": BODY, "published": "", "date": "2017-09-06"})))
    assert empty.published == dt.datetime(2017, 9, 6)


def test_a_date_field_written_as_a_day_no_calendar_has_is_refused(tmp_path):
    # (as in 'published': it had been dropped without a word, leaving the article undated)
    for name, text in [("f.md", f"---\ndate: 2017-02-30\n---\n{BODY}"),
                       ("r.json", json.dumps({"text": BODY, "date": "2017-02-30"}))]:
        (item,) = iter_articles([write(tmp_path, name, text)])
        assert isinstance(item, ArticleError) and item.reason == "bad-date", item


def test_a_line_separator_inside_a_front_matter_value_is_part_of_it(tmp_path):
    # (a line or paragraph separator, a form feed, pasted into a title: the file has no line break
    # there, and the article had been refused as 'malformed front matter')
    for mark in ["\u2028", "\u2029", "\x0c", "\x85"]:
        front = read_one(write(tmp_path, "p.md", f"---\ntitle: Talks{mark}resume\ndate: 2017-09-06\n---\n{BODY}"))
        assert isinstance(front, Article) and front.published == dt.datetime(2017, 9, 6)
        assert front.title.startswith("Talks") and front.title.endswith("resume")
    windows = read_one(write(tmp_path, "w.md", f"---\r\ntitle: Talks\r\ndate: 2017-09-06\r\n---\r\n{BODY}"))
    assert windows.title == "Talks" and windows.published == dt.datetime(2017, 9, 6)


def test_a_feed_record_whose_text_is_a_pages_markup_is_read_as_its_reader_sees_it(tmp_path):
    """Scraped feeds keep the markup: '<p>' and '&amp;' are no words of the article, nor of its
    summaries; a text that only names a tag is left as it is."""
    feed = write(tmp_path, "feed.jsonl", "\n".join(json.dumps(record) for record in [
        {"text": "<p>The rig exploded on Tuesday &amp; sank.</p><p>Oil <a href='/x'>spread</a> east on Friday."
                 "</p><script>track()</script>", "published": "2010-04-23"},
        {"text": "Editors use the <p> tag for a paragraph, the council said on Monday.", "published": "2010-04-23"},
    ]))
    first, second = iter_articles([feed])
    assert first.text == "The rig exploded on Tuesday & sank.\nOil spread east on Friday."
    assert second.text == "Editors use the <p> tag for a paragraph, the council said on Monday."
    titles = [e.title for e in timeline.build_timeline([feed]).events if "Editors" not in e.sentence]
    assert titles and not any("<" in title or "&amp;" in title for title in titles)
