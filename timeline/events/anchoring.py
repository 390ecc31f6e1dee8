"""Anchoring: which event word of its sentence a time expression dates."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Optional, Union

from timeline.events.anchor_model import Model, candidates, shipped_model
from timeline.events.clauses import (
    _governing_verb, _light, _relative_head, _stative, _subject, cause_verb,
)
from timeline.events.lexicon import lemma
from timeline.events.sentence import (
    _BREAKS, _QUOTES, Parsed, WordClass, _clause_start, _is_name, _verb_group,
)
from timeline.models import Relation


# Costs of reaching an event word from the time expression (the cheapest wins): one a word,
# more across punctuation or into another clause; a right-hand word pays extra, and much more
# across a comma unless the expression opens its clause ("On Sunday, police clashed").
_RIGHT_COST, _BREAK_COST, _CLAUSE_COST, _CLOSED_COST = 2.5, 4.0, 6.0, 20.0
_SUBJECT_COST = 3.0  # a subject pronoun right of the expression: 'last year they donated'
_WEAK_COST = 2.5  # an event noun, or an -ing form with no auxiliary, is a weaker trigger
_TENSE_COST = 5.0  # a verb whose tense contradicts the date: 'will resign' for 'last year'


# the costs above by name: cross-validation tunes them on one fold and scores the other
COSTS = ("_RIGHT_COST", "_BREAK_COST", "_CLAUSE_COST", "_CLOSED_COST", "_SUBJECT_COST", "_WEAK_COST",
         "_TENSE_COST")

HAND = "hand"  # anchoring by the costs above, not by a model (see ``anchoring_by``)
_active: Union[Model, str, None] = None  # None: the language's shipped model if it is on, else the costs


def costs() -> dict[str, float]:
    """The current cost of each name in :data:`COSTS`."""
    return {name: globals()[name] for name in COSTS}


@contextmanager
def anchoring_by(model: Union[Model, str, None], with_costs: Optional[dict[str, float]] = None) -> Iterator[None]:
    """Anchor with ``model`` (a :class:`Model`, :data:`HAND` for the costs, None for what ships)
    inside the block, the costs set to ``with_costs`` if given: how cross-validation scores what
    it fitted on the other folds."""
    global _active
    before, saved = _active, costs()
    _active = model
    globals().update(with_costs or {})
    try:
        yield
    finally:
        _active = before
        globals().update(saved)


def anchor_trigger(s: Parsed, first: int, last: int,
                   relation: Relation = Relation.UNKNOWN, day: bool = True) -> Optional[int]:
    """The index of the event word that the expression over tokens ``first..last`` dates;
    ``relation`` is where the date lies relative to publication, for tense agreement; ``day``
    whether it names a day or a time (a longer period more often dates the event noun itself:
    'had a deficit of $3 million for the half').

    The candidates are scored by the language's learned model (:mod:`anchor_model`) when it
    has one, else the hand costs choose (:func:`hand_anchor`)."""
    model = shipped_model(s.lex.lang) if _active is None else _active
    if model == HAND or model is None:
        return hand_anchor(s, first, last, relation, day)
    best: tuple[float, int] | None = None
    for k, features in candidates(s, first, last, relation, day, structural_picks(s, first, last, relation, day)):
        score = model.score(features)
        if best is None or score > best[0]:
            best = (score, k)
    return best[1] if best else None


def structural_picks(s: Parsed, first: int, last: int, relation: Relation, day: bool) -> dict[str, Optional[int]]:
    """The words each structural rule points at for the expression over ``first..last`` (None
    where a rule does not apply): the model weighs them against the other candidates."""
    classes = s.classes
    picks: dict[str, Optional[int]] = {
        "period_end": first - 1 if first and classes[first - 1].period_end else None,
        "modified_noun": _modified_noun(s, first, last),
        "time_clause": _time_clause_verb(s, last),
        "date_noun": _subject_noun_of_date(s, first),
        "hand": hand_anchor(s, first, last, relation, day),
    }
    tokens, lex = s.tokens, s.lex
    verb = next((k for k in range(first - 1, max(-1, first - 12), -1) if classes[k].verb), None)
    if verb is not None:  # the nearest verb before: its subject when that is the happening
        planned = _planned_happening(s, verb)
        picks["planned_subject"] = planned if planned != verb else None
        named = verb - 2 if verb > 1 and tokens[verb - 1].low in lex.clause_openers else verb - 1
        if named >= 0 and classes[named].noun and lemma(tokens[verb].text, lex) in lex.lights:
            picks["light_subject"] = named  # 'comments made last week'
    comma = _adjunct_end(s, last) if _opens_clause(s, first) else None
    if comma is not None and not any(c.finite or c.noun for c in classes[_clause_start(s, first):comma]):
        verb = _clause_verb(s, comma)
        picks["adjunct_verb"] = verb
        picks["adjunct_object"] = _light_object(s, verb) if verb is not None else None
    return picks


def hand_anchor(s: Parsed, first: int, last: int,
                relation: Relation = Relation.UNKNOWN, day: bool = True) -> Optional[int]:
    """Anchoring by hand-set costs: the event word cheapest to reach from the expression."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if first and classes[first - 1].period_end:
        return first - 1
    head = _modified_noun(s, first, last)
    if head is not None:
        return head
    head = _subject_noun_of_date(s, first)
    if head is not None:
        return head
    when = _time_clause_verb(s, last)
    if when is not None:
        return when
    opens = _opens_clause(s, first)
    comma = _adjunct_end(s, last) if opens else None
    if comma is not None and not any(c.finite or c.noun for c in classes[_clause_start(s, first):comma]):
        verb = _clause_verb(s, comma)
        if verb is not None:
            return _light_object(s, verb)
    best: tuple[float, int] | None = None
    reach = s.kept(_event_words_reach, _event_words_reach)
    if reach is None:
        return None  # (no word of the sentence names an event: nothing to reach)
    for step in (-1, 1):
        cost = 0.0 if step < 0 else _RIGHT_COST
        i = first - 1 if step < 0 else last + 1
        end = reach[0] - 1 if step < 0 else reach[1] + 1  # (past the last word that may be chosen)
        finite = False  # a finite verb between the expression and ``i``
        while (i > end if step < 0 else i < end) and (best is None or cost < best[0]):
            tok, cls = tokens[i], classes[i]
            if (cls.verb or cls.noun) and not cls.period_end:
                if cls.noun and step < 0 and tokens[i + 1].low in lex.complements and i + 2 < first:
                    # a phrase after the noun up to the date: "the army's retreat from the valley on May 9"
                    k, total = i, cost + _trigger_cost(cls._replace(finite=True), relation, day)
                else:
                    k = _governing_verb(s, i) if cls.noun and step < 0 else i
                    if k == i and cls.noun and step < 0:
                        k = _dated_cause(s, i, first, last, relation)
                    if k != i and not day and _light(tokens[k], classes[k], lex):
                        k = i  # 'had a deficit of $3 million for the half': the period dates the deficit
                    total = cost + _trigger_cost(classes[k], relation, day)
                    named = i - 2 if i > 1 and tokens[i - 1].low in lex.clause_openers else i - 1
                    if cls.verb and named >= 0 and classes[named].noun and lemma(tok.text, lex) in lex.lights:
                        k = named  # 'comments made last week', 'a merger that took place in 2015'
                    elif cls.verb:
                        k = _planned_happening(s, i)
                if best is None or total < best[0]:
                    best = (total, k)
            if tok.text in _BREAKS:
                cost += _BREAK_COST if step < 0 or opens else _CLOSED_COST
            elif tok.low in lex.subjects and step > 0:
                cost += _SUBJECT_COST
            elif tok.low in lex.pronouns or (tok.low in lex.clause
                                             and (finite or step > 0 or tok.low in lex.complementizers)):
                cost += _CLAUSE_COST  # another clause, or the subject of one
            else:  # (a clause word with no verb up to the expression is a preposition: 'served as mayor')
                cost += 1.0
            finite = finite or cls.finite
            i += step
    return best[1] if best else None


