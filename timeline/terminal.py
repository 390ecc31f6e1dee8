"""Text for a terminal: whatever an article, a file name or a folder name holds, printed as one
plain line."""

from __future__ import annotations

import re

# Characters a terminal acts on or that change how a line reads: C0 and C1 controls (ESC starts
# colour, cursor and OSC sequences; CR and LF forge lines), DEL, line and paragraph separators,
# bidirectional overrides, isolates and marks, zero-width and invisible characters (the soft
# hyphen, the Mongolian vowel separator, interlinear annotation marks, the tag characters that can
# hide text), lone surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069"
                          "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]")


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
