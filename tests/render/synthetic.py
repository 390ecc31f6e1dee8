"""Timelines built by hand for the renderer tests and the page benchmark.

The seed timeline holds the events a reader of the two founding articles expects (see
``../shared/seeds/README.md``), with the articles' own sentences; ``many_events`` makes a large,
realistic-looking timeline; ``hostile_timeline`` carries text written to break a page.
"""

from __future__ import annotations

import datetime as dt
import random

from timeline.models import Event, Relation, Source, Span, TimeExpression, Timeline
from timeline.temporal.calendar import timex_span

PUBLISHED = dt.datetime(2017, 9, 6)
SPUTNIK = Source(path="samples/peskov-sanctions-pointless.txt", published=PUBLISHED,
                 url="https://sputniknews.com/asia/201709061057088656-peskov-oil-korea/")
PRESS = Source(title="Russia Supplying Oil to North Korea? No Problem, Says Putin's Press Secretary",
               path="samples/russia-oil-no-problem.txt", published=PUBLISHED)


def report(article: Source, sentence: str, trigger: str, phrase: str | None = None,
           value: str | None = None, sentence_start: int = 100) -> Source:
    """``article``'s report: its sentence, trigger and date phrase with article offsets."""
    at = sentence.index(trigger)
    te = None
    if phrase:
        p = sentence.index(phrase)
        te = TimeExpression(start=sentence_start + p, end=sentence_start + p + len(phrase),
                            text=phrase, type="DATE", value=value)
    return article.model_copy(update={
        "sentence": sentence, "sentence_start": sentence_start,
        "trigger": Span(text=trigger, start=sentence_start + at, end=sentence_start + at + len(trigger)),
        "time_expression": te,
    })


def event(id: str, title: str, *sources: Source, kind: str = "occurrence",
          relation: Relation = Relation.UNKNOWN) -> Event:
    """An event as the pipeline makes it: sentence, trigger and date of its first source."""
    first = sources[0]
    te = first.time_expression
    return Event(id=id, title=title, sentence=first.sentence, trigger=first.trigger,
                 time_expression=te, date=timex_span(te.value) if te else None,
                 relation=relation, kind=kind, sources=list(sources))


def seed_timeline() -> Timeline:
    events = [
        event("defection", "Ri Jong Ho defects from North Korea", report(
            PRESS, "senior-level North Korean defector Ri Jong Ho told the Voice of America Korean "
            "Service in his first interview since he defected in October 2014.",
            "defected", "October 2014", "2014-10")),
        event("h-bomb", "North Korea's presumed test of an H-bomb", report(
            SPUTNIK, "After North Korea’s presumed test of a H-bomb on Sunday, South Korean "
            "President Moon Jae-in proposed discussing slashing oil supplies to North Korea in the "
            "UN Security Council as a response to the move.", "test", "Sunday", "2017-09-03")),
        event("peskov", "Peskov says suspending oil deliveries to North Korea is pointless", report(
            SPUTNIK, "Talking about the suspension of Russian deliveries of oil products to North "
            "Korea as part of sanctions policy is pointless, as their current level is already "
            "minimal, Kremlin spokesman Dmitry Peskov said Wednesday, according to Sputnik.",
            "said", "Wednesday", "2017-09-06", sentence_start=0), report(
            PRESS, "“Trade turnover between Russia and the Democratic People's Republic of Korea "
            "(DPRK) is minimal, so it is hardly advisable to talk about the cessation of Russian oil "
            "products to it,” Russian presidential press secretary Dmitry Peskov said.", "said"),
            kind="statement"),
        event("meeting", "Putin meets Moon Jae-in at the Eastern Economic Forum", report(
            SPUTNIK, "Meanwhile, Putin met earlier on the day with the South Korean leader at the "
            "Eastern Economic Forum (EEF) in Vladivostok.", "met", "earlier on the day",
            "2017-09-06", sentence_start=1300)),
        event("ushakov", "Ushakov on the Russian and South Korean stances", report(
            SPUTNIK, "“I think that they have even increased — they talked on the phone and talked "
            "today,” Kremlin aide Yury Ushakov said on Wednesday.", "said", "Wednesday",
            "2017-09-06", sentence_start=1700), kind="statement"),
        event("beijing", "Putin's press conference in Beijing", report(
            SPUTNIK, "The Russian President repeatedly, including at a press conference in Beijing, "
            "said that the volume of trade is at an insignificant level.", "press conference"),
            relation=Relation.BEFORE),
        event("interview", "Ri Jong Ho's interview with the Voice of America", report(
            PRESS, "Ri Jong Ho told the Voice of America Korean Service in his first interview.",
            "interview"), relation=Relation.BEFORE),
    ]
    return Timeline(events=events, articles=[SPUTNIK, PRESS])


