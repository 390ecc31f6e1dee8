"""Which rules can match at a position, from the first few characters there.

Trying every rule at every word is what makes a rule-based tagger slow.  Each rule's pattern is
analysed once (with Python's own regular-expression parser) for the set of *keys* its matches can
begin with: their first ``KEY_LENGTH`` characters, lower-cased, with digits written ``0`` and any
run of whitespace as one space.  At a position in the text, only the rules whose key set admits
the key found there are tried.  A key set is a superset of what can match, so nothing is lost.

A key reaches into the second word of the many rules that open on a short word: "the 1990s", "the
third quarter", "about 20 years", "the coming week".  With keys of 6 characters "the co" let 24
rules be tried at every "the company", and a place that opens no expression cost about nine tries;
with 8 ("the comp") it costs three, and finding expressions takes about 30% less time.  The gate that
finds the places to look at reads only the first ``GATE_LENGTH`` characters (a regex of the longer
keys is slow to build), and a pattern whose long keys would be too many (a street number: any
digits, then any of hundreds of street names) is described by its first ``GATE_LENGTH`` characters,
or by its first character only.  A match that goes on with what cannot be listed (any word, any
character but one) is described by what comes before it ('has' and any adverb: 'has '), not by its
first character: a rule that opened on any capital letter sent the tagger to every word.

Where a key still admits many rules ('the firs': every 'the first ...'), a key of
``LONG_KEY_LENGTH`` characters narrows them ('the first ti'), from the rules' longer prefixes where
those are few enough to list.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from functools import lru_cache
from pathlib import Path

try:
    from re import _parser as _sre  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre

KEY_LENGTH = 8
# where a key admits many rules ('the firs': 'the first quarter', 'the first half of', ... 45 of
# them, at each 'the first time'), a longer one narrows them ('the first ti'): the rules' prefixes
# of this many characters, where they are at most LONG_KEY_LIMIT (else the rule stays admitted)
LONG_KEY_LENGTH, LONG_KEY_LIMIT = 12, 4000
GATE_LENGTH = 6  # the gate looks for the places where some key begins by this many characters
LONG_LIMIT = 5000  # above this many keys of KEY_LENGTH a pattern is described by GATE_LENGTH ...
_LIMIT = 20000  # ... and above this many of those, by its first character only
_SPACES = re.compile(r"\s+")
# ends a prefix where a match goes on with what cannot be listed (any word character, any character
# but one): such a prefix admits every key that begins with what comes before it
_OPEN = "\0"
# ASCII digits to "0" and every character ``\s`` matches to a space, one for one (U+3000, the
# ideographic space, is the last of them)
_KEY_CHARS = str.maketrans({**{str(d): "0" for d in range(10)},
                            **{chr(c): " " for c in range(0x3000 + 1) if chr(c).isspace()}})


def keyed(text: str) -> str | None:
    """``text`` lower-cased with digits and blanks as keys write them, one character for one, for
    :func:`key_at` to read from; None where lower case changes the length ('İ')."""
    lowered = text.lower().translate(_KEY_CHARS)
    return lowered if len(lowered) == len(text) else None


def key_at(text: str, at: int, keyed_text: str | None = None) -> str:
    """The key of ``text`` at ``at``: what the prefix sets of the rules are compared with
    (``keyed_text``: the text's :func:`keyed`, when the caller has it)."""
    if keyed_text is not None:
        key = keyed_text[at:at + KEY_LENGTH]
        if "  " not in key:  # (a run of blanks further on does not change the key)
            return key
    window = text[at:at + 3 * KEY_LENGTH].lower().translate(_KEY_CHARS)
    return (_SPACES.sub(" ", window) if "  " in window else window)[:KEY_LENGTH]


def prefixes(pattern: str) -> frozenset[str] | None:
    """The prefixes that matches of ``pattern`` begin with, as keys (a shorter one admits every
    key it begins: a whole match, a match that goes on with what cannot be listed ('has' and a
    word ending in 'ly': 'has '), or all a pattern with too many long keys is described by), or
    None when they cannot be bounded (a match may begin with any word character).  Patterns with
    too many distinct keys (a run of any letters) are described by their first character only."""
    return _bounded(pattern, ((KEY_LENGTH, LONG_LIMIT), (GATE_LENGTH, _LIMIT), (1, _LIMIT)))


def long_prefixes(pattern: str) -> frozenset[str] | None:
    """The prefixes of :func:`prefixes`, of up to ``LONG_KEY_LENGTH`` characters; None where they
    are more than ``LONG_KEY_LIMIT``."""
    return _bounded(pattern, ((LONG_KEY_LENGTH, LONG_KEY_LIMIT),))


def _bounded(pattern: str, tiers) -> frozenset[str] | None:
    """The keys of ``pattern``'s matches, of the first (length, most keys) of ``tiers`` that bounds
    them, else None."""
    parsed = _sre.parse(pattern, re.I)
    for length, limit in tiers:
        try:
            keys = _sequence(parsed, length, limit)
        except _Unbounded:
            continue
        if _OPEN in keys:  # (a match may open with what cannot be listed)
            return None
        return frozenset(key.rstrip(_OPEN) for key in keys)
    return None


@lru_cache(maxsize=None)
def first_class(pattern: str) -> str | None:
    """A character class (``[...]``) that the first character of every match of ``pattern``
    (compiled case-blind) belongs to, or None when a match may be empty or may begin with too
    many characters.  Put in a lookahead before an alternative, it makes the alternative fail at
    once where its first character cannot be, before any of its lookbehinds is tried."""
    try:
        keys = _sequence(_sre.parse(pattern, re.I), 1)
    except (_Unbounded, re.error):
        return None
    if "" in keys or _OPEN in keys:
        return None
    special = {"0": r"\d", " ": r"\s"}
    return "[" + "".join(special.get(key, re.escape(key)) for key in sorted(keys)) + "]"


CACHE_VARIABLE = "TIMELINE_CACHE_DIR"  # where the analysis is kept between runs; empty: nowhere


def cache_folder() -> Path | None:
    """The folder the analysis of a language's rules is kept in between runs: the environment
    variable ``TIMELINE_CACHE_DIR`` (set but empty: none), else ``timeline`` in the user's cache
    folder (``XDG_CACHE_HOME`` or ``~/.cache``; none without a home)."""
    folder = os.environ.get(CACHE_VARIABLE)
    if folder is not None:
        return Path(folder) if folder else None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # (a relative one is to be ignored, as the XDG rules say)
        home = os.path.expanduser("~")
        if not os.path.isabs(home):  # no home: no cache, rather than a folder named '~' here
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "timeline"


def all_prefixes(patterns: list[str], long: bool = False) -> list[frozenset[str] | None]:
    """:func:`prefixes` of each pattern (with ``long``, :func:`long_prefixes`).  Analysing a
    language's rules takes a few tenths of a second, at every start of a process; reading the
    result back takes milliseconds.  So it is kept in :func:`cache_folder`, in a JSON file named by
    a hash of the patterns, of this module's source and of which analysis it is (a changed rule or
    a changed analysis is a new file).  A cache that cannot be read or written is no error: the
    analysis is then done again."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + (b"long" if long else b""))
    for pattern in patterns:
        digest.update(pattern.encode("utf-8", "surrogatepass") + b"\0")
    folder = cache_folder()
    path = folder / f"prefixes-{digest.hexdigest()[:32]}.json" if folder else None
    if path is not None:
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
            if len(kept) == len(patterns) and all(keys is None or (
                    isinstance(keys, list) and all(isinstance(k, str) for k in keys)) for keys in kept):
                return [None if keys is None else frozenset(keys) for keys in kept]
        except (OSError, ValueError, TypeError):
            pass
    found = [(long_prefixes if long else prefixes)(pattern) for pattern in patterns]
    if path is not None:
        _write_whole(path, json.dumps([None if keys is None else sorted(keys) for keys in found]))
        _prune(path.parent, path)
    return found


STALE_DAYS = 30  # an analysis written this long ago goes when another is written (see _prune)


def _prune(folder: Path, kept: Path) -> None:
    """Remove the analyses in ``folder`` written more than ``STALE_DAYS`` ago, but ``kept``: each
    change of the rules or of this module writes new ones, and the old ones would pile up (about
    2 MB each time).  One still in use, by another installed version, is only made again."""
    limit = time.time() - STALE_DAYS * 86400
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.name.startswith("prefixes-") and entry.name.endswith(".json") and entry.path != str(kept) \
                    and entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                os.unlink(entry.path)
        except OSError:
            pass


def _write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (another process may be reading it)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink()
        except OSError:
            pass


class PrefixIndex:
    """Which of a list of patterns may match where the text has a given key."""

    def __init__(self, patterns: list[str]):
        # (tens of thousands of keys share a few hundred lists of patterns: each kept once)
        shared: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._everywhere, self._by_prefix = _inverted(all_prefixes(patterns), shared)
        unnarrowed, self._by_long_prefix = _inverted(all_prefixes(patterns, long=True), shared)
        self._unnarrowed = set(unnarrowed)  # the patterns a long key does not narrow

    def gate(self) -> str:
        """A regex that matches where some pattern's key begins (anywhere if one is unbounded)."""
        if self._everywhere:
            return ""
        return "(?=" + trie_regex({key[:GATE_LENGTH] for key in self._by_prefix}, {" ": r"\s+", "0": r"\d"}) + ")"

    def candidates(self, key: str) -> list[int]:
        """Indexes (ascending) of the patterns whose matches may begin with ``key``."""
        return sorted(_admitted(self._by_prefix, key, self._everywhere))

    def narrowed(self, indexes, long_key: str) -> list[int]:
        """Those of ``indexes`` (the candidates of the key ``long_key`` begins with) whose matches
        may begin with ``long_key``, of ``LONG_KEY_LENGTH`` characters, in their order."""
        found = _admitted(self._by_long_prefix, long_key, self._unnarrowed)
        return [index for index in indexes if index in found]


def _inverted(found: list[frozenset[str] | None], shared: dict) -> tuple[list[int], dict[str, tuple[int, ...]]]:
    """The patterns of no keys (``found``: each pattern's), and for each key the patterns (ascending)
    that have it, as tuples kept once in ``shared``."""
    unbounded: list[int] = []
    table: dict[str, list[int]] = {}
    for index, keys in enumerate(found):
        if keys is None:
            unbounded.append(index)
        else:
            for k in keys:
                table.setdefault(k, []).append(index)
    return unbounded, {k: shared.setdefault(tuple(indexes), tuple(indexes)) for k, indexes in table.items()}


def _admitted(table: dict[str, tuple[int, ...]], key: str, always) -> set[int]:
    """The patterns ``table`` gives for any beginning of ``key`` (a whole key, or a shorter one that
    admits all it begins), and ``always``."""
    found = set(always)
    for n in range(len(key) + 1):
        found.update(table.get(key[:n], ()))
    return found


def trie_regex(words, special: dict[str, str] | None = None) -> str:
    """One regex for a set of literal strings, shaped as a trie (longer alternatives first).

    ``special`` maps characters to the regex they stand for (by default a space stands for any
    run of whitespace).
    """
    special = special or {" ": r"\s+"}
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        # (neighbouring branches that go on alike share what follows: '[12] and a half' for
        # '1 and a half|2 and a half', which matches the same, in the same order, and is shorter
        # to compile: the number words are written into dozens of rules)
        runs: list[tuple[list[str], str]] = []  # (the characters, the regex after them)
        for ch, child in sorted(node.items()):
            if ch:
                rest = emit(child)
                if runs and runs[-1][1] == rest:
                    runs[-1][0].append(ch)
                else:
                    runs.append(([ch], rest))
        if not runs:
            return ""
        branches = [_either(chars, special) + rest for chars, rest in runs]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


def _either(chars: list[str], special: dict[str, str]) -> str:
    """A regex for any one of ``chars`` (each a regex of ``special`` or itself), tried in their order."""
    if len(chars) == 1:
        return special.get(chars[0], re.escape(chars[0]))
    if any(ch in special for ch in chars):
        return "(?:" + "|".join(special.get(ch, re.escape(ch)) for ch in chars) + ")"
    return "[" + "".join(re.escape(ch) for ch in chars) + "]"


class _Unbounded(Exception):
    pass


def _join(left: set[str], right: set[str], length: int, limit: int) -> set[str]:
    out = set()
    for a in left:
        if len(a) >= length or a.endswith(_OPEN):
            out.add(a)
            continue
        for b in right:
            s = a + b
            if "  " in s:
                s = _SPACES.sub(" ", s)
            out.add(s[:length])
    if len(out) > limit:
        raise _Unbounded
    return out


def _sequence(items, length: int, limit: int = _LIMIT) -> set[str]:
    """Prefixes (at most ``length`` characters) of the matches of a parsed sequence; more than
    ``limit`` of them at any step: ``_Unbounded``."""
    found = {""}
    for op, av in items:
        short = [len(s) for s in found if len(s) < length and not s.endswith(_OPEN)]
        if not short:
            break
        room = length - min(short)  # no item needs to be followed further than this
        found = _join(found, _item(op, av, room, limit), length, limit)
    return found


def _char(code: int) -> str:
    ch = chr(code).lower()
    if ch.isdigit():
        return "0"
    return " " if ch.isspace() else ch


def _item(op, av, room: int, limit: int) -> set[str]:
    if op is _sre.LITERAL:
        return {_char(av)}
    if op is _sre.IN:
        chars = set()
        for kind, arg in av:
            if kind is _sre.LITERAL:
                chars.add(_char(arg))
            elif kind is _sre.RANGE and arg[1] - arg[0] < 128:
                chars.update(_char(c) for c in range(arg[0], arg[1] + 1))
            elif kind is _sre.CATEGORY and arg is _sre.CATEGORY_DIGIT:
                chars.add("0")
            elif kind is _sre.CATEGORY and arg is _sre.CATEGORY_SPACE:
                chars.add(" ")
            else:
                return {_OPEN}
        return chars
    if op is _sre.SUBPATTERN:
        return _sequence(av[-1], room, limit)
    if op is _sre.BRANCH:
        return set().union(*(_sequence(branch, room, limit) for branch in av[1]))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, body = av
        once = _sequence(body, room, limit)
        found, current = ({""} if low == 0 else set()), {""}
        for n in range(1, min(high, room) + 1):
            current = _join(current, once, room, limit)
            if n >= low:
                found |= current
        if high > room:  # longer repetitions begin like the longest counted ones
            found |= current
        return found
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {""}
    return {_OPEN}  # (any character, any but one, a group's text again ...)
