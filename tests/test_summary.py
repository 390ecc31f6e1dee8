"""The summary timeline: which days, which sentences, their sources; the `summary` command."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from timeline import Article, DaySummary, build_timeline, summarize
from timeline.cli import app
from timeline.summary import day_references, day_summaries, default_dates, format_summary, terminal_text

runner = CliRunner()

# A small story written for these tests: a dam burst on Thursday 4 March 2021, told by four
# outlets over the following days; a minor inspection on 10 March told once; an inquiry
# announced for later.
STORY = [
    ("Valley Post", "2021-03-04",
     "The Ferrow dam burst on Thursday, flooding the lower valley. "
     "Rescue teams reached the first villages in the afternoon."),
    ("River Daily", "2021-03-05",
     "The Ferrow dam burst on March 4 after days of heavy rain, officials said. "
     "About two hundred families left their homes overnight."),
    ("Hill Times", "2021-03-08",
     "Since the Ferrow dam burst on March 4, the valley has counted its losses. "
     "Farmers say the harvest is gone."),
    ("Coast Herald", "2021-03-12",
     "Engineers warned for years before the Ferrow dam burst on 4 March 2021. "
     "Inspectors visited the site on March 10 and found the spillway blocked. "
     "The regional assembly will open an inquiry on April 2."),
    ("Valley Post", "2021-03-15",
     "A week after the Ferrow dam burst on March 4, the water has fallen back. "
     "The mayor thanked the volunteers on Saturday."),
]


def told_by_outlets(told, folder="t"):
    """Articles of our own, one an outlet: (published, text) pairs."""
    return [Article(text=text, source=f"Outlet {i}", published=published, path=f"{folder}/{i}.txt")
            for i, (published, text) in enumerate(told)]


def the_day(told, sentences, folder="t"):
    """The one day of the summary of ``told`` (see :func:`told_by_outlets`), in ``sentences``."""
    (day,) = summarize(build_timeline(told_by_outlets(told, folder)), dates=1, sentences=sentences)
    return day


def articles():
    return [Article(text=text, source=outlet, published=published, path=f"story/{i}.txt",
                    title=f"{outlet} {published}")
            for i, (outlet, published, text) in enumerate(STORY)]


@pytest.fixture(scope="module")
def story_timeline():
    return build_timeline(articles())


def test_the_most_referred_day_comes_first_with_every_article_that_reported_it(story_timeline):
    days = summarize(story_timeline, dates=1, sentences=1)
    assert [d.date for d in days] == [dt.date(2021, 3, 4)]
    (day,) = days
    assert isinstance(day, DaySummary)
    assert len(day.sentences) == 1 and "dam burst" in day.sentences[0]
    reported = {s.path for s in day.sources if s.sentence == 0}
    assert reported == {f"story/{i}.txt" for i in range(5)}  # all five articles tell the burst
    assert {s.source for s in day.sources} == {"Valley Post", "River Daily", "Hill Times", "Coast Herald"}


def test_days_come_in_date_order_and_each_sentence_says_what_happened_then(story_timeline):
    # 10 March is told once, with its date written out; the inquiry of 2 April is only announced
    days = summarize(story_timeline, dates=2, sentences=2)
    assert [d.date for d in days] == [dt.date(2021, 3, 4), dt.date(2021, 3, 10)]
    assert all("dam burst" in s for s in days[0].sentences)
    assert days[1].sentences == ["Inspectors visited the site on March 10 and found the spillway blocked."]
    assert {s.source for s in days[1].sources} == {"Coast Herald"}
    for day in summarize(story_timeline, dates=4, sentences=2):
        assert 1 <= len(day.sentences) <= 2
        assert {s.sentence for s in day.sources} == set(range(len(day.sentences)))


def test_a_sentence_reprinted_by_two_articles_is_given_once_with_both_sources():
    text = "The council approved the new tram line on Monday, 7 June 2021, after a long debate."
    two = [Article(text=text, source=outlet, published="2021-06-08", path=f"{outlet}.txt")
           for outlet in ("North News", "South News")]
    (day,) = summarize(build_timeline(two), dates=1, sentences=3)
    assert day.date == dt.date(2021, 6, 7)
    assert day.sentences == [text]
    assert {s.source for s in day.sources} == {"North News", "South News"}


def one_each(texts: list[str], published: str) -> list[Article]:
    """Each text an article of its own outlet."""
    return [Article(text=t, source=f"outlet {i}", published=published, path=f"{i}.txt") for i, t in enumerate(texts)]


def test_a_sentence_that_dates_two_days_is_told_under_one():
    """Drivers walked out on two days in one sentence: it was told under both days."""
    texts = [
        "Drivers walked out on 8 October 2022 and again on 5 November 2022 over pay.",
        "The union called the first walkout on 8 October 2022 after talks failed.",
        "Buses stopped across the city on 5 November 2022 as drivers joined pickets.",
    ]
    timeline = build_timeline(one_each(texts, "2022-11-06"))
    days = day_summaries(timeline, [dt.date(2022, 10, 8), dt.date(2022, 11, 5)], 2)
    told = [sentence for day in days for sentence in day.sentences]
    assert len(told) == len(set(told)) and texts[0] in told
    assert all(day.sentences for day in days)


def test_a_day_left_with_nothing_to_tell_is_not_listed():
    """One sentence dates two days: told under the first, it leaves the second day nothing to
    say, and a heading with nothing under it is no summary."""
    sentence = "The old bridge reopened on 1 March 2021 and closed again to lorries on 8 March 2021."
    timeline = build_timeline([Article(text=sentence, published="2021-03-10", path="b.txt")])
    days = summarize(timeline, dates=2, sentences=1)
    assert [(d.date, d.sentences) for d in days] == [(dt.date(2021, 3, 1), [sentence])]
    assert [d.date for d in summarize(timeline, dates=2, sentences=0)] == [dt.date(2021, 3, 1), dt.date(2021, 3, 8)]


def test_a_day_left_with_nothing_to_tell_gives_its_place_to_the_next_best():
    """Asked for two days, the summary gave one: the second best day's sentence was told under the
    first, and the third best day was never looked at."""
    both = "The old bridge reopened on 1 March 2021 and closed again on 2 March 2021."
    other = "Lorries were banned from the town centre on 5 March 2021."
    timeline = build_timeline(one_each([both, both, other], "2021-03-10"))
    days = summarize(timeline, dates=2, sentences=1)
    assert [(d.date.day, d.sentences) for d in days] == [(1, [both]), (5, [other])]


def test_days_of_history_left_with_nothing_to_tell_give_their_places_to_later_ones():
    """Asked for 12 days of a retrospective whose sentences each name 6 days, the summary gave 2:
    only the first 12 days of history were ever looked at."""
    days = [dt.date(1990, 1, 1) + dt.timedelta(d) for d in range(36)]
    text = " ".join("Workers held strikes at the mill on " + ", ".join(f"{d.day} {d:%B %Y}" for d in days[k:k + 5])
                    + f" and {days[k + 5].day} {days[k + 5]:%B %Y}." for k in range(0, 36, 6))
    timeline = build_timeline([Article(text=text, published="2020-01-01", path="history.txt")])
    assert len(summarize(timeline, dates=12, sentences=1)) == 6  # (one for each sentence: as many as there are)


def test_the_days_are_looked_at_in_a_few_rounds_not_one_a_day(monkeypatch):
    """Each day left with nothing to tell had made the whole summary again, a few days more each
    time: 20 days asked of a story with 19 to tell took 181 s where 19 took 3 s."""
    import timeline.summary as summary

    days = [dt.date(2021, 1, 1) + dt.timedelta(d) for d in range(60)]
    text = " ".join("The old bridge was closed to lorries on " + ", ".join(f"{d.day} {d:%B %Y}" for d in days[k:k + 19])
                    + f" and {days[k + 19].day} {days[k + 19]:%B %Y}." for k in range(0, 60, 20))
    timeline = build_timeline([Article(text=text, published="2021-03-30", path="bridge.txt")])
    rounds = []
    real = summary.day_summaries
    monkeypatch.setattr(summary, "day_summaries", lambda *a, **k: rounds.append(1) or real(*a, **k))
    assert len(summary.summarize(timeline, dates=5, sentences=1)) == 3  # (as many as there are to tell)
    assert len(rounds) <= 5  # (5, 10, 20, 40, then all 60 days: not 5, 9, 13, ... one round for every 4)


def test_what_was_only_announced_gives_way_to_what_was_reported():
    """The day of a vote is told by its reports, not by the previews written before it."""
    preview = ("The city council will vote on 7 June 2021 on the new tram line, after a long debate "
               "over the route.")
    report = "The city council approved the tram line on 7 June 2021."
    articles = [Article(text=preview, source=f"preview {i}", published="2021-06-05", path=f"p{i}.txt")
                for i in range(2)]
    articles.append(Article(text=report, source="Wire", published="2021-06-07", path="w.txt"))
    (day,) = summarize(build_timeline(articles), dates=1, sentences=1)
    assert day.sentences == [report]


def test_what_is_still_to_come_told_on_the_day_gives_way_to_what_happened():
    """A plan written on its day ('will be shut', 'will give an update') is no report of the day."""
    plan = "The health secretary and the chief medical officer will give a further update on the outbreak on 7 May 2009."
    done = "Mexico City reopened its schools, bars and restaurants on 7 May 2009 as the outbreak waned."
    articles = [Article(text=plan, source=f"outlet {i}", published="2009-05-07", path=f"p{i}.txt") for i in range(2)]
    articles.append(Article(text=done, source="Wire", published="2009-05-08", path="w.txt"))
    (day,) = summarize(build_timeline(articles), dates=1, sentences=1)
    assert day.sentences == [done]


def test_near_repeats_are_not_both_picked():
    texts = [
        "The council approved the new tram line on 7 June 2021 after a long debate.",
        "The council approved the new tram line on 7 June 2021 after a long public debate.",
        "Shops along the route closed early on 7 June 2021 as crowds gathered outside the hall.",
    ]
    (day,) = summarize(build_timeline(one_each(texts, "2021-06-08")), dates=1, sentences=2)
    assert len(day.sentences) == 2
    assert sum("tram line" in s for s in day.sentences) == 1


def test_one_happening_in_two_outlets_words_is_told_once_and_the_days_other_news_beside_it():
    """Two outlets tell a resignation in words they hardly share, and the merge knows they are
    one happening: the day's second sentence is its other news, not the resignation again."""
    told = [
        ("Wire", "2023-10-17", "Marcus Hale resigned as chief executive of Veridane on Tuesday, two weeks "
                               "after agents searched the drugmaker's offices. "
                               "The board named Sandra Kell interim chief on Tuesday."),
        ("Tribune", "2023-10-17", "Veridane's boss Marcus Hale stepped down on Tuesday amid a fraud inquiry."),
        ("Courier", "2023-11-09", "Oct. 17 - Hale steps down as chief executive of Veridane."),
    ]
    articles = [Article(text=text, source=outlet, published=published, path=f"v{i}.txt")
                for i, (outlet, published, text) in enumerate(told)]
    (day,) = summarize(build_timeline(articles), dates=1, sentences=2)
    assert day.date == dt.date(2023, 10, 17)
    assert sum("Hale" in sentence for sentence in day.sentences) == 1
    assert any("Sandra Kell" in sentence for sentence in day.sentences)


