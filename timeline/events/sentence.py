"""Tokens and word classes: a sentence parsed once into a :class:`Parsed`, the object every
later stage reads (its tokens, which are inside a time expression, the class of each word)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple, Sequence

from timeline.events.lexicon import Lexicon
from timeline.models import Relation, TimeExpression
from timeline.text import BULLETS, ENTRY_MARKS, Sentence


_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019`")
_BREAKS = frozenset(",;:()[]-\u2014\u2013") | _QUOTES  # punctuation that ends a clause or a phrase


class Token(NamedTuple):
    start: int  # offsets into the article text
    end: int
    text: str
    low: str  # lower case, the form the word lists are matched with (an acronym keeps its capitals)


def _low(word: str) -> str:
    """The lower-case form of a word, but an acronym as written: 'WHO' and 'US' are names, not
    the pronouns 'who' and 'us'."""
    return word if len(word) > 1 and word.isupper() and word.isalpha() else word.lower()


def tokenize(sentence: Sentence, lex: Lexicon) -> list[Token]:
    offset, tokens, text = sentence.start, [], sentence.text
    make = tuple.__new__  # (a Token without the call of its generated constructor: this runs per word)
    quoting = False  # inside a quotation opened by a single quote ("'They are heroes' said ...")
    for m in lex.token.finditer(text):
        word = m.group()
        start, end = m.span()
        if word in _SINGLE_QUOTES:  # (one opens a quotation only before a letter: not "the '90s")
            quoting = not quoting and text[end:end + 1].isalpha() and not text[start - 1:start].isalnum()
        elif quoting and word[-1] in _SINGLE_QUOTES:  # the quote's close, not a plural's possessive
            tokens.append(make(Token, (offset + start, offset + end - 1, word[:-1], _low(word[:-1]))))
            tokens.append(make(Token, (offset + end - 1, offset + end, word[-1], word[-1])))
            quoting = False
            continue
        low = word if len(word) > 1 and word.isupper() and word.isalpha() else word.lower()  # (_low, inline)
        tokens.append(make(Token, (offset + start, offset + end, word, low)))
    return tokens


_SINGLE_QUOTES = "'\u2018\u2019"


def _is_name(token: Token) -> bool:
    return token.text[:1].isupper()


class WordClass(NamedTuple):
    """What the rules need to know about one token of a sentence."""

    verb: bool = False  # a verb that can name an event
    noun: bool = False  # an event noun
    finite: bool = False  # past form or led by an auxiliary: the verb of a clause
    reporting: bool = False
    infinitive: bool = False
    relation: Relation = Relation.UNKNOWN
    period_end: bool = False  # 'ended' in 'the half ended March 31': dated by what follows only
    state: bool = False  # what a copula predicates ('was low'): dated, but no happening of its own


_PLAIN = WordClass()  # a word that names no event


@dataclass(eq=False)
class Parsed:
    """One sentence as the rules see it: its tokens, which of them are inside a time expression
    (``timed``), the word class of each, and the language's word lists."""

    sentence: Sentence
    tokens: list[Token]
    timed: list[bool]
    lex: Lexicon
    classes: list[WordClass] = field(default_factory=list)
    # the tokens of ``timed`` that a title leaves out, its date being shown apart: not those of a
    # duration or a frequency, which say how long or how often ('would take 24 hours to know')
    untitled: list[bool] = field(default_factory=list)
    # what functions of the sentence have computed, by function and arguments (a title's words
    # are asked for again and again while it is fitted to its length): its tokens and times do
    # not change once it is made, nor its classes once classified, so nothing here goes stale (a
    # function that reads the classes is not kept here before they are all there)
    memo: dict = field(default_factory=dict, repr=False)

    def kept(self, key, compute, *args):
        """``compute(self, *args)``, computed once for the sentence and kept in ``memo`` under ``key``."""
        found = self.memo.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = self.memo[key] = compute(self, *args)
        return found


_UNKNOWN = object()  # (what the memo holds for no key: None may be a result)


SCARE_QUOTE_WORDS = 6  # a quoted phrase of at most this many words inside a clause is part of it
_DOUBLE_QUOTES = frozenset('"\u201c\u201d')
_STOPS = frozenset(".!?")


