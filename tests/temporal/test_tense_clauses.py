"""Tense read per clause: a future day without a year lies ahead, but only the clause's own future
moves it; a date in another clause, or one that names a happening ("the May 3 crash"), keeps the
day the text around gives it.  All sentences are our own."""

from __future__ import annotations

import pytest

import timeline
from timeline import tag
from timeline.temporal.engine import APART, ASIDE, GOVERNS, grammar
from timeline.temporal.resolve import resolve

PUBLISHED = "2017-09-06"  # a Wednesday


def values(sentence: str, published: str = PUBLISHED) -> dict[str, str]:
    return {e.text: e.value for e in tag(sentence, published)}


def value_of(sentence: str, published: str, text: str) -> str:
    """The value of the one expression found in ``sentence`` written ``text``."""
    (found,) = [t for t in tag(sentence, published) if t.text == text]
    return found.value


@pytest.mark.parametrize("sentence, text, expected", [
    # a day three months gone, told in the future: next year's (it used to stay in the past)
    ("The plant will reopen on June 12.", "June 12", "2018-06-12"),
    ("The ferry will resume its crossings on 3 July.", "3 July", "2018-07-03"),
    ("The museum is expected to open its new wing on May 30.", "May 30", "2018-05-30"),
    ("The union plans to strike on Aug. 1 unless talks resume.", "Aug. 1", "2018-08-01"),
    # a cue may begin with an apostrophe, right after a word
    ("They'll reopen the plant on June 12.", "June 12", "2018-06-12"),
    # a day still ahead stays this year's
    ("The plant will reopen on Oct. 2.", "Oct. 2", "2017-10-02"),
])
def test_a_future_day_without_a_year_is_not_in_the_past(sentence, text, expected):
    assert values(sentence)[text] == expected


@pytest.mark.parametrize("sentence, text, expected", [
    # the date modifies a noun: it names a happening, which the clause's future does not place
    ("Two pilots will testify about the May 3 crash.", "May 3", "2017-05-03"),
    ("The mayor will resign, weeks after the May 3 vote.", "May 3", "2017-05-03"),
    ("The board will review her June 30 memo next month.", "June 30", "2017-06-30"),
    # a preposition that looks back sets the tense of its own phrase
    ("The minister will visit the mine next week, her first trip since the April 20 blast.",
     "April 20", "2017-04-20"),
    ("The president will hold a news conference on Monday, his first since February.",
     "February", "2017-02"),
    # the future belongs to another clause
    ("Firefighters will stay on the ridge while crews survey the damage from July 30.", "July 30", "2017-07-30"),
    ("The council will vote on a new budget; the old one covers the year to June 30.", "June 30", "2017-06-30"),
    # a future seen from the past does not reach past the publication
    ("The firm said in March that its plant would reopen in June.", "June", "2017-06"),
    ("The firm said in May that the new chief would start on June 12.", "June 12", "2017-06-12"),
    # the cue after a date is the verb of the clause the date stands in, not the date's own
    ("Losses from the July 4 fire could reach $5 million.", "July 4", "2017-07-04"),
])
def test_a_future_in_another_clause_leaves_the_day_where_it_was(sentence, text, expected):
    assert values(sentence)[text] == expected


@pytest.mark.parametrize("sentence, text, expected", [
    ("The plant reopened on June 12.", "June 12", "2017-06-12"),
    ("The plant reopens on June 12, its owner says.", "June 12", "2017-06-12"),
    ("The plant had been scheduled to reopen on June 12.", "June 12", "2017-06-12"),
    ("The plant is expected to reopen on Sept. 20.", "Sept. 20", "2017-09-20"),
    ("Workers say the plant closed on Aug. 28.", "Aug. 28", "2017-08-28"),
])
def test_present_and_past_days_are_unchanged(sentence, text, expected):
    assert values(sentence)[text] == expected