def test_a_report_whose_words_name_another_day_gives_way_to_one_dated_to_the_day():
    """Its day phrase went to another word ('travel to flood-hit Ferrow on Tuesday'), so the report
    merged into Monday's advice undated: under Monday's heading, 'on Tuesday' would read as Monday's
    news.  The report its own words date to Monday is told."""
    told = [("2021-03-08", "The Foreign Office advised against all travel to Ferrow on Monday after the dam burst."),
            ("2021-03-08", "The Foreign Office advised against all travel to Ferrow on Monday after the dam burst."),
            ("2021-03-09", "The Foreign Office advised against all but essential travel to flood-hit Ferrow on "
                           "Tuesday as airlines cancelled flights and tour firms made plans to bring tourists home.")]
    day = the_day(told, 1)
    assert day.date == dt.date(2021, 3, 8)
    assert day.sentences == ["The Foreign Office advised against all travel to Ferrow after the dam burst."]


@pytest.mark.parametrize("written, told", [
    # (its own day stays beside the other it names; 'since Monday' only bounds, and its own day goes)
    ("The Ferrow rail strike, which began on Monday, ended on Wednesday when unions accepted a pay offer.",
     "The Ferrow rail strike, which began on Monday, ended on Wednesday when unions accepted a pay offer."),
    ("Trains in Ferrow ran normally on Wednesday for the first time since Monday, when the strike began.",
     "Trains in Ferrow ran normally for the first time since Monday, when the strike began."),
])
def test_a_sentence_dated_to_its_day_by_its_own_words_may_name_others_beside_it(written, told):
    reports = [("2021-03-10", written), ("2021-03-10", written),
               ("2021-03-10", "Commuters in Ferrow crowded onto platforms at the central station on Wednesday.")]
    wednesday = dt.date(2021, 3, 10)
    (day,) = summarize(build_timeline(told_by_outlets(reports)), dates=1, sentences=1, start=wednesday, end=wednesday)
    assert day.sentences == [told]


@pytest.mark.parametrize("caption", [
    "Rescuers wade through water after the Ferrow dam burst in Ferrow, Valley County March 4, 2021.",
    "Rescuers wade through water near the Ferrow dam in Lower Marsh, Thursday, March 4, 2021, after it burst.",
])
def test_a_photos_caption_left_in_the_text_gives_way_to_a_report_of_the_day(caption):
    told = [("2021-03-05", caption), ("2021-03-05", caption),
            ("2021-03-06", "The Ferrow dam burst on Thursday and flooded farms in the lower valley.")]
    day = the_day(told, 1, "c")
    assert day.date == dt.date(2021, 3, 4)
    assert len(day.sentences) == 1 and day.sentences[0].startswith("The Ferrow dam burst")


@pytest.mark.parametrize("sentence, is_caption", [
    ("People wear masks while walking past a hospital in Taipei May 22, 2009.", True),
    ("Officials speak at the ministry on Capitol Hill, June 17, 2010.", True),
    ("Taiwan confirmed its first case in Taipei on May 22, 2009.", False),  # (prose dates a happening with 'on')
    ("The vote took place on Tuesday, June 17, 2010.", False),
    ("The hearing in Washington is set for June 17, 2010.", False),
])
def test_a_caption_is_told_apart_from_prose_that_dates_a_happening(sentence, is_caption):
    from timeline.text import caption

    assert bool(caption().search(sentence)) is is_caption


def test_two_happenings_the_merge_took_for_one_are_both_told_when_they_name_different_places():
    """One article's two bombings, in two cities, with the same verb, became one event; the day's
    first sentence tells one of them, and the other, its lead story, is still told beside it."""
    told = [("Wire", "2013-05-21", "A car bomb exploded at a crowded vegetable market in Kessa's Old Town district on "
                                   "Tuesday, killing 12 shoppers, police said.\nIn the southern port of Marun, another "
                                   "bomb exploded outside a police station on Tuesday, wounding three officers."),
            ("Post", "2013-05-21", "A car bomb tore through a crowded market in Old Town on Tuesday, killing a dozen "
                                   "shoppers and wounding 30, police and hospital officials said."),
            ("Agency", "2013-05-22", "Police on Wednesday arrested four suspects over the Old Town market bombing.\n"
                                     "In Marun, a roadside bomb exploded near a police patrol on Tuesday, and in Dara "
                                     "gunmen shot dead a cleric on Tuesday.")]
    articles = [Article(text=text, source=outlet, published=published, path=f"b{i}.txt")
                for i, (outlet, published, text) in enumerate(told)]
    tuesday = dt.date(2013, 5, 21)
    (day,) = summarize(build_timeline(articles), dates=1, sentences=2, start=tuesday, end=tuesday)
    assert any("Old Town" in sentence and "Marun" not in sentence for sentence in day.sentences)


def test_two_happenings_told_in_the_same_frame_are_both_picked():
    # (what they share is 'the ... on Monday, the ... said': no happening)
    texts = ["The mayor of Springfield resigned on Monday, the city council said. "
             "The river flooded the old town on Monday, the police said."]
    (day,) = summarize(build_timeline(one_each(texts, "2010-06-02")), dates=1, sentences=5)
    assert len(day.sentences) == 2


def test_start_and_end_restrict_the_days(story_timeline):
    days = summarize(story_timeline, dates=5, sentences=1, start="2021-03-05", end=dt.date(2021, 3, 31))
    assert days and all(dt.date(2021, 3, 5) <= d.date <= dt.date(2021, 3, 31) for d in days)
    assert dt.date(2021, 3, 4) not in {d.date for d in days}
    assert summarize(story_timeline, start="2022-01-01") == []


