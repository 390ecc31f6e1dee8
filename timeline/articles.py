"""Reading articles: text/markdown with front matter, HTML, JSON/JSONL records, stdin.

``iter_articles`` yields one ``Article`` per article found, or one ``ArticleError`` per input that
could not be read, so a caller can report a bad file and carry on with the others.  Nothing here
raises on bad input; ``load_articles`` is the strict variant for library callers.

Formats, chosen by extension:

- ``.txt``, ``.md``, ``.markdown`` (and any file named explicitly with another extension): the
  text, with an optional front matter block first: a ``---`` line, ``key: value`` lines
  (``title``, ``source``, ``url``, ``published``; other keys are ignored), a closing ``---`` line.
  The text after the block is kept exactly as written.
- ``.html``, ``.htm``: the main text and title by trafilatura, the publication date by htmldate.
- ``.json``: one record or a list of records; ``.jsonl``: one record a line.  A record is an object
  with ``text`` and optionally ``title``, ``source``, ``url``, ``published``.
- ``-``: standard input, read as a text article.

Folders are read recursively in sorted order, taking the files with the extensions above and
skipping hidden files and folders.  ``published`` (an ISO date or datetime) overrides every
article's own date.  An article without any publication date is still read, with
``published=None``: its relative dates cannot be resolved, which the caller may warn about.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from timeline.models import Article, ArticleError, coerce_published

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES

FRONT_MATTER_FENCE = "---"
FIELDS = ("title", "source", "url", "published")  # what a record may give beside its text


class BadArticle(Exception):
    """One input's problem: a one-line message and a short reason for summaries."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


def iter_articles(paths: Iterable, published=None) -> Iterator[Article | ArticleError]:
    """Every article under ``paths`` (files, folders, '-'), or an ArticleError for each failure.

    Raises ``ValueError`` only for an invalid ``published`` override (checked before reading).
    """
    override = coerce_published(published)
    for item in paths:
        for path in expand_path(item):
            yield from read_path(path, override)


def load_articles(paths: Iterable, published=None) -> list[Article]:
    """The articles under ``paths``; raises ValueError with the one-line message of the first failure."""
    articles = []
    for item in iter_articles(paths, published):
        if isinstance(item, ArticleError):
            raise ValueError(str(item))
        articles.append(item)
    return articles


def expand_path(item) -> Iterator[str]:
    """The files ``item`` stands for: itself, or the article files of a folder in sorted order."""
    path = str(item)
    if path == "-" or not os.path.isdir(path):
        yield path
        return
    yield from _folder_files(path)


def _folder_files(folder: str) -> Iterator[str]:
    """The article files under ``folder``, depth first, in name order (hidden entries skipped)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        yield folder  # reading it reports the problem
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _folder_files(entry.path)
        elif Path(entry.name).suffix.lower() in SUFFIXES:
            yield entry.path


def is_html(path: str) -> bool:
    return path != "-" and Path(path).suffix.lower() in HTML_SUFFIXES


def estimate_count(paths: Iterable, limit: int | None = None) -> int:
    """About how many articles ``paths`` hold, quickly: a file each, a non-blank line per JSONL.

    With ``limit``, counting stops once it is reached (to ask "are there at least that many?").
    """
    count = 0
    for item in paths:
        for path in expand_path(item):
            left = None if limit is None else limit - count
            count += _count_lines(path, left) if path.lower().endswith(".jsonl") else 1
            if limit is not None and count >= limit:
                return count
    return count


def _count_lines(path: str, limit: int | None) -> int:
    count = 0
    try:
        with open(path, "rb") as lines:
            for line in lines:
                count += bool(line.strip())
                if limit is not None and count >= limit:
                    break
    except OSError:
        return 1  # reading it reports the problem
    return count


def read_path(path: str, published: dt.datetime | None = None) -> Iterator[Article | ArticleError]:
    """The articles of one file (several for JSON lists and JSONL), or the errors they raise."""
    try:
        data = _read_bytes(path)
        suffix = Path(path).suffix.lower() if path != "-" else ""
        if suffix == ".jsonl":
            yield from _read_jsonl(path, _decode(data), published)
        elif suffix == ".json":
            yield from _read_json(path, _decode(data), published)
        elif is_html(path):
            yield _read_html(path, data, published)
        else:
            yield _read_text(path, _decode(data), published)
    except BadArticle as problem:
        yield _error(path, problem)


def _error(where: str, problem: BadArticle) -> ArticleError:
    return ArticleError(path=where, message=str(problem), reason=problem.reason)


def _read_bytes(path: str) -> bytes:
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise BadArticle("no such file or folder", "missing") from None
    except OSError as exc:
        raise BadArticle(f"cannot read ({exc.strerror or exc})", "unreadable") from None
    if not data.strip():
        raise BadArticle("empty file", "empty")
    if b"\0" in data[:8192]:
        raise BadArticle("binary file, not text", "binary")
    return data


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadArticle(f"not UTF-8 text (invalid byte at offset {exc.start})", "undecodable") from None


# --- text and markdown -------------------------------------------------------------------------


def _read_text(path: str, text: str, published) -> Article:
    fields, body = split_front_matter(text)
    if not body.strip():
        raise BadArticle("no article text", "empty")
    return _article(path, body, fields, published)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter fields of ``text`` and the body after them (unchanged).

    Raises ``BadArticle`` when a block is opened but not closed, or a line is not ``key: value``.
    """
    lines = text.splitlines(keepends=True)
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
        fields[key.strip().lower()] = _unquote(value.strip(), number)
    raise BadArticle("front matter not closed (no second '---' line)", "malformed")


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