@pytest.mark.parametrize("sentence, text, expected", [
    ("The plant will reopen in June.", "June", "2018-06"),
    ("The plant reopened in June.", "June", "2017-06"),
    ("The plant will reopen in October.", "October", "2017-10"),
    # "May" is the month, not the modal: it tells no future to the month after it
    ("Support stood at 64 percent in May and 59 percent in April.", "April", "2017-04"),
    # a month that names a happening keeps its nearest year
    ("Investigators will publish a report on the June derailment.", "June", "2017-06"),
])
def test_months_still_behave(sentence, text, expected):
    assert values(sentence)[text] == expected


@pytest.mark.parametrize("sentence, text, expected", [
    # a weekday takes the tense around it, in whichever clause: the week to come or gone
    ("The governor will tour Lakeview, Ohio, on Tuesday.", "Tuesday", "2017-09-12"),
    # (a state set off by commas after its town is no clause of its own: the past participle after
    # the weekday does not tell it)
    ("The governor will tour Lakeview, Ohio, on Tuesday to see the damage left by the storm.", "Tuesday",
     "2017-09-12"),
    ("The crew will rest tonight and fly home on Friday.", "Friday", "2017-09-08"),
    ("He will stay there for the first time since then and fly home on Friday.", "Friday", "2017-09-08"),
    ("Sales have doubled since Saturday.", "Saturday", "2017-09-02"),
    ("It's expected to reopen on Friday.", "Friday", "2017-09-08"),
    ("We'll land on Friday.", "Friday", "2017-09-08"),
    # (a clock time in another zone, in brackets, between them)
    ("The race starts at 5pm local time (0600 GMT) on Sunday.", "Sunday", "2017-09-10"),
])
def test_weekdays_take_the_tense_around_them(sentence, text, expected):
    assert values(sentence)[text] == expected


def test_a_cue_that_looks_forward_tells_nothing_of_what_stands_before_it():
    # "since" heads the phrase after it; a weekend before it has no tense: this week's
    assert values("A long weekend for the crew, since no races on the calendar!")["weekend"] == "2017-W36-WE"


@pytest.mark.parametrize("sentence, text, reach", [
    ("The plant will reopen on June 12.", "June 12", GOVERNS),
    ("Crews will leave, and the road reopens on June 12.", "June 12", APART),
    ("Pilots will testify about the May 3 memo.", "May 3", ASIDE),
    # ...and a time that dates a happening named right after it is gone, whatever the clause
    ("Pilots will testify about the May 3 crash.", "May 3", GOVERNS),
    ("On June 12 the plant will reopen.", "June 12", ASIDE),
    # ...but a past after a time told at the head of its clause is its own
    ("On June 12 the plant closed.", "June 12", GOVERNS),
    ("June 12: the plant closed.", "June 12", ASIDE),
])
def test_the_reader_says_how_a_cue_stands_to_an_expression(sentence, text, reach):
    rules = grammar("en")
    reader = rules.tense_reader(sentence)
    start = sentence.index(text)
    assert reader.tense(start, start + len(text), (0, len(sentence)))[1] == reach


def _language(root, name: str, clauses: str | None) -> None:
    folder = root / name / "temporal"
    folder.mkdir(parents=True)
    (folder / "vocabulary.tsv").write_text("# Format\nmonat\tjuni\t06\ntag\tre:\\d\\d?\t\n", encoding="utf-8")
    (folder / "rules.tsv").write_text("# Format\ndatum\tDATE\tam %tag\\. %monat\tXXXX-{monat}-{tag:02}\n",
                                      encoding="utf-8")
    (folder / "tense.tsv").write_text("# Format\nwird\tfuture\n", encoding="utf-8")
    if clauses is not None:
        (folder / "clauses.tsv").write_text("# Format\n" + clauses, encoding="utf-8")
    (root / name / "abbreviations.txt").write_text("# Format\n", encoding="utf-8")


