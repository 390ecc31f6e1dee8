"""Events: sentences -> triggers -> titles, and the time expression that dates each event.

An article's events come from its time expressions and its sentences, with no model: word lists
from ``timeline/lang/<lang>/events/`` and a few positional rules.

- Every DATE/TIME expression dates one event: the event word (a verb or an event noun) cheapest
  to reach from it (:func:`anchor_trigger`): the nearest in its clause, left of it preferred
  ("Peskov said Wednesday", "the economy added jobs last month"), right of it when the expression
  opens the clause ("On Sunday, police clashed ...") or modifies a noun ("today's meeting"), with
  tenses that agree with the date.  Event words include the state a copula predicates ("demand
  was weak during the quarter"), a planned verb ("due to expire Nov. 6") and the end of a period
  ("the year ended Sept. 30"); a light or stative verb yields to its event noun ("charges taken
  in the period", "In the quarter, the bank had a loss"), and so does the passive of a verb of
  planning ("the vote is expected Tuesday") and of a light verb in a relative clause ("a
  recapitalization that took place in 1988").  A participle that describes the noun before it
  ("a group led by two directors", "a warehouse known as ...", "two men suspected of ..." in a
  clause that has its verb) is no verb of a clause.  A dated subject of a perfect passive is
  the happening ("the year-ago results have been restated").  An
  expression with no calendar period ('recently', PAST_REF) keeps the event undated, with the
  side of publication it names.
- Every sentence also gives its main happening when no expression dates it: a statement when it
  has a reporting verb with a speaker, else its first finite verb; and event nouns named as an
  occasion ("at a press conference in Beijing").  Their ``relation`` to publication comes from
  the tense (auxiliaries, past forms).
- Titles are words of the sentence: the subject, the trigger and what follows it in the clause,
  at most :data:`TITLE_WORDS` words; an event noun is titled by the clause of the verb it is the
  object of ("Aetna had a $23 million loss").  Statements read "Speaker: what was said", without
  an opening "I think that", or "Speaker did ..." when what was said opens with a pronoun for
  the speaker ("Smith said he ...", "the company said it ...", "A and B said they ...").  The
  speaker is the person, not where they work ("Steve Milunovich at First Boston"), the whole of
  a name that opens the sentence ("John Smith said"), names joined by "and" ("Ciba-Geigy and
  Chiron said").  Pronouns and role nouns ("he", "the spokesman") as subjects become the
  person named before in the article.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple, Optional, Sequence

from timeline.lang import DEFAULT_LANGUAGE, read_lines, read_table
from timeline.models import (
    Article,
    DateSpan,
    Event,
    Granularity,
    Relation,
    Source,
    Span,
    TimeExpression,
    coerce_published,
)
from timeline.temporal.calendar import side_of, timex_span
from timeline.text import Sentence, split_sentences

TITLE_WORDS = 12  # a title names who did what in at most about this many words
GIST_WORDS = 9  # the part of a statement title after "Speaker: "
SPEAKER_WORDS = 4  # a speaker named by a phrase rather than a name

_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019`")
_BREAKS = frozenset(",;:()[]-\u2014\u2013") | _QUOTES  # punctuation that ends a clause or a phrase


# -- language data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language, loaded once."""

    reporting: frozenset[str]
    auxiliaries: dict[str, tuple[Relation, str]]  # word -> (tense relation, kind of aux)
    cues: tuple[tuple[tuple[str, ...], Relation], ...]
    irregular: dict[str, str]  # past forms and participles -> base
    participles: frozenset[str]  # irregular forms that are only participles ('known', 'taken')
    agents: frozenset[str]  # what introduces the agent of a passive ('led by')
    nouns: dict[str, str]  # event noun -> lemma
    clause: frozenset[str]
    prepositions: frozenset[str]
    determiners: frozenset[str]
    adverbs: frozenset[str]
    infinitive: frozenset[str]  # the infinitive marker
    complements: frozenset[str]  # what links an event noun to its complement ('test of')
    complementizers: frozenset[str]  # what opens a reported clause ('said that')
    occasions: frozenset[str]  # what introduces an occasion ('at a press conference')
    coordinators: frozenset[str]  # 'and', 'or'
    relatives: frozenset[str]  # relative pronouns: 'which', 'who'
    time_relatives: frozenset[str]  # 'when' after a time: its clause tells what happened then
    statives: set[str]  # stems of verbs that state rather than tell ('include')
    lights: set[str]  # stems of verbs whose object names the happening ('took a loss')
    plans: set[str]  # stems of verbs whose passive dates its subject ('the vote is expected Tuesday')
    hedges: frozenset[str]  # what frames an opinion: 'I think (that) ...'
    subjects: frozenset[str]  # subject pronouns: the word after one is a verb ('they hold')
    synonyms: dict[str, str]  # stem of a lemma -> stem of the lemma it counts as
    morphology: dict[str, tuple[str, ...]]  # ending kind -> endings (see morphology.tsv)
    token: re.Pattern  # a word (contractions split off), an abbreviation, or a punctuation mark
    lemmas: dict[str, str]  # a cache of lemma()
    not_verbs: frozenset[str]  # words with a verb's ending that are no verbs ('hundred', 'news')
    pronouns: dict[str, str]  # pronoun -> what it stands for: 'person', 'group', 'body' or 'other'
    roles: frozenset[str]  # what a person is named by before their name ('spokesman')
    organizations: frozenset[str]  # what ends the name of a company or another body ('Corp.')
    honorifics: frozenset[str]
    joiners: frozenset[str]  # prepositions inside a name: 'Bank of England'
    stopwords: frozenset[str]  # words too common to tell two titles apart (for merging)

    def aux_kind(self, low: str) -> str:
        """The kind of auxiliary ``low`` is ('modal', 'be', 'have'), '' for any other word."""
        return self.auxiliaries.get(low, (None, ""))[1]

    def ends(self, low: str, kind: str) -> bool:
        return low.endswith(self.morphology[kind])

    def possessive(self, low: str) -> bool:
        return self.ends(low, "possessive")

    def without(self, low: str, kind: str) -> str:
        """The word without its first ending of ``kind`` (see morphology.tsv)."""
        for ending in self.morphology[kind]:
            if low.endswith(ending):
                return low[: -len(ending)]
        return low

    def bare(self, low: str) -> str:
        """The word without a possessive ending."""
        return self.without(low, "possessive")

    def adverb(self, low: str) -> bool:
        return low in self.adverbs or self.ends(low, "adverb")

    def past(self, low: str) -> bool:
        return self.irregular_base(low) is not None or (self.ends(low, "past") and len(low) > 4)

    def irregular_base(self, low: str) -> Optional[str]:
        """The base of an irregular past form, a prefixed one too ('retook' -> 'retake')."""
        if low in self.irregular:
            return self.irregular[low]
        for prefix in self.morphology["prefix"]:
            rest = low[len(prefix):]
            if low.startswith(prefix) and len(rest) > 2 and rest in self.irregular:
                return prefix + self.irregular[rest]
        return None

    def gerund(self, low: str) -> bool:
        return self.ends(low, "gerund") and len(low) > 5

    def plural(self, low: str) -> bool:
        return self.ends(low, "plural") and not self.ends(low, "not-plural")

    def singular(self, low: str) -> str:
        return self.without(low, "plural") if self.plural(low) else low

    def stem(self, word: str) -> str:
        """A crude stem that makes 'proposed', 'proposes', 'propose' and 'proposal' one key."""
        word = self.bare(word.lower())
        for suffix in self.morphology["stem"]:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
        return word

    @cached_property
    def group_ends(self) -> frozenset[str]:
        """The words a verb group can end with before its verb: auxiliaries and cue ends."""
        return frozenset(self.auxiliaries) | frozenset(cue[-1] for cue, _ in self.cues)

    @cached_property
    def clause_openers(self) -> frozenset[str]:
        """What opens a relative or reported clause: 'which', 'that'."""
        return self.relatives | self.complementizers

    @cached_property
    def reporting_stems(self) -> frozenset[str]:
        """The stems of the reporting verbs ('reporting a loss' reports as 'reported' does)."""
        return frozenset(self.stem(w) for w in self.reporting)

    @cached_property
    def noun_phrase_forms(self) -> frozenset[str]:
        """Event nouns and their plurals ('talks' and 'meetings'), as found after a determiner
        or a preposition ('his remarks', 'in the report')."""
        plurals = {noun + ending for noun in self.nouns for ending in self.morphology["plural"]}
        return frozenset(set(self.nouns) | plurals)

    @cached_property
    def noun_forms(self) -> frozenset[str]:
        """The event nouns anywhere, reporting verbs excepted ('she remarks' is a verb)."""
        return self.noun_phrase_forms - self.reporting

    @cached_property
    def function_words(self) -> frozenset[str]:
        return (self.clause | self.prepositions | self.determiners | self.adverbs | self.not_verbs
                | frozenset(self.pronouns) | frozenset(self.auxiliaries))

    @cached_property
    def phrase_stops(self) -> frozenset[str]:
        """The words that end the noun phrase an expression modifies: the function words, but
        not those listed only as no verbs ('net' in 'third-quarter net loss')."""
        return self.function_words - (self.not_verbs - self.clause - self.prepositions - self.determiners)


