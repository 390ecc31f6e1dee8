"""Which rules can match at a position, from the first few characters there.

Trying every rule at every word is what makes a rule-based tagger slow.  Each rule's pattern is
analysed once (with Python's own regular-expression parser) for the set of *keys* its matches can
begin with: their first ``KEY_LENGTH`` characters, lower-cased, with digits written ``0`` and any
run of whitespace as one space.  At a position in the text, only the rules whose key set admits
the key found there are tried.  A key set is a superset of what can match, so nothing is lost.
"""

from __future__ import annotations

import re

try:
    from re import _parser as _sre  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre

KEY_LENGTH = 6
_LIMIT = 20000  # above this many keys a pattern is described by its first character only
_SPACES = re.compile(r"\s+")
_DIGITS = str.maketrans("0123456789", "0000000000")


def key_at(text: str, at: int) -> str:
    """The key of ``text`` at ``at``: what the prefix sets of the rules are compared with."""
    window = text[at:at + 3 * KEY_LENGTH].lower().translate(_DIGITS)
    return _SPACES.sub(" ", window)[:KEY_LENGTH]


def prefixes(pattern: str) -> frozenset[str] | None:
    """The prefixes that matches of ``pattern`` begin with, as keys (shorter ones are whole
    matches), or None when they cannot be bounded.  Patterns with too many distinct keys (a run
    of any letters) are described by their first character only."""
    parsed = _sre.parse(pattern, re.I)
    for length in (KEY_LENGTH, 1):
        try:
            return frozenset(_sequence(parsed, length))
        except _Unbounded:
            continue
    return None


class PrefixIndex:
    """Which of a list of patterns may match where the text has a given key."""

    def __init__(self, patterns: list[str]):
        self._everywhere: list[int] = []
        self._by_prefix: dict[str, list[int]] = {}
        for index, pattern in enumerate(patterns):
            keys = prefixes(pattern)
            if keys is None:
                self._everywhere.append(index)
            else:
                for k in keys:
                    self._by_prefix.setdefault(k, []).append(index)

    def gate(self) -> str:
        """A regex that matches where some pattern's key begins (anywhere if one is unbounded)."""
        if self._everywhere:
            return ""
        return "(?=" + trie_regex(self._by_prefix, {" ": r"\s+", "0": r"\d"}) + ")"

    def candidates(self, key: str) -> list[int]:
        """Indexes (ascending) of the patterns whose matches may begin with ``key``."""
        found = set(self._everywhere)
        for n in range(len(key) + 1):
            found.update(self._by_prefix.get(key[:n], ()))
        return sorted(found)


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
        branches = [special.get(ch, re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


class _Unbounded(Exception):
    pass


def _join(left: set[str], right: set[str], length: int) -> set[str]:
    out = set()
    for a in left:
        if len(a) >= length:
            out.add(a)
            continue
        for b in right:
            s = a + b
            if "  " in s:
                s = _SPACES.sub(" ", s)
            out.add(s[:length])
    if len(out) > _LIMIT:
        raise _Unbounded
    return out


def _sequence(items, length: int) -> set[str]:
    """Prefixes (at most ``length`` characters) of the matches of a parsed sequence."""
    found = {""}
    for op, av in items:
        short = [len(s) for s in found if len(s) < length]
        if not short:
            break
        room = length - min(short)  # no item needs to be followed further than this
        found = _join(found, _item(op, av, room), length)
    return found


def _char(code: int) -> str:
    ch = chr(code).lower()
    if ch.isdigit():
        return "0"
    return " " if ch.isspace() else ch


def _item(op, av, room: int) -> set[str]:
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
                raise _Unbounded
        return chars
    if op is _sre.SUBPATTERN:
        return _sequence(av[-1], room)
    if op is _sre.BRANCH:
        return set().union(*(_sequence(branch, room) for branch in av[1]))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, body = av
        once = _sequence(body, room)
        found, current = ({""} if low == 0 else set()), {""}
        for n in range(1, min(high, room) + 1):
            current = _join(current, once, room)
            if n >= low:
                found |= current
        if high > room:  # longer repetitions begin like the longest counted ones
            found |= current
        return found
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {""}
    raise _Unbounded
