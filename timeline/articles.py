"""Reading articles: text/markdown with front matter, HTML, JSON/JSONL records, stdin.

``iter_articles`` yields one ``Article`` per article found, or one ``ArticleError`` per input that
could not be read, so a caller can report a bad file and carry on with the others.  Nothing here
raises on bad input; ``load_articles`` is the strict variant for library callers.

Formats, chosen by extension:

- ``.txt``, ``.md``, ``.markdown`` (and any file named explicitly with another extension): the
  text, with an optional front matter block first: a ``---`` line, ``key: value`` lines
  (``title``, ``source``, ``url``, ``published``; other keys are ignored), a closing ``---`` line.
  The text after the block is kept as written, but for markdown's escapes (below).
- ``.html``, ``.htm``: the main text and title by trafilatura, the publication date by htmldate.
- ``.json``: one record or a list of records; ``.jsonl``: one record a line.  A record is an object
  with ``text`` and optionally ``title``, ``source``, ``url``, ``published``.
- ``-``: standard input, read as a text article.

Folders are read recursively in sorted order, taking the files with the extensions above and
skipping hidden files and folders.  Each folder and each file is read once however many ways lead
to it (symbolic links, loops such as ``up -> ..``, the same file named twice).  Only regular files
are read: a named pipe, device or socket gets an error instead of a read that could block.

Encodings: a byte order mark (UTF-8, UTF-16, UTF-32) is honoured; otherwise a file is UTF-8, and
a NUL byte anywhere in it means a binary file.  HTML may also declare its charset
(``<meta charset=...>``), and falls back to windows-1252 as browsers do.  The text read is made
plain: line breaks become ``\n``, other control characters a space, lone surrogates U+FFFD; titles,
sources and URLs are one line.  A backslash before a punctuation mark is dropped: it is markdown's
escape, left by the tools that scrape pages into text ("\\* April 22 - The rig sinks", "after
9\\/11", "Photograph: Gerald Herbert\\/AP": on t17-dev 1,383 of them), and news prose has no
backslash of its own.  A file (or a JSONL line) over ``MAX_BYTES`` is refused.  ``published`` (an ISO date or datetime) overrides every
article's own date.  An article without any publication date is still read, with
``published=None``: its relative dates cannot be resolved, which the caller may warn about.
"""

from __future__ import annotations

import codecs
import datetime as dt
import itertools
import json
import os
import re
import stat
import sys
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from timeline.lang import DEFAULT_LANGUAGE
from timeline.models import Article, ArticleError, coerce_published, require
from timeline.temporal.calendar import possible as is_day
from timeline.terminal import quoted
from timeline.text import has_words, no_lone_surrogates, without_invisible

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
# A spreadsheet's export, a row an article, read when named (a folder's tables are not all articles)
TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t"}
RECORD_SUFFIXES = {".json", ".jsonl"}
FEED_SUFFIXES = {".rss", ".atom"}  # news feeds (read by what they hold, as an unnamed file is)
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | FEED_SUFFIXES

FRONT_MATTER_FENCE = "---"
FIELDS = ("title", "source", "url", "published")  # what a record may give beside its text
READ = frozenset(FIELDS) | {"text", "date"}  # every field of a record the tool reads

# The largest file read whole (and the longest JSONL line): far above any news article, low
# enough that one file cannot exhaust memory.  JSONL feeds are streamed, so their size is free.
MAX_BYTES = 32_000_000
FEED_PROBE = 20  # lines (not blank) read to tell a feed whose first lines are cut short from a text

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# The encodings browsers decode pages by (the WHATWG encoding standard), as Python names its codecs: a
# page declaring any other ('cp037', 'hz', 'utf-7', 'cp437') is read as if it declared none, as a browser reads it
_BROWSER_CODECS = frozenset({
    "utf-8", "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8",
    "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-roman",
    "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "cp1258", "gbk", "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "cp932", "cp949"})
# ... some under a label Python does not know, or decoded as a wider encoding than the label's own
_BROWSER_LABELS = {"windows-874": "cp874", "dos-874": "cp874", "x-mac-cyrillic": "mac-cyrillic",
                   "x-mac-ukrainian": "mac-cyrillic", "iso-8859-8-i": "iso8859-8", "windows-31j": "cp932"}
_BROWSER_WIDER = {"gb2312": "gbk", "euc_kr": "cp949", "iso8859-9": "cp1254", "tis-620": "cp874",
                  "iso8859-11": "cp874"}
_SNIFF_BYTES = 4096  # where an HTML page declares its charset (browsers look at the first 1024)
# in its head, as the page writes it (another tool's 'Timeline' is another's page: an article)
_OWN_PAGE = re.compile(r"""(?i:<meta\s+name=["']generator["']\s+content=)["']timeline["']""")
# and the head of its JSON, TimelineJS or JSON-lines output, as it writes them: its first event's id, title and
# sentence (no article has a sentence field; an export of articles may well open on an id and a title), or its
# timeline's first slide
_OWN_JSON = re.compile(r"""\A\s*(?:\{\s*"events"\s*:\s*\[\s*\{\s*"unique_id"\s*:\s*"[^"\\]*"\s*,\s*"start_date"\s*:"""
                       r"""|(?:\{\s*"events"\s*:\s*)?\[?\s*\{\s*"id"\s*:\s*"[^"\\]*"\s*,\s*"title"\s*:\s*"(?:[^"\\]|\\.)*"\s*,"""
                       r"""\s*"sentence"\s*:)""")
# Labels whose bytes browsers decode as windows-1252 (the WHATWG encoding standard).
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp1252",
                 "windows-1252", "x-cp1252", "iso_8859-1", "cp819", "ibm819"}

# Article text is made plain at reading: line breaks become \n, other control characters a space
# (one for one, so nothing glues words together), lone surrogates U+FFFD (they cannot be encoded).
_LINE_BREAK = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# a terminal's escape sequence pasted in with a text (a colour, a window title: 'ESC[31m'), blanked whole, not its
# escape character alone: '[31m' is no word of the article
_TERMINAL_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?)")
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPE = re.compile(r"\\(?=[!-/:-@[-`{-~])")  # a backslash before an ASCII punctuation mark (markdown's escape)
_NOT_PLAIN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")  # any of the above


class BadArticle(Exception):
    """One input's problem: a one-line message and a short reason for summaries."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


REPEATS_SHOWN = 5  # lines told of one file's records with one same problem; the rest are counted in one line
_RECORD_PLACE = re.compile(r"(?::\d+|\[\d+\])$")  # a record's line or place after its file's name ('feed.jsonl:12')


class Repeats:
    """What is told of bad or doubtful records: the first REPEATS_SHOWN of one file with one same
    problem, then how many more (a feed of 5,000 records whose dates are numbers is one problem,
    not 5,000 lines)."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()

    def first(self, kind: str, where: str, problem: str) -> bool:
        """Whether to tell this one (``where``: a file, 'feed.jsonl:12' or 'list.json[3]')."""
        key = (kind, _RECORD_PLACE.sub("", where), problem)
        self.counts[key] += 1
        return self.counts[key] <= REPEATS_SHOWN

    def rest(self) -> Iterator[tuple[str, str, str]]:
        """``(kind, file, '35 more records with the same problem (...)')`` for each one told in part."""
        for (kind, where, problem), n in self.counts.items():
            if n > REPEATS_SHOWN:
                more = n - REPEATS_SHOWN
                yield kind, where, f"{more:,} more {'record' if more == 1 else 'records'} with the same problem ({problem})"


def iter_articles(paths: Iterable, published=None) -> Iterator[Article | ArticleError]:
    """Every article under ``paths`` (files, folders, '-'; a single path is a one-item list), or
    an ArticleError for each failure.

    Raises ``ValueError`` only for an invalid ``published`` override (checked before reading).
    """
    override = coerce_published(published)
    paths = path_list(paths, "paths")
    seen: set = set()
    for item in paths:
        for path in expand_path(item, seen):
            yield from read_path(path, override)


def load_articles(paths: Iterable, published=None) -> list[Article]:
    """The articles under ``paths`` (a single path is a one-item list); raises ValueError with the
    one-line message of the first failure."""
    articles = []
    for item in iter_articles(paths, published):
        if isinstance(item, ArticleError):
            raise ValueError(str(item))
        articles.append(item)
    return articles


def path_list(paths, what: str, also: tuple = (), kinds: str = "a path or a list of paths") -> Iterable:
    """``paths`` as an iterable of paths: a single path (``str`` or ``os.PathLike``, or one of
    ``also``) is a one-item list, not its characters ('/' first, and the whole disk); a
    ``TypeError`` naming ``what`` for what is no path nor iterable ('paths must be ..., not bytes')."""
    single = (str, os.PathLike) + also
    if isinstance(paths, single):
        return [paths]
    if paths is None or isinstance(paths, (bytes, bytearray, memoryview, dict)) or not isinstance(paths, Iterable):
        raise TypeError(f"{what} must be {kinds}, not {type(paths).__name__}")
    return paths


def expand_path(item, seen: set | None = None) -> Iterator[str]:
    """The files ``item`` stands for: itself, or the article files of a folder in sorted order.

    ``seen`` (shared between calls) holds the folders and files already given, so that each is
    given once: a symbolic link loop or a second link to a file adds nothing.  Raises
    ``TypeError`` for an ``item`` that is no path (``str`` or ``os.PathLike``).
    """
    require(item, (str, os.PathLike), "a path")
    path = os.fspath(item)
    require(path, str, "a path's name")  # (a path object naming bytes)
    seen = set() if seen is None else seen
    if path == "-":
        if "-" not in seen:  # (standard input given twice is read once, as a file is)
            seen.add("-")
            yield path
    elif os.path.isdir(path):
        yield from folder_files(path, seen)
    elif _first_time(path, seen):
        yield path