_WHO = ["The minister", "Protesters", "The central bank", "Rescue teams", "The court", "Voters",
        "The company", "Negotiators", "The mayor", "Firefighters", "The union", "Scientists"]
_WHAT = ["announced new measures", "gathered outside parliament", "raised interest rates",
         "reached the flooded villages", "ruled on the appeal", "went to the polls",
         "reported record losses", "resumed talks", "resigned", "contained the blaze",
         "called a strike", "published their findings"]
_WHERE = ["in the capital", "in the north", "near the border", "on the coast", "in the region"]


def outlet_timeline(outlets: dict[str, int], url: bool = True) -> Timeline:
    """Articles from outlets of the given sizes, each reporting one event of its own."""
    articles, events = [], []
    for name, size in outlets.items():
        for k in range(size):
            article = Source(title=f"{name} story {k}", source=name or None, published=PUBLISHED,
                             url=f"https://www.{(name or 'site').lower()}{k}.example/{k}" if url else None)
            articles.append(article)
            events.append(event(f"{name}{k}", f"{name} event {k}", report(
                article, "The council met on Sunday.", "met", "Sunday", "2017-09-03")))
    return Timeline(events=events, articles=articles)


def many_events(n: int, outlets: int = 8, seed: int = 7) -> Timeline:
    """``n`` dated events over three years from ``outlets`` sources, busy days included."""
    rng = random.Random(seed)
    articles = [Source(title=f"{name} News", url=f"https://news{k}.example.org/",
                       published=dt.datetime(2020, 1, 1))
                for k, name in enumerate(["Daily", "Morning", "Evening", "Weekly", "Herald",
                                          "Tribune", "Courier", "Gazette", "Post", "Times"][:outlets])]
    start = dt.date(2018, 1, 1)
    busy = [start + dt.timedelta(days=rng.randrange(1095)) for _ in range(20)]
    events = []
    for i in range(n):
        day = rng.choice(busy) if rng.random() < 0.15 else start + dt.timedelta(days=rng.randrange(1095))
        roll = rng.random()
        if roll < 0.08:
            value, phrase = day.strftime("%Y-%m"), day.strftime("%B %Y")
        elif roll < 0.1:
            value, phrase = str(day.year), f"in {day.year}"
        else:
            value, phrase = day.isoformat(), f"on {day.day} {day:%B}"
        what = rng.choice(_WHAT)
        sentence = f"{rng.choice(_WHO)} {what} {rng.choice(_WHERE)} {phrase}, officials said."
        outlet = rng.sample(articles, 2 if rng.random() < 0.1 else 1)
        sources = [report(a, sentence, what.split()[0], phrase, value, sentence_start=50 * i)
                   for a in outlet]
        events.append(event(f"e{i}", sentence.split(" officials")[0].rstrip(","), *sources))
    events.sort(key=lambda e: (e.date.start, e.date.end))
    return Timeline(events=events, articles=articles)


# Each of these runs a script if it ever becomes markup: the page must show them as text.
ATTACKS = [
    "<script>window.__pwned = 'title'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "</script><script>window.__pwned = 'json'</script>",
    "\"><svg onload=\"window.__pwned = 'attr'\">",
]
LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 12
RIGHT_TO_LEFT = "رئيس الوزراء يلتقي بالوفد — ראש הממשלה נפגש"
LINK = '<a href="https://e.x/">Verify</a>'
BIG = '<span style="font-size:80px">Big</span>'
REVERSED = "Bank \u202egnp.exe report"  # shows as "Bank troper exe.png" if the override acts
TEMPLATE = "Rates %{x} rose 5%{meta}"  # plotly reads '%{...}' as a template: drawn "Rates  rose 5" if it does