def test_history_the_articles_recall_gives_way_to_the_storys_own_days():
    recalled = "The fund's head ran the relief after the great fire of June 6, 1998, in the old port. "
    recall = [Article(text=recalled + text, source=outlet, published=published, path=f"h/{i}.txt")
              for i, (outlet, published, text) in enumerate(STORY)]
    timeline = build_timeline(recall)
    assert dt.date(1998, 6, 6) not in [d.date for d in summarize(timeline, dates=3)]
    # (asked for the past, or with nothing else to tell, history is told)
    assert dt.date(1998, 6, 6) in [d.date for d in summarize(timeline, dates=3, start="1990-01-01")]
    assert dt.date(1998, 6, 6) in [d.date for d in summarize(timeline, dates=10)]


def test_the_automatic_number_of_days_follows_the_well_attested_days(story_timeline):
    n = default_dates(story_timeline)
    days = summarize(story_timeline)
    assert len(days) == n
    assert 1 <= n <= 3  # only 4 March is told by two articles or more; a short span asks for 3 at most
    assert summarize(build_timeline([Article(text="Nothing was dated here.", published="2021-01-01")])) == []


def test_history_recalled_by_several_articles_does_not_add_to_the_automatic_number_of_days():
    told = [("2021-03-02", "The Ferrow dam burst on March 1. It was the worst since the great fire of June 6, 1998."),
            ("2021-03-03", "The Ferrow dam burst on March 1, officials said. The great fire of June 6, 1998, was worse."),
            ("2021-03-05", "Rescuers reached the village of Lowtown on March 4."),
            ("2021-03-06", "Rescuers reached Lowtown on March 4, officials said."),
            ("2021-03-09", "The regional assembly voted relief funds on March 8."),
            ("2021-03-10", "The assembly voted the relief funds on March 8.")]
    timeline = build_timeline(told_by_outlets(told, "h"))
    assert default_dates(timeline) == 3  # the story's three days told twice, not the fire of 1998 besides
    assert [d.date.day for d in summarize(timeline)] == [1, 4, 8]


@pytest.mark.parametrize("leaning", [
    "It flooded the lower valley when the Ferrow dam burst on March 4.",
    # (a connective ties it to the sentence before as well)
    "Earlier, the lower valley flooded when the Ferrow dam burst on March 4.",
    "But the lower valley flooded when the Ferrow dam burst on March 4.",
])
def test_a_sentence_that_leans_on_the_one_before_gives_way_to_one_that_stands_alone(leaning):
    told = [("2021-03-05", f"Emergency crews worked through the night. {leaning}"),  # the most central
            ("2021-03-05", "The lower valley flooded when the Ferrow dam burst on March 4, officials said "
                           "after a long night of rain."),
            ("2021-03-06", "Lower valley farms flooded as the Ferrow dam burst on March 4 and roads closed.")]
    day = the_day(told, 1, "l")
    assert not day.sentences[0].startswith(leaning.split()[0])
    assert "Ferrow dam burst on March 4" in day.sentences[0]


def test_a_sentence_whose_date_describes_a_noun_gives_way_to_one_that_tells_the_day():
    told = [("2021-03-20", "The Ferrow mill workers, who walked out over pay on March 4, returned on Friday."),
            # (the most central, but it tells their return)
            ("2021-03-05", "Ferrow mill workers walked out on March 4."),
            ("2021-03-06", "Workers at the Ferrow mill walked out over pay on March 4 and marched to the town hall.")]
    day = the_day(told, 1, "b")
    assert day.date == dt.date(2021, 3, 4)
    assert "returned" not in day.sentences[0]


def test_a_sentence_whose_date_recalls_an_earlier_happening_gives_way_to_one_that_tells_the_day():
    told = [("2021-03-20", "Ferrow mill owners met the union for the first time since workers walked out over pay on "
                           "March 4."),  # (the most central, but it tells the meeting)
            ("2021-03-05", "Workers at the Ferrow mill walked out on March 4."),
            ("2021-03-06", "The Ferrow mill owners and the union blamed each other after workers walked out over pay "
                           "on March 4.")]
    day = the_day(told, 1, "s")
    assert day.date == dt.date(2021, 3, 4)
    assert "since" not in day.sentences[0]


@pytest.mark.parametrize("written, told", [
    # under its date, a sentence does without the words that name that day from the publication
    ("Lidia Marek stepped down as minister yesterday.", "Lidia Marek stepped down as minister."),
    ("On Tuesday, the Ferrow council voted to close the dam.", "The Ferrow council voted to close the dam."),
    ("The Ferrow council voted on Tuesday to close the old dam for good.",
     "The Ferrow council voted on Tuesday to close the old dam for good."),  # (before 'to': kept whole)
    ("The Ferrow council said on Tuesday that it would close the dam.", "The Ferrow council said that it would close the dam."),
    # ...but not what the sentence leans on
    ("Tuesday's vote in the Ferrow council closed the old dam for good.",
     "Tuesday's vote in the Ferrow council closed the old dam for good."),
    ("The Ferrow council met over Christmas to vote on closing the old dam.",
     "The Ferrow council met over Christmas to vote on closing the old dam."),
    ("The funeral of the former Ferrow governor Ivan Petrov was yesterday.",
     "The funeral of the former Ferrow governor Ivan Petrov was yesterday."),  # (what the sentence says)
    ("The strike at the Ferrow plant went on Tuesday as talks failed.",
     "The strike at the Ferrow plant went on Tuesday as talks failed."),  # (went on: continued)
    ("The Ferrow mayor resigned (yesterday) after the scandal.", "The Ferrow mayor resigned (yesterday) after the scandal."),
    ('"I resigned from my post as mayor yesterday," she told the Ferrow council.',
     '"I resigned from my post as mayor yesterday," she told the Ferrow council.'),  # (a quotation as said)
    ("Yesterday, eBay said it would close its Ferrow office.", "Yesterday, eBay said it would close its Ferrow office."),
    # a part of the day goes too, and an opening phrase with no comma before a name or a determiner
    ("Yesterday afternoon Judge Ana Petrov ordered the Ferrow mill closed.",
     "Judge Ana Petrov ordered the Ferrow mill closed."),
    ("Yesterday the Ferrow council voted to close the old dam.", "The Ferrow council voted to close the old dam."),
    ("Police fired tear gas at protesters in Ferrow last night.", "Police fired tear gas at protesters in Ferrow."),
    ("Yesterday was the deadliest day in Ferrow since the floods.",
     "Yesterday was the deadliest day in Ferrow since the floods."),  # (no name nor determiner after it)
    ("Earlier today the Ferrow council voted to close the old dam.", "The Ferrow council voted to close the old dam."),
    # (a subject and its verb after it)
    ("On Tuesday lawmakers passed the Ferrow dam repair bill.", "Lawmakers passed the Ferrow dam repair bill."),
    ("Yesterday delegations returned to the Ferrow talks.", "Delegations returned to the Ferrow talks."),
    ("Tuesday marked a year since the Ferrow floods.", "Tuesday marked a year since the Ferrow floods."),
    ("The Ferrow police chief was shot with a .22 rifle yesterday.", "The Ferrow police chief was shot with a .22 rifle."),
    # (Markdown's bold is no bullet to cut)
    ("**Yesterday** the Ferrow council voted to close the dam.", "**Yesterday** the Ferrow council voted to close the dam."),
    # (a participle's own, whether set off by commas or before the sentence's verb; after a word that
    # opens a clause or joins)
    ("The Ferrow coalition, signed on Monday, has a majority of five seats.",
     "The Ferrow coalition, signed on Monday, has a majority of five seats."),
    ("The Ferrow poll published yesterday puts the mayor on 31 percent.",
     "The Ferrow poll published yesterday puts the mayor on 31 percent."),
    ("The Ferrow mayor looked well as recently as Saturday night, aides said.",
     "The Ferrow mayor looked well as recently as Saturday night, aides said."),
    ("The Ferrow council learned only on Thursday night what had caused the flood.",
     "The Ferrow council learned only on Thursday night what had caused the flood."),  # (singled out)
    ("The Ferrow commission expects to announce the result on Saturday or Sunday.",
     "The Ferrow commission expects to announce the result on Saturday or Sunday."),
    ("The Ferrow mayor resigned yesterday after a row over the dam.",
     "The Ferrow mayor resigned after a row over the dam."),
    ("The Ferrow mayor resigned yesterday citing ill health.", "The Ferrow mayor resigned citing ill health."),
    # (a weekday amid prose, as the agencies write it; not a name going on)
    ("Police in Ferrow fired tear gas at protesters Tuesday as thousands marched.",
     "Police in Ferrow fired tear gas at protesters as thousands marched."),
    ("The Ferrow mayor told the Today Forum that she would resign.",
     "The Ferrow mayor told the Today Forum that she would resign."),
    ("The Ferrow council said Saturday about 200 homes in the valley were flooded.",
     "The Ferrow council said Saturday about 200 homes in the valley were flooded."),  # (said about: another sense)
    # (the object of its verb, or what an -ing form ending the sentence tells)
    ("Rescuers in Ferrow spent Wednesday searching the flooded valley for survivors.",
     "Rescuers in Ferrow spent Wednesday searching the flooded valley for survivors."),
    ("Ferrow mill workers voted for a strike beginning on Monday.",
     "Ferrow mill workers voted for a strike beginning on Monday."),
    # (after a name set off by commas, before its verb: the commas stay, they close the aside)
    ("The head of the Ferrow council, Ana Petrov, yesterday ordered the old dam closed.",
     "The head of the Ferrow council, Ana Petrov, ordered the old dam closed."),
    ("The Ferrow mill's owner, Ivan Petrov, on Tuesday closed the mill for good.",
     "The Ferrow mill's owner, Ivan Petrov, closed the mill for good."),
    ("In Ferrow, yesterday marked a year since the floods.", "In Ferrow, yesterday marked a year since the floods."),
    ("At the meeting, the Ferrow council's head, Ana Petrov, yesterday ordered the dam closed.",
     "At the meeting, the Ferrow council's head, Ana Petrov, ordered the dam closed."),
    ("For Shell, BP and Exxon, yesterday marked a turning point in Ferrow.",
     "For Shell, BP and Exxon, yesterday marked a turning point in Ferrow."),  # (a list: the day is the subject)
    # (nor where it would leave the sentence naming another day: 'said on Thursday ... were found')
    ("The Ferrow council said on Thursday the first cracks in the dam were found on Wednesday evening.",
     "The Ferrow council said on Thursday the first cracks in the dam were found on Wednesday evening."),
])
def test_a_sentence_told_under_its_day_does_without_the_words_naming_it(written, told):
    timeline = build_timeline([Article(text=written, published="2021-03-10", source="Valley Post", path="a.txt")])
    assert [d.sentences for d in summarize(timeline, dates=1, sentences=1)] == [[told]]