def _first_time(path: str, seen: set) -> bool:
    """False when the file at ``path`` was given before (by any name); a path that cannot be
    looked at counts as new, so that reading it reports the problem."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return True
    if not stat.S_ISREG(info.st_mode):
        return True  # reading it says what it is
    key = info.st_dev << 64 | info.st_ino  # one int: about 60 bytes a file read
    if key in seen:
        return False
    seen.add(key)
    return True


def folder_files(folder: str, seen: set, suffixes=SUFFIXES) -> Iterator[str]:
    """The article files (or files of ``suffixes``) under ``folder``, depth first, in name order
    (hidden entries skipped, and links to folders: they may lead anywhere, '..' or '/'; pages
    and JSON outputs this tool made are no articles, and folders that cannot be listed are given as files:
    reading them reports the problem).

    A folder is entered once, however many ways lead to it, so loops end; the walk keeps its own
    stack, so depth is not limited by Python's recursion.
    """
    return (path for kind, path in _walk(folder, seen, suffixes) if kind in ("file", "unreadable"))


def unread_kinds(paths: Iterable[str], written: Iterable = ()) -> Counter:
    """How many files the folders among ``paths`` hold that are not read as articles, by kind:
    their suffix ('.pdf': 3), or a page this tool made; hidden files, links to folders and the
    files this run has ``written`` are left out."""
    kinds: Counter = Counter()
    seen: set = set()  # (a folder given twice, or inside another given, is counted once)
    for name in written:
        _first_time(os.fspath(name), seen)  # (counted as seen: never counted)
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for kind, name in _walk(path, seen, SUFFIXES):
                if kind == "other" and _first_time(name, seen):
                    kinds[Path(name).suffix.lower() or "(no suffix)"] += 1
                elif kind == "own" and _first_time(name, seen):
                    kinds[OWN_PAGE_KIND if is_html(name) else OWN_OUTPUT_KIND] += 1
    return kinds


OWN_PAGE_KIND = "page this tool made"
OWN_OUTPUT_KIND = "output this tool wrote"


def _walk(folder: str, seen: set, suffixes) -> Iterator[tuple[str, str]]:
    """Every entry under ``folder`` but folders and links to them, with its kind: 'file' (of
    ``suffixes``, each file once), 'own' (a page or an output this tool made), 'other' (another suffix),
    'unreadable' (a folder that cannot be listed)."""
    stack = [_folder_entries(folder, seen, suffixes)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry[0] == "folder":
            stack.append(_folder_entries(entry[1], seen, suffixes))
        else:
            yield entry


def _folder_entries(folder: str, seen: set, suffixes) -> Iterator[tuple[str, str]]:
    try:
        info = os.stat(folder)
        if ("folder", info.st_dev, info.st_ino) in seen:
            return  # a loop, or a second way to a folder already read
        seen.add(("folder", info.st_dev, info.st_ino))
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        yield "unreadable", folder
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:  # a link to a folder is not followed, as by 'grep -r': it may lead out of the folder given
            is_folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_folder = False
        if is_folder:
            yield "folder", entry.path
        elif Path(entry.name).suffix.lower() not in suffixes:
            if not _links_to_folder(entry):  # (a link to a folder is not followed, nor counted as a file)
                yield "other", entry.path
        elif _made_here(entry.path):
            yield "own", entry.path  # (a rebuild into the folder read: its page and outputs are no articles)
        elif _first_time(entry.path, seen):
            yield "file", entry.path


def _links_to_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink() and entry.is_dir()
    except OSError:
        return False


def _made_here(path: str) -> bool:
    """Whether the regular file at ``path`` is a page, or a JSON output, this tool made (its head
    says so); a file that cannot be looked at is not (reading it reports the problem), nor is a
    pipe (never opened: it would block), nor a file of another kind."""
    own = _OWN_PAGE if is_html(path) else _OWN_JSON if Path(path).suffix.lower() in (".json", ".jsonl") else None
    if own is None:
        return False
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError:
        return False
    return bool(own.search(head.decode("latin-1")))


def is_html(path: str) -> bool:
    return path != "-" and Path(path).suffix.lower() in HTML_SUFFIXES


def estimate_count(paths: Iterable, limit: int | None = None) -> int:
    """About how many articles ``paths`` hold, quickly: a file each, a non-blank line per JSONL.

    With ``limit``, counting stops once it is reached (to ask "are there at least that many?").
    """
    count = 0
    seen: set = set()
    for item in paths:
        for path in expand_path(item, seen):
            left = None if limit is None else limit - count
            count += _count_lines(path, left) if path.lower().endswith(".jsonl") else 1
            if limit is not None and count >= limit:
                return count
    return count


def _count_lines(path: str, limit: int | None) -> int:
    count = 0
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return 1  # never opened: a pipe would block; reading it reports the problem
        with open(path, "rb") as stream:  # (in chunks: a line of gigabytes is never held whole)
            content = False  # the line read so far has more than white space
            while chunk := stream.read(1 << 20):
                *ended, last = chunk.split(b"\n")
                for line in ended:
                    count += content or bool(line.strip())
                    content = False
                    if limit is not None and count >= limit:
                        return count
                content = content or bool(last.strip())
            count += content
    except OSError:
        return 1  # reading it reports the problem
    return count


def read_path(path: str, published: dt.datetime | None = None) -> Iterator[Article | ArticleError]:
    """The articles of one file (several for JSON lists and JSONL), or the errors they raise."""
    try:
        suffix = Path(path).suffix.lower() if path != "-" else ""
        if suffix == ".jsonl":
            yield from _read_jsonl(path, published)
            return
        if path == "-":  # (standard input has no name to tell what it holds)
            yield from _read_stdin(_read_bytes(path, whole=False), published)
            return
        data = _read_bytes(path)
        if suffix == ".json":
            yield from _json_articles(path, _parse_json(_decode(data)), published)
        elif suffix in TABLE_SUFFIXES and (delimiter := _table_delimiter(text := _decode_table(data), suffix)):
            yield from _table_articles(path, text, delimiter, published)
        elif is_html(path):
            yield _read_html(path, data, published)
        elif suffix in TEXT_SUFFIXES:
            yield _read_text(path, _decode(data), published)
        else:  # (a name that does not tell what the file holds: 'articles.csv', 'feed', 'dump.xml')
            yield from _read_unnamed(path, data, published)
    except BadArticle as problem:
        yield _error(path, problem)


_PAGE_START = re.compile(r"\s*(?:<!doctype\s+html|<html)", re.IGNORECASE)


class _Rest:
    """``head`` then the rest of ``stream``, read as one stream (``read(size)`` only)."""

    def __init__(self, head: bytes, stream):
        self._head, self._stream = head, stream

    def read(self, size: int) -> bytes:
        if self._head:
            piece, self._head = self._head[:size], self._head[size:]
            return piece
        return self._stream.read(size)


_JSON_OPENING = re.compile(r'\s*\[?\s*\{\s*"')  # a record's first key, or a list's first record's


def _read_stdin(data: bytes, published) -> Iterator[Article | ArticleError]:
    """Standard input, read as its first characters tell: a record a line (JSONL: each line read
    apart, as a feed's are), a JSON record or list of records, a page, or text (front matter or
    plain)."""
    if _feed_lines(data):  # (streamed, whatever its size, as a feed file is)
        yield from _line_records("-", _byte_lines(_Rest(data, sys.stdin.buffer)), published)
        return
    if len(data) > MAX_BYTES:
        raise BadArticle(f"too large (over {MAX_BYTES / 1e6:,.0f} MB, the limit for standard input that is no "
                         "feed of a record a line)", "too-large")
    yield from _read_unnamed("-", data, published)


def _read_unnamed(path: str, data: bytes, published) -> Iterator[Article | ArticleError]:
    """What a name does not tell (standard input, a file of another suffix or none), read whole
    as its first characters tell: a feed of a record a line, a JSON record or list of records, a
    page, or text (front matter or plain)."""
    text = _decode(data)
    if _feed_lines(text):  # (standard input's UTF-8 feed is streamed before: a UTF-16 one, or a file)
        yield from _line_records(path, iter(_TEXT_LINE_END.split(text)), published)
        return
    if _PAGE_START.match(text):
        yield _read_html(path, data, published)  # (decoded as a page: its declared charset)
        return
    if _XML_START.match(text):
        if _HTML_ROOT.match(text, 0, _SNIFF_BYTES):  # (XHTML is a page)
            yield _read_html(path, data, published)
        else:
            yield from _xml_articles(path, text, published)
        return
    if text.lstrip()[:1] in ("{", "["):
        try:
            found = _parse_json(text)
        except BadArticle as problem:  # ('[Reuters] Talks resumed ...' is text; JSON nested too
            if str(problem) == _NESTED or _JSON_OPENING.match(text):  # deeply, or opening as a record
                raise  # or a list of them does ('{"text": ...' cut short), is JSON, refused as such)
            found = None
        if isinstance(found, (dict, list)):
            yield from _json_articles(path, found, published)
            return
    yield _read_text(path, text, published)


# the elements of a page's text, whose tags in an article's text tell it is the page's markup
_TEXT_ELEMENTS = ("p|br|div|span|a|li|ul|ol|h[1-6]|strong|em|b|i|u|blockquote|table|tr|td|th|section"
                  "|article|figure|figcaption|img|hr|font|small|sup|sub")
# an XML document's start: its declaration, or the root of a news feed or of TimeML
_XML_START = re.compile(r"\s*(?:<\?xml\b|<rss\b|<feed\b|<rdf:RDF\b|<TimeML\b)")
# an XHTML page's root, right after its prolog (a declaration, comments, a doctype)
_HTML_ROOT = re.compile(r"\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<(?:[A-Za-z_][\w.-]*:)?html\b",
                        re.IGNORECASE | re.DOTALL)
_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


def _xml_articles(path: str, text: str, published) -> Iterator[Article | ArticleError]:
    """The articles of an XML document: a news feed's items (RSS 2.0 or 1.0, Atom: each its title,
    link, date and text, the feed's title its outlet) or a TimeML document's text and creation
    time; any other document is refused in one line naming its root."""
    import xml.etree.ElementTree as ET  # (expat: no external entity is fetched, entity expansion is bounded)

    try:
        root = ET.fromstring(text.lstrip("\ufeff"))
    except ET.ParseError as exc:
        raise BadArticle(f"XML that is not well-formed ({exc})", "malformed") from None
    if root.tag == "TimeML":
        from timeline.timeml import parse_timeml

        try:
            document = parse_timeml(text.lstrip())
        except ValueError as exc:
            raise BadArticle(str(exc).removeprefix("<string>: "), "malformed") from None
        yield from _records([(path, lambda: {"text": document.text, "published": document.dct})], published)
        return
    if root.tag == _ATOM + "feed":
        outlet = _xml_text(root.find(_ATOM + "title"))
        items = [{"title": _xml_text(entry.find(_ATOM + "title")),
                  "url": next((link.get("href") for link in entry.findall(_ATOM + "link")
                               if link.get("rel", "alternate") == "alternate"), None),
                  "published": _xml_plain(entry.find(_ATOM + "published")) or _xml_plain(entry.find(_ATOM + "updated")),
                  "text": _xml_text(entry.find(_ATOM + "content")) or _xml_text(entry.find(_ATOM + "summary")),
                  "source": outlet} for entry in root.iter(_ATOM + "entry")]
    elif root.tag in ("rss", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"):
        spaced = "" if root.tag == "rss" else _RSS1
        channel = root.find(spaced + "channel")
        outlet = _xml_text(channel.find(spaced + "title")) if channel is not None else None
        items = [{"title": _xml_text(item.find(spaced + "title")), "url": _xml_plain(item.find(spaced + "link")),
                  "published": _xml_plain(item.find("pubDate")) or _xml_plain(item.find(_DC_DATE)),
                  "text": (_xml_text(item.find(_CONTENT), html=True)
                           or _xml_text(item.find(spaced + "description"), html=True)),
                  "source": outlet} for item in root.iter(spaced + "item")]
    else:
        name = root.tag.rpartition("}")[2][:60]
        raise BadArticle(f"an XML document of <{name}>, not articles (RSS and Atom feeds and TimeML are read)",
                         "malformed")
    for item in items:  # (an item of a headline alone is that headline)
        item["text"] = item["text"] or item["title"]
    if not items:
        raise BadArticle("a news feed of no items: no articles", "empty")
    yield from _records([(f"{path}[{index}]", lambda item=item: {k: v for k, v in item.items() if v})
                         for index, item in enumerate(items)], published)


def _xml_text(element, html: bool = False) -> str | None:
    """The text of a feed's element as a reader sees it: where it is HTML (``html``: RSS's
    description and content; an Atom text of type 'html' or 'xhtml'), its markup read ('&lt;p&gt;...',
    XHTML's paragraphs each a line), a '<' that opens no element of a page left as written
    ('<AAPL.O>'); else as written, its character references decoded (an RSS title 'Mayor&#8217;s
    plan', an Atom text of type 'text'); None when it has none."""
    if element is None:
        return None
    import xml.etree.ElementTree as ET

    if element.get("type", "html" if html else "text") not in ("html", "xhtml", "text/html", "application/xhtml+xml"):
        written = _xml_plain(element)
        return unescape(written) if written else None
    inner = (element.text or "") + "".join(ET.tostring(child, encoding="unicode") for child in element)
    inner = _NAMESPACE_PREFIX.sub(r"<\1", inner)  # ('<html:p>' as the '<p>' it is)
    inner = _NO_ELEMENT.sub("&lt;", inner)
    return markup_as_text(inner, html=True).strip() or None


_NAMESPACE_PREFIX = re.compile(r"<(/?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])")
# a '<' that opens no element a page's text is made of ('<AAPL.O>', 'x <y'): text
_NO_ELEMENT = re.compile(r"<(?!/?(?:q|tbody|thead|cite|abbr|code|pre|dl|dt|dd|script|style|noscript|iframe|object"
                         r"|embed|svg|video|audio|source|picture|html|body|head|title|header|footer|nav|aside|main"
                         rf"|time|mark|s|strike|del|ins|{_TEXT_ELEMENTS})\b|!--)", re.IGNORECASE)


def _xml_plain(element) -> str | None:
    """The text of a feed's element that is no HTML (a link, a date) as written, stripped."""
    return None if element is None else "".join(element.itertext()).strip() or None


def _feed_lines(data: bytes | str) -> bool:
    """Whether ``data`` (bytes, or text already decoded) is a feed, a record a line: more than one
    line, the first of them one JSON record (the others may be bad), or two of its first three,
    or one of its first ``FEED_PROBE`` lines where each of them opens as a record does, or all
    ``FEED_PROBE`` of them open so (bad first lines then cost only themselves)."""
    if isinstance(data, bytes):
        line_end, brace, data = _BYTE_LINE_END, b"{", data.removeprefix(codecs.BOM_UTF8)
    else:
        line_end, brace = _TEXT_LINE_END, "{"
    parts = line_end.split(data.lstrip(), 4 * FEED_PROBE)  # (the first lines, and the rest)
    lines = [line for line in parts[:4 * FEED_PROBE] if line.strip()][:FEED_PROBE]  # (blank ones aside)
    if len(lines) < 2:
        return False
    opening = 0  # how many of the first lines open as a record does
    while opening < len(lines) and lines[opening].lstrip().startswith(brace):
        opening += 1
    records = [line.lstrip().startswith(brace) and _is_record(line) for line in lines[:3]]
    if records[0] or sum(records) >= 2 or (any(records) and opening >= len(records)):
        return True
    # (every first line opens as a record does, the first three cut short: one whole further on, or
    # so many lines, all opening so, that they are a feed's whatever they hold)
    return opening == len(lines) and (len(lines) == FEED_PROBE or any(_is_record(line) for line in lines[3:]))


def _is_record(line: bytes | str) -> bool:
    try:
        return isinstance(_parse_json(_line_text(line)), dict)
    except BadArticle:
        return False


def _error(where: str, problem: BadArticle) -> ArticleError:
    return ArticleError(path=where, message=str(problem), reason=problem.reason)


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def kind_of(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words: 'a named pipe', 'a folder', ..."""
    if stat.S_ISREG(mode):
        return "a file"
    return next((name for test, name in _KINDS if test(mode)), "a special file")


def input_among(paths: Iterable, files: Iterable) -> str | None:
    """The first of ``files`` that reading ``paths`` would read (the same file by any name or
    link), else None; a name in ``files`` that does not exist is no input.  Only looks: nothing
    is opened."""
    wanted = {}
    for name in files:
        try:
            info = os.stat(name)
        except (OSError, ValueError):
            continue
        wanted.setdefault((info.st_dev, info.st_ino), name)
    if not wanted:
        return None  # the usual case: no walk at all
    seen: set = set()
    for item in paths:
        for path in expand_path(item, seen):
            try:
                info = os.stat(path) if path != "-" else _stdin_file()
            except (OSError, ValueError):
                continue
            if info is not None and (info.st_dev, info.st_ino) in wanted:
                return wanted[(info.st_dev, info.st_ino)]
    return None


def _stdin_file() -> os.stat_result | None:
    """What standard input reads when it is a file ('< articles.jsonl'), else None (a pipe, a
    terminal, or none)."""
    try:
        info = os.fstat(0)
    except (OSError, ValueError):
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def _open(path: str, articles: bool = True):
    """``path`` opened for reading in binary, refusing anything but a regular file before a read
    could block on it (a named pipe without writer, a terminal) or never end (/dev/zero); one too
    large, with the way to read its ``articles`` when it holds some."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            os.scandir(path).close()  # a folder given as a file: its walk failed; say why
        if not stat.S_ISREG(info.st_mode):
            raise BadArticle(f"not a regular file ({kind_of(info.st_mode)}); skipped", "special")
        if info.st_size > MAX_BYTES:
            raise BadArticle(_too_large(info.st_size, articles=articles), "too-large")
        # Non-blocking open: if the file was swapped for a pipe since, opening does not wait.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise BadArticle("no such file or folder", "missing") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise BadArticle(f"cannot read ({getattr(exc, 'strerror', None) or exc})", "unreadable") from None
    stream = os.fdopen(handle, "rb")
    if not stat.S_ISREG(os.fstat(handle).st_mode):
        stream.close()
        raise BadArticle("not a regular file; skipped", "special")
    return stream


def _too_large(size: int, line: bool = False, articles: bool = True) -> str:
    """A file (or a ``line`` of a feed) too large to read, and, for a file of ``articles``, the way
    to read it all (none for another file: gold TimeML, a journalist's timeline)."""
    shown = f"{size / 1e6:,.1f} MB" if size >= MAX_BYTES + 50_000 else f"{size:,} bytes"  # (not '32.0 MB ... 32 MB')
    if not articles:
        return f"too large ({shown}; the limit is {MAX_BYTES / 1e6:,.0f} MB a file)"
    way = "" if line else ": save it as JSONL, an article a line, read whatever its size"
    return f"too large ({shown}; the limit is {MAX_BYTES / 1e6:,.0f} MB a file or JSONL line{way})"


def _read_bytes(path: str, whole: bool = True) -> bytes:
    """The bytes of ``path`` ('-': standard input), at most ``MAX_BYTES`` + 1 of them: more is
    refused as too large, unless not ``whole`` (standard input, whose feed is read on as a
    stream).  An empty or blank file is refused."""
    try:
        if path == "-":
            if sys.stdin is None:
                raise BadArticle("closed: nothing to read", "unreadable")
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with _open(path) as stream:
                data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise BadArticle(f"cannot read ({exc.strerror or exc})", "unreadable") from None
    if whole and len(data) > MAX_BYTES:
        raise BadArticle(_too_large(len(data)), "too-large")
    if not data.strip():
        raise BadArticle("empty file", "empty")
    return data


def read_file(path) -> bytes:
    """The bytes of the regular file at ``path``, for the readers of other files (gold TimeML,
    journalists' timelines), with the articles' rules: a folder, named pipe or device is refused
    before any read could block or never end, and so is a file over ``MAX_BYTES``.

    Raises ``ValueError('PATH: problem')``, one line.
    """
    try:
        with _open(str(path), articles=False) as stream:
            data = stream.read(MAX_BYTES + 1)
    except BadArticle as problem:  # not "skipped": these readers stop at a bad file
        raise ValueError(f"{path}: {str(problem).removesuffix('; skipped')}") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise ValueError(f"{path}: {_too_large(len(data), articles=False)}")
    return data


def read_text_file(path) -> str:
    """The text of the regular file at ``path`` (see :func:`read_file`), decoded as articles are:
    by its byte order mark, else UTF-8; a NUL byte means a binary file.  Raises ``ValueError``."""
    data = read_file(path)
    try:
        return _decode(data)
    except BadArticle as problem:
        raise ValueError(f"{path}: {problem}") from None


def bom_of(data: bytes) -> tuple[str, int] | None:
    """The encoding ``data``'s byte order mark tells, and the mark's length; None without one."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def _decode(data: bytes, html: bool = False) -> str:
    """The text of ``data``: by its byte order mark, else UTF-8 (HTML: its declared charset, else
    UTF-8, else windows-1252), without a second mark after the first (a file pasted into another).
    A NUL anywhere means binary, whatever its position."""
    return _decoded(data, html).lstrip("\ufeff")


def _decoded(data: bytes, html: bool) -> str:
    bom = bom_of(data)
    if bom:
        encoding, length = bom
        try:
            text = data[length:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise BadArticle(f"not {encoding.upper()} text (invalid byte at offset {exc.start + length})",
                             "undecodable") from None
        if "\0" in text:
            raise BadArticle("binary file, not text", "binary")
        return text
    if b"\0" in data:
        raise _binary(data)
    if html:
        return _decode_html(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadArticle(f"not UTF-8 text (invalid byte at offset {exc.start})", "undecodable") from None


# the first bytes of a compressed file, and what compressed it
_COMPRESSED = ((b"\x1f\x8b", "gzip"), (b"PK\x03\x04", "zip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"),
               (b"\x28\xb5\x2f\xfd", "zstd"))


def _binary(head: bytes) -> BadArticle:
    """The problem of a file that is not text: a compressed one is told how to be read."""
    kind = next((kind for magic, kind in _COMPRESSED if head.startswith(magic)), None)
    if kind == "zip":  # (a word processor's, a spreadsheet's or an e-book's file is one)
        return BadArticle("a zip archive (as a .docx, .xlsx, .odt or .epub file is), not text: unzip it, or save "
                          "its articles as text, CSV or JSONL", "binary")
    if kind:
        return BadArticle(f"{kind}-compressed file, not text: decompress it first", "binary")
    return BadArticle("binary file, not text", "binary")


def _decode_html(data: bytes) -> str:
    declared = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    encoding = None
    if declared:
        label = declared.group(1).decode("ascii").lower()
        try:
            encoding = _BROWSER_LABELS.get(label) or codecs.lookup(label).name
        except LookupError:
            encoding = None  # an unknown label: as if none were declared
        encoding = _BROWSER_WIDER.get(encoding, encoding)
        if label in _WINDOWS_1252 or encoding in ("latin-1", "ascii", "cp1252"):
            encoding = "cp1252"
        elif encoding and encoding.startswith(("utf-16", "utf-32")):
            encoding = "utf-8"  # a page without a byte order mark is not UTF-16, whatever it says
        elif encoding not in _BROWSER_CODECS:
            encoding = None  # (nor a codec of bytes to bytes, 'rot13', 'base64')
    if encoding is not None:
        try:
            return data.decode(encoding, errors="replace")
        except (LookupError, UnicodeError, ValueError):  # (a codec that cannot decode at all)
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# --- text and markdown -------------------------------------------------------------------------


def _read_text(path: str, text: str, published) -> Article:
    fields, body = split_front_matter(text)
    if body.lstrip().startswith("<") or _markup_page(body):  # (a page's markup saved as text: '<p>Police
        body = markup_as_text(body)  # arrested ...</p>'; not an article that quotes a tag or two)
    if not has_words(body):
        raise BadArticle("no article text", "empty")
    return _article(path, body, fields, published)


_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")  # a line with its end, if it has one


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter fields of ``text`` and the body after them (unchanged).

    Raises ``BadArticle`` when a block is opened but not closed, or a line is not ``key: value``.
    """
    # (lines end at a line break a file has; a line or paragraph separator pasted into a value,
    # a form feed, is part of it, as the JSON lines reader has it)
    lines = _LINE.findall(text)
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return {}, text
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        stripped = line.strip()
        if stripped in (FRONT_MATTER_FENCE, "..."):
            return fields, "".join(lines[number:])
        if not stripped or stripped.startswith("#") or line[:1].isspace():
            continue  # blank, comment, or the continuation of a key we ignore
        key, colon, value = line.partition(":")
        if not colon or not key.strip() or " " in key.strip():
            raise BadArticle(f"malformed front matter line {number}: {stripped[:60]!r}", "malformed")
        value = value.strip()
        if value[:1] not in ('"', "'"):
            value = _YAML_COMMENT.sub("", value).strip()
        key, value = key.strip().lower(), _unquote(value, number)
        if key in READ and fields.get(key, value) != value:  # (which one is meant is unknown, as in a record)
            raise BadArticle(f"front matter line {number} gives {key!r} twice, with different values", "malformed")
        fields[key] = value
    raise BadArticle("front matter not closed (no second '---' line)", "malformed")


# a comment after an unquoted value, as YAML writes one: a '#' after a blank ('published: 2017-09-06
# # the print edition'), not inside a quoted value nor in a word ('C#')
_YAML_COMMENT = re.compile(r"(?<=\S)[^\S\r\n]+#.*$|^#.*$", re.DOTALL)


def _unquote(value: str, number: int) -> str:
    if value[:1] == '"':
        try:
            unquoted = json.loads(value)
        except ValueError:
            raise BadArticle(f"malformed front matter line {number}: bad quoted value", "malformed") from None
        return str(unquoted)
    if value[:1] == "'":
        if len(value) < 2 or value[-1] != "'":
            raise BadArticle(f"malformed front matter line {number}: unclosed quote", "malformed")
        return value[1:-1].replace("''", "'")
    return value


# --- HTML ----------------------------------------------------------------------------------------


@contextmanager
def _unwarned():
    """Library warnings about a page kept off the terminal: no news to the user (dateutil's about
    a zone 'EST' in its metadata)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _read_html(path: str, data: bytes, published) -> Article:
    import htmldate
    import trafilatura

    html = _decode(data, html=True)
    if _OWN_PAGE.search(html[:_SNIFF_BYTES]):
        raise BadArticle("a timeline page this tool made, not an article", "own-output")
    _check_shape(html)
    html = _readable_markup(html)
    _check_depth(html)
    try:
        with _unwarned():
            page = trafilatura.bare_extraction(html, with_metadata=True)
            if page is None:  # (its metadata can sink the whole page: a zone '+25:00'; htmldate tells below)
                page = trafilatura.bare_extraction(html, with_metadata=False)
    except Exception as exc:  # noqa: BLE001 (a parser's failure on an untrusted page is that page's problem)
        raise BadArticle(f"cannot read the page ({type(exc).__name__}: {str(exc)[:200]})", "malformed") from None
    text = page.text if page is not None else None
    if not text or not text.strip():
        raise BadArticle("no article text found in the page", "empty")
    fields = {"title": page.title, "url": page.url, "source": page.sitename}
    if published is None:
        try:
            with _unwarned():
                found = htmldate.find_date(html, extensive_search=False, original_date=True,
                                           outputformat="%Y-%m-%dT%H:%M:%S%z", min_date=OLDEST_PAGE,
                                           max_date=LATEST_PAGE)
        except Exception:  # noqa: BLE001 ('+99:00': a zone offset no clock has)
            raise BadArticle("invalid publication date in the page's metadata", "bad-date") from None
        impossible = _impossible_meta_date(html[:_META_BYTES])
        if impossible is not None and found and found[:7] == impossible[1]:
            # (htmldate reads '2017-02-30' as 2017-02-01: every relative date would move)
            raise BadArticle(f"invalid publication date {impossible[0]!r} in the page's metadata", "bad-date")
        fields["published"] = found
    return _article(path, text, fields, published)


# The page parser's time grows with the page's elements and attributes, about 10 µs an attribute
# and faster than linearly with the attributes of one element: 100,000 paragraphs took 30 s, and
# a page of 32 MB could take hours.  No news page comes near these limits (a long live blog has a
# few thousand elements, some tens of thousands of attributes, an element a few dozen).  Comments,
# processing instructions and declarations count as elements: the date reader (htmldate, when no
# publication date is given) took time quadratic in their number, 27 s for 500,000 comments.
MAX_PAGE_ELEMENTS = 40_000
MAX_PAGE_ATTRIBUTES = 200_000
MAX_ELEMENT_ATTRIBUTES = 1_000
# And the article reader's time grows with the square of the inline elements one block holds (a
# paragraph of 4,000 links took 2.8 s, of 8,000 5 s, of 13,000 27 s, of 39,000 minutes, in which a
# stop is not heard): a news paragraph holds a few dozen links, a site's menu or a transcript a
# thousand or two, read in well under a second.
MAX_INLINE_CHILDREN = 5_000
_MENU_TAGS = frozenset({"nav", "header", "footer", "aside", "menu"})
_INLINE_TAGS = frozenset({"a", "abbr", "b", "big", "cite", "code", "em", "font", "i", "kbd", "mark", "q",
                          "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "var"})
# A start tag, its quoted values read whole (a '<' or '>' inside one does not end it); each
# alternative opens with its own character, so a failed match cannot backtrack at length.
_TAG = re.compile(r"""<[A-Za-z](?:[^<>"']+|"[^"]*"|'[^']*')*""")
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
_NOT_ELEMENT = re.compile(r"<[!?]")  # a comment, a processing instruction, a declaration ('<!DOCTYPE')
# an attribute's name, whether or not a value follows (its first character, after a space: a run
# of spaces is not read again from each of its spaces)
_ATTRIBUTE = re.compile(r"""(?<=\s)[^\s=/>"']""")


def _check_shape(html: str) -> None:
    """Refuse a page too big in structure to read in reasonable time (see the limits above); an
    attribute is counted by its name ('<p a b c>' has three), outside quoted values; comments and
    processing instructions count as elements."""
    # (counted no further than the limit, as attributes are below: 32 MB of '<!---->')
    elements = sum(1 for _ in itertools.islice(_NOT_ELEMENT.finditer(html), MAX_PAGE_ELEMENTS + 1))
    attributes = 0
    _check_counts(elements, attributes)
    for tag in _TAG.finditer(html):
        elements += 1
        # (counted without a list of them, and no further than the limit: '<p a a a ...>' of 30 MB)
        own = sum(1 for _ in itertools.islice(_ATTRIBUTE.finditer(_QUOTED.sub("", tag.group())),
                                              MAX_ELEMENT_ATTRIBUTES + 1))
        attributes += own
        if own > MAX_ELEMENT_ATTRIBUTES:
            raise BadArticle(f"an HTML element with {own:,} attributes (the limit is {MAX_ELEMENT_ATTRIBUTES:,})",
                             "too-large")
        _check_counts(elements, attributes)


def _check_counts(elements: int, attributes: int) -> None:
    if elements > MAX_PAGE_ELEMENTS or attributes > MAX_PAGE_ATTRIBUTES:
        what = (f"{MAX_PAGE_ELEMENTS:,} HTML elements and comments" if elements > MAX_PAGE_ELEMENTS
                else f"{MAX_PAGE_ATTRIBUTES:,} HTML attributes")
        raise BadArticle(f"too complex a page to read (over {what}, the limit for a page)", "too-large")


# The page parser (libxml2) stops reading, silently, at a text, script or attribute value over
# 10 MB, or at an element nested 256 deep.  Bulk that holds no article text (an image inlined as a
# data: address, a script, a style sheet) is emptied first; a page nested that deep is refused.
BULK_CHARS = 100_000
# (an attribute's value, after its '=': a quotation mark in the text must not take the text away)
_BULK_VALUE = re.compile(r"(=\s*)(?:\"[^\"]{%d,}\"|'[^']{%d,}')" % (BULK_CHARS, BULK_CHARS))
# (a start tag read no further than the next '<': a page of unclosed '<script' is read once, not to
# its end from each of them)
_BULK_ELEMENT = re.compile(r"(<(?:script|style)\b[^<>]*>)[^<]{%d,}" % BULK_CHARS, re.IGNORECASE)
# A character reference to a control character (not a tab or a line break), or to U+FFFE or
# U+FFFF, makes the parser drop the whole page; written raw, such characters are read as spaces.
_CONTROL_REFERENCE = re.compile(
    r"&#(?:0*(?:[1-8]|1[124-9]|2\d|3[01])|[xX]0*(?:[1-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF]));")


def _readable_markup(html: str) -> str:
    """``html`` without what its parser cannot read and no article needs (see above)."""
    html = _BULK_VALUE.sub(r'\1""', html)
    html = _BULK_ELEMENT.sub(r"\1", html)
    return _CONTROL_REFERENCE.sub(" ", html)


def _check_depth(html: str) -> None:
    """Refuse a page its parser would read only in part (elements nested too deeply, a text of
    over 10 MB) rather than lose the rest of its article without a word; and one whose article
    reader would take minutes: a block of more than ``MAX_INLINE_CHILDREN`` inline elements (see above)."""
    from lxml import etree

    parser = etree.HTMLParser(recover=True)
    root = etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise BadArticle("cannot read the whole page: its elements are nested too deeply (over 255 levels), "
                         "or one text is over 10 MB", "too-large")
    if root is None:
        return
    for element in root.iter():
        if len(element) > MAX_INLINE_CHILDREN and element.tag not in _MENU_TAGS:  # (a site's menu is no block of text)
            inline = sum(1 for child in element if child.tag in _INLINE_TAGS)
            if inline > MAX_INLINE_CHILDREN:
                raise BadArticle(f"the page has a block of {inline:,} links or other inline elements "
                                 f"(at most {MAX_INLINE_CHILDREN:,}): not an article", "too-large")


# The earliest publication date a page's metadata is taken at (htmldate's own is 1995: an archive's
# page of 1994 lost its date); the metadata only, no date guessed from the text, is read.  And the
# latest: not htmldate's own, the day the tool runs, which made what a page says depend on that
# day (a page dated in the morning of a time zone ahead lost its date), as no other input's does.
OLDEST_PAGE = dt.datetime(1900, 1, 1)
LATEST_PAGE = dt.datetime(9999, 12, 31)
_META_BYTES = 1 << 16  # where a page's head (its meta tags) is looked for
# a date in a meta tag's content or a <time> element's datetime: year first (2017-02-30,
# 2017/02/30, 20170230) or last (30.02.2017, 02/30/2017), with its clock time if any
_META_DATE = re.compile(
    r"""<(?:meta\b[^<>]*\bcontent|time\b[^<>]*\bdatetime)=["']\s*"""
    r"""(?:(\d{4})([-/.]?)(\d\d?)\2(\d\d?)|(\d\d?)([./])(\d\d?)\6(\d{4}))(?!\d)(?:[T ](\d\d):(\d\d))?""",
    re.IGNORECASE)


def _impossible_meta_date(head: str) -> tuple[str, str] | None:
    """The first date a meta tag or <time> element declares that is no calendar day ('2017-02-30',
    '30.02.2017') or has no clock time ('2024-02-29T25:00'), as written and as the year and month
    it names ('2017-02'), else None."""
    for match in _META_DATE.finditer(head):
        year, _, month, day, first, _, second, last, hour, minute = match.groups()
        if year is not None:
            readings = [(int(year), int(month), int(day))]
        else:  # (day or month first: no calendar day either way)
            readings = [(int(last), int(second), int(first)), (int(last), int(first), int(second))]
        written = match.group()[match.start(1 if year else 5) - match.start():]
        possible = [r for r in readings if is_day(f"{r[0]:04d}-{r[1]:02d}-{r[2]:02d}")]
        if not possible:
            named = next((r for r in readings if 1 <= r[1] <= 12), readings[0])
            return written, f"{named[0]:04d}-{named[1]:02d}"
        if hour is not None and (int(hour) > 23 or int(minute) > 59):
            return written, f"{possible[0][0]:04d}-{possible[0][1]:02d}"
    return None


# --- JSON records --------------------------------------------------------------------------------


def _json_articles(path: str, data, published) -> Iterator[Article | ArticleError]:
    """The articles of a parsed JSON document: a record, or a list of records."""
    if _own_timeline(data):
        raise BadArticle("a timeline this tool wrote (its JSON or TimelineJS output), not articles", "own-output")
    if isinstance(data, dict):
        yield _record_article(path, data, published)
        return
    if not isinstance(data, list):
        raise BadArticle("JSON must be an object or a list of objects", "malformed")
    if not data:
        raise BadArticle("empty list: no articles", "empty")
    yield from _records(((f"{path}[{index}]", lambda record=record: record) for index, record in enumerate(data)),
                        published)


OWN_COLUMNS = 4  # the first columns of the tool's CSV output that tell it (an export of articles has their text)


def _decode_table(data: bytes) -> str:
    """A table's text: as any file's (:func:`_decode`), but a spreadsheet's export that is not UTF-8,
    most of its bytes beyond ASCII making no character as UTF-8 writes them, is windows-1252, what a
    spreadsheet on Windows writes ('CSV (Comma delimited)'), as a page without a charset is read."""
    try:
        return _decode(data)
    except BadArticle as problem:
        beyond = len(_BEYOND_ASCII.findall(data))
        if problem.reason != "undecodable" or bom_of(data) or \
                sum(map(len, _UTF8_CHARACTER.findall(data))) >= UTF8_SHARE * beyond:
            raise  # (a UTF-8 file with a stray byte is refused, naming the byte, not read garbled)
        return data.decode("cp1252", errors="replace")


# a character beyond ASCII as UTF-8 writes it; a table most of whose bytes beyond ASCII make such characters
# is UTF-8 with a stray byte ('Beyonc\xe9\x92s', windows-1252's 'é’', makes none)
_UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
UTF8_SHARE = 0.5
_BEYOND_ASCII = re.compile(rb"[\x80-\xff]")


_SEPARATOR_LINE = re.compile(r"\s*sep=(.)\s*$", re.IGNORECASE)  # a spreadsheet's first line naming the separator


def _table_delimiter(text: str, suffix: str) -> str | None:
    """What separates the cells of a file named as a table: the one a spreadsheet's first line
    names ('sep=;'), else the one of the first row that names a 'text' column (a CSV's comma, or a
    semicolon where a spreadsheet set to a language whose decimal mark is a comma wrote it, or a
    tab in a file a spreadsheet saved as .csv), else the suffix's, where the first row has it; or
    None where the file holds no table: a feed's record, a JSON document, a page or a line of prose
    (read then as a file of no telling name is).  A first row that is 'text' alone is a table of
    one column."""
    first = text.lstrip().split("\n", 1)[0].rstrip("\r")
    named = _SEPARATOR_LINE.match(first)
    if named:
        return named.group(1)
    delimiter = TABLE_SUFFIXES[suffix]
    if first.startswith(("{", "[", "<")):
        return None
    for candidate in dict.fromkeys((delimiter, ";", "\t", ",")):
        if "text" in (name.strip().strip('"').lower() for name in first.split(candidate)):
            return candidate
    return delimiter if delimiter in first or (delimiter == "," and ";" in first) else None


def _table_articles(path: str, text: str, delimiter: str, published) -> Iterator[Article | ArticleError]:
    """The articles of a table a row each (a spreadsheet's CSV or TSV export), its first row
    naming the columns as a record's fields are named ('text', 'title', 'source', 'url',
    'published' or 'date'; in any case, other columns left aside), or its errors: a bad row costs
    only itself, named ``path:N`` by the line it ends on."""
    import csv

    lines = _LINE.findall(text)  # (only a line's own end ends it: not a form feed or U+2028 in a cell)
    if lines and _SEPARATOR_LINE.match(lines[0]):
        lines = lines[1:]  # (the spreadsheet's 'sep=;', no row)
    rows = csv.reader(lines, delimiter=delimiter)
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_BYTES)  # (an article's text is far longer than csv's 128 KB default)
    try:
        header = [name.strip().lower() for name in next(rows, [])]
        twice = sorted({name for name in header if name in READ and header.count(name) > 1})
        if twice:
            raise BadArticle(f"column {quoted(twice[0])} named twice in the first row", "malformed")
        if "text" not in header:
            from timeline.render.csv import COLUMNS  # (the head of the tool's own CSV output, as it writes it)

            if header[:OWN_COLUMNS] == COLUMNS[:OWN_COLUMNS]:
                raise BadArticle("events this tool wrote (its CSV output), not articles", "own-output")
            named = ", ".join(quoted(name) for name in header[:8] if name) or "none"
            raise BadArticle(f"no 'text' column in the first row (its columns: {named}): a table of articles "
                             "names its columns text, title, source, url, published", "malformed")
        found = []  # (where, its record or its problem)
        for cells in rows:
            where = f"{path}:{rows.line_num}"
            if len(header) == 1:  # (a table of one column has no separator in its cells, only in its text)
                cells = [delimiter.join(cells)]
            if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header):]):
                found.append((where, BadArticle(f"{len(cells)} cells where the first row names {len(header)} (a "
                                                "separator or a quotation mark in a cell not quoted?)", "malformed")))
            elif any(cell.strip() for cell in cells):
                found.append((where, {name: cell for name, cell in zip(header, cells) if name in READ and cell.strip()}))
    except csv.Error as exc:
        raise BadArticle(f"not a table that can be read (line {rows.line_num}: {exc})", "malformed") from None
    finally:
        csv.field_size_limit(limit)
    if not found:
        raise BadArticle("no rows: no articles", "empty")
    yield from _records([(where, partial(_given, row)) for where, row in _in_column_order(found)], published)


def _given(row: dict | BadArticle) -> dict:
    """A table row's record, or its problem raised."""
    if isinstance(row, BadArticle):
        raise row
    return row


_DATE_FIELDS = ("published", "date")


def _in_column_order(rows: list[tuple[str, dict | BadArticle]]) -> list[tuple[str, dict | BadArticle]]:
    """A table's rows, each day written in figures that could be read day or month first
    ('01/05/2013') written as ISO in the order the table's other such days show ('13/05/2013': day
    first; '5/2/2013 10:00 AM': month first, see :func:`_order_told`), where they show one order
    only; else as they are (and refused as ambiguous)."""
    shown, told = set(), set()  # the orders the figures show, those the times after them tell
    for _, row in rows:
        for field in _DATE_FIELDS if isinstance(row, dict) else ():
            numeric = _NUMERIC_DATE.fullmatch(row.get(field, ""))
            if numeric:
                first, second, hint = int(numeric.group(1)), int(numeric.group(3)), _order_told(numeric.group(5))
                if max(first, second) > 12 >= min(first, second):
                    shown.add("dm" if first > 12 else "md")
                if hint:
                    told.add(hint)
    orders = shown or told  # (a day the figures prove the order of decides over a clock's hint)
    if len(orders) != 1:
        return rows
    day_first = orders == {"dm"}

    def ordered(value: str) -> str:
        numeric = _NUMERIC_DATE.fullmatch(value)
        if not numeric:
            return value
        first, _, second, year, rest = numeric.groups()
        day, month = (first, second) if day_first else (second, first)
        return f"{year}-{int(month):02}-{int(day):02}{rest}"

    return [(where, {name: ordered(value) if name in _DATE_FIELDS else value for name, value in row.items()}
             if isinstance(row, dict) else row) for where, row in rows]


def _read_jsonl(path: str, published) -> Iterator[Article | ArticleError]:
    """One article a line, read as a stream: memory holds one line, whatever the file's size."""
    found = False
    try:
        with _open_jsonl(path) as stream:
            head = stream.peek(8192)[:8192]
            bom = bom_of(head)
            if bom and bom[0] != "utf-8":  # UTF-16/32: decoded whole (within the size limit)
                lines = iter(_TEXT_LINE_END.split(_decode(_read_bytes(path))))
            elif b"\0" in head and not head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"{"):
                # (a NUL after a first record is one bad line: the others are still read)
                raise _binary(head)
            else:
                lines = _byte_lines(stream)
            for item in _line_records(path, lines, published):
                found = True
                yield item
    except OSError as exc:
        raise BadArticle(f"cannot read ({exc.strerror or exc})", "unreadable") from None
    if not found:
        raise BadArticle("empty file", "empty")


