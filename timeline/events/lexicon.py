"""The word lists of one language (``timeline/lang/<lang>/events/``), loaded once, and the
lemma that makes 'met', 'meets' and 'meeting' one key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple, Optional

from timeline.lang import DEFAULT_LANGUAGE, read_lines, read_table
from timeline.models import Relation


_SHAPE_CACHE = 20_000  # words whose shape is kept (the cache is emptied when full)


class _Shape(NamedTuple):
    adverb: bool
    irregular_base: Optional[str]
    past: bool  # a past form: irregular ('took', 'retook') or with a past ending ('signed')
    gerund: bool
    plural: bool
    possessive: bool


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language, loaded once."""

    reporting: frozenset[str]
    auxiliaries: dict[str, tuple[Relation, str]]  # word -> (tense relation, kind of aux)
    cues: tuple[tuple[tuple[str, ...], Relation], ...]
    irregular: dict[str, str]  # past forms and participles -> base
    participles: frozenset[str]  # irregular forms that are only participles ('known', 'taken')
    agents: frozenset[str]  # what introduces the agent of a passive ('headed by')
    nouns: dict[str, str]  # event noun -> lemma
    clause: frozenset[str]
    prepositions: frozenset[str]
    determiners: frozenset[str]
    adverbs: frozenset[str]
    infinitive: frozenset[str]  # the infinitive marker
    complements: frozenset[str]  # what links an event noun to its complement ('launch of')
    complementizers: frozenset[str]  # what opens a reported clause ('she said that')
    occasions: frozenset[str]  # what introduces an occasion ('at a press conference')
    circumstances: frozenset[str]  # what introduces the circumstance of a clause ('in a coup')
    causes: frozenset[str]  # what introduces the cause or topic of a clause's happening ('over the attack')
    coordinators: frozenset[str]  # 'and', 'or'
    relatives: frozenset[str]  # relative pronouns: 'which', 'who'
    person_relatives: frozenset[str]  # relative pronouns for a person: 'who'
    time_relatives: frozenset[str]  # 'when' after a time: its clause tells what happened then
    statives: set[str]  # stems of verbs that state rather than tell ('include')
    lights: set[str]  # stems of verbs whose object names the happening ('took a beating')
    plans: set[str]  # stems of verbs whose passive dates its subject ('the vote is expected Tuesday')
    hedges: frozenset[str]  # what frames an opinion: 'I think (that) ...'
    denials: frozenset[str]  # sayings that a thing did not happen: 'denied he met Moon'
    subjects: frozenset[str]  # subject pronouns: the word after one is a verb ('they hold')
    only_subjects: frozenset[str]  # ... that are never objects ('he', not 'it')
    synonyms: dict[str, str]  # stem of a lemma -> stem of the lemma it counts as
    morphology: dict[str, tuple[str, ...]]  # ending kind -> endings (see morphology.tsv)
    token: re.Pattern  # a word (contractions split off), an abbreviation, or a punctuation mark
    lemmas: dict[str, str]  # a cache of lemma()
    not_verbs: frozenset[str]  # words with a verb's ending that are no verbs ('hundred', 'news')
    pronouns: dict[str, str]  # pronoun -> what it stands for: 'person', 'group', 'body' or 'other'
    roles: frozenset[str]  # what a person is named by before their name ('spokesman')
    organizations: frozenset[str]  # what ends the name of a company or another body ('Corp.')
    honorifics: frozenset[str]
    genders: dict[str, str]  # 'she' -> 'f', 'Mr' (lower case) -> 'm': the gender a word gives a person
    joiners: frozenset[str]  # prepositions inside a name: 'Bank of England'
    stopwords: frozenset[str]  # words too common to tell two titles apart (for merging)
    not_adverbs: frozenset[str] = frozenset()  # words with an adverb's ending that are none ('supply')
    date_prepositions: frozenset[str] = frozenset()  # what puts a date after a noun: 'the vote on Friday'
    approximators: frozenset[str] = frozenset()  # a count's 'about': 'About 5,000 barrels ... are leaking'
    preposition_heads: frozenset[str] = frozenset()  # what makes one preposition with the next: 'prior (to)'
    mistaken: frozenset[str] = frozenset()  # what makes a saying a correction: 'erroneously (reported)'
    places: frozenset[str] = frozenset()  # what puts a place after a noun: 'officials in Kenya'
    place_openers: frozenset[str] = frozenset()  # what opens a state's or country's name of two words: 'New Jersey'
    settings: frozenset[str] = frozenset()  # what tells where something was said: 'said in a statement'
    catenatives: frozenset[str] = frozenset()  # what an infinitive completes: 'tried (to stop)'
    addressees: frozenset[str] = frozenset()  # reporting verbs whose object is the person told
    attributions: tuple[tuple[str, ...], ...] = ()  # what opens a named source: 'according to'
    clause_word_phrases: tuple[tuple[str, ...], ...] = ()  # a clause word opening no clause: 'as part of'
    time_leads: tuple[tuple[str, ...], ...] = ()  # what leads into a time, left out with it: 'as soon as'
    offsets: dict[str, int] = field(default_factory=dict)  # 'after' -> -1: '<date>, two days after <clause>'
    period_ends: frozenset[str] = frozenset()  # 'until': the date after it ends a period
    reference_words: frozenset[str] = frozenset()  # 'since': a second date of a dated word is what it is reckoned from
    comparison_words: frozenset[str] = frozenset()  # 'from': a time after it, past an amount, is a baseline
    negations: frozenset[str] = frozenset()  # 'not', "n't", 'never'
    partitives: frozenset[str] = frozenset()  # what counts what follows its 'of': 'thousands (of workers)'
    # phrases telling a date names a day planned for a happening that did not take place then, by
    # where they stand ('before', 'from', 'after' the date, or after it in the 'subject' it is part
    # of; or a 'plan' before it that the sentence calls off): 'was to have been held on 8 April'
    unrealized: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    headline_articles: frozenset[str] = frozenset()  # what a title leaves out at its start: 'the'
    phrase_openers: frozenset[str] = frozenset()  # clause words that may open a phrase: 'joined BP as a geologist'
    leaning_openers: frozenset[str] = frozenset()  # first words that lean on the sentence before: 'It did not comment'
    leaning_connectives: frozenset[str] = frozenset()  # connectives that tie a sentence to the one before: 'Earlier,'
    prospective_words: frozenset[str] = frozenset()  # 'is due to', 'is expected to': what is still to come
    possessives: frozenset[str] = frozenset()  # possessive determiners: 'his', 'their'
    sound_determiners: frozenset[str] = frozenset()  # determiners that agree with the next word's sound: 'a', 'an'
    plural_nouns: frozenset[str] = frozenset()  # nouns that take a plural verb with no plural's ending: 'police'
    recall_words: frozenset[str] = frozenset()  # what opens a phrase recalling an earlier happening: 'since'
    particle_verbs: frozenset[str] = frozenset()  # verbs whose 'on' is a particle: 'went on', 'pressed on'
    time_objects: frozenset[str] = frozenset()  # verbs whose object may be the day: 'spent Wednesday trying'
    complement_verbs: frozenset[str] = frozenset()  # reporting verbs that name what their object is: 'declared it a pandemic'
    contested: frozenset[str] = frozenset()  # sayings not taken for fact: 'testifies she delivered cash'
    testimony: frozenset[str] = frozenset()  # whom a saying told to is testimony: 'told a federal jury he paid'
    non_answers: tuple[str, ...] = ()  # 'declined to comment': a sentence telling nothing
    expletives: frozenset[str] = frozenset()  # verbs of being after which 'it' stands for nothing: 'it was unclear'
    focus: frozenset[str] = frozenset()  # adverbs that single out the time after them: 'learned only on Thursday'
    apart: frozenset[str] = frozenset()  # words that tell a happening apart from a like one: 'In a separate case'
    consequences: frozenset[str] = frozenset()  # what puts an event noun in another's phrase: 'the rubble of (the quake)'
    lang: str = DEFAULT_LANGUAGE  # the language the lists are of (its folder under timeline/lang)

    def aux_kind(self, low: str) -> str:
        """The kind of auxiliary ``low`` is ('modal', 'be', 'have'), '' for any other word."""
        return self.auxiliaries.get(low, (None, ""))[1]

    def ends(self, low: str, kind: str) -> bool:
        return low.endswith(self.morphology[kind])

    @cached_property
    def _shapes(self) -> dict[str, "_Shape"]:
        return {}

    @cached_property
    def time_lead_ends(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The phrases of ``time_leads`` by their last word, each word's in their order: a title
        looks for one before each time, so only those that end on the word before it are tried."""
        ends: dict[str, tuple[tuple[str, ...], ...]] = {}
        for phrase in filter(None, self.time_leads):
            ends[phrase[-1]] = ends.get(phrase[-1], ()) + (phrase,)
        return ends

    @cached_property
    def unrealized_firsts(self) -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
        """The phrases of ``unrealized`` for each place, by their first word, each word's in their
        order: a clause is read for those whose first word it holds (most hold none of them)."""
        firsts: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
        for where, phrases in self.unrealized.items():
            by_first = firsts[where] = {}
            for phrase in filter(None, phrases):
                by_first[phrase[0]] = by_first.get(phrase[0], ()) + (phrase,)
        return firsts

    def _shape(self, low: str) -> "_Shape":
        """What the endings of ``low`` make it (:class:`_Shape`), worked out once per word: the
        rules ask it of the same words again and again (so the questions below look in
        ``_shapes`` first, and call this only for a word not yet seen)."""
        shape = self._shapes.get(low)
        if shape is None:
            if len(self._shapes) >= _SHAPE_CACHE:
                self._shapes.clear()
            base = self._irregular_base(low)
            shape = self._shapes[low] = _Shape(
                adverb=low in self.adverbs or (self.ends(low, "adverb") and low not in self.not_adverbs),
                irregular_base=base,
                past=base is not None or (self.ends(low, "past") and len(low) > 4),
                gerund=self.ends(low, "gerund") and len(low) > 5,
                plural=self.ends(low, "plural") and not self.ends(low, "not-plural"),
                possessive=self.ends(low, "possessive"))
        return shape

    def shape(self, low: str) -> "_Shape":
        """What the endings of ``low`` make it: an adverb, a past form, ... (each of the questions below)."""
        return self._shapes.get(low) or self._shape(low)

    def possessive(self, low: str) -> bool:
        return (self._shapes.get(low) or self._shape(low)).possessive

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
        return (self._shapes.get(low) or self._shape(low)).adverb

    def past(self, low: str) -> bool:
        return (self._shapes.get(low) or self._shape(low)).past

    def irregular_base(self, low: str) -> Optional[str]:
        """The base of an irregular past form, a prefixed one too ('retook' -> 'retake')."""
        return (self._shapes.get(low) or self._shape(low)).irregular_base

    def _irregular_base(self, low: str) -> Optional[str]:
        if low in self.irregular:
            return self.irregular[low]
        for prefix in self.morphology["prefix"]:
            rest = low[len(prefix):]
            if low.startswith(prefix) and len(rest) > 2 and rest in self.irregular:
                return prefix + self.irregular[rest]
        return None

    def gerund(self, low: str) -> bool:
        return (self._shapes.get(low) or self._shape(low)).gerund

    def plural(self, low: str) -> bool:
        return (self._shapes.get(low) or self._shape(low)).plural

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
    def attribution_openers(self) -> frozenset[str]:
        """The first words of the attribution phrases: only where one stands may a phrase open."""
        return frozenset(phrase[0] for phrase in self.attributions)

    @cached_property
    def clause_openers(self) -> frozenset[str]:
        """What opens a relative or reported clause: 'which', 'that'."""
        return self.relatives | self.complementizers

    @cached_property
    def irregular_bases(self) -> frozenset[str]:
        """The bases of the irregular verbs ('make', 'meet'): words known to be verbs."""
        return frozenset(self.irregular.values())

    @cached_property
    def reporting_stems(self) -> frozenset[str]:
        """The stems of the reporting verbs ('reporting a deficit' reports as 'reported' does)."""
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
    def dangling(self) -> frozenset[str]:
        """The words a phrase cut short must not end on: they lead into more ('to hold BP and')."""
        return self.prepositions | self.determiners | self.coordinators | self.clause | self.infinitive

    @cached_property
    def title_ends(self) -> frozenset[str]:
        """The words a title whole enough not to be cut still must not end on: a coordinator, an
        article, a word that opens a phrase ('plug the well or', 'described him as an')."""
        return self.coordinators | self.headline_articles | self.phrase_openers

    @cached_property
    def function_words(self) -> frozenset[str]:
        return (self.clause | self.prepositions | self.determiners | self.adverbs | self.not_verbs
                | frozenset(self.pronouns) | frozenset(self.auxiliaries))

    @cached_property
    def phrase_stops(self) -> frozenset[str]:
        """The words that end the noun phrase an expression modifies: the function words, but
        not those listed only as no verbs ('net' in 'spring-term net deficit')."""
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
    # (a plural's possessive keeps its apostrophe when a word in lower case follows: "the
    # workers' union"; else the apostrophe may close a quotation: "'They are heroes'")
    plural_possessive = "|".join(re.escape(e) for e in morphology["possessive"] if not e.startswith(("'", "\u2019")))
    number = rf"\d{{1,3}}(?:[{group}]\d{{3}})+(?:\.\d+)?"  # a figure in groups of three ('2,000')
    # (with the words it is hyphenated to, 'a 2,000-page report', or a range, '1,200-1,500')
    token = re.compile(rf"(?:[^\W\d_]\.){{2,}}|{number}(?:-(?:{number}|[^\W\d_]\w*))*\b"
                       rf"|\w+(?=(?:{contraction})\b)|(?:{contraction})\b"
                       + (rf"|\w+(?:{plural_possessive})(?=[^\S\n]+[^\W\d_A-Z])" if plural_possessive else "")
                       + r"|\w+(?:['\u2019.\-&]\w+)*|[^\w\s]")  # ('AT&T' is one word)
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
        circumstances=words("circumstance_prepositions.txt"),
        causes=words("cause_prepositions.txt"),
        coordinators=words("coordinators.txt"),
        relatives=words("relative_pronouns.txt"),
        person_relatives=words("person_relatives.txt"),
        time_relatives=words("time_relatives.txt"),
        statives=set(),
        lights=set(),
        plans=set(),
        hedges=words("hedge_verbs.txt"),
        denials=words("denial_verbs.txt"),
        contested=words("contested_verbs.txt"),
        testimony=words("testimony_addressees.txt"),
        subjects=frozenset(w for w, _, case in table("pronouns.tsv") if case in ("subject", "either")),
        only_subjects=frozenset(w for w, _, case in table("pronouns.tsv") if case == "subject"),
        synonyms={},
        morphology=morphology,
        token=token,
        lemmas={},
        not_verbs=words("not_verbs.txt"),
        pronouns={w: k for w, k, _ in table("pronouns.tsv")},
        roles=words("role_nouns.txt"),
        organizations=words("organization_words.txt"),
        honorifics=words("honorifics.txt"),
        genders=dict(table("genders.tsv")),
        joiners=words("name_joiners.txt"),
        stopwords=words("stopwords.txt"),
        not_adverbs=words("not_adverbs.txt"),
        date_prepositions=words("date_prepositions.txt"),
        approximators=words("count_approximators.txt"),
        preposition_heads=words("preposition_heads.txt"),
        mistaken=words("mistaken_adverbs.txt"),
        places=words("place_prepositions.txt"),
        place_openers=words("place_openers.txt"),
        settings=words("setting_prepositions.txt"),
        catenatives=words("catenative_words.txt"),
        addressees=words("addressee_verbs.txt"),
        headline_articles=words("headline_articles.txt"),
        phrase_openers=words("phrase_openers.txt"),
        leaning_openers=words("leaning_openers.txt"),
        leaning_connectives=words("leaning_connectives.txt"),
        prospective_words=words("prospective_words.txt"),
        possessives=words("possessive_determiners.txt"),
        sound_determiners=words("sound_determiners.txt"),
        plural_nouns=words("plural_nouns.txt"),
        recall_words=words("recall_words.txt"),
        particle_verbs=words("particle_verbs.txt"),
        time_objects=words("time_object_verbs.txt"),
        complement_verbs=words("complement_verbs.txt"),
        non_answers=tuple(sorted(words("non_answers.txt"))),
        expletives=words("expletive_verbs.txt"),
        focus=words("focus_adverbs.txt"),
        apart=words("apart_words.txt"),
        consequences=words("consequence_prepositions.txt"),
        attributions=tuple(tuple(phrase.split()) for phrase in read_lines(lang, "events", "attribution_phrases.txt")),
        clause_word_phrases=tuple(tuple(phrase.split()) for phrase in read_lines(lang, "events", "clause_word_phrases.txt")),
        time_leads=tuple(tuple(phrase.split()) for phrase in read_lines(lang, "events", "time_leads.txt")),
        offsets={word: int(side) for word, side in table("offset_prepositions.tsv")},
        period_ends=words("period_end_words.txt"),
        reference_words=words("reference_words.txt"),
        comparison_words=words("comparison_words.txt"),
        negations=words("negations.txt"),
        partitives=words("partitive_words.txt"),
        unrealized={where: tuple(tuple(p.split()) for p, w in table("unrealized_dates.tsv") if w == where)
                    for where in ("before", "from", "after", "subject", "plan", "object")},
        lang=lang,
    )
    lex.synonyms.update({lex.stem(a): lex.stem(b) for a, b in table("synonyms.tsv")})
    lex.statives.update(lex.stem(w) for w in words("stative_verbs.txt"))
    lex.lights.update(lex.stem(w) for w in words("light_verbs.txt"))
    lex.plans.update(lex.stem(w) for w in words("planning_verbs.txt"))
    return lex


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