def test_a_chronologys_entry_is_told_without_its_bullet_and_date():
    timeline = build_timeline([Article(text="Key dates:\n\u2022 4 March \u2013 The Ferrow dam bursts after days of rain.",
                                       published="2021-03-20", source="Valley Post", path="k.txt")])
    (day,) = summarize(timeline, dates=1, sentences=1)
    assert day.sentences == ["The Ferrow dam bursts after days of rain."]
    numbered = build_timeline([Article(text="Key dates:\n1) 4 March \u2013 The Ferrow dam bursts after days of rain.",
                                       published="2021-03-20", source="Valley Post", path="n.txt")])
    assert [d.sentences for d in summarize(numbered, dates=1, sentences=1)] == [["The Ferrow dam bursts after days of rain."]]
    tabbed = build_timeline([Article(text="4 March 2021\tThe Ferrow dam bursts after days of rain.",
                                     published="2021-03-20", source="Valley Post", path="t.txt")])
    assert [d.sentences for d in summarize(tabbed, dates=1, sentences=1)] == [["The Ferrow dam bursts after days of rain."]]
    quoted = build_timeline([Article(text="Key dates:\nMarch 4: 'Day of rage' in Ferrow; 14 killed",
                                     published="2021-03-20", source="Valley Post", path="q.txt")])
    assert [d.sentences for d in summarize(quoted, dates=1, sentences=1)] == [["'Day of rage' in Ferrow; 14 killed"]]


def test_two_entries_of_a_chronology_in_the_same_words_are_each_told_under_their_day():
    text = ("Key dates:\n4 March - Protesters march on the Ferrow town hall\n"
            "11 March - Protesters march on the Ferrow town hall\n18 March - The mayor of Ferrow resigns")
    timeline = build_timeline([Article(text=text, published="2021-03-20", source="Valley Post", path="k.txt")])
    days = summarize(timeline, dates=3, sentences=1)
    assert [(d.date.day, d.sentences) for d in days] == [
        (4, ["Protesters march on the Ferrow town hall"]), (11, ["Protesters march on the Ferrow town hall"]),
        (18, ["The mayor of Ferrow resigns"])]


def test_the_same_words_of_other_articles_about_another_day_are_told_under_that_day():
    """Weekly reports in the same words: the sentence told under the first Friday was held back
    under the others, which then had nothing to tell and were left out."""
    marched = "Thousands of protesters marched through the centre of Ferrow on Friday, demanding new elections."
    timeline = build_timeline([Article(text=marched, published=day, source=outlet, path=f"{outlet}-{day}.txt")
                               for day in ("2023-03-04", "2023-03-11", "2023-03-18")
                               for outlet in ("Valley Post", "River Daily")])
    days = summarize(timeline, dates=5, sentences=1)
    told = marched.replace(" on Friday", "")  # (under its day, without the word that names it)
    assert [(d.date.day, d.sentences) for d in days] == [(3, [told]), (10, [told]), (17, [told])]


def test_a_day_only_ever_looked_forward_to_gives_way_to_one_that_was_told():
    """Three articles name the day a mandate expires; none is written on or after it, though the
    coverage goes on past it: the day two articles tell of ranks above it."""
    plan = "The UN mandate for the mission expires on December 31, diplomats said."
    articles = [Article(text=plan, published=f"2023-12-0{d}", source=f"Outlet{d}", path=f"p{d}.txt") for d in (1, 2, 3)]
    articles += [Article(text="Troops pulled out of the northern city of Ferrow on Monday, officials said.",
                         published="2024-01-09", source=f"Outlet{d}", path=f"t{d}.txt") for d in (1, 2)]
    (day,) = summarize(build_timeline(articles), dates=1, sentences=1)
    assert day.date == dt.date(2024, 1, 8)


def test_a_day_looked_forward_to_and_then_told_as_last_weeks_keeps_its_weight():
    plan = "The referendum on the new constitution will be held on Sunday, March 5, officials said."
    articles = [Article(text=plan, published=f"2023-03-0{d}", source=f"Outlet{d}", path=f"p{d}.txt") for d in (1, 2, 3)]
    articles += [Article(text="Turnout in last week's referendum on the new constitution was low, officials said.",
                         published="2023-03-08", source=f"Outlet{d}", path=f"w{d}.txt") for d in (1, 2)]
    articles += [Article(text="Troops pulled out of the northern city of Ferrow on Monday, officials said.",
                         published="2023-03-08", source="Outlet1", path="t1.txt")]
    (day,) = summarize(build_timeline(articles), dates=1, sentences=1)
    assert day.date == dt.date(2023, 3, 5)  # (three anticipations at half weight, against one report)


def test_a_run_on_page_text_is_never_told_as_a_sentence():
    run_on = " ".join(["residents of the northern district complained to the council"] * 30) + " and the mayor resigned on Monday."
    timeline = build_timeline([Article(text=run_on, published="2023-04-04", source="A", path="a.txt"),
                               Article(text="The council met in emergency session on Tuesday, officials said.",
                                       published="2023-04-05", source="B", path="b.txt")])
    days = summarize(timeline, dates=2, sentences=1)
    assert [(d.date.isoformat(), d.sentences) for d in days] == [
        ("2023-04-04", ["The council met in emergency session, officials said."])]


def test_boilerplate_told_day_after_day_gives_way_to_each_days_own_news():
    advice = "Last night the Foreign Office advised Britons to avoid all travel to Essland."
    news = {"2023-03-04": "Rebels shelled the port of Ferrow on Friday, killing at least 12 people.",
            "2023-03-11": "Government troops retook the airport at Ferrow on Friday after heavy fighting.",
            "2023-03-18": "The rebel leader fled the capital of Essland on Friday, officials said."}
    timeline = build_timeline([Article(text=f"{text} {advice}", published=day, source="Valley Post",
                                       path=f"{day}.txt") for day, text in news.items()])
    days = summarize(timeline, dates=3, sentences=1)
    assert [d.sentences for d in days] == [[text.replace(" on Friday", "")] for text in news.values()]


def test_a_status_line_told_day_after_day_with_new_figures_gives_way_to_each_days_own_news():
    news = {"2023-03-14": ("Workers began pumping seawater into the damaged reactor today, the operator said.", "1.3"),
            "2023-03-15": ("The operator started releasing 11,500 tons of contaminated water into the sea today.", "2.8"),
            "2023-03-16": ("Engineers plugged a crack in a pit leaking radioactive water into the sea today.", "3.9")}
    articles = [Article(text=f"{text} Radiation at the plant's main gate stood at {reading} millisieverts an hour "
                             f"at 9 a.m. today, officials said.", published=day, source=outlet, path=f"{outlet}{day}.txt")
                for day, (text, reading) in news.items() for outlet in ("Valley Post", "Coast Times")]
    days = summarize(build_timeline(articles), dates=3, sentences=1)
    assert [d.sentences for d in days] == [[text.replace(" today", "")] for text, _ in news.values()]