def _line_records(path: str, lines, published) -> Iterator[Article | ArticleError]:
    """The article of each non-blank line of a feed, or its error, named ``path:N``."""
    yield from _records(_line_loads(path, lines), published)


def _line_loads(path: str, lines) -> Iterator[tuple]:
    """Each non-blank line of a feed as (``path:N``, a function that parses its record)."""
    for number, line in enumerate(lines, start=1):
        if isinstance(line, bytes) and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]  # (on any line: two saved feeds joined with 'cat')
        elif isinstance(line, str):
            line = line.removeprefix("\ufeff")
        if not isinstance(line, BadArticle) and not line.strip():
            continue
        yield f"{path}:{number}", lambda line=line: _parse_json(_line_text(line))


def _open_jsonl(path: str):
    import io

    try:
        return _open(path)
    except BadArticle as problem:
        if problem.reason != "too-large":
            raise
    return io.BufferedReader(io.FileIO(path, "rb"))  # a large feed is fine: it is streamed


_BYTE_LINE_END = re.compile(rb"\r\n?|\n")
_TEXT_LINE_END = re.compile("\r\n?|\n")


def _byte_lines(stream) -> Iterator[bytes | BadArticle]:
    """The lines of ``stream``, each ended by LF, CR LF or a bare CR (a raw CR can only be
    whitespace between JSON tokens, so it never cuts a record); a line over ``MAX_BYTES`` comes as
    a BadArticle (and is skipped).  Read in chunks: memory holds one line."""
    pending, skipped = bytearray(), 0  # skipped: the size so far of a line over MAX_BYTES
    after_cr = False  # the last chunk ended on a CR: an LF opening the next one is part of its end
    while chunk := stream.read(1 << 20):
        if after_cr and chunk.startswith(b"\n"):
            chunk = chunk[1:]
        after_cr = chunk.endswith(b"\r")
        pieces = _BYTE_LINE_END.split(chunk)
        for number, piece in enumerate(pieces):
            ended = number < len(pieces) - 1
            if skipped:
                skipped += len(piece)
            else:
                pending += piece
                if len(pending) > MAX_BYTES:
                    skipped, pending = len(pending), bytearray()
            if ended and skipped:
                yield BadArticle(_too_large(skipped, line=True), "too-large")
                skipped = 0
            elif ended:
                yield bytes(pending)
                pending = bytearray()
    if skipped:
        yield BadArticle(_too_large(skipped, line=True), "too-large")
    elif pending:
        yield bytes(pending)


