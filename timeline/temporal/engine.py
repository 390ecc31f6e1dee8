"""The rule engine: compiles a language's temporal data once and finds time expressions.

The engine knows no words of any language.  A language folder ``timeline/lang/<lang>/temporal/``
holds these data files, each documented by its own header:

- ``vocabulary.tsv``: word classes (months, units, numbers...) and their normalised values;
- ``rules.tsv``: patterns over those classes, each with a TIMEX3 type and a value template;
- ``tense.tsv``: the cues that tell past from future in a sentence;
- ``clauses.tsv`` (optional): the marks that tell whether a cue governs an expression (clause
  boundaries, and the words before a date that modifies a noun).

Each rule is compiled once into a regular expression in which word classes are tries of literal
alternatives (no nested quantifiers, so no catastrophic backtracking).  A text is scanned once for
the places where some rule's first characters stand; there the rules that can begin with those
characters are tried in file order and the first that matches wins (``prefixes.py``).  Tense cues
and clause marks are read once, left to right, only around the expressions that need them.
Tagging time therefore grows linearly with the text.  Patterns that need no letter case (the
scan, most rules, the cues) run case-sensitively over a case-folded copy of the text (``fold``),
which Python's engine matches about twice as fast as a case-blind pattern over the text.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.lang import data_path, filled_lines, read_lines, read_table
from timeline.text import ENTRY_LINE
from timeline.temporal.prefixes import (LONG_KEY_LENGTH, PrefixIndex, all_prefixes, first_class, key_at, keyed,
                                        trie_regex)


MAX_KEYS_KEPT = 50000  # the keys (prefixes.py) whose rules are kept at hand, at most
NARROWED = 6  # more rules than this admitted at a key: a longer key narrows them (prefixes.py)
RANGE_OPENING_REACH = 20  # characters looked back over for the word opening a range of dates ('from the')
TENSE_WINDOW = 300  # characters around an expression searched for tense cues
ABBREVIATED_REACH = 20  # an abbreviated range end ('2024-25', '1845-49') lies at most this far on
# what a tense cue or clause mark is (tense.tsv, clauses.tsv)
CUE, FORWARD, YIELDS, ALONE, BOUNDARY, JOINER, MODIFIER, LINK, CONTINUES, FRONTING, HAPPENED, FORESEEN = (
    "cue", "forward", "yields", "alone", "boundary", "joiner", "modifier", "link", "continues", "fronting", "happened",
    "foreseen")
_BOUNDARIES = (BOUNDARY, JOINER)  # (a link is read whole only so that it is no boundary)
FUTURE = "future"  # the tense (as tense.tsv names it) a cue of scope 'yields' gives way to
# the tenses (as tense.tsv names them) of a simple past, of a time it tells gone (a past after a
# time told before its clause, opening the sentence), and of a future seen from the past (see TenseReader)
PAST, GONE, PROSPECTIVE = "past", "gone", "prospective"
RANGE_END = "range_end"  # the option marking the second expression a range rule gives ('16' of 'Feb 15-16')
# how a tense cue stands to an expression (TenseReader.tense)
GOVERNS, APART, ASIDE = "governs", "apart", "aside"
_CLAUSE_KINDS = (BOUNDARY, JOINER, MODIFIER, LINK, CONTINUES, FRONTING, HAPPENED, FORESEEN)
_EDGE, _END = r"(?:(?<!\w)|(?!\w))", r"(?:(?!\w)|(?<!\w))"  # not inside a word, where a pattern begins/ends
_CLASS_REF = re.compile(r"%(\w+)(?::(\w+))?")
# Case folding for the scans that need no case (the gate, tense cues, clause marks): a case-blind
# pattern is slow in Python's engine, a case-sensitive one over folded text is not.  Each ASCII
# capital, and each of the four other characters a case-blind ASCII letter matches, becomes its
# lower-case ASCII letter, one character for one, so offsets hold.
_FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
                       "\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_SYNTAX = re.compile(r"\\.|\(\?P[<=]\w+>?")  # escapes and group names: no letters to fold
_CASE_SENSITIVE = "(?-i:"


def fold(text: str) -> str:
    """``text`` with the letters a case-blind ASCII pattern matches in lower-case ASCII."""
    return text.translate(_FOLD)


def _folds(pattern: str) -> bool:
    """Whether ``pattern``, compiled case-sensitively over folded text, matches what it matches
    case-blind over the text: no capital or non-ASCII letter outside its escapes."""
    return not any(ch.isupper() or (not ch.isascii() and ch.lower() != ch.upper())
                   for ch in _SYNTAX.sub("", pattern))
# A clock time on the anchor day ("[D]T10:35"), and a day it may be joined to: a weekday (of a
# week counted from the anchor too: "[W+1]-3"), a calendar day, a day counted from Easter ("XXXX-E-2",
# Good Friday), a day counted from the anchor, possibly with its part of the day ("[D]TNI").
_CLOCK = re.compile(r"^\[D\](T\d\d:\d\d(?::\d\d)?)$")
_PLACED_CLOCK = re.compile(r"^(.+?)(T\d\d:\d\d(?::\d\d)?)$")  # a clock time joined to its day
_DAY = re.compile(r"^(XXXX-WXX-\d|\[W(?:[-+]\d+)?\]-\d|\[M(?:[-+]\d+)?\]-\d\d|XXXX-XX-\d\d"
                  r"|(?:XXXX|\d{4})-\d\d-\d\d(?:\+\d)?|(?:XXXX|\d{4})-E[-+]\d+"
                  r"|\[D(?:[-+]\d+)?\])(?:T[A-Z]{2})?$")
_COUNTED_DAY = re.compile(r"\[D([-+]\d+)?\]")  # a day counted from the anchor: "[D]", "[D-1]"
_LEADING_ZERO = re.compile(r"\D*0\d")  # a clock in 24-hour notation: its hour "09:15", "about 0930"
_FIELD = re.compile(r"\{(\w+)(?:([+*/])(\d+))?(?:\|([^}:]*))?(?::0(\d))?\}")


SERIES_WORDS = 4  # words (a verb, a place) that may stand between two clock times of a list besides its words
BEFORE_REACH = 40  # characters before a match (or a date of the text) that a rule's not_after, only_after,
# aside_after and context_not_after read, and the tense reader's foreseen words


@dataclass(frozen=True)
class Rule:
    index: int  # position in rules.tsv; its captures are named r<index>_<name>
    name: str
    type: str  # DATE, TIME, DURATION, SET or NONE (text that must not be tagged)
    value: str  # the value template
    options: tuple[tuple[str, str], ...]  # (key, template) pairs: dir, anchor, mod, quant, freq
    fields: tuple[tuple[str, str], ...]  # (capture name, word class)
    not_after: re.Pattern | None = None  # the rule does not apply where the text before matches
    only_after: re.Pattern | None = None  # the rule applies only where the text before matches
    # a date of the text that the text before it matches anchors nothing ('since Saturday': a bound, not the day told of)
    context_not_after: re.Pattern | None = None
    # a duration the text before which matches is told aside: it closes no date for what follows ('after 23 years')
    aside_after: re.Pattern | None = None
    # the rule applies only in a text that has written this before ('Theresa May ... May told MPs')
    named_before: re.Pattern | None = None

    def fits(self, text: str, at: int) -> bool:
        """Whether the text just before ``at`` lets this rule apply there."""
        before = max(0, at - BEFORE_REACH)
        if self.not_after and self.not_after.search(text, before, at):
            return False
        if self.named_before and not 0 <= _first_end(self.named_before, text) <= at:
            return False
        return not self.only_after or self.only_after.search(text, before, at) is not None

    def aside(self, text: str, at: int) -> bool:
        """Whether the expression at ``at`` is told aside, by what the text just before it says."""
        return self.aside_after is not None and self.aside_after.search(text, max(0, at - BEFORE_REACH), at) is not None


_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def _title_cased_before(text: str, at: int) -> bool:
    """Whether the word before offset ``at`` is capitalised ('At 10 a.m.' in a headline's title case)."""
    word = _WORD_BEFORE.search(text, max(0, at - 30), at)
    return word is not None and word.group(1)[:1].isupper()


@lru_cache(maxsize=8)
def _first_end(pattern: re.Pattern, text: str) -> int:
    """Where the first match of ``pattern`` in ``text`` ends, or -1: found once a text, however
    many of a rule's matches ask (a page that writes 'May' ten thousand times)."""
    found = pattern.search(text)
    return found.end() if found else -1


@dataclass(frozen=True)
class Hit:
    """A rule's match, with its templates filled in but not yet placed on the calendar."""

    start: int
    end: int
    rule: Rule
    value: str
    options: dict


class WordClass:
    """One class of vocabulary.tsv: a regular expression and the normalisation of its matches."""

    def __init__(self):
        self.literals: dict[str, str] = {}
        self.cased: dict[str, str] = {}
        # (surface, the part of a match kept as its value or None for all of it, source, whether
        # every such part is kept, joined)
        self.patterns: list[tuple[re.Pattern, re.Pattern | None, str, bool]] = []

    def add(self, surface: str, value: str, flags: str) -> None:
        if surface.startswith("re:"):
            source = surface[3:]
            picker = re.compile(value) if value else None
            self.patterns.append((re.compile(source, re.I), picker, source, flags == "joined"))
        elif flags == "cased":
            self.cased[surface] = value
        else:
            self.literals[_key(surface)] = value

    def regex(self) -> str:
        parts = []
        if self.cased:
            parts.append("(?-i:" + "|".join(map(_literal, sorted(self.cased, key=len, reverse=True))) + ")")
        if self.literals:
            parts.append(trie_regex(self.literals))
        parts.extend(source for _, _, source, _ in self.patterns)
        return "(?:" + "|".join(parts) + ")"

    def normalise(self, text: str) -> str:
        key = _key(text)
        if text in self.cased:
            return self.cased[text]
        if key in self.literals:
            return self.literals[key]
        for pattern, picker, _, joined in self.patterns:
            if pattern.fullmatch(text):
                if picker and joined:  # ('800,000' -> '800000')
                    return "".join(picker.findall(text)) or text
                if picker:
                    found = picker.search(text)
                    return found.group() if found else text
                return text
        return text


def _has(lang: str, *parts: str) -> bool:
    try:
        data_path(lang, *parts)
    except FileNotFoundError:
        return False
    return True


def _key(text: str) -> str:
    return " ".join(text.lower().split())


# the line breaks of ``str.splitlines`` ("\r\n" one of them), and the blanks between words (a class
# first: Python's engine skips ahead to it)
_LINE_BREAK = "[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029](?:(?<=\r)\n)?"
_BREAK = re.compile(_LINE_BREAK)
_BLANK_REST = re.compile(f"[^\\S\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*(?:{_LINE_BREAK})")  # a line of blanks


def entry_breaks(text: str) -> list[int]:
    """Where the expressions of ``text`` stop, in order: each line break before a blank line or
    before a line that opens as a list's entry or a stamp does (what ends the line before is no
    part of it: 'killing 11\nApril 22: The rig sinks', 'late on Thursday\n1040 GMT: Residents
    fled'; ``timeline.text.ENTRY_LINE``).  Elsewhere an expression runs across a wrapped line:
    'closed on March 3,\n2009'."""
    return [found.start() for found in _BREAK.finditer(text)
            if _BLANK_REST.match(text, found.end()) or ENTRY_LINE.match(text, found.end())]


def _literal(text: str) -> str:
    """A literal phrase as a regex: any run of whitespace between its words."""
    return r"\s+".join(re.escape(word) for word in text.split())


def _alternations(groups: list[tuple[str, str]]) -> tuple[str, str | None]:
    """One alternation of the named ``(name, pattern)`` groups, each behind a lookahead for the
    first characters its matches begin with where they are known (prefixes.py: 'resum', 'reconv',
    ... for a cue that opens on a dozen lookbehinds), else for its first character, so that most
    places fail at a test or two, not at each of a pattern's lookbehinds; and the whole behind a
    lookahead for any first character when all are known (at a space, no word's cue is entered).

    And the same to be searched for, where each group consumes its first character (its class)
    and looks back at where it began: Python's engine passes over an alternative that opens on a
    character or a class not at hand without entering it.  A match of it spans that one
    character; its group, the whole of what was found.  None when a group may begin with any
    character."""
    firsts = [first_class(pattern) for _, pattern in groups]
    keys = all_prefixes([pattern for _, pattern in groups])
    body = "|".join(f"(?={_opening(first, known)})(?P<{name}>{pattern})" if first else f"(?P<{name}>{pattern})"
                    for first, known, (name, pattern) in zip(firsts, keys, groups))
    if None in firsts:
        return f"(?:{body})", None
    lookahead = "(?=[" + "".join(first[1:-1] for first in firsts) + "])"
    scanned = "|".join(f"{first}(?<=(?={_opening(first, known)})(?=(?P<{name}>{pattern}){_END})[\\s\\S])"
                       for first, known, (name, pattern) in zip(firsts, keys, groups))
    return f"{lookahead}(?:{body})", f"{lookahead}(?:{scanned})"


def _opening(first: str, keys: frozenset[str] | None) -> str:
    """What a match opens with: a trie of its keys when they reach past the first character, else
    its first character's class."""
    if keys and "" not in keys and max(map(len, keys)) > 1:
        return trie_regex(keys, {" ": r"\s+", "0": r"\d"})
    return first


def _across_midnight(day: str, clock: str, gloss: str) -> str:
    """The day of a clock time glossed in another zone on ``day`` ('04:30 local time (10:30 p.m. ET
    Sunday)'): the gloss's day, or the next or the one before when the two clocks are more than
    twelve hours apart (a zone's offset is less; Sunday 22:30 in New York is Monday 04:30 east of
    it).  A weekday moves to the next or previous weekday, a date to the next or previous day;
    another day stays."""
    hours = int(clock[1:3]) - int(gloss[1:3])
    step = 1 if hours < -12 else -1 if hours > 12 else 0
    if not step:
        return day
    weekday = _WEEKDAY_DAY.match(day)
    if weekday:
        return f"{weekday.group(1)}{(int(weekday.group(2)) - 1 + step) % 7 + 1}"
    if _FULL_DAY.match(day):
        try:
            return (dt.date.fromisoformat(day) + dt.timedelta(days=step)).isoformat()
        except (ValueError, OverflowError):
            return day
    return day


_CONTEXT_REF = re.compile(r"%([a-z_]+)")  # a CONTEXT row's pattern named in a rule's not_after= or only_after=
_WEEKDAY_DAY = re.compile(r"^(XXXX-WXX-)(\d)$")
_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def _completed(start: str, end: str) -> int:
    """A range's end written with only its last digits, completed from its start's: 2025 for
    '2024-25', 1849 for '1845-49', 2000 for '1999-00' (the next century when the digits alone
    would fall before the start)."""
    if len(end) >= len(start):
        return int(end)
    digits = len(end)
    completed = int(start[:-digits] + end)
    return completed + 10 ** digits if completed <= int(start) else completed


def _counted_day(n: int) -> str:
    """The day ``n`` days from the anchor, as a template writes it: "[D]", "[D+1]", "[D-2]"."""
    return f"[D{n:+d}]" if n else "[D]"


def _spaces(pattern: str) -> str:
    """A rule pattern with each literal space standing for any run of whitespace (" ?" for an
    optional one)."""
    return pattern.replace(" ?", r"\s*").replace(" ", r"\s+")


def fill(template: str, values: dict[str, str]) -> str:
    """A template with ``{name}``, ``{name:02}``, ``{name+12}``, ``{name*10}``, ``{name/24}`` (to the
    nearest whole number, a half down), ``{name|default}`` replaced by the captured values (absent
    ones by their default, else by nothing)."""
    pieces = _pieces(template)
    if len(pieces) == 1:  # (no field)
        return template
    out = [pieces[0]]
    for k in range(1, len(pieces), 6):
        out.append(_field(values, *pieces[k:k + 5]))
        out.append(pieces[k + 5])
    return "".join(out)


@lru_cache(maxsize=4096)
def _pieces(template: str) -> tuple:
    """``template`` split at its fields: text, then (name, op, operand, default, width) and text again
    for each field (read once a template)."""
    return tuple(_FIELD.split(template))


def _field(values: dict[str, str], name: str, op: str | None, operand: str | None, default: str | None,
           width: str | None) -> str:
    """One field of a template (see :func:`fill`) filled from ``values``."""
    value = values.get(name)
    if value is None:
        return default or ""
    if not value.isascii():  # (digits of another script a pattern's \d took: '2\u0660\u0661\u0667' is 2017)
        value = "".join(str(int(ch)) if ch.isdecimal() else ch for ch in value)
    if op or width:
        try:
            number = float(value)
        except ValueError:
            return value
        if op == "+":
            number += int(operand)
        elif op == "*":
            number *= int(operand)
        elif op == "/" and int(operand):
            number = math.ceil(number / int(operand) - 0.5)
        value = str(int(number)) if number == int(number) else str(number)
        if width and number == int(number):
            value = value.zfill(int(width))
    return value


class Grammar:
    """A language's compiled rules: ``find`` returns the time expressions of a text."""

    def __init__(self, lang: str):
        self.classes: dict[str, WordClass] = {}
        self._weekday_word: re.Pattern | None = None  # (made when first needed: weekday_named)
        for row in read_table(lang, "temporal", "vocabulary.tsv"):
            name, surface, value, flags = (list(row) + ["", ""])[:4]
            self.classes.setdefault(name, WordClass()).add(surface, value, flags)
        class_regex = {name: wc.regex() for name, wc in self.classes.items()}

        self.rules: list[Rule] = []
        bodies = []
        contexts: dict[str, str] = {}  # the named patterns of CONTEXT rows, for not_after= and only_after=

        def context(m: re.Match) -> str:
            return f"(?:{contexts[m.group(1)]})" if m.group(1) in contexts else m.group()

        for row in read_table(lang, "temporal", "rules.tsv"):
            if len(row) >= 3 and row[1] == "CONTEXT":
                contexts[row[0]] = row[2]
                continue
            if len(row) < 4:
                raise ValueError(f"rules.tsv ({lang}): rule {row[0]!r} needs a name, type, pattern and value")
            if len(row) > 5:  # (a sixth cell would be silently dropped: options are one cell, spaced)
                raise ValueError(f"rules.tsv ({lang}): rule {row[0]!r} has {len(row)} cells, not at most 5 "
                                 "(its options are one cell, separated by spaces)")
            name, kind, pattern, value = row[:4]
            pairs = [opt.split("=", 1) for opt in (row[4].split() if len(row) > 4 else ())]
            options = dict(pairs)
            if len(options) < len(pairs):  # (a second one would silently replace the first)
                raise ValueError(f"rules.tsv ({lang}): rule {name!r} gives an option twice")
            before = {key: re.compile(rf"(?:{_CONTEXT_REF.sub(context, options.pop(key))})\s*$", re.I)
                      for key in ("not_after", "only_after", "context_not_after", "aside_after") if key in options}
            if "named_before" in options:  # (anywhere before, not just before the match)
                before["named_before"] = re.compile(_CONTEXT_REF.sub(context, options.pop("named_before")), re.I)
            index = len(self.rules)
            fields = []

            def group(m: re.Match) -> str:
                cls, alias = m.group(1), m.group(2) or m.group(1)
                if cls not in class_regex:
                    raise ValueError(f"rules.tsv ({lang}): rule {name!r} uses unknown class %{cls}")
                fields.append((alias, cls))
                return f"(?P<r{index}_{alias}>{class_regex[cls]})"

            body = _CLASS_REF.sub(group, _spaces(pattern))
            self.rules.append(Rule(index, name, kind, value, tuple(options.items()), tuple(fields), **before))
            bodies.append(rf"(?:{body})(?!\w|-\w)")  # (grouped: a rule may be an alternation)

        # Matching: one scan of the text finds the word starts where some rule's first characters
        # stand (prefixes.py); there, only the rules that can begin with them are tried, in order.
        # the two fields of each range rule ("May 2-3"), its start and its end: (alias, class); an
        # end written ~alias is abbreviated, its leading digits those of the start ('2024-25')
        ranges = {rule.index: (template.replace("~", "").split(":"), dict(rule.fields), "~" in template)
                  for rule in self.rules for key, template in rule.options if key == "range"}
        self._ranges = {index: tuple((alias, fields[alias]) for alias in aliases)
                        for index, (aliases, fields, _) in ranges.items()}
        self._abbreviated = {index for index, (_, _, short) in ranges.items() if short}
        self._index = PrefixIndex(bodies)
        # A word start is where the character before is no word character, '$', '#' or a power's '^'
        # (what follows it is an exponent: '10^100 years' is no hundred years), nor a hyphen after
        # one ('year-ago').  The gate consumes that character (a scan for a class of characters is
        # fast in Python's engine, a test at every place is not) and ends at the word; the text's
        # first place is tried as if after a space.
        keys = self._index.gate()  # keys are lower case: the gate folds
        self._gate_folds = _folds(keys)
        self._gate = re.compile(r"[^\w$#^](?<!\w-)" + keys, 0 if self._gate_folds else re.I)
        # each rule compiled when a text first has a key that admits it (:meth:`compiled`): compiling
        # them all costs most of the start-up, and a short text needs few of them
        self._bodies = bodies
        self._compiled: list[tuple[re.Pattern, Rule, bool] | None] = [None] * len(bodies)
        # a rule with no case-sensitive part matches over folded text (see fold), the others as written
        self._folded = [_folds(body) and _CASE_SENSITIVE not in body for body in bodies]
        # the rules to try at a key, and the same for a set of rules (keys that admit the same rules share one)
        self._by_key: dict[str, tuple[tuple[re.Pattern, Rule, bool], ...]] = {}
        self._by_long_key: dict[str, tuple[tuple[re.Pattern, Rule, bool], ...]] = {}  # (keys narrowed further)
        self._by_rules: dict[tuple[int, ...], tuple[tuple[re.Pattern, Rule, bool], ...]] = {}

        self._joiners = self.classes.get("clock_day_joiner") or WordClass()
        words = self._joiners.regex() if self._joiners.literals else "(?!)"
        # a bracket may stand between them too ("on Thursday (0932 GMT)"), or the clock time glossed
        # in another zone ("3 p.m. (1500 GMT) Sunday"): then they stay two expressions
        self._joiner = re.compile(rf"[\s,]*(?P<bracket>(?:\(\d{{1,2}}[:.]?\d\d(?:\s*[a-z]{{2,4}})?\)|[()])[\s,]*)?"
                                  rf"(?:(?P<word>{words})[\s,]+)?", re.I)
        # what joins two clock times into a range or a pair ("between 2am and 3am on 27 May"): both
        # fall on the day one of them is placed on
        self._clock_range = self._gap("clock_range", r"\s*(?:{})\s*")
        # what joins two clock times of a list, each with a verb or a place of its own, ending on the
        # word that leads into the second ("Polls open at 7 a.m. and close at 8 p.m. on Tuesday")
        series = (self.classes.get("clock_series") or WordClass()).literals
        self._clock_series = re.compile("|".join(
            rf"\s*{_literal(joiner)}\s+(?:[^\W\d_][\w'\u2019.-]*\s+){{0,{SERIES_WORDS}}}?{_literal(lead)}\s+"
            for joiner, lead in series.items()), re.I) if series else None
        # the parts of the day whose clock hours, written without a.m. or p.m., are past noon, and
        # those hours ("9:15 tonight" is 21:15, "3:30 this afternoon" 15:30)
        self._pm_dayparts = {}
        for code, hours in (self.classes.get("pm_daypart") or WordClass()).literals.items():
            first, last = hours.split("-")
            self._pm_dayparts[code.upper()] = range(int(first), int(last) + 1)
        # the parts of the day whose clock hours, written without p.m., are after midnight, those
        # hours (12 as 0) and the days after the part's own day they fall on ("1:30 tonight" is
        # tomorrow's 01:30, "12:15 last night" today's 00:15, "12:30 this morning" 00:30)
        self._after_midnight = {}
        for code, hours in (self.classes.get("after_midnight") or WordClass()).literals.items():
            span, days = hours.split("+")
            first, last = span.split("-")
            self._after_midnight[code.upper()] = (range(int(first), int(last) + 1), int(days))
        self._half_day = self._words_of("am", "pm")
        self._pm_mark = self._words_of("pm")
        # what makes two weekdays a range ("from Thursday to Saturday"): its end is not before its start
        self._weekday_range = self._gap("weekday_range", r",?\s*(?:{})\s*")
        self._time_range = self._gap("time_range", r"\s*(?:{})\s*")
        # what tells that the day after it is the day a thing was said ("police said Sunday")
        self._report_verb = self._gap("report_verb", r"\b(?:{})\s+(?:on\s+)?$")
        # ...unless a verb follows the day, which is then what was said of ("said Tuesday would be a holiday")
        self._said_of = self._gap("said_of_day", r"\s+(?:{})\b")
        # and so a word of lasting after a few words of the clause that go on from the first clock
        # ("began at 10pm on Tuesday and continued until about 3am", ", lasting until 2 a.m."; not 'to':
        # "the 11 p.m. deadline was brought forward to 9 a.m.")
        self._time_range_told = self._gap(
            "time_range_told", rf",?\s+(?:and\s+)?(?:[^\W\d_][\w'\u2019-]*\s+){{1,{SERIES_WORDS}}}?(?:{{}})\s+")
        # what makes two dates without their years a range ("from May to December", "between April
        # and July"): its end is not before its start
        self._date_range = self._gap("date_range", r",?\s*(?:{})\s*")
        self._range_opening = self._gap("range_opening", r"(?<!\w)(?:{})\s+(?:the\s+)?$")
        # what lists two weekdays ("on Tuesday and Wednesday", "Monday, Tuesday"): a list of days to
        # come runs forward
        self._weekday_list = self._gap("weekday_list", r"\s*(?:,\s*|(?:,\s*)?(?:{})\s+)")
        # what lets a date without its year take the year of the date after it ("March and April 2008")
        self._shared_year = self._gap("shared_year", r"\s*,?\s*(?:{}\s*)?")
        # what lets a day or month without its year, right after a year, take that year ("In 2019,
        # on April 2")
        self._refined_year = self._gap("refined_year", r"[^\S\n]*,?[^\S\n]*(?:{})[^\S\n]+")
        # hours counted back or on from now or from another happening ('the next 12 hours', 'two hours
        # before the blast'), not hours the story's day went on for
        self._framed_hours = self._gap("framed_hours", r"(?:{})\b")
        self._counted_hours = self._gap("counted_hours", r"\s*(?:{})\b")
        # what, in the lines before a list of dates, tells it is one of what is to come ("Key dates ahead:")
        self._list_ahead = self._words_of("list_ahead")

        # Tense cues and clause marks, one alternation (cues first: they win where both match);
        # group c<n> is the n-th of self._marks, (tense or None, kind).  Each half tests its word
        # edges and first characters once, so that most places fail at once.
        cues, marks, self._marks = [], [], []
        # (the kinds looked for right next to an expression, not scanned for)
        around: dict[str, list[str]] = {MODIFIER: [], FRONTING: [], HAPPENED: [], FORESEEN: []}
        for line in filled_lines(read_lines(lang, "temporal", "tense.tsv")):
            pattern, tense, scope = ([cell.strip() for cell in line.split("\t")] + [""])[:3]
            if scope not in ("", FORWARD, YIELDS, ALONE):
                raise ValueError(f"tense.tsv ({lang}): unknown scope {scope!r}")
            cues.append((f"c{len(self._marks)}", _spaces(pattern)))
            self._marks.append((tense, scope or CUE))
        if _has(lang, "temporal", "clauses.tsv"):
            for kind, pattern in read_table(lang, "temporal", "clauses.tsv"):
                if kind not in _CLAUSE_KINDS:
                    raise ValueError(f"clauses.tsv ({lang}): unknown kind {kind!r}")
                if kind in around:  # looked for right before (or after) an expression only
                    around[kind].append(_spaces(pattern))
                    continue
                marks.append((f"c{len(self._marks)}", _spaces(pattern)))
                self._marks.append((None, kind))
        # never inside a word: a pattern that starts or ends with a letter matches whole words, one
        # that starts with a mark may follow a word ("they'll", "it's expected to")
        alternations = [_alternations(group) for group in (cues, marks) if group]  # (exact, scanned)
        parts = [_EDGE + exact + _END for exact, _ in alternations]
        self._tense = re.compile("|".join(parts) or "(?!)", re.I)
        # The fast scan reads folded text with every case-sensitive group made case-blind; where
        # a cue with such a group matches, the exact pattern decides at that place ("may" the
        # verb, not "May"): that cue's own first (the ones before it failed case-blind, so they fail
        # as written), and where it fails, the whole.
        scanned = [searched for _, searched in alternations]
        fast = _EDGE + "(?:" + "|".join(scanned) + ")" if scanned and None not in scanned else "|".join(parts)
        fast = fast.replace(_CASE_SENSITIVE, "(?:")
        self._tense_scan = re.compile(fast or "(?!)") if _folds(fast) else None
        self._recheck = {i: re.compile(f"{_EDGE}(?P<{name}>{text}){_END}", re.I)
                         for i, (name, text) in enumerate(cues + marks) if _CASE_SENSITIVE in text}
        modifiers, fronting, happened = around[MODIFIER], around[FRONTING], around[HAPPENED]
        self._modifier = re.compile(r"(?<!\w)(?:" + "|".join(modifiers) + r")\s+$", re.I) if modifiers else None
        # what opens a sentence before a time told ahead of its clause ('In February, the rebels took')
        self._fronting = re.compile(r"[\W_]*(?:" + "|".join(fronting) + r")\s+$", re.I) if fronting else None
        # what names, right after a time, a happening it dates that has taken place ('the March 11 earthquake')
        self._happened = re.compile(r"(?:" + "|".join(happened) + r")(?!\w)", re.I) if happened else None
        # ...but one foreseen, not taken place ('foiled the planned May 3 attack')
        foreseen = around[FORESEEN]
        self._foreseen = re.compile(r"(?<!\w)(?:" + "|".join(foreseen) + r")\s+$", re.I) if foreseen else None

    def _words_of(self, *names: str) -> re.Pattern | None:
        """A case-blind search for a whole word of the vocabulary classes ``names``; None when the
        language has none of them."""
        words = [self.classes[name].regex() for name in names if name in self.classes]
        return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.I) if words else None

    def _gap(self, name: str, pattern: str) -> re.Pattern | None:
        """``pattern`` (the text between two expressions) with the words of the vocabulary class
        ``name`` in place of ``{}``; None when the language has no such words."""
        words = self.classes.get(name)
        return re.compile(pattern.replace("{}", words.regex()), re.I) if words is not None and words.literals else None

    def find(self, text: str, negatives: bool = False, folded: str | None = None,
             cuts: list[int] | None = None) -> list[Hit]:
        """The rule matches in ``text``, leftmost first; negative rules (type NONE) are consumed
        silently, or listed too with ``negatives`` (``folded``: the text's ``fold``, when the caller
        has it)."""
        hits = []
        done = 0
        folded = fold(text) if folded is None else folded
        cuts, end = entry_breaks(text) if cuts is None else cuts, len(text)
        keyed_text, by_key = keyed(text), self._by_key
        for at in self.places(text, folded):
            if at < done:
                continue
            key = key_at(text, at, keyed_text)
            candidates = by_key.get(key)
            if candidates is None:
                candidates = self._rules_for(key)
            if len(candidates) > NARROWED and keyed_text is not None:
                long_key = keyed_text[at:at + LONG_KEY_LENGTH]
                if "  " not in long_key:  # (it begins with the key: no run of blanks to close up)
                    narrowed = self._by_long_key.get(long_key)
                    candidates = self._narrowed(long_key, candidates) if narrowed is None else narrowed
            if not candidates:
                continue
            cut = end
            if cuts:  # (the text ends at the next stop for what starts here)
                k = bisect.bisect_right(cuts, at)
                cut = cuts[k] if k < len(cuts) else end
            for regex, rule, on_folded in candidates:
                m = regex.match(folded if on_folded else text, at, cut)
                if m is not None and rule.fits(text, at) and not (rule.index in self._ranges
                                                                  and self._runs_backwards(rule, m, text)):
                    break
            else:
                continue
            done = m.end()
            if rule.type == "NONE":
                if negatives:
                    hits.append(Hit(m.start(), m.end(), rule, "", {}))
                continue
            values = {}
            for alias, cls in rule.fields:
                first, last = m.span(f"r{rule.index}_{alias}")  # the text as written, not folded
                captured = text[first:last] if first >= 0 else None
                if captured is not None:
                    values[alias] = self.classes[cls].normalise(captured)
            options = {key: fill(template, values) for key, template in rule.options}
            options = {k: v for k, v in options.items() if v}
            if options.pop("range", None):  # a range ("May 2-3", "10-12 October"): one expression for each end
                (first, _), (second, _) = self._ranges[rule.index]
                if values.get(second) is not None and rule.index in self._abbreviated:
                    values[second] = str(_completed(values[first], values[second]))
                if values.get(second) is not None:
                    g1, g2 = f"r{rule.index}_{first}", f"r{rule.index}_{second}"
                    hits.append(Hit(m.start(), m.end(g1), rule, fill(rule.value, values), options))
                    hits.append(Hit(m.start(g2), m.end(), rule, fill(rule.value, {**values, first: values[second]}),
                                    {**options, RANGE_END: "yes"}))
                    continue
            hits.append(Hit(m.start(), m.end(), rule, fill(rule.value, values), options))
        return hits

    def places(self, text: str, folded: str | None = None):
        """The word starts of ``text`` where some rule's first characters stand, in order
        (``folded``: the text's ``fold``, when the caller has it)."""
        scanned = (fold(text) if folded is None else folded) if self._gate_folds else text
        if self._gate.match(" " + scanned):  # (the text's first place, as if after a space)
            yield 0
        for gate in self._gate.finditer(scanned):
            yield gate.end()

    def _runs_backwards(self, rule: Rule, m: re.Match, text: str) -> bool:
        """Whether a range rule's match ends before it starts: in 'raised the alert on April 29 to
        5' the 5 is a level, not the end of a range of days; a later rule reads it.  An abbreviated
        end also fails when it lies more than ``ABBREVIATED_REACH`` on."""
        values = []
        for alias, word_class in self._ranges[rule.index]:
            first, last = m.span(f"r{rule.index}_{alias}")
            if first < 0:
                return False
            value = self.classes[word_class].normalise(text[first:last])
            if not value.isdigit():
                return False
            values.append(value)
        start = int(values[0])
        if rule.index in self._abbreviated:  # ('2024-05' is May, not 2024 to 2105)
            return not start < _completed(*values) <= start + ABBREVIATED_REACH
        return int(values[1]) <= start

    def join_clock_times(self, text: str, hits: list[Hit], cuts: list[int] | None = None) -> list[Hit]:
        """``hits`` with each clock time that stands next to the day it falls on placed on that day,
        in either order.  With only spaces or commas between them the two are one TIME ("10:35
        a.m. Friday", "6pm tomorrow", "Sat, 7pm"), and so with a word of the ``clock_day_joiner``
        class whose value is ``one`` ("3 a.m. on Saturday"); with one whose value is ``apart``
        ("Friday at 10:35 a.m.") they stay two expressions and the clock time takes the day's.
        Either way the time is placed as the day is (the day's options: direction, anchor), with
        the clock's modifier.  A clock time joined to such a one by a ``clock_range`` word takes
        the same day ("between 2am and 3am on 27 May")."""
        out: list[Hit] = []
        cuts = (entry_breaks(text) if len(hits) > 1 else []) if cuts is None else cuts
        i = 0
        while i < len(hits):
            a = hits[i]
            if i + 1 < len(hits):
                joined = self._joined(text, a, hits[i + 1], cuts)
                if joined:
                    out.extend(joined)
                    i += 2
                    continue
            out.append(a)
            i += 1
        return self._clock_ranges_on_their_day(text, out)

    def _clock_ranges_on_their_day(self, text: str, hits: list[Hit]) -> list[Hit]:
        """``hits`` with a clock time that a ``clock_range`` word joins to a clock time placed on a
        day placed on that day too, before it ("between 2am and 3am on 27 May": from the last pair
        back, so that a run of them all take the day) or after it ("on Saturday at 0330 GMT and
        1830 GMT"); and so a clock time of a list, its own verb or place between ("Polls open at 7
        a.m. and close at 8 p.m. on Tuesday": the ``clock_series`` words)."""
        if self._clock_range is None:
            return hits
        for k in range(len(hits) - 2, -1, -1):
            hits[k] = self._on_day_of(text, hits[k], hits[k + 1])
        for k in range(1, len(hits)):
            hits[k] = self._on_day_of(text, hits[k], hits[k - 1])
        return hits

    def _on_day_of(self, text: str, clock: Hit, placed: Hit) -> Hit:
        """``clock`` placed on the day of ``placed``, a clock time next to it placed on a day, when
        a ``clock_range`` word joins them; else ``clock`` as it is (also when it is placed on a day
        of its own: "from 6 p.m. this evening until 6 a.m. tomorrow")."""
        time = _CLOCK.match(clock.value) if clock.rule.type == "TIME" and "+" not in clock.rule.name else None
        day = _PLACED_CLOCK.match(placed.value) if "+" in placed.rule.name else None
        if not (time and day and _DAY.match(day.group(1))):
            return clock
        first, second = sorted((clock, placed), key=lambda hit: hit.start)
        joined = self._clock_range.fullmatch(text, first.end, second.start) or (
            self._clock_series is not None and self._clock_series.fullmatch(text, first.end, second.start))
        if not joined:
            return clock
        options = {key: value for key, value in placed.options.items() if key != "mod"}
        if "mod" in clock.options:
            options["mod"] = clock.options["mod"]
        other = _PLACED_CLOCK.match(options.get("else", ""))
        if other:  # (the day it is placed on when the text gives none to count from, at this time)
            options["else"] = other.group(1) + time.group(1)
        on = day.group(1)
        if clock is first and "(" in text[first.end:second.start]:
            on = _across_midnight(on, time.group(1), day.group(2))
        name = f"{clock.rule.name}+{placed.rule.name.split('+', 1)[1]}"
        return Hit(clock.start, clock.end, dataclasses.replace(clock.rule, name=name), on + time.group(1),
                   options)

    def _joined(self, text: str, first: Hit, second: Hit, cuts: list[int]) -> list[Hit] | None:
        gap = self._joiner.fullmatch(text, first.end, second.start)
        k = bisect.bisect_left(cuts, first.end)
        if not gap or (k < len(cuts) and cuts[k] < second.start):  # (not across an entry's line)
            return None
        if text[first.end - 1] == "." and gap.group("word") and gap.group("word")[:1].isupper() \
                and not _title_cased_before(text, first.start):
            return None  # (the stop of 'a.m.' ended a sentence: 'a curfew from 6 p.m. to 7 a.m. On Feb. 11, ...';
            # not in a headline's title case: 'Court To Rule At 10 a.m. On Friday')
        for clock, day in ((first, second), (second, first)):
            time = _CLOCK.match(clock.value) if clock.rule.type == "TIME" else None
            date = _DAY.match(day.value) if day.rule.type in ("DATE", "TIME") else None
            if time and date:
                options = dict(day.options)
                if "mod" in clock.options:
                    options["mod"] = clock.options["mod"]
                name = f"{clock.rule.name}+{day.rule.name}"
                value = (self._in_daypart(text[clock.start:clock.end], date.group(1), time.group(1),
                                          day.value[date.end(1):])
                         if "{" in clock.rule.value.rpartition("T")[2]  # (its hour written in figures)
                         else date.group(1) + time.group(1))  # ('12 noon tonight': noon, whatever its zone)
                other = _DAY.match(options.get("else", ""))
                if other and value.startswith(date.group(1)):  # (the day it is placed on when the
                    options["else"] = other.group(1) + value[len(date.group(1)):]  # text gives none, at this time)
                word = gap.group("word")
                if gap.group("bracket") or (word and self._joiners.normalise(word) == "apart"):
                    timed = Hit(clock.start, clock.end, dataclasses.replace(clock.rule, name=name), value, options)
                    return [timed, day] if clock is first else [day, timed]
                rule = dataclasses.replace(day.rule, type="TIME", name=name)
                return [Hit(first.start, second.end, rule, value, options)]
        return None

    def _in_daypart(self, clock: str, day: str, time: str, daypart: str) -> str:
        """``day`` and ``time`` (``[D]``, ``T09:15``), written ``clock``, on a day given in its
        part ``daypart`` (``TNI``, or empty): past noon when the part of the day says so and the
        clock does not ("9:15 tonight", "8 o'clock on Tuesday evening"); after midnight for the
        small hours of a night ("1:30 tonight" is tomorrow's, "12:15 last night" today's; the day
        moved only where it is counted from the anchor: "[D]", "[D-1]"), and at 0 for 12 in the
        morning; as it is with p.m., or in a 24-hour notation ("09:15", "0930")."""
        part, hour = daypart[1:], int(time[1:3])
        if self._pm_mark is not None and self._pm_mark.search(clock):
            return day + time
        small, days = self._after_midnight.get(part, (range(0), 0))
        if hour % 12 in small and (hour < 12 or (hour == 12 and not _LEADING_ZERO.match(clock))):
            counted = _COUNTED_DAY.fullmatch(day)
            if days and counted is None:
                return day + time  # (a day of the calendar, a weekday: left as it was)
            if days:
                day = _counted_day(int(counted.group(1) or 0) + days)
            return f"{day}T{hour % 12:02d}{time[3:]}"
        hours = self._pm_dayparts.get(part)
        if hours is None or _LEADING_ZERO.match(clock) or (self._half_day is not None and self._half_day.search(clock)):
            return day + time
        return f"{day}T{hour + 12:02d}{time[3:]}" if hour in hours else day + time

    def daypart_start(self, part: str) -> int | None:
        """The hour (0-23) at which the part of the day ``part`` ('EV', 'NI') begins, when it is one
        past noon (vocabulary.tsv's ``pm_daypart``), else None."""
        hours = self._pm_dayparts.get(part)
        return hours[0] + 12 if hours else None

    def makes_weekday_range(self, gap: str) -> bool:
        """Whether ``gap``, the text between two weekdays, makes them a range."""
        return self._weekday_range is not None and self._weekday_range.fullmatch(gap) is not None

    def hours_counted_apart(self, text: str, start: int, end: int) -> bool:
        """Whether the duration at ``start``-``end`` of ``text`` counts hours back or on from now or
        from another happening ('the next 12 to 24 hours', 'the final 18 minutes before the
        explosion', 'three minutes later'), rather than telling how long the story's day went on
        ('for three hours')."""
        return bool(self._framed_hours and self._framed_hours.match(text, start)) \
            or bool(self._counted_hours and self._counted_hours.match(text, end))

    def reports_on(self, text: str, at: int, end: int | None = None) -> bool:
        """Whether the expression at offset ``at`` of ``text`` (ending at ``end``, when given) is the
        day a thing was said on ("police said Sunday", "told reporters on Friday"; not "said Tuesday
        would be a holiday")."""
        return self._report_verb is not None \
            and self._report_verb.search(text, max(0, at - BEFORE_REACH), at) is not None \
            and not (end is not None and self._said_of is not None and self._said_of.match(text, end))

    def makes_time_range(self, gap: str) -> bool:
        """Whether ``gap``, the text between two clock times, makes them a range."""
        return any(pattern is not None and pattern.fullmatch(gap) is not None
                   for pattern in (self._time_range, self._time_range_told))

    def makes_date_range(self, text: str, first: tuple[int, int], second: int) -> bool:
        """Whether the date at ``first`` (its start and end in ``text``) and the one starting at
        ``second`` make a range: a word of ``range_opening`` right before the first, one of
        ``date_range`` between them ("from May to December", "between April and July")."""
        if self._date_range is None or self._range_opening is None:
            return False
        return (self._date_range.fullmatch(text, first[1], second) is not None
                and self._range_opening.search(text, max(0, first[0] - RANGE_OPENING_REACH), first[0]) is not None)

    def lists_weekdays(self, gap: str) -> bool:
        """Whether ``gap``, the text between two weekdays, lists them ("Tuesday and Wednesday")."""
        return self._weekday_list is not None and self._weekday_list.fullmatch(gap) is not None

    def shares_year(self, gap: str) -> bool:
        """Whether ``gap``, the text between a date without its year and a date with it, lets
        the first take the second's year: a comma or a word of ``shared_year``."""
        return bool(gap.strip()) and self._shared_year is not None and self._shared_year.fullmatch(gap) is not None

    def _weekday_words(self) -> re.Pattern | None:
        """A weekday's name of the vocabulary class ``weekday``, whole (None without the class)."""
        weekdays = self.classes.get("weekday")
        if weekdays is not None and self._weekday_word is None:
            self._weekday_word = re.compile(rf"\b{weekdays.regex()}(?!\w)", re.I)
        return self._weekday_word

    def opens_on_weekday(self, text: str) -> bool:
        """Whether ``text`` opens on a weekday's name ('Sunday', 'Sunday night'; not 'Christmas')."""
        words = self._weekday_words()
        return words is not None and words.match(text) is not None

    def weekday_named(self, hit: Hit, text: str) -> int | None:
        """The ISO weekday a match of a rule with a ``weekday`` field names ('Friday (Nov 7)': 5),
        or None."""
        weekdays, words = self.classes.get("weekday"), self._weekday_words()
        if words is None or not any(kind == "weekday" for _, kind in hit.rule.fields):
            return None
        found = words.search(text, hit.start, hit.end)
        value = weekdays.normalise(found.group()) if found else ""
        return int(value) if value.isdigit() else None

    def heads_list_ahead(self, text: str) -> bool:
        """Whether ``text``, the lines before a list of dates, tells it is one of what is to come:
        a word of ``list_ahead``."""
        return self._list_ahead is not None and self._list_ahead.search(text) is not None

    def refines_year(self, gap: str) -> bool:
        """Whether ``gap``, the text between a year (or a month of a year) and a day or month
        without its year, puts the second in the first's year: a word of ``refined_year``."""
        return self._refined_year is not None and self._refined_year.fullmatch(gap) is not None

    def _narrowed(self, long_key: str, rules: tuple) -> tuple[tuple[re.Pattern, Rule, bool], ...]:
        """Those of ``rules`` (the candidates of the key ``long_key`` begins with) that may match
        where the text has ``long_key``."""
        if len(self._by_long_key) >= MAX_KEYS_KEPT:
            self._by_long_key.clear()
        narrowed = self._by_long_key[long_key] = self._rules_of(
            tuple(self._index.narrowed([rule.index for _, rule, _ in rules], long_key)))
        return narrowed

    def _rules_for(self, key: str) -> tuple[tuple[re.Pattern, Rule, bool], ...]:
        """The rules that may match where the text has ``key`` (prefixes.py), in file order."""
        rules = self._by_key.get(key)
        if rules is None:
            if len(self._by_key) >= MAX_KEYS_KEPT:  # (a long stream meets ever more keys: memory stays flat)
                self._by_key.clear()
            rules = self._by_key[key] = self._rules_of(tuple(self._index.candidates(key)))
        return rules

    def _rules_of(self, indexes: tuple[int, ...]) -> tuple[tuple[re.Pattern, Rule, bool], ...]:
        """The compiled rules of ``indexes``, one tuple for every key that admits the same ones."""
        rules = self._by_rules.get(indexes)
        if rules is None:
            rules = self._by_rules[indexes] = tuple(self.compiled(i) for i in indexes)
        return rules

    def compiled(self, index: int) -> tuple[re.Pattern, Rule, bool]:
        """The rule at ``index``, compiled (the first time it is asked for), and whether it matches
        over folded text."""
        found = self._compiled[index]
        if found is None:
            folded = self._folded[index]
            found = self._compiled[index] = (re.compile(self._bodies[index], 0 if folded else re.I),
                                             self.rules[index], folded)
        return found

    def tense_reader(self, text: str, folded: str | None = None) -> "TenseReader":
        """A reader of the tense around the expressions of ``text`` (``folded``: its ``fold``, when
        the caller has it)."""
        return TenseReader(self._tense, self._marks, self._modifier, text, self._tense_scan, self._recheck, folded,
                           self._fronting, self._happened, self._foreseen)