def _without_scare_quotes(tokens: list[Token]) -> list[Token]:
    """``tokens`` without the quotation marks around a short phrase quoted inside a clause
    ('started its "top kill" procedure', 'pledged "every available resource," including'):
    the phrase is part of the clause, not speech that ends it.  Quoted speech keeps its marks:
    a quotation that opens the sentence or follows a comma or colon, or that holds a sentence."""
    dropped: set[int] = set()
    opening = None
    for k, token in enumerate(tokens):
        if token.text not in _DOUBLE_QUOTES:
            continue
        if opening is None:
            opening = k
            continue
        inside = tokens[opening + 1:k]
        words = sum(t.text[:1].isalnum() for t in inside)
        if (opening > 0 and tokens[opening - 1].text not in _BREAKS and 0 < words <= SCARE_QUOTE_WORDS
                and not any(t.text in _STOPS for t in inside)):
            dropped.update((opening, k))
        opening = None
    return [t for k, t in enumerate(tokens) if k not in dropped] if dropped else tokens


def parse(sentence: Sentence, expressions: Sequence[TimeExpression], lex: Lexicon) -> Parsed:
    """Tokenize and classify ``sentence``; ``expressions`` are the time expressions inside it."""
    tokens = _without_scare_quotes(tokenize(sentence, lex))
    timed = [False] * len(tokens)
    untitled = [False] * len(tokens)
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    for e in expressions:  # (the tokens an expression overlaps, found by bisection: linear in both)
        dated = e.type in ("DATE", "TIME")
        for k in range(bisect.bisect_right(ends, e.start), bisect.bisect_left(starts, e.end)):
            timed[k] = True
            untitled[k] = untitled[k] or dated
    s = Parsed(sentence, tokens, timed, lex, untitled=untitled)
    _classify(s)
    return s


def classify(tokens: Sequence[Token], timed: Sequence[bool], lex: Lexicon) -> list[WordClass]:
    """The word class of every token (``timed`` marks tokens inside time expressions)."""
    s = Parsed(Sentence(0, 0, ""), list(tokens), list(timed), lex)
    _classify(s)
    return s.classes