def _line_text(line) -> str:
    if isinstance(line, BadArticle):
        raise line
    if isinstance(line, str):
        return line
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadArticle(f"not UTF-8 text (invalid byte at offset {exc.start} of the line)", "undecodable") from None


def _json_int(digits: str):
    """An integer of a record (never a field we read): one too long for Python to convert
    (over 4,300 digits) is kept as a Decimal, so the record is still read."""
    if len(digits) < 4000:
        return int(digits)
    from decimal import Decimal

    return Decimal(digits)


_NESTED = "malformed JSON (nested too deeply)"


class _Twice(dict):
    """A JSON object that gives a field the tool reads twice, with different values (JSON takes
    the last silently): which one the writer meant is unknown, so its article is refused."""
    twice: str


def _json_object(pairs: list) -> dict:
    found = dict(pairs)
    if len(found) == len(pairs):
        return found  # the usual case: no key given twice
    for key, value in pairs:
        if key in READ and found[key] != value:
            found = _Twice(found)
            found.twice = key
            break
    return found


def _parse_json(text: str):
    try:
        return json.loads(text, parse_int=_json_int, object_pairs_hook=_json_object)
    except ValueError as exc:
        raise BadArticle(f"malformed JSON ({exc})", "malformed") from None
    except RecursionError:  # nesting deeper than Python's stack: no article is that deep
        raise BadArticle(_NESTED, "malformed") from None