def test_clause_marks_are_language_data(tmp_path, monkeypatch):
    _language(tmp_path, "zu", None)
    _language(tmp_path, "zv", "boundary\taber\n")
    monkeypatch.setattr(timeline.lang, "LANG_DIR", tmp_path)
    sentence = "Er wird kommen, aber am 12. juni war das Werk zu."
    # a language without clause marks has every cue govern: the future takes the day to next year
    assert [e.value for e in tag(sentence, PUBLISHED, lang="zu")] == ["2018-06-12"]
    # with "aber" a boundary the future is another clause's: the nearest June 12
    assert [e.value for e in tag(sentence, PUBLISHED, lang="zv")] == ["2017-06-12"]
    assert [e.value for e in tag("Er wird am 12. juni kommen.", PUBLISHED, lang="zv")] == ["2018-06-12"]


def test_an_unknown_clause_kind_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "zw" / "temporal"
    folder.mkdir(parents=True)
    (folder / "vocabulary.tsv").write_text("# Format\nmonat\tjuni\t06\n", encoding="utf-8")
    (folder / "rules.tsv").write_text("# Format\nmonat\tDATE\t%monat\tXXXX-{monat}\n", encoding="utf-8")
    (folder / "tense.tsv").write_text("# Format\nwird\tfuture\n", encoding="utf-8")
    (folder / "clauses.tsv").write_text("# Format\ngrenze\t,\n", encoding="utf-8")
    monkeypatch.setattr(timeline.lang, "LANG_DIR", tmp_path)
    with pytest.raises(ValueError, match="clauses.tsv \\(zw\\): unknown kind 'grenze'"):
        tag("juni", lang="zw")


@pytest.mark.parametrize("tense, reach, expected", [
    ("future", GOVERNS, "2018-06-12"),  # the clause's own future: next June 12
    ("future", APART, "2017-06-12"),  # another clause's: the past side only counts double
    ("future", ASIDE, "2017-06-12"),  # after the date, or the date modifies a noun: no say
    ("prospective", GOVERNS, "2017-06-12"),  # a future seen from the past does not move it
    ("past", GOVERNS, "2017-06-12"),
    (None, None, "2017-06-12"),
])
def test_only_a_governing_future_moves_a_day_past_the_anchor(tense, reach, expected):
    assert resolve("XXXX-06-12", PUBLISHED, "~", tense, reach) == (expected, True)


def test_a_future_from_another_clause_still_counts_the_past_double():
    # 9 April is 150 days back, next 9 April 215 ahead: the nearest is the past one, unless the
    # past counts double
    assert resolve("XXXX-04-09", PUBLISHED, "~", None, None) == ("2017-04-09", True)
    assert resolve("XXXX-04-09", PUBLISHED, "~", "future", APART) == ("2018-04-09", True)
    assert resolve("XXXX-04-09", PUBLISHED, "~", "future", ASIDE) == ("2017-04-09", True)


@pytest.mark.parametrize("reach", [GOVERNS, APART, ASIDE])
def test_weekdays_take_a_future_whatever_its_reach(reach):
    assert resolve("XXXX-WXX-5", PUBLISHED, "~", "future", reach) == ("2017-09-08", True)