def hostile_timeline() -> Timeline:
    """Events whose every text field is an attack, plus a ``javascript:`` source link."""
    events = []
    for k, attack in enumerate(ATTACKS + [LONG_WORD, RIGHT_TO_LEFT + "\u2028" + "&lt;b&gt;"]):
        source = Source(title=attack, url="javascript:window.__pwned='link'",
                        path=f"attack-{k}.txt", published=PUBLISHED)
        sentence = f"{attack} happened on Sunday {attack}"
        events.append(event(f"attack-{k}", attack, report(source, sentence, "happened", "Sunday",
                                                          f"2017-09-0{k + 1}")))
    # markup plotly would draw (a live link, an enlarged font) as outlets and titles, a
    # right-to-left override that would show a title reversed, and a template plotly would fill
    for k, (outlet, title) in enumerate([(LINK, LINK), (BIG, BIG), (LINK, REVERSED), (TEMPLATE, TEMPLATE)]):
        source = Source(title=title, source=outlet, url=f"https://example.org/{k}", published=PUBLISHED)
        sentence = f"{title} was reported on Friday."
        events.append(event(f"markup-{k}", title, report(source, sentence, "reported", "Friday",
                                                          f"2017-09-{k + 10}")))
    undated = Source(title=ATTACKS[1], url="https://example.org/?q=<script>", published=PUBLISHED)
    events.append(event("undated", ATTACKS[0], report(undated, ATTACKS[2] + " said", "said"),
                        relation=Relation.BEFORE))
    return Timeline(events=events, articles=[undated])


_OUTLETS = ["Reuters", "BBC", "The Guardian", "Associated Press", "Al Jazeera", "Le Monde",
            "The Hindu", "ABC News", "Deutsche Welle", "El País", "NHK", "Daily Maverick"]
_PLACES = ["Cairo", "Alexandria", "Suez", "Geneva", "Washington", "London", "Mexico City"]


def collection(articles: int = 300, events: int = 15_000, outlets: int | None = 8,
               dated: float = 0.33, seed: int = 11, top: int = 30) -> Timeline:
    """A story's coverage as the pipeline gives it: ``articles`` articles from ``outlets``
    outlets of uneven size (None: each article its own outlet, named after its site only, without
    ``source``), ``events`` events of which a share ``dated`` is dated, mostly over six weeks with
    a few strays centuries away, some reported by several outlets, scored for salience with the
    ``top`` best marked key (as ``build_timeline`` does)."""
    from timeline.salience import score_events

    rng = random.Random(seed)
    names = _OUTLETS[:outlets] if outlets else None
    start = dt.date(2011, 1, 20)
    papers = []
    for k in range(articles):
        day = start + dt.timedelta(days=min(int(rng.expovariate(1 / 9)), 45))
        if names:
            outlet = names[min(int(rng.expovariate(1 / 2.5)), len(names) - 1)]
            papers.append(Source(title=f"{rng.choice(_PLACES)}: {rng.choice(_WHO).lower()} "
                                       f"{rng.choice(_WHAT)} ({k})", source=outlet,
                                 url=f"https://{outlet.lower().replace(' ', '')}.example.com/{k}",
                                 published=dt.datetime.combine(day, dt.time(8 + k % 12))))
        else:
            papers.append(Source(title=f"Local report {k}: {rng.choice(_WHAT)}",
                                 url=f"https://www.site{k}.example.net/story/{k}",
                                 published=dt.datetime.combine(day, dt.time(9))))
    found = []
    for i in range(events):
        paper = papers[i * articles // events]
        who, what, where = rng.choice(_WHO), rng.choice(_WHAT), rng.choice(_WHERE)
        roll = rng.random()
        value = phrase = None
        if roll < dated:
            if rng.random() < 0.004:  # a stray: a street number or a clock time read as a year
                value = phrase = rng.choice(["1600", "1730", "1215"])
            else:
                day = paper.published.date() - dt.timedelta(days=int(rng.expovariate(1 / 3)))
                if rng.random() < 0.05:
                    value, phrase = day.strftime("%Y-%m"), day.strftime("%B %Y")
                else:
                    value, phrase = day.isoformat(), f"on {day:%A}"
        sentence = (f"{who} {what} {where} {phrase or 'after the meeting'}, according to "
                    f"officials in {rng.choice(_PLACES)} who spoke on condition of anonymity.")
        reporters = [paper]
        if rng.random() < 0.03:  # told by several outlets
            reporters += rng.sample(papers, rng.randrange(1, 6))
        sources = [report(p, sentence, what.split()[0], phrase, value, sentence_start=40 * (i % 50))
                   for p in reporters]
        relation = Relation.BEFORE if value is None else Relation.UNKNOWN
        found.append(event(f"c{i}", f"{who} {what} {where}", *sources, relation=relation))
    found.sort(key=lambda e: (e.date is None, e.date.start if e.date else dt.date.min))
    return Timeline(events=score_events(found, top), articles=papers)