def _event_words_reach(s: Parsed) -> Optional[tuple[int, int]]:
    """The first and the last token of ``s`` that :func:`hand_anchor` may reach for (a verb or an
    event noun, not the end of a period), None when there is none: its search stops there, where
    a sentence of dates and nothing else ('Q3 Q3 Q3 ...') read itself whole for each of them."""
    found = [k for k, c in enumerate(s.classes) if (c.verb or c.noun) and not c.period_end]
    return (found[0], found[-1]) if found else None


def _dated_cause(s: Parsed, noun: int, first: int, last: int, relation: Relation) -> int:
    """The verb whose cause or target the event noun at ``noun`` is ('Police arrested a man over
    the attack on Monday': the arrest), when the date follows the noun at once and is one of the
    news of the day, not written out (a day written out after a noun names the noun's day: 'BP
    faced anger over the accident on 20 April'), and the verb is told in the simple past, as the
    date is past (not 'has faced', nor 'Police are investigating the attack on Monday'); else
    the noun.  Also the noun where the verb's clause tells its own time before it ('Police on
    Tuesday arrested a man over the attack on Sunday': Sunday is the attack's), or where the
    noun's phrase goes on after the date ('over the killing on Sunday of a teenager')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if not (noun + 1 == first or (noun + 2 == first and tokens[noun + 1].low in lex.date_prepositions)) \
            or relation != Relation.BEFORE or any(ch.isdigit() for t in tokens[first:last + 1] for ch in t.text):
        return noun
    after = tokens[last + 1].low if last + 1 < len(tokens) else ""
    if after in lex.complements or after in lex.date_prepositions:
        return noun
    verb = cause_verb(s, noun)
    if verb is None or classes[verb].relation != Relation.BEFORE or _verb_group(s, verb) != (Relation.UNKNOWN, ""):
        return noun
    start = verb  # (the verb's clause, an opening adjunct and its comma included: 'On Tuesday, police arrested')
    while start > 0 and tokens[start - 1].low not in lex.clause and tokens[start - 1].low not in lex.coordinators \
            and tokens[start - 1].text not in _CLAUSE_STOPS:
        start -= 1
    return noun if any(s.timed[start:noun]) else verb


_CLAUSE_STOPS = frozenset(";:()")  # what ends a clause, where a comma need not ('On Tuesday, police arrested')


def _time_clause_verb(s: Parsed, last: int) -> Optional[int]:
    """The verb of a clause describing the time just named: '..., when the ferry sailed'."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    k = last + 2  # after a comma: 'Thursday when she landed' is a subordinate clause of its own
    if k >= len(tokens) or tokens[k - 1].text != "," or tokens[k].low not in lex.time_relatives:
        return None
    for j in range(k + 1, len(tokens)):
        if tokens[j].text in _BREAKS:
            return None
        if classes[j].finite:
            return j
    return None


