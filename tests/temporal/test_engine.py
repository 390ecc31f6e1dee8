"""The rule engine: data files, templates, and the shortcut that picks the rules to try."""

from __future__ import annotations

import json
import re
from itertools import takewhile

import pytest

import timeline.lang
from timeline import tag
from timeline.lang import LANG_DIR
from timeline.temporal.engine import Grammar, fill, grammar
from timeline.temporal.prefixes import (GATE_LENGTH, KEY_LENGTH, LONG_KEY_LENGTH, PrefixIndex, first_class, key_at,
                                        prefixes, trie_regex)

DATA = sorted((LANG_DIR / "en" / "temporal").glob("*.tsv"))


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.name)
def test_every_data_file_states_its_format_first(path):
    header = list(takewhile(lambda line: line.startswith("#"), path.read_text(encoding="utf-8").splitlines()))
    assert any(line.startswith("# Format: ") for line in header)


@pytest.mark.parametrize("template, values, expected", [
    ("{year}-{month}-{day:02}", {"year": "2017", "month": "09", "day": "6"}, "2017-09-06"),
    ("T{hour+12:02}:{minute|00}", {"hour": "4"}, "T16:00"),
    ("P{count*10}Y", {"count": "2"}, "P20Y"),
    ("P{count}Y", {"count": "2.5"}, "P2.5Y"),
    ("{mod}", {}, ""),
])
def test_templates_are_filled_from_the_captured_words(template, values, expected):
    assert fill(template, values) == expected


@pytest.mark.parametrize("pattern, text, admitted", [
    ("(?:the )?third quarter", "the third quarter", True),
    ("(?:the )?third quarter", "third quarter", True),
    ("(?:the )?third quarter", "the year", False),
    (r"\d{4}", "1998", True),
    (r"\d{4}", "x998", False),
    ("now", "now,", True),
])
def test_prefix_sets_admit_every_possible_match(pattern, text, admitted):
    keys = prefixes(pattern.replace(" ", r"\s+"))
    key = key_at(text, 0)
    assert any(key.startswith(k) for k in keys) is admitted


def test_a_key_reaches_into_the_second_word_of_a_rule_that_opens_on_a_short_one():
    """Where a text has "the company", a rule for "the coming week" is not tried."""
    keys = prefixes(r"(?:the\s+)?coming\s+week")
    def admitted(text):
        return any(key_at(text, 0).startswith(k) for k in keys)
    assert admitted("the coming week") and admitted("The  Coming weeks") and admitted("coming week")
    assert not admitted("the company said") and not admitted("the come-back")


def test_a_pattern_with_too_many_long_keys_is_described_by_shorter_ones_that_admit_all_it_matches():
    """A number before any of thousands of names ("12 abc street"): its keys stop at the gate's length."""
    letters = "abcdefghijklmnop"
    names = "|".join(a + b + c for a in letters for b in letters for c in letters)
    keys = prefixes(rf"\d{{1,4}}\s+(?:{names})\s+street")
    assert keys is not None and max(map(len, keys)) == GATE_LENGTH < KEY_LENGTH
    for text, admitted in (("12 abc street", True), ("1200 pop street", True), ("12 years", False)):
        assert any(key_at(text, 0).startswith(k) for k in keys) is admitted


def test_a_key_stops_where_a_match_goes_on_with_any_word_not_at_the_first_character():
    """'has' or 'have', perhaps an adverb in -ly, then 'until': the keys reach up to the adverb
    ('has '), so that the rule is tried at 'has ...' (any word may follow), not at every word in h."""
    keys = prefixes(r"(?:has|have)(?:\s+\w+ly)?\s+until")
    def admitted(text):
        return any(key_at(text, 0).startswith(k) for k in keys)
    assert admitted("has until") and admitted("has really until") and admitted("Have  only until")
    assert not admitted("hat") and not admitted("hasty") and not admitted("was until")


def test_a_longer_key_narrows_the_rules_a_short_one_admits():
    """Where 'the firs' admits every rule for 'the first ...', 'the first ti' (of 'the first
    time') leaves only those its twelve characters admit."""
    index = PrefixIndex([r"the\s+first\s+quarter", r"the\s+first\s+half", r"the\s+first\s+time", r"the\s+\w+"])
    admitted = index.candidates(key_at("the first time he", 0))
    assert admitted == [0, 1, 2, 3]
    assert index.narrowed(admitted, "the first time he"[:LONG_KEY_LENGTH]) == [2, 3]
    assert index.narrowed(admitted, "the first qua") == [0, 3]


def test_words_that_open_no_expression_are_passed_over():
    """The rules are tried only where a rule's first characters stand: not at every capitalised
    word (a rule that opens on any capital letter would send the tagger to each)."""
    rules = grammar("en")
    assert list(rules.places("Xqzv Yqzv Wqzv, Zqzv Kqzv.")) == []
    assert list(rules.places("Xqzv on Friday")) == [5, 8]  # ("on Friday", "Friday")