@pytest.mark.parametrize("sentence, text, expected", [
    # a word that only ends in -ed is no past form: the future before it still tells the weekday
    ("The dome will be lowered to the seabed on Thursday, the company says.", "Thursday", "2017-09-07"),
    ("Crews will work at full speed on Thursday.", "Thursday", "2017-09-07"),
    ("The panel will hear a hundred witnesses on Thursday.", "Thursday", "2017-09-07"),
    ("Talks will proceed on Thursday.", "Thursday", "2017-09-07"),
    # what is set for a day, or must be done by it, lies ahead
    ("The hearing is scheduled for Thursday.", "Thursday", "2017-09-07"),
    ("The vote is set for Friday.", "Friday", "2017-09-08"),
    ("Snow is forecast for Friday.", "Friday", "2017-09-08"),  # a forecast too
    ("The oil isn't expected to come ashore until Thursday.", "Thursday", "2017-09-07"),  # negated too
    ("We need to finish the repairs by Friday.", "Friday", "2017-09-08"),
    ("The company has to pay the fine by Friday.", "Friday", "2017-09-08"),
    ("Apple has until Friday to respond to the order.", "Friday", "2017-09-08"),  # a deadline still open
    ("Victims have only until June 1 to file claims.", "June 1", "2018-06-01"),
    ("The new dome should be working by Friday.", "Friday", "2017-09-08"),
    # an adverb inside the verb group leaves the participle to the auxiliary
    ("Officials say the well could be permanently sealed by Sunday.", "Sunday", "2017-09-10"),
    ("The well will be permanently sealed by Sunday.", "Sunday", "2017-09-10"),
    ("The well must only have been sealed on Sunday.", "Sunday", "2017-09-03"),
    ("The company said the plant must close by Monday.", "Monday", "2017-09-11"),
    ("The dome should have been working by Monday.", "Monday", "2017-09-04"),
    # and from the past, a future seen then
    ("A second hearing was scheduled for Friday.", "Friday", "2017-09-08"),
    ("The cap wasn't expected to be fitted until Friday.", "Friday", "2017-09-08"),
    # a planned passive: the participle after "to be" tells no past
    ("The prisoner is expected to be released on Friday.", "Friday", "2017-09-08"),
    ("The report is due to be published on Thursday.", "Thursday", "2017-09-07"),
    ("The summit is to be held on Friday.", "Friday", "2017-09-08"),
    ("The school expects to be closed until Friday.", "Friday", "2017-09-08"),
    # nor does the verb after "to" ("remain" tells no present)
    ("Waves are expected to remain this high until at least Friday.", "Friday", "2017-09-08"),
    ("The school is due to remain closed until Friday.", "Friday", "2017-09-08"),
    # but what was done stays done
    ("We did have to pull the pipe back up on Monday.", "Monday", "2017-09-04"),
    ("Oil started coming ashore on Sunday.", "Sunday", "2017-09-03"),
    # a participle after a determiner describes its noun and tells no past ('a slimmed-down bill')
    ("The Senate may begin debating a slimmed-down bill as early as Friday.", "Friday", "2017-09-08"),
    ("The warning came true, coming a year before the outbreak in March.", "March", "2017-03"),
    ("The workers proceeded on Monday.", "Monday", "2017-09-04"),
    ("The two sides agreed on Monday to resume talks.", "Monday", "2017-09-04"),
])
def test_words_that_only_end_like_a_tense_do_not_tell_it(sentence, text, expected):
    assert values(sentence)[text] == expected


@pytest.mark.parametrize("sentence, text, expected", [
    # a future seen from a past moment: the weekday nearest the publication, either side
    ("The minister said he would resign on Tuesday, prompted by the report.", "Tuesday", "2017-09-05"),
    ("The tests were due on Monday but were delayed by a leak.", "Monday", "2017-09-04"),
    ("The ferry was expected to sail on Friday, the company said.", "Friday", "2017-09-08"),
    ("Officials said the talks would resume on Thursday.", "Thursday", "2017-09-07"),
    # a participle alone: 'slated for', 'scheduled for', 'planned for'
    ("Shares rose before a call with analysts planned for Friday.", "Friday", "2017-09-08"),
    ("The senator postponed a hearing, scheduled for Thursday, on the leak.", "Thursday", "2017-09-07"),
    ("The vote, slated for Monday, was held in private.", "Monday", "2017-09-04"),
    # where the future is told as such, the weekday ahead, as before
    ("The minister will resign on Tuesday.", "Tuesday", "2017-09-12"),
])
def test_a_weekday_in_a_future_seen_from_the_past_is_the_nearest(sentence, text, expected):
    assert values(sentence)[text] == expected