def _trigger_cost(cls: WordClass, relation: Relation, day: bool) -> float:
    """How much less likely a candidate is for its form: weak forms (but a period dates event
    nouns as readily as verbs: 'a deficit of $3 million for the half'), and tenses that disagree
    with the date (an infinitive looks ahead: it rarely names a past date's event)."""
    cost = 0.0 if cls.finite or cls.infinitive or (cls.noun and not day) else _WEAK_COST
    if (cls.infinitive and relation == Relation.BEFORE) \
            or {cls.relation, relation} == {Relation.BEFORE, Relation.AFTER}:
        cost += _TENSE_COST
    return cost


def _adjunct_end(s: Parsed, last: int) -> Optional[int]:
    """The comma that closes an opening adjunct holding the expression ('In morning dealings
    yesterday, the pound slipped'), or None."""
    tokens, classes = s.tokens, s.classes
    k = last + 1
    while k < len(tokens) and tokens[k].text not in _BREAKS and not classes[k].finite:
        k += 1
    return k if k < len(tokens) and tokens[k].text == "," else None


def _clause_verb(s: Parsed, comma: int) -> Optional[int]:
    """The first finite verb after ``comma``, passing over a relative clause in the subject
    ('divers who had been diving all night concluded')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    relative = False
    for k in range(comma + 1, len(tokens)):
        if tokens[k].text in _QUOTES:
            continue  # a quotation opening inside the clause: 'the club will " rebuild ...'
        if tokens[k].text in _BREAKS:
            return None
        if tokens[k].low in lex.clause:
            relative = True
        elif classes[k].finite:
            if not relative:
                return k
            relative = False
    return None


def _light_object(s: Parsed, verb: int) -> int:
    """The object of a stative verb when it names a happening ('the club had a deficit of
    $2 million', 'it had revenue of $9 million'), else the verb."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if not _stative(tokens[verb], lex):
        return verb
    head = verb
    k = verb + 1
    while k < len(tokens) and tokens[k].text not in _BREAKS and tokens[k].low not in lex.prepositions \
            and tokens[k].low not in lex.clause and not classes[k].verb:
        if tokens[k].text[:1].isalpha() and tokens[k].low not in lex.function_words:
            head = k  # ('had a $2 million deficit')
        k += 1
    return head if classes[head].noun else verb


def _opens_clause(s: Parsed, first: int) -> bool:
    """Whether the expression opens its clause: only function words before it, or a
    prepositional phrase with no verb ('In morning dealings yesterday, ...')."""
    tokens = s.tokens
    if first > CLAUSE_READ_BACK:  # (far into a sentence: from the sentence's table)
        starts, contents = s.kept(_clause_contents, _clause_contents)
        start = starts[first]
        content = contents[first] > contents[start]
    else:  # (read back to the last break)
        start, content = first, False
        while start > 0 and tokens[start - 1].text not in _BREAKS:
            start -= 1
            content = content or _content_word(s, start)
    return not content or (start < first and tokens[start].low in s.lex.prepositions)


# how far into a sentence the words before an expression are read back to tell whether it opens its
# clause; past it, a table of the whole sentence tells (one read of it, where one read back for each
# expression was quadratic in a sentence of many: 'Q3 Q3 Q3 ...'), made for few sentences of news
CLAUSE_READ_BACK = 32


def _content_word(s: Parsed, k: int) -> bool:
    """Whether token ``k`` is a content word: not a function word nor an adverb (a capitalised
    first word, 'Earlier', is an adverb, not a name), the first word only when the sentence opens
    on a participle."""
    low, lex = s.tokens[k].low, s.lex
    return low not in lex.function_words and not lex.adverb(low) and (k != 0 or _opening_participle(s))


def _clause_contents(s: Parsed) -> tuple[list[int], list[int]]:
    """For each place ``p`` of ``s`` (0 to its length), where the words before it start (after
    the last break before it), and how many content words (:func:`_content_word`) stand before it."""
    starts, contents = [0], [0]
    for k, token in enumerate(s.tokens):
        starts.append(k + 1 if token.text in _BREAKS else starts[-1])
        contents.append(contents[-1] + _content_word(s, k))
    return starts, contents


def _opening_participle(s: Parsed) -> bool:
    """Whether the sentence opens on a past participle and its preposition, a happening of its own
    that a time after it dates ('Born on March 3, 1961, she ...', 'Elected in 1990, he ...'); not
    a saying's '-ing' form, which the time dates with its clause ('Speaking on Monday, Allen said')."""
    tokens = s.tokens
    return (len(tokens) > 1 and s.classes[0].verb and not tokens[0].low.endswith("ing")
            and tokens[1].low in s.lex.prepositions)


def _modified_noun(s: Parsed, first: int, last: int) -> Optional[int]:
    """The head noun an expression modifies ('spring-term tuition fees', "today's meeting",
    'her May 2 walkout'), or None when the expression is not before a noun."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    expression = tokens[first: last + 1]
    before = tokens[first - 1].low if first else ""
    adjectival = (lex.possessive(expression[-1].low) or "-" in expression[-1].low
                  or before in lex.determiners or lex.possessive(before)
                  or (last + 1 < len(tokens) and classes[last + 1].noun))  # 'overnight floods'
    if not adjectival:
        return None
    head = None
    k = last + 1
    if k < len(tokens) and (tokens[k].low in lex.morphology["possessive"]
                            or (tokens[k].text == "," and before in lex.determiners)):
        k += 1  # "Tuesday's meeting", 'a May 4, 2021, supply contract'
    named = k
    while named < len(tokens) and _is_name(tokens[named]) and not classes[named].verb:
        named += 1  # names before the head: 'the 1989 Exxon Valdez disaster', 'the 1979 Ixtoc I leak'
    jumped = named > k and named < len(tokens) and tokens[named].text[:1].islower() and tokens[named].text.isalpha() \
        and not classes[named].verb and tokens[named].low not in lex.phrase_stops
    if jumped:
        k = named
    while k < len(tokens) and tokens[k].text[:1].isalpha() and tokens[k].low not in lex.phrase_stops \
            and not classes[k].verb and not _is_name(tokens[k]) and not lex.adverb(tokens[k].low) \
            and (head is None or not classes[head].noun or classes[k].noun):  # the phrase ends at its
        head = k  # event noun, the last of a compound: 'a grain supply contract'
        k += 1
    if head is None:
        return None
    if not classes[head].noun and k < len(tokens) and tokens[k].low in lex.prepositions:
        k += 1  # 'Friday's rush on the cheaper seats signalled demand'
        while k < len(tokens) and not classes[k].verb and tokens[k].text not in _BREAKS \
                and tokens[k].low not in lex.clause and tokens[k].low not in lex.auxiliaries:
            k += 1
    while not classes[head].noun and k < len(tokens) and not classes[k].verb \
            and (tokens[k].low in lex.auxiliaries or lex.adverb(tokens[k].low)):
        k += 1  # 'spring-term results haven't been very good'
    # a perfect passive tells what was done since to the dated thing: 'the spring figures have
    # been revised' (but 'last year's figures were hurt by floods' happened then)
    revised = (k < len(tokens) and lex.past(tokens[k].low) and _verb_group(s, k)[1] == "be"
               and any(lex.aux_kind(t.low) == "have" for t in tokens[head + 1:k]))
    owned = lex.possessive(expression[-1].low) or (last + 1 < len(tokens)
                                                   and tokens[last + 1].low in lex.morphology["possessive"])
    if (owned or jumped) and classes[head].noun:
        return head  # "Friday's vote surprised them", 'the 2016 Brexit referendum split ...': the day is the vote's
    if k < len(tokens) and classes[k].verb and not classes[k].infinitive and not _stative(tokens[k], lex) \
            and not revised:
        return k  # the noun phrase is the subject ('first-half revenue grew 12%'), or the
        # participle describes it ('the May 3 truce signed by both rebel groups')
    return head


def _subject_noun_of_date(s: Parsed, first: int) -> Optional[int]:
    """The event noun a date follows in a prepositional phrase when the noun opens its clause,
    the object of no verb: 'the vote on Friday surprised everyone' dates the vote (but 'they
    postponed the vote on Friday' is left to the verb)."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    noun = first - 2
    if noun < 0 or tokens[first - 1].low not in lex.date_prepositions or not classes[noun].noun:
        return None
    start = _clause_start(s, noun)
    if any(classes[k].verb for k in range(start, noun)) or _governing_verb(s, noun) != noun:
        return None
    return noun


def _planned_happening(s: Parsed, verb: int) -> int:
    """The event noun a passive verb of planning has as its subject ('the vote is expected
    Tuesday', 'the opening, which is scheduled for December'): the date is the happening's;
    else the verb."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if lemma(tokens[verb].text, lex) not in lex.plans or _verb_group(s, verb)[1] != "be":
        return verb
    subject = _subject(s, verb) or _relative_head(s, verb)
    return subject[-1] if subject and classes[subject[-1]].noun else verb