WORDS = ["1 and a half", "2 and a half", "3 and a half", "1/2", "eighty one", "eighty-one", "eighty two",
         "eighty-two", "eighty", "eight", "an", "a", "a dozen", "a-b", "a]b", "a^b", "a\\b"]


def test_a_trie_of_words_matches_what_their_alternation_matches_longest_first():
    """The words of a class are one trie ('2 and a half' and '3 and a half' share what follows their
    first character); at every place of a text it matches what the words, longest first, match."""
    trie = re.compile(trie_regex(WORDS), re.I)
    alternation = re.compile("|".join(r"\s+".join(map(re.escape, word.split(" ")))
                                      for word in sorted(WORDS, key=len, reverse=True)), re.I)
    text = "On 12 and a half days, 2  and a half, eighty-one, Eighty two or eighty, a dozen a-b a]b a^b a\\b an a."
    for at in range(len(text)):
        found, expected = trie.match(text, at), alternation.match(text, at)
        assert (found and found.group()) == (expected and expected.group()), text[at:]
    for word in WORDS:
        assert trie.fullmatch(word)
    # ("and a half" once for the 1 and once for both 2 and 3; "one|two" once for "eighty " and "eighty-")
    assert trie.pattern.count("half") == 2 and trie.pattern.count("one") == 1


def test_a_rule_is_compiled_when_a_text_first_needs_it():
    """Compiling every rule costs most of the start-up; a text needs only those its words may open."""
    rules = Grammar("en")
    assert all(found is None for found in rules._compiled)
    rules.find("The talks ended on Friday.")
    compiled = sum(found is not None for found in rules._compiled)
    assert 0 < compiled < len(rules.rules) / 2


@pytest.mark.parametrize("pattern, text, admitted", [
    (r"(?<!\bthe\s)(?:is|are)\s+due", "Is due", True),
    (r"(?<!\bthe\s)(?:is|are)\s+due", "are due", True),
    (r"(?<!\bthe\s)(?:is|are)\s+due", "was due", False),
    (r"\s[-–]\s|--", " - ", True),
    (r"\s[-–]\s|--", "--", True),
    (r"(?:on\s+)?\d+", "7", True),
    (r"(?:on\s+)?\d+", "On 7", True),
    (r"(?:on\s+)?\d+", "in 7", False),
])
def test_the_first_character_class_admits_every_possible_match(pattern, text, admitted):
    """The tense scan tries a cue only where its first character can be: the class must hold
    every first character of a match, in either case."""
    lookahead = re.compile(f"(?={first_class(pattern)})", re.I)
    assert bool(lookahead.match(text)) is admitted
    assert bool(re.match(pattern, text, re.I)) is admitted


@pytest.mark.parametrize("pattern", [r"\w+day", r"(?:on\s+)?", ".x"])
def test_no_first_character_class_where_a_match_may_begin_anywhere_or_be_empty(pattern):
    assert first_class(pattern) is None


def test_the_analysis_of_the_rules_is_kept_between_runs_and_a_bad_cache_is_no_error(tmp_path, monkeypatch):
    """Analysing the rules' prefixes takes tenths of a second at every start: it is kept in the
    cache folder, named by what it was made from; a damaged or unwritable cache is redone."""
    from timeline.temporal.prefixes import CACHE_VARIABLE, all_prefixes, cache_folder

    patterns = [r"(?:the\s+)?third\s+quarter", r"\d{4}", "[a-z]+day"]
    expected = [prefixes(p) for p in patterns]
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "cache"))
    assert all_prefixes(patterns) == expected
    (kept,) = (tmp_path / "cache").iterdir()
    assert json.loads(kept.read_text()) == [None if k is None else sorted(k) for k in expected]
    kept.write_text(json.dumps([["x"], ["y"], ["z"]]))  # what is read back is what is used
    assert all_prefixes(patterns) == [{"x"}, {"y"}, {"z"}]
    assert all_prefixes(patterns[:2]) == expected[:2]  # other patterns: another file
    for damaged in ("{not json", "[1, 2, 3]", '[["x"]]', ""):
        kept.write_text(damaged)
        assert all_prefixes(patterns) == expected
    monkeypatch.setenv(CACHE_VARIABLE, str(kept / "not-a-folder"))  # cannot be written: no error
    assert all_prefixes(patterns) == expected
    monkeypatch.setenv(CACHE_VARIABLE, "")  # no cache at all
    assert all_prefixes(patterns) == expected
    monkeypatch.delenv(CACHE_VARIABLE)  # by default, the user's cache folder; never a relative one
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "timeline"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    assert cache_folder().is_absolute()


