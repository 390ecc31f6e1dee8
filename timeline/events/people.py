"""People: the names in a phrase, and whom a pronoun or a role noun stands for."""

from __future__ import annotations

from typing import Optional

from timeline.events.sentence import _BREAKS, _QUOTES, Parsed, _is_name, _opens_with_name


def names(s: Parsed, indices, known=frozenset()) -> list[str]:
    """The names among ``indices``, without roles and honorifics ('Kremlin spokesman Dmitry
    Peskov' -> 'Kremlin', 'Dmitry Peskov'); a possessive ends a name ("Putin's aide"), a joiner
    between names does not ('Bank of England'); a time is no name ('the governor on Monday').
    The capitalised word that opens a sentence is a name when another name follows it or it is
    one of the ``known`` names ('Peskov, however, said' after 'Dmitry Peskov')."""
    tokens, lex = s.tokens, s.lex
    found: list[str] = []
    run: list[str] = []
    for k in list(indices) + [None]:
        token = tokens[k] if k is not None else None
        if token is not None and _is_name(token) and not s.timed[k] \
                and (k > 0 or _opens_with_name(s) or token.text in known) \
                and token.text not in lex.honorifics \
                and tokens[k - 1].text not in _QUOTES and token.low not in lex.roles \
                and token.low not in lex.pronouns:  # ('He', 'It' opening a sentence name no one)
            run.append(token.text[:len(lex.bare(token.low))])
            if not lex.possessive(token.low):
                continue
        elif run and token is not None and _joins_names(s, k):
            run.append(token.text)
            continue
        if run and " ".join(run) not in found:
            found.append(" ".join(run))
        run = []
    return found


def _joins_names(s: Parsed, k: int) -> bool:
    """Whether the word at ``k`` joins two names into one: 'Bank of England'."""
    tokens, lex = s.tokens, s.lex
    return (tokens[k].low in lex.joiners and 0 < k < len(tokens) - 1
            and _is_name(tokens[k - 1]) and _is_name(tokens[k + 1]))


def is_body(name: str, lex) -> bool:
    """Whether a name is that of a company, government or other body, which 'it' can stand for:
    it has a word such as 'Corp.' or 'Ministry' ('World Health Organization'), or an ampersand
    ('Procter & Gamble', 'AT&T'), or it is an acronym ('BP', 'WHO')."""
    words = name.split()
    return ("&" in name or any(lex.bare(w.lower()).rstrip(".") in lex.organizations for w in words)
            or (len(words) == 1 and len(words[0]) >= 2 and words[0].isupper() and words[0].isalpha()))


def _past_determiner(s: Parsed, indices: list[int]) -> int:
    """The first of ``indices`` after a determiner that opens them."""
    return indices[1] if len(indices) > 1 and s.tokens[indices[0]].low in s.lex.determiners else indices[0]


RECENT_PERSONS = 20  # the latest persons met a pronoun of a given gender may stand for


