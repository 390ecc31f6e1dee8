"""Sentence splitting: a heading in capitals, or a headline, that a scraped page runs into its first sentence."""

from __future__ import annotations

import pytest

from timeline import summarize
from timeline.articles import Article
from timeline.pipeline import build_timeline
from timeline.text import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("NEW PUMP FOR THE FLOODED MINE Once the tests are done, the owners will resume work.",
     ["NEW PUMP FOR THE FLOODED MINE", "Once the tests are done, the owners will resume work."]),
    ('"LAST CHANCE" TALKS SET FOR FRIDAY A report on the dispute will be sent to the minister.',
     ['"LAST CHANCE" TALKS SET FOR FRIDAY', "A report on the dispute will be sent to the minister."]),
    ("SYMPTOMS - WHAT TO DO Fever and a cough are the first signs.",
     ["SYMPTOMS - WHAT TO DO", "Fever and a cough are the first signs."]),
    # two words in capitals are a name or a dateline, not a heading
    ("NEW ORLEANS -- Dead birds are wrapped in foil.", ["NEW ORLEANS -- Dead birds are wrapped in foil."]),
    ("WASHINGTON (AP) -- A congressman asked for the files.", ["WASHINGTON (AP) -- A congressman asked for the files."]),
    ("BP PLC Chief Operating Officer Doug Suttles spoke.", ["BP PLC Chief Operating Officer Doug Suttles spoke."]),
    # ...nor is a wire's dateline whose place is three words or hyphenated
    ("PORT-AU-PRINCE, Jan 13 (Reuters) - The quake destroyed the palace.",
     ["PORT-AU-PRINCE, Jan 13 (Reuters) - The quake destroyed the palace."]),
    ("SALT LAKE CITY (AP) -- The governor signed the bill.", ["SALT LAKE CITY (AP) -- The governor signed the bill."]),
    ("ST. LOUIS (AP) -- A man died.", ["ST. LOUIS (AP) -- A man died."]),
    # a rank or a title shortened ends no sentence
    ("Brig. Gen. Tariq Harun and Cpl. Ali Nasser met Atty. Gen. Holder.",
     ["Brig. Gen. Tariq Harun and Cpl. Ali Nasser met Atty. Gen. Holder."]),
    # a sentence all in capitals stays whole
    ("THE TALKS FAILED.", ["THE TALKS FAILED."]),
])
def test_a_heading_run_into_a_sentence_is_a_sentence_of_its_own(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)


@pytest.mark.parametrize("text, expected", [
    ("Ferrow dam bursts after a week of rain The valley was flooded on Thursday. Roads closed.",
     ["Ferrow dam bursts after a week of rain", "The valley was flooded on Thursday.", "Roads closed."]),
    ("Rescuers reach the last villages, while the mayor voices concern A second dam is at risk, officials said.",
     ["Rescuers reach the last villages, while the mayor voices concern",
      "A second dam is at risk, officials said."]),
    # (a name after a word a phrase goes on from is no lead, nor a lead further on)
    ("A spokesman told The Associated Press the dam held.", ["A spokesman told The Associated Press the dam held."]),
    ("The minister met an editor at The Lancet on Monday.", ["The minister met an editor at The Lancet on Monday."]),
    ("Officials said the dam held. Rescuers reach the villages The valley was flooded.",
     ["Officials said the dam held.", "Rescuers reach the villages The valley was flooded."]),
])
def test_a_headline_run_into_the_first_sentence_is_a_sentence_of_its_own(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)


@pytest.mark.parametrize("gap", ["\u200b ", " \u200b", "\u202e ", "\ufeff "])
def test_a_zero_width_space_or_a_direction_mark_between_sentences_still_parts_them(gap):
    text = f"Officials said the dam held.{gap}Yesterday the governor resigned."
    assert [s.text for s in split_sentences(text)] == ["Officials said the dam held.", "Yesterday the governor resigned."]


def test_a_summary_sentence_does_not_carry_the_heading_before_it():
    text = ("MINERS FREED AFTER THREE DAYS Rescuers freed the 12 trapped miners on Monday, the company said. "
            "The mine had flooded.")
    article = Article(text=text, published="2021-03-10", title="Mine", source="Daily")
    (day,) = summarize(build_timeline([article]), dates=1)
    assert day.sentences[0] == "Rescuers freed the 12 trapped miners, the company said."  # (under its day)


