"""Text for a terminal: whatever an article, a file name or a folder name holds, printed as one
plain line."""

from __future__ import annotations

import re

from timeline.text import INVISIBLE_CHARACTERS

# Characters a terminal acts on or that change how a line reads: C0 and C1 controls (ESC starts
# colour, cursor and OSC sequences; CR and LF forge lines), DEL, line and paragraph separators,
# bidirectional overrides, isolates and marks, lone surrogates; and every character that shows
# nothing (text.INVISIBLE_CHARACTERS: zero-width ones, the soft hyphen, variation selectors, fillers,
# the tag characters that can hide text), the joiners, the other format characters (number signs
# that take the digits after them, hieroglyph and musical format controls) and the braille blank,
# which looks like a space: 'report\u3164.json' does not print as another file's name.
_UNPRINTABLE = re.compile(f"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ud800-\udfff{INVISIBLE_CHARACTERS}"
                          "\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u2800\ufff9-\ufffb\U000110bd\U000110cd"
                          "\U00013430-\U0001343f]")


def printable(text: str) -> str:
    """``text`` safe to print on a terminal as one line: every character that could act on the
    terminal or change the line's reading is written as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNPRINTABLE.sub(_escaped, str(text))


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


SHOWN_CHARS = 60  # the most of a bad value an error message quotes


def quoted(value: str, limit: int = SHOWN_CHARS) -> str:
    """A bad ``value`` quoted in an error message, cut short past ``limit`` characters (a value of
    thousands of characters is not echoed whole)."""
    value = str(value)
    return repr(value if len(value) <= limit else value[:limit - 1] + "\u2026")