@pytest.mark.parametrize("sentence, text, expected", [
    # what comes 'ahead of' a day follows the event, whose time the past does not tell: the nearest
    ("McKay did not offer much new ahead of Thursday's testimony.", "Thursday", "2017-09-07"),
    ("Shares fell ahead of Friday's jobs report.", "Friday", "2017-09-08"),
    ("BP's shares stood at 650p ahead of the disaster on April 20.", "April 20", "2017-04-20"),
    # but after a future the day is still to come
    ("The minister will speak on Monday ahead of Tuesday's vote.", "Tuesday", "2017-09-12"),
])
def test_a_day_ahead_of_which_something_happened_is_the_nearest(sentence, text, expected):
    assert values(sentence)[text] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("He will testify at 10 a.m. Wednesday next week.", [("10 a.m. Wednesday next week", "2017-09-13T10:00")]),
    ("He will testify on Wednesday next week at 10 a.m.",
     [("Wednesday next week", "2017-09-13"), ("10 a.m.", "2017-09-13T10:00")]),
])
def test_a_clock_time_joins_the_weekday_of_another_week(sentence, expected):
    assert [(e.text, e.value) for e in tag(sentence, PUBLISHED)] == expected


@pytest.mark.parametrize("sentence, text, expected", [
    # a season still to come, in May: the next one, not the nearer one gone by
    ("The virus may return in the winter.", "the winter", "2009-WI"),
    ("A second wave of cases will sweep the country in the winter.", "the winter", "2009-WI"),
    # told in the past, the one gone by
    ("The winter was harsh.", "The winter", "2008-WI"),
])
def test_a_season_still_to_come_is_the_next(sentence, text, expected):
    assert values(sentence, "2009-05-04")[text] == expected


@pytest.mark.parametrize("sentence, published, expected", [
    # the end of a range of weekdays is not before its start, whatever tense each was read in
    ("The union said it would hold protests from Thursday to Saturday.", "2017-09-04",
     [("Thursday", "2017-09-07"), ("Saturday", "2017-09-09")]),
    ("A flood warning runs from Friday until Sunday evening.", "2017-09-08",
     [("Friday", "2017-09-08"), ("Sunday evening", "2017-09-10TEV")]),
    # a list is no range: it need not run forward
    ("Following are statements made Friday and Thursday by the lawyer.", "2017-09-08",
     [("Friday", "2017-09-08"), ("Thursday", "2017-09-07")]),
])
def test_a_range_of_weekdays_runs_forward(sentence, published, expected):
    assert [(e.text, e.value) for e in tag(sentence, published)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # a clock time joined by "and" or "to" to one placed on a day falls on that day too
    ("Between 2am and 3am on 27 May, aides rewrote the report.",
     [("2am", "2017-05-27T02:00"), ("3am on 27 May", "2017-05-27T03:00")]),
    ("The programme is shown on Saturday, 2 September at 0330 GMT and 1830 GMT.",
     [("Saturday, 2 September", "2017-09-02"), ("0330 GMT", "2017-09-02T03:30"), ("1830 GMT", "2017-09-02T18:30")]),
    ("The line will be open from 9am to 5pm on Friday.",
     [("9am", "2017-09-08T09:00"), ("5pm on Friday", "2017-09-08T17:00")]),
    # 24-hour clocks: after 'at' and a word of approximation, with a point and "hrs"
    ("The plane crashed at around 20:50 on Tuesday.", [("around 20:50 on Tuesday", "2017-09-05T20:50")]),
    ("He will open the bridge at 11.30 hrs IST on Wednesday.", [("11.30 hrs IST on Wednesday", "2017-09-06T11:30")]),
    ("The polling will be held from 07.00 hrs to 17.00 hrs.",
     [("07.00 hrs", "2017-09-06T07:00"), ("17.00 hrs", "2017-09-06T17:00")]),
    # ...but not a figure with a point, nor a duration after 'for' or 'by', nor a race's or a round's time
    ("Shares rose around 17.30 percent.", []),
    ("The balloon was airborne for 11.30 hours.", [("11.30 hours", "PT11H18M")]),
    ("The trains were delayed by 02.30 hours.", []),
    ("He stopped his rival at about 2:30 of the third round.", []),
    ("Crosby scored at around 12:30 of the second period.", []),
    ("The density was about 1.03 g/cubic cm.", []),
    # two clock times of a list, each with its verb or place, share the day told once after both
    ("He arrived at 2am and left at 3am on Friday.", [("2am", "2017-09-01T02:00"), ("3am on Friday", "2017-09-01T03:00")]),
    ("Polls open at 7 a.m. and close at 8 p.m. on Friday.",
     [("7 a.m.", "2017-09-08T07:00"), ("8 p.m. on Friday", "2017-09-08T20:00")]),
    ("Totality reaches Dallas at 1:40 p.m. and Cleveland at 3:13 p.m. on Friday, September 8.",
     [("1:40 p.m.", "2017-09-08T13:40"), ("3:13 p.m. on Friday, September 8", "2017-09-08T15:13")]),
    # ...but not across a figure, nor past a day of the second's own
    ("Trading opened at 9:30 a.m. and the index fell 2% by 11 a.m. Friday.",
     [("9:30 a.m.", "2017-09-06T09:30"), ("11 a.m. Friday", "2017-09-01T11:00")]),
    ("The plant closed at 6 p.m. and reopened on Friday at 8 a.m.",
     [("6 p.m.", "2017-09-06T18:00"), ("Friday", "2017-09-01"), ("8 a.m.", "2017-09-01T08:00")]),
])
def test_clock_times_in_a_range_fall_on_its_day(sentence, expected):
    assert [(e.text, e.value) for e in tag(sentence, PUBLISHED)] == expected