@lru_cache(maxsize=None)
def lexicon(lang: str = DEFAULT_LANGUAGE) -> Lexicon:
    def words(name: str) -> frozenset[str]:
        return frozenset(read_lines(lang, "events", name))

    def table(name: str):
        return read_table(lang, "events", name)

    morphology = {key: tuple(forms.split()) for key, forms in table("morphology.tsv")}
    contraction = "|".join(re.escape(c) for c in morphology["contraction"])
    group = "".join(re.escape(c) for c in morphology["digit-group"])
    token = re.compile(rf"(?:[^\W\d_]\.){{2,}}|\d{{1,3}}(?:[{group}]\d{{3}})+(?:\.\d+)?\b"
                       rf"|\w+(?=(?:{contraction})\b)|(?:{contraction})\b"
                       r"|\w+(?:['\u2019.\-]\w+)*|[^\w\s]")
    irregular: dict[str, str] = {}
    pasts: set[str] = set()
    participles: set[str] = set()
    for base, past, participle in table("irregular_verbs.tsv"):
        pasts.update(past.split("|"))
        participles.update(participle.split("|"))
        for form in (*past.split("|"), *participle.split("|")):
            irregular.setdefault(form, base)
    lex = Lexicon(
        reporting=words("reporting_verbs.txt"),
        auxiliaries={w: (Relation(r), kind) for w, r, kind in table("auxiliaries.tsv")},
        cues=tuple((tuple(c.split()), Relation(r)) for c, r in table("tense_cues.tsv")),
        irregular=irregular,
        participles=frozenset(participles - pasts),
        agents=words("agent_prepositions.txt"),
        nouns={row[0]: row[-1] for row in table("event_nouns.txt")},
        clause=words("clause_words.txt"),
        prepositions=words("prepositions.txt"),
        determiners=words("determiners.txt"),
        adverbs=words("adverbs.txt"),
        infinitive=words("infinitive_markers.txt"),
        complements=words("noun_complements.txt"),
        complementizers=words("complementizers.txt"),
        occasions=words("occasion_prepositions.txt"),
        coordinators=words("coordinators.txt"),
        relatives=words("relative_pronouns.txt"),
        time_relatives=words("time_relatives.txt"),
        statives=set(),
        lights=set(),
        plans=set(),
        hedges=words("hedge_verbs.txt"),
        subjects=frozenset(w for w, _, case in table("pronouns.tsv") if case == "subject"),
        synonyms={},
        morphology=morphology,
        token=token,
        lemmas={},
        not_verbs=words("not_verbs.txt"),
        pronouns={w: k for w, k, _ in table("pronouns.tsv")},
        roles=words("role_nouns.txt"),
        organizations=words("organization_words.txt"),
        honorifics=words("honorifics.txt"),
        joiners=words("name_joiners.txt"),
        stopwords=words("stopwords.txt"),
    )
    lex.synonyms.update({lex.stem(a): lex.stem(b) for a, b in table("synonyms.tsv")})
    lex.statives.update(lex.stem(w) for w in words("stative_verbs.txt"))
    lex.lights.update(lex.stem(w) for w in words("light_verbs.txt"))
    lex.plans.update(lex.stem(w) for w in words("planning_verbs.txt"))
    return lex


# -- tokens and word classes --------------------------------------------------------------------


class Token(NamedTuple):
    start: int  # offsets into the article text
    end: int
    text: str
    low: str


def tokenize(sentence: Sentence, lex: Lexicon) -> list[Token]:
    return [
        Token(sentence.start + m.start(), sentence.start + m.end(), m.group(), m.group().lower())
        for m in lex.token.finditer(sentence.text)
    ]


def _is_name(token: Token) -> bool:
    return token.text[:1].isupper()


_LEMMA_CACHE = 100_000  # words whose lemma is kept


def lemma(word: str, lex: Lexicon) -> str:
    """The verb lemma a trigger names ('met' and 'meeting' -> 'meet'), as a stem."""
    found = lex.lemmas.get(word)
    if found is None:
        if len(lex.lemmas) > _LEMMA_CACHE:
            lex.lemmas.clear()
        low = lex.bare(word.lower())
        base = lex.stem(lex.irregular_base(low) or lex.nouns.get(low) or lex.nouns.get(lex.singular(low)) or low)
        found = lex.lemmas[word] = lex.synonyms.get(base, base)
    return found


class WordClass(NamedTuple):
    """What the rules need to know about one token of a sentence."""

    verb: bool = False  # a verb that can name an event
    noun: bool = False  # an event noun
    finite: bool = False  # past form or led by an auxiliary: the verb of a clause
    reporting: bool = False
    infinitive: bool = False
    relation: Relation = Relation.UNKNOWN
    period_end: bool = False  # 'ended' in 'the quarter ended Sept. 30': dated by what follows only
    state: bool = False  # what a copula predicates ('was weak'): dated, but no happening of its own


_PLAIN = WordClass()  # a word that names no event


