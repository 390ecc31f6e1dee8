"""Events: sentences -> triggers -> titles, and the time expression that dates each event.

An article's events come from its time expressions and its sentences: word lists from
``timeline/lang/<lang>/events/``, positional rules over the clause structure, and costs (or a
learned model, when one beats them in cross-validation; see ``anchor_model``).

- Every DATE/TIME expression dates one event: the event word (a verb or an event noun) cheapest
  to reach from it (:func:`anchor_trigger`, in ``anchoring``): the nearest in its clause, left of it preferred
  ("Peskov said Wednesday", "the economy added jobs last month"), right of it when the expression
  opens the clause ("On Sunday, police clashed ...") or modifies a noun ("today's meeting",
  "Friday's vote", "the vote on Friday surprised them"), with tenses that agree with the date.
  A date beside a reporting verb dates the report ("officials said Friday that the suspects had
  been arrested"); one inside the reported clause dates its happening ("officials said that on
  Friday the suspects had been arrested").  Event words include the state a copula predicates
  ("turnout was low during the morning"), a planned verb ("due to close June 4") and the end of
  a period ("the half ended March 31"); a light or stative verb yields to its event noun
  ("fees paid in the period", "In the spring, the club had a deficit"), and so does the passive
  of a verb of planning ("the vote is expected Tuesday") and of a light verb in a relative
  clause ("a merger that took place in 2015").  A participle that describes the noun before it
  ("a team headed by two engineers", "a depot known as ...", "three men accused of ..." in a
  clause that has its verb) is no verb of a clause.  A dated subject of a perfect passive is
  the happening ("the spring figures have been revised").  An
  expression with no calendar period ('recently', PAST_REF) keeps the event undated, with the
  side of publication it names.
- Every sentence also gives its main happening when no expression dates it: a statement when it
  has a reporting verb with a speaker, else its first finite verb; and event nouns named as an
  occasion ("at a press conference in Beijing"), but not the setting of what was said ("said at
  a news conference on Monday that ...", "told a briefing on Monday"): that dates the statement.
  Their ``relation`` to publication comes from the tense (auxiliaries, past forms).
- Titles are words of the sentence: the subject, the trigger and what follows it in the clause,
  at most :data:`TITLE_WORDS` words, or a few more (``SLACK``) rather than cut a phrase short; a
  relative clause between the subject and its verb is left out ("the rig that had burned for 36
  hours sank": "Rig sank"); an event noun is titled by the clause of the verb it is the
  object of ("the club had a $2 million deficit").  Statements read "Speaker: what was said",
  without an opening "I believe that", or "Speaker did ..." when what was said opens with a
  pronoun for the speaker ("Smith said he ...", "the bakery said it ...", "A and B said they
  ...").  The speaker is the person, not where they work ("Maria Lund at Nordbank"), the whole
  of a name that opens the sentence ("John Smith said"), names joined by "and" ("Acme and
  Brightway said"), whom a spokesman speaks for ("a spokesman for Acme"), but no place
  ("officials in Kenya").  Pronouns and role nouns ("he", "the press officer") as subjects
  become the person named before in the article, unless the clause names that person as
  another ("when he meets Lund").

The package follows the stages: ``lexicon`` (language data), ``sentence`` (tokens and word
classes: one :class:`Parsed` object per sentence), ``clauses`` (clause structure), ``anchoring``
(with ``anchor_model``, the learned alternative, and ``anchor_training``, its fitting and
cross-validation), ``titles``, ``people`` (names, pronouns) and ``assembly`` (events of an
article).
"""

from timeline.events.anchoring import anchor_trigger
from timeline.events.assembly import events_from_expressions, extract_events
from timeline.events.lexicon import Lexicon, lemma, lexicon
from timeline.events.people import People, names
from timeline.events.sentence import Parsed, Token, WordClass, classify, parse, tokenize
from timeline.events.titles import GIST_WORDS, SPEAKER_WORDS, TITLE_WORDS, occurrence_title, statement_title

__all__ = [
    "GIST_WORDS", "Lexicon", "Parsed", "People", "SPEAKER_WORDS", "TITLE_WORDS", "Token", "WordClass",
    "anchor_trigger", "classify", "events_from_expressions", "extract_events", "lemma", "lexicon", "names",
    "occurrence_title", "parse", "statement_title", "tokenize",
]