def test_a_sentence_far_off_the_story_is_not_told_beside_the_days_news():
    # the day's talks and a wire's sports result of the same day: two candidates
    told = [("2025-02-16", "Nina Varga opened talks with the opposition parties in Kastell on Sunday, offering reforms."),
            ("2025-02-16", "Lukas Novak won the Rotterdam Open on Sunday, beating the top seed in the final."),
            ("2025-02-10", "The opposition parties in Kastell called for talks with Nina Varga on Monday."),
            ("2025-02-12", "Nina Varga met the opposition parties' leaders in Kastell on Wednesday."),
            ("2025-02-14", "The opposition parties in Kastell agreed on Friday to talks with Nina Varga."),
            ("2025-02-18", "Talks between Nina Varga and the opposition parties in Kastell stalled on Tuesday.")]
    timeline = build_timeline(told_by_outlets(told))
    (day,) = [d for d in summarize(timeline, dates=5, sentences=2) if d.date == dt.date(2025, 2, 16)]
    assert day.sentences and not any("Rotterdam" in sentence for sentence in day.sentences)


def test_a_chronologys_entry_is_told_once_under_its_own_date():
    """An entry that also names an earlier day was told under that day with its date, and again
    under its own without it."""
    text = ("Key events:\n\u2022 10 January \u2013 The government declared a state of emergency after riots on "
            "9 January in the capital.\n\u2022 12 January \u2013 A powerful earthquake struck the capital, two days "
            "after the emergency of 10 January was declared.")
    timeline = build_timeline([Article(text=text, published="2010-02-01", source="Valley Post", path="k.txt")])
    days = summarize(timeline, dates=3, sentences=2)
    assert [(d.date.day, d.sentences) for d in days] == [
        (10, ["The government declared a state of emergency after riots on 9 January in the capital."]),
        (12, ["A powerful earthquake struck the capital, two days after the emergency of 10 January was declared."])]


def test_a_live_pages_entry_is_told_without_its_clock_stamp():
    text = "Live updates:\n10:40 AWST: The Ferrow dam burst on Thursday after days of heavy rain."
    timeline = build_timeline([Article(text=text, published="2021-03-05", source="Valley Post", path="l.txt")])
    (day,) = summarize(timeline, dates=1, sentences=1)
    assert (day.date, day.sentences) == (dt.date(2021, 3, 4), ["The Ferrow dam burst on Thursday after days of heavy rain."])
    bulleted = build_timeline([Article(text=text.replace("\n10:40", "\n\u2022 10:40"), published="2021-03-05",
                                       source="Valley Post", path="b.txt")])
    assert [d.sentences for d in summarize(bulleted, dates=1, sentences=1)] == [day.sentences]


@pytest.mark.parametrize("stamp, entry", [
    ("UPDATE 10:40 a.m. ET: ", "Rescuers pulled two more families from the Ferrow valley."),
    ("Update 3, 10:40 GMT: ", "Rescuers pulled two more families from the Ferrow valley."),
    ("ORIGINAL POST 2021-03-05 10:40 UTC: ", "Rescuers pulled two more families from the Ferrow valley."),
    # (an entry opening with a number or in lower case: its stamp had stayed in the summary)
    ("10:40 a.m. ET: ", "300 families were pulled from the Ferrow valley by rescuers."),
    ("10:40 a.m. ET: ", "eBay closed its Ferrow valley depot after the flood."),
    # (a stamp with no mark after it, before a capital)
    ("10:40 ", "Rescuers pulled two more families from the Ferrow valley."),
    ("10:40 GMT ", "Rescuers pulled two more families from the Ferrow valley."),
])
def test_a_live_pages_entry_is_told_without_its_stamp_and_the_word_before_it(stamp, entry):
    text = f"Live updates:\n{stamp}{entry}"
    timeline = build_timeline([Article(text=text, published="2021-03-05T18:00Z", source="Valley Post", path="u.txt")])
    (day,) = summarize(timeline, dates=1, sentences=1)
    assert (day.date, day.sentences) == (dt.date(2021, 3, 5), [entry])


@pytest.mark.parametrize("stamp", ["6.05pm: Summary: ", "10:40 GMT: Update: ", "10:40 a.m. ET: LATEST: "])
def test_a_live_pages_entry_is_told_without_the_word_after_its_stamp(stamp):
    entry = "Rescuers pulled two more families from the Ferrow valley."
    text = f"Live updates:\n{stamp}{entry}"
    timeline = build_timeline([Article(text=text, published="2021-03-05T18:00Z", source="Valley Post", path="u.txt")])
    (day,) = summarize(timeline, dates=1, sentences=1)
    assert day.sentences == [entry]


@pytest.mark.parametrize("heading, told", [
    ("Summary: ", "Rescuers pulled two more families from the Ferrow valley."),
    ("UPDATE: ", "Rescuers pulled two more families from the Ferrow valley."),
    # (not a name written in lower case)
    ("Update: ", "eBay pulled two more families from the Ferrow valley."),
    ("6.05pm: Update: ", "eBay pulled two more families from the Ferrow valley on Friday."),
])
def test_a_live_pages_word_opening_a_sentence_is_dropped_and_what_follows_capitalised(heading, told):
    first = told.split()[0]
    text = f"Live updates:\n{heading}{first[0].lower() + first[1:]} {told.split(' ', 1)[1]}"
    if "Friday" not in text:
        text = text.replace("valley.", "valley on Friday.")
    timeline = build_timeline([Article(text=text, published="2021-03-05T18:00Z", source="Valley Post", path="u.txt")])
    (day,) = summarize(timeline, dates=1, sentences=1)
    assert day.sentences == [told]


def test_a_day_told_from_the_publication_counts_as_much_as_one_written_out():
    """A day's own reports tell it from the publication ('5:20 a.m.' on the 5th, '4 p.m.' on the
    4th, as 'Thursday' would), a recap writes it out: each counts in full."""
    told = [("2021-03-05", "Live updates:\n5:20 a.m. ET: Rescuers reached the Ferrow valley."),
            ("2021-03-04", "The Ferrow dam burst at 4 p.m. and flooded the valley."),
            ("2021-03-09", "The inquiry into the dam opened on 2021-03-09 in the capital.")]
    references = day_references(build_timeline(told_by_outlets(told)).events)
    assert {day.day: max(weights.values()) for day, weights in references.items()} == {5: 1.0, 4: 1.0, 9: 1.0}


def test_a_day_only_off_story_reports_refer_to_counts_less_than_the_storys_own():
    """In a story's coverage, three match reports reprinted in a roundup name their day; two
    reports of the story name another: the story's day is the one chosen."""
    places = ["Ferrow", "Marlow", "Kessel", "Dunmere", "Hallam"]
    told = [(f"2021-03-{10 + n % 9:02d}", f"Rescuers searched the flooded {places[n % 5]} valley below the Ferrow dam "
             f"as the flood waters rose again, officials said.") for n in range(20)]
    told += [("2021-03-12", "The inquiry into the Ferrow dam flood heard on March 9 that the dam keepers had warned "
              "of the flood waters.")] * 2
    told += [("2021-03-12", "Athletic beat Rovers 3-1 in the cup on March 6 with two late goals from Pereira.")] * 3
    (day,) = summarize(build_timeline(told_by_outlets(told)), dates=1, sentences=1)
    assert day.date == dt.date(2021, 3, 9)


def test_a_day_that_only_bounds_what_was_told_is_no_reference_to_it():
    """'The approach was made before Christmas' tells no happening of Christmas day, nor 'stayed
    until Friday' one of Friday; 'after Monday's vote' names the vote's day, and 'on Monday' is one."""
    told = [("2021-01-08", "The approach was made in a letter to the chairman before Christmas."),
            ("2021-01-08", "Troops stayed in the valley until Friday, officials said."),
            ("2021-01-08", "Shares fell after Monday's vote on the merger."),
            ("2021-01-08", "The board met on Tuesday in the capital.")]
    references = day_references(build_timeline(told_by_outlets(told)).events)
    assert sorted(day.isoformat() for day in references) == ["2021-01-04", "2021-01-05"]