@pytest.mark.parametrize("text", ["A-" * 20000 + "a", "A'" * 20000 + "a", "AB " * 50000 + "x", "'A' " * 20000 + "a"])
def test_capitals_without_end_are_split_whole(text):
    """Long runs of capitals (hostile input) are cut into sentences that cover all of the text."""
    sentences = split_sentences(text)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("text, expected", [
    ("Investors sold shares of Larkfield Plc (LRK.L) on Monday. The fund held on.",
     ["Investors sold shares of Larkfield Plc (LRK.L) on Monday.", "The fund held on."]),
    # a text that came one sentence a line broke the ticker at its stop
    ("The government opened an inquiry into Larkfield Plc's (LRK.\nL) oil spill, the minister said.\nShares fell.",
     ["The government opened an inquiry into Larkfield Plc's (LRK.\nL) oil spill, the minister said.", "Shares fell."]),
])
def test_no_sentence_ends_inside_a_stock_ticker(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The fire broke out at 2 a.m. Firefighters had it under control by dawn.",
     ["The fire broke out at 2 a.m.", "Firefighters had it under control by dawn."]),
    ("He left at 10 p.m. A second car followed.", ["He left at 10 p.m.", "A second car followed."]),
    # ...and so do capitals that are no zone and a month without its day
    ("The blast happened at 9 p.m. FBI agents arrived at the scene.",
     ["The blast happened at 9 p.m.", "FBI agents arrived at the scene."]),
    ("The shelter opened at 7 a.m. March organisers cancelled the parade.",
     ["The shelter opened at 7 a.m.", "March organisers cancelled the parade."]),
    # what keeps the time going: its day, its zone, a place's time, a gloss
    ("The talks begin at 9 a.m. Tuesday in Geneva.", None),
    ("Trading opens at 9:30 a.m. EDT on Monday.", None),
    ("It struck at 4 p.m. London time, officials said.", None),
    ("The quake hit at 2:30 a.m. (0930 GMT) on Sunday.", None),
    ("The meeting is at 9 a.m. Sept. 3 in the town hall.", None),
    ("The fire started at 2 a.m. 5 September in the hills.", None),
    ("The quake struck at 4:05 a.m. 10 km south of the town.", None),
    # a time that modifies the noun after it: any word may follow
    ("Viewers tuned in to the 9 p.m. NBC broadcast on Sunday.", None),
    ("Markets waited for Tuesday's 2 p.m. FOMC statement.", None),
    # a time put before its clause: any word may follow
    ("At 10 a.m. President Trump addressed the nation.", None),
    ("On Sunday at 10 a.m. Mr. Trump posted a message.", None),
    ("Shortly after 1 a.m. Houston police rescued a family.", None),
])
def test_a_clock_times_abbreviation_ends_a_sentence_only_before_a_new_one(text, expected):
    assert [s.text for s in split_sentences(text)] == (expected or [text])


WRAPPED = """Rebels seize Kamdesh

Rebel forces seized the northern town of Kamdesh on Tuesday after two
days of fighting, a military spokesman said. The government sent
reinforcements to the region on Wednesday, and the defence minister
resigned on September 4 over the handling of the crisis. Aid agencies
said thousands of civilians had fled the town since September 1.
"""


def test_a_hard_wrapped_paragraph_is_read_in_whole_sentences():
    """A text wrapped at a fixed width (e-mail, Markdown, wire copy): a line break inside a
    paragraph is a space; the headline above its blank line stays a sentence of its own."""
    sentences = [" ".join(s.text.split()) for s in split_sentences(WRAPPED)]
    assert sentences == [
        "Rebels seize Kamdesh",
        "Rebel forces seized the northern town of Kamdesh on Tuesday after two days of fighting, a military spokesman said.",
        "The government sent reinforcements to the region on Wednesday, and the defence minister resigned on "
        "September 4 over the handling of the crisis.",
        "Aid agencies said thousands of civilians had fled the town since September 1."]


@pytest.mark.parametrize("text, expected", [
    # a line that ends nothing, before one that opens in lower case, is wrapped
    ("Officials in the valley said that the dam\nburst on Thursday.\nRescuers arrived.",
     ["Officials in the valley said that the dam\nburst on Thursday.", "Rescuers arrived."]),
    # ...but not a headline before a story that opens on a name in lower case, nor a byline
    ("Apple unveils its new phone\niPhone X will cost $999.", ["Apple unveils its new phone", "iPhone X will cost $999."]),
    ("Storm batters the coast of the valley\nby Jane Smith", ["Storm batters the coast of the valley", "by Jane Smith"]),
    # one sentence a line, and a headline above its story, stay apart
    ("Dam bursts in the valley\nRescuers arrived on Friday.\nThe mayor resigned.",
     ["Dam bursts in the valley", "Rescuers arrived on Friday.", "The mayor resigned."]),
])
def test_a_line_break_ends_a_sentence_unless_it_wraps_one(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_a_wrapped_line_with_a_colon_or_a_dash_goes_on_the_sentence():
    text = ("The defence minister resigned on September 4 after the government gave\n"
            "its reasons: the army had lost the northern town of Kamdesh to rebel\n"
            "forces, and the reinforcements sent to the region arrived too late - the\n"
            "town had already fallen - and thousands of civilians had fled the town.\n"
            "Aid agencies said in a statement that they could not reach the valley.\n")
    assert len(split_sentences(text)) == 2


def test_a_list_of_headlines_is_not_read_as_wrapped_prose():
    headlines = ("Trump administration ends the DACA programme for young migrants\n"
                 "North Korea tested what it says was a hydrogen bomb on Sunday\n"
                 "Hurricane Irma strengthens to a Category 5 storm over the Atlantic\n"
                 "Fed governor Stanley Fischer resigns citing personal reasons\n"
                 "Apple sets September 12 date for its iPhone launch event\n")
    assert len(split_sentences(headlines)) == 5