OWN_PROBE = 3  # first records that, all the tool's own events (or all there are), make a file its output


def _records(loads: Iterable[tuple], published) -> Iterator[Article | ArticleError]:
    """The article of each record of a feed or list (``(where, load)`` pairs: ``load()`` reads
    it), or its error: one bad record does not stop the file.  A file whose first ``OWN_PROBE``
    records (all of them, if fewer) are the tool's own events is its output, refused in one line;
    one such record among articles (a stray line, or one planted) costs only its own line."""
    loads, head = iter(loads), []
    for where, load in loads:
        head.append(_record_or_error(where, load, published))
        own = isinstance(head[-1], ArticleError) and head[-1].reason == "own-output"
        if not own or len(head) == OWN_PROBE:
            break
    if head and all(isinstance(item, ArticleError) and item.reason == "own-output" for item in head):
        raise BadArticle("events this tool wrote (its JSON output), not articles", "own-output")
    yield from head
    for where, load in loads:
        yield _record_or_error(where, load, published)


def _record_or_error(where: str, load, published) -> Article | ArticleError:
    """The article of one record (``load()`` reads it), or its error."""
    try:
        return _record_article(where, load(), published)
    except BadArticle as problem:
        return _error(where, problem)


def _own_timeline(data) -> bool:
    """Whether a JSON document is a timeline this tool wrote: an object with no text whose
    events are ours ('id' and 'sources') or TimelineJS slides ('unique_id' and 'start_date')."""
    events = data.get("events") if isinstance(data, dict) and "text" not in data else None
    first = events[0] if isinstance(events, list) and events else None
    return isinstance(first, dict) and ({"id", "sources"} <= first.keys()
                                        or {"unique_id", "start_date"} <= first.keys())