@pytest.mark.parametrize("published, expected", [
    ("2017-09-04", "2017-W35-WE"),  # said on a Monday: the weekend just gone
    ("2017-09-06", "2017-W36-WE"),  # midweek: the week's own
    ("2017-09-07", "2017-W36-WE"),  # on a Thursday: the one to come
])
def test_the_weekend_without_a_tense_is_the_nearest(published, expected):
    assert [(e.text, e.value) for e in tag("Two Shell platforms offline over the weekend.", published)] == [
        ("the weekend", expected)]


@pytest.mark.parametrize("sentence, published, text, expected", [
    # a reporting verb before 'that' tells how the text is told; the reported clause's own verb
    # tells when its date is
    ("Forecasters warned that strong winds on Sunday could push the oil ashore.", "2017-09-06",
     "Sunday", "2017-09-10"),
    ("Aid agencies warned that winter would arrive within weeks.", "2023-11-08", "winter", "2023-WI"),
    ("The firm said that on Saturday two teams would be sent to the site.", "2017-09-08", "Saturday", "2017-09-09"),
    # 'and' may join two phrases of one clause: the verb before still tells ('untouched' after the
    # date describes a noun)
    ("Qantas will double its flights between Australia and India by August in the search for new "
     "markets untouched by the crisis.", "1998-02-13", "August", "1998-08"),
    # ...and a bare verb after 'and' goes on with the clause before it, its subject and its future
    ("The probe will reach comet 67P in August and try to put a lander on its surface in November.", "2014-01-20",
     "November", "2014-11"),
    ("The probe will reach comet 67P in August and then land on it in November.", "2014-01-20", "November", "2014-11"),
    # ...but a preposition's cue before it does not reach the verb's date (t17-dev bpoil #612)
    ("He will stay there for the first time since then and return to Washington on Tuesday.", "2010-06-13",
     "Tuesday", "2010-06-15"),
    # ...but not a clause with its own subject and tense
    ("The probe will reach the comet in August, and the lander touched down in November.", "2014-01-20",
     "November", "2013-11"),
])
def test_the_verb_of_a_reported_clause_tells_its_date(sentence, published, text, expected):
    assert value_of(sentence, published, text) == expected