def _read_html(path: str, data: bytes, published) -> Article:
    import htmldate
    import trafilatura

    html = _decode(data)
    page = trafilatura.bare_extraction(html, with_metadata=True)
    text = page.text if page is not None else None
    if not text or not text.strip():
        raise BadArticle("no article text found in the page", "empty")
    fields = {"title": page.title, "url": page.url, "source": page.sitename}
    if published is None:
        found = htmldate.find_date(html, extensive_search=False, original_date=True,
                                   outputformat="%Y-%m-%dT%H:%M:%S%z")
        fields["published"] = found
    return _article(path, text, fields, published)


# --- JSON records --------------------------------------------------------------------------------


def _read_json(path: str, text: str, published) -> Iterator[Article | ArticleError]:
    data = _parse_json(text)
    if isinstance(data, dict):
        yield _record_article(path, data, published)
        return
    if not isinstance(data, list):
        raise BadArticle("JSON must be an object or a list of objects", "malformed")
    for index, record in enumerate(data):
        where = f"{path}[{index}]"
        try:
            yield _record_article(where, record, published)
        except BadArticle as problem:  # one bad record does not stop the file
            yield _error(where, problem)


def _read_jsonl(path: str, text: str, published) -> Iterator[Article | ArticleError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            yield _record_article(where, _parse_json(line), published)
        except BadArticle as problem:  # one bad line does not stop the file
            yield _error(where, problem)


def _parse_json(text: str):
    try:
        return json.loads(text)
    except ValueError as exc:
        raise BadArticle(f"malformed JSON ({exc})", "malformed") from None


def _record_article(path: str, record, published) -> Article:
    if not isinstance(record, dict):
        raise BadArticle("record is not a JSON object", "malformed")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadArticle("record has no 'text'", "empty")
    fields = {}
    for key in FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise BadArticle(f"record's {key!r} is not a string", "malformed")
        fields[key] = value
    return _article(path, text, fields, published)


# --- fields --------------------------------------------------------------------------------------


def _article(path: str, text: str, fields: dict, published) -> Article:
    if published is None:
        published = parse_published(fields.get("published"))
    return Article(
        text=text,
        title=fields.get("title") or None,
        url=fields.get("url") or None,
        source=fields.get("source") or None,
        path=path,
        published=published,
    )


def parse_published(value: str | None) -> dt.datetime | None:
    """A publication date from metadata: ISO first, then forms with words: 'September 6, 2017',
    'Wed, 06 Sep 2017 10:00:00 GMT'.  Numeric forms other than ISO (06/09/2017) are ambiguous,
    and relative forms ("yesterday") are refused: a publication date must not depend on today.
    Raises ``BadArticle`` for anything that is not a real calendar date.
    """
    if value is None or not str(value).strip():
        return None
    try:
        return coerce_published(value)
    except ValueError:
        parsed = _parse_worded_date(str(value)) if any(c.isalpha() for c in str(value)) else None
    if parsed is None:
        raise BadArticle(f"invalid publication date {str(value)[:40]!r} (use e.g. 2017-09-06)", "bad-date")
    return parsed


def _parse_worded_date(value: str) -> dt.datetime | None:
    import dateparser

    settings = {"STRICT_PARSING": True, "PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]}
    return dateparser.parse(value, settings=settings)