def _record_article(path: str, record, published) -> Article:
    if isinstance(record, list):  # (a JSON document saved under a feed's name)
        raise BadArticle("record is a JSON array, not an object: a list of articles is read from a .json file",
                         "malformed")
    if not isinstance(record, dict):
        raise BadArticle("record is not a JSON object", "malformed")
    if isinstance(record, _Twice):
        raise BadArticle(f"record gives {record.twice!r} twice, with different values", "malformed")
    if "text" not in record and {"id", "title", "sentence", "sources"} <= record.keys():
        raise BadArticle("an event this tool wrote (its JSON output), not an article", "own-output")
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise BadArticle("record's 'text' is not a string", "malformed")
    if not text:
        raise BadArticle("record has no 'text'", "empty")
    text = markup_as_text(text)
    if not has_words(text):
        raise BadArticle("no article text (no letter or digit in the record's 'text')", "empty")
    fields = {}
    for key in FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise BadArticle(f"record's {key!r} is not a string", "malformed")
        fields[key] = value
    fields["date"] = record.get("date")
    return _article(path, text, fields, published)


# A feed's text scraped with its markup ('<p>The rig exploded ...</p>', '&amp;'): markup, when it holds at least
# MARKUP_TAGS tags of a page's text, is made the text a reader sees (tags out, a block's end a line's, entities
# decoded); a text that names a tag or two ('the <p> tag') is left as it is
MARKUP_TAGS = 2
_MARKUP_TAG = re.compile(rf"</?(?:{_TEXT_ELEMENTS})\b[^<>]{{0,2000}}>", re.IGNORECASE)
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                         "table", "tr", "section", "article", "figure", "figcaption", "hr"})
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})


