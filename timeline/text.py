"""Sentences with their offsets: the unit that events, titles and tense cues work on."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from timeline.lang import DEFAULT_LANGUAGE, filled_lines, read_lines, read_table


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space and
# an opening that can start a sentence; or a line break (paragraphs, headlines).  A run of
# punctuation is tried from its first mark only: tried from each mark, a long run ("......" with
# no space after it) cost time quadratic in its length.  The pattern opens on the class of its
# first characters, which Python's engine skips ahead to, rather than trying each place.
# (a zero-width space or a direction mark may stand in the gap, as a page's markup left them)
_GAP = "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"  # those marks, as a character class's ranges
_BOUNDARY = re.compile(rf"""[.!?\n](?:(?<=\n)\s*|(?<![.!?].)[.!?]*['"\u201d\u2019)\]]*"""
                       rf"""(?=[{_GAP}]*\s[\s{_GAP}]*['"\u201c\u2018(\[]*[A-Z0-9]))""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.*$")
_NEXT_WORD = re.compile(r"""\s*['"\u201c\u2018(\[]*""")  # what stands between a boundary and the next word
_LAST_SPACE = re.compile(r".*\s", re.DOTALL)  # (greedy: ends just after the last space it can reach)

# A stock ticker with its exchange, "(BP.L)", "(GS.N)", even broken across a line by a text
# that came one sentence a line ("(BP.\nL)"): no sentence ends inside it.
_TICKER = re.compile(r"\([A-Z][A-Z0-9&-]{0,5}\.\s*[A-Z]{1,2}\)")

MAX_SENTENCE_CHARS = 2000
"""The longest sentence, in characters, that events and tense cues work on.

A longer stretch with no sentence end (a list run together, a page with no punctuation, a
whole file on one line) is cut into pieces of at most this many characters, each cut at the last
space before the limit (or at the limit when there is none), and each piece is a sentence.  The
rules that read a sentence look left and right of each word, so a cap on a sentence bounds the
work per character: extraction time is linear in the length of an article.  No sentence of the
TimeBank corpus is longer than about 600 characters, and news text rarely passes 1,500.
"""

# What opens a line of a list (a bullet), and what parts a chronology's date from its entry:
# "\u2022 12 January \u2013 A quake strikes", "Feb. 15 - Protests break out", "19 September: ..."
BULLETS = "\u2022*\u00b7\u25aa\u25e6\u2023>-\u2013\u2014"
ENTRY_MARKS = "-\u2013\u2014:"
LINE_OPENERS = " \t\u00a0" + BULLETS  # what may stand before a chronology's date on its line
LIST_NUMBER = r"\(?\d{1,3}[.)]"  # a numbered list's number before its item ("1.", "2)", "(3)"), as a pattern
# a line that opens as an entry of a list or a live page: its date or stamp (at most 40 characters,
# no comma or sentence's end in them) and then a dash, a colon or a tab ('April 22: ...', '1040 GMT:
# ...', 'Sept. 9 - ...', '2) 4 September \u2013 ...'); what may open the line is taken whole, once
# (a lookahead and its echo: no backtracking into a long run of blanks)
ENTRY_LINE = re.compile(
    rf"(?=(?P<lead>[{re.escape(LINE_OPENERS)}]*))(?P=lead)(?:{LIST_NUMBER}[ \t]*)?[^\s,;!?][^\n,;!?]{{0,39}}?"
    rf"(?:[ \t]+[{re.escape(ENTRY_MARKS.replace(':', ''))}]{{1,2}}[ \t]|:[ \t]|\t)")


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(read_lines(lang, "abbreviations.txt"))


@lru_cache(maxsize=None)
def _clock_abbreviations(lang: str) -> tuple[frozenset[str], re.Pattern, re.Pattern, re.Pattern]:
    """The abbreviations of a clock time ('a.m'), what after one keeps its sentence going, a
    sentence's opening that puts the time before its clause, and what before a time makes it
    modify a noun after it (``clock_abbreviations.tsv``, optional: a language may write no such
    abbreviation)."""
    try:
        rows = read_table(lang, "clock_abbreviations.tsv")
    except FileNotFoundError:
        rows = ()

    def pattern(kind: str, flags: int = 0) -> re.Pattern:
        return re.compile("|".join(f"(?:{value})" for k, value in rows if k == kind) or "(?!)", flags)

    return (frozenset(value for kind, value in rows if kind == "abbreviation"), pattern("continues"),
            pattern("fronted", re.IGNORECASE), pattern("modifier", re.IGNORECASE))


CAPITALISED = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019&.-]*")  # a name, or a sentence's first word

# A heading run into the sentence after it, as scraped pages have them ('NEW CAP FOR LEAKING OIL
# WELL Once the tests are done, ...', 'TOP KILL PLANNED FOR WEDNESDAY A report ...'): three or more
# words in capitals, then a capitalised word, or a one-letter word ('A') before a lower-case one.
# Two capitalised words are often a name or a dateline ('NEW ORLEANS -- Dead birds', 'BP PLC Chief').
# Each word in capitals can be read one way only, so that a failed match cannot backtrack at length.
_CAPS_WORD = r"""["'\u201c\u2018(]*[A-Z][A-Z0-9&.]*(?:['\u2019][A-Z]+)*["'\u201d\u2019)]*"""
HEADING_CHARS = 300  # a heading is looked for in the first this many characters of a sentence
_HEADING = re.compile(rf"""(?:{_CAPS_WORD}[\s,:;/\u2013\u2014-]+){{3,}}"""
                      r"""(?=["'\u201c\u2018]?[A-Z][a-z]|[A-Z]\s+[a-z])""")


# Hard-wrapped text (e-mail, Markdown, wire copy at a fixed width): a line break inside a paragraph
# is a space.  A text is read so when most of its lines inside paragraphs (at least WRAPPED_LINES)
# end without a sentence's end, none is longer than WRAP_CHARS and they are long for their width.
WRAPPED_LINES, WRAP_CHARS = 3, 100
_LINE_END = re.compile(r"""[.!?:;](?:[^\S\n]?['"\u201d\u2019)\]])*[^\S\n]*$""")  # a line that ends what it says
# (a closing quotation mark may stand a space apart, as in text that came tokenised: 'kidney? "')
RUN_ON_WORDS = 6  # words a line needs to run on into a line in lower case (a heading has fewer)
_LOWER_WORD = re.compile(r"[^\S\n]*[a-z]+\b(?![\w'\u2019-]*[A-Z])")  # a word in lower case ('sent'; not 'iPhone')
_BYLINE = re.compile(r"[^\S\n]*by\s+[A-Z]")  # a byline under a headline ('by Jane Smith')
_OPENS_ITEM = re.compile(rf"[^\S\n]*(?:[{re.escape(BULLETS)}]|{LIST_NUMBER}\s)")  # a list's item


def _wrap_width(text: str) -> int:
    """The width ``text`` is hard-wrapped at, or 0 when its line breaks end what they follow (a
    text of one sentence a line, headlines, lists)."""
    lines = text.split("\n")
    width = max(map(len, lines))
    if len(lines) <= WRAPPED_LINES or width > WRAP_CHARS:
        return 0
    pairs = [(line, after) for line, after in zip(lines, lines[1:]) if line.strip() and after.strip()]
    running_on = [after for line, after in pairs if not _LINE_END.search(line) and len(line) >= width * 0.6]
    # (and a third of them go on in lower case, as prose does: a list of headlines never does)
    lower = sum(bool(_LOWER_WORD.match(after)) for after in running_on)
    return width if (len(pairs) >= WRAPPED_LINES and len(running_on) >= 0.6 * len(pairs)
                     and lower * 3 >= len(running_on)) else 0


def _runs_on(text: str, at: int, end: int, width: int) -> bool:
    """Whether the single line break from ``at`` to ``end`` only wraps a sentence: the line before
    ends nothing, is no short heading, and the next opens on a word in lower case ('the
    government\nsent troops'; not 'iPhone X will cost ...', nor a byline 'by Jane Smith'), or, in
    a hard-wrapped text, the line before is long for its width and the next opens no list item (a
    line in lower case is none, whatever colon or dash it holds: 'its reasons: the army')."""
    before = text[text.rfind("\n", 0, at) + 1:at]
    if not before.strip() or _LINE_END.search(before):
        return False
    if ENTRY_LINE.match(text, end) and not (width > 0 and _LOWER_WORD.match(text, end)):
        return False  # (nor before a chronology's entry: '4 March - Protesters march\n11 March - ...';
        # a wrapped line in lower case goes on, whatever colon or dash it holds: 'its reasons: the army')
    if width > 0:
        return len(before) >= width // 2 and not _OPENS_ITEM.match(text, end)
    return len(before.split()) >= RUN_ON_WORDS and bool(_LOWER_WORD.match(text, end)) and not _BYLINE.match(text, end)


def split_sentences(text: str, lang: str = DEFAULT_LANGUAGE) -> list[Sentence]:
    """Split ``text`` into sentences; offsets index ``text``, surrounding space is trimmed.  A
    heading in capitals run into the sentence after it is a sentence of its own; a line break
    ends a sentence unless it only wraps one (see :func:`_runs_on`)."""
    abbreviations = _abbreviations(lang)
    clocks, continues, fronted, modifier = _clock_abbreviations(lang)
    sentences: list[Sentence] = []
    begin = 0
    tickers = [m.span() for m in _TICKER.finditer(text)] if "(" in text else []
    ticker_starts = [start for start, _ in tickers]
    width = None  # (the text's wrap width, found at its first line break)
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        k = bisect.bisect_left(ticker_starts, match.start()) - 1
        if k >= 0 and match.start() < tickers[k][1]:
            continue  # (inside a stock ticker: "BP Plc's (BP.L) spill")
        if match.group().startswith("\n") and match.group().count("\n") == 1:
            width = _wrap_width(text) if width is None else width
            if _runs_on(text, match.start(), end, width):
                continue
        if match.group().startswith(".") and "\n" not in match.group():
            word = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start() + 1)
            if word:
                token = word.group(1).rstrip(".")
                # "U.S." style initials and listed abbreviations do not end a sentence;
                # a single capital letter ("John F. Kennedy") neither; a clock's "a.m." only
                # where what follows keeps the time going ("at 2 a.m. Tuesday")
                if token in clocks:
                    if continues.match(text, _NEXT_WORD.match(text, end).end()) or fronted.fullmatch(
                            text, _trim(text, begin, word.start())[0], word.start()) \
                            or modifier.search(text, max(begin, word.start() - 40), word.start()):
                        continue  # ('at 2 a.m. Tuesday'; 'At 10 a.m. President Trump addressed ...';
                        # 'the 9 p.m. NBC broadcast')
                elif token in abbreviations or (len(token) == 1 and token.isupper()):
                    continue
        _append(text, begin, end, sentences, lang)
        begin = end
    _append(text, begin, len(text), sentences, lang)
    return _headline_apart(text, sentences, lang)


def _headline_apart(text: str, sentences: list[Sentence], lang: str) -> list[Sentence]:
    """``sentences`` with a headline run into the first one with no stop (``page/headlines.txt``:
    'Swine flu outbreak reaches Europe The UN has warned ...') a sentence of its own; not page text
    glued to it that is cut off it anyway (a dateline, a photo credit: ``page/prefixes.txt``)."""
    if not sentences or sentences[0].start != _trim(text, 0, len(text))[0]:
        return sentences
    first, glued = sentences[0], None
    for pattern in _headlines(lang):
        glued = pattern.match(text, first.start, first.end)
        if glued is not None:
            break
    if glued is None:
        return sentences
    try:  # (only now: most texts open on no headline)
        if any(prefix.match(text, first.start, first.end) for prefix in _prefixes(lang)):
            return sentences
    except FileNotFoundError:
        pass
    head_end = _trim(text, first.start, glued.end())[1]
    lead_start = _trim(text, glued.end(), first.end)[0]
    return [Sentence(first.start, head_end, text[first.start:head_end]),
            Sentence(lead_start, first.end, text[lead_start:first.end]), *sentences[1:]]


@lru_cache(maxsize=None)
def _headlines(lang: str) -> tuple[re.Pattern, ...]:
    try:
        return tuple(re.compile(pattern) for pattern in language_patterns(lang, "page", "headlines.txt"))
    except FileNotFoundError:  # (a language without the file: no headline is looked for)
        return ()


def _append(text: str, begin: int, end: int, out: list[Sentence], lang: str = DEFAULT_LANGUAGE) -> None:
    """Append ``text[begin:end]`` trimmed, in pieces of at most :data:`MAX_SENTENCE_CHARS`, a
    heading that opens it apart; not a wire's dateline, whose place may be three words in capitals
    ("PORT-AU-PRINCE, Jan 13 (Reuters) - ", "SALT LAKE CITY (AP) - ": ``page/prefixes.txt``)."""
    begin, end = _trim(text, begin, end)
    if end - begin > 2 and not text[begin + 1].islower():
        heading = _HEADING.match(text, begin, min(end, begin + HEADING_CHARS))
        if heading and not in_glued_prefix(text, Sentence(begin, end, text[begin:end]), heading.end() - 1, lang):
            cut = _trim(text, begin, heading.end())[1]
            out.append(Sentence(begin, cut, text[begin:cut]))
            begin = heading.end()
    while end - begin > MAX_SENTENCE_CHARS:
        cut = begin + MAX_SENTENCE_CHARS
        space = _LAST_SPACE.match(text, begin + 1, cut + 1)  # (a space right after the piece counts)
        if space:
            cut = space.end() - 1
        piece_begin, piece_end = _trim(text, begin, cut)
        out.append(Sentence(piece_begin, piece_end, text[piece_begin:piece_end]))
        begin, end = _trim(text, cut, end)
    if end > begin:
        out.append(Sentence(begin, end, text[begin:end]))


def _trim(text: str, begin: int, end: int) -> tuple[int, int]:
    """``begin`` and ``end`` moved in past the blanks around a sentence, and past the zero-width
    spaces and direction marks a page left between sentences."""
    while begin < end and (text[begin].isspace() or _GAP_MARK.match(text, begin)):
        begin += 1
    while end > begin and (text[end - 1].isspace() or _GAP_MARK.match(text, end - 1)):
        end -= 1
    return begin, end


_GAP_MARK = re.compile(f"[{_GAP}]")


# --- what of an article is news: not the readers' comments scraped with it ------------------------

_OPENING = ("header", "signature", "notice")  # kinds that open a comment section wherever they are


class _CommentMark(NamedTuple):
    """One pattern of ``page/comments.tsv``, compiled to be searched fast.  Python's ``re``
    skips ahead to a pattern's first letters only when the pattern begins with them, in the case
    they are written: so a leading word boundary ``\\b`` is checked apart (``bounded``), and a
    pattern that spells no capital letter is searched case-sensitively in the lower-cased
    sentence (``lowered``)."""

    kind: str
    pattern: re.Pattern
    bounded: bool
    lowered: bool

    def search(self, text: str, lower: str) -> bool:
        subject = lower if self.lowered else text
        match = self.pattern.search(subject)
        while match and self.bounded and _is_word(subject, match.start() - 1) == _is_word(subject, match.start()):
            match = self.pattern.search(subject, match.start() + 1)
        return match is not None


def _is_word(text: str, k: int) -> bool:
    return 0 <= k < len(text) and (text[k].isalnum() or text[k] == "_")


@lru_cache(maxsize=None)
def _comment_marks(lang: str) -> tuple[_CommentMark, ...]:
    """The patterns of ``page/comments.tsv`` (matched case-insensitively anywhere in a sentence)."""
    marks = []
    for kind, pattern in read_table(lang, "page", "comments.tsv"):
        bounded = pattern.startswith("\\b")
        body = pattern[2:] if bounded else pattern
        lowered = not re.search("[A-Z]", re.sub(r"\\.", "", body))  # (an escape such as \S is no letter)
        marks.append(_CommentMark(kind, re.compile(body, 0 if lowered else re.IGNORECASE), bounded, lowered))
    return tuple(marks)


_QUOTED = re.compile("[\"\u201c\u201d\u00ab\u00bb]")  # a quotation mark: someone is quoted
_QUESTION = re.compile(r"[?\u061f\uff1f][\s)\]]*$")  # a question mark at the end of a sentence


_SURROGATE = re.compile("[\ud800-\udfff]")  # a lone surrogate: no character, and no output can carry it


def no_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, one for one (offsets still hold)."""
    return text if text.isascii() or not _SURROGATE.search(text) else _SURROGATE.sub("\ufffd", text)


# characters that show nothing in a name, those Unicode lets show nothing where they are not
# understood (Default_Ignorable_Code_Point): soft hyphen, zero-width space, marks of direction,
# variation selectors, tags, fillers; the joiners some scripts spell with (U+200C, U+200D) stay
INVISIBLE_CHARACTERS = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200e\u200f\u202a-\u202e"
                        "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                        "\U000e0000-\U000e0fff")  # (a regex class's body: see terminal.printable too)
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")


_WORD_CHARACTER = re.compile(r"[^\W_]")


def has_words(text: str) -> bool:
    """Whether ``text`` has a letter or a digit: one of only spaces, invisible characters (a
    zero-width space, a byte order mark), controls or punctuation tells nothing."""
    return _WORD_CHARACTER.search(text) is not None


def without_invisible(name: str) -> str:
    """``name`` without the characters that show nothing, so that 'Reuters' and 'Reuters'
    followed by a zero-width space are one outlet, not two of the same look."""
    return _INVISIBLE.sub("", name)


def name_key(name: str) -> str:
    """A name as names are compared: the same letters however they were written ('Reuters',
    'reuters ', a full-width 'Ｒｅｕｔｅｒｓ', one with a soft hyphen or a zero-width space)."""
    return " ".join(unicodedata.normalize("NFKC", without_invisible(name)).casefold().split())


def asks(text: str) -> bool:
    """Whether the sentence ``text`` is a question of the writer's own ('Should anyone be
    fired?', 'What happened?'): it ends with a question mark and quotes no one and has no colon
    (a question quoted or introduced, '... sent this message: "Who pays?"', may report what
    someone did)."""
    return _QUESTION.search(text) is not None and _QUOTED.search(text) is None and ":" not in text


def _mark(text: str, marks) -> str | None:
    """The kind of comment mark ``text`` is, or None.  A notice, an invitation or a note that
    quotes someone ('"We welcome comments on the plan," the agency said') is news."""
    quoted = None
    lower = text.lower()
    for mark in marks:
        if mark.search(text, lower):
            if mark.kind in ("notice", "invitation", "note"):
                quoted = _QUOTED.search(text) is not None if quoted is None else quoted
                if quoted:
                    continue
            return mark.kind
    return None


def comment_section(sentences: Sequence[Sentence], lang: str = DEFAULT_LANGUAGE) -> int:
    """The index of the sentence where the readers' comments begin (``len(sentences)`` when the
    article has none).

    Scraped pages often carry the comments under the article.  They begin at the first comment
    header ("At 12:19 26th Apr 2009, bob wrote:"), comment signature ("Posted by: bob | May 30,
    2010 | Report abuse") or notice that frames comments ("Views expressed in the comments ...",
    "This discussion is now closed") that quotes no one.  An invitation to comment ("Leave your thoughts in the
    comments section below") does not open them: blogs also invite comments at the top of a post
    or between its items.  The patterns are the language's ``page/comments.tsv``.
    """
    marks = _comment_marks(lang)
    return next((k for k, sentence in enumerate(sentences) if _mark(sentence.text, marks) in _OPENING),
                len(sentences))


@lru_cache(maxsize=None)
def _prefixes(lang: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(pattern) for pattern in language_patterns(lang, "page", "prefixes.txt"))


def in_glued_prefix(text: str, sentence: Sentence, at: int, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Whether offset ``at`` of ``sentence`` lies in the page text glued to its start, not its
    news: a wire dateline ("ANKARA, Feb 7 (Reuters) - "), a photo credit (``page/prefixes.txt``;
    never, for a language without that file)."""
    try:
        prefixes = _prefixes(lang)
    except FileNotFoundError:
        return False
    news = _without_prefix(text, sentence, prefixes)
    return news is None or at < news.start


def in_page_insert(text: str, sentence: Sentence, at: int, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Whether offset ``at`` of ``sentence`` lies in the page text scraped into it, not its news: the
    page's own time stamp ("Last updated on Tuesday 4 October 2011 00.30 BST"), a photo credit
    (``page/stamps.txt``, ``page/credits.txt``; never, for a language without them)."""
    try:
        inserts = _inserts(lang)
    except FileNotFoundError:
        return False
    return not any(piece.start <= at < piece.end for piece in _without_inserts(text, sentence, inserts))


@lru_cache(maxsize=None)
def entry_label(lang: str = DEFAULT_LANGUAGE) -> re.Pattern:
    """What a live page writes before an entry's clock stamp ('UPDATE 9:15 a.m. ET: ...'), as one
    pattern (``page/entry_labels.txt``); one that matches nothing when the language has none."""
    return _one_pattern(lang, "entry_labels.txt")


@lru_cache(maxsize=None)
def caption(lang: str = DEFAULT_LANGUAGE) -> re.Pattern:
    """A photo's caption left in the text, found anywhere in a sentence: a scene, the place and the
    day it was taken ('... in Taipei May 22, 2009.', ``page/captions.txt``); a pattern that matches
    nothing when the language has none."""
    return _one_pattern(lang, "captions.txt")


@lru_cache(maxsize=None)
def run_in_head(lang: str = DEFAULT_LANGUAGE) -> re.Pattern:
    """A heading or a photo's caption run into a sentence with no stop between, matched at its start
    ('Case study: Gulf of Mexico oil spill and BP On 20 April 2010 a deepwater oil well exploded ...':
    what ends before 'On', ``page/run_in_heads.txt``); one that matches nothing when the language has
    none."""
    return _one_pattern(lang, "run_in_heads.txt")


@lru_cache(maxsize=None)
def entry_heading(lang: str = DEFAULT_LANGUAGE) -> re.Pattern:
    """What a live page writes after an entry's clock stamp to say what kind of entry it is
    ('6.05pm: Summary: The rebels hold the port'), as one pattern (``page/entry_headings.txt``);
    one that matches nothing when the language has none."""
    return _one_pattern(lang, "entry_headings.txt")


def _one_pattern(lang: str, name: str) -> re.Pattern:
    """The patterns of the page file ``name`` as one, matching any of them; one that matches
    nothing when the language has none, or no such file."""
    patterns = language_patterns(lang, "page", name, missing_ok=True)
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns) or "(?!)")


def opens_entry(before: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Whether ``before``, what stands before a time in its sentence, leaves the time opening the
    sentence's entry: nothing but bullets and blanks (``LINE_OPENERS``), or a live page's label of
    an entry ('UPDATE 9:15 a.m. ET: ...', ``page/entry_labels.txt``)."""
    opening = before.lstrip(LINE_OPENERS)
    if not opening.strip(LINE_OPENERS):
        return True
    label = entry_label(lang).match(opening)
    return label is not None and not opening[label.end():].strip()


_CLOCK = re.compile(r"\d[.:]\d\d")  # every stamp has a clock time: a sentence without one is not searched
_COLON = re.compile(r":\s")  # and every credit a colon after its label ("Photograph: ")


def language_patterns(lang: str, folder: str, name: str, missing_ok: bool = False) -> list[str]:
    """The patterns of the language's file ``folder/name``, its parts filled in
    (:func:`filled_lines`); none, with ``missing_ok``, where the language has no such file."""
    try:
        return filled_lines(read_lines(lang, folder, name))
    except FileNotFoundError:
        if missing_ok:
            return []
        raise


@lru_cache(maxsize=None)
def _inserts(lang: str) -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    """The page text scraped into the middle of a sentence, each kind as one pattern with the
    cheap pattern a sentence must match to be searched for it: the page's time stamps
    (``page/stamps.txt``; each has a clock time) and photo credits (``page/credits.txt``; each has a
    colon)."""
    kinds = []
    for name, gate in (("stamps.txt", _CLOCK), ("credits.txt", _COLON)):
        patterns = language_patterns(lang, "page", name)
        if patterns:
            kinds.append((re.compile("|".join(f"(?:{pattern})" for pattern in patterns)), gate))
    return tuple(kinds)


def _around(text: str, sentence: Sentence, pattern: re.Pattern) -> list[Sentence]:
    """``sentence`` without what ``pattern`` finds in it: what stands before, between and after,
    each a sentence (none for what is blank)."""
    pieces, begin = [], sentence.start
    for match in pattern.finditer(text, sentence.start, sentence.end):
        pieces.append(_trim(text, begin, match.start()))
        begin = match.end()
    if begin == sentence.start:
        return [sentence]
    pieces.append(_trim(text, begin, sentence.end))
    return [Sentence(a, b, text[a:b]) for a, b in pieces if b > a]


def _without_inserts(text: str, sentence: Sentence, inserts) -> list[Sentence]:
    """``sentence`` without the page text scraped into it (``_inserts``), in pieces."""
    pieces = [sentence]
    for pattern, gate in inserts:
        pieces = [piece for whole in pieces
                  for piece in (_around(text, whole, pattern) if gate.search(whole.text) else [whole])]
    return pieces


def _without_prefix(text: str, sentence: Sentence, prefixes) -> Sentence | None:
    """``sentence`` without the page text glued to its start (a dateline, a photo credit:
    ``page/prefixes.txt``); None when nothing else is left."""
    start = sentence.start
    found = True
    while found:
        found = False
        for pattern in prefixes:
            match = pattern.match(text, start, sentence.end)
            if match and match.end() > start:
                start, found = match.end(), True
    if start == sentence.start:
        return sentence
    while start < sentence.end and text[start].isspace():
        start += 1
    return Sentence(start, sentence.end, text[start:sentence.end]) if start < sentence.end else None


# a clock time, as a stamp opens: minutes after a colon, a point or a letter ('14h05'), or a mark of the
# half-day of a letter or two ('9am', '9 a.m.'; not '10 years', '3 wins')
_STAMP_AHEAD = re.compile(r"[(\[]?\d{1,2}(?:[:.h]\d\d|\s*[^\W\d_]\.?(?:[^\W\d_]\.?)?(?![^\W\d_]))")


def _without_label(text: str, sentence: Sentence, lang: str) -> Sentence:
    """``sentence`` without a live page's label before the clock stamp that opens its entry ('Updated
    at 2:05 a.m.: The governor ...', ``page/entry_labels.txt``): the stamp dates the entry, not the
    label's verb."""
    label = entry_label(lang).match(sentence.text)
    if label is None or not label.end() or not _STAMP_AHEAD.match(sentence.text, label.end()):
        return sentence
    start = sentence.start + label.end()
    return Sentence(start, sentence.end, text[start:sentence.end])


def news_sentences(sentences: Sequence[Sentence], lang: str = DEFAULT_LANGUAGE,
                   text: str | None = None) -> list[Sentence]:
    """The sentences of an article that are its news: those before its comment section
    (:func:`comment_section`), without the invitations to comment and the outlet's notes on the
    article (credits, corrections), and, when the article's
    ``text`` is given, without the page's own time stamps and photo credits (``page/stamps.txt``,
    ``page/credits.txt``: what stands on either side of one is a sentence of its own) and without
    the page text glued to their start (a wire dateline with the headline before it, a photo credit
    naming an agency alone: ``page/prefixes.txt``), nor a live page's label before an entry's stamp
    ('Updated at 2:05 a.m.: ...', ``page/entry_labels.txt``)."""
    marks = _comment_marks(lang)
    prefixes = _prefixes(lang) if text is not None else ()
    inserts = _inserts(lang) if text is not None else ()
    kept = []
    for whole in sentences:
        for sentence in _without_inserts(text, whole, inserts):
            kind = _mark(sentence.text, marks)
            if kind in _OPENING:
                return kept
            if kind is None:
                if prefixes:
                    sentence = _without_prefix(text, sentence, prefixes)
                if sentence is not None and text is not None:
                    sentence = _without_label(text, sentence, lang)
                if sentence is not None:
                    kept.append(sentence)
    return kept


SCRIPT_SAMPLE = 1500  # characters of an article read to tell its writing system
SCRIPT_LETTERS = 40  # letters at least, for a text to be judged by them
SCRIPT_SHARE = 0.5  # the share of the language's own letters below which a text is in another script
SCRIPT_LOOKUPS = 200  # the letters beyond ASCII whose writing system is looked up, at most


def in_other_script(text: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Whether most letters of the opening of ``text`` are of writing systems the language is not
    written in (``scripts.txt``: Chinese, Cyrillic or Arabic for English), so that its rules will
    find few of its dates; texts of fewer than ``SCRIPT_LETTERS`` letters are not judged."""
    import unicodedata

    sample = text[:SCRIPT_SAMPLE]
    scripts = _scripts(lang)
    wide = _WIDE_LETTER.findall(sample)  # (ASCII letters are Latin: the others are looked up, a few hundred at most)
    if not wide and "LATIN" in scripts:
        return False  # (the usual case, told in one pass)
    letters = len(_LETTER.findall(sample))
    if letters < SCRIPT_LETTERS:
        return False
    looked = wide[:SCRIPT_LOOKUPS]
    other = sum(1 for ch in looked if unicodedata.name(ch, "").partition(" ")[0] not in scripts)
    other = other * len(wide) / len(looked) if looked else 0.0
    if "LATIN" not in scripts:  # (a language not written in Latin letters: the ASCII ones are others)
        other += letters - len(wide)
    return other > (1 - SCRIPT_SHARE) * letters


_LETTER = re.compile(r"[^\W\d_]")
_WIDE_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")


@lru_cache(maxsize=None)
def _scripts(lang: str) -> frozenset[str]:
    return frozenset(read_lines(lang, "scripts.txt"))