class TenseReader:
    """The tense around an expression, and whether it governs the expression.

    The tense is that of the nearest cue before the expression in its sentence, else of the
    nearest after it, within ``TENSE_WINDOW`` characters; but where a ``boundary`` (not a
    ``joiner`` such as 'and') stands between the cue before and the expression, a cue after the
    expression in its own clause tells the tense ("warned that winds on Sunday could push").  A
    cue before the expression governs it when no ``boundary`` (or ``joiner``) of the language's
    ``clauses.tsv`` lies between them (else it stands apart, in another clause) and the
    expression modifies no noun (no ``modifier`` right before it: "the May 3 vote").  A cue
    after the expression stands aside, as does any cue of an expression that modifies a noun: it
    is as often the verb of a clause whose subject holds the date ("the May 3 vote could cost
    millions").  Cues that do not govern tell how the text around is told, not when the
    expression is.  A cue of scope ``forward`` tells only what
    follows it in its clause ("since May", not "a long weekend, since school is out", nor "since
    then, and will return on Tuesday").  A cue of scope ``yields`` gives way to a future cue
    before it in its clause: "ahead of Thursday's vote" is the nearest Thursday after "shares
    rose", the coming one after "will meet".  A cue of scope ``alone`` tells what follows it only
    where no cue stands before it in its clause: a headline's "Senate to vote on bill Thursday",
    not "He flew to Paris to visit his mother on Monday".  A time that opens its sentence after a
    ``fronting`` word of clauses.tsv ("In February, ...") is told ahead of its clause: a past that
    is that clause's first cue after it, no other clause between, governs it and tells it gone
    ("In February, the rebels took the town"; not "In March, the rules take effect, officials said").
    A time right before a ``happened`` noun of clauses.tsv dates a happening that has taken place:
    it is gone, whatever its clause tells ("Japan is still recovering from the March 11 earthquake",
    said in December, is last March; "will investigate Thursday's accident", said on a Friday); not
    after a ``foreseen`` word ("foiled the planned May 3 attack", "warned of a Christmas Day attack").
    A ``continues`` mark ("and" before a bare verb: "will reach the comet in August and try to land
    in November") joins the verb after it to the clause before: a cue before it governs across it,
    but a cue of scope ``forward`` stops at it.  A time opening its sentence before a future seen from the past,
    of scope ``forward`` ("On Friday, the government planned to pay the nurses"), is that past.

    Cues and marks are read once, left to right, only where expressions need them: reading a
    whole text costs one scan at most, however many expressions it has.
    """

    def __init__(self, pattern: re.Pattern, kinds: list[tuple[str | None, str]], modifier: re.Pattern | None,
                 text: str, scan: re.Pattern | None = None, recheck: dict[int, re.Pattern] | None = None,
                 folded: str | None = None, fronting: re.Pattern | None = None, happened: re.Pattern | None = None,
                 foreseen: re.Pattern | None = None):
        self._pattern, self._kinds, self._modifier, self._text = pattern, kinds, modifier, text
        self._fronting, self._happened, self._foreseen = fronting, happened, foreseen
        # the fast scan over folded text, with the marks whose place the exact pattern decides
        self._scan, self._recheck = scan, recheck or {}
        self._folded = text if scan is None else folded if folded is not None else fold(text)
        self._starts: list[int] = []
        self._marks: list[tuple[int, int]] = []  # (end, index into the kinds), parallel to _starts
        self._read_to = 0

    def tense(self, start: int, end: int, bounds: tuple[int, int]) -> tuple[str | None, str | None]:
        """``(tense, reach)`` for ``text[start:end]`` in the sentence ``bounds``: the tense as
        tense.tsv names it and how its cue stands to the expression: ``GOVERNS``, ``APART`` (before
        it, in another clause) or ``ASIDE`` (after it, or the expression modifies a noun); both
        None without a cue.  A past after a time told at the head of its clause governs it, as
        ``GONE``, as is a time that dates a ``happened`` noun right after it, whatever its clause."""
        if self._happened is not None and self._happened.match(self._text, end, bounds[1]) \
                and not self._foreseen_before(start, end, bounds[0]):
            return GONE, GOVERNS  # ('is still recovering from the March 11 earthquake', said in December)
        low, high = max(bounds[0], start - TENSE_WINDOW), min(bounds[1], end + TENSE_WINDOW)
        self._read(low, high)
        starts, marks, kind = self._starts, self._marks, self._kind
        j = bisect.bisect_left(starts, start) - 1
        # a mark overlapping the expression stands aside, but for a cue begun before it, whose
        # last word the expression is ("will be Monday", "will have Monday off")
        while j >= 0 and marks[j][0] > start and kind(j)[1] != CUE:
            j -= 1
        modifies = bool(self._modifier and self._modifier.search(self._text, max(low, start - 20), start))
        reach, crossed = ASIDE if modifies else GOVERNS, None  # crossed: the kind of the nearest boundary crossed
        yielding = None  # (tense, reach) of a cue that gives way to a future before it
        while j >= 0 and starts[j] >= low:
            tense, what = kind(j)
            if what == ALONE:  # (it tells what follows it, where no cue before it in its clause does)
                if self._cue_in_clause_before(j, low):
                    j -= 1
                    continue
                what = FORWARD
            if yielding is not None and (what in _BOUNDARIES or what == CUE):
                return (tense, yielding[1]) if what == CUE and tense == FUTURE else yielding
            if what == CUE or (what == FORWARD and not crossed):
                if crossed == BOUNDARY:  # the expression's own clause may tell it after it
                    own = self._cue_in_clause_after(end, high)
                    if own is not None:
                        return own, ASIDE
                return tense, reach
            if what == YIELDS and not crossed:
                yielding = tense, reach
            if what in _BOUNDARIES:
                crossed, reach = crossed or what, APART if reach == GOVERNS else reach
            elif what == CONTINUES:  # (the verb after it goes on with the clause: its cue, not a preposition's)
                crossed = crossed or what
            j -= 1
        if yielding is not None:
            return yielding
        fronted = self.fronted(start, bounds)
        k = bisect.bisect_left(starts, end)
        while k < len(starts) and marks[k][0] <= high:
            tense, what = kind(k)
            if what == CUE:
                if fronted and tense == PAST:
                    return GONE, GOVERNS  # (told before its clause, opening the sentence: the past after it is its own)
                return tense, ASIDE
            if what == FORWARD and tense == PROSPECTIVE and fronted:  # (a future seen from a past moment, which
                return PAST, ASIDE  # a time opening the clause tells: 'On Friday, the government planned to pay';
                # not 'Thursday's hearing, at which Hayward promised to testify')
            if what in _BOUNDARIES and starts[k] > end + 1:
                fronted = False  # (past the mark that closes it: another clause's cue is not its own)
            k += 1
        return None, None

    def fronted(self, start: int, bounds: tuple[int, int]) -> bool:
        """Whether the expression at ``start`` opens its sentence (``bounds``) after a ``fronting``
        word alone ("In 1918, ...")."""
        return self._fronting is not None and self._fronting.fullmatch(self._text, bounds[0], start) is not None

    def clause_apart(self, start: int, end: int) -> bool:
        """Whether a ``boundary`` or ``joiner`` of clauses.tsv stands between offsets ``start`` and
        ``end``: what is told at each is in a clause of its own."""
        self._read(self._read_to, end)  # (on from where reading stopped: no stretch is left unread)
        j = bisect.bisect_left(self._starts, start)
        while j < len(self._starts) and self._starts[j] < end:
            if self._kind(j)[1] in _BOUNDARIES:
                return True
            j += 1
        return False

    def _foreseen_before(self, start: int, end: int, low: int) -> bool:
        """Whether a ``foreseen`` word stands right before the expression ``text[start:end]``, or
        opens it ('will need a Sunday win'), from ``low`` on."""
        if self._foreseen is None:
            return False
        lo, first = max(low, start - BEFORE_REACH), self._text.find(" ", start, end)
        return bool(self._foreseen.search(self._text, lo, start)
                    or first != -1 and self._foreseen.search(self._text, lo, first + 1))

    def _cue_in_clause_before(self, j: int, low: int) -> bool:
        """Whether a cue stands before mark ``j`` in its clause, from ``low`` on."""
        k = j - 1
        while k >= 0 and self._starts[k] >= low:
            what = self._kind(k)[1]
            if what in _BOUNDARIES:
                return False
            if what in (CUE, FORWARD, YIELDS, ALONE):
                return True
            k -= 1
        return False

    def _cue_in_clause_after(self, end: int, high: int) -> str | None:
        """The tense of the first cue after ``end`` in the same clause, None if there is none."""
        k = bisect.bisect_left(self._starts, end)
        while k < len(self._starts) and self._marks[k][0] <= high:
            tense, what = self._kind(k)
            if what in _BOUNDARIES:
                return None
            if what == CUE:
                return tense
            k += 1
        return None

    def _kind(self, i: int) -> tuple[str | None, str]:
        return self._kinds[self._marks[i][1]]

    def _read(self, low: int, high: int) -> None:
        if high <= self._read_to:
            return
        scan, text = (self._scan, self._folded) if self._scan is not None else (self._pattern, self._text)
        at = max(low, self._read_to)
        while (m := scan.search(text, at, high)) is not None:
            name = m.lastgroup
            place, stop = m.span(name)  # (the scan's match may be only the group's first character)
            index, start = int(name[1:]), place
            own = self._recheck.get(index) if self._scan is not None else None
            if own is not None:
                exact = own.match(self._text, place, high) or self._pattern.match(self._text, place, high)
                if exact is None:  # only the case-blind scan matched here
                    at = place + 1
                    continue
                index, (start, stop) = int(exact.lastgroup[1:]), exact.span()
            self._starts.append(start)
            self._marks.append((stop, index))
            at = max(stop, place + 1)
        self._read_to = high


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """The compiled grammar of ``lang`` (built once per process)."""
    read_lines(lang, "temporal", "rules.tsv")  # a clear error when the language has no data
    return Grammar(lang)


@lru_cache(maxsize=None)
def counted_rules(lang: str) -> frozenset[str]:
    """The names of the rules of ``lang`` whose expressions are counted from another time the text
    tells ('a year earlier', 'the day before': ``anchor=context``)."""
    return frozenset(rule.name for rule in grammar(lang).rules if dict(rule.options).get("anchor") == "context")