def _classify(s: Parsed) -> None:
    """Fill ``s.classes``, left to right (a rule may look at the classes before its token)."""
    tokens, timed, lex, classes = s.tokens, s.timed, s.lex, s.classes
    function_words = lex.function_words
    opens_with_name = _opens_with_name(s)
    sourced = _attributed(s)
    for i, tok in enumerate(tokens):
        low = tok.low
        prev = tokens[i - 1].low if i else ""
        if i in sourced and (low in lex.reporting or lex.plural(low)):  # 'according to media reports'
            classes.append(WordClass(noun=low in lex.noun_phrase_forms))
            continue
        if low in lex.auxiliaries and _main_do(s, i):
            classes.append(WordClass(verb=True, infinitive=True))
            continue
        if low in lex.auxiliaries and lex.auxiliaries[low][1] == "have" and not _before_verb(s, i):
            # 'have' as the verb of its clause: 'the club had a deficit'
            relation = Relation.BEFORE if low in lex.irregular else Relation.OVERLAP
            classes.append(WordClass(verb=True, finite=True, relation=relation))
            continue
        if timed[i] or not tok.text[0].isalpha() or low in function_words:
            classes.append(_PLAIN)
            continue
        shape = lex.shape(low)  # (what its endings make it, asked below again and again)
        if shape.adverb or (_is_name(tok) and (i and tokens[i - 1].text not in _QUOTES or opens_with_name)):
            classes.append(_PLAIN)  # (an adverb, or a name)
            continue
        noun = low in lex.noun_forms
        planned = prev in lex.infinitive and _verb_group(s, i)[1]
        if prev in lex.infinitive and tok.text[0].islower() and not shape.plural and (
                planned or not _before_content_word(s, i) or (i > 1 and classes[i - 2].verb)):
            if planned:  # 'due to close June 4', 'scheduled to meet', 'which is to build berths'
                classes.append(WordClass(verb=True, finite=True))
            else:  # 'voted to back the treaty'
                classes.append(WordClass(verb=True, infinitive=True))
            continue
        if prev in lex.prepositions and shape.gerund and "-" not in low and not noun:
            classes.append(WordClass(verb=True))  # 'after closing its shop in 2009'
            continue
        relative_verb = prev in lex.clause and shape.past and not noun  # 'a walkout that started'
        j = i - 1
        modified = not shape.past  # ('a 60-day state of emergency', not 'the 46-year-old said')
        while j > 0 and (lex.adverb(tokens[j].low) or (modified and _compound_modifier(tokens[j]))) \
                and tokens[j].low not in lex.determiners:
            j -= 1  # 'the recently signed truce', 'a 60-day state of emergency'
        # (a name with a possessive's ending may be the subject: "Moody's said", "McDonald's told";
        # an irregular past form of a reporting verb is no noun and no adjective, unlike "BP's
        # report", "Cameron's comments" or "BP's reported losses")
        # (and such a name opening its clause is the subject of a past form that an object
        # follows: "Moody's downgraded the bank", "Sainsbury's closed 40 stores"; not "BP's
        # damaged well")
        names_speaker = lex.possessive(prev) and _is_name(tokens[i - 1]) and lex.bare(prev) not in lex.pronouns and (
            (low in lex.reporting and low in lex.irregular)
            or (shape.past and _before_object(s, i)
                and (i == 1 or tokens[i - 2].text in _BREAKS or tokens[i - 2].low in lex.clause)))
        if (tokens[j].low in lex.determiners and not relative_verb) or (lex.possessive(prev) and not names_speaker) \
                or prev in lex.prepositions:
            classes.append(WordClass(noun=low in lex.noun_phrase_forms))  # 'the presumed launch', 'in unpaid rent'
            continue
        simple = "-" not in low
        participle = simple and shape.past
        if participle and 0 < i < len(tokens) - 1 and timed[i - 1] and timed[i + 1]:
            # 'the half ended March 31' names a period: not the verb of its clause, but the
            # end the date after it places
            classes.append(WordClass(verb=True, relation=Relation.BEFORE, period_end=True))
            continue
        ing = simple and shape.gerund
        relation, kind = _verb_group(s, i)
        if not kind and _after_subject_pronoun(s, i):
            classes.append(_simple_tense(low, participle, lex))
        elif kind == "modal" or (kind and (participle or ing)):  # (a passive reports nothing: 'were reported missing')
            reporting = low in lex.reporting and not (kind == "be" and participle)
            classes.append(WordClass(verb=True, finite=True, reporting=reporting, relation=relation))
        elif participle and not noun and _reduced_relative(s, i):
            classes.append(WordClass(verb=True, relation=Relation.BEFORE))  # 'a team headed by'
        elif (participle or low in lex.reporting) and not noun and not _after_preposition(s, i):
            classes.append(_simple_tense(low, participle, lex))
        elif ing and not noun and not _modifier_ing(s, i):
            classes.append(WordClass(verb=True))  # a verb with no tense: 'landing Tuesday'
        elif noun and not (i and classes[i - 1].verb) and i + 1 < len(tokens) and tokens[i + 1].low in lex.infinitive \
                and lex.plural(low):
            classes.append(WordClass(verb=True, finite=True, relation=Relation.OVERLAP))  # 'Brightway plans to'
        elif _entry_verb(s, i):
            classes.append(WordClass(verb=True, finite=True, relation=Relation.OVERLAP))  # 'Sept. 9 - Aske resigns'
        elif _present_after_subject(s, i) or _fixture_verb(s, i) or (not noun and _name_present_verb(s, i)):
            classes.append(WordClass(verb=True, finite=True, relation=Relation.OVERLAP))  # 'until the lease runs out'
        elif kind == "be" and tok.text[0].islower() and not (i + 1 < len(tokens) and tokens[i + 1].low in lex.infinitive):
            # the state a copula predicates: 'turnout was low during the morning'
            classes.append(WordClass(verb=True, finite=True, relation=relation, state=True))
        else:
            classes.append(WordClass(noun=noun))


