"""Clause structure over a parsed sentence: where a clause starts, its subject, its verb, the
verb an event noun is the object of, and which verbs are the main clause's."""

from __future__ import annotations

from typing import Optional

from timeline.events.lexicon import Lexicon, lemma
from timeline.events.sentence import (
    _BREAKS, _DOUBLE_QUOTES, _QUOTES, _STOPS, Parsed, Token, WordClass, _clause_start, _is_name, _verb_group,
)


def _stative(token: Token, lex: Lexicon) -> bool:
    return lemma(token.text, lex) in lex.statives or lex.aux_kind(token.low) == "have"


def _light(token: Token, cls: WordClass, lex: Lexicon) -> bool:
    """Whether a verb says little of its own beside its object: stative, light ('took a beating')
    or reporting ('reported a small deficit')."""
    stem = lemma(token.text, lex)
    return cls.reporting or _stative(token, lex) or stem in lex.lights or stem in lex.reporting_stems


def _governing_verb(s: Parsed, noun: int) -> int:
    """The verb whose direct object the event noun is ('signed a fishing rights treaty',
    'told a crowded press briefing'), else the noun itself."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    k = noun - 1
    while k >= 0 and not classes[k].verb:
        if tokens[k].text in _BREAKS or tokens[k].low in lex.prepositions or tokens[k].low in lex.clause \
                or _is_name(tokens[k]) or classes[k].noun or noun - k > 4:
            return noun
        k -= 1
    return k if k >= 0 else noun


JOINED_WORDS = 6  # the noun phrase before an 'and' that joins two into one subject, at most ('Talks between the union')
LIST_WORDS = 10  # a list of four names or more is the subject whole up to this many words (a title keeps its verb)
QUOTED_WORDS = 25  # a quotation the verb before a coordinated one ends on is skipped up to this many words
ADDRESSEE_WORDS = 6  # the person told ('told the BBC') and the subject after, in at most this many words


def _past_addressee(s: Parsed, verb: Optional[int], k: int) -> int:
    """Where what was said begins when the reporting ``verb`` names the person told first ('told
    the BBC his company was going', 'assured reporters they would'): at the determiner or subject
    pronoun that opens the subject of the next finite verb; ``k`` otherwise ('told Reuters BP
    would': no telling where the one ends and the other begins)."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if verb is None or tokens[verb].low not in lex.addressees:
        return k
    end = next((j for j in range(k, min(len(tokens), k + ADDRESSEE_WORDS + 2))
                if classes[j].finite or tokens[j].low in lex.auxiliaries), None)
    if end is None:
        return k
    opens = [m for m in range(k + 1, end) if tokens[m].low in lex.determiners or tokens[m].low in lex.subjects]
    return opens[-1] if opens else k


ASIDE_TOKENS = 8  # a bracketed aside inside a subject is short: '(liters)', '(348m to 689m litres)'


def aside_end(s: Parsed, k: int) -> Optional[int]:
    """The closing bracket of the short aside the bracket at ``k`` opens ('(liters)', '(348m to
    689m litres)', at most ``ASIDE_TOKENS`` words, no verb nor stop among them), else None."""
    tokens, classes = s.tokens, s.classes
    if tokens[k].text != "(":
        return None
    close = next((j for j in range(k + 1, min(len(tokens), k + 2 + ASIDE_TOKENS)) if tokens[j].text in "()"), None)
    if close is None or tokens[close].text != ")" or close == k + 1 \
            or any(classes[j].verb or tokens[j].text in _BREAKS for j in range(k + 1, close)):
        return None
    return close


def _past_aside(s: Parsed, start: int, i: int) -> int:
    """Where the clause of the verb at ``i`` starts when the text from ``start`` follows a short
    bracketed aside (:func:`aside_end`) that a word stands right before and a word in lower case
    right after: the subject goes on before it ('Millions of gallons (liters) of oil had
    spilled': not 'of oil'; but 'Adm. Thad Allen (FNC) Adm. Thad Allen took' opens anew)."""
    tokens = s.tokens
    while 0 < start < i and tokens[start - 1].text == ")" and not tokens[start].text[:1].isupper():
        opening = next((k for k in range(start - 2, max(-1, start - 2 - ASIDE_TOKENS), -1)
                        if tokens[k].text in "()"), None)
        if opening is None or opening == 0 or aside_end(s, opening) != start - 1 \
                or tokens[opening - 1].text in _BREAKS or tokens[opening - 1].low in s.lex.clause:
            break
        start = _clause_start(s, opening - 1)
    return start


def _outside_brackets(s: Parsed, start: int, end: int) -> list[int]:
    """The indices from ``start`` to ``end`` but for a bracketed aside and its brackets: who the
    subject is ('Gov. Bobby Jindal (R)') is read without it."""
    kept, depth = [], 0
    for k in range(start, end):
        text = s.tokens[k].text
        if text == "(":
            depth += 1
        elif text == ")" and depth:
            depth -= 1
        elif not depth:
            kept.append(k)
    return kept if not depth else list(range(start, end))  # (an unclosed bracket asides nothing)


def _subject(s: Parsed, i: int) -> list[int]:
    """The indices of the subject words before the verb at ``i`` (no adverbs, no auxiliaries),
    after a reporting verb that opens a reported clause ('Smith said he had cut ...': 'he')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    start = _past_aside(s, _clause_start(s, i), i)
    outer = _before_relative(s, start, i)
    if outer:
        return [k for k in outer if not _adverb(s, k)]
    start = max([start] + [k + 1 for k in range(start, i) if classes[k].reporting])
    if 0 < start < i and classes[start - 1].reporting:  # not the person told: 'told reporters the company would'
        start = _past_addressee(s, start - 1, start)
    while start >= 2 and start < i and tokens[start - 1].low in lex.coordinators and _is_name(tokens[start]) \
            and _is_name(tokens[start - 2]):  # names joined by 'and': 'Acme and Brightway said'
        start -= 2
        while start > 0 and _is_name(tokens[start - 1]):
            start -= 1
        if start > 0 and tokens[start - 1].low in lex.prepositions:
            # the names are where something was: 'blasts at the embassies in Nairobi and Dar es
            # Salaam killed 257', so the subject is the phrase they end
            start = _clause_start(s, start - 1)
    listed = any(tokens[k].low in lex.coordinators for k in range(start, i)) and _is_name(tokens[start])
    if start < i:
        start = _joined_opening(s, start)
    head, items = start, 0
    while listed and head >= 2 and tokens[head - 1].text == "," and _is_name(tokens[head - 2]):
        # a list of names: 'Executives with BP, Transocean and Halliburton', 'The leaders of
        # Lithuania, Latvia, Estonia and Poland'; not a phrase set before the subject ('After the
        # vote in Paris, Smith and Jones met'): back over its names to the phrase that opens it
        head, items = _clause_start(s, head - 2), items + 1
    if head < start and head == 0 and tokens[0].low not in lex.prepositions \
            and not any(classes[k].verb for k in range(0, start)) \
            and (items == 1 or sum(tokens[k].text[:1].isalnum() for k in range(0, i)) <= LIST_WORDS):
        start = 0  # (only a sentence's opening noun phrase: no clause word, preposition or verb before)
    if 2 <= start < i and tokens[start - 1].low in lex.coordinators and s.timed[start] and s.timed[start - 2]:
        start = _clause_start(s, start - 2)  # times joined by 'and': 'the floods of 1953 and 1978 killed'
    if opens_on_auxiliary(s, i):
        return []  # its subject is before it: 'Trichet, who ..., is due to hold'
    subject = [k for k in _outside_brackets(s, start, i)
               if not classes[k].finite and not classes[k].infinitive and not _adverb(s, k)
               and tokens[k].low not in lex.auxiliaries and tokens[k].low not in lex.infinitive]
    if len(subject) > 1 and tokens[subject[0]].low in lex.prepositions \
            and tokens[subject[-1]].low in lex.only_subjects and tokens[subject[-1]].low not in lex.relatives:
        # a pronoun that is only ever a subject, after a phrase that sets the scene: 'In the end I
        # confirmed' (not 'in an attempt to seal it off', 'the relief they had')
        return subject[-1:]
    return subject


def opens_on_auxiliary(s: Parsed, i: int) -> bool:
    """Whether the clause of the verb at ``i`` opens, after a comma, on an auxiliary of its verb
    group ('Trichet, who had opposed the move, | is due to hold'): it has no subject of its own."""
    start = _clause_start(s, i)
    return 0 < start < i and s.tokens[start].low in s.lex.auxiliaries and s.tokens[start - 1].text == ","


def _joined_opening(s: Parsed, start: int) -> int:
    """0 when the phrase at ``start`` is joined by 'and' to nouns that open the sentence, with no
    verb on either side: one subject ('Talks between the union and terminal operators over pay
    broke down', 'Spanish and Italian yields, which ...'); else ``start``."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if start < 2 or tokens[start - 1].low not in lex.coordinators or s.timed[start]:
        return start
    words = sum(tokens[k].text[:1].isalnum() for k in range(0, start - 1))
    if _clause_start(s, start - 2) == 0 and 1 <= words <= JOINED_WORDS and tokens[0].low not in lex.prepositions \
            and not any(classes[k].verb or classes[k].finite or tokens[k].low in lex.auxiliaries or s.timed[k]
                        or tokens[k].low in lex.subjects for k in range(0, start)):
        return 0
    return start


RELATIVE_REACH = 5  # a relative clause's own verb comes within this many words of its opener


def _before_relative(s: Parsed, start: int, i: int) -> list[int]:
    """The subject of the verb at ``i`` when a whole relative clause, opening at ``start``, sits
    between them: 'the rig that had burned for 36 hours sank' -> 'the rig'; 'the admiral who
    Obama put in charge issued' -> 'the admiral'; 'relatives of the men who died are flying' ->
    'relatives of the men'.  [] when the clause has no verb of its own before ``i`` ('the rig
    that sank'), when 'that' opens what was said or thought ('officials said that the rig sank',
    'remember that many cases are going unreported'), and when the phrase before it is led by
    a preposition other than a noun's complement ('owned by ...', 'in terms of ...'): there the
    subject is further back."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if start < 2 or not (classes[i].verb or classes[i].finite) or classes[i].noun:
        return []
    opener, before = tokens[start - 1].low, start - 2
    if opener not in lex.relatives and opener not in lex.complementizers:
        return []
    if not _describes(s, before):
        return []
    # the clause's own verb: a few words on ('who Obama put'), but right after 'that' ('that
    # had burned'), since 'that' before a subject opens what was said or thought; the verb at
    # ``i`` must not be inside the clause ('an effort to save threatened turtles')
    own = next((k for k in range(start, min(i, start + RELATIVE_REACH))
                if classes[k].finite and tokens[k].low not in lex.auxiliaries), None)
    if own is None or any(tokens[k].low in lex.infinitive for k in range(own, i)):
        return []
    if opener not in lex.relatives and any(
            not (tokens[k].low in lex.auxiliaries or lex.adverb(tokens[k].low)) for k in range(start, own)):
        return []
    begin = _phrase_back(s, start - 1, lex.prepositions - lex.complements)
    if (begin > 0 and tokens[begin - 1].low in lex.prepositions) or tokens[begin].low in lex.prepositions:
        return []  # ('a platform owned by ... that caught fire', 'in terms of the numbers of infections that')
    return list(range(begin, start - 1))


def _describes(s: Parsed, k: int) -> bool:
    """Whether the word at ``k`` may be the noun that a relative clause opened after it describes:
    no verb, time, function word or verb of saying or thinking ('said that', 'believe that',
    'on Monday that', 'so that')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    return not (classes[k].verb or classes[k].finite or classes[k].reporting or s.timed[k]
                or tokens[k].low in lex.function_words or tokens[k].low in lex.hedges)


def _phrase_back(s: Parsed, end: int, stops: frozenset[str] = frozenset(), clause_ends: bool = True) -> int:
    """Where the phrase that ends at ``end`` (exclusive) begins: after the break, verb, word of
    ``stops`` or (with ``clause_ends``) clause word before it."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    begin = end
    while begin > 0 and tokens[begin - 1].text not in _BREAKS and tokens[begin - 1].low not in stops \
            and not (clause_ends and tokens[begin - 1].low in lex.clause) and not classes[begin - 1].verb:
        begin -= 1
    return begin


_OPENERS = frozenset(":;([\u2013\u2014-")  # what a new part of a sentence may follow ('Dr Baker: Presumably ...')


def _adverb(s: Parsed, k: int) -> bool:
    """Whether the word at ``k`` is an adverb; a capitalised one with an adverb's ending is a name
    inside the sentence or before a reporting verb ('..., Reilly said', 'Kelly said'), not at its
    start ('Initially the firm said', 'Originally designed')."""
    token = s.tokens[k]
    if not s.lex.adverb(token.low):
        return False
    before = [t.text for t in s.tokens[max(0, k - 2):k]]
    opens = not before or before[-1] in _OPENERS or (
        before[-1] in _QUOTES and (len(before) < 2 or before[0] in _OPENERS))  # (an opening quote)
    return not (_is_name(token) and token.low not in s.lex.adverbs
                and (not opens or (k + 1 < len(s.tokens) and s.classes[k + 1].reporting)))


def _predicate(s: Parsed, end: int) -> Optional[int]:
    """The finite verb right after a subject that ends before ``end`` (auxiliaries and adverbs
    skipped: 'the vote is now expected'), or None."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    verb = end
    while verb < len(tokens) and not classes[verb].verb and (tokens[verb].low in lex.auxiliaries
                                                            or lex.adverb(tokens[verb].low)):
        verb += 1
    return verb if verb < len(tokens) and classes[verb].finite else None


def _shared_subject(s: Parsed, i: int) -> list[int]:
    """The subject of the verb before a coordinated one ('they argued ... and argued today'), or
    the phrase its relative clause describes ('BP, which hired the rig that caught fire and sank':
    the rig sank, not BP)."""
    tokens, classes = s.tokens, s.classes
    start = _clause_start(s, i)
    k = start - 1
    while k >= 0:
        if tokens[k].text in _BREAKS:
            if tokens[k].text not in _QUOTES or any(tokens[j].low not in s.lex.coordinators for j in range(k + 1, start)):
                break
            k = _quote_opening(s, k)  # (a quotation the first verb ends on: 'described it as "a disaster" and pledged')
            if k < 0:
                break
        elif classes[k].finite:
            return _subject(s, k) or _described(s, _relative_head(s, k))
        k -= 1
    return []


def _described(s: Parsed, head: list[int]) -> list[int]:
    """The phrase a relative clause describes without the verb words of the clause it stands in
    ('[It was] Ezell, who had gone to dinner and was asking')."""
    lex = s.lex
    while head and (s.tokens[head[0]].low in lex.auxiliaries or s.tokens[head[0]].low in lex.pronouns):
        head = head[1:]
    return head


def _quote_opening(s: Parsed, close: int) -> int:
    """The quotation mark that opens the quotation closed at ``close``, when the quotation holds
    no other break, else -1."""
    tokens = s.tokens
    for k in range(close - 1, max(close - QUOTED_WORDS, 0) - 1, -1):
        if tokens[k].text in _QUOTES:
            return k
        if tokens[k].text in _BREAKS:
            return -1
    return -1


def _relative_head(s: Parsed, i: int) -> list[int]:
    """The phrase a relative clause describes: 'the bakery, which in 2020 had revenue ...'; the
    name, not the age after it ('Hale, 47, who managed ...')."""
    tokens, lex = s.tokens, s.lex
    start = _clause_start(s, i)
    verb_next = all(tokens[k].low in lex.auxiliaries or lex.adverb(tokens[k].low) for k in range(start, i))
    if start < 2 or not (tokens[start - 1].low in lex.relatives  # 'a walkout that started', 'prices that are above'
                         or (verb_next and tokens[start - 1].low in lex.complementizers)):
        return []
    set_off = tokens[start - 2].text == ","
    end = start - 2 if set_off else start - 1
    begin = _phrase_back(s, end, lex.prepositions)
    if end - begin == 1 and tokens[begin].text.isdigit() and begin >= 2 and tokens[begin - 1].text == ",":
        end = begin - 1  # (an age set off by commas describes the name before it: 'Hale, 47, who managed')
        begin = _phrase_back(s, end, lex.prepositions)
    elif set_off and tokens[start - 1].low in lex.person_relatives and (
            name := named_before_description(s, end, _phrase_back)):
        return name  # ('Patricia Hurt, the county prosecutor, who created': Patricia Hurt)
    return list(range(_joined_opening(s, begin) if begin < end else begin, end))


def _phrase_start(s: Parsed, end: int) -> int:
    """The first token of the words that run, with no break among them, up to ``end``."""
    start = end
    while start > 0 and s.tokens[start - 1].text not in _BREAKS:
        start -= 1
    return start


def named_before_description(s: Parsed, comma: int, phrase=_phrase_start) -> list[int]:
    """The name before a description set off by commas that ends at ``comma`` ('Ada Moreno, the
    ferry's captain, was ...', 'Patricia Hurt, the county prosecutor, who created ...': the
    name), or []: the description opens with a determiner or a role ('Mark Horton, director of
    the state's health department, said'), the name is capitalised words alone.
    ``phrase`` finds where each phrase begins (:func:`_phrase_back` to stop at a verb too:
    'Officers arrested Ana Moreno, the county treasurer, who ...')."""
    tokens, lex = s.tokens, s.lex
    description = phrase(s, comma)
    if description < 2 or description == comma or tokens[description - 1].text != "," \
            or (tokens[description].low not in lex.determiners and tokens[description].low not in lex.roles):
        return []
    return name_only(s, [k for k in range(phrase(s, description - 1), description - 1) if not s.timed[k]])


def name_only(s: Parsed, found: list[int]) -> list[int]:
    """``found`` when it is capitalised words alone, less the full stop of an honorific among
    them ('Dr. Ada Moreno': the language's ``honorifics.txt``); else []."""
    tokens = s.tokens
    kept = [k for k in found if not (tokens[k].text == "." and k > found[0] and tokens[k - 1].text in s.lex.honorifics)]
    return kept if kept and all(_is_name(tokens[k]) for k in kept) else []


def _participle_head(s: Parsed, i: int) -> list[int]:
    """The phrase a participle phrase set off by a comma describes: 'the well, drilled in 2009
    by a Swiss firm, ...' -> 'the well'; [] when the verb at ``i`` opens no such phrase."""
    tokens, lex = s.tokens, s.lex
    start = _clause_start(s, i)
    if start < 2 or tokens[start - 1].text != "," or not lex.past(tokens[i].low) \
            or any(not lex.adverb(tokens[k].low) for k in range(start, i)):
        return []
    end = start - 1
    begin = _phrase_back(s, end)
    found = [k for k in range(begin, end) if not s.timed[k]]
    # (only the phrase that opens the sentence: 'Prices, however, rose' describes nothing)
    return found if begin == 0 and found and tokens[found[0]].low not in lex.prepositions else []


def phrase_opener(s: Parsed, noun: int) -> int:
    """Where the phrase of the event noun at ``noun`` opens after: its preposition ('at a press
    conference', 'in a bloodless coup'), or -1."""
    return _phrase_back(s, noun, s.lex.prepositions, clause_ends=False) - 1


PHRASE_VERB_REACH = 6  # words between a verb and the phrase it governs ('spoke to reporters at', 'arrested a 20-year-old man over')


def verb_of_phrase(s: Parsed, j: int) -> Optional[int]:
    """The finite verb of the clause a phrase opening at ``j`` (its preposition) belongs to, at
    most ``PHRASE_VERB_REACH`` words before it in the clause; None when there is none, or when it
    is a reporting verb (what was said there or about it is another event)."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    for m in range(j - 1, max(-1, j - 1 - PHRASE_VERB_REACH), -1):
        if tokens[m].text in _BREAKS or tokens[m].low in lex.clause:
            return None
        if classes[m].finite:
            return None if classes[m].reporting else m
    return None


def cause_verb(s: Parsed, noun: int) -> Optional[int]:
    """The finite verb whose phrase of cause or topic holds the event noun at ``noun`` ('arrested
    a man over the attack', 'rallied against the war', 'opened an inquiry into the shooting'), or
    None (see :func:`verb_of_phrase`).  The phrase names a happening with a determiner ('over the
    attack', 'against their eviction'); a bare noun is as often a time ('answered questions over
    lunch Tuesday')."""
    tokens, lex = s.tokens, s.lex
    j = phrase_opener(s, noun)
    if j < 0 or tokens[j].low not in lex.causes or not any(
            tokens[k].low in lex.determiners for k in range(j + 1, noun)):
        return None
    return verb_of_phrase(s, j)


def occasion_preposition(s: Parsed, noun: int) -> Optional[int]:
    """The preposition that names the event noun at ``noun`` as an occasion ('at a press
    conference', 'during the meeting'), or None."""
    j = phrase_opener(s, noun)
    return j if j >= 0 and s.tokens[j].low in s.lex.occasions else None


def medium_verb(s: Parsed, noun: int) -> Optional[int]:
    """The reporting verb an event noun is the medium or the setting of ('said in a statement',
    'wrote on Monday in a letter to the board', 'said at a news conference on Monday that ...',
    'told a briefing on Monday'): what was said there is the happening, not the statement or the
    news conference.  None when the noun is no such medium, or names an occasion at which
    nothing said is told ('spoke at a rally on Monday')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if not classes[noun].noun:
        return None
    j = _phrase_back(s, noun, lex.prepositions) - 1
    told = j >= 0 and tokens[j].low in lex.addressees  # ('told a White House briefing on Monday')
    if not told and (j < 1 or tokens[j].low not in lex.settings):
        return None
    k = j if told else j - 1
    while k >= 0 and (s.timed[k] or (tokens[k].low in lex.prepositions and k + 1 < j and s.timed[k + 1])):
        k -= 1  # ('said on Monday in a statement')
    if k < 0 or not classes[k].reporting:
        return None
    if (told or tokens[j].low in lex.occasions) and reports_an_act(s, k):
        return None  # ('spoke at a rally on Monday': the rally is the occasion, nothing said is told)
    return k


def _opening_subject(s: Parsed) -> list[int]:
    """The sentence's first phrase when it is a subject set off by commas ('Brightway, which had
    owned half of the mill, will sell ...')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    end = 0
    while end < len(tokens) and tokens[end].text not in _BREAKS:
        if classes[end].verb or (tokens[end].low in lex.function_words and tokens[end].low not in lex.determiners
                                 and not (end and tokens[end].low in lex.coordinators)):
            return []  # (nouns joined by 'and' may open it: 'Spanish and Italian yields, which ...')
        end += 1
    return list(range(end)) if end < len(tokens) and tokens[end].text == "," else []


def _main_verb(s: Parsed) -> Optional[int]:
    """The event a sentence reports without a date: a statement, else the first finite verb of
    a main clause, outside quotations (not 'which had leased ...', not 'as planned')."""
    tokens, classes = s.tokens, s.classes
    quoted = _opens_in_quotation(s)
    first = None
    for k, (tok, cls) in enumerate(zip(tokens, classes)):
        if tok.text in _QUOTES:
            quoted = not quoted if tok.text in "\"`" else tok.text in "\u201c\u2018"
            continue
        if quoted or not cls.finite or cls.state or _subordinate(s, k):
            continue
        if cls.reporting:
            return k
        if first is None:
            first = k
    return first


def _opens_in_quotation(s: Parsed) -> bool:
    """Whether the sentence opens inside a quotation that began in the sentence before: its
    first quotation mark closes one ('We apologise," said Lentz' after '"Safety comes first.').
    A curly mark tells which it is; a straight one closes when the sentence has an odd number of
    them and the first stands after a comma or a stop and before the end or the attribution
    ('..., " said Lentz', '..., " he said', '..., " Gibbs said'; not 'said: " We will ...' nor
    'Before the spill, " the community ...')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    marks = [k for k, tok in enumerate(tokens) if tok.text in _DOUBLE_QUOTES]
    if not marks:
        return False
    k = marks[0]
    if tokens[k].text != '"':
        return tokens[k].text == "\u201d"
    if k == 0 or len(marks) % 2 == 0 or (tokens[k - 1].text != "," and tokens[k - 1].text not in _STOPS):
        return False
    after = k + 1
    return (after == len(tokens) or not tokens[after].text[:1].isalnum() or classes[after].reporting
            or _is_name(tokens[after]) or tokens[after].low in lex.subjects)


def _subordinate(s: Parsed, k: int) -> bool:
    """Whether the verb at ``k`` is in a relative clause or is a bare participle with no
    subject ('Brightway, which had leased ...', '..., as planned, ...')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    start = _clause_start(s, k)
    opener = tokens[start - 1].low if start else ""
    if opener in lex.relatives:
        return True
    if _verb_group(s, k)[1] or classes[k].reporting or _subject(s, k):
        return False
    return opener in lex.clause or not _opening_subject(s)


_BRACKETS = frozenset("()[]")  # an aside's marks, which end no phrase they stand in


def reports_an_act(s: Parsed, k: int) -> bool:
    """Whether the reporting verb at ``k`` names an act by its object rather than reporting what
    was said: its object is a noun phrase, with no verb of its own ('the agency declared a
    pandemic', 'Acme reported a loss', 'announced plans to close'), or what follows 'to' ('pledged
    to bring them to justice', 'were admitted to a hospital', 'admitted to spilling oil'), or a
    place or an occasion with nothing said after it ('testified before Congress', 'declined comment
    on the memo'); not a reported clause ('said the plant would close', 'said that ...', 'said in a
    statement ...', '"...," she said', 'said to reporters that ...')."""
    tokens, classes, timed, lex = s.tokens, s.classes, s.timed, s.lex
    start = _clause_start(s, k)
    if k == 0 or tokens[k - 1].text in _BREAKS or any(tokens[m].text in _QUOTES for m in range(k)) \
            or any(classes[m].finite for m in range(start - 1)):
        return False  # what was said comes first: '"...," said Dagan', '... - the defector told'

    j = k + 1
    while j < len(tokens) and (timed[j] or (tokens[j].low in lex.prepositions and j + 1 < len(tokens)
                                            and timed[j + 1])):
        j += 1  # 'declared on Thursday a pandemic'
    first = j
    if first < len(tokens) and tokens[first].low in lex.infinitive:  # 'pledged to bring', 'admitted to a hospital'
        end = next((m for m in range(first, len(tokens)) if tokens[m].text in _BREAKS), len(tokens))
        return not any(tokens[m].low in lex.complementizers or tokens[m].text in _QUOTES or tokens[m].text == ":"
                       for m in range(first, min(len(tokens), end + 1)))  # (not 'said to reporters that')
    if first < len(tokens) and tokens[first].low in lex.prepositions:
        # 'said in a statement (that) ...', 'said after the meeting the talks had failed'; not
        # 'testified before Congress', where nothing said follows
        # (nor '..., Johnson said at a press conference', what was said coming first)
        return first + 1 < len(tokens) and tokens[first + 1].text[:1].isalnum() and not any(
            classes[m].finite or tokens[m].low in lex.auxiliaries for m in range(start)) and not any(
            classes[m].finite or tokens[m].low in lex.auxiliaries or tokens[m].low in lex.complementizers
            or tokens[m].text in _QUOTES or tokens[m].text == ":" for m in range(first, len(tokens)))
    while j < len(tokens) and tokens[j].text not in _BREAKS and tokens[j].low not in lex.clause \
            and tokens[j].low not in lex.coordinators:
        if classes[j].finite or tokens[j].low in lex.auxiliaries or tokens[j].low in lex.complementizers:
            return False  # a clause: 'said the plant would close'
        j += 1
    if not any(tokens[m].text[0].isalnum() and not lex.adverb(tokens[m].low) for m in range(first, j)) \
            or (tokens[first].low in lex.subjects and not (
                tokens[k].low in lex.complement_verbs
                and any(tokens[m].low in lex.determiners and not timed[m] for m in range(first + 1, j)))):
        return False  # no object ('estimated soon after ... that'), 'said he'; not 'declared it a pandemic'
    if j < len(tokens) and (tokens[j].low in lex.complementizers or tokens[j].text in _QUOTES
                            or tokens[j].text == ":"):
        return False  # 'told reporters that ...', 'told reporters: "..."'
    if j + 1 < len(tokens) and tokens[j].text in _BREAKS and tokens[j + 1].low in lex.clause:
        return False  # 'said the virus, which ..., was': the clause goes on past the comma
    if any(tokens[m].low in lex.complementizers and (timed[m - 1] or tokens[m - 1].text in _BREAKS)
           for m in range(j, len(tokens))):
        return False  # 'told the radio in an interview since he left in 2014 that ...'
    closing = j + 1 < len(tokens) and lex.gerund(tokens[j + 1].low) and not any(
        tokens[m].text in _BREAKS and tokens[m].text not in _BRACKETS for m in range(j + 2, len(tokens)))
    # (a phrase of its own to the end, an aside in brackets and all: ', adding that ...', ', meaning that the
    # swine flu (H1N1) virus was spreading')
    if j < len(tokens) and tokens[j].text in _BREAKS and not closing and any(
            classes[m].finite or tokens[m].low in lex.auxiliaries for m in range(j, len(tokens))):
        return False  # 'said the patient, a man of 40, had tested positive', 'said the man, carrying a knife, was'
    return True