def classify(tokens: Sequence[Token], timed: Sequence[bool], lex: Lexicon) -> list[WordClass]:
    """The word class of every token (``timed`` marks tokens inside time expressions)."""
    function_words = lex.function_words
    opens_with_name = _opens_with_name(tokens, lex)
    classes: list[WordClass] = []
    for i, tok in enumerate(tokens):
        low = tok.low
        prev = tokens[i - 1].low if i else ""
        if low in lex.auxiliaries and _main_do(tokens, i, lex):
            classes.append(WordClass(verb=True, infinitive=True))
            continue
        if low in lex.auxiliaries and lex.auxiliaries[low][1] == "have" and not _before_verb(tokens, i, lex):
            # 'have' as the verb of its clause: 'the company had a loss'
            relation = Relation.BEFORE if low in lex.irregular else Relation.OVERLAP
            classes.append(WordClass(verb=True, finite=True, relation=relation))
            continue
        if (timed[i] or not tok.text[0].isalpha() or low in function_words or lex.adverb(low)
                or (_is_name(tok) and (i and tokens[i - 1].text not in _QUOTES or opens_with_name))):
            classes.append(_PLAIN)
            continue
        noun = low in lex.noun_forms
        planned = prev in lex.infinitive and _verb_group(tokens, i, lex)[1]
        if prev in lex.infinitive and tok.text[0].islower() and not lex.plural(low) and (
                planned or not _before_content_word(tokens, timed, i, lex) or (i > 1 and classes[i - 2].verb)):
            if planned:  # 'due to expire Nov. 6', 'scheduled to meet', 'which is to add capacity'
                classes.append(WordClass(verb=True, finite=True))
            else:  # 'voted to support the republic'
                classes.append(WordClass(verb=True, infinitive=True))
            continue
        if prev in lex.prepositions and lex.gerund(low) and "-" not in low and not noun:
            classes.append(WordClass(verb=True))  # 'after selling its stake in 1984'
            continue
        relative_verb = prev in lex.clause and lex.past(low) and not noun  # 'a strike that began'
        j = i - 1
        while j > 0 and lex.adverb(tokens[j].low) and tokens[j].low not in lex.determiners:
            j -= 1  # 'the previously announced pact'
        if (tokens[j].low in lex.determiners and not relative_verb) or lex.possessive(prev) or prev in lex.prepositions:
            classes.append(WordClass(noun=low in lex.noun_phrase_forms))  # 'the presumed test', 'in subordinated debt'
            continue
        simple = "-" not in low
        participle = simple and lex.past(low)
        if participle and 0 < i < len(tokens) - 1 and timed[i - 1] and timed[i + 1]:
            # 'the quarter ended Sept. 30' names a period: not the verb of its clause, but the
            # end the date after it places
            classes.append(WordClass(verb=True, relation=Relation.BEFORE, period_end=True))
            continue
        ing = simple and lex.gerund(low)
        relation, kind = _verb_group(tokens, i, lex)
        if not kind and _after_subject_pronoun(tokens, i, lex):
            classes.append(_simple_tense(low, participle, lex))
        elif kind == "modal" or (kind and (participle or ing)):  # (a passive reports nothing: 'were reported killed')
            reporting = low in lex.reporting and not (kind == "be" and participle)
            classes.append(WordClass(verb=True, finite=True, reporting=reporting, relation=relation))
        elif participle and not noun and _reduced_relative(tokens, classes, i, lex):
            classes.append(WordClass(verb=True, relation=Relation.BEFORE))  # 'a group led by'
        elif (participle or low in lex.reporting) and not noun and not _after_preposition(tokens, i, lex):
            classes.append(_simple_tense(low, participle, lex))
        elif ing and not noun and not _modifier_ing(tokens, timed, i, lex):
            classes.append(WordClass(verb=True))  # a verb with no tense: 'arriving Tuesday'
        elif noun and not (i and classes[i - 1].verb) and i + 1 < len(tokens) and tokens[i + 1].low in lex.infinitive \
                and lex.plural(low):
            classes.append(WordClass(verb=True, finite=True, relation=Relation.OVERLAP))  # 'Compaq plans to'
        elif _present_after_subject(tokens, i, lex):
            classes.append(WordClass(verb=True, finite=True, relation=Relation.OVERLAP))  # 'until the ban expires'
        elif kind == "be" and tok.text[0].islower() and not (i + 1 < len(tokens) and tokens[i + 1].low in lex.infinitive):
            # the state a copula predicates: 'business was weak during the quarter'
            classes.append(WordClass(verb=True, finite=True, relation=relation, state=True))
        else:
            classes.append(WordClass(noun=noun))
    return classes


def _simple_tense(low: str, participle: bool, lex: Lexicon) -> WordClass:
    """A verb with no auxiliary: past as a past form ('defected'), else present ('says')."""
    relation = Relation.BEFORE if participle else Relation.OVERLAP
    return WordClass(verb=True, finite=True, reporting=low in lex.reporting, relation=relation)


def _modifier_ing(tokens, timed, i: int, lex: Lexicon) -> bool:
    """Whether the -ing word at ``i`` is part of a noun phrase rather than a verb: after a
    modifier and before a noun or the end of the phrase ('composite trading yesterday', 'a bank
    holding company')."""
    prev = tokens[i - 1]
    if i == 0 or not prev.text[0].islower() or prev.low in lex.function_words or lex.adverb(prev.low):
        return False
    return (i + 1 == len(tokens) or timed[i + 1] or tokens[i + 1].text in _BREAKS
            or _before_content_word(tokens, timed, i, lex))


def _after_preposition(tokens, i: int, lex: Lexicon) -> bool:
    """Whether the -s word at ``i`` ends a phrase opened by a preposition, so is a noun ('the
    uncertainty of early battle reports')."""
    if not lex.plural(tokens[i].low):
        return False
    j = i - 1
    while j >= 0 and tokens[j].text[:1].islower() and tokens[j].low not in lex.function_words:
        j -= 1
    return j < i - 1 and j >= 0 and tokens[j].low in lex.prepositions


def _present_after_subject(tokens, i: int, lex: Lexicon) -> bool:
    """Whether the -s word at ``i`` is a present-tense verb after the subject of a clause
    ('until the restriction expires', 'when the market opens')."""
    return (i >= 3 and lex.plural(tokens[i].low) and tokens[i - 3].low in lex.clause
            and tokens[i - 2].low in lex.determiners and tokens[i - 1].text[0].islower()
            and tokens[i - 1].low not in lex.function_words and not lex.plural(tokens[i - 1].low))


def _reduced_relative(tokens, classes, i: int, lex: Lexicon) -> bool:
    """Whether the participle at ``i``, with no auxiliary, describes the noun before it rather
    than being the verb of a clause: a form that is only a participle ('a facility known as'),
    or one followed by its agent ('a group led by three directors') or by a preposition when
    its clause already has its verb ('the trial of two Libyans suspected of ...')."""
    if tokens[i].low in lex.participles:
        return True
    if not 0 < i < len(tokens) - 1 or tokens[i - 1].low in lex.function_words:
        return False
    if tokens[i + 1].low in lex.agents:  # (not 'by' with a gerund: 'Nashua responded by strengthening')
        return not (i + 2 < len(tokens) and lex.gerund(tokens[i + 2].low))
    start = _clause_start(tokens, i, lex)
    return tokens[i + 1].low in lex.prepositions and not lex.adverb(tokens[i - 1].low) and any(
        classes[k].finite and not classes[k].reporting for k in range(start, i - 1))


def _after_subject_pronoun(tokens, i: int, lex: Lexicon) -> bool:
    """Whether a subject pronoun (adverbs aside) comes right before token ``i``: 'they hold'."""
    j = i - 1
    while j >= 0 and lex.adverb(tokens[j].low):
        j -= 1
    return j >= 0 and tokens[j].low in lex.subjects


def _before_content_word(tokens, timed, i: int, lex: Lexicon) -> bool:
    """Whether a lower-case content word follows token ``i`` ('to additional talks')."""
    if i + 1 >= len(tokens) or timed[i + 1]:
        return False
    nxt = tokens[i + 1]
    return nxt.text[0].isalpha() and nxt.text[0].islower() and nxt.low not in lex.function_words \
        and not lex.adverb(nxt.low)


