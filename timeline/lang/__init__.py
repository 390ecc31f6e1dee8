"""Language data: each language is a folder of plain data files the engines load.

Every data file starts with ``#`` comment lines that say its format; blank lines and lines
starting with ``#`` are ignored.  A second language is a new folder, not new code.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parent
DEFAULT_LANGUAGE = "en"


_NAME = re.compile(r"[A-Za-z][\w-]*")  # a language's folder: a name, never a path ('en/../..')


def languages() -> list[str]:
    """The languages that have data: the folders here."""
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and _NAME.fullmatch(p.name))


def data_path(lang: str, *parts: str) -> Path:
    """The path of a data file of ``lang``; raises ``ValueError`` for a language with no data (a
    caller's wrong argument) and ``FileNotFoundError`` naming a file the language does not have."""
    if not (_NAME.fullmatch(lang) and LANG_DIR.joinpath(lang).is_dir()):
        raise ValueError(f"lang must be a language with data ({', '.join(languages())}), not {lang!r}")
    path = LANG_DIR.joinpath(lang, *parts)
    if not path.exists():
        raise FileNotFoundError(f"no language data {'/'.join(parts)!r} for language {lang!r}")
    return path


@lru_cache(maxsize=None)
def read_lines(lang: str, *parts: str) -> tuple[str, ...]:
    """The meaningful lines of a data file: stripped, without blanks and ``#`` comments."""
    lines = []
    for raw in data_path(lang, *parts).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return tuple(lines)


@lru_cache(maxsize=None)
def read_table(lang: str, *parts: str, sep: str = "\t") -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated data file (comments and blank lines skipped)."""
    return tuple(tuple(cell.strip() for cell in line.split(sep)) for line in read_lines(lang, *parts))


_PART = re.compile(r"\{([a-z_]+)\}")


def filled_lines(lines) -> list[str]:
    """``lines`` with their parts filled in: a line "part = regex" defines a part (and is no line
    of its own), and {part} in a later line stands for it."""
    parts: dict[str, str] = {}
    filled = []

    def fill(pattern: str) -> str:
        return _PART.sub(lambda m: parts.get(m.group(1), m.group()), pattern)

    for line in lines:
        part, equals, pattern = line.partition(" = ")
        if equals and re.fullmatch(r"[a-z_]+", part):
            parts[part] = fill(pattern)
        else:
            filled.append(fill(line))
    return filled
