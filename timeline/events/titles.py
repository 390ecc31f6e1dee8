"""Titles: the words of the sentence that say who did what, and who said what."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from timeline.events.clauses import (
    _before_relative, _describes, _governing_verb, _main_verb, _opening_subject, _participle_head,
    _past_addressee, _predicate, _phrase_back, _phrase_start, _relative_head, _shared_subject, _stative, _subject,
    aside_end, name_only, named_before_description, opens_on_auxiliary, phrase_opener, verb_of_phrase,
)
from timeline.events.lexicon import Lexicon, lemma
from timeline.events.people import People, is_body, names
from timeline.events.sentence import (_BREAKS, _QUOTES, Parsed, _clause_start, _is_name, _low, attribution_at,
                                      phrase_at)


TITLE_WORDS = 12  # a title names who did what in at most about this many words
TITLE_CHARS = 200  # and never runs longer than this (t17-dev's longest is 155): a "word" may be a
# run of thousands of characters with no space (a base64 attachment pasted into the text)
GIST_WORDS = 9  # the part of a statement title after "Speaker: "
STATEMENT_WORDS = 15  # a statement's whole title, speaker and what was said, in at most about this many words
WHOLE_REACH = 0  # words past a title's limit and slack it may run to keep a verb and its first phrase whole
OBJECT_WORDS = 2  # an object of at most this many words, a common noun, governs the phrase after it ('resistance to')
WHOLE_DEPTH = 3  # verbs and clauses followed down from a title's first verb to the first phrase each governs
SPEAKER_WORDS = 4  # a speaker named by a phrase rather than a name
PARTICIPLE_COMMAS = 3  # commas looked back over for a participle phrase after a subject
SETTING_WORDS = 14  # where something was said ('in a filing with the SEC'), in at most this many words
SLACK = 3  # a title or gist at most this many words over its limit is kept whole, not cut
FIRST_MODIFIER_WORDS = 4  # a long subject's first modifier kept when at most this long ('of the crew')
SUBJECT_MODIFIER_WORDS = 12  # a long subject's modifiers dropped to keep its verb: at most this many words
_STOPS = ".,;:!?"
_STOP_ENDS = tuple(_STOPS)  # (for str.endswith)
BRACKET_WORDS = 8  # a bracket between a subject and its verb holds at most this many words
UNTIL_WORDS = 5  # the words after 'until' kept after a denial ('not expected until late in the week')
UNTIL_REACH = 3  # words past a title's longest an 'until' of a denial may stand and still be kept
DENIAL_REACH = 10  # words back from 'until' a denial is looked for in its clause ("wasn't expected to come ashore until")


def _phrase_end(s: Parsed, i: int) -> int:
    """The end (exclusive) of the phrase that follows the trigger at ``i``; 'and' between
    nouns does not end it ('in Kenya and Tanzania', 'to north or central America'), only one
    that opens another verb ('killed 11 and injured 17', 'and the rig sank')."""
    tokens, lex = s.tokens, s.lex
    j = i + 1
    while j < len(tokens) and tokens[j].text not in _BREAKS:
        low = tokens[j].low
        after_preposition = tokens[j - 1].low in lex.prepositions
        if after_preposition and low in lex.determiners and _before_noun(s, j):
            pass  # ('withdrew from that tournament': a determiner, not a clause)
        elif _denied_until_at(s, j):
            pass  # (what is denied until a time happens then: 'is not expected to reach the coast until Friday')
        elif low in lex.clause and not (
                (low in lex.coordinators or (low in lex.phrase_openers and not _time_ahead(s, j)))
                and _joins_words(s, j)):  # ('in Kenya and Tanzania', 'joined BP as a geologist')
            # (a relative after its preposition opens the clause there: 'a vote in which MPs ...')
            return j - 1 if after_preposition and low in lex.relatives and j - 1 > i else j
        j += 1
    return j


def _denied_until_at(s: Parsed, j: int) -> bool:
    """Whether ``j`` is the 'until' of a denial a few words before it in its clause: a title cut
    there, or without the time after it, would say the opposite of the sentence ('Oil is not
    expected to reach the coast [until Friday]', "The results weren't available [until June]")."""
    tokens = s.tokens
    return tokens[j].low in s.lex.period_ends and _denial_before(
        ["," if t.text in _BREAKS else t.low for t in tokens[max(0, j - DENIAL_REACH):j]], s.lex)


def _denial_before(words: Sequence[str], lex: Lexicon) -> bool:
    """Whether a denial stands among ``words`` (lower case) in the clause that ends with them: not
    past a stop, nor past a coordinator that opens a verb of its own (not a denial of another
    clause: "wouldn't resign and would stay until the vote"; but "will not reopen to swimmers and
    fishermen until the autumn")."""
    after = ""  # the word after the one read
    for word in reversed(words):
        if word.endswith(_STOP_ENDS) or (word in lex.coordinators and (after in lex.auxiliaries or lex.past(after))):
            return False
        if _denies(word, lex):
            return True
        after = word
    return False


def _held_until(s: Parsed, indices: Sequence[int]) -> set[int]:
    """The tokens of ``indices`` that are the 'until <time>' of a denial (see :func:`_denied_until_at`),
    up to ``UNTIL_WORDS`` words after it: a title keeps them, time or not."""
    held: set[int] = set()
    tokens, period_ends = s.tokens, s.lex.period_ends
    for j in indices:
        if tokens[j].low in period_ends and _denied_until_at(s, j):  # (its first test, before a call)
            held.add(j)
            chosen = set(indices)
            for k in range(j + 1, min(len(tokens), j + 1 + UNTIL_WORDS)):
                if k not in chosen or tokens[k].text in _BREAKS:
                    break
                held.add(k)
    return held


def _denies(low: str, lex: Lexicon) -> bool:
    return low in lex.negations or low.endswith("n't")


def _time_ahead(s: Parsed, j: int) -> bool:
    """Whether the phrase that opens at ``j`` only leads into a time, by the same word again ('as
    soon as Friday', 'as early as next week', 'as far back as 2009'): the title keeps neither."""
    tokens, lex = s.tokens, s.lex
    for k in range(j + 1, min(len(tokens) - 1, j + 5)):
        if tokens[k].text in _BREAKS:
            return False
        if tokens[k].low in lex.phrase_openers and s.timed[k + 1]:
            return True
    return False


def _before_noun(s: Parsed, j: int) -> bool:
    """Whether a word at ``j`` that may be a determiner stands before what it determines: not
    before a verb, an auxiliary, a pronoun or another determiner ('going on that meant', 'factor
    in that the spill lasts')."""
    tokens, lex = s.tokens, s.lex
    if j + 1 >= len(tokens) or tokens[j + 1].text in _BREAKS:
        return False
    low = tokens[j + 1].low
    return not (s.classes[j + 1].finite or low in lex.auxiliaries or low in lex.pronouns or low in lex.determiners)


def _joins_words(s: Parsed, j: int) -> bool:
    """Whether the coordinator at ``j`` joins words rather than clauses: a name follows it, or
    no verb comes before the phrase ends."""
    tokens, lex = s.tokens, s.lex
    if j + 1 < len(tokens) and _is_name(tokens[j + 1]):
        return True
    k = j + 1
    while k < len(tokens) and tokens[k].text not in _BREAKS and tokens[k].low not in lex.clause:
        low = tokens[k].low
        if s.classes[k].verb or s.classes[k].finite or low in lex.subjects or low in lex.auxiliaries \
                or (lex.gerund(low) and low not in lex.nouns):
            return False  # (a subject pronoun, an auxiliary or an -ing form opens a clause too)
        k += 1
    return k > j + 1


def _words(s: Parsed, indices, sounded: bool = True) -> list[str]:
    """:func:`_title_words`, computed once for each choice of words of a sentence (a new list each time)."""
    indices = tuple(indices)
    return list(s.kept((_words, indices, sounded), _title_words, indices, sounded))


def _title_words(s: Parsed, indices, sounded: bool = True) -> list[str]:
    """The words of ``indices`` without dates and times and what only leads into one (the
    preposition before it; at the end, 'over its [winter]'; the 'and' of '[1957] and [1968]');
    tokens written together in the text stay together ("wasn't", "(EEF)").  But with
    ``sounded``, a date right after a determiner that agrees with the sound of the word after it
    stays ('an April 20 blast', never 'an blast'; the language's ``sound_determiners.txt``); a
    speaker's name, which has few words to spend, leaves out both ('the head of a 2009 inquiry'
    is 'Head of inquiry')."""
    tokens, timed, lex = s.tokens, s.untitled or s.timed, s.lex
    indices = list(indices)
    held = _held_until(s, indices)
    if held:  # (a denial's time is kept: 'Oil was not expected to come ashore until Thursday')
        timed = [t and k not in held for k, t in enumerate(timed)]
    out: list[str] = []
    kept: list[int] = []  # the token each word of ``out`` ends with
    opener = _source_opener(s, indices)  # ('According to a report released Monday': the report)
    if opener and len(indices) > opener:
        indices = indices[opener:]
    sounding = False  # the tokens kept are a date after such a determiner
    asides = _asides(s, indices)
    for n, i in enumerate(indices):
        if i in asides:
            continue
        if timed[i] and sounded and kept and kept[-1] == i - 1 \
                and (sounding or tokens[i - 1].low in lex.sound_determiners):
            sounding = True
        elif timed[i]:
            if kept and kept[-1] == i - 1 and (tokens[i - 1].low in lex.coordinators and i > 1 and timed[i - 2]
                                               or tokens[i - 1].low in lex.sound_determiners):
                kept.pop()  # (not 'A report of [1957] and' nor 'the head of an [2009] inquiry')
                out.pop()
            lead = _time_lead(s, kept, i)
            if lead:  # ('sealed as soon as [Friday] if': the phrase leads into the time only)
                del kept[-lead:], out[-lead:]
            continue
        else:
            sounding = False
        if not tokens[i].text.strip("_"):  # (a dash typed as '_': '_ Some 900 marched')
            continue
        nxt = indices[n + 1] if n + 1 < len(indices) else None
        if tokens[i].low in lex.prepositions and nxt is not None and timed[nxt]:
            continue
        if out and kept[-1] == i - 1 and tokens[i - 1].end == tokens[i].start:
            out[-1] += tokens[i].text
            kept[-1] = i
        elif tokens[i].text == ")" and out and out[-1] == "(":  # (an aside that was only a time)
            out.pop()
            kept.pop()
        else:
            out.append(tokens[i].text)
            kept.append(i)
    while indices and not tokens[indices[-1]].text.strip(_STOPS):  # (a closing stop ends no phrase)
        indices.pop()
    while kept and not out[-1].strip(_STOPS):
        kept.pop()
        out.pop()
    last = indices[-1] if indices else None
    if last is not None and (timed[last] or (last + 1 < len(tokens) and timed[last + 1])):
        # the phrase ends on a time, or right before one: what leads into it goes too
        n = len(indices) - 1
        while n > 0 and timed[indices[n - 1]]:
            n -= 1
        at = indices[n] if timed[last] else last + 1  # (where the time begins)
        while kept and kept[-1] == at - 1 and (tokens[kept[-1]].low in lex.determiners
                                                or tokens[kept[-1]].low in lex.prepositions):
            at = kept.pop()
            out.pop()
    elif last is not None and last + 2 < len(tokens) and tokens[last + 1].low in lex.prepositions and timed[last + 2]:
        at = last + 2  # (the phrase ends before a preposition and a time: 'voted shortly [after 4 p.m.]')
    else:
        return out
    lead = _time_lead(s, kept, at)
    if lead and lead < len(out):
        del kept[-lead:], out[-lead:]
    return out


def _asides(s: Parsed, indices: list[int]) -> set[int]:
    """The tokens of ``indices`` that are a short bracketed aside after a word, with its brackets
    (:func:`aside_end`): a unit glossed in another ('Millions of gallons (liters) of oil'), a
    party, a ticker ('Gov. Bobby Jindal (R)'), which a title leaves out; not one that a
    preposition leads into, which is what the phrase names ('pressure on (BP)')."""
    tokens, lex = s.tokens, s.lex
    out: set[int] = set()
    for k in indices:
        if tokens[k].text != "(" or k == 0 or not tokens[k - 1].text[-1:].isalnum() or len(tokens[k - 1].text) < 2 \
                or tokens[k - 1].low in lex.prepositions:  # (nor after a letter it names: 'influenza A (H1N1)')
            continue
        close = aside_end(s, k)
        if close is not None:
            out.update(range(k, close + 1))
    return out


def _time_lead(s: Parsed, kept: list[int], i: int) -> int:
    """How many of the last ``kept`` tokens, right before the time at ``i`` (or before the
    preposition left out before it: 'shortly [after] 4 p.m.'), are a phrase of the language's
    ``time_leads.txt`` ('as soon as', 'shortly'): 0 if none."""
    end = i - 1
    skipped = end >= 0 and (not kept or kept[-1] != end) and s.tokens[end].low in s.lex.prepositions
    if skipped:
        end -= 1
    # (a phrase ends on the last token kept, so only those ending on its word are tried: this is
    # asked at each time of each title's words)
    if not kept or kept[-1] != end:
        return 0
    for phrase in s.lex.time_lead_ends.get(s.tokens[end].low, ()):
        n = len(phrase)
        if skipped and phrase[-1] in s.lex.prepositions:  # ('what I wake up to in the morning': no lead)
            continue
        if len(kept) >= n and kept[-n] == end - n + 1 \
                and all(s.tokens[k].text == s.tokens[k].low for k in kept[-n:]) \
                and tuple(s.tokens[k].low for k in kept[-n:]) == phrase:  # (in lower case: not 'St Just')
            return n
    return 0


def _clip(words: list[str], limit: int, lex: Lexicon, slack: int = SLACK, floor: int = 0) -> list[str]:
    """At most ``limit`` words (a closing stop not counted), cut before a preposition when one is
    near the limit, else where a phrase ends a little past it (within ``slack``), and not ending
    on a word left dangling by the cut ('to hold BP and', 'a second well as', 'if the operation
    had'), nor on a coordinator, an article or a phrase's opening word whatever the length.  A
    phrase at most ``slack`` words over the limit is kept whole: 'spewed out into the Gulf of
    Mexico' reads better than 'spewed out'.  Never fewer than ``floor`` words (a subject and its
    verb, a verb and the first phrase it governs: :func:`_whole_until`), the limit raised to it."""
    while len(words) > 1 and not words[-1].strip(_STOPS):
        words = words[:-1]
    if floor > limit:  # (the title's longest stays where it was: the limit and its slack, or the floor)
        limit, slack = floor, max(limit + slack - floor, min(slack, WHOLE_REACH))
    if len(words) <= limit + slack:
        # (nor on what leads into words left out: 'plug the well or [in August]', 'described him as
        # an ["enemy"]'; a preposition may end a phrasal verb: 'Hayward took over')
        while len(words) > 1 and words[-1].lower() in lex.title_ends:
            article = words[-1].lower() in lex.headline_articles
            words = words[:-1]
            while article and len(words) > 1 and (words[-1].lower() in lex.prepositions
                                                   or words[-1].lower() in lex.phrase_openers):
                words = words[:-1]  # (and what led into the article's noun: 'accused BP of a')
        return words
    cut = _preposition_cut(words, limit, slack, lex, floor)
    if cut is None:  # else where the phrase at the limit ends, within the slack ('a criminal and
        cut = next((k for k in range(limit + 1, limit + slack + 1)  # civil probe [into ...]')
                    if _phrase_ends_before(words, k, lex)), limit)
    if cut < len(words) and words[cut].lower() in lex.coordinators:  # (not half of a pair of names: 'confirmed
        pair = cut + 2  # in England [and Scotland]', which says what is not so; the one word after it, a name)
        if pair <= len(words) and words[cut + 1][:1].isupper() and words[cut + 1].lower() not in lex.stopwords \
                and (pair == len(words) or words[cut + 1].endswith((",", ";", ".")) or (  # (not a clause's subject:
                    words[pair].lower() in lex.prepositions and not _infinitive(words, pair, lex))):  # 'and BP [will]')
            cut = pair
    # (wherever it fell, an 'until' of a denial is kept with its time, below)
    until = next((k for k in range(min(len(words) - 1, limit + slack + UNTIL_REACH), max(0, cut - UNTIL_WORDS - 1), -1)
                  if _denied_until(words, k, lex)), None)  # (also one a little past the cut: its time, or the opposite)
    if until is not None:  # (the time a denial holds until is kept whole, to a stop: 'is not expected
        end = min(len(words), until + 1 + UNTIL_WORDS)  # to reach the coast until late in the week')
        cut = next((k + 1 for k in range(until + 1, end) if words[k].endswith(_STOP_ENDS)), end)
    words = words[:cut]
    last = words[-1].lower() if words else ""
    if len(words) > 2 and last in lex.auxiliaries and not (
            words[-2].lower() in lex.infinitive and lex.aux_kind(last) == "modal"):
        words.pop()  # cut from its verb ('if the operation had'), but not a main verb ('nothing to do')
    while words and words[-1].lower() in lex.dangling:
        words.pop()
    while len(words) > 2 and words[-1].lower() in lex.subjects and words[-2].lower() in lex.clause:
        words = words[:-2]  # (a clause cut after its opening subject: 'has reminded Americans [that we]', 'as it')
        while words and words[-1].lower() in lex.dangling:
            words.pop()
    while floor and len(words) > floor and words[-1].lower() in lex.subjects \
            and (lex.pronouns.get(words[-1].lower()) in ("person", "group") or words[-1].lower() in lex.relatives) \
            and words[-2].lower() not in lex.prepositions:
        words.pop()  # (past what must be kept, not the subject of a clause cut off: 'the rules [they]')
    return words


def _preposition_cut(words: list[str], limit: int, slack: int, lex: Lexicon, floor: int = 0) -> Optional[int]:
    """Where to cut ``words`` before a preposition near ``limit`` (not an infinitive's 'to'), or
    None; after the 'of' of a count and what it counts, within the slack ('the salaries of thousands
    of workers'), or before another preposition; never before the ``floor``-th word."""
    for k in range(limit, max(2, limit - 5, floor - 1), -1):
        if words[k].lower() not in lex.prepositions or _infinitive(words, k, lex):
            continue
        if not _counts_on(words, k, lex):
            return k
        if k + 2 <= limit + slack and words[k + 1].lower() not in lex.dangling:
            return k + 2
    return None


def _denied_until(words: list[str], k: int, lex: Lexicon) -> bool:
    """Whether ``words[k]`` is the 'until' of a denial before it: no cut there ('There could be no
    oil until August' is not 'There could be no oil')."""
    return words[k].lower() in lex.period_ends and _denial_before(
        [word.lower() for word in words[max(0, k - DENIAL_REACH):k]], lex)


def _counts_on(words: list[str], k: int, lex: Lexicon) -> bool:
    """Whether ``words[k]`` is the 'of' after a word that counts what follows it ('the salaries of
    thousands [of workers]'): a cut there leaves the count without what it counts."""
    return words[k].lower() == "of" and k > 0 and words[k - 1].lower() in lex.partitives


def _phrase_ends_before(words: list[str], k: int, lex: Lexicon) -> bool:
    """Whether a phrase ends right before ``words[k]``: a preposition (not of an infinitive), an
    auxiliary, a word that opens a clause or joins two, or a comma after the word before ('the
    swine flu outbreak [was a mild infection]')."""
    low, before = words[k].lower(), words[k - 1].lower()
    if before in lex.pronouns or before in lex.auxiliaries or before in lex.dangling:
        return False  # (a verb group after its subject, or going on: 'a scenario that it [would face]')
    return (low in lex.auxiliaries or low in lex.clause_openers or low in lex.coordinators
            or words[k - 1].endswith((",", ";"))
            or (low in lex.prepositions and not _infinitive(words, k, lex)))


def _infinitive(words: list[str], k: int, lex: Lexicon) -> bool:
    """Whether ``words[k]`` is the 'to' of an infinitive that completes the word before it ('might
    have to change', 'was expected to go', 'tried to stop'): a cut there would leave that word
    dangling.  Not so before a noun phrase ('sent ships to the Gulf'), nor after a clause that is
    whole ('contacting exam boards to reschedule')."""
    if words[k].lower() not in lex.infinitive or k == 0 or k + 1 >= len(words):
        return False
    following, before = words[k + 1], words[k - 1].lower()
    if not following[:1].islower() or following in lex.determiners or following in lex.pronouns:
        return False
    return before in lex.catenatives or before in lex.auxiliaries or lex.past(before) or lex.gerund(before)


def _sentence_case(words: list[str]) -> str:
    text = " ".join(words).lstrip(",;:.-\u2013\u2014 ")  # (no title opens on a comma or a dash)
    return text[:1].title() + text[1:]  # (title case: a ligature 'ﬁre' opens 'Fire', not 'FIre')


def _noun_phrase(s: Parsed, i: int) -> list[int]:
    """The event noun at ``i`` with its modifiers and its complement ('test of a H-bomb')."""
    tokens, classes, timed, lex = s.tokens, s.classes, s.timed, s.lex
    j = i
    while j > 0:
        prev = tokens[j - 1]
        if (prev.text in _BREAKS or prev.low in lex.clause or prev.low in lex.prepositions
                or classes[j - 1].verb or prev.low in lex.auxiliaries):
            break
        j -= 1
    end = i + 1
    if end < len(tokens) and tokens[end].low in lex.complements:
        end += 1
        while end < len(tokens) and tokens[end].text not in _BREAKS and tokens[end].low not in lex.clause \
                and tokens[end].low not in lex.prepositions and not timed[end]:
            end += 1
    verb = _predicate(s, end)
    if verb is not None:  # the noun is the subject: 'the loss includes charges'
        end = _phrase_end(s, verb)
    return list(range(j, end))


def occurrence_title(s: Parsed, i: int, people: "People") -> tuple[str, list[str]]:
    """The title of the event named at ``i`` ('Putin met the South Korean leader in ...'), and
    its actors."""
    tokens, classes, timed, lex = s.tokens, s.classes, s.timed, s.lex
    if classes[i].noun:
        subject: list[int] = []
        indices = _noun_phrase(s, i)
    else:
        end = _phrase_end(s, i)
        if _in_relative(s, i):  # ('the rig that exploded ... | sank')
            end = _relative_end(s, i, end)
        subject = [k for k in _subject(s, i) if not timed[k] and not _before_time(s, k)]
        opening = _preposition_opening(s, subject)
        if opening is not None and not (tokens[subject[0]].low in lex.approximators and len(subject) > 1
                                        and tokens[subject[1]].text[:1].isdigit()):
            # 'on the radio show the effort', 'prior to BP's chief testifying' (but 'At least 5,000
            # barrels have', 'In favor of lifting'); not a count's 'about': 'About 5,000 barrels of oil
            # a day are'
            subject = subject[max((n for n, k in enumerate(subject) if tokens[k].low in lex.determiners),
                                  default=opening):]
        if subject and _before_relative(s, _clause_start(s, i), i):  # 'the rig that had burned ... sank'
            indices = subject + list(range(_verb_group_start(s, i), end))
        elif subject:  # the clause from its subject, auxiliaries and adverbs kept: 'She has outrun ...'
            indices = list(range(subject[0], end))
        else:  # the subject of a coordinated verb, or of the sentence: 'Brightway, which ..., will sell'
            subject = _subject_elsewhere(s, i)
            indices = subject + list(range(_clause_start(s, i), end))
    render = _words
    actor = people.resolve(s, subject)
    if actor and _is_reference(s, subject):
        render = lambda s, kept, name=actor, last=subject[-1]: [name] + _words(s, [k for k in kept if k > last])  # noqa: E731
    elif (first := _first_word(s, indices)) is not None and (reporter := _reporter(s, [first], people)):
        actor = reporter  # 'BP said (on Monday) it would ...' -> 'BP would ...'
        render = lambda s, kept, name=reporter, last=first: [name] + _words(s, [k for k in kept if k > last])  # noqa: E731
    words = render(s, indices)
    actors = names(s, [k for k in indices if not timed[k]])
    if actor and actor not in actors:
        actors.insert(0, actor)
    headline = _drop_determiner(words, lex)
    floor = _floor(s, indices, TITLE_WORDS, render) if _cut(headline, TITLE_WORDS) else 0
    if floor and len(headline) < len(words):
        floor -= 1  # (the article the title leaves out)
    return _title(headline, TITLE_WORDS, lex, floor=floor), actors


def _preposition_opening(s: Parsed, indices: list[int]) -> Optional[int]:
    """Whether a preposition opens the words at ``indices``, and if so, how many of them a title
    leaves out when no determiner comes after it: none for a preposition of one word (it is as
    often part of what the words say: 'At least 5,000 barrels', 'In favor of lifting'), all of one
    of two words ('prior to', 'ahead of': the language's ``preposition_heads.txt``)."""
    tokens, lex = s.tokens, s.lex
    if not indices:
        return None
    first = indices[0]
    if tokens[first].low in lex.prepositions:
        return 0
    if tokens[first].low in lex.preposition_heads and first + 1 < len(tokens) \
            and tokens[first + 1].low in lex.prepositions:
        return len([k for k in indices[:2] if k <= first + 1])
    return None


def _subject_elsewhere(s: Parsed, i: int) -> list[int]:
    """The subject of the verb at ``i`` when its own clause has none: the phrase its relative or
    participle clause describes, the subject of the verb it is coordinated with, one set off by
    punctuation, or the sentence's opening phrase ('Brightway, which ..., will sell')."""
    return (_relative_head(s, i) or _participle_head(s, i) or _shared_subject(s, i)
            or _set_off_subject(s, i) or _opening_subject(s))


def _in_relative(s: Parsed, i: int) -> bool:
    """Whether the verb at ``i`` is in a relative clause: 'which', 'who' before it, or 'that'
    after a noun ('the bill that the Senate passed'), not after a verb ('said that the rig sank')."""
    tokens, lex = s.tokens, s.lex
    start = _clause_start(s, i)
    if start < 2:
        return False
    opener, before = tokens[start - 1].low, start - 2
    if opener in lex.relatives:
        return True
    return opener in lex.complementizers and tokens[before].text not in _BREAKS and _describes(s, before)


def _relative_end(s: Parsed, i: int, end: int) -> int:
    """Where the relative clause of the verb at ``i`` ends before ``end``: at the verb group of
    the clause it sits in, when no comma sets it off ('the quake that struck Sulawesi on Sunday
    | has risen to 312', 'the rig that exploded on April 20 | sank'): the first auxiliary or
    finite or past verb after the relative verb's next word that opens a verb group (not after
    'to', a preposition, an auxiliary, an adverb, a pronoun, a determiner, a relative, another
    function word or another verb: 'will take weeks to complete', 'stop the oil from flowing',
    'had almost completely contained', 'its devastating spread').  Never for a verb of saying
    or thinking, whose clause has verbs of its own."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if classes[i].reporting or tokens[i].low in lex.hedges:
        return end  # (what it reports has verbs of its own: 'an e-mail that indicated the cement could fail')
    for k in range(i + 2, end):
        low, before = tokens[k].low, tokens[k - 1].low
        if s.timed[k] or classes[k].noun or lex.gerund(low):
            continue
        if not (low in lex.auxiliaries or classes[k].finite or (classes[k].verb and lex.past(low))):
            continue
        if before in lex.prepositions or before in lex.auxiliaries or lex.adverb(before) or before == "to" \
                or before in lex.pronouns or before in lex.determiners or before in lex.relatives \
                or before in lex.complementizers or before in lex.function_words or lex.gerund(before) \
                or classes[k - 1].verb or classes[k - 1].finite:
            continue
        return k
    return end


def _verb_group_start(s: Parsed, i: int) -> int:
    """Where the verb group of the verb at ``i`` begins: its auxiliaries and adverbs ('had
    already sunk')."""
    tokens, lex = s.tokens, s.lex
    j = i
    while j > 0 and (tokens[j - 1].low in lex.auxiliaries or lex.adverb(tokens[j - 1].low)):
        j -= 1
    return j


def _set_off_subject(s: Parsed, i: int) -> list[int]:
    """The subject of the verb at ``i`` when punctuation sets it off from the verb: a name in
    apposition ('the health minister, Ada Moreno, closed ...': 'Ada Moreno'), or the phrase
    before a bracket ('the Port Authority (PA) closed ...': 'the Port Authority'); [] otherwise."""
    tokens, lex = s.tokens, s.lex
    start = _clause_start(s, i)
    if start == 0 or any(not (tokens[k].low in lex.auxiliaries or lex.adverb(tokens[k].low) or s.timed[k]
                              or _before_time(s, k)) for k in range(start, i)):
        return []  # (only auxiliaries, adverbs and a time between: 'Ada Moreno, on Monday quietly closed')
    if tokens[start - 1].text == ",":
        return (_apposition(s, start - 1) or named_before_description(s, start - 1)
                or _before_participle(s, start - 1))
    if tokens[start - 1].text != ")":
        return []
    opening = start - 2
    while opening >= 0 and tokens[opening].text not in ("(", ")") and start - opening <= BRACKET_WORDS:
        opening -= 1
    if opening < 1 or tokens[opening].text != "(":
        return []
    return [k for k in _subject(s, opening) if not s.timed[k]]


def _before_participle(s: Parsed, comma: int) -> list[int]:
    """The phrase before a participle phrase set off by commas that ends at ``comma`` ('the
    bridge, damaged by the storm, would reopen': 'the bridge'; 'drilling of the relief well,
    seen as the definitive, permanent solution, could resume'), or []."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    for _ in range(PARTICIPLE_COMMAS):  # (the phrase may hold a comma of its own)
        phrase = _phrase_start(s, comma)
        if phrase < 2 or phrase == comma or tokens[phrase - 1].text != ",":
            return []
        first = tokens[phrase].low
        if lex.past(first) or (lex.gerund(first) and first not in lex.nouns):
            break
        comma = phrase - 1
    else:
        return []
    end = phrase - 1
    begin = _phrase_start(s, end)
    heads = [k + 1 for k in range(begin, end) if classes[k].finite or tokens[k].low in lex.complementizers]
    found = [k for k in range(max([begin] + heads), end) if not s.timed[k] and not _before_time(s, k)]
    return found if found and not any(classes[k].verb for k in found) else []


def _before_time(s: Parsed, k: int) -> bool:
    """Whether token ``k`` is the preposition of the time expression after it ('on Monday')."""
    return s.tokens[k].low in s.lex.prepositions and k + 1 < len(s.tokens) and s.timed[k + 1]


def _leads_into_time(s: Parsed, k: int) -> bool:
    """Whether token ``k`` is a preposition or an opening bracket before a time expression."""
    return _before_time(s, k) or (s.tokens[k].text == "(" and k + 1 < len(s.tokens) and s.timed[k + 1])


def _title(words: list[str], limit: int, lex: Lexicon, slack: int = SLACK, floor: int = 0) -> str:
    return _sentence_case(_clip(words, limit, lex, slack, floor)).rstrip(" .,;:")


def _head_phrase(words: list[str], limit: int, lex: Lexicon) -> list[str]:
    """A phrase longer than ``limit`` words without what follows its head: 'spokesman for the
    Leeds-based bakery' -> 'spokesman'."""
    if len(words) <= limit:
        return words
    cut = next((k for k in range(1, len(words)) if words[k].lower() in lex.prepositions), len(words))
    return words[:cut]


def _drop_determiner(words: list[str], lex: Lexicon, dropped: frozenset[str] | None = None) -> list[str]:
    """A title without the article it opens on, as headlines go ('Rig sank'); without any of
    ``dropped`` (a speaker: 'Its chief executive' -> 'Chief executive')."""
    dropped = lex.headline_articles if dropped is None else dropped
    return words[1:] if len(words) > 2 and words[0].lower() in dropped else words


def _is_reference(s: Parsed, subject: list[int]) -> bool:
    """Whether a subject names its person only by a pronoun or a role ('he', 'the spokesman')."""
    tokens, lex = s.tokens, s.lex
    if not subject:
        return False
    last = tokens[subject[-1]].low
    return (len(subject) == 1 and last in lex.pronouns) or (
        last in lex.roles and all(tokens[k].low in lex.determiners for k in subject[:-1]))


def statement_title(s: Parsed, i: int, people: "People") -> tuple[str, list[str]]:
    """'Speaker: what was said' for the reporting verb at ``i``, and the actors."""
    tokens, classes, timed, lex = s.tokens, s.classes, s.timed, s.lex
    speaker_indices = _subject(s, i)
    appositive: list[int] = []  # a name set off by commas beside the phrase it names ('its chief, Ada Moreno,')
    borrowed = not speaker_indices and lex.gerund(tokens[i].low)
    if borrowed:  # the subject of the verb before: 'Acme responded by ... and saying', 'X rejected it, saying'
        verb = next((k for k in range(i - 1, -1, -1) if classes[k].finite), None)
        speaker_indices = [] if verb is None else _subject(s, verb)
    if speaker_indices and (first := _first_word(s, speaker_indices)) is not None and first > speaker_indices[0]:
        speaker_indices = [k for k in speaker_indices if k >= first]  # 'On Thursday BP said': 'BP'
    if len(speaker_indices) > 3 and tokens[speaker_indices[0]].low in lex.prepositions:
        last = max(n for n, k in enumerate(speaker_indices) if tokens[k].low in lex.determiners or n == 0)
        if last >= 3:  # a phrase that sets the scene, then the speaker: 'In a statement the family said'
            speaker_indices = speaker_indices[last:]
    comma = _clause_start(s, i) - 1 if opens_on_auxiliary(s, i) else i - 1
    if not speaker_indices and comma >= 0 and tokens[comma].text == ",":
        # 'its chief, Dr Ada Moreno, said'; 'Nordbank, which runs ..., said'; '..., Igor Sechin, has said';
        # '"...," Jeremy Symons, a spokesman for the group, wrote'
        appositive = _apposition(s, comma)
        speaker_indices = appositive or named_before_description(s, comma) or _opening_subject(s)
    elif speaker_indices and speaker_indices[0] > 0 and _first_word(s, speaker_indices) is None \
            and tokens[speaker_indices[0] - 1].text == ",":  # only a time between a comma and the verb
        appositive = _apposition(s, speaker_indices[0] - 1)  # 'its chief, Dr Ada Moreno, today warned'
        speaker_indices = appositive or _opening_subject(s)  # 'The harbour master, who ..., on Monday said'
    after = i + 1
    while after < len(tokens) and (timed[after] or _leads_into_time(s, after)
                                   or (tokens[after].text == ")" and timed[after - 1])):
        after += 1  # ('said at 1800 CDT (2300 GMT) on Wednesday that ...')
    if all(tokens[k].low in lex.function_words and tokens[k].low not in lex.pronouns
           for k in speaker_indices):
        # inverted: '"...," said Lund, the transport minister'
        end = after
        while end < len(tokens) and tokens[end].text not in _BREAKS and tokens[end].low not in lex.clause:
            end += 1
        speaker_indices = list(range(after, end))
        after = end
    person = people.resolve(s, speaker_indices) or _reporter(s, speaker_indices, people)
    start = min(speaker_indices[0], i) if speaker_indices else i
    if appositive and start == appositive[0] and tokens[start - 1].text == ",":
        # what was said is before the phrase the name is set beside ('"...," BP's chief, Ada Moreno,
        # said'), when that phrase is no clause ('Kim Mertz, who works in Venice, Louisiana, said')
        described = _phrase_start(s, start - 1)
        if tokens[described].low not in lex.clause and not any(classes[k].finite for k in range(described, start)):
            start = described
    gist = _gist(s, start, after, verb=i)
    if not gist:  # nothing said in words of its own: what the speaker did ('testifies during a hearing')
        return occurrence_title(s, i, people)
    if person is None and _pronoun(s, speaker_indices):
        # 'he said ...' with no one named before, 'I think', 'we will': what was said, no speaker
        gist = _gist(s, start, after, STATEMENT_WORDS - SLACK, verb=i) or gist
        words = gist.split()
        clause = len(words) >= 3 and words[0].lower() not in lex.prepositions  # (not 'On the start of ...')
        return (gist if clause else occurrence_title(s, i, people)[0]), []
    named = _drop_determiner(_words(s, speaker_indices, sounded=False), lex, lex.determiners)
    speaker = person or _title(_head_phrase(named, SPEAKER_WORDS, lex), SPEAKER_WORDS, lex, slack=0)
    if all(_low(word) in lex.function_words for word in speaker.split()):
        speaker = ""  # (only 'The' left of a phrase the limit cut: no one to name)
    actor = speaker  # (the actor is named in full, however short the title names it)
    if speaker:  # the whole title in ``STATEMENT_WORDS``, the speaker shortened first if needed
        speaker, gist = _budgeted(s, start, after, i, speaker, person, people)
    denial = _denial_at(s, i, speaker_indices)
    if speaker and denial is not None:  # 'Peskov denied he met Moon', never 'Peskov met Moon'
        title = _told_with_saying(speaker, tokens[denial:i + 1], gist, lex)
    elif speaker and not borrowed and _speaker_is_subject(s, after, person, speaker, gist, i, speaker_indices):
        testimony = _testimony(s, i)
        if testimony is not None:  # 'Voss testified she delivered cash', never 'Voss delivered cash'
            timed = s.untitled or s.timed
            saying = [tokens[k] for k in range(i, testimony) if not timed[k]  # (not 'told on Tuesday a jury')
                      and not (tokens[k].low in lex.prepositions and timed[k + 1])]
            title = _told_with_saying(speaker, saying, gist, lex)
        else:  # 'Lund said she hoped ...' -> 'Lund hoped ...', in the words a title has room for
            gist = _gist(s, start, after, TITLE_WORDS + 1 - len(speaker.split()), verb=i)
            title = f"{speaker} {gist.partition(' ')[2]}"
    else:
        title = f"{speaker}: {gist}" if speaker and gist else (speaker or gist or tokens[i].text)
    return title, [actor] if actor else []


def _budgeted(s: Parsed, start: int, after: int, verb: int, speaker: str, person: Optional[str],
              people: People) -> tuple[str, str]:
    """The speaker and what was said, in ``STATEMENT_WORDS`` words together (with the slack): what
    was said gets what the speaker leaves.  When that is too few to keep its subject, its verb and
    the verb's first phrase whole (:func:`_gist_words`), the speaker is shortened first
    (:func:`_short_speaker`: 'Ken Salazar' -> 'Salazar')."""
    notes: list[str] = []
    gist = _gist(s, start, after, max(GIST_WORDS, STATEMENT_WORDS - SLACK - len(speaker.split())), verb=verb,
                 notes=notes)
    short = _short_speaker(speaker, person, people, s.lex)
    if notes and short != speaker:
        again: list[str] = []
        shorter = _gist(s, start, after, max(GIST_WORDS, STATEMENT_WORDS - SLACK - len(short.split())), verb=verb,
                        notes=again)
        if not again and len(shorter.split()) > len(gist.split()):
            return short, shorter
    return speaker, gist


def _short_speaker(speaker: str, person: Optional[str], people: People, lex: Lexicon) -> str:
    """A speaker in fewer words: a person by the last word of the name ('Sir Liam Donaldson' ->
    'Donaldson', 'Ken Salazar' -> 'Salazar'; a name the article has shown to be a person's, by a role,
    a title, an age or an appositive: not 'White House', 'Wall Street Journal' or 'National
    Hurricane Center', which open sentences as persons do); any other as it is ('Coast guard
    spokesman' has no shorter name that a word list does not give)."""
    words = speaker.split()
    shown = speaker in people.persons or any(" ".join(words[n:]) in people.persons for n in range(1, len(words) - 1))
    if person is not None and speaker == person and len(words) > 1 and not is_body(speaker, lex) \
            and people.surnames.get(words[-1]) == speaker and shown:
        return words[-1]
    return speaker


def _told_with_saying(speaker: str, saying, gist: str, lex) -> str:
    """The speaker, the words of the saying (``saying``: tokens) and what was said, its opening
    pronoun in lower case: 'Peskov denied he met Moon'."""
    first, _, rest = gist.partition(" ")
    first = first.lower() if first.lower() in lex.pronouns or first.lower() in lex.function_words else first
    return " ".join([speaker, *(t.text for t in saying), first, rest]).strip()


def _testimony(s: Parsed, i: int) -> Optional[int]:
    """Where the words a title keeps of the saying at ``i`` end, when it is testimony or a claim,
    whose word a title does not take for fact: after a verb of the language's
    ``contested_verbs.txt`` ('testifies', 'claimed'), or after the court or inquiry it is told to
    (``testimony_addressees.txt``: 'told a federal jury', 'told lawmakers') in the words between
    it and what was said; None for another saying."""
    tokens, lex = s.tokens, s.lex
    if tokens[i].low in lex.contested:
        return i + 1
    for k in range(i + 1, min(i + 7, len(tokens))):
        if tokens[k].low in lex.complementizers or tokens[k].low in lex.subjects or tokens[k].text in _BREAKS:
            return None  # (what was said begins: the addressee, if any, is behind)
        if tokens[k].low in lex.testimony:
            return k + 1
    return None


def _denial_at(s: Parsed, i: int, speaker_indices: list[int]) -> Optional[int]:
    """Where the saying at ``i`` that a thing did not happen begins after its speaker (see
    :func:`denial_verb`), or None."""
    k = denial_verb(s, i)
    return k if k is not None and all(j < k for j in speaker_indices) else None


def denial_verb(s: Parsed, i: int) -> Optional[int]:
    """Where the saying at ``i`` says a thing did not happen: the verb itself ('denied he met
    Moon') or a verb of the language's ``denial_verbs.txt`` right before a reporting word
    ('dismissed reports he met Moon'); None if neither, or if the denial is itself denied ('did
    not deny he met Moon')."""
    tokens, lex = s.tokens, s.lex
    k = i if tokens[i].low in lex.denials else (
        i - 1 if i > 0 and tokens[i - 1].low in lex.denials and tokens[i].low in lex.reporting else None)
    return None if k is None or negated(s, k) else k


def negated(s: Parsed, k: int) -> bool:
    """Whether a negation ('not', "n't", 'never') stands in the two words before ``k``."""
    return any(_denies(t.low, s.lex) for t in s.tokens[max(0, k - 2):k])


def _apposition(s: Parsed, comma: int) -> list[int]:
    """The name set off by commas that ends at ``comma`` ('the harbour master, Dr Ada
    Moreno,'), or []; where the name, a word alone or one opening on a word of the language's
    ``place_openers.txt``, is a place's state or country, the phrase the place ends ('the mayor of
    Springfield, Illinois,': 'the mayor of Springfield'; 'police in Manchester, New Hampshire,';
    'Ada Moreno, a lawyer from Leeds, England,': 'Ada Moreno'; not 'a spokesman in London, Toby
    Odone,')."""
    tokens = s.tokens
    start = _phrase_start(s, comma)
    found = name_only(s, list(range(start, comma)))
    if not (start > 0 and tokens[start - 1].text == "," and found):
        return []
    opening = start - 1
    if (len(found) == 1 or tokens[start].low in s.lex.place_openers) and _ends_place(s, opening):
        # (a person is most often named in two words or more; a state so named opens on a word like 'New')
        begin = _phrase_back(s, opening)
        while 1 < begin < opening and tokens[begin].low in s.lex.prepositions and tokens[begin - 1].text == ",":
            opening, begin = begin - 1, _phrase_back(s, begin - 1)  # ('Barry Redd, from Louisburg, North Carolina,')
        return named_before_description(s, opening) or [k for k in range(begin, opening) if not s.timed[k]]
    return found


def _ends_place(s: Parsed, comma: int) -> bool:
    """Whether a name after ``comma`` may be the state or country of a place before it: a
    name after a preposition ('the mayor of Springfield, Illinois,', 'police in Paris, Texas,')."""
    tokens = s.tokens
    before = comma - 1  # back over the place's name to the word before it
    while before >= 0 and _is_name(tokens[before]):
        before -= 1
    return 0 <= before < comma - 1 and tokens[before].low in s.lex.prepositions


def _pronoun(s: Parsed, indices: list[int]) -> bool:
    """Whether a subject is a lone pronoun ('he', 'it', 'they', 'I', 'we'; 'last night she')."""
    words = [k for k in indices if not s.timed[k]]
    return len(words) == 1 and s.tokens[words[0]].low in s.lex.pronouns


def _first_word(s: Parsed, indices: list[int]) -> Optional[int]:
    """The first of ``indices`` a title shows (not a time expression or its preposition)."""
    tokens, timed, lex = s.tokens, s.timed, s.lex
    return next((k for n, k in enumerate(indices) if not timed[k] and not (
        tokens[k].low in lex.prepositions and n + 1 < len(indices) and timed[indices[n + 1]])), None)


def _reporter(s: Parsed, subject: list[int], people: People) -> Optional[str]:
    """Whom a subject 'it' or 'they' stands for when it opens what a named speaker said:
    'BP said it would ...', 'The WHO says it has confirmed ...', 'Exxon and Shell said they ...'
    (a body for 'it', names joined by 'and' for 'they'); None otherwise.  ('he' and 'she' are
    the person named last: :meth:`People.resolve`.)"""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if not _pronoun(s, subject):
        return None
    k = next(k for k in subject if not s.timed[k])
    if lex.pronouns[tokens[k].low] not in ("body", "group"):
        return None
    j = k - 1
    while j >= 0 and (tokens[j].low in lex.complementizers or tokens[j].text == "," or s.timed[j]
                      or (tokens[j].low in lex.prepositions and j + 1 < k and s.timed[j + 1])):
        j -= 1  # 'said that it', 'said, it', 'said on Monday it'
    if j < 0 or not classes[j].reporting:
        return None
    speaker = _subject(s, j)
    if not speaker or _pronoun(s, speaker):
        return None
    found = names(s, speaker)
    if not found and all(_is_name(tokens[m]) for m in speaker):
        found = [" ".join(_words(s, speaker, sounded=False))]  # (a name that opens the sentence: 'BP said it')
    if not found:
        return None
    if lex.pronouns[tokens[k].low] == "body":
        if len(found) != 1:
            return None
        # a body by its name ('Acme Corp.', 'BP'); or a one-word name never met as a person's
        # surname ('Veltrax said it would report results') when 'it' opens a happening, not a
        # state ('Veltrax said it was too early', 'it would take weeks'; 'it was working' tells)
        lone = (" " not in found[-1] and people.surnames.get(found[-1], found[-1]) == found[-1]
                and not lex.plural(found[-1].lower())  # (not 'Authorities said it')
                and all(_is_name(tokens[m]) for m in speaker))  # (not 'A rescue center in Louisiana said it')
        return found[-1] if is_body(found[-1], lex) or (lone and not _states(s, k)) else None
    joined = any(tokens[m].low in lex.coordinators for m in speaker)
    return " and ".join(found) if joined and len(found) > 1 else None


def _states(s: Parsed, k: int) -> bool:
    """Whether the verb after the subject at ``k`` (auxiliaries, adverbs and negations passed)
    states or says little of its own: 'it was', 'it seems', 'it would take weeks'."""
    tokens, lex = s.tokens, s.lex
    j = k + 1
    while j < len(tokens) and lex.aux_kind(tokens[j].low) in ("modal", "have") or (
            j < len(tokens) and (lex.adverb(tokens[j].low) or tokens[j].low in lex.negations)):
        j += 1
    if j < len(tokens) and lex.aux_kind(tokens[j].low) == "be":  # ('it is now capturing': the -ing form
        m = j + 1  # after 'be' tells; not a passive, whose 'it' is what was done to: 'it was alleviated')
        while m < len(tokens) and (lex.adverb(tokens[m].low) or tokens[m].low in lex.negations):
            m += 1
        if m < len(tokens) and s.classes[m].verb and lex.gerund(tokens[m].low):
            j = m
    if j >= len(tokens):
        return True
    return lex.aux_kind(tokens[j].low) == "be" or _stative(tokens[j], lex) or lemma(tokens[j].text, lex) in lex.lights


def _speaker_is_subject(s: Parsed, after: int, person: Optional[str], speaker: str, gist: str,
                        verb: Optional[int] = None, speaker_indices: Sequence[int] = ()) -> bool:
    """Whether what was said (``gist``) opens with the pronoun after the reporting ``verb`` and it
    stands for the speaker: 'she' after a person ('Lund said she hoped', 'Lund told reporters
    she hoped'), 'they' after a plural ('sources say they can't ignore')."""
    tokens, lex = s.tokens, s.lex
    k = after + 1 if after < len(tokens) and tokens[after].low in lex.complementizers else after
    if k < len(tokens) and tokens[k].low not in lex.subjects:  # 'told reporters (Tuesday) that he ...'
        k = next((j + 1 for j in range(after, min(len(tokens), after + 6))
                  if tokens[j].low in lex.complementizers), None) or _past_addressee(s, verb, k)
    said = gist.split()[:2]
    if k + 1 >= len(tokens) or tokens[k].low not in lex.subjects or tokens[k + 1].low in lex.coordinators \
            or said[0].lower() != tokens[k].low \
            or (len(said) > 1 and not any(said[1].startswith(t.text) for t in tokens[k + 1:k + 5])):
        # (not 'he and the bishop want'; not a gist quoted before the verb: '"It is my program,"
        # Feinberg said, noting that it has ...'; a word or two may stand between: 'it currently
        # holds', 'he, too, was')
        return False
    kind = lex.pronouns.get(tokens[k].low)
    last = speaker.split()[-1].lower().rstrip(".")
    # a name no one has been found behind yet: 'Landrieu said she had', 'Harrow Lane said it had
    # built' (but not 'Wells said it would be': 'it' before a verb of being stands for nothing)
    named = person is None and _named(s, speaker_indices) and not lex.plural(last)
    return ((kind == "person" and (person is not None or (named and not is_body(speaker, lex))))
            or (kind == "group" and (lex.plural(last) or any(w in lex.coordinators for w in speaker.split())))
            or (kind == "body" and (last in lex.organizations or is_body(speaker, lex)
                                    or (named and not _expletive(s, k)))))


COMMON_ZIPF = 4.0  # a word this frequent in the language (wordfreq's Zipf scale) is no name by its capital
# (from wordfreq's small list, which holds every word down to Zipf 3 with the large list's
# frequency, so it answers as the large one would: loaded in a hundredth of a second into about 3
# MB, not 0.13 s and 30 MB, in every process that extracts events)
COMMON_WORDS = "small"


def _named(s: Parsed, indices: Sequence[int]) -> bool:
    """Whether the speaker at ``indices`` is written as a name: each of its words but an opening
    determiner opens with a capital, as written ('the office' is none); one word that opens the
    sentence, where any word has its capital, only if it is rare in the language ('Halliburton
    said', not 'Police said')."""
    words = [s.tokens[k] for k in indices]
    if words and words[0].low in s.lex.determiners:
        words = words[1:]
    if not words or not all(word.text[:1].isupper() for word in words):
        return False
    if len(words) == 1 and not any(t.text[:1].isalnum() for t in s.tokens[:indices[0]]):
        from wordfreq import zipf_frequency

        return zipf_frequency(words[0].low, s.lex.lang, wordlist=COMMON_WORDS) < COMMON_ZIPF
    return True


def _expletive(s: Parsed, k: int) -> bool:
    """Whether the pronoun at ``k`` opens a verb of being, after which it stands for nothing ('it
    was unclear', 'it would be difficult', 'it has been a struggle', 'it would take 24 hours'):
    the language's ``expletive_verbs.txt``, after a modal or 'have' or not."""
    tokens, lex = s.tokens, s.lex
    after = [t.low for t in tokens[k + 1:k + 3]]
    if after and lex.auxiliaries.get(after[0], (None, ""))[1] in ("modal", "have"):
        after = after[1:]  # ('it would be', 'it has been')
    return bool(after) and after[0] in lex.expletives


def _gist(s: Parsed, start: int, after: int, limit: int = GIST_WORDS, verb: Optional[int] = None,
          notes: Optional[list[str]] = None) -> str:
    """What was said, in words of the sentence: the reported clause before the speaker
    ('<words>, Peskov said'), around a speaker in commas ('<words>, Peskov said, <words>') or
    after the ``verb`` ('Peskov said (that) <words>', 'Peskov told reporters <words>')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    before = _segment(s, 0, start, last=True)
    setting = _past_setting(s, after)  # (where it was said: 'The oil, Barker noted in his reports, was')
    close = setting - 1 if setting is not None and setting != after and tokens[setting - 1].text == "," else after
    parenthetical = (start > 0 and tokens[start - 1].text == "," and close + 1 < len(tokens)
                     and tokens[close].text == "," and tokens[close + 1].low in lex.auxiliaries)
    if parenthetical:
        return _gist_words(s, before + _segment(s, close + 1, len(tokens)), limit, notes)
    k = after
    for j in range(after, min(len(tokens), after + 6)):
        if classes[j].finite:
            break  # (the 'that' of a relative clause in what was said: 'it forecasts prices that are')
        if tokens[j].low in lex.complementizers:
            k = j + 1  # 'told reporters that ...'
            break
    if k == after:
        k = _past_addressee(s, verb, k)  # 'told the BBC his company was going to ...'
    if k == after:
        k = setting  # 'said in a statement (that) ...', 'said in a report on Thursday.'
    following = _segment(s, k, len(tokens)) if k is not None else []
    # the words before the speaker, unless they are no clause and a clause follows ('Cautioning
    # about ..., Lund said that ...'); a quotation closed before the speaker however short ('"We
    # are tired," she said')
    closed_quote = (bool(before) and tokens[start - 1].text in _QUOTES
                    and not any(tokens[j].text[:1].isalnum() for j in following))
    clause_before = (len(before) > 3 or _quoted_words(s, start - 1) > 3) and tokens[start - 1].text in _BREAKS
    # (but a phrase of where it was said, opening the sentence, is no clause: 'In a letter
    # released on Tuesday, Crewe said the party had lost its way')
    # (nor is a participle's phrase before the speaker, with no auxiliary but in a clause of its
    # own: 'Laying out the steps that it was taking, its chief said: "..."'; not 'Reopening the well
    # would be no failure, Hunter said, because ...', nor 'Complicating efforts is the depth, said Ada')
    participle = lex.gerund(tokens[0].low) and _is_name(tokens[0]) and verb is not None and start < verb
    if participle:
        opener = next((j for j in range(1, start) if tokens[j].low in lex.clause or tokens[j].low in lex.clause_openers),
                      start)
        participle = not any(tokens[j].low in lex.auxiliaries for j in range(1, opener))
    setting_before = ((tokens[0].low in lex.settings or participle)
                      and len(following) >= 3 and not any(tokens[j].text in _BREAKS for j in range(start - 1)))
    if (closed_quote or clause_before) and not setting_before and (len(following) < 3 or any(
            classes[j].finite or tokens[j].low in lex.auxiliaries for j in range(start))):
        return _gist_words(s, _segment(s, 0, start), limit, notes)
    return _gist_words(s, following, limit, notes)


def _quoted_words(s: Parsed, close: int) -> int:
    """The number of words in the quotation that closes at ``close`` (0 when no quotation mark
    is there): a quotation is one thing said, whatever dashes it holds ('"... -- our shrimp,"')."""
    tokens = s.tokens
    if close < 1 or tokens[close].text not in _QUOTES:
        return 0
    opening = next((j for j in range(close - 1, -1, -1) if tokens[j].text in _QUOTES), -1)
    return sum(tokens[j].text[:1].isalnum() for j in range(opening + 1, close))


def _past_setting(s: Parsed, k: int) -> Optional[int]:
    """Where what was said begins when the reporting verb is followed by where it was said ('said
    in a statement that ...', 'said in a filing with the SEC the cost had risen', 'said in a
    statement: "..."', 'said, despite the ruling, the firms had to ...'): after the 'that' or the
    punctuation that ends the phrase, else at the subject that follows it (a determiner, pronoun
    or name after its noun); None when no clause follows ('..., Moody's said in a report on
    Thursday.'); ``k`` itself when no such phrase is there (not 'said at least 20 died', 'warned
    against all travel')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if k + 1 >= len(tokens) or tokens[k].low not in lex.settings \
            or not (tokens[k + 1].low in lex.determiners or _is_name(tokens[k + 1])):
        return k
    end = min(len(tokens), k + SETTING_WORDS + 1)
    quoted, subject = False, None
    for j in range(k + 1, end):
        token, before = tokens[j], tokens[j - 1]
        if token.text in _QUOTES:
            quoted = not quoted  # (a title: 'on NBC's "Meet the Press"')
            continue
        if quoted or s.timed[j]:
            continue
        if token.low in lex.complementizers:
            return j + 1  # (even past a subject-like word: 'in an interview with The Daily Mail that')
        if token.text in _BREAKS or (token.low in lex.clause and token.low not in lex.coordinators):
            if token.text not in _BREAKS:
                return subject
            that = next((m for m in range(j + 1, min(len(tokens), j + 4))
                         if tokens[m].low in lex.complementizers), None)
            if that is not None:
                return that + 1  # ('at the firm's headquarters in Houston, Texas, that ...')
            clause = any(classes[m].finite or tokens[m].low in lex.auxiliaries for m in range(j + 1, len(tokens)))
            return subject if subject is not None else (j + 1 if clause else None)
        if subject is None and not (before.low in lex.prepositions or before.low in lex.determiners
                                    or before.low in lex.coordinators or lex.possessive(before.low)) \
                and (token.low in lex.determiners or token.low in lex.subjects
                     or (_is_name(token) and not _is_name(before))):
            subject = j
    return subject


def _gist_words(s: Parsed, indices: list[int], limit: int, notes: Optional[list[str]] = None) -> str:
    """The gist of what was said in the words of ``indices``, at most ``limit`` of them (a few
    more to keep a subject, its verb and the verb's first phrase whole: :func:`_floor`); with
    ``notes``, 'cut' added to it when that took leaving out a subject's modifiers or could not be
    done."""
    lex = s.lex
    indices = _without_hedge(s, indices)
    words = _words(s, indices)
    if len(words) > limit:
        whole = _whole_until(s, indices)
        if not (whole and len(_words(s, indices[:whole])) <= limit + SLACK):  # (else its subject kept whole)
            fitted = _fit_subject(s, indices, limit + SLACK)
            if fitted == indices:
                fitted = _shorten_subject(s, indices, limit)
            if notes is not None and fitted != indices:
                notes.append("cut")
            indices = fitted
            words = _words(s, indices)
    cut = _cut(words, limit)
    floor = _floor(s, indices, limit, _words) if cut else 0
    if notes is not None and cut and (whole := _whole_until(s, indices)) \
            and len(_words(s, indices[:whole])) > limit + SLACK:
        notes.append("cut")  # (the speaker is shortened first, if it can be, before a verb's phrase is)
    return _title(words, limit, lex, floor=floor) if words else ""


def _without_hedge(s: Parsed, indices: list[int]) -> list[int]:
    """What was said without an opening 'I think (that)': the clause that carries the gist."""
    tokens, lex = s.tokens, s.lex
    if len(indices) < 2 or lex.pronouns.get(tokens[indices[0]].low) != "other" \
            or tokens[indices[1]].low not in lex.hedges:
        return indices  # (the opinion of the speaking 'I' or 'we'; 'the bakery said it hopes' is news)
    k = 3 if len(indices) > 2 and tokens[indices[2]].low in lex.complementizers else 2
    return indices[k:] if len(indices) - k >= 3 else indices


def _source_opener(s: Parsed, indices: list[int]) -> int:
    """The length of the attribution phrase ('according to') the words of ``indices`` open
    with, 0 when they open with none."""
    n = attribution_at(s, indices[0]) if indices else 0
    return n if n and indices[:n] == list(range(indices[0], indices[0] + n)) else 0


def _segment(s: Parsed, start: int, end: int, last: bool = False) -> list[int]:
    """The word indices of a comma-separated segment of ``start..end`` (quotes and brackets
    skipped): the first one of more than three words that is not a subordinate clause ('As we
    go on testing, I expect deaths': the second), or the last one."""
    tokens = s.tokens
    segments: list[list[int]] = [[]]
    depth = 0
    for k in range(start, end):
        text = tokens[k].text
        if text in "([":
            depth += 1
        elif text in ")]":
            depth = max(0, depth - 1)
        elif depth or text in _QUOTES:
            continue
        elif text in _BREAKS:
            segments.append([])
        else:
            segments[-1].append(k)
    # (a segment that names a source is not what was said: '..., according to the WHO')
    segments = [seg for seg in segments if seg and not _source_opener(s, seg)]
    if not segments:
        return []
    subject = _subject_apart(s, segments)
    if subject is not None:  # 'The driver, a man of 52, was cited': the driver was cited
        return subject
    if last:
        return segments[-1]
    lex = s.lex
    long = [seg for seg in segments if len(seg) > 3]
    main = [seg for seg in long
            if not (tokens[seg[0]].low in lex.clause and tokens[seg[0]].low not in lex.coordinators)]
    return (main or long or segments)[0]


def _subject_apart(s: Parsed, segments: list[list[int]]) -> list[int] | None:
    """A subject set off from its verb by an appositive, an age or a relative clause ('John
    Smith, 45, was charged', 'The head of Volantis, Mark Hendry, has stepped down', 'the bridge,
    which opened in 2005, is unsafe', '125 people, many of whom had not been abroad, had been
    infected'): the first segment, a noun phrase with no verb, joined to the first later segment
    that opens with its verb group, when every segment between has no verb either or is a
    relative clause (or a noun phrase and one).  None when the segments are not so."""
    tokens, classes, lex = s.tokens, s.classes, s.lex

    def verbal(k: int) -> bool:
        return tokens[k].low in lex.auxiliaries or classes[k].finite

    def relative(seg: list[int]) -> bool:  # a relative clause, or a noun phrase and one ('many of whom had')
        r = next((n for n, k in enumerate(seg) if tokens[k].low in lex.relatives), None)
        return r is not None and not any(verbal(k) for k in seg[:r])

    first = segments[0]
    opener = tokens[first[0]].low
    words = [tokens[k].text for k in first if tokens[k].text[:1].isalpha()]
    if len(segments) < 2 or not words or opener in lex.clause or opener in lex.prepositions \
            or any(verbal(k) or s.timed[k] for k in first) \
            or all(w.isupper() for w in words) \
            or all(tokens[k].low in lex.pronouns and tokens[k].low not in lex.subjects for k in first):
        return None  # (not a time, a dateline in capitals, an object pronoun: 'telling us, "Don't worry"')
    for seg in segments[1:]:
        if verbal(seg[0]):
            return first + seg
        if any(verbal(k) for k in seg) and not relative(seg):
            return None
    return None


def _shorten_subject(s: Parsed, indices: list[int], limit: int) -> list[int]:
    """Drop the modifiers of a long subject: 'Trade turnover between A and B is minimal' ->
    'Trade turnover is minimal' (a subject has no verb: not 'it hopes to post revenue that is');
    and before a past verb that cutting at the ``limit`` would leave out: 'A man in his 30s with
    serious underlying heart problems died of the virus' -> 'A man in his 30s died of the virus',
    not 'A man in his 30s' (its first modifier kept when at most ``FIRST_MODIFIER_WORDS`` long:
    'a number of the workers', not 'a number')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    verb = next((n for n, k in enumerate(indices) if tokens[k].low in lex.auxiliaries or classes[k].finite), None)
    if verb is None:
        return indices
    first = _preposition_after(s, indices, 2, verb)  # where the subject's modifiers begin
    if tokens[indices[verb]].low not in lex.auxiliaries:
        if tokens[indices[verb]].text in _clip(_words(s, indices), limit, lex) or not _plain_subject(s, indices, verb):
            return indices  # (its verb kept by the cut, or no plain subject before it)
        second = _preposition_after(s, indices, first + 2, verb)
        if second - first <= FIRST_MODIFIER_WORDS:  # the first modifier kept when short: 'the loss of power'
            first = second
    return indices[:first] + indices[verb:]


def _preposition_after(s: Parsed, indices: list[int], start: int, end: int) -> int:
    """The place in ``indices`` of the first preposition from ``start`` to ``end``, else ``end``."""
    return next((n for n in range(start, end) if s.tokens[indices[n]].low in s.lex.prepositions), end)


def _plain_subject(s: Parsed, indices: list[int], verb: int) -> bool:
    """Whether ``indices[:verb]`` are a noun phrase alone, the subject of the past verb at
    ``indices[verb]`` ('a man in his 30s with heart problems [died]'): opened by a determiner or a
    possessive, its modifiers after a preposition at most ``SUBJECT_MODIFIER_WORDS`` long, none
    of its words opening or telling another clause (:func:`_clause_inside`), and the verb no
    participle before a name, an agent or an infinitive ('a big jump in the number of patients
    [confirmed with] swine flu', 'the official in charge, [retired] Adm. Allen', 'the first of
    the wells [meant to] stop the flow')."""
    tokens, lex = s.tokens, s.lex
    first, head = tokens[indices[0]].low, indices[verb]
    if not (first in lex.determiners or (lex.possessive(first) and _owner(lex, first))) \
            or not lex.past(tokens[head].low):  # (opened by 'the', 'its', 'BP's'; not 'that's', 'it's')
        return False
    if verb - _preposition_after(s, indices, 2, verb) > SUBJECT_MODIFIER_WORDS:
        return False
    for k in indices[verb + 1:]:
        if tokens[k].text in _BREAKS or tokens[k].low in lex.clause:
            break
        if s.classes[k].verb and lex.past(tokens[k].low):
            return False  # (a participle, the verb still to come: 'the crew [seized] off Somalia returned')
    after = tokens[head + 1] if head + 1 < len(tokens) else None
    then = tokens[head + 2] if head + 2 < len(tokens) else None  # ('meant to stop'; not 'rose to 35')
    infinitive = after is not None and after.low in lex.infinitive and then is not None and then.text[:1].islower() \
        and then.low not in lex.determiners
    if after is not None and (_is_name(after) or after.low in lex.agents or after.low == "with" or infinitive):
        return False
    return not any(_clause_inside(s, k) for k in indices[1:verb])


def _clause_inside(s: Parsed, k: int) -> bool:
    """Whether the word at ``k``, inside a subject, tells a clause of its own there: a verb, a
    past form, an auxiliary, a clause word, a break, a quotation mark, a pronoun's contraction
    ('that's'; not a possessive: 'the workers' union', 'BP's chief'), a verb in the present
    (:func:`_present_verb`) or a determiner that no preposition leads to ('of the night [the] rig
    exploded')."""
    token, lex = s.tokens[k], s.lex
    low = token.low
    quoted = ("'" in low or "\u2019" in low) and not (lex.possessive(low) and _owner(lex, low))
    return (s.classes[k].verb or low in lex.clause or token.text in _BREAKS or quoted or lex.past(low)
            or low in lex.auxiliaries or _present_verb(s, k)
            or (low in lex.determiners and s.tokens[k - 1].low not in lex.prepositions))


def _owner(lex: Lexicon, low: str) -> Optional[str]:
    """Whose a possessive is ('BP's': 'bp', 'the workers'': 'worker'), or None for a pronoun's or
    a clause word's contraction ('it's', 'that's')."""
    owner = lex.without(low, "possessive")
    return None if owner in lex.pronouns or owner in lex.clause or owner in lex.determiners else owner


def _present_verb(s: Parsed, k: int) -> bool:
    """Whether the word at ``k`` may be a verb in the present between a noun and what it governs:
    a word in -s after a word neither a determiner nor a preposition, and before one ('your idea
    [falls] in the category', 'the spill [goes] to the heart'; not 'the number of [cases] of flu')."""
    tokens, lex = s.tokens, s.lex
    low = tokens[k].low
    if not (low.endswith("s") and low[:1].islower() and 0 < k < len(tokens) - 1) or low in lex.prepositions \
            or low.endswith(("ss", "us", "is")):  # ('across', 'the crisis', 'a bus')
        return False
    before, after = tokens[k - 1].low, tokens[k + 1].low
    return (before not in lex.determiners and before not in lex.prepositions and after not in lex.joiners
            and (after in lex.prepositions or after in lex.determiners))  # (not 'the [districts] of the region')


def _occasion_verb(s: Parsed, noun: int) -> int:
    """The verb of the clause an event noun is the occasion or circumstance of ('O'Hare spoke at
    a White House briefing', 'executives appear at congressional hearings', 'seized power in a
    bloodless coup'): a reader learns who did what there, not only that there was a briefing.
    ``noun`` itself when it is neither."""
    tokens, lex = s.tokens, s.lex
    j = phrase_opener(s, noun)
    if j < 0 or tokens[j].low not in lex.circumstances:
        return noun
    if tokens[j].low not in lex.occasions and not (noun + 1 < len(tokens) and (s.timed[noun + 1]
                                                                            or _leads_into_time(s, noun + 1))):
        return noun  # (a circumstance only with its time right after it: 'died in an explosion on Monday')
    verb = verb_of_phrase(s, j)  # (not a reporting verb: what was said there is another event)
    return noun if verb is None else verb


def _title_word(s: Parsed, k: int) -> int:
    """The word whose clause titles the event at ``k``: the verb an event noun is the object of
    ('the club had a $2 million deficit'), the sentence's happening for the end of a period ('the
    club reported revenue of $9.5 million for the half ended March 31'), else ``k`` itself."""
    classes = s.classes
    if classes[k].noun:
        verb = _governing_verb(s, k)
        if verb == k:
            verb = _occasion_verb(s, k)
        return verb if classes[verb].finite and (
            _subject(s, verb) or (opens_on_auxiliary(s, verb) and _subject_elsewhere(s, verb))) else k
    if classes[k].period_end:
        main = _main_verb(s)
        return k if main is None else main
    return k


def capped(title: str) -> str:
    """``title`` cut to at most ``TITLE_CHARS`` characters, at a space when one is past half of
    them, with an ellipsis."""
    if len(title) <= TITLE_CHARS:
        return title
    cut = title[:TITLE_CHARS - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > TITLE_CHARS // 2 else cut).rstrip() + "\u2026"


def _cut(words: list[str], limit: int) -> bool:
    """Whether a title of ``words`` may be cut (:func:`_clip`): more than ``limit`` and its slack.
    If not, no floor changes it, and none is worked out."""
    return len(words) > limit + SLACK


def _floor(s: Parsed, indices: list[int], limit: int, render) -> int:
    """How many of the words ``render(s, indices)`` gives a title of them must keep so that it
    ends neither between a subject and its verb nor between a verb (or its object) and the first
    phrase it governs (:func:`_whole_until`); 0 when that runs more than ``WHOLE_REACH`` words
    past the ``limit`` and its slack (the title is then cut as before)."""
    most = limit + SLACK + WHOLE_REACH
    for levels in range(WHOLE_DEPTH, 0, -1):  # (fewer verbs followed down when all of them are too long)
        n = _whole_until(s, indices, levels)
        if n == 0:
            return 0
        floor = len(render(s, indices[:n]))
        if floor > most:  # the last phrase 'of' adds is left out first: 'keep the boot on the neck'
            verb = _clause_verb(s, indices, 0) or 0
            of = next((m for m in range(n - 1, verb, -1) if s.tokens[indices[m]].low == "of"
                       and s.tokens[indices[m - 1]].low not in s.lex.partitives), None)
            if of is not None:
                floor = len(render(s, indices[:of]))
        if floor <= most:
            return floor
    return 0


def _whole_until(s: Parsed, indices: list[int], levels: int = WHOLE_DEPTH) -> int:
    """The place in ``indices`` (a clause: a subject, its verb and what follows) before which no
    title of them ends: past the clause's verb (:func:`_clause_verb`; 'A man in his 30s
    [succumbed]'), past the first phrase that verb governs ('showed resistance [to Tamiflu]',
    'will keep a boot [on the neck of BP]', 'succumbed [to the virus]'), and down into the clause
    or infinitive it governs ('too early to assume the outbreak [was a mild infection]'); 0 when
    the words have no such verb.  ``levels``: how many verbs are followed down, at most."""
    # (asked for again and again while a title is fitted to its length)
    return s.kept((_whole_until, tuple(indices), levels), _clause_whole_until, indices, levels)


def _clause_whole_until(s: Parsed, indices: list[int], levels: int) -> int:
    verb = _clause_verb(s, indices, 0)
    return 0 if verb is None else _verb_end(s, indices, verb, WHOLE_DEPTH - levels)


def _clause_verb(s: Parsed, indices: list[int], start: int) -> Optional[int]:
    """The place in ``indices`` where the verb group of the clause opening at ``start`` begins:
    an auxiliary or a verb of the clause (``finite``, or a past form after a noun), else a verb in
    the present between a noun and what it governs (:func:`_present_verb`: 'the flood [goes] to';
    not before an auxiliary: 'significant [differences] between the tests may be due'); not a
    participle after a noun that describes it (:func:`_describing_participle`: 'the crew [seized]
    off Somalia returned'); None past a break, or past a word that opens another clause inside the
    subject ('the rig that exploded')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    present = skipped = None  # (a participle passed over is the verb after all when no other comes)
    for n in range(start, len(indices)):
        k = indices[n]
        token = tokens[k]
        if token.text in _BREAKS or token.text in _QUOTES:
            return present if skipped is None else skipped
        if s.timed[k]:
            continue
        low = token.low
        if n > start and low in lex.clause and low not in lex.coordinators \
                and not phrase_at(s, k, lex.clause_word_phrases):  # (not a preposition: 'as part of')
            return present if skipped is None else skipped
        if low in lex.auxiliaries and not (n > start and lex.possessive(low)):
            return n
        if classes[k].finite or (n > start and classes[k].verb and lex.past(low) and token.text[:1].islower()
                                 and tokens[indices[n - 1]].low not in lex.prepositions):
            if n > start and lex.past(low) and _describing_participle(s, indices, n):
                if skipped is None and classes[k].finite:
                    skipped = n
                continue
            return n
        if present is None and n > start and _present_verb(s, k):
            present = n
    return present if skipped is None else skipped


def _describing_participle(s: Parsed, indices: list[int], n: int) -> bool:
    """Whether the past form at ``indices[n]`` describes the noun before it rather than being its
    verb (the guards of :func:`_plain_subject`): a name, an agent, 'with' or an infinitive follows
    it ('the official in charge, [retired] Adm. Allen', after a comma only: not 'the firm [sued] BP';
    'a team [headed] by', 'the wells [meant] to stop'), or another past verb follows before the clause ends ('the crew [seized] off Somalia
    returned')."""
    tokens, lex = s.tokens, s.lex
    head = indices[n]
    after = tokens[head + 1] if head + 1 < len(tokens) else None
    then = tokens[head + 2] if head + 2 < len(tokens) else None
    if after is not None and (_is_name(after) and tokens[head - 1].text in _BREAKS
                              or after.low in lex.agents or after.low == "with" or (
            after.low in lex.infinitive and then is not None and then.text[:1].islower()
            and then.low not in lex.determiners and s.classes[head + 2].verb)):  # (not 'amounted to paper')
        return True
    for k in indices[n + 1:]:
        if tokens[k].text in _BREAKS or tokens[k].low in lex.clause:
            return False
        if tokens[k - 1].low in lex.infinitive:
            continue  # (an infinitive is no verb of the clause: 'turned out to [be]')
        if tokens[k].low in lex.auxiliaries or (s.classes[k].verb and lex.past(tokens[k].low)):
            return True
    return False


def _verb_end(s: Parsed, indices: list[int], n: int, depth: int) -> int:
    """The end (a place in ``indices``) of the verb group that begins at ``indices[n]`` and of the
    first phrase its verb governs (:func:`_governed_end`)."""
    tokens, lex = s.tokens, s.lex
    main = tokens[indices[n]].low not in lex.auxiliaries
    if not main:  # an auxiliary is the verb itself when no verb follows it ('has nothing to do', 'is within')
        ahead = None  # (the verb after it, past adverbs: 'have so far contracted')
        for m in range(n + 1, min(len(indices), n + 4)):
            k = indices[m]
            low = tokens[k].low
            if _verbal(s, k) or low in lex.auxiliaries:
                ahead = m
                break
            if tokens[k].text in _BREAKS or not tokens[k].text[:1].islower() or low in lex.determiners \
                    or low in lex.prepositions or low in lex.pronouns or low in lex.infinitive:
                break
        if ahead is None:
            main = True
        else:
            n = ahead - 1
    n += 1
    while n < len(indices):
        k = indices[n]
        low = tokens[k].low
        if tokens[k].text in _BREAKS:
            break
        if low in lex.auxiliaries or lex.adverb(low) or _denies(low, lex) or s.timed[k]:
            n += 1
            continue
        if not main and _verbal(s, k):
            main = True
            n += 1
            continue
        if not main and tokens[k].text[:1].islower() and not (
                low in lex.determiners or low in lex.prepositions or low in lex.pronouns or low in lex.clause
                or low in lex.infinitive):
            main = True  # the verb after its auxiliaries ('will [keep]', 'was [confirmed]')
            n += 1
            continue
        break
    return _governed_end(s, indices, n, depth)


def _verbal(s: Parsed, k: int) -> bool:
    """Whether the word at ``k`` may be the verb after an auxiliary: a verb, a past form or an -ing form."""
    low = s.tokens[k].low
    return s.tokens[k].text[:1].islower() and (s.classes[k].verb or s.lex.past(low) or s.lex.gerund(low))


def _governed_end(s: Parsed, indices: list[int], n: int, depth: int) -> int:
    """The end of the first phrase a verb governs, which opens at ``indices[n]``: a clause ('that
    the rig sank', 'the outbreak was mild'), an infinitive ('to stop the flow'), a phrase a
    preposition opens ('to the virus'), or a noun phrase and the first phrase after it that a
    preposition or an infinitive opens ('resistance to Tamiflu', 'a boot on the neck of BP', 'too
    early to assume ...'); ``n`` itself when none follows."""
    tokens, lex = s.tokens, s.lex
    while n < len(indices) and (s.timed[indices[n]] or _before_time(s, indices[n])):
        n += 1
    if n >= len(indices) or tokens[indices[n]].text in _BREAKS:
        return n
    low = tokens[indices[n]].low
    if depth >= WHOLE_DEPTH:  # (the last verb followed down keeps its object, not a clause's subject)
        if low in lex.prepositions or low in lex.clause or _infinitive_at(s, indices, n):
            return n
        m = _noun_phrase_end(s, indices, n, chained=False)
        return n if m < len(indices) and (tokens[indices[m]].low in lex.auxiliaries
                                          or s.classes[indices[m]].finite) else m
    if low in lex.complementizers:
        return _clause_end(s, indices, n + 1, depth + 1)
    if _infinitive_at(s, indices, n):
        return _verb_end(s, indices, n + 1, depth + 1)
    if low in lex.prepositions:
        return _prepositional_end(s, indices, n, depth)
    if low in lex.clause:
        return n
    m = _noun_phrase_end(s, indices, n)
    if m == n or m >= len(indices):
        return m
    k = indices[m]
    if tokens[k].low in lex.auxiliaries or s.classes[k].finite:  # a clause: 'assume the outbreak [was] ...'
        return _verb_end(s, indices, m, depth + 1)
    if _infinitive_at(s, indices, m):  # 'too early [to assume]', 'his address [to try]'
        return _verb_end(s, indices, m + 1, depth + 1)
    if tokens[k].low in lex.prepositions and not _before_time(s, k) and _governs(s, indices[n:m]):
        return _prepositional_end(s, indices, m, depth)
    return m


def _governs(s: Parsed, noun_phrase: list[int]) -> bool:
    """Whether an object may govern the phrase a preposition opens after it ('showed resistance [to
    Tamiflu]', 'keep a boot [on the neck]', 'set aside $20 billion [for a fund]'): a short phrase
    (``OBJECT_WORDS``) of common nouns, not names nor a list ('sued BP and eight other companies
    [in ...]', 'criticised Tony Hayward [over ...]')."""
    tokens, lex = s.tokens, s.lex
    words = [k for k in noun_phrase if tokens[k].text[:1].isalnum()]
    return 0 < len(words) <= OBJECT_WORDS and not _is_name(tokens[words[-1]]) \
        and not any(tokens[k].low in lex.coordinators or tokens[k].low == "of" for k in words)


def _clause_end(s: Parsed, indices: list[int], n: int, depth: int) -> int:
    verb = _clause_verb(s, indices, n)
    return _noun_phrase_end(s, indices, n) if verb is None else _verb_end(s, indices, verb, depth)


def _infinitive_at(s: Parsed, indices: list[int], n: int) -> bool:
    """Whether ``indices[n]`` is an infinitive's 'to' before its verb ('to stop', not 'to the Gulf')."""
    tokens, lex = s.tokens, s.lex
    if tokens[indices[n]].low not in lex.infinitive or n + 1 >= len(indices):
        return False
    following = tokens[indices[n + 1]]
    return following.text[:1].islower() and following.low not in lex.determiners \
        and following.low not in lex.pronouns and not lex.possessive(following.low) \
        and not following.text[:1].isdigit()


def _prepositional_end(s: Parsed, indices: list[int], n: int, depth: int) -> int:
    """The end of the phrase the preposition at ``indices[n]`` opens, with the phrases 'of' adds
    to it ('on the neck of BP'); a verb after it with what it governs ('for failing to stop')."""
    tokens, lex = s.tokens, s.lex
    m = _noun_phrase_end(s, indices, n + 1, chained=False)
    if m == n + 1 and m < len(indices) and s.classes[indices[m]].verb and depth + 1 < WHOLE_DEPTH:
        return _verb_end(s, indices, m, depth + 1)
    return m


def _noun_phrase_end(s: Parsed, indices: list[int], n: int, chained: bool = True) -> int:
    # (``chained``: any number of phrases 'of' adds; else one: 'on the neck of BP', not 'in the
    # second round of their title fight of ...')
    """The end of the noun phrase at ``indices[n]``, with the phrases 'of' adds to it ('the neck
    of BP Plc', 'a pair of relief wells'): up to a break, a time, another preposition, a word of
    a clause, an auxiliary, a verb of a clause or an infinitive's 'to'."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    start = n
    hopped = False
    while n < len(indices):
        k = indices[n]
        low = tokens[k].low
        if tokens[k].text in _BREAKS or tokens[k].text in _QUOTES or s.timed[k] or _before_time(s, k):
            break
        if low == "of" and n > start and (chained or not hopped):
            hopped = True
            n += 1
            continue
        if n > start and low in lex.subjects:
            break  # (a clause that describes the noun: 'the way [it] operated')
        if low in lex.prepositions or low in lex.clause or low in lex.auxiliaries or _infinitive_at(s, indices, n):
            break
        if n > start and (classes[k].finite or (_present_verb(s, k) and tokens[k + 1].low in lex.determiners)) \
                and not any(tokens[indices[m]].low in lex.determiners for m in range(max(start, n - 2), n)):
            break  # (a verb after its subject, not a noun after a determiner: 'a contradictory [set]')
        n += 1
    return n


def _fit_subject(s: Parsed, indices: list[int], room: int) -> list[int]:
    """``indices`` with the last modifiers of a long subject left out, as few as lets the words up
    to the end of its verb's first phrase (:func:`_whole_until`) fit in ``room`` words: 'A man in
    his 30s [with underlying heart conditions] succumbed to the virus', 'the first of a pair of
    relief wells [meant to stop the flow] is within 200 feet'.  A modifier opens on a preposition
    or on a participle after a noun; the first is kept when short (``FIRST_MODIFIER_WORDS``: 'a
    number of the workers'); a participle's phrase goes whole.  The subject opens on a determiner
    or a possessive ('the', 'its', "BP's"; not 'Anywhere from ...') and holds no other clause.
    ``indices`` unchanged when it fits, or when no such subject is there."""
    tokens, lex = s.tokens, s.lex
    whole = _whole_until(s, indices)
    if whole == 0 or len(_words(s, indices[:whole])) <= room:
        return indices
    verb = _clause_verb(s, indices, 0)
    first = tokens[indices[0]].low
    if verb is None or verb < 3 or not (first in lex.determiners or (lex.possessive(first) and _owner(lex, first))):
        return indices
    if any(tokens[k].low in lex.clause or tokens[k].text in _BREAKS or tokens[k].text in _QUOTES
           for k in indices[1:verb]):
        return indices
    bounds: list[int] = []  # where each modifier opens
    participle = False
    for n in range(2, verb):
        k = indices[n]
        low = tokens[k].low
        if participle:
            continue  # (a participle's phrase goes whole)
        if low in lex.prepositions and not s.timed[k] and not _before_time(s, k):
            bounds.append(n)
        elif tokens[k].text[:1].islower() and s.classes[k].verb and not (lex.gerund(low) and low in lex.nouns) \
                and tokens[indices[n - 1]].low not in lex.prepositions and tokens[indices[n - 1]].low not in lex.infinitive:
            bounds.append(n)
            participle = True
    if not bounds:
        return indices
    least = bounds[0]
    if len(bounds) > 1 and bounds[1] - bounds[0] <= FIRST_MODIFIER_WORDS:
        least = bounds[1]  # (the first modifier kept when short: 'the loss of power', 'a number of the workers')
    for b in sorted((b for b in bounds if b >= least), reverse=True):
        shorter = indices[:b] + indices[verb:]
        end = _whole_until(s, shorter)
        if end and len(_words(s, shorter[:end])) <= room:
            return shorter
    return indices