@pytest.mark.parametrize("sentence, published, text, expected", [
    # 'the next day' is counted from a day the text tells: 'next' there is no future cue
    ("He learned the next day, April 16, that the plan had changed.", "2010-09-09", "April 16", "2010-04-16"),
    ("He learned the next afternoon, April 16, that the plan had changed.", "2010-09-09", "April 16", "2010-04-16"),
    # a price or a level a change is measured from is gone
    ("At $44.11, BP's stock price has risen 63 percent from its low of $27.02 on June 25.", "2010-12-29", "June 25",
     "2010-06-25"),
    ("It's still down 27 percent from its close of $60.48 on April 20, the day of the spill.", "2010-12-29",
     "April 20", "2010-04-20"),
    # ...but not a level to come
    ("The index could fall to its low of 2,000 on Friday.", "2011-12-01", "Friday", "2011-12-02"),
    ("The euro could fall from its level of $1.24 on Monday to $1.20 in July.", "2012-06-04", "July", "2012-07"),
    # a month a happening to come is called, set or put off for stays ahead
    ("The union called a strike in January.", "2011-11-04", "January", "2012-01"),
    ("The government scheduled talks in January.", "2011-11-04", "January", "2012-01"),
    ("The board set a deadline in January.", "2011-11-04", "January", "2012-01"),
    ("The president postponed the trip to January.", "2011-11-04", "January", "2012-01"),
    ("The minister said the offer expires in January.", "2011-11-04", "January", "2012-01"),
])
def test_a_past_date_of_aftermath_copy_stays_behind(sentence, published, text, expected):
    """A date without its year that the story has gone past, told months after: not a year ahead."""
    assert value_of(sentence, published, text) == expected


@pytest.mark.parametrize("sentence, published, text, expected", [
    # a weekday that is a holiday or closed, declared one, or what follows on it, is the coming one
    ("Monday and Tuesday are bank holidays.", "2012-06-01", "Monday", "2012-06-04"),
    ("Monday and Tuesday are bank holidays.", "2012-06-01", "Tuesday", "2012-06-05"),
    ("Tuesday is also a bank holiday.", "2012-06-01", "Tuesday", "2012-06-05"),
    ("Schools are closed on Monday and Tuesday.", "2012-06-01", "Monday", "2012-06-04"),
    ("President Jonathan declared Wednesday a public holiday.", "2013-02-12", "Wednesday", "2013-02-13"),
    ("A concert follows on Monday evening.", "2012-06-01", "Monday evening", "2012-06-04TEV"),
    ("The memorial service starts at 10:00 SAST on Tuesday.", "2013-12-06", "10:00 SAST on Tuesday",
     "2013-12-10T10:00"),
    # a fixture's object may be a hyphenated word that opens like a preposition ('by-elections', 'on-site talks')
    ("The prime minister faces three by-elections on Thursday.", "2023-07-17", "Thursday", "2023-07-20"),
    # ...but not one that was, nor the day of a declaring
    ("Monday was a bank holiday.", "2012-06-01", "Monday", "2012-05-28"),
    ("Schools were closed on Monday.", "2012-06-01", "Monday", "2012-05-28"),
    ("President Jonathan declared on Wednesday that the strike was over.", "2013-02-12", "Wednesday", "2013-02-06"),
])
def test_a_weekday_that_is_a_holiday_or_a_fixture_is_the_coming_one(sentence, published, text, expected):
    assert value_of(sentence, published, text) == expected


def test_a_weekday_planned_or_said_to_come_is_more_likely_ahead_than_behind():
    """'was due to make a payment on Monday, which has now been canceled' said on a Thursday is
    the coming Monday (four days on), not the one three days before."""
    (found,) = tag("The company was due to make a dividend payment on Monday.", "2010-06-17")
    assert found.value == "2010-06-21"
    (found,) = tag("The minister said the report would be published on Friday.", "2023-05-08")
    assert found.value == "2023-05-12"
    (found,) = tag("He was due to appear in court on Friday.", "2023-05-13")  # (a day gone by)
    assert found.value == "2023-05-12"