def _markup_page(text: str) -> bool:
    """Whether a text is mostly a page's markup: a page's tag (MARKUP_TAGS' kind) for every
    ``PAGE_WORDS`` words at least, as no article about markup has them."""
    tags = sum(1 for _ in _MARKUP_TAG.finditer(text))
    return tags >= MARKUP_TAGS and tags * PAGE_WORDS >= len(text.split())


PAGE_WORDS = 40


def markup_as_text(text: str, html: bool = False) -> str:
    """``text`` as a reader sees it when it is a page's markup (see MARKUP_TAGS), or is ``html``
    whatever it holds (a feed's item: 'The mayor&#8217;s plan'), else unchanged."""
    if not html and sum(1 for _ in itertools.islice(_MARKUP_TAG.finditer(text), MARKUP_TAGS)) < MARKUP_TAGS:
        return text
    reader = _MarkupReader()
    reader.feed(text)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).split("\n"))
    return "\n".join(line for line in lines if line)


class _MarkupReader(HTMLParser):
    """The text of markup, a block's ends as line breaks, what a page hides left out (see markup_as_text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # hidden elements open ('<script>')

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


# --- fields --------------------------------------------------------------------------------------


_DAY_WRITTEN = re.compile(r"\d{4}-\d\d-\d\d(?!\d)")


_FLAGS = {"true", "false", "yes", "no", "on", "off"}  # YAML's truth values: Jekyll's 'published: false'


def _published(fields: dict) -> dt.datetime | None:
    """The publication date a record or front matter gives: its ``published`` (refused when it
    is no date, but for a truth value, as Jekyll writes whether to publish at all: 'published:
    true'), else the ``date`` static site generators and many feeds write, when that is a
    date (anything else there, '3 days ago', a number, is some other field, ignored as any; a
    day written as one but that no calendar has, '2017-02-30', is refused as in ``published``)."""
    given = fields.get("published")
    if given is not None and str(given).strip() and str(given).strip().lower() not in _FLAGS:
        found = parse_published(given)
        if found is not None:
            return found  # (one that names no day, '2017-09', gives way to a 'date' that does)
    other = fields.get("date")
    try:
        return parse_published(other) if isinstance(other, str) else None
    except BadArticle:
        if _DAY_WRITTEN.match(other.strip()):  # a day no calendar has ('2017-02-30'): said so
            raise
        return None


def _article(path: str, text: str, fields: dict, published) -> Article:
    if len(text) > MAX_TEXT_CHARS:
        raise BadArticle(_too_long(text), "too-long")
    if published is None:
        published = _published(fields)
    return Article(
        text=plain_text(without_invisible(_ESCAPE.sub("", text))),  # (what shows nothing goes from every output)
        title=_cut(plain_line(without_invisible(fields.get("title") or "")), MAX_TITLE_CHARS),
        url=_kept_address(plain_line(fields.get("url"))),
        source=_cut(plain_line(without_invisible(fields.get("source") or "")), MAX_SOURCE_CHARS),
        path=no_lone_surrogates(path),  # a file name in a foreign encoding: a label now
        published=published,
    )


# An article's title, outlet and address are copied into every event it reports, in every
# output: one of megabytes made gigabytes of files.  No headline, outlet name or web address
# comes near these lengths; longer ones are cut (an address is dropped).
MAX_TITLE_CHARS = 1_000
# An article's events take about a gigabyte of memory and a minute for each million characters of
# its text (2 MB of prose: 75 s, 1.2 GB); the longest of the 1,862 t17-dev articles has 110,000.
# A text of more is no news article (a book, a dump of a site) and is refused.
MAX_TEXT_CHARS = 1_000_000
MAX_SOURCE_CHARS = 200
MAX_URL_CHARS = 8_000


def _cut(value: str | None, limit: int) -> str | None:
    return value if value is None or len(value) <= limit else value[:limit - 1].rstrip() + "\u2026"


def _kept_address(url: str | None) -> str | None:
    """``url``, or None when it is over ``MAX_URL_CHARS`` (a web address cut short leads nowhere)."""
    return url if url is None or len(url) <= MAX_URL_CHARS else None


def _too_long(text: str) -> str:
    return f"too long ({len(text):,} characters of text; the limit is {MAX_TEXT_CHARS:,} an article)"


def within_limits(article: Article) -> Article | ArticleError:
    """``article`` (given by a caller) held to the limits of an article read from a file: a text
    over ``MAX_TEXT_CHARS`` is an ``ArticleError``; a title and an outlet are cut, a web address
    too long dropped (they are copied into every event of the article, in every output)."""
    if len(article.text) > MAX_TEXT_CHARS:
        return ArticleError(path=article.path or article.label, message=_too_long(article.text), reason="too-long")
    changed = {"title": _cut(article.title, MAX_TITLE_CHARS), "source": _cut(article.source, MAX_SOURCE_CHARS),
               "url": _kept_address(article.url)}
    changed = {name: value for name, value in changed.items() if value != getattr(article, name)}
    return article.model_copy(update=changed) if changed else article


def without_surrogates(article: Article) -> Article:
    """``article`` (given by a caller) with any lone surrogate replaced by U+FFFD, one for one, so
    offsets into its text still hold; no output can carry a lone surrogate."""
    fields = {name: getattr(article, name) for name in ("text", "title", "url", "path", "source")}
    changed = {name: plain for name, value in fields.items()
               if value is not None and (plain := no_lone_surrogates(value)) != value}
    return article.model_copy(update=changed) if changed else article


def plain_text(text: str) -> str:
    """``text`` made plain: line breaks as ``\\n``, other control characters (but tab) as a space, and
    so every character of a terminal's escape sequence ('ESC[31m'), lone surrogates as U+FFFD.  The
    text keeps its length except that CR LF becomes LF."""
    if not _NOT_PLAIN.search(text):
        return text  # the usual case, found in one pass
    text = _TERMINAL_ESCAPE.sub(_blank, no_lone_surrogates(text))
    return _CONTROL.sub(" ", _LINE_BREAK.sub("\n", text))


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


def plain_line(value: str | None) -> str | None:
    """A one-line field (title, source, url) made plain: every control character and line break
    becomes a space; blank becomes None."""
    if value is None:
        return None
    value = _ANY_CONTROL.sub(" ", _TERMINAL_ESCAPE.sub(_blank, no_lone_surrogates(value))).strip()
    return value or None


MAX_DATE_CHARS = 100  # the longest publication date read ('Wednesday, September 6, 2017 10:30:00 ...')


def parse_published(value: str | None) -> dt.datetime | None:
    """A publication date from metadata: ISO first, then forms with words: 'September 6, 2017',
    'Wed, 06 Sep 2017 10:00:00 GMT', then a day in figures with its year last when only one order
    of day and month fits it ('27/04/2009'), or the time after it tells the order ('5/2/2013 10:00
    AM', a 12-hour clock or a North American zone: month first; '05/04/2009 10:00 BST', a European
    zone: day first; '06/09/2017' is ambiguous, and refused as such); relative forms ("yesterday")
    are refused: a publication date must not depend on today.  A month or a year without its day
    ('2017-09', 'September 2017') gives None, as no date does, and so do the zero times a system
    writes that had no date to write.  Raises ``BadArticle`` for anything else that is not a real
    calendar date.
    """
    if value is None or not str(value).strip() or str(value).strip().casefold() in _NO_DATE:
        return None
    found = _read_published(value)
    # (the zero time of Go and .NET, '0001-01-01T00:00:00Z', and Unix's, '1970-01-01T00:00:00Z' however
    # zoned, are what a system writes that had no date to write: no date, as if none were given, not a
    # story of the year 1 or of New Year's Day 1970)
    return None if found is None or found.date() == dt.date.min or _unix_zero(found) else found


def _read_published(value) -> dt.datetime | None:
    try:
        return coerce_published(value)
    except ValueError:
        text = str(value)  # (no date is written in more than MAX_DATE_CHARS: a longer value is no date)
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric:
        first, _, second, year, rest = numeric.groups()
        day = _numeric_date(text, int(first), int(second), int(year), _order_told(rest))
        if not rest.strip():
            return day
        # (the time after it, read from the day written as ISO: the order of '05/04/2009 10:00' is asked
        # as that of '05/04/2009', not taken month first as an English date's)
        timed = _parse_worded_date(f"{day:%Y-%m-%d}{rest}") if len(text) <= MAX_DATE_CHARS else None
        if timed is None:
            raise BadArticle(f"invalid publication date {quoted(text)} (use e.g. 2017-09-06)", "bad-date")
        return timed
    worded = len(text) <= MAX_DATE_CHARS and any(c.isalpha() for c in text) and _FOUR_DIGITS.search(text)
    parsed = _parse_worded_date(text) if worded else None
    if parsed is None:
        if _MONTH_OR_YEAR.fullmatch(text) or (worded and _parse_worded_date(text, day=False) is not None):
            return None  # a month or a year: no day to count 'Sunday' from, as if none were given
        raise BadArticle(f"invalid publication date {quoted(text)} (use e.g. 2017-09-06)", "bad-date")
    return parsed


# what the time after a day in figures tells of its order: a US spreadsheet's clock ('5/2/2013 10:00 AM',
# in capitals: a British one writes '10:00 am' as often) or a North American zone ('... EST') is month first,
# a European, African, Asian or Pacific zone day first
_MONTH_FIRST_TIME = re.compile(r"\d (?:AM|PM)\b|\b(?:(?:[ECM]|AK|H)[SD]?T|PST|PDT|ET|CT)\b")
_DAY_FIRST_TIME = re.compile(r"\b(?:BST|IST|CET|CEST|EET|EEST|WET|WEST|MSK|SAST|WAT|EAT|AEST|AEDT|ACST|AWST|NZST|NZDT|HKT|SGT|JST|KST)\b")


def _order_told(rest: str) -> str | None:
    """'md' or 'dm' where the time after a day in figures tells its order, else None."""
    if _DAY_FIRST_TIME.search(rest):
        return "dm"
    return "md" if _MONTH_FIRST_TIME.search(rest) else None


# what a scraper or a spreadsheet writes where it had no date: no date, the article read undated
_NO_DATE = frozenset({"none", "null", "nil", "n/a", "na", "nan", "undefined", "unknown", "-", "--",
                      "0000-00-00", "0000-00-00 00:00:00", "0000-00-00t00:00:00", "00/00/0000"})


def _unix_zero(when: dt.datetime) -> bool:
    """Whether ``when`` is the first second of Unix time (with no zone, or in any zone: 'Wed, 31 Dec
    1969 19:00:00 -0500' is that second too)."""
    epoch = dt.datetime(1970, 1, 1)
    if when.tzinfo is None:
        return when == epoch
    try:
        return when.astimezone(dt.timezone.utc).replace(tzinfo=None) == epoch
    except OverflowError:  # (past the calendar's last or first day in UTC: '9999-12-31T20:00:00-05:00')
        return False


def _numeric_date(text: str, first: int, second: int, year: int, order: str | None = None) -> dt.datetime:
    """A day written in figures with its year last ('27/04/2009', '04/27/2009'): the day first or
    the month first, whichever the figures allow, or ``order`` ('dm', 'md') tells; refused when
    both do and nothing tells ('04/05/2009': day or month?) or neither does."""
    orders = {"dm": ((first, second),), "md": ((second, first),)}.get(order, ((first, second), (second, first)))
    readings = {(year, month, day) for day, month in orders if month <= 12}
    if order and not readings:  # (the order told does not fit: the figures' own)
        readings = {(year, month, day) for day, month in ((first, second), (second, first)) if month <= 12}
    days = []
    for reading in readings:
        try:
            days.append(dt.datetime(*reading))
        except ValueError:
            pass
    if len(days) == 1:
        return days[0]
    if len(days) > 1:
        raise BadArticle(f"ambiguous publication date {quoted(text)} (day or month first? use e.g. "
                         f"{min(days):%Y-%m-%d})", "bad-date")
    raise BadArticle(f"invalid publication date {quoted(text)} (use e.g. 2017-09-06)", "bad-date")


_FOUR_DIGITS = re.compile(r"\d{4}")  # the year a worded date must write
# a day in figures, the year last, and any time after it
_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b(.*)", re.DOTALL)
_MONTH_OR_YEAR = re.compile(r"\s*(?!0000)\d{4}(?:-(?:0[1-9]|1[0-2]))?\s*")  # (no year 0)


@lru_cache(maxsize=1024)  # (a feed repeats its dates)
def _parse_worded_date(value: str, day: bool = True) -> dt.datetime | None:
    """A worded date in English, the language the articles are read in ('Wednesday, 6 September
    2017'); without ``day``, one that names a month of a year at least ('September 2017': the day
    dateparser fills in is not to be used).  (Told the language, dateparser takes 5 ms to refuse a
    value; guessing it, 0.25 s.)"""
    import dateparser

    settings = {"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"] if day else ["month", "year"]}
    if day:  # (strict parsing asks for the day)
        settings["STRICT_PARSING"] = True
    return dateparser.parse(value, languages=[DEFAULT_LANGUAGE], settings=settings)