def test_a_sentence_of_two_days_is_told_under_the_day_of_what_it_tells_first():
    """'The gang posted the files on Tuesday, five days after its deadline expired' tells the
    posting: it stands under Tuesday, not under the deadline's day (told by its own report)."""
    told = [("2021-03-09", "The gang posted the stolen files on its leak site on Tuesday, five days after its deadline expired."),
            ("2021-03-02", "The gang set a deadline of March 4 for the ransom to be paid.")]
    days = summarize(build_timeline(told_by_outlets(told)), dates=2, sentences=1)
    assert [(d.date.day, d.sentences[0].split()[1]) for d in days] == [(4, "gang"), (9, "gang")]
    assert days[1].sentences[0].startswith("The gang posted")


def test_a_report_of_a_happening_stands_under_the_happenings_day_not_the_sayings():
    told = [("2021-03-09", "Police said on Tuesday that the man who set fire to the Ferrow town hall was arrested on Sunday."),
            ("2021-03-10", "The Ferrow council met on Tuesday to count the cost of the fire at the town hall.")]
    days = summarize(build_timeline(told_by_outlets(told)), dates=2, sentences=1)
    assert [(d.date.day, d.sentences[0].split()[1]) for d in days] == [(7, "said"), (9, "Ferrow")]


def test_a_happening_told_in_a_clause_describing_a_noun_gives_the_sentence_to_the_main_clauses_day():
    told = [("2021-03-10", "The man, who was arrested on Sunday, was charged with arson on Tuesday."),
            ("2021-03-08", "Police arrested a man near the Ferrow town hall on Sunday.")]
    days = summarize(build_timeline(told_by_outlets(told)), dates=2, sentences=1)
    assert [(d.date.day, d.sentences[0].split()[0]) for d in days] == [(7, "Police"), (9, "The")]


def test_days_after_the_last_article_are_still_to_come_unless_the_end_is_given():
    told = [(f"2021-03-0{n}", f"Outlet {n}", "The Ferrow dam burst on March 4, flooding the valley. "
             "The regional assembly will open an inquiry into the collapse on April 20.") for n in (5, 6, 7)]
    told.append(("2021-03-07", "Outlet 8", "The mayor of Ferrow resigned on March 6 over the collapse."))
    timeline = build_timeline([Article(text=text, source=outlet, published=published, path=f"{outlet}.txt")
                               for published, outlet, text in told])
    assert [d.date for d in summarize(timeline, dates=2)] == [dt.date(2021, 3, 4), dt.date(2021, 3, 6)]
    assert [d.date for d in summarize(timeline, dates=2, end="2021-05-01")] == [dt.date(2021, 3, 4), dt.date(2021, 4, 20)]


def test_a_short_plain_report_of_the_day_is_a_candidate():
    told = [("2021-03-06", "The Ferrow mayor resigned on Saturday."),
            ("2021-03-07", "Crowds gathered outside the Ferrow town hall on Saturday, where a band played late "
                           "into the night.")]
    day = the_day(told, 2, "s")
    assert "The Ferrow mayor resigned." in day.sentences  # (under its day, without 'on Saturday')


def test_two_sentences_alike_to_their_day_are_told_in_the_same_order_whatever_the_order_read():
    told = [("2023-06-26", "The court in Harlow issued arrest warrants on Monday for Omar Vessel and his son Karim."),
            ("2023-06-27", "Crowds gathered last night to celebrate the arrest warrants issued by the court in "
                           "Harlow on Monday against Omar Vessel.")]
    articles = told_by_outlets(told, "w")
    picks = {tuple(summarize(build_timeline(order), dates=1, sentences=1)[0].sentences)
             for order in (articles, articles[::-1])}
    assert len(picks) == 1


def test_a_non_answer_tells_no_day():
    told = [("2021-03-06", "The Ferrow mayor resigned on Saturday after weeks of protests over the dam."),
            ("2021-03-07", "A spokesman declined to comment on Saturday."),
            ("2021-03-07", "A spokesman for the mayor could not be reached on Saturday.")]
    day = the_day(told, 2, "n")
    assert day.sentences == ["The Ferrow mayor resigned after weeks of protests over the dam."]


def test_a_minus_sign_opening_a_sentence_is_no_bullet():
    timeline = build_timeline([Article(text="-40 degrees froze the Ferrow dam on March 4, when the storm hit.",
                                       published="2021-03-20", source="Valley Post", path="m.txt")])
    (day,) = summarize(timeline, dates=1, sentences=1)
    assert day.sentences == ["-40 degrees froze the Ferrow dam on March 4, when the storm hit."]


def test_what_was_said_gives_way_to_what_happened():
    told = [("2021-03-05", '"The Ferrow dam burst on March 4 and the lower valley flooded," the mayor said.'),
            ("2021-03-05", "The Ferrow dam burst on March 4 and flooded farms in the lower valley."),
            ("2021-03-06", "Rescuers reached the lower valley after the Ferrow dam burst on March 4.")]
    day = the_day(told, 1, "q")
    assert not day.sentences[0].startswith('"')


@pytest.mark.parametrize("quote", ['," ', ', " ', "\u201d, "])
def test_what_was_said_from_inside_a_quotation_gives_way_to_what_happened(quote):
    """A sentence cut out of a quotation whose opening mark stood in the paragraph before shows only
    the mark that closes it: still what was said."""
    told = [("2021-03-05", f"The dam burst on March 4 and the lower Ferrow valley flooded{quote}the mayor said."),
            ("2021-03-05", "The Ferrow dam burst on March 4 and flooded farms in the lower valley."),
            ("2021-03-06", "Rescuers reached the lower valley after the Ferrow dam burst on March 4.")]
    day = the_day(told, 1, "q")
    assert "mayor" not in day.sentences[0]


@pytest.mark.parametrize("sentence, quoted", [
    ('all of that, " Hayward told Reuters in an interview on Friday.', True),
    ("It was over\u201d, the minister told reporters at the port.", True),
    # (a quotation whose both marks are alike, as some copy writes it, is closed within the sentence)
    ("The minister called it \u201dunacceptable\u201d and resigned on Monday.", False),
    ("The talks were \u201dconstructive,\u201d the Green leader said on Monday.", False),
])
def test_a_sentence_opening_inside_a_quotation_is_told_apart_from_one_quoting_within(sentence, quoted):
    from timeline.summary import _mostly_quoted

    assert _mostly_quoted(sentence) is quoted


def test_bad_counts_and_dates_are_refused(story_timeline):
    with pytest.raises(ValueError):
        summarize(story_timeline, dates=-1)
    with pytest.raises(ValueError, match="invalid date"):
        summarize(story_timeline, start="March 4")


def test_terminal_text_has_no_control_characters_or_escape_sequences():
    hostile = "Dam\x1b[2J burst\x07 \u202eevil\u202c\r\nnext\tline"
    clean = terminal_text(hostile)
    assert clean == "Dam [2J burst evil next line"
    assert all(ch.isprintable() for ch in clean)


def test_plain_output_wraps_sentences_and_names_outlets(story_timeline):
    days = summarize(story_timeline, dates=1, sentences=1)
    text = format_summary(days, width=40)
    lines = text.splitlines()
    assert lines[0] == "2021-03-04"
    assert all(len(line) <= 40 for line in lines)
    assert "Valley Post" in text and "(5 articles)" in text
    assert format_summary([]) == "(no dated events to summarise)"


# --- the command ---------------------------------------------------------------------------------