def _compound_modifier(token: Token) -> bool:
    """Whether ``token`` is a hyphenated modifier in lower case ('60-day', 'long-awaited'),
    which after a determiner leaves the word after it a noun."""
    return "-" in token.text and token.text[:1].isalnum() and not any(ch.isupper() for ch in token.text)


def attribution_at(s: Parsed, k: int) -> int:
    """The number of tokens of the attribution phrase ('according to') that opens at token
    ``k``, 0 when none does."""
    if s.tokens[k].low not in s.lex.attribution_openers:
        return 0
    return phrase_at(s, k, s.lex.attributions)


def phrase_at(s: Parsed, k: int, phrases) -> int:
    """The number of tokens of the first of ``phrases`` (tuples of lower-case words) that opens at
    token ``k``, 0 when none does."""
    tokens = s.tokens
    return next((len(phrase) for phrase in phrases
                 if tokens[k].low == phrase[0] and tuple(t.low for t in tokens[k:k + len(phrase)]) == phrase), 0)


def _attributed(s: Parsed) -> set[int]:
    """The tokens that name a source after an attribution phrase ('according to British media
    reports'), up to the next punctuation mark or clause word."""
    tokens, lex = s.tokens, s.lex
    found: set[int] = set()
    openers = lex.attribution_openers
    for k, token in enumerate(tokens):
        if token.low not in openers:  # (the test attribution_at opens with, without a call at each word)
            continue
        j = k + attribution_at(s, k)
        if j == k:
            continue
        while j < len(tokens) and tokens[j].text not in _BREAKS and tokens[j].low not in lex.clause:
            found.add(j)
            j += 1
    return found


def _simple_tense(low: str, participle: bool, lex: Lexicon) -> WordClass:
    """A verb with no auxiliary: past as a past form ('defected'), else present ('says')."""
    relation = Relation.BEFORE if participle else Relation.OVERLAP
    return WordClass(verb=True, finite=True, reporting=low in lex.reporting, relation=relation)


def _modifier_ing(s: Parsed, i: int) -> bool:
    """Whether the -ing word at ``i`` is part of a noun phrase rather than a verb: after a
    modifier and before a noun or the end of the phrase ('morning dealings yesterday', 'a grain
    trading house')."""
    tokens, timed, lex = s.tokens, s.timed, s.lex
    prev = tokens[i - 1]
    if i >= 2 and prev.low in lex.coordinators and _noun_before(s, i - 2):
        return True  # a gerund joined to a noun is one too: 'charged with fraud and falsifying records'
    if i == 0 or not prev.text[0].islower() or prev.low in lex.function_words or lex.adverb(prev.low):
        return False
    return (i + 1 == len(tokens) or timed[i + 1] or tokens[i + 1].text in _BREAKS
            or _before_content_word(s, i))


