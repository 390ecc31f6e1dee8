"""What a journalist would publish: no readers' comments as events, no pronoun as a speaker."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.events import extract_events
from timeline.text import comment_section, news_sentences, split_sentences

PUBLISHED = dt.datetime(2021, 3, 10)

STORY = ("The regional council approved the new bridge on Monday.\n"
         "Construction will begin in May, the council's engineer Maria Lopez said on Tuesday.\n")


def titles(text: str) -> list[str]:
    return [e.title for e in extract_events(text, PUBLISHED)]


# --- readers' comments --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "comments",
    [
        # comment headers: a time, a date, a user name and 'wrote:'
        ("At 14:02 9th Mar 2021, riverwatcher wrote: The council wasted our money on Monday.\n"
         "I protested on Tuesday and nobody listened.\n"
         "At 15:40 9th Mar 2021, Old_Ferryman wrote: The ferry closed last week.\n"),
        ("At 6:15 pm on 09 Mar 2021, kim_b wrote: They approved it on Monday without asking us.\n"),
        # comments that end with a signature
        ("Typical council, they decided on Monday behind closed doors "
         "Posted by: taxpayer1 | March 9, 2021 4:12 PM | Report abuse "
         "The mayor resigned on Tuesday, mark my words.\n"),
        # a notice framing the comments, comments after it
        ("Views expressed in the comments are those of our readers alone.\n"
         "The council lied to us on Monday.\n"
         "This discussion is now closed.\n"),
        ("A selection of your comments appears below.\n"
         "The council wasted our money on Monday.\n"),
    ],
)
def test_readers_comments_after_an_article_tell_no_events(comments):
    alone = titles(STORY)
    assert titles(STORY + comments) == alone
    assert alone  # (the article itself has its events)


def test_a_pages_count_of_comments_or_a_heading_named_comments_ends_no_news():
    """A page's furniture counts comments above the story, in a related box, or under a live page's
    title; a Q&A has its 'Comments' heading: the news after them stays."""
    assert set(titles(STORY)) <= set(titles("Comments (12)\n" + STORY))
    for heading in ("Comments", "4 comments"):
        assert "Mayor of Ferrow resigned" in titles(f"{STORY}{heading}\nThe mayor of Ferrow resigned on Tuesday.\n")


def test_the_comment_section_begins_at_its_first_mark():
    sentences = split_sentences(STORY + "Please leave a comment below.\n"
                                "At 14:02 9th Mar 2021, bob wrote: Great news.\nI agree.\n")
    assert comment_section(sentences) == 3
    assert [s.text for s in news_sentences(sentences)] == [s.text for s in sentences[:2]]


def test_an_invitation_to_comment_is_dropped_but_the_news_after_it_stays():
    text = ("Leave your thoughts about the match in the comments section below.\n"
            "The mayor resigned on Tuesday after the vote.\n")
    assert [s.text for s in news_sentences(split_sentences(text))] == ["The mayor resigned on Tuesday after the vote."]
    assert titles(text) == ["Mayor resigned"]


@pytest.mark.parametrize("note", [
    "The Associated Press contributed to this report.",
    "Staff writers Ana Ruiz and Tom Berg in Lyon contributed to this report.",
    "Our correspondent's colleague Li Wei contributed additional reporting.",
    "Additional reporting by Ana Ruiz; editing by Tom Berg.",
    "This article was amended on 8 March 2021 to correct the name of the engineer.",
    "This story has been updated with the council's response.",
    "An earlier version of this article misstated the cost of the bridge.",
    "CORRECTION: This article originally said the march would take place on Sunday.",
    "This story previously stated that the bridge would open in June.",
    "An earlier version said the offer valued the company at £2.5bn.",
    "A version appeared on p12 of the Main section of the Courier on 22.31 GMT on Friday 5 March 2021.",
    "A version of this article appears in print on March 6, 2021, on page A1 of the city edition.",
    # (run into the page's text before it, with no stop between)
    "Letters should be sent to the editor This article appeared on p30 of the Main section of the Courier on 00.01 GMT "
    "on Saturday 6 March 2021.",
    # a pointer to more of the site, the end of a live page, an address to write to
    "Read more: How the council voted on Tuesday",
    "See also: Who won on Tuesday?",
    "1705 EDT: We are closing this live blog on Tuesday.",
    "This live blog has now ended on Tuesday.",
    "Write to questions@courier.example on Tuesday.",
])
def test_the_outlets_notes_on_the_article_are_no_events(note):
    text = f"The mayor resigned on Tuesday after the vote.\n{note}\nThe council will meet in May.\n"
    assert titles(text) == ["Mayor resigned", "Council will meet"]


@pytest.mark.parametrize("news", [
    "The committee's report was amended on Monday to add two proposals.",
    '"This article has been corrected twice," the editor told the inquiry on Monday.',
    "Reporters contributed to the fund on Monday.",
    "The company said on Monday it was closing the plant.",
])
def test_news_about_amending_or_contributing_stays(news):
    assert len(titles(news)) == 1

@pytest.mark.parametrize("news", [
    "The correction came on Monday, when shares fell 5 percent.",
    "The earlier version of the bill said nothing about tolls, the senator said on Monday.",
])
def test_news_about_a_correction_or_an_earlier_version_stays(news):
    assert titles(news)


def test_an_article_without_comments_keeps_every_sentence():
    text = ("Fans wrote to the club on Monday, and the club said it would reply. "
            "The match report was posted by the club at 9:30 on Tuesday.")
    sentences = split_sentences(text)
    assert news_sentences(sentences) == sentences


# --- pronouns as speakers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, title",
    [
        # 'he' with no one named before: what was said, without a speaker
        ("He said on Wednesday that the harbour would reopen.", "The harbour would reopen"),
        ("Last night she told me that she had passed the entrance exam.", "She had passed the entrance exam"),
        # 'I' and 'we' with no speaker named: not a speaker title
        ("We said on Wednesday that the harbour would be rebuilt.", "The harbour would be rebuilt"),
        ("I reported on the opening of the new wing on Wednesday at the hospital.",
         "I reported on the opening of the new wing at the hospital"),
        # 'he' after a person named before in the article
        ("Port spokesman Tom Baker inspected the quay. "
         "He said on Wednesday that the harbour would reopen.",
         "Tom Baker: The harbour would reopen"),
        # 'it' opening what a named body said
        ("The Harbour Authority said on Wednesday it would reopen the quay.",
         "Harbour Authority would reopen the quay"),
        ("NASA says it has confirmed 12 launches on Wednesday.", "NASA has confirmed 12 launches"),
    ],
)
def test_a_pronoun_is_never_the_speaker_of_a_title(text, title):
    found = titles(text)
    assert title in found
    assert not any(t.split(":")[0].lower() in {"he", "she", "it", "they", "i", "we", "you"}
                   for t in found if ":" in t)


def test_it_after_a_person_is_not_that_person():
    found = titles("Obama said on Wednesday it would be a long summer.")
    assert "Obama would be a long summer" not in found
    assert not any(t.startswith("It:") for t in found)


def test_she_is_not_a_man_a_title_named():
    text = ("Chief engineer Ada Moreno inspected the quay. Harbour master Tom Baker met Mr Baker's staff. "
            "She said on Wednesday that the harbour would reopen.")
    assert "Tom Baker: The harbour would reopen" not in titles(text)
    assert titles("Port spokesman Mr Tom Baker inspected the quay. He said on Wednesday that the "
                  "harbour would reopen.").count("Tom Baker: The harbour would reopen") == 1


def test_she_is_not_a_man_his_given_name_names():
    text = ("Chief engineer Helen Moreno inspected the quay. Harbour master Tom Baker met the crews. "
            "She said on Wednesday that the harbour would reopen.")
    found = titles(text)
    assert "Helen Moreno: The harbour would reopen" in found and "Tom Baker: The harbour would reopen" not in found


def test_a_given_name_borne_by_men_and_women_tells_no_gender():
    found = titles("Hilary Benn met Theresa May in London. On Tuesday, he resigned from the shadow cabinet.")
    assert "Hilary Benn resigned from the shadow cabinet" in found


def test_a_pronoun_opening_a_sentence_is_no_name_for_later_pronouns():
    found = titles("He arrived on Monday. He said on Tuesday that the talks had failed.")
    assert "The talks had failed" in found
    assert not any(t.startswith("He:") for t in found)


def test_a_closed_debate_opens_the_readers_comments():
    text = STORY + "This debate is now closed.\nThe council lied to us on Monday, I think.\n"
    assert titles(text) == titles(STORY)


# --- page text glued to a sentence ------------------------------------------------------------------


@pytest.mark.parametrize(
    "glued",
    [
        "Harbour to reopen - council PORTVILLE | Mon Mar 8, 2021 4:10 pm EST PORTVILLE (Reuters) - ",
        "PORTVILLE, Maine (AP)_ ",
        "PORTVILLE, March 8 (Reuters) - ",  # (its day would date the news a second time)
        "PORTVILLE, Mar 8 (PTI): ",  # (a colon for the dash, as South Asian wires write it)
        "PORTVILLE, 8 March (HWN): ",
        "PORTVILLE, Maine (CNN) -- ",
        "(CNN) -- ",
        "(AP) ",
        "PORTVILLE, 8 March (Harbour Wire) - ",  # any agency, where the dateline gives its day
        "PORTVILLE, Essland, March 8, 2021 (HW) - ",  # (with its country and year)
        "PORTVILLE (HWN) - ",  # or any agency written in capitals
        "PORTVILLE, Essland (HarbourWire) \u2014 ",  # or as one word of two capitals
        "PORTVILLE, Essland (Northline) \u2014 ",  # or as one word, before a long dash
        "PORTVILLE (Sputnik) -- ",
        "Portville (HWN) - ",  # (a place written as a name, as translated wires write it)
        "Portville (AFP) - ",
        "PORTVILLE (Associated Press) - ",  # an agency of several words, without the day
        "PORTVILLE (The Essland Press) - ",
        "PORTVILLE (Agence France-Presse) - ",
        "PORTVILLE (Harbour Wire) - ",
        "Photograph: Associated Press ",
        "PORTVILLE: ",  # (Gulf and South Asian papers)
        "PORTVILLE -- ",  # or none, after a place in capitals and a long dash
        "PORTVILLE - ",  # (or one hyphen after five capitals or more)
        "PORT VILLE, Maine \u2014 ",
        "Photograph: Jane Doe/AP ",
        "Photograph: Jane Doe/AFP/Getty Images ",
        "Photograph: AP ",  # an agency alone
        "Photo: Getty Images ",
    ],
)
def test_a_dateline_or_a_photo_credit_is_no_part_of_the_sentence(glued):
    news = "The regional council approved the new bridge on Monday."
    (sentence,) = news_sentences(split_sentences(glued + news), text=glued + news)
    assert sentence.text == news
    (event,) = [e for e in extract_events(glued + news, PUBLISHED) if e.time_expression]
    assert event.sentence == news and event.sources[0].sentence_start == len(glued)


@pytest.mark.parametrize("sentence", [
    "Dow Jones June 17: The index fell 2 percent on Monday.",  # (an index, not a photo agency)
    "EPA Aug. 3: The agency said the water was safe on Monday.",  # (the US agency alone)
    "AP Top 25: Alabama stays No. 1 after beating Auburn on Monday.",  # (a poll: no month)
])
def test_a_name_before_a_day_and_a_colon_is_cut_only_as_a_photo_credit(sentence):
    (found,) = news_sentences(split_sentences(sentence), text=sentence)
    assert found.text == sentence


@pytest.mark.parametrize("sentence", [
    "BP -- The company approved the new bridge on Monday.",  # (an acronym, not a place)
    "OPEC - The cartel approved the new quota on Monday.",
    "OPEC: The cartel approved the new quota on Monday.",
    "The council (HWN) - the harbour board - approved the new bridge on Monday.",
    "The council (Harbour Press) - a publisher - approved the new bridge on Monday.",
    "The council's CEO -- Jane Doe -- approved the new bridge on Monday.",
    "VALE (Brazil) - The miner approved the new bridge on Monday.",  # (a list's entry, with one hyphen)
])
def test_a_short_name_or_an_aside_between_dashes_is_no_dateline(sentence):
    (found,) = news_sentences(split_sentences(sentence), text=sentence)
    assert found.text == sentence


@pytest.mark.parametrize("text", [
    "Stocks to watch on Tuesday. Apple (AAPL) - Shares rose 3% after the company beat forecasts.",  # (a list's entry)
    "Final medal table. Norway (NOR) - 16 gold medals, a record for a winter Games.",
    "The footage, first shared by the IDF (YouTube) - and later removed - showed the strike on Monday.",
    "TRUMP: I will sign the order on Monday. BIDEN: He will not.",  # (a transcript's speakers)
    "OBAMA: We will not back down from this fight.",
    "Figures from the WHO (UN): Cases rose by a third on Monday.",  # (a colon after no day nor agency)
    # (prose goes on after the dash in lower case: an aside, not the news after a dateline)
    "Shares in BP (BP) - the oil major - fell 3 percent on Monday.",
    "Funding from the US, European Union (EU) - the two largest donors - fell by half on Monday.",
    "The memoir, published by MIT (MIT Press) - the university's own imprint - sold out on Monday.",
])
def test_a_name_before_a_bracket_or_a_colon_inside_the_news_is_no_dateline(text):
    assert " ".join(s.text for s in news_sentences(split_sentences(text), text=text)) == text


@pytest.mark.parametrize("stamp", [
    "Monday 8 March 2021 16.10 GMT",
    "Page last updated at 16:10 GMT, Monday, 8 March 2021 16:10 UK",
    "8 March 2021 Last updated at 16:10 GMT",
    "updated 11:10 a.m. EST, Mon March 8, 2021",
    "Monday, March 8, 2021; 4:10 PM",
    "By Jane Doe | March 8, 2021; 11:35 AM ET",
    "16:10 UK time, Monday, 8 March 2021",
    "Jane Doe | 16:10 UK time, Monday, 8 March 2021",
])
def test_the_pages_own_time_stamp_dates_nothing_and_parts_what_it_stands_between(stamp):
    headline = "Council approves the new harbour bridge after a long fight"
    news = "The regional council approved the new bridge on Monday."
    text = f"{headline} {stamp} {news}"
    assert [s.text for s in news_sentences(split_sentences(text), text=text)] == [headline, news]
    dated = [e for e in extract_events(text, PUBLISHED) if e.time_expression]
    assert [(e.time_expression.text, e.sentence) for e in dated] == [("Monday", news)]


_CAPTION = "Boats with booms try to contain the oil off the harbour"


@pytest.mark.parametrize("caption, credit", [
    # (a scraped page runs the photo's caption, its credit and the article's first sentence together)
    (_CAPTION + " ", "Photograph: Jane Doe/AP "), (_CAPTION + " ", "Photo: Jane Doe/AFP/Getty Images "),
    (_CAPTION + " ", "Picture credit: Jane McDoe/reuters "),
    # (a gallery page sets a wire's credit alone at the start of the line after the caption, glued to
    # the article's first sentence)
    (_CAPTION + ".\n", "AP "), (_CAPTION + ".\n", "AFP "), (_CAPTION + ".\n", "Reuters "),
    (_CAPTION + ".\n", "Getty Images "),
])
def test_a_photo_credit_between_a_caption_and_the_news_parts_them(caption, credit):
    news = "The regional council approved the new bridge on Monday."
    text = f"{caption}{credit}{news}"
    assert [s.text for s in news_sentences(split_sentences(text), text=text)] == [caption.strip(), news]
    (event,) = [e for e in extract_events(text, PUBLISHED) if e.time_expression]
    assert event.sentence == news and "/" not in event.title


@pytest.mark.parametrize("line", [
    "AP reported that the council approved the new bridge on Monday.",  # (the agency is the subject)
    "Reuters Health reported that the council approved the new bridge on Monday.",  # (its own name)
    "AP Top 25: Alabama stays No. 1 after beating Auburn on Monday.",  # (a poll's name and a colon)
    "AP FILE: The council approved the new bridge on Monday.",
    "AP President Jane Doe said the council approved the new bridge on Monday.",  # (one of its people)
    "AP Moller-Maersk said the council approved the new bridge on Monday.",  # (a name it opens)
])
def test_a_wire_opening_a_line_as_a_name_stays_in_the_sentence(line):
    text = f"{_CAPTION}.\n{line}"
    assert [s.text for s in news_sentences(split_sentences(text), text=text)] == [_CAPTION + ".", line]


def test_a_gallery_credit_before_a_day_with_its_year_is_no_part_of_the_caption():
    text = "AP June 23, 2010: Boats with booms try to contain the oil off the harbour."
    (sentence,) = news_sentences(split_sentences(text), text=text)
    assert sentence.text == text.removeprefix("AP ")


@pytest.mark.parametrize("text", [
    "The fund's photo: a 24/7 desk, the council said on Monday.",  # (a slash in prose, no credit's words)
    "Officials said the image: 3/4 of the coast was clean on Monday.",
])
def test_a_label_and_a_slash_in_the_news_stay(text):
    assert [s.text for s in news_sentences(split_sentences(text), text=text)] == [text]


@pytest.mark.parametrize("text", [
    "The rig sank at 10:21 a.m. CDT (1521 GMT) on Thursday, 8 April 2021, off the coast.",
    # prose writes a day, a year, a clock time and a zone together after a preposition or a weekday
    "The earthquake struck at 14:28 GMT, Monday, 12 January 2010, the US Geological Survey said.",
    "The shuttle is scheduled to lift off on Monday, April 5, 2010 at 6:21 am EDT from Florida.",
    "Bids must be received by 30 June 2010 17:00 BST, the regulator said on Thursday.",
    "Police said the blast happened on Sat May 1, 2010 6:28 pm EDT in Times Square.",
])
def test_a_clock_time_and_zone_in_the_news_stay(text):
    assert [s.text for s in news_sentences(split_sentences(text), text=text)] == [text]


def test_a_parenthesis_and_a_dash_inside_a_sentence_stay():
    text = "Rated A-3 by the agency (Moody's) - and BBB by S&P (SP) - the issue will be sold on Monday."
    assert [s.text for s in news_sentences(split_sentences(text), text=text)] == [text]


@pytest.mark.parametrize(
    "text, title",
    [
        # a time alone between the comma and the reporting verb is no speaker
        ("The port's chief engineer, Maria Lopez, on Wednesday said the quay was safe.",
         "Maria Lopez: The quay was safe"),
        ("The harbour master, who lives nearby, on Wednesday said the quay was safe.",
         "Harbour master: The quay was safe"),
    ],
)
def test_the_speaker_set_off_by_commas_before_a_time(text, title):
    assert title in titles(text)


@pytest.mark.parametrize(
    "sentence",
    [
        '"We welcome comments on the plan until May," the agency said on Tuesday.',
        "Children are urged to report abuse to a teacher, the council said on Tuesday.",
        "At 10:30 on 9 March 2021, the mayor said: the bridge is safe.",
    ],
)
def test_news_that_reads_like_a_comment_mark_stays(sentence):
    text = sentence + "\n" + STORY
    assert [s.text for s in news_sentences(split_sentences(text))] == [s.text for s in split_sentences(text)]


@pytest.mark.parametrize("mark, is_mark", [
    ("COMMENTS ARE CLOSED.", True),  # any case: the patterns are matched case-blind
    ("(Comments are closed.)", True),
    ("Nocomments are closed.", False),  # a mark's first word starts a word
    ("The board_comments are closed to the public.", False),
])
def test_a_comment_mark_is_found_in_any_case_and_only_from_a_word_start(mark, is_mark):
    text = STORY + "\n" + mark + "\nMore news on Friday."
    assert (comment_section(split_sentences(text)) < len(split_sentences(text))) is is_mark


@pytest.mark.parametrize(
    "text, title",
    [
        # a time before the speaker is no part of the speaker
        ("On Wednesday Acme Corp. said it would close the plant.", "Acme Corp would close the plant"),
        # 'he' after 'told reporters (that)' is the speaker too
        ("Mayor Ann Smith told reporters Wednesday that she had not met the builders.",
         "Ann Smith had not met the builders"),
    ],
)
def test_a_speaker_who_says_what_they_did(text, title):
    assert title in titles(text)


def test_the_writers_own_questions_tell_no_events():
    text = ("What happened?\n"
            "Police opened fire on the marchers on Tuesday. Should the minister resign over it?\n"
            'On Monday the mayor sent this message to residents: "Who will pay for the damage?"\n'
            '"Why did you wait until Friday?" the senator asked on Tuesday.\n')
    assert titles(text) == ["Police opened fire on the marchers", "Mayor sent this message to residents",
                            "Senator asked"]