class People:
    """The persons named so far in an article, to resolve 'he' and 'the press officer'."""

    def __init__(self) -> None:
        self.by_role: dict[str, str] = {}
        self.surnames: dict[str, str] = {}  # the last word of every person named so far -> the name
        self.recent: list[str] = []  # the latest persons met, the latest last (see ``last``)
        self.gender: dict[str, str] = {}  # a person -> the gender a title gave them
        # the names the article has shown to be persons' names: by a role, a title, an age or an appositive
        # ('Interior Secretary Ken Salazar', 'Sir Liam Donaldson', 'Harold Kessler, 58,'), not only by
        # opening a sentence ('The White House says ...')
        self.persons: set[str] = set()

    @property
    def last(self) -> Optional[str]:
        """The person met last."""
        return self.recent[-1] if self.recent else None

    def observe(self, s: Parsed) -> None:
        """Note persons introduced by role ('Kremlin spokesman Dmitry Peskov'), and the name a
        sentence opens with as its subject ('Mitt Romney vowed ... if he won', 'Kessler, 58, is
        charged. He was arrested'): before the sentence's events are titled, so that a pronoun
        in it or after it stands for that name."""
        tokens, lex = s.tokens, s.lex
        for name in self._described(s):  # (a full name: its surname may stand for it later)
            self.surnames.setdefault(name.split()[-1], name)
            self.persons.add(name)
        subject = self._opening_name(s)
        if subject is not None:
            self._met(subject)
        for k in range(len(tokens) - 1):
            if tokens[k].text in lex.honorifics and (gender := lex.genders.get(tokens[k].low)):
                self._titled(s, k, gender)
            if tokens[k].low in lex.roles and _is_name(tokens[k + 1]):
                end = k + 1
                while end < len(tokens) and _is_name(tokens[end]) and not lex.possessive(tokens[end - 1].low):
                    end += 1
                if end - (k + 1) >= 2 and not lex.possessive(tokens[end - 1].low):
                    person = " ".join(t.text for t in tokens[k + 1:end])
                    self.by_role[tokens[k].low] = person
                    self.persons.add(person)
                    self._met(person)

    @staticmethod
    def _described(s: Parsed) -> list[str]:
        """The full names a sentence describes as persons by an age or an appositive after them
        ('Harold Kessler, 58,', 'Harold Kessler, a former banker,'), wherever they stand."""
        tokens, lex = s.tokens, s.lex
        found = []
        for k in range(1, len(tokens) - 2):
            if tokens[k + 1].text != "," or not _is_name(tokens[k]) or not _is_name(tokens[k - 1]):
                continue
            after = tokens[k + 2]
            if not (after.text[:1].isdigit() or after.low in lex.determiners):
                continue
            start = k
            while start > 0 and _is_name(tokens[start - 1]) and tokens[start - 1].low not in lex.function_words:
                start -= 1
            person = names(s, range(start, k + 1))
            if person and " " in person[-1] and not is_body(person[-1], lex):
                found.append(person[-1])
        return found

    def _opening_name(self, s: Parsed) -> Optional[str]:
        """The person a sentence's opening name stands for, when that name is its subject: a
        run of capitalised words (after a time or a quotation mark) right before the verb, an
        auxiliary or a comma; a single word only when it is the surname of someone named before."""
        tokens, classes, lex = s.tokens, s.classes, s.lex
        k = 0
        while k < len(tokens) and (s.timed[k] or tokens[k].text in _BREAKS):
            k += 1
        end = k
        while end < len(tokens) and _is_name(tokens[end]) and not s.timed[end] \
                and tokens[end].low not in lex.function_words and tokens[end].low not in lex.pronouns:
            end += 1
            if lex.possessive(tokens[end - 1].low):
                return None  # ('Putin's aide said': not Putin)
        if end == k or end >= len(tokens) or end - k > 4 or tokens[k].low in lex.prepositions \
                or all(t.text.isupper() for t in tokens[k:end]):
            return None  # (not 'Like Newman, he ...', nor a dateline in capitals: 'GRAND ISLE, La.')
        after = tokens[end]
        if not (classes[end].finite or after.low in lex.auxiliaries or after.text == ","):
            return None
        found = names(s, range(k, end), self.surnames)
        if not found or is_body(found[-1], lex):
            return None
        if end - k == 1:
            return self.surnames.get(found[-1])  # (a single word: only a surname met before)
        return found[-1] if " " in found[-1] else self.surnames.get(found[-1], found[-1])

    def resolve(self, s: Parsed, indices) -> Optional[str]:
        """The person a subject names: its name, or whom a pronoun or role noun stands for."""
        tokens, lex = s.tokens, s.lex
        if not indices:
            return None
        last = tokens[indices[-1]]
        if last.low in lex.roles:
            return self.by_role.get(last.low)
        if len(indices) == 1 and lex.pronouns.get(last.low) == "person":
            person = self._of_gender(lex.genders.get(last.low), lex.genders)
            if person is not None and self._named_in_clause(s, indices[0] + 1, person):
                return None  # ('when he meets Svanberg': he is not Svanberg)
            return person
        head = next((n for n, k in enumerate(indices)
                     if tokens[k].low in lex.prepositions and not _joins_names(s, k)), len(indices))
        if 0 < head < len(indices) and _is_name(tokens[indices[head - 1]]):
            indices = indices[:head]  # the person, not where they work: 'Maria Lund at Nordbank'
            last = tokens[indices[-1]]
        elif 0 < head < len(indices) - 1 and _is_name(tokens[_past_determiner(s, indices[head + 1:])]):
            if tokens[indices[head]].low in lex.places and not any(
                    tokens[k].text in lex.honorifics or tokens[k].text in self.surnames for k in indices[head + 1:]):
                return None  # no one named, only where they are: 'officials in Kenya and Tanzania'
            return self.resolve(s, indices[head + 1:])  # whom they speak for: 'a spokesman for Acme and Brightway'
        found = names(s, indices, self.surnames)
        joined = [k for k in indices if tokens[k].low in lex.coordinators]
        named = indices[1:] if tokens[indices[0]].low in lex.determiners else indices
        if joined and all(_is_name(tokens[k]) or k in joined or tokens[k].text == "," or _joins_names(s, k)
                          for k in named):
            # 'Acme and Brightway'; 'the Centers for Disease Control and Prevention'
            return " ".join(tokens[k].text for k in named).replace(" ,", ",")
        if found and _is_name(last) and not lex.possessive(last.low):
            person = self.surnames.get(found[-1], found[-1])  # 'Fukuda' after 'Keiji Fukuda'
            self._met(person)
            return person
        return None

    @staticmethod
    def _named_in_clause(s: Parsed, start: int, person: str) -> bool:
        """Whether the clause that goes on at ``start`` names ``person`` (by their last word)."""
        tokens, lex = s.tokens, s.lex
        words = person.split()
        if not words:
            return False
        surname = words[-1]
        for k in range(start, len(tokens)):
            if tokens[k].text in _BREAKS or tokens[k].low in lex.clause:
                return False
            if tokens[k].text[:len(lex.bare(tokens[k].low))] == surname:
                return True
        return False

    def _of_gender(self, gender: Optional[str], genders: dict[str, str]) -> Optional[str]:
        """The latest person met that a pronoun of ``gender`` may stand for: not one a title or a
        given name gave the other gender ('she' after Ms Lund and then Mr Brisk is Lund; 'she'
        after Ron Haskins is not Haskins).  (A pronoun resolved before gives no gender: one wrong
        guess would turn every later one.)"""
        if gender is None or self.last is None or self._gender_of(self.last, genders) in (None, gender):
            return self.last
        # (past the latest, only one a title or name gave this gender: the names between may be no persons)
        return next((p for p in reversed(self.recent) if self._gender_of(p, genders) == gender), None)

    def _gender_of(self, person: str, genders: dict[str, str]) -> Optional[str]:
        """The gender a title gave ``person``, by name or, when the surname stands for them
        (not for a relative who shares it), by surname: 'Mr Baker' after Tom Baker; else the
        gender of the given name that opens their name written whole ('Carol Browner')."""
        words = person.split()
        surname = words[-1]
        return (self.gender.get(person)
                or (self.gender.get(surname) if self.surnames.get(surname) == person else None)
                or (genders.get(words[0].lower()) if 1 < len(words) <= 3 else None))  # (not 'Victoria Police Commissioner Ken Lay')

    def _titled(self, s: Parsed, k: int, gender: str) -> None:
        """Note the gender the title at ``k`` gives the name after it ('Ms Lund', 'Mr. Hale')."""
        end = k + 1
        while end < len(s.tokens) and _is_name(s.tokens[end]) and s.tokens[end].text not in s.lex.honorifics:
            end += 1
        found = names(s, range(k + 1, end), self.surnames)
        if found:  # (under the name as written, and its last word: 'Mr Baker' is Tom Baker)
            self.persons.add(found[-1])
            self.gender.setdefault(found[-1], gender)
            self.gender.setdefault(found[-1].split()[-1], gender)

    def _met(self, person: str) -> None:
        self.surnames.setdefault(person.split()[-1], person)
        if person in self.recent:
            self.recent.remove(person)
        self.recent.append(person)
        del self.recent[:-RECENT_PERSONS]  # (an article naming thousands costs no more)