def run(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr
    return result


@pytest.fixture
def story_file(tmp_path):
    path = tmp_path / "story.jsonl"
    records = [{"text": text, "source": outlet, "published": published, "title": f"{outlet} {published}"}
               for outlet, published, text in STORY]
    records[1]["source"] = "River\x1b[31m Daily\u202e"  # a hostile outlet name
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_summary_json_lists_days_with_sentences_and_sources(story_file):
    result = run("summary", story_file, "--dates", 2, "--sentences", 1, "--json", "--workers", 1, "--quiet")
    assert result.exit_code == 0, result.stderr
    days = json.loads(result.stdout)
    assert 1 <= len(days) <= 2
    assert set(days[0]) == {"date", "sentences", "sources"}
    assert "2021-03-04" in [d["date"] for d in days]
    first = next(d for d in days if d["date"] == "2021-03-04")
    assert len(first["sentences"]) == 1
    assert {s["sentence"] for s in first["sources"]} == {0}


def test_summary_plain_output_is_safe_for_a_terminal(story_file):
    result = run("summary", story_file, "--dates", 1, "--workers", 1)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("2021-03-04\n")
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "River Daily" in result.stdout and "[31m" not in result.stdout  # (the colour's sequence blanked whole)
    assert "5 articles read" in result.stderr


def test_summary_from_and_to(story_file):
    result = run("summary", story_file, "--from", "2021-03-05", "--to", "2021-03-31", "--json", "-q")
    assert result.exit_code == 0, result.stderr
    assert all("2021-03-05" <= d["date"] <= "2021-03-31" for d in json.loads(result.stdout))


def test_a_summary_of_days_with_no_event_says_where_the_events_are(story_file):
    # (a '--from 2030-01-01' typed for 2020 had printed only that there was nothing to summarise)
    result = run("summary", story_file, "--from", "2030-01-01", "--workers", 1)
    assert result.exit_code == 0 and "no dated events" in result.stdout
    (hint,) = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert hint.startswith("warning: no event dated to a day from 2030-01-01; they run from 20")


@pytest.mark.parametrize("args, message", [
    (["--from", "2021-02-30"], "error: --from: invalid date '2021-02-30' (use YYYY-MM-DD, or YYYY-MM or YYYY)"),
    # (not the other forms Python reads as a date: the help says YYYY-MM-DD)
    (["--to", "20210310"], "error: --to: invalid date '20210310' (use YYYY-MM-DD, or YYYY-MM or YYYY)"),
    (["--from", "2021-W10"], "error: --from: invalid date '2021-W10' (use YYYY-MM-DD, or YYYY-MM or YYYY)"),
    (["--from", "2021-03-10", "--to", "2021-03-01"], "error: --from 2021-03-10 is after --to 2021-03-01"),
])
def test_summary_bad_dates_are_one_line_errors(story_file, args, message):
    result = run("summary", story_file, *args)
    assert result.exit_code == 2
    assert result.stderr.strip() == message


def test_a_month_or_a_year_bounds_the_summary_at_its_first_and_last_days(story_file):
    # ('--from 2017-09' had been refused: only a whole day was read)
    def summary(*bounds):
        return run("summary", story_file, "--json", "--workers", 1, "--quiet", *bounds).stdout

    assert summary("--from", "2021-03", "--to", "2021-03") == summary("--from", "2021-03-01", "--to", "2021-03-31")
    assert summary("--from", "2021", "--to", "2021") == summary("--from", "2021-01-01", "--to", "2021-12-31")
    assert json.loads(summary("--to", "2021-02")) == []


def test_summary_of_a_missing_file_is_a_one_line_error(tmp_path):
    result = run("summary", tmp_path / "nothing.txt", "--quiet")
    assert result.exit_code == 1
    assert result.stdout == ""  # (no article read: the error alone says it)
    assert "nothing.txt: no such file or folder" in result.stderr


def test_summary_of_articles_without_a_dated_event_says_so(tmp_path):
    (tmp_path / "a.txt").write_text("---\npublished: 2021-03-10\n---\nThe council met and argued.\n")
    result = run("summary", tmp_path / "a.txt", "--quiet")
    assert result.exit_code == 0
    assert result.stdout.strip() == "(no dated events to summarise)"


def test_a_day_without_dated_reports_is_told_by_the_articles_published_that_day():
    from timeline.summary import day_summaries

    items = [
        Article(text="The harbour workers walked out after the talks with the port authority collapsed.",
                source="Port News", published="2021-05-02", path="a.txt"),
        Article(text="The ferry company cancelled its crossings until the strike ends next month.",
                source="Coast Herald", published="2021-05-02", path="b.txt"),
        Article(text="Unrelated: the museum reopened its west wing to visitors after repairs.",
                source="Port News", published="2021-05-09", path="c.txt"),
    ]
    (day,) = day_summaries(build_timeline(items), [dt.date(2021, 5, 2)], sentences=3)
    assert day.date == dt.date(2021, 5, 2)
    assert sorted(day.sentences) == sorted(item.text for item in items[:2])  # not the museum
    assert {s.path for s in day.sources} == {"a.txt", "b.txt"}


def test_a_reprinted_aside_off_the_story_is_not_a_days_summary():
    """A wire roundup reprinted by three outlets carries a football result dated the same day as
    the flood: backed by three articles, it would be the day's second sentence, the flood's own
    reports all repeating the first; its words are not the story's, so it is left out."""
    flood = ["The Ferrow dam burst on Saturday, 6 March, flooding the valley.",
             "The Ferrow dam burst on Saturday, 6 March, and flooded the valley.",
             "The Ferrow dam burst on 6 March, flooding the valley villages."]
    later = ["Families from the flooded Ferrow valley returned home after the dam burst.",
             "Engineers inspected the Ferrow dam and the flooded valley.",
             "The valley counted the cost of the Ferrow dam flood."]
    aside = "Rovers beat United 3-1 in the cup final on Saturday, 6 March."
    items = [Article(text=f"{flood[i % 3]} {later[i % 3]}", source=f"Outlet {i}", published="2021-03-08",
                     path=f"flood/{i}.txt") for i in range(12)]
    items += [Article(text=f"{flood[i % 3]} {aside}", source=f"Wire client {i}", published="2021-03-07",
                      path=f"roundup/{i}.txt") for i in range(3)]
    (day,) = summarize(build_timeline(items), dates=1, sentences=2)
    assert day.date == dt.date(2021, 3, 6)
    assert day.sentences and all("dam" in s for s in day.sentences)
    assert not any(s.path.startswith("roundup/") and "Rovers" in day.sentences[s.sentence] for s in day.sources)


def test_an_event_told_in_many_sentences_keeps_one_list_of_its_reports():
    # (each of N sentences of one event held all N reports: N*N in memory)
    from timeline.summary import _candidates
    texts = [f"The Arlen bridge collapsed on Thursday, witness number {n} told the inquiry." for n in range(120)]
    timeline = build_timeline([Article(text=t, source=f"Outlet{n % 7}", published="2021-03-05", path=f"b/{n}.txt")
                               for n, t in enumerate(texts)])
    (pool,) = _candidates(timeline, [dt.date(2021, 3, 4)]).values()
    assert len(pool) == 120
    assert len({id(b) for c in pool for b in c.backings}) == 1  # shared, not copied
    days = summarize(timeline, dates=1, sentences=500)
    assert days and {s.path for s in days[0].sources} == {f"b/{n}.txt" for n in range(120)}


def test_an_undated_event_reprinted_on_a_chosen_day_is_read_once_for_that_day():
    # (each reprint's report had added all the reports again: copies squared, in time and memory)
    from timeline.summary import _candidates
    text = ("Rebels seized the town of Kamdesh on Tuesday. Aid agencies said thousands of civilians had "
            "fled the fighting in the hills.")
    timeline = build_timeline([Article(text=text, source=f"Outlet{n % 7}", published="2021-03-03", path=f"w/{n}.txt")
                               for n in range(60)])
    (pool,) = _candidates(timeline, [dt.date(2021, 3, 3)]).values()
    assert pool and all(len(c.backings) == 1 for c in pool)
    assert {s.path for c in pool for s in c.sources.values()} == {f"w/{n}.txt" for n in range(60)}


def test_a_day_whose_longer_sentences_are_told_under_other_days_keeps_its_short_one():
    told = [("2021-03-10", "Police said on Tuesday that the man who set fire to the Ferrow town hall was arrested "
                           "on Sunday. The mayor quit Tuesday."),
            ("2021-03-08", "Police arrested a man near the Ferrow town hall on Sunday.")]
    days = summarize(build_timeline(told_by_outlets(told, "q")), dates=2, sentences=2)
    assert [d.date.day for d in days] == [7, 9]
    assert days[1].sentences == ["The mayor quit."]


def test_a_recap_told_in_many_wordings_still_gives_way_to_the_days_own_report():
    """Later articles recall the day again and again, each in its own words ('on Aug. 22', 'last
    month', 'in August'): so many near copies pull the day's centre to them, yet the day's own
    reports, by more outlets, tell what happened."""
    reports = ["A camera lowered through the shaft on Sunday showed the first images of the trapped cavers, "
               "muddy and thin, waving at the lens.",
               "On Sunday divers sent a camera down the shaft, and the cavers, huddled on a ledge above the "
               "water, greeted it with shouts."]
    recaps = [("2021-09-17", "The first video of the cavers came up on Aug. 22."),
              ("2021-09-07", "The first video of the cavers came up last month."),
              ("2021-09-22", "Earlier, the first video of the cavers came up on 22/08/2021."),
              ("2021-10-13", "The first video of the cavers came up on Aug 22."),
              ("2021-10-15", "Earlier, the first video of the cavers came up on Aug. 22."),
              ("2021-10-30", "The first video of the cavers came up in August.")]
    day = the_day([("2021-08-22", text) for text in reports for _ in range(2)] + recaps, 1, "v")
    assert day.date == dt.date(2021, 8, 22)
    assert "shaft" in day.sentences[0], day.sentences


def test_the_days_own_report_gives_way_to_no_later_recap():
    """Weeks later, articles recall the day in a short line that is the most central; the day's
    own reports tell what happened."""
    told = [("2021-03-04", "The Ferrow dam burst on Thursday after a week of rain, flooding farms across the "
                           "lower valley."),
            ("2021-03-05", "Hundreds of families fled as the Ferrow dam burst on March 4 and water reached the town."),
            ("2021-04-20", "The Ferrow dam burst on March 4."),
            ("2021-05-02", "The Ferrow dam burst on March 4, 2021, in the valley."),
            ("2021-06-11", "The Ferrow dam burst on 4 March.")]
    day = the_day(told, 1, "r")
    assert day.date == dt.date(2021, 3, 4)
    assert "fled" in day.sentences[0] or "flooding" in day.sentences[0]


def test_a_gallerys_caption_is_told_without_its_credit_and_day():
    text = ("Pictures of the week.\nAP March 4: The Ferrow dam bursts after days of rain.\n"
            "Reuters March 5: Rescuers search the flooded Ferrow valley for survivors.")
    timeline = build_timeline([Article(text=text, published="2021-03-20", source="Valley Post", path="g.txt")])
    assert [(d.date.day, d.sentences) for d in summarize(timeline, dates=2, sentences=1)] == [
        (4, ["The Ferrow dam bursts after days of rain."]), (5, ["Rescuers search the flooded Ferrow valley for survivors."])]


def test_an_entry_merged_in_without_its_own_date_is_still_told_without_it():
    """A chronology's entry whose report came into the day's event without its date (another
    article's report dated the happening) had been told with its date: 'June 17: BP's chief ...'."""
    report = "The dam burst March 4."  # (too short a sentence to tell the day)
    timeline = build_timeline([Article(text=report, published="2021-03-06", source="Valley Post", path="p.txt")])
    (event,) = [e for e in timeline.events if e.date is not None]
    entry = "4 March: The Ferrow dam bursts after days of rain."
    merged_in = [event.sources[0].model_copy(update={"time_expression": None, "trigger": None, "path": f"k{n}.txt",
                                                      "sentence": entry, "sentence_start": 11}) for n in range(4)]
    merged = timeline.model_copy(update={"events": [event.model_copy(update={"sources": [*merged_in, *event.sources]})]})
    (day,) = summarize(merged, dates=1, sentences=1)
    assert day.sentences == ["The Ferrow dam bursts after days of rain."]


@pytest.mark.parametrize("text", [
    "Key dates:\nJune 2 - 10: The Ferrow festival runs all week in the town.",  # (a range of days, its end a number)
    "Key dates:\nMay 4: that is the date the Ferrow rig was leased to the firm.",  # (the date is what is told of)
])
def test_a_sentence_opening_on_a_date_that_is_no_entrys_keeps_it(text):
    timeline = build_timeline([Article(text=text, published="2021-06-20", source="Valley Post", path="k.txt")])
    (day,) = summarize(timeline, dates=1, sentences=1)
    assert day.sentences == [text.split("\n")[1]]


@pytest.mark.parametrize("sentence, plan", [
    ("During the test, the three valves on the new cap will be shut.", True),
    ("The oil could reach Florida by Friday, forecasters warned.", True),
    ("On May 5, BP capped the well.", False),  # (the month, not the modal)
    ("Will Smith donated $1 million to the relief fund.", False),
    ("Police could not find the gunman.", False),  # (what was not done is done)
    ("Authorities would only confirm that two people had been arrested.", False),
    ("Engineers might have prevented the spill, the report found.", False),
    ("Gordon Brown, who later today will join a meeting, called for action.", False),  # (a relative clause's)
    ("He is due to visit the coast later on Friday, his third trip.", True),  # (be + prospective word + to)
    ("The talks are due to resume on Monday.", True),
    ("The delay is due to bad weather in the gulf.", False),  # (a cause, not a plan: a noun after its word)
    ("The drop in sales is due to fears over swine flu.", False),
    ("The aid is going to the families of the men who died.", False),  # (where it goes)
    ("The vote is expected to pass easily.", True),
    ("The delay is due to the weather.", False),  # (the cause 'due to' gives, not a plan)
    ("The rise is due to increased testing.", False),
    ("He was due to visit the coast.", False),  # (a past 'be': what was planned, told after)
])
def test_a_sentence_is_a_plan_only_where_its_modal_tells_what_is_to_come(sentence, plan):
    from timeline.summary import _foretold

    assert _foretold(sentence) is plan


@pytest.mark.parametrize("sentence, told", [
    ("An ocean current is threatening to carry the oil into the Atlantic In a statement, engineers said the repair began.",
     "In a statement, engineers said the repair began."),
    ("Case study: Gulf oil spill and the company On 20 April 2010 a deepwater oil well exploded in the Gulf.",
     "On 20 April 2010 a deepwater oil well exploded in the Gulf."),
    ("Mark Jones BBC News, Louisiana The criticism began in Washington but the mood here is changing.",
     "The criticism began in Washington but the mood here is changing."),
    ("The rig, he told The Associated Press, was safe and sound on Tuesday.", None),  # (a phrase goes on)
    ("He watched Gone With The Wind on Tuesday with friends and family.", None),  # (a title)
    ("The virus is a type A influenza virus that spread fast in the town.", None),  # ('A' as a label)
    ("A caption about the coast It emerged on Wednesday that the slick had spread.", None),  # (left leans)
    ("A short caption here The man left.", None),  # (too short left)
    # (a sentence whose stop was lost tells a happening of its own, in the past: not a heading)
    ("Mexico confirmed 20 new cases on Monday The health ministry said it would close schools for ten days.", None),
])
def test_a_heading_run_into_a_sentence_is_not_told(sentence, told):
    from timeline.summary import _without_run_in_head

    assert _without_run_in_head(sentence) == (told or sentence)


@pytest.mark.parametrize("text", [
    "The procedure, which began on Wednesday, involves pumping heavy drilling fluids into the top of the Ferrow well.",
    "In the tests which began on Tuesday, five spots on the crippled Ferrow valve were checked to make sure it held.",
])
def test_a_day_closing_a_relative_clause_stays(text):
    # (without it the clause says nothing: 'The procedure, which began, involves ...')
    timeline = build_timeline([Article(text=text, published="2010-05-28", source="Valley Post", path="r.txt")])
    (day,) = summarize(timeline, dates=1, sentences=1)
    assert day.sentences == [text]


@pytest.mark.parametrize("sentence, back", [
    ("Five of the nine diagnosed with the virus were pupils from one school.", True),
    ("Two of them were children.", True),
    ("One of the world's biggest oil firms said it would pay.", False),  # (not a count given before)
    ("Two of the company's rigs were shut on Monday.", False),
    ("The latest cases came as the chief medical officer said he was concerned.", True),
    ("The move comes after weeks of talks.", True),
    ("The spill came to light on Friday.", False),  # ('came to': not placed beside another happening)
    ("Her son Jack, who was born early, died in hospital.", True),
    ("The hospital said her son also died.", True),  # (a body's saying: whose son is told before)
    ("Hayward said his company was not prepared.", False),  # (his: Hayward's)
    # (a count the sentence names itself, a motion 'came', a 'followed by' stand alone)
    ("One of the 11 workers killed in the rig explosion was buried on Saturday.", False),
    ("Many of the 270 dead in the Lockerbie bombing were American.", False),
    ("The oil came ashore in Louisiana on Thursday.", False),
    ("The route followed by the storm is unpredictable.", False),
    ("The move comes a day after the vote.", True),
    ("None of the three companies would comment on the report.", True),
])
def test_a_sentence_whose_subject_points_back_is_told_apart(sentence, back):
    from timeline.summary import _refers_back

    assert _refers_back(sentence) is back


def test_a_sentence_backed_by_its_own_articles_comes_before_one_that_borrows_an_events_support():
    # (a sentence's support is that of the articles that wrote it or a near copy of it, not of every
    # report merged into its event)
    from timeline.summary import _Candidate, _select, _vectorizer

    lone = _Candidate("Ferrow engineers cut the pipe from the leaking well on Thursday.", "")
    lone.written = {("a.txt", lone.text)}
    lone.backings = [{"a.txt": None}]
    borrowed = _Candidate("Ferrow engineers cut the pipe, the minister said in an interview on Thursday.", "")
    borrowed.written = {("b.txt", borrowed.text)}
    borrowed.backings = [{f"{n}.txt": None for n in range(12)}]
    for c in (lone, borrowed):
        c.reported = True
    vectorizer = _vectorizer([lone.text, borrowed.text])
    (first,) = _select([borrowed, lone], 1, vectorizer, dt.date(2010, 6, 3))
    assert first is lone