def _before_verb(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Whether the auxiliary at ``i`` leads a verb ('has gone', 'had not been')."""
    k = i + 1
    while k < len(tokens) and lex.adverb(tokens[k].low):
        k += 1
    if k >= len(tokens):
        return False
    low = tokens[k].low
    return low in lex.auxiliaries or lex.past(low) or low in lex.infinitive


def _main_do(tokens, i: int, lex: Lexicon) -> bool:
    """Whether the modal auxiliary at ``i`` is a main verb: after 'to', where no modal goes
    ('expected to do little better')."""
    return i > 0 and tokens[i - 1].low in lex.infinitive and lex.aux_kind(tokens[i].low) == "modal"


def _verb_group(tokens: Sequence[Token], i: int, lex: Lexicon) -> tuple[Relation, str]:
    """The tense relation and the kind of the auxiliary (or cue) before token ``i``, adverbs
    skipped; the first auxiliary of the group sets the relation ('will have gone' is after).
    ('unknown', '') when the verb has none."""
    j = i - 1
    while j >= 0 and (lex.adverb(tokens[j].low) or tokens[j].text in _QUOTES):
        j -= 1  # (a quotation may open inside the group: 'will " develop')
    if j < 0 or tokens[j].low not in lex.group_ends or (j and _is_name(tokens[j])) or _main_do(tokens, j, lex):
        return Relation.UNKNOWN, ""  # (not 'Pan Am', not 'to do little')
    words = tuple(t.low for t in tokens[max(0, j - 4): j + 1] if t.low not in lex.adverbs)  # ('wasn't to begin')
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


# -- anchoring: which event a time expression dates ---------------------------------------------

# Costs of reaching an event word from the time expression (the cheapest wins): one a word,
# more across punctuation or into another clause; a right-hand word pays extra, and much more
# across a comma unless the expression opens its clause ("On Sunday, police clashed").
_RIGHT_COST, _BREAK_COST, _CLAUSE_COST, _CLOSED_COST = 2.5, 4.0, 6.0, 20.0
_SUBJECT_COST = 3.0  # a subject pronoun right of the expression: 'last year they contributed'
_WEAK_COST = 2.5  # an event noun, or an -ing form with no auxiliary, is a weaker trigger
_TENSE_COST = 5.0  # a verb whose tense contradicts the date: 'will resign' for 'last year'


def anchor_trigger(tokens, classes, first: int, last: int, lex: Lexicon,
                   relation: Relation = Relation.UNKNOWN, day: bool = True) -> Optional[int]:
    """The index of the event word that the expression over tokens ``first..last`` dates;
    ``relation`` is where the date lies relative to publication, for tense agreement; ``day``
    whether it names a day or a time (a longer period more often dates the event noun itself:
    'had a loss of $5 million for the quarter')."""
    if first and classes[first - 1].period_end:
        return first - 1
    head = _modified_noun(tokens, classes, first, last, lex)
    if head is not None:
        return head
    when = _time_clause_verb(tokens, classes, last, lex)
    if when is not None:
        return when
    opens = _opens_clause(tokens, first, lex)
    comma = _adjunct_end(tokens, classes, first, last) if opens else None
    if comma is not None and not any(c.finite or c.noun for c in classes[_clause_start(tokens, first, lex):comma]):
        verb = _clause_verb(tokens, classes, comma, lex)
        if verb is not None:
            return _light_object(tokens, classes, verb, lex)
    best: tuple[float, int] | None = None
    for step in (-1, 1):
        cost = 0.0 if step < 0 else _RIGHT_COST
        i = first - 1 if step < 0 else last + 1
        finite = False  # a finite verb between the expression and ``i``
        while 0 <= i < len(tokens) and (best is None or cost < best[0]):
            tok, cls = tokens[i], classes[i]
            if (cls.verb or cls.noun) and not cls.period_end:
                if cls.noun and step < 0 and tokens[i + 1].low in lex.complements and i + 2 < first:
                    # a phrase after the noun up to the date: "Iraq's invasion of Kuwait on Aug. 2"
                    k, total = i, cost + _trigger_cost(cls._replace(finite=True), relation, day)
                else:
                    k = _governing_verb(tokens, classes, i, lex) if cls.noun and step < 0 else i
                    if k != i and not day and _light(tokens[k], classes[k], lex):
                        k = i  # 'had a loss of $5 million for the quarter': the period dates the loss
                    total = cost + _trigger_cost(classes[k], relation, day)
                    named = i - 2 if i > 1 and tokens[i - 1].low in lex.clause_openers else i - 1
                    if cls.verb and named >= 0 and classes[named].noun and lemma(tok.text, lex) in lex.lights:
                        k = named  # 'remarks made last week', 'a recapitalization that took place in 1988'
                    elif cls.verb:
                        k = _planned_happening(tokens, classes, i, lex)
                if best is None or total < best[0]:
                    best = (total, k)
            if tok.text in _BREAKS:
                cost += _BREAK_COST if step < 0 or opens else _CLOSED_COST
            elif tok.low in lex.subjects and step > 0:
                cost += _SUBJECT_COST
            elif tok.low in lex.pronouns or (tok.low in lex.clause
                                             and (finite or step > 0 or tok.low in lex.complementizers)):
                cost += _CLAUSE_COST  # another clause, or the subject of one
            else:  # (a clause word with no verb up to the expression is a preposition: 'resigned as chief')
                cost += 1.0
            finite = finite or cls.finite
            i += step
    return best[1] if best else None


def _time_clause_verb(tokens, classes, last: int, lex: Lexicon) -> Optional[int]:
    """The verb of a clause describing the time just named: '..., when they traded at $10'."""
    k = last + 2  # after a comma: 'Thursday when he called' is a subordinate clause of its own
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
    nouns as readily as verbs: 'a loss of $5 million for the quarter'), and tenses that disagree
    with the date (an infinitive looks ahead: it rarely names a past date's event)."""
    cost = 0.0 if cls.finite or cls.infinitive or (cls.noun and not day) else _WEAK_COST
    if (cls.infinitive and relation == Relation.BEFORE) \
            or {cls.relation, relation} == {Relation.BEFORE, Relation.AFTER}:
        cost += _TENSE_COST
    return cost


def _adjunct_end(tokens, classes, first: int, last: int) -> Optional[int]:
    """The comma that closes an opening adjunct holding the expression ('In composite trading
    yesterday, shares rose'), or None."""
    k = last + 1
    while k < len(tokens) and tokens[k].text not in _BREAKS and not classes[k].finite:
        k += 1
    return k if k < len(tokens) and tokens[k].text == "," else None


def _clause_verb(tokens, classes, comma: int, lex: Lexicon) -> Optional[int]:
    """The first finite verb after ``comma``, passing over a relative clause in the subject
    ('officers who had been searching for him concluded')."""
    relative = False
    for k in range(comma + 1, len(tokens)):
        if tokens[k].text in _QUOTES:
            continue  # a quotation opening inside the clause: 'Control Data will " develop ...'
        if tokens[k].text in _BREAKS:
            return None
        if tokens[k].low in lex.clause:
            relative = True
        elif classes[k].finite:
            if not relative:
                return k
            relative = False
    return None


def _light_object(tokens, classes, verb: int, lex: Lexicon) -> int:
    """The object of a stative verb when it names a happening ('Service Corp. had a loss of
    $12.5 million', 'it had sales of $40 million'), else the verb."""
    if not _stative(tokens[verb], lex):
        return verb
    head = verb
    k = verb + 1
    while k < len(tokens) and tokens[k].text not in _BREAKS and tokens[k].low not in lex.prepositions \
            and tokens[k].low not in lex.clause and not classes[k].verb:
        if tokens[k].text[:1].isalpha() and tokens[k].low not in lex.function_words:
            head = k  # ('had a $23 million loss')
        k += 1
    return head if classes[head].noun else verb


def _opens_clause(tokens, first: int, lex: Lexicon) -> bool:
    """Whether the expression opens its clause: only function words before it, or a
    prepositional phrase with no verb ('In composite trading yesterday, ...')."""
    function_words = lex.function_words
    k = first - 1
    content = False
    while k >= 0 and tokens[k].text not in _BREAKS:
        if tokens[k].low not in function_words and not lex.adverb(tokens[k].low) and k != 0:
            content = True  # (a capitalised first word, 'Earlier', is an adverb, not a name)
        k -= 1
    start = k + 1
    return not content or (start < first and tokens[start].low in lex.prepositions)


def _modified_noun(tokens, classes, first: int, last: int, lex: Lexicon) -> Optional[int]:
    """The head noun an expression modifies ('third-quarter net loss', "today's meeting",
    'his Aug. 2 power-grab'), or None when the expression is not before a noun."""
    expression = tokens[first: last + 1]
    before = tokens[first - 1].low if first else ""
    adjectival = (lex.possessive(expression[-1].low) or "-" in expression[-1].low
                  or before in lex.determiners or lex.possessive(before)
                  or (last + 1 < len(tokens) and classes[last + 1].noun))  # 'overnight losses'
    if not adjectival:
        return None
    head = None
    k = last + 1
    if k < len(tokens) and (tokens[k].low in lex.morphology["possessive"]
                            or (tokens[k].text == "," and before in lex.determiners)):
        k += 1  # "Tuesday's meeting", 'an Aug. 10, 1988, stock agreement'
    while k < len(tokens) and tokens[k].text[:1].isalpha() and tokens[k].low not in lex.phrase_stops \
            and not classes[k].verb and not _is_name(tokens[k]) and not lex.adverb(tokens[k].low) \
            and (head is None or not classes[head].noun or classes[k].noun):  # the phrase ends at its
        head = k  # event noun, the last of a compound: 'a stock purchase agreement'
        k += 1
    if head is None:
        return None
    if not classes[head].noun and k < len(tokens) and tokens[k].low in lex.prepositions:
        k += 1  # 'Friday's focus on the top-tier stocks telegraphed selling'
        while k < len(tokens) and not classes[k].verb and tokens[k].text not in _BREAKS \
                and tokens[k].low not in lex.clause and tokens[k].low not in lex.auxiliaries:
            k += 1
    while not classes[head].noun and k < len(tokens) and not classes[k].verb \
            and (tokens[k].low in lex.auxiliaries or lex.adverb(tokens[k].low)):
        k += 1  # 'third-quarter earnings haven't been very good'
    # a perfect passive tells what was done since to the dated thing: 'the year-ago results have
    # been restated' (but 'last year's results were hurt by charges' happened then)
    revised = (k < len(tokens) and lex.past(tokens[k].low) and _verb_group(tokens, k, lex)[1] == "be"
               and any(lex.aux_kind(t.low) == "have" for t in tokens[head + 1:k]))
    if k < len(tokens) and classes[k].verb and not classes[k].infinitive and not _stative(tokens[k], lex) \
            and not revised:
        return k  # the noun phrase is the subject ('third-quarter profit grew 19%'), or the
        # participle describes it ('the Feb. 23 accord signed by Annan and Aziz')
    return head


def _planned_happening(tokens, classes, verb: int, lex: Lexicon) -> int:
    """The event noun a passive verb of planning has as its subject ('the vote is expected
    Tuesday', 'the closing, which is scheduled for December'): the date is the happening's;
    else the verb."""
    if lemma(tokens[verb].text, lex) not in lex.plans or _verb_group(tokens, verb, lex)[1] != "be":
        return verb
    subject = _subject(tokens, classes, verb, lex) or _relative_head(tokens, classes, verb, lex)
    return subject[-1] if subject and classes[subject[-1]].noun else verb


def _stative(token: Token, lex: Lexicon) -> bool:
    return lemma(token.text, lex) in lex.statives or lex.aux_kind(token.low) == "have"


def _light(token: Token, cls: WordClass, lex: Lexicon) -> bool:
    """Whether a verb says little of its own beside its object: stative, light ('took a loss')
    or reporting ('reported a net loss')."""
    stem = lemma(token.text, lex)
    return cls.reporting or _stative(token, lex) or stem in lex.lights or stem in lex.reporting_stems


def _governing_verb(tokens, classes, noun: int, lex: Lexicon) -> int:
    """The verb whose direct object the event noun is ('signed an economic cooperation plan',
    'told a news conference'), else the noun itself."""
    k = noun - 1
    while k >= 0 and not classes[k].verb:
        if tokens[k].text in _BREAKS or tokens[k].low in lex.prepositions or tokens[k].low in lex.clause \
                or _is_name(tokens[k]) or classes[k].noun or noun - k > 4:
            return noun
        k -= 1
    return k if k >= 0 else noun


# -- titles -------------------------------------------------------------------------------------


def _clause_start(tokens, i: int, lex: Lexicon) -> int:
    j = i
    while j > 0 and tokens[j - 1].text not in _BREAKS and tokens[j - 1].low not in lex.clause:
        j -= 1
    return j


def _phrase_end(tokens, i: int, lex: Lexicon) -> int:
    """The end (exclusive) of the phrase that follows the trigger at ``i``; 'and' between
    nouns does not end it ('in Kenya and Tanzania')."""
    j = i + 1
    while j < len(tokens) and tokens[j].text not in _BREAKS:
        if tokens[j].low in lex.clause and not (tokens[j].low in lex.coordinators and j + 1 < len(tokens)
                                                 and _is_name(tokens[j + 1])):
            break
        j += 1
    return j


def _words(tokens, indices, timed, lex: Lexicon) -> list[str]:
    """The words of ``indices`` without time expressions and the preposition before one; tokens
    written together in the text stay together ("wasn't", "(EEF)")."""
    out: list[str] = []
    indices = list(indices)
    previous = None
    for n, i in enumerate(indices):
        if timed[i] or not tokens[i].text.strip("_"):  # (a dash typed as '_': '_ Some 1,500 marched')
            continue
        nxt = indices[n + 1] if n + 1 < len(indices) else None
        if tokens[i].low in lex.prepositions and nxt is not None and timed[nxt]:
            continue
        if out and previous == i - 1 and tokens[previous].end == tokens[i].start:
            out[-1] += tokens[i].text
        else:
            out.append(tokens[i].text)
        previous = i
    return out


def _clip(words: list[str], limit: int, lex: Lexicon) -> list[str]:
    """At most ``limit`` words, cut before a preposition when one is near the limit."""
    if len(words) <= limit:
        return words
    cut = limit
    for k in range(limit, max(2, limit - 5), -1):
        if words[k].lower() in lex.prepositions:
            cut = k
            break
    words = words[:cut]
    while words and (words[-1].lower() in lex.prepositions or words[-1].lower() in lex.determiners):
        words.pop()
    return words


def _sentence_case(words: list[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _subject(tokens, classes, i: int, lex: Lexicon) -> list[int]:
    """The indices of the subject words before the verb at ``i`` (no adverbs, no auxiliaries),
    after a reporting verb that opens a reported clause ('Smith said he had cut ...': 'he')."""
    start = _clause_start(tokens, i, lex)
    start = max([start] + [k + 1 for k in range(start, i) if classes[k].reporting])
    while start >= 2 and start < i and tokens[start - 1].low in lex.coordinators and _is_name(tokens[start]) \
            and _is_name(tokens[start - 2]):  # names joined by 'and': 'Ciba-Geigy and Chiron said'
        start -= 2
        while start > 0 and _is_name(tokens[start - 1]):
            start -= 1
    return [k for k in range(start, i)
            if not classes[k].finite and not classes[k].infinitive and not lex.adverb(tokens[k].low)
            and tokens[k].low not in lex.auxiliaries and tokens[k].low not in lex.infinitive]


def _noun_phrase(tokens, classes, i: int, lex: Lexicon, timed) -> list[int]:
    """The event noun at ``i`` with its modifiers and its complement ('test of a H-bomb')."""
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
    verb = _predicate(tokens, classes, end, lex)
    if verb is not None:  # the noun is the subject: 'the loss includes charges'
        end = _phrase_end(tokens, verb, lex)
    return list(range(j, end))


def _predicate(tokens, classes, end: int, lex: Lexicon) -> Optional[int]:
    """The finite verb right after a subject that ends before ``end`` (auxiliaries and adverbs
    skipped: 'the vote is now expected'), or None."""
    verb = end
    while verb < len(tokens) and not classes[verb].verb and (tokens[verb].low in lex.auxiliaries
                                                            or lex.adverb(tokens[verb].low)):
        verb += 1
    return verb if verb < len(tokens) and classes[verb].finite else None


def occurrence_title(tokens, classes, i: int, timed, lex: Lexicon, people: "People") -> tuple[str, list[str]]:
    """The title of the event named at ``i`` ('Putin met the South Korean leader in ...'), and
    its actors."""
    if classes[i].noun:
        subject: list[int] = []
        indices = _noun_phrase(tokens, classes, i, lex, timed)
    else:
        end = _phrase_end(tokens, i, lex)
        subject = [k for k in _subject(tokens, classes, i, lex) if not timed[k]]
        if subject:  # the clause from its subject, auxiliaries and adverbs kept: 'He has outlasted ...'
            indices = list(range(subject[0], end))
        else:  # the subject of a coordinated verb, or of the sentence: 'Primerica, which ..., will pay'
            subject = (_relative_head(tokens, classes, i, lex) or _shared_subject(tokens, classes, i, lex)
                       or _opening_subject(tokens, classes, lex))
            indices = subject + list(range(_clause_start(tokens, i, lex), end))
    words = _words(tokens, indices, timed, lex)
    actor = people.resolve(tokens, subject, lex)
    if actor and _is_reference(tokens, subject, lex):
        words = [actor] + _words(tokens, [k for k in indices if k > subject[-1]], timed, lex)
    actors = names(tokens, [k for k in indices if not timed[k]], lex)
    if actor and actor not in actors:
        actors.insert(0, actor)
    return _title(_drop_determiner(words, lex), TITLE_WORDS, lex), actors


def _shared_subject(tokens, classes, i: int, lex: Lexicon) -> list[int]:
    """The subject of the verb before a coordinated one ('they talked ... and talked today')."""
    start = _clause_start(tokens, i, lex)
    for k in range(start - 1, -1, -1):
        if tokens[k].text in _BREAKS:
            break
        if classes[k].finite:
            return _subject(tokens, classes, k, lex)
    return []


def _relative_head(tokens, classes, i: int, lex: Lexicon) -> list[int]:
    """The phrase a relative clause describes: 'the market, which last year had sales ...'."""
    start = _clause_start(tokens, i, lex)
    verb_next = all(tokens[k].low in lex.auxiliaries or lex.adverb(tokens[k].low) for k in range(start, i))
    if start < 2 or not (tokens[start - 1].low in lex.relatives  # 'a strike that began', 'sales that are above'
                         or (verb_next and tokens[start - 1].low in lex.complementizers)):
        return []
    end = start - 2 if tokens[start - 2].text == "," else start - 1
    begin = end
    while begin > 0 and tokens[begin - 1].text not in _BREAKS and tokens[begin - 1].low not in lex.clause \
            and tokens[begin - 1].low not in lex.prepositions and not classes[begin - 1].verb:
        begin -= 1
    return list(range(begin, end))


def _opening_subject(tokens, classes, lex: Lexicon) -> list[int]:
    """The sentence's first phrase when it is a subject set off by commas ('Primerica, which had
    owned 70% of Williams, will pay ...')."""
    end = 0
    while end < len(tokens) and tokens[end].text not in _BREAKS:
        if classes[end].verb or (tokens[end].low in lex.function_words and tokens[end].low not in lex.determiners):
            return []
        end += 1
    return list(range(end)) if end < len(tokens) and tokens[end].text == "," else []


def _title(words: list[str], limit: int, lex: Lexicon) -> str:
    return _sentence_case(_clip(words, limit, lex)).rstrip(" .,;:")


def _head_phrase(words: list[str], limit: int, lex: Lexicon) -> list[str]:
    """A phrase longer than ``limit`` words without what follows its head: 'spokesman for the
    Boston-based company' -> 'spokesman'."""
    if len(words) <= limit:
        return words
    cut = next((k for k in range(1, len(words)) if words[k].lower() in lex.prepositions), len(words))
    return words[:cut]


def _drop_determiner(words: list[str], lex: Lexicon) -> list[str]:
    return words[1:] if len(words) > 2 and words[0].lower() in lex.determiners else words


def _is_reference(tokens, subject: list[int], lex: Lexicon) -> bool:
    """Whether a subject names its person only by a pronoun or a role ('he', 'the spokesman')."""
    if not subject:
        return False
    last = tokens[subject[-1]].low
    return (len(subject) == 1 and last in lex.pronouns) or (
        last in lex.roles and all(tokens[k].low in lex.determiners for k in subject[:-1]))


def statement_title(tokens, classes, i: int, timed, lex: Lexicon, people: "People") -> tuple[str, list[str]]:
    """'Speaker: what was said' for the reporting verb at ``i``, and the actors."""
    speaker_indices = _subject(tokens, classes, i, lex)
    borrowed = not speaker_indices and lex.gerund(tokens[i].low)
    if borrowed:  # the subject of the verb before: 'Nashua responded by ... and saying', 'X rejected it, saying'
        verb = next((k for k in range(i - 1, -1, -1) if classes[k].finite), None)
        speaker_indices = [] if verb is None else _subject(tokens, classes, verb, lex)
    if not speaker_indices and i and tokens[i - 1].text == ",":
        speaker_indices = _opening_subject(tokens, classes, lex)  # 'Dow Jones, which owns ..., said'
    after = i + 1
    while after < len(tokens) and (timed[after] or (tokens[after].low in lex.prepositions
                                                     and after + 1 < len(tokens) and timed[after + 1])):
        after += 1
    if all(tokens[k].low in lex.function_words and tokens[k].low not in lex.pronouns
           for k in speaker_indices):
        # inverted: '"...," said Eitan, the science minister'
        end = after
        while end < len(tokens) and tokens[end].text not in _BREAKS and tokens[end].low not in lex.clause:
            end += 1
        speaker_indices = list(range(after, end))
        after = end
    person = people.resolve(tokens, speaker_indices, lex)
    speaker = person or _title(_head_phrase(_drop_determiner(_words(tokens, speaker_indices, timed, lex), lex),
                                            SPEAKER_WORDS, lex), SPEAKER_WORDS, lex)
    start = min(speaker_indices[0], i) if speaker_indices else i
    gist = _gist(tokens, classes, start, after, timed, lex)
    if speaker and not borrowed and _speaker_is_subject(tokens, after, person, speaker, gist, lex):
        # 'Saddam said he sought ...' -> 'Saddam sought ...', in the words a title has room for
        gist = _gist(tokens, classes, start, after, timed, lex, TITLE_WORDS + 1 - len(speaker.split()))
        title = f"{speaker} {gist.partition(' ')[2]}"
    else:
        title = f"{speaker}: {gist}" if speaker and gist else (speaker or gist or tokens[i].text)
    return title, [speaker] if speaker else []


def _speaker_is_subject(tokens, after: int, person: Optional[str], speaker: str, gist: str, lex: Lexicon) -> bool:
    """Whether what was said (``gist``) opens with the pronoun after the reporting verb and it
    stands for the speaker: 'he' after a person ('Saddam said he sought'), 'they' after a plural
    ('sources say they can't ignore')."""
    k = after + 1 if after < len(tokens) and tokens[after].low in lex.complementizers else after
    if k + 1 >= len(tokens) or tokens[k].low not in lex.subjects or tokens[k + 1].low in lex.coordinators \
            or gist.partition(" ")[0].lower() != tokens[k].low:
        return False  # (not 'he and the Pope want')
    kind = lex.pronouns.get(tokens[k].low)
    last = speaker.split()[-1].lower().rstrip(".")
    return ((kind == "person" and person is not None)
            or (kind == "group" and (lex.plural(last) or any(w in lex.coordinators for w in speaker.split())))
            or (kind == "body" and last in lex.organizations))


def _gist(tokens, classes, start: int, after: int, timed, lex: Lexicon, limit: int = GIST_WORDS) -> str:
    """What was said, in words of the sentence: the reported clause before the speaker
    ('<words>, Peskov said'), around a speaker in commas ('<words>, Peskov said, <words>') or
    after the verb ('Peskov said (that) <words>')."""
    before = _segment(tokens, 0, start, lex, last=True)
    parenthetical = (start > 0 and tokens[start - 1].text == "," and after + 1 < len(tokens)
                     and tokens[after].text == "," and tokens[after + 1].low in lex.auxiliaries)
    if parenthetical:
        return _gist_words(tokens, classes, before + _segment(tokens, after + 1, len(tokens), lex), timed, lex, limit)
    k = after
    for j in range(after, min(len(tokens), after + 6)):
        if classes[j].finite:
            break  # (the 'that' of a relative clause in what was said: 'it expects sales that are')
        if tokens[j].low in lex.complementizers:
            k = j + 1  # 'told reporters that ...'
            break
    following = _segment(tokens, k, len(tokens), lex)
    # the words before the speaker, unless they are no clause and a clause follows ('Cautioning
    # about ..., Fitzwater said that ...')
    if len(before) > 3 and tokens[start - 1].text in _BREAKS and (len(following) < 3 or any(
            classes[j].finite or tokens[j].low in lex.auxiliaries for j in range(start))):
        return _gist_words(tokens, classes, _segment(tokens, 0, start, lex), timed, lex, limit)
    return _gist_words(tokens, classes, following, timed, lex, limit)


def _gist_words(tokens, classes, indices: list[int], timed, lex: Lexicon, limit: int) -> str:
    """The gist of what was said in the words of ``indices``, at most ``limit`` of them."""
    indices = _without_hedge(tokens, indices, lex)
    words = _words(tokens, indices, timed, lex)
    if len(words) > limit:
        words = _words(tokens, _shorten_subject(tokens, classes, indices, lex), timed, lex)
    return _title(words, limit, lex) if words else ""


def _without_hedge(tokens, indices: list[int], lex: Lexicon) -> list[int]:
    """What was said without an opening 'I think (that)': the clause that carries the gist."""
    if len(indices) < 2 or lex.pronouns.get(tokens[indices[0]].low) != "other" \
            or tokens[indices[1]].low not in lex.hedges:
        return indices  # (the opinion of the speaking 'I' or 'we'; 'the company said it expects' is news)
    k = 3 if len(indices) > 2 and tokens[indices[2]].low in lex.complementizers else 2
    return indices[k:] if len(indices) - k >= 3 else indices


def _segment(tokens, start: int, end: int, lex: Lexicon, last: bool = False) -> list[int]:
    """The word indices of a comma-separated segment of ``start..end`` (quotes and brackets
    skipped): the first one of more than three words, or the last one."""
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
    segments = [seg for seg in segments if seg]
    if not segments:
        return []
    if last:
        return segments[-1]
    return next((seg for seg in segments if len(seg) > 3), segments[0])


def _shorten_subject(tokens, classes, indices: list[int], lex: Lexicon) -> list[int]:
    """Drop the modifiers of a long subject: 'Trade turnover between A and B is minimal' ->
    'Trade turnover is minimal' (a subject has no verb: not 'it expects to post sales that are')."""
    verb = next((n for n, k in enumerate(indices) if tokens[k].low in lex.auxiliaries or classes[k].finite), None)
    if verb is None or tokens[indices[verb]].low not in lex.auxiliaries:
        return indices
    for n in range(2, verb):
        if tokens[indices[n]].low in lex.prepositions:
            return indices[:n] + indices[verb:]
    return indices


# -- people: names and what pronouns refer to ---------------------------------------------------


def names(tokens, indices, lex: Lexicon) -> list[str]:
    """The names among ``indices``, without roles and honorifics ('Kremlin spokesman Dmitry
    Peskov' -> 'Kremlin', 'Dmitry Peskov'); a possessive ends a name ("Putin's aide"), a joiner
    between names does not ('Bank of England')."""
    found: list[str] = []
    run: list[str] = []
    for k in list(indices) + [None]:
        token = tokens[k] if k is not None else None
        if token is not None and _is_name(token) and (k > 0 or _opens_with_name(tokens, lex)) \
                and token.text not in lex.honorifics \
                and tokens[k - 1].text not in _QUOTES and token.low not in lex.roles:
            run.append(token.text[:len(lex.bare(token.low))])
            if not lex.possessive(token.low):
                continue
        elif run and token is not None and _joins_names(tokens, k, lex):
            run.append(token.text)
            continue
        if run and " ".join(run) not in found:
            found.append(" ".join(run))
        run = []
    return found


def _opens_with_name(tokens, lex: Lexicon) -> bool:
    """Whether the capitalised first word of a sentence is a name rather than capitalised for
    its place: another name follows it ('John Smith said'), alone or after 'and' ('Ciba-Geigy
    and Chiron said'); not a function word ('The Kremlin'), not before a title ('Russian
    President Vladimir Putin')."""
    if len(tokens) < 2 or tokens[0].low in lex.function_words or lex.adverb(tokens[0].low):
        return False
    k = 2 if tokens[1].low in lex.coordinators else 1
    return (k < len(tokens) and _is_name(tokens[k]) and tokens[k].text not in lex.honorifics
            and tokens[k].low not in lex.roles)


def _joins_names(tokens, k: int, lex: Lexicon) -> bool:
    """Whether the word at ``k`` joins two names into one: 'Bank of England'."""
    return (tokens[k].low in lex.joiners and 0 < k < len(tokens) - 1
            and _is_name(tokens[k - 1]) and _is_name(tokens[k + 1]))


class People:
    """The persons named so far in an article, to resolve 'he' and 'the spokesman'."""

    def __init__(self) -> None:
        self.last: Optional[str] = None
        self.by_role: dict[str, str] = {}

    def observe(self, tokens, lex: Lexicon) -> None:
        """Note persons introduced by role: 'Kremlin spokesman Dmitry Peskov'."""
        for k in range(len(tokens) - 1):
            if tokens[k].low in lex.roles and _is_name(tokens[k + 1]):
                end = k + 1
                while end < len(tokens) and _is_name(tokens[end]) and not lex.possessive(tokens[end - 1].low):
                    end += 1
                if end - (k + 1) >= 2 and not lex.possessive(tokens[end - 1].low):
                    person = " ".join(t.text for t in tokens[k + 1:end])
                    self.by_role[tokens[k].low] = person
                    self.last = person

    def resolve(self, tokens, indices, lex: Lexicon) -> Optional[str]:
        """The person a subject names: its name, or whom a pronoun or role noun stands for."""
        if not indices:
            return None
        last = tokens[indices[-1]]
        if last.low in lex.roles:
            return self.by_role.get(last.low)
        if len(indices) == 1 and lex.pronouns.get(last.low) == "person":
            return self.last
        head = next((n for n, k in enumerate(indices)
                     if tokens[k].low in lex.prepositions and not _joins_names(tokens, k, lex)), len(indices))
        if 0 < head < len(indices) and _is_name(tokens[indices[head - 1]]):
            indices = indices[:head]  # the person, not where they work: 'Steve Milunovich at First Boston'
            last = tokens[indices[-1]]
        found = names(tokens, indices, lex)
        joined = [k for k in indices if tokens[k].low in lex.coordinators]
        if joined and all(_is_name(tokens[k]) or k in joined for k in indices):
            return " ".join(tokens[k].text for k in indices)  # 'Ciba-Geigy and Chiron'
        if found and _is_name(last) and not lex.possessive(last.low):
            self.last = found[-1]
            return found[-1]
        return None


# -- events -------------------------------------------------------------------------------------


def _source(source, published) -> Source:
    """The article the events come from, dated ``published`` when it has no date of its own."""
    if isinstance(source, Source):
        return source.model_copy(update={"published": source.published or published})
    if isinstance(source, Article):
        return Source(title=source.title, url=source.url, path=source.path, source=source.source,
                      published=source.published or published)
    return Source(published=published)


def _event_id(source: Source, sentence: str, trigger: int, expression: Optional[TimeExpression]) -> str:
    """Stable and derived from content: the article, the sentence, the trigger and the
    expression dating it (unique in a timeline, even for articles with no path or url)."""
    where = source.path or source.url or source.title or ""
    key = f"{where}\n{sentence}\n{trigger}\n{expression.start if expression else ''}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _relation_to(span: DateSpan, published) -> Relation:
    if published is None:
        return Relation.UNKNOWN
    day = published.date()
    if span.end < day:
        return Relation.BEFORE
    if span.start > day:
        return Relation.AFTER
    return Relation.OVERLAP


def _beyond(value: str, published) -> Relation:
    """The side of publication of a value with no calendar period: a year past the calendar
    ('BC4984', '10000') lies before or after it; an unresolved one ('XXXX-09') is unknown."""
    side = side_of(value, published.date()) if published is not None else None
    return {-1: Relation.BEFORE, 1: Relation.AFTER}.get(side, Relation.UNKNOWN)


# TIMEX3 reference values: no calendar period, but a side of the publication moment.
_REFERENCES = {"PAST_REF": Relation.BEFORE, "PRESENT_REF": Relation.OVERLAP, "FUTURE_REF": Relation.AFTER}


def events_from_expressions(
    text: str,
    expressions: Sequence[TimeExpression],
    published=None,
    source=None,
    lang: str = DEFAULT_LANGUAGE,
    sentences: Sequence[Sentence] | None = None,
) -> list[Event]:
    """The events of ``text`` given its time expressions, in article order.

    ``source`` is an Article or Source (or None); ``published`` (a datetime, date or ISO string)
    defaults to the source's.  ``sentences`` is the text's split when the caller has it.
    """
    lex = lexicon(lang)
    published = coerce_published(published) or getattr(source, "published", None)
    base = _source(source, published)
    people = People()
    events: list[Event] = []
    ordered = sorted(expressions, key=lambda e: e.start)
    for sentence in sentences if sentences is not None else split_sentences(text, lang):
        tokens = tokenize(sentence, lex)
        if not tokens:
            continue
        inside = [e for e in ordered if e.start < sentence.end and e.end > sentence.start]
        timed = [any(e.start < t.end and e.end > t.start for e in inside) for t in tokens]
        classes = classify(tokens, timed, lex)
        people.observe(tokens, lex)
        used: set[int] = set()
        for expression in inside:
            if expression.type not in ("DATE", "TIME"):
                continue  # durations and sets date nothing
            first = next((k for k, t in enumerate(tokens) if t.end > expression.start), None)
            last = max((k for k, t in enumerate(tokens) if t.start < expression.end), default=None)
            if first is None or last is None:
                continue
            # a value with no calendar period ('PAST_REF', '1989-WXX') anchors an undated event
            span = timex_span(expression.value)
            timing = _relation_to(span, published) if span else _REFERENCES.get(expression.value) or _beyond(expression.value, published)
            day = span is None or span.granularity in (Granularity.DAY, Granularity.TIME)
            trigger = anchor_trigger(tokens, classes, first, last, lex, timing, day)
            if trigger is None or (span is None and (classes[trigger].state
                                                     or not (classes[trigger].verb or classes[trigger].noun))):
                continue  # ('the current level': no happening to place on the reference)
            used.update((trigger, _title_word(tokens, classes, trigger, lex)))  # one event a clause
            used.update(_same_clause_verbs(tokens, classes, trigger, lex))
            relation = timing if timing != Relation.UNKNOWN else classes[trigger].relation
            events.append(_event(tokens, classes, trigger, timed, sentence, base, lex, people,
                                 expression=expression, span=span, relation=relation))
        main = _main_verb(tokens, classes, lex)
        if main is not None and main not in used:
            used.add(main)
            events.append(_event(tokens, classes, main, timed, sentence, base, lex, people,
                                 relation=classes[main].relation))
        for k in _occasions(tokens, classes, lex):
            if k not in used:
                events.append(_event(tokens, classes, k, timed, sentence, base, lex, people,
                                     relation=_tense_near(classes, k)))
    return events


def _same_clause_verbs(tokens, classes, trigger: int, lex: Lexicon) -> list[int]:
    """The verbs that tell the same happening as the trigger, not to be told again: the verb an
    event noun is the subject of ('the vote is expected Tuesday'), the verb an infinitive
    completes ('the purchase is scheduled to close Monday')."""
    if classes[trigger].noun:
        verb = _predicate(tokens, classes, trigger + 1, lex)
        return [] if verb is None else [verb]
    if trigger > 1 and tokens[trigger - 1].low in lex.infinitive and classes[trigger - 2].verb:
        return [trigger - 2]
    return []


def _occasions(tokens, classes, lex) -> list[int]:
    """Event nouns named as an occasion: 'at a press conference', 'during the meeting'."""
    found = []
    for k, cls in enumerate(classes):
        if not cls.noun:
            continue
        j = k - 1
        while j >= 0 and not (tokens[j].text in _BREAKS or classes[j].verb or tokens[j].low in lex.prepositions):
            j -= 1
        if j >= 0 and tokens[j].low in lex.occasions:
            found.append(k)
    return found


def _tense_near(classes, k: int) -> Relation:
    """The relation of the finite verb nearest to token ``k``."""
    finite = [j for j, cls in enumerate(classes) if cls.finite]
    if not finite:
        return Relation.UNKNOWN
    return classes[min(finite, key=lambda j: abs(j - k))].relation


def _main_verb(tokens, classes, lex) -> Optional[int]:
    """The event a sentence reports without a date: a statement, else the first finite verb of
    a main clause, outside quotations (not 'which had owned ...', not 'as expected')."""
    quoted = False
    first = None
    for k, (tok, cls) in enumerate(zip(tokens, classes)):
        if tok.text in _QUOTES:
            quoted = not quoted if tok.text in "\"`" else tok.text in "\u201c\u2018"
            continue
        if quoted or not cls.finite or cls.state or _subordinate(tokens, classes, k, lex):
            continue
        if cls.reporting:
            return k
        if first is None:
            first = k
    return first


def _subordinate(tokens, classes, k: int, lex: Lexicon) -> bool:
    """Whether the verb at ``k`` is in a relative clause or is a bare participle with no
    subject ('Primerica, which had owned ...', '..., as expected, ...')."""
    start = _clause_start(tokens, k, lex)
    opener = tokens[start - 1].low if start else ""
    if opener in lex.relatives:
        return True
    if _verb_group(tokens, k, lex)[1] or classes[k].reporting or _subject(tokens, classes, k, lex):
        return False
    return opener in lex.clause or not _opening_subject(tokens, classes, lex)


def _title_word(tokens, classes, k: int, lex: Lexicon) -> int:
    """The word whose clause titles the event at ``k``: the verb an event noun is the object of
    ('Aetna had a $23 million loss'), the sentence's happening for the end of a period ('Sun
    reported sales of $538.5 million for the quarter ended Sept. 29'), else ``k`` itself."""
    if classes[k].noun:
        verb = _governing_verb(tokens, classes, k, lex)
        return verb if classes[verb].finite and _subject(tokens, classes, verb, lex) else k
    if classes[k].period_end:
        main = _main_verb(tokens, classes, lex)
        return k if main is None else main
    return k


def _event(tokens, classes, k, timed, sentence, base: Source, lex, people, *,
           expression=None, span=None, relation=Relation.UNKNOWN) -> Event:
    statement = classes[k].reporting
    maker = statement_title if statement else occurrence_title
    title, actors = maker(tokens, classes, _title_word(tokens, classes, k, lex), timed, lex, people)
    trigger = Span(text=tokens[k].text, start=tokens[k].start, end=tokens[k].end)
    src = base.model_copy(update={
        "sentence": sentence.text,
        "sentence_start": sentence.start,
        "trigger": trigger,
        "time_expression": expression,
    })
    return Event(
        id=_event_id(base, sentence.text, trigger.start, expression),
        title=title,
        sentence=sentence.text,
        trigger=trigger,
        time_expression=expression,
        date=span,
        relation=relation,
        kind="statement" if statement else "occurrence",
        actors=actors,
        sources=[src],
    )


def extract_events(text: str, published=None, source=None, lang: str = DEFAULT_LANGUAGE) -> list[Event]:
    """The events ``text`` reports, in article order: tag its time expressions, then
    :func:`events_from_expressions`.  ``source`` is an Article or Source (title/url/path/published)."""
    from timeline.temporal import tag

    published = coerce_published(published) or getattr(source, "published", None)
    sentences = split_sentences(text, lang)  # one split, shared by the tagger and the events
    expressions = tag(text, published, lang=lang, sentences=sentences)
    return events_from_expressions(text, expressions, published, source, lang, sentences)