def _noun_before(s: Parsed, k: int) -> bool:
    """Whether token ``k`` is a noun ending the object of a preposition, not a verb or a gerund
    ('with fraud' in 'charged with fraud and falsifying records', 'of taking bribes' in 'accused
    of taking bribes and laundering money'; not 'singing and dancing')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if not (tokens[k].text.isalpha() and tokens[k].text[0].islower() and not classes[k].verb
            and not lex.gerund(tokens[k].low)):
        return False
    j = k - 1
    while j >= 0 and tokens[j].text[:1].islower() and tokens[j].low not in lex.function_words \
            and tokens[j].low not in lex.infinitive and not classes[j].finite:
        j -= 1  # (back over the phrase: 'with wire fraud', 'of taking bribes')
    return j >= 0 and (tokens[j].low in lex.prepositions or tokens[j].low in lex.infinitive)


def _after_preposition(s: Parsed, i: int) -> bool:
    """Whether the -s word at ``i`` ends a phrase opened by a preposition, so is a noun ('the
    rumours of early flood warnings')."""
    tokens, lex = s.tokens, s.lex
    if not lex.plural(tokens[i].low):
        return False
    j = i - 1
    while j >= 0 and tokens[j].text[:1].islower() and tokens[j].low not in lex.function_words:
        j -= 1
    return j < i - 1 and j >= 0 and tokens[j].low in lex.prepositions


_ENTRY_MARKS = frozenset(ENTRY_MARKS)  # what parts a date from its entry in a chronology
_BULLETS = frozenset(BULLETS)  # what may open a chronology's line


def _past_list_number(tokens, b: int) -> int:
    """The first token after a numbered list's number that opens at ``b`` ('2) ', '(3) '), else ``b``."""
    k = b + 1 if b < len(tokens) and tokens[b].text == "(" else b
    if k + 1 < len(tokens) and tokens[k].text.isdigit() and len(tokens[k].text) <= 3 and tokens[k + 1].text in (")", "."):
        return k + 2
    return b


def _entry_mark(text: str) -> bool:
    """Whether a token is the mark between a chronology entry's date and its text: a dash (or
    two: '--') or a colon."""
    return bool(text) and all(c in _ENTRY_MARKS for c in text)


def entry_text_start(s: Parsed) -> int | None:
    """The first token of a chronology entry's text, when the sentence opens as one (after a bullet
    or a list's number) with a time expression and a dash, a colon or a tab ('Feb. 15 -- Protests
    break out', 'Jan. 19\tKestrel launches'), else None."""
    return s.kept(entry_text_start, _entry_text_start)  # (asked at each word that may be an entry's verb)


def _entry_text_start(s: Parsed) -> int | None:
    tokens, timed = s.tokens, s.timed
    b = next((b for b in range(len(tokens)) if tokens[b].text not in _BULLETS), len(tokens))
    b = _past_list_number(tokens, b)
    if b >= len(tokens) or not timed[b]:
        return None
    k = next((k for k in range(b, len(tokens)) if not timed[k]), len(tokens))
    if k >= len(tokens):
        return None
    if _entry_mark(tokens[k].text):
        while k < len(tokens) and _entry_mark(tokens[k].text):  # ('Feb. 15 -- Protests break out')
            k += 1
    elif "\t" not in s.sentence.text[tokens[k - 1].end - s.sentence.start:tokens[k].start - s.sentence.start]:
        return None
    return k


def _entry_verb(s: Parsed, i: int) -> bool:
    """Whether the word at ``i`` is the verb of a chronology's entry, told in the present after
    its date ('Sept. 9 - Chief Executive Martin Aske resigns', '19 September: The Bank of England
    cuts rates', '\u2022 25 April \u2013 Tanks enter Deraa'): the sentence opens (after a bullet)
    with a time expression and a dash, a colon or a tab, and the word is the first -s word after
    the subject, with no verb before it; or a bare form right after a plural subject ('Protests
    begin in Cairo', 'Police fire tear gas', 'Russia and China veto the resolution')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if not tokens[i].text[:1].islower() or tokens[i].low in lex.function_words:
        return False
    k = entry_text_start(s)
    if k is None or k >= i:  # (a subject before the verb: 'Jan. 19\tKestrel launches')
        return False
    before, subject = tokens[i - 1], tokens[k:i]
    if any(c.verb for c in classes[k:i]):
        return False
    if lex.plural(tokens[i].low):
        after = tokens[i + 1].low if i + 1 < len(tokens) else ""
        if after in lex.auxiliaries or after in lex.reporting or lex.past(after):
            return False  # (a plural noun ending the subject: '0715 GMT: Health officials say ...')
        return (before.low not in lex.function_words and (_is_name(before) or not lex.plural(before.low))
                and not any(lex.plural(t.low) and t.text[:1].islower() for t in subject))
    # a bare form: after a plural noun ending a subject of no function word but a determiner
    # ('Western powers launch'), or names joined by a coordinator ('Russia and China veto')
    if not tokens[i].text.isalpha() or not all(t.text.isalpha() for t in subject):
        return False
    joined = any(t.low in lex.coordinators for t in subject) and all(
        _is_name(t) or t.low in lex.coordinators for t in subject)
    unmarked = before.low in lex.plural_nouns and not lex.plural(before.low)  # ('Police', 'Gunmen', 'The crew')
    if unmarked and (tokens[i].low in lex.roles or (i + 1 < len(tokens) and lex.plural(tokens[i + 1].low))):
        return False  # (the noun goes on: 'Government spokesman says', 'Police tape guards the beach')
    plural = (lex.plural(before.low) or unmarked) and all(
        t.low not in lex.function_words or t.low in lex.determiners or t.low in lex.not_verbs
        for t in subject)  # ('Hundreds march', 'Police fire tear gas')
    return joined or plural


def _present_after_subject(s: Parsed, i: int) -> bool:
    """Whether the -s word at ``i`` is a present-tense verb after the subject of a clause
    ('until the lease expires', 'when the gallery opens')."""
    tokens, lex = s.tokens, s.lex
    return (i >= 3 and lex.plural(tokens[i].low) and tokens[i - 3].low in lex.clause
            and tokens[i - 2].low in lex.determiners and tokens[i - 1].text[0].islower()
            and tokens[i - 1].low not in lex.function_words and not lex.plural(tokens[i - 1].low))


def _fixture_verb(s: Parsed, i: int) -> bool:
    """Whether the word at ``i`` is a present-tense verb telling when a happening is, right
    before its time, after the subject that opens the sentence: a determiner (or a name's
    possessive) and one or two words in lower case, the -s form after a singular ('The trial
    opens Monday', 'The hurricane season ends on Nov. 30'), the bare form after a plural ('The
    talks start next week', "Acme's shareholders meet tomorrow"), as headlines and lists of what
    is to come write it.  The time is a date or a time of day (not
    'comes three weeks after', 'changes daily'), and no other verb follows it ('The claims
    facility on Thursday told ...'): only its end, a mark or a preposition."""
    tokens, timed, lex = s.tokens, s.timed, s.lex
    opener = tokens[0].low in lex.determiners or (lex.possessive(tokens[0].low) and _is_name(tokens[0]))
    if not 2 <= i <= 3 or timed[i] or not opener:  # ('The talks start', "Acme's shareholders meet")
        return False
    at = i + 1 + (i + 2 < len(tokens) and tokens[i + 1].low in lex.date_prepositions)  # ('ends on Nov. 30')
    if at >= len(tokens) or not s.untitled[at]:
        return False
    after = next((k for k in range(at, len(tokens)) if not timed[k]), len(tokens))
    subject = tokens[1:i]
    return ((after == len(tokens) or not tokens[after].text[:1].isalnum() or tokens[after].low in lex.prepositions)
            and tokens[i].text.isalpha() and tokens[i].low not in lex.function_words
            and all(t.text.isalpha() and t.text[0].islower() and t.low not in lex.function_words
                    and not lex.past(t.low) and not s.classes[k].verb for k, t in enumerate(subject, 1))
            and lex.plural(tokens[i].low) != lex.plural(subject[-1].low))


def _name_present_verb(s: Parsed, i: int) -> bool:
    """Whether the -s word at ``i`` is a present-tense verb after the name that opens the
    sentence, as headlines and captions write ('Merkel meets Macron in Paris on Thursday',
    'President Obama discusses the role of ...', 'Delphine makes landfall on Friday'): an object
    follows it (a determiner, a pronoun, a number or a name), or it is a form of a verb the
    lexicon knows before a word in lower case, and a time follows; not a plural noun that a name
    modifies ('Obama aides say', 'BP shares in London fell')."""
    tokens, timed, lex = s.tokens, s.timed, s.lex
    if not 1 <= i <= 4 or i + 1 >= len(tokens) or timed[i + 1]:
        return False
    low, nxt = tokens[i].low, tokens[i + 1]
    if not (tokens[i].text.isalpha() and tokens[i].text.islower() and lex.plural(low)
            and low not in lex.function_words and low not in lex.hedges
            and lex.stem(lex.singular(low)) not in lex.statives):
        return False  # (not what frames an opinion or states how things are: 'BP hopes the unit will')
    if tokens[0].low in lex.function_words or not all(
            (_is_name(t) and not timed[k]) or (k and t.text in ".&") for k, t in enumerate(tokens[:i])):
        return False
    if lex.past(nxt.low) or nxt.low in lex.auxiliaries or not any(timed[i + 2:]):
        return False  # (a verb follows: 'BP shares fell'; or no time follows to tell the day it is news of)
    k = i + 1
    while k < len(tokens) and tokens[k].text not in _BREAKS and tokens[k].low not in lex.clause_openers:
        if not timed[k] and (lex.past(tokens[k].low) or tokens[k].low in lex.auxiliaries):
            return False  # (the clause's verb comes later: 'NATO members Poland and Lithuania on Monday called for')
        k += 1
    if nxt.text[:1].isdigit() or _is_name(nxt) or nxt.low in lex.determiners or nxt.low in lex.pronouns:
        return nxt.low not in lex.clause_openers  # ('Security guards who used to work')
    return (lex.singular(low) in lex.irregular_bases and nxt.text.isalpha() and nxt.text.islower()
            and nxt.low not in lex.function_words)  # ('makes landfall', not 'Panic leads to')


def _reduced_relative(s: Parsed, i: int) -> bool:
    """Whether the participle at ``i``, with no auxiliary, describes the noun before it rather
    than being the verb of a clause: a form that is only a participle ('a depot known as'),
    or one followed by its agent ('a team headed by two engineers') or by a preposition when
    its clause already has its verb ('the hearing of three men accused of ...')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if tokens[i].low in lex.participles:
        return True
    if _set_off(s, i):
        return True
    if not 0 < i < len(tokens) - 1 or tokens[i - 1].low in lex.function_words:
        return False
    if tokens[i + 1].low in lex.agents:  # (not 'by' with a gerund: 'Acme responded by raising')
        return not (i + 2 < len(tokens) and lex.gerund(tokens[i + 2].low))
    start = _clause_start(s, i)
    return tokens[i + 1].low in lex.prepositions and not lex.adverb(tokens[i - 1].low) and any(
        classes[k].finite and not classes[k].reporting for k in range(start, i - 1))


SET_OFF_WORDS = 6  # a participle set off by commas after its noun, with its time: at most this many words


def _set_off(s: Parsed, i: int) -> bool:
    """Whether the participle at ``i`` describes the noun before it between commas, with the time
    or the place it was done ('The settlement, announced yesterday, closes the inquiry', 'The
    report, published in May, blames the crew'): not the verb of a saying ('..., said the report')."""
    tokens, timed, classes, lex = s.tokens, s.timed, s.classes, s.lex
    if not 2 <= i < len(tokens) - 2 or tokens[i - 1].text != ",":
        return False
    noun = tokens[i - 2]
    if not (noun.text.isalpha() and noun.text[0].islower() and noun.low not in lex.function_words
            and not lex.adverb(noun.low) and not classes[i - 2].verb):
        return False
    j = i - 2
    while j > 0 and tokens[j - 1].text not in _BREAKS:
        j -= 1
    if any(tokens[k].low in lex.clause or classes[k].verb for k in range(j, i - 1)):
        return False  # (the comma ends a clause: 'Halliburton, which wasn't named in the suit, closed')
    if not (timed[i + 1] or tokens[i + 1].low in lex.prepositions):
        return False
    end = next((k for k in range(i + 1, min(len(tokens), i + 2 + SET_OFF_WORDS)) if tokens[k].text == ","), None)
    return end is not None and not any(
        tokens[k].low in lex.auxiliaries or tokens[k].low in lex.clause or lex.past(tokens[k].low)
        for k in range(i + 1, end) if not timed[k])


def _after_subject_pronoun(s: Parsed, i: int) -> bool:
    """Whether a subject pronoun (adverbs aside) comes right before token ``i``: 'they hold'."""
    tokens, lex = s.tokens, s.lex
    j = i - 1
    while j >= 0 and lex.adverb(tokens[j].low):
        j -= 1
    return j >= 0 and tokens[j].low in lex.subjects


def _before_content_word(s: Parsed, i: int) -> bool:
    """Whether a lower-case content word follows token ``i`` ('to further hearings')."""
    tokens, timed, lex = s.tokens, s.timed, s.lex
    if i + 1 >= len(tokens) or timed[i + 1]:
        return False
    nxt = tokens[i + 1]
    return nxt.text[0].isalpha() and nxt.text[0].islower() and nxt.low not in lex.function_words \
        and not lex.adverb(nxt.low)


def _before_object(s: Parsed, i: int) -> bool:
    """Whether what follows token ``i`` opens an object or a complement, not the rest of a
    noun phrase: a determiner or pronoun, a number, a preposition, a name or a time expression
    ('downgraded the bank', 'closed 40 stores', 'cut it', 'rose on Monday')."""
    tokens, timed, lex = s.tokens, s.timed, s.lex
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return (timed[i + 1] or nxt.text[:1].isdigit() or _is_name(nxt) or nxt.low in lex.determiners
            or nxt.low in lex.pronouns or nxt.low in lex.prepositions)


def _before_verb(s: Parsed, i: int) -> bool:
    """Whether the auxiliary at ``i`` leads a verb ('has gone', 'had not been')."""
    tokens, lex = s.tokens, s.lex
    k = i + 1
    while k < len(tokens) and lex.adverb(tokens[k].low):
        k += 1
    if k >= len(tokens):
        return False
    low = tokens[k].low
    return low in lex.auxiliaries or lex.past(low) or low in lex.infinitive


def _main_do(s: Parsed, i: int) -> bool:
    """Whether the modal auxiliary at ``i`` is a main verb: after 'to', where no modal goes
    ('hoped to do much better')."""
    tokens, lex = s.tokens, s.lex
    return i > 0 and tokens[i - 1].low in lex.infinitive and lex.aux_kind(tokens[i].low) == "modal"


def _verb_group(s: Parsed, i: int) -> tuple[Relation, str]:
    """The tense relation and the kind of the auxiliary (or cue) before token ``i``, adverbs
    skipped; the first auxiliary of the group sets the relation ('will have gone' is after).
    ('unknown', '') when the verb has none."""
    tokens, lex = s.tokens, s.lex
    j = i - 1
    while j >= 0 and (lex.adverb(tokens[j].low) or tokens[j].text in _QUOTES):
        j -= 1  # (a quotation may open inside the group: 'will " rebuild')
    if j < 0 or tokens[j].low not in lex.group_ends or (j and _is_name(tokens[j])) or _main_do(s, j):
        return Relation.UNKNOWN, ""  # (not 'Air Do', not 'to do much')
    words = tuple(t.low for t in tokens[max(0, j - 4): j + 1] if t.low not in lex.adverbs)  # ('wasn't to open')
    for cue, relation in lex.cues:
        if words[-len(cue):] == cue:
            return relation, "modal"
    found: tuple[Relation, str] = (Relation.UNKNOWN, "")
    kind = ""
    while j >= 0 and (tokens[j].low in lex.auxiliaries or tokens[j].low in lex.adverbs):
        if tokens[j].low in lex.auxiliaries:
            relation, aux_kind = lex.auxiliaries[tokens[j].low]
            kind = kind or aux_kind  # the auxiliary next to the verb says which form follows
            found = (relation, kind)
        j -= 1
    return found


def _clause_start(s: Parsed, i: int) -> int:
    tokens, lex = s.tokens, s.lex
    j = i
    while j > 0 and tokens[j - 1].text not in _BREAKS and tokens[j - 1].low not in lex.clause:
        j -= 1
    return j


def _opens_with_name(s: Parsed) -> bool:
    """Whether the capitalised first word of a sentence is a name rather than capitalised for
    its place: another name follows it ('John Smith said'), alone or after 'and' or an ampersand
    ('Acme and Brightway said', 'Johnson & Johnson said'; not after 'of': 'Shares of BP'); not a
    function word ('The Kremlin'), not before a title ('Russian President Vladimir Putin')."""
    tokens, lex = s.tokens, s.lex
    if len(tokens) < 2 or tokens[0].low in lex.function_words or lex.adverb(tokens[0].low):
        return False
    k = 2 if tokens[1].low in lex.coordinators or tokens[1].text == "&" else 1
    return (k < len(tokens) and _is_name(tokens[k]) and tokens[k].text not in lex.honorifics
            and tokens[k].low not in lex.roles)