def test_analyses_written_long_ago_go_when_a_new_one_is_written(tmp_path, monkeypatch):
    """Each change of the rules writes a new analysis: the old ones do not pile up in the user's
    cache folder, but nothing else there is touched, nor one written lately (another version of
    the tool may be using it)."""
    import os
    import time

    from timeline.temporal.prefixes import CACHE_VARIABLE, STALE_DAYS, all_prefixes

    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv(CACHE_VARIABLE, str(folder))
    long_ago = time.time() - (STALE_DAYS + 1) * 86400
    for name in ("prefixes-old.json", "prefixes-recent.json", "notes.json"):
        (folder / name).write_text("[]")
    for name in ("prefixes-old.json", "notes.json"):
        os.utime(folder / name, (long_ago, long_ago))
    all_prefixes([r"\d{4}"])
    left = sorted(path.name for path in folder.iterdir())
    assert "prefixes-old.json" not in left and {"prefixes-recent.json", "notes.json"} <= set(left)
    assert len(left) == 3  # (and the new one)
    all_prefixes([r"\d{4}"])  # (read back: nothing written, nothing removed)
    assert sorted(path.name for path in folder.iterdir()) == left


def _brute_force(rules, text: str) -> list[tuple[int, int, str]]:
    """Every rule tried case-blind over the text as written, in order, at every place the gate
    admits: what ``find`` (which tries only the admitted rules, most over folded text) must equal."""
    out, done = [], 0
    blind = [(re.compile(regex.pattern, re.I), rule) for regex, rule, _ in map(rules.compiled, range(len(rules.rules)))]
    for at in rules.places(text):
        if at < done:
            continue
        for regex, rule in blind:
            m = regex.match(text, at)
            if m and rule.fits(text, at):
                done = m.end()
                if rule.type != "NONE":
                    out.append((m.start(), m.end(), rule.name))
                break
    return out


def test_trying_only_the_admitted_rules_finds_what_trying_all_would(timebank_dir):
    from timeline.timeml import read_corpus

    rules = grammar("en")
    for doc in read_corpus(timebank_dir)[:60]:
        fast = [(h.start, h.end, h.rule.name) for h in rules.find(doc.text)]
        assert fast == _brute_force(rules, doc.text), doc.doc_id


def test_a_second_language_is_a_data_folder(tmp_path, monkeypatch):
    folder = tmp_path / "zz" / "temporal"
    folder.mkdir(parents=True)
    (folder / "vocabulary.tsv").write_text(
        "# Format: class<TAB>surface<TAB>value\nwochentag\tsonntag\t7\n", encoding="utf-8")
    (folder / "rules.tsv").write_text(
        "# Format: name<TAB>type<TAB>pattern<TAB>value\n"
        "heute\tDATE\theute\t[D]\n"
        "wochentag\tDATE\t(?:am )?%wochentag\tXXXX-WXX-{wochentag}\n", encoding="utf-8")
    (folder / "tense.tsv").write_text("# Format: pattern<TAB>tense\nwird\tfuture\n", encoding="utf-8")
    (folder.parent / "abbreviations.txt").write_text("# Format: one abbreviation a line\n", encoding="utf-8")
    monkeypatch.setattr(timeline.lang, "LANG_DIR", tmp_path)
    result = [(e.text, e.value) for e in tag("Heute sagte er, er wird am Sonntag kommen.", "2017-09-06", lang="zz")]
    assert result == [("Heute", "2017-09-06"), ("am Sonntag", "2017-09-10")]


def _broken_language(tmp_path, monkeypatch, code: str, rule: str) -> None:
    """A language ``code`` of one month word and the one ``rule`` row (tab-separated cells)."""
    folder = tmp_path / code / "temporal"
    folder.mkdir(parents=True)
    (folder / "vocabulary.tsv").write_text("# Format\nmonat\tmai\t05\n", encoding="utf-8")
    (folder / "rules.tsv").write_text(f"# Format\n{rule}\n", encoding="utf-8")
    (folder / "tense.tsv").write_text("# Format\n", encoding="utf-8")
    monkeypatch.setattr(timeline.lang, "LANG_DIR", tmp_path)


def test_a_rule_naming_an_unknown_class_is_reported_with_its_name(tmp_path, monkeypatch):
    _broken_language(tmp_path, monkeypatch, "zy", "kaputt\tDATE\t%tag\tX")
    with pytest.raises(ValueError, match="rule 'kaputt' uses unknown class %tag"):
        tag("mai", lang="zy")


def test_a_rule_giving_an_option_twice_is_reported_not_half_read(tmp_path, monkeypatch):
    # (the second not_after= had silently replaced the first)
    _broken_language(tmp_path, monkeypatch, "zx", "zweimal\tDATE\t%monat\tXXXX-{monat}\tnot_after=a not_after=b")
    with pytest.raises(ValueError, match="rule 'zweimal' gives an option twice"):
        tag("mai", lang="zx")


def test_a_rule_with_options_in_a_sixth_cell_is_reported_not_half_read(tmp_path, monkeypatch):
    # (options after a tab, not a space: the second one had been silently dropped)
    _broken_language(tmp_path, monkeypatch, "zt", "getrennt\tDATE\t%monat\tXXXX-{monat}\tdir=<\tonly_after=im\\s")
    with pytest.raises(ValueError, match="rule 'getrennt' has 6 cells"):
        tag("mai", lang="zt")
