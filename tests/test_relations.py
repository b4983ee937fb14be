"""Relations between entities (issue 15): the fact section, the located-in chain, the relation
kind and its built-in rules, and the seed article's place claim."""

from __future__ import annotations

import json
import textwrap

import pytest

from linter.checks.narrate import narrate
from linter.checks.rules import read_pack
from linter.errors import UserError
from linter.facts.load import load_facts, load_facts_data
from linter.mentions.compiled import load_facts_and_lexicon
from linter.yamlio import load_yaml

from conftest import REPO, lint, run_in_process

WORLD = """
facts_version: 1
entities:
  - {id: europe, name: Europe, type: place}
  - {id: united-kingdom, name: United Kingdom, aliases: [UK, Britain], type: place}
  - {id: england, name: England, type: place}
  - {id: london, name: London, type: place}
  - {id: northwood, name: Northwood, type: place}
  - {id: france, name: France, type: place}
  - {id: paris, name: Paris, type: place}
  - {id: lyon, name: Lyon, type: place}
  - {id: texas, name: Texas, type: place}
  - {id: georgia-country, name: Georgia, type: place}
  - {id: georgia-state, name: Georgia, type: place}
  - {id: poland, name: Poland, type: place}
  - {id: denmark, name: Denmark, type: place}
  - {id: sweden, name: Sweden, type: place}
  - {id: freedonia-party, name: Freedonia Party, type: organization}
  - {id: nato, name: NATO, type: organization}
  - {id: council, name: Council of the EU, type: organization}
  - {id: air-segment, name: air segment, type: other}
events:
  - {id: summit, name: The chiefs' summit, date: 2025-03-20, place: northwood, mentions: ['chiefs'' summit']}
  - {id: town-meeting, name: The town meeting, date: 2025-03-20, place: london, mentions: ['town meeting']}
  - {id: old-summit, name: The old summit, date: 2025-03-20, place: 'Northwood, outside London', mentions: ['old summit']}
  - {id: cup-final-2024, name: 2024 Cup final, date: 2024-05-25, place: london, mentions: ['Cup final']}
  - {id: cup-final-2025, name: 2025 Cup final, date: 2025-05-24, place: paris, mentions: ['Cup final']}
relations:
  - {id: uk-in-europe, relation: located-in, subject: united-kingdom, object: europe}
  - {id: england-in-uk, relation: located-in, subject: england, object: united-kingdom}
  - {id: london-in-england, relation: located-in, subject: london, object: england}
  - {id: northwood-in-london, relation: located-in, subject: northwood, object: london, as: outside}
  - {id: france-in-europe, relation: located-in, subject: france, object: europe}
  - {id: paris-in-france, relation: located-in, subject: paris, object: france}
  - {id: poland-in-europe, relation: located-in, subject: poland, object: europe}
  - {id: denmark-in-europe, relation: located-in, subject: denmark, object: europe}
  - {id: sweden-in-nato, relation: member-of, subject: sweden, object: nato, from: 2024-03-07}
  - {id: poland-presidency, relation: holds-presidency-of, subject: poland, object: council, from: 2025-01-01, to: 2025-06-30}
  - {id: denmark-presidency, relation: holds-presidency-of, subject: denmark, object: council, from: 2025-07-01, to: 2025-12-31}
  - {id: uk-leads-air, relation: leads, subject: united-kingdom, object: air-segment, from: 2025-03-20}
"""

SEGMENTS = """
rules:
  - id: segment-leader
    kind: relation
    relation: leads
    unique: subject
    severity: error
    message: '{subject} did not lead the {object} {date}: {recorded} did.'
    description: A newsroom's own relation, checked with YAML and facts only.
    patterns: ['{subject} (?:leads|heads|is in charge of) the {object:other}']
    examples: {flag: [], pass: []}
"""


def messages(text: str, rule: str | None = None, date: str = "2025-06-01", rules_yaml: str | None = None) -> list[str]:
    return [f.message for f in lint(text, rule=rule, date=date, facts_yaml=WORLD, rules_yaml=rules_yaml)]


# -- the located-in chain, both ways ---------------------------------------------------------------


@pytest.mark.parametrize("place", ["Northwood", "London", "England", "Britain", "the UK", "Europe", "the outskirts of London"])
def test_a_place_on_the_chain_of_the_recorded_place_agrees(place):
    assert messages(f"The chiefs' summit was held in {place}.", "event-place") == []


def test_a_place_inside_the_recorded_place_agrees():
    assert messages("The town meeting was held in Northwood.", "event-place") == []  # recorded London: Northwood lies in it


@pytest.mark.parametrize("place", ["Paris", "France"])
def test_a_place_apart_from_the_recorded_place_is_reported(place):
    assert messages(f"The chiefs' summit was held in {place}.", "event-place") == [
        f"The chiefs' summit took place in Northwood, outside London, not in {place}."
    ]


def test_places_the_chains_cannot_relate_are_left_alone():
    assert messages("The chiefs' summit was held in Lyon.", "event-place") == []  # Lyon lies in nothing the facts know
    assert messages("The chiefs' summit was held in Texas.", "event-place") == []


def test_an_events_place_written_as_text_is_not_checked_and_reads_as_before():
    assert messages("The old summit was held in Paris.", "event-place") == []
    facts = load_facts_data(load_yaml(WORLD, "facts.yaml"), "facts.yaml")
    assert facts.place_name(facts.events["old-summit"]) == "Northwood, outside London"
    assert facts.place_name(facts.events["summit"]) == "Northwood, outside London"
    assert facts.place_name(facts.events["town-meeting"]) == "London"  # a plain "in" goes without saying


def test_a_recurring_event_agrees_with_any_edition():
    assert messages("The Cup final was held in London.", "event-place") == []
    assert messages("The Cup final was held in Paris.", "event-place") == []
    assert messages("The Cup final was held in Poland.", "event-place") == [
        "2024 Cup final took place in London, not in Poland."
    ]


# -- what binds, and what is left alone ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The chiefs' summit was held in Georgia.",  # two places named Georgia: it binds nothing
        "The chiefs' summit was held in Paris, Texas.",  # a place qualified by what it is not in
        "The chiefs' summit was not held in Paris.",
        "If the chiefs' summit was held in Paris, nobody said so.",
        'He said: "The chiefs\' summit was held in Paris."',
        "The chiefs' summit was held in Freedonia.",  # not a known entity
        "Officials said the summit in Paris was held in secret.",  # no known event bound
    ],
)
def test_nothing_is_said_when_a_slot_binds_nothing_certain_or_the_words_claim_nothing(text):
    assert messages(text, "event-place") == []


def test_the_finding_points_at_the_words_the_facts_contradict():
    [finding] = lint("The chiefs' summit was held in Paris.", rule="event-place", facts_yaml=WORLD)
    assert (finding.column, finding.end_column) == (32, 37)
    assert finding.evidence == ("summit",)
    assert [note.text for note in finding.facts] == ["The chiefs' summit took place on 20 March 2025 (Northwood, outside London)."]


# -- time: a relation's edges ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "flagged"),
    [
        ("Denmark holds the presidency of the Council of the EU.", "2025-06-30", True),
        ("Denmark holds the presidency of the Council of the EU.", "2025-07-01", False),
        ("Poland holds the presidency of the Council of the EU.", "2025-06-30", False),
        ("Poland holds the presidency of the Council of the EU.", "2025-07-01", True),
        ("Denmark holds the presidency of the Council of the EU.", "2025-06-01..2025-07-31", False),  # true on a day of the window
        ("Denmark holds the presidency of the Council of the EU.", "2024-06-01", False),  # nobody recorded then: a gap
        ("Denmark will hold the presidency of the Council of the EU.", "2025-03-01", False),  # the future: not decided
        ("Sweden is a member of NATO.", "2024-03-06", True),
        ("Sweden is a member of NATO.", "2024-03-07", False),
        ("Sweden was a member of NATO.", "2025-06-01", False),
        ("In 2023, Sweden was a member of NATO.", "2025-06-01", True),
        ("Poland is a member of NATO.", "2020-01-01", False),  # a membership the facts do not record
        # What kind of member: still a member ("non-" before the noun's qualifier negates nothing).
        ("Sweden, a non-permanent member of NATO, sent observers.", "2024-03-06", True),
        ("Sweden, an elected member of NATO, sent observers.", "2024-03-07", False),
        ("Sweden, a non-member of NATO, sent observers.", "2024-03-06", False),
    ],
)
def test_a_relation_is_checked_at_the_time_the_sentence_speaks_of(text, date, flagged):
    assert bool(messages(text, date=date)) is flagged


def test_messages_say_what_the_facts_record_in_words():
    assert messages("Denmark holds the presidency of the Council of the EU.", date="2025-06-30") == [
        "Denmark did not hold the presidency of the Council of the EU on 30 June 2025: Poland (from 1 January to 30 June 2025) held it."
    ]
    assert messages("Sweden is a member of NATO.", date="2024-03-06") == [
        "Sweden was not a member of NATO on 6 March 2024: it was a member from 7 March 2024."
    ]
    assert messages("Britain holds the presidency of the Council of the EU.", date="2025-06-30") == [  # a name that opens the message gets a capital
        "The United Kingdom did not hold the presidency of the Council of the EU on 30 June 2025: Poland (from 1 January to 30 June 2025) held it."
    ]


def test_a_newsroom_checks_another_relation_with_yaml_and_facts_only():
    assert messages("France leads the air segment.", rules_yaml=SEGMENTS) == [
        "France did not lead the air segment on 1 June 2025: the United Kingdom (from 20 March 2025) did."
    ]
    assert messages("Britain leads the air segment.", rules_yaml=SEGMENTS) == []
    assert messages("France leads the air segment.", date="2025-01-01", rules_yaml=SEGMENTS) == []  # before the record


# -- the fact section: validation, cache, notes ----------------------------------------------------


def test_relations_are_validated_with_locations(tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_text(textwrap.dedent("""\
        facts_version: 1
        entities:
          - {id: a, name: A, type: place}
          - {id: b, name: B, type: place}
          - {id: p, name: P}
        relations:
          - {id: r1, relation: located-in, subject: a, object: b}
          - {id: r2, relation: located-in, subject: a, object: p}
          - {id: r3, relation: located-in, subject: b, object: a, from: 2020-01-01}
          - {id: r4, relation: member-of, subject: nobody, object: b, as: outside}
          - {id: r5, relation: Member Of, subject: a, object: b}
          - {id: r6, relation: member-of, subject: a, object: nowhere, from: 2021-01-01, to: 2020-01-01}
          - {id: r7, relation: located-in, subject: b, object: a}
        """))
    with pytest.raises(UserError) as caught:
        load_facts([str(path)])
    problems = [str(e) for e in caught.value.errors]  # type: ignore[attr-defined]
    assert any("facts.yaml:8:5: relation 'r2': 'p' is a person; located-in relates places" in p for p in problems)
    assert any("facts.yaml:8:5: relation 'r2' puts 'a' in a second place (relation 'r1' puts it in 'b')" in p for p in problems)
    assert any("facts.yaml:9:" in p and "holds at all times; give it no 'from' or 'to'" in p for p in problems)
    assert any("facts.yaml:10:" in p and "relations[3] has 'as', which is only for the relation 'located-in'" in p for p in problems)
    assert any("facts.yaml:11:" in p and "relation 'Member Of' must be a slug" in p for p in problems)
    assert any("relations[5] ends (2020-01-01) before it starts (2021-01-01)" in p for p in problems)
    assert sum("closes a cycle of located-in relations" in p for p in problems) == 1  # once for the cycle a, b


def test_unknown_subjects_and_objects_are_named_with_a_suggestion(tmp_path):
    path = tmp_path / "facts.yaml"
    path.write_text("facts_version: 1\nentities:\n  - {id: sweden, name: Sweden, type: place}\n  - {id: nato, name: NATO}\n"
                    "relations:\n  - {id: r, relation: member-of, subject: swedn, object: natoo}\n")
    with pytest.raises(UserError) as caught:
        load_facts([str(path)])
    text = str(caught.value) + "".join(str(e) for e in getattr(caught.value, "errors", []))
    assert "subject 'swedn' of relation 'r' is not a known entity or event id (did you mean 'sweden'?)" in text
    assert "object 'natoo' of relation 'r' is not a known entity id (did you mean 'nato'?)" in text


def test_relations_survive_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "facts.yaml"
    path.write_text(WORLD)
    fresh, _ = load_facts_and_lexicon([str(path)])
    cached, _ = load_facts_and_lexicon([str(path)])
    assert dict(cached.relations) == dict(fresh.relations) and cached.relations["northwood-in-london"].phrase == "outside"
    assert cached.related.chain("northwood") == ["northwood", "london", "england", "united-kingdom", "europe"]


def test_relation_notes_tell_the_facts_in_words():
    facts = load_facts_data(load_yaml(WORLD, "facts.yaml"), "facts.yaml")
    notes = [note.text for note in narrate(facts, ["sweden-in-nato", "northwood-in-london", "poland-presidency"])]
    assert notes == [
        "The relation member-of holds between Sweden and NATO from 7 March 2024.",
        "Northwood is outside London.",
        "The relation holds-presidency-of holds between Poland and Council of the EU from 1 January to 30 June 2025.",
    ]


@pytest.mark.parametrize(
    ("patterns", "problem"),
    [
        ("['{subject} leads']", "needs one {subject} slot and one {object} slot"),
        ("['{subject:country} leads {object}']", "has a slot of unknown type 'country'"),
        ("['{subject} leads {object:event}']", "binds an event to {object}"),
        ("['{subject} (leads {object}']", "is not a valid regex"),
    ],
)
def test_relation_rules_are_validated(patterns, problem):
    pack = SEGMENTS.replace("['{subject} (?:leads|heads|is in charge of) the {object:other}']", patterns)
    with pytest.raises(UserError, match=regex_escape(problem)):
        read_pack(load_yaml(pack, "rules.yaml"), "rules.yaml")


def regex_escape(text: str) -> str:
    import re

    return re.escape(text)


# -- the seed article --------------------------------------------------------------------------------

SEED = (REPO / "seeds" / "coalition-of-the-willing.md").read_text(encoding="utf-8")
PLACE_CLAIM = "On March 15, in the outskirts of London, the first meetings of military chiefs"
PARIS = """
facts_version: 1
entities:
  - {id: france, name: France, type: place}
  - {id: paris, name: Paris, type: place}
relations:
  - {id: france-in-europe, relation: located-in, subject: france, object: europe}
  - {id: paris-in-france, relation: located-in, subject: paris, object: france}
"""


def seed_findings(tmp_path, text: str) -> list[dict]:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "seeds" / "article.md").write_text(text, encoding="utf-8")
    (tmp_path / "paris.yaml").write_text(PARIS)
    result = run_in_process(
        "check", str(tmp_path / "seeds" / "article.md"), "--facts", str(REPO / "seeds" / "facts.yaml"), "--facts", str(tmp_path / "paris.yaml"),
        "--format", "json", "--no-cache",
    )
    return json.loads(result.stdout)["findings"]


def test_the_seed_articles_meeting_place_is_checked_and_agrees(tmp_path):
    assert PLACE_CLAIM in SEED
    rules = [f["rule"] for f in seed_findings(tmp_path, SEED)]
    assert rules == ["former-office-holder", "quote-anachronism", "office-holder", "event-date"]  # nothing new: London agrees
    wrong = seed_findings(tmp_path, SEED.replace(PLACE_CLAIM, PLACE_CLAIM.replace("outskirts of London", "outskirts of Paris")))
    [place] = [f for f in wrong if f["rule"] == "event-place"]
    assert place["message"] == (
        "First meeting of the coalition of the willing's military chiefs took place in Northwood, outside London, not in Paris."
    )
    assert [note["text"] for note in place["facts"]] == [
        "First meeting of the coalition of the willing's military chiefs took place on 20 March 2025 (Northwood, outside London)."
    ]
    for agreeing in ("outskirts of England", "outskirts of Europe"):
        assert "event-place" not in [f["rule"] for f in seed_findings(tmp_path, SEED.replace(PLACE_CLAIM, PLACE_CLAIM.replace("outskirts of London", agreeing)))]


def test_a_slot_typed_place_compares_places_and_any_other_compares_things(tmp_path):
    """Two countries the facts place on separate chains cannot be told apart as places, but they are
    two holders of a presidency: rotating-presidency binds its subject as a thing."""
    facts = """
    facts_version: 1
    entities:
      - {id: africa, name: Africa, type: place}
      - {id: south-america, name: South America, type: place}
      - {id: brazil, name: Brazil, type: place}
      - {id: south-africa, name: South Africa, type: place}
      - {id: g20, name: G20, type: organization}
    relations:
      - {id: brazil-in-south-america, relation: located-in, subject: brazil, object: south-america}
      - {id: south-africa-in-africa, relation: located-in, subject: south-africa, object: africa}
      - {id: brazil-g20, relation: holds-presidency-of, subject: brazil, object: g20, from: 2023-12-01, to: 2024-11-30}
      - {id: south-africa-g20, relation: holds-presidency-of, subject: south-africa, object: g20, from: 2024-12-01, to: 2025-11-30}
    """
    [finding] = lint("Brazil holds the presidency of the G20.", rule="rotating-presidency", date="2025-02-01", facts_yaml=facts)
    assert "South Africa (from 1 December 2024 to 30 November 2025) held it" in finding.message
    as_places = """
    rules:
      - id: as-places
        kind: relation
        relation: holds-presidency-of
        unique: subject
        severity: error
        message: '{subject} did not hold it {date}: {recorded} did.'
        description: The subject compared as a place.
        patterns: ['{subject:place} holds the presidency of (?:the )?{object:organization}']
        examples: {flag: [], pass: []}
    """
    assert lint("Brazil holds the presidency of the G20.", rule="as-places", date="2025-02-01", facts_yaml=facts, rules_yaml=as_places) == []


ASEAN = """
facts_version: 1
entities:
  - {id: asia, name: Asia, type: place}
  - {id: vietnam, name: Vietnam, type: place}
  - {id: indonesia, name: Indonesia, type: place}
  - {id: gambia, name: The Gambia, aliases: [Gambia], type: place}
  - {id: asean, name: ASEAN, type: organization}
  - {id: commonwealth, name: Commonwealth, type: organization}
relations:
  - {id: vietnam-chair-2020, relation: holds-presidency-of, subject: vietnam, object: asean, from: 2020-01-01, to: 2020-12-31}
  - {id: indonesia-chair-2023, relation: holds-presidency-of, subject: indonesia, object: asean, from: 2023-01-01, to: 2023-12-31}
  - {id: gambia-commonwealth, relation: member-of, subject: gambia, object: commonwealth, from: 2018-02-08}
"""


@pytest.mark.parametrize(
    ("text", "rule", "flagged"),
    [
        ("Vietnam, which holds the rotating presidency of ASEAN, hosted the summit.", "rotating-presidency", True),
        ("Vietnam, which holds the rotating ASEAN chairmanship, hosted the summit.", "rotating-presidency", True),
        ("Indonesia, which holds the ASEAN chairmanship, hosted the summit.", "rotating-presidency", False),
        ("Commonwealth member the Gambia sent observers.", "member-of", True),  # in 2017 it had left
        ("Vietnam holds ASEAN's rotating chairmanship this year.", "rotating-presidency", True),
        # An adverb before "a member": "was already a member of".
        ("The Gambia was already a member of the Commonwealth.", "member-of", True),
        ("The Gambia was still a member of the Commonwealth.", "member-of", True),
    ],
)
def test_relations_written_with_a_relative_clause_or_an_article(text, rule, flagged):
    found = lint(text, rule=rule, date="2023-09-05" if rule != "member-of" else "2017-06-01", facts_yaml=ASEAN)
    assert bool(found) is flagged


DEAL = """
facts_version: 1
entities:
  - {id: world, name: World, type: place}
  - {id: austria, name: Austria, type: place}
  - {id: vienna, name: Vienna, type: place}
  - {id: iran, name: Iran, type: place}
  - {id: tehran, name: Tehran, type: place}
  - {id: werner-faymann, name: Werner Faymann, type: person}
events:
  - {id: iran-deal, name: The Iran nuclear deal, date: 2015-07-14, place: vienna, mentions: ['Iran nuclear deal']}
  - {id: opera-fire, name: The opera house fire, date: 2015-07-20, place: vienna, mentions: ['opera (?:house )?fire']}
  - {id: readmission, name: Austria's readmission to the league, date: 2015-07-21, place: vienna, mentions: ['readmitted to the league']}
  - {id: swearing-in, name: Werner Faymann's swearing-in, date: 2015-07-22, place: vienna, mentions: ['Faymann (?:was )?sworn in']}
relations:
  - {id: austria-in-world, relation: located-in, subject: austria, object: world}
  - {id: iran-in-world, relation: located-in, subject: iran, object: world}
  - {id: vienna-in-austria, relation: located-in, subject: vienna, object: austria}
  - {id: tehran-in-iran, relation: located-in, subject: tehran, object: iran}
"""


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The Iran nuclear deal was signed in Tehran in July 2015.", True),
        ("The Iran nuclear deal was signed in Vienna in July 2015.", False),
        ("The Iran nuclear deal in Tehran ended years of talks.", True),  # the deal and its place, the subject of a verb
        ("Protests against the Iran nuclear deal in Tehran ended.", False),  # the place of the protests
        ("Diplomats signed the Iran nuclear deal in Tehran.", True),
        ("Reporters watched the Iran nuclear deal in Tehran.", False),  # where it was watched
        ("Hundreds fled when the opera fire broke out in Tehran.", True),
        ("Hundreds fled when the opera fire broke out in Vienna.", False),
        ("Austria was readmitted to the league in Tehran in July 2015.", True),  # the event named by the act, after "was"
        ("Austria was readmitted to the league in Vienna in July 2015.", False),
        ("Austria readmitted to the league in Tehran a team of its own.", False),  # no "was": not the act of the clause
        # A place opening the sentence, then the named person who performed the act.
        ("In Tehran, Werner Faymann was sworn in.", True),
        # Effects and reactions after a place opening the sentence are where they fell, not the event's place.
        ("In Tehran, the opera fire destroyed the stage.", False),
        ("In Tehran, the opera fire drew little attention.", False),
        # "broke out" right after the event; another subject between is what broke out there.
        ("A month after the opera fire fighting broke out in Tehran.", False),
        ("In Vienna, Werner Faymann was sworn in.", False),
        ("In Tehran, fans cheered as Werner Faymann was sworn in.", False),
    ],
)
def test_an_events_place_in_the_ways_copy_gives_it(text, flagged):
    assert bool(lint(text, rule="event-place", date="2022-07-14", facts_yaml=DEAL)) is flagged


REGIONS = WORLD.replace("entities:\n", "entities:\n  - {id: rhone, name: Rhone, type: place, aliases: [Rhone Department]}\n", 1) + """
  - {id: rhone-in-france, relation: located-in, subject: rhone, object: france}
  - {id: lyon-in-rhone, relation: located-in, subject: lyon, object: rhone}
  - {id: capital-france, relation: capital, subject: france, object: paris}
  - {id: capital-rhone, relation: capital, subject: rhone, object: lyon}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The capital of a region is not the capital of the country the region lies in.
        ("Lyon, the capital of France, hosted the talks.", ["Lyon was not the capital of France on 1 June 2025: the capital was Paris."]),
        ("Lyon, the capital of Rhone, hosted the talks.", []),
        ("Paris, the capital of France, hosted the talks.", []),
        # A region's name ending in its kind is also known with the kind in lower case, as copy writes it.
        ("Paris, the capital of Rhone department, hosted the talks.", ["Paris was not the capital of Rhone on 1 June 2025: the capital was Lyon."]),
        ("Lyon, the capital of Rhone department, hosted the talks.", []),
    ],
)
def test_a_capital_is_looked_up_for_the_place_written_not_the_places_in_it(text, expected):
    assert [f.message for f in lint(text, rule="capital", date="2025-06-01", facts_yaml=REGIONS)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The event's verb in the passive, and its casualties, say where it happened.
        ("The 2025 Cup final was won in Lyon.", ["event-place"]),
        ("The 2025 Cup final was played in Paris.", []),
        ("Two fans were hurt at the 2025 Cup final in Lyon.", ["event-place"]),
        ("Two fans were hurt at the 2025 Cup final in Paris.", []),
    ],
)
def test_an_event_won_played_or_with_casualties_in_a_place(text, expected):
    assert [f.rule for f in lint(text, rule="event-place", date="2025-06-01", facts_yaml=REGIONS)] == expected


VERDICT = """
facts_version: 1
entities:
  - {id: world, name: World, type: place}
  - {id: india, name: India, type: place}
  - {id: bengaluru, name: Bengaluru, type: place}
  - {id: chennai, name: Chennai, type: place}
relations:
  - {id: bengaluru-in-india, relation: located-in, subject: bengaluru, object: india}
  - {id: chennai-in-india, relation: located-in, subject: chennai, object: india}
  - {id: india-in-world, relation: located-in, subject: india, object: world}
events:
  - {id: the-verdict, name: the assets verdict, date: 2014-09-27, place: bengaluru, mentions: ['assets (?:case )?(?:verdict|conviction)']}
  - {id: the-swearing-in, name: the swearing-in of Ravi Kumar, date: 2016-05-23, place: chennai, mentions: ['Kumar (?:was )?sworn in', 'Kumar took (?:the )?oath']}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verdict or a speech is "handed down" or "delivered" where it happened.
        ("The assets verdict was handed down in Chennai.", ["event-place"]),
        ("The assets verdict was handed down in Bengaluru.", []),
        ("The assets conviction was delivered in Chennai.", ["event-place"]),
        # An act named by its verb, then where it happened.
        ("Kumar was sworn in at a ceremony in Bengaluru.", ["event-place"]),
        ("Kumar was sworn in at a ceremony in Chennai.", []),
        ("Kumar was sworn in in Bengaluru.", ["event-place"]),
        ("Kumar took oath at a ceremony in Bengaluru attended by the governor.", ["event-place"]),
        ("Kumar took the oath in Chennai.", []),
        ("Kumar took the oath for a record third time in Bengaluru.", ["event-place"]),
    ],
)
def test_an_event_handed_down_or_delivered_in_a_place(text, expected):
    assert [f.rule for f in lint(text, rule="event-place", date="2015-05-12", facts_yaml=VERDICT)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The event and its place as the subject: a full date set off by commas, a perfect tense.
        ("The Iran nuclear deal in Tehran on July 14, 2015, ended years of talks.", ["event-place"]),
        ("The Iran nuclear deal in Vienna on July 14, 2015, ended years of talks.", []),
        ("The Iran nuclear deal in Tehran has prompted calls for more talks.", ["event-place"]),
        # Who is accused of an event, or suffered it, and where it happened.
        ("Police questioned a suspect in the Iran nuclear deal in Tehran.", ["event-place"]),
        ("Police questioned a suspect in the Iran nuclear deal in Vienna.", []),
    ],
)
def test_an_events_place_after_a_date_a_perfect_or_its_suspects(text, expected):
    assert [f.rule for f in lint(text, rule="event-place", date="2022-07-14", facts_yaml=DEAL)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An event named by a verb in the passive, then where: at a venue, or in a place.
        ("Kumar was sworn in at a packed stadium in Bengaluru.", ["event-place"]),
        ("Kumar was sworn in at a packed stadium in Chennai.", []),
        ("Power-sharing was restored in Bengaluru on Saturday.", ["event-place"]),
        ("Power-sharing was restored in Chennai on Saturday.", []),
    ],
)
def test_an_event_named_by_a_passive_verb_then_its_venue_or_place(text, expected):
    facts = VERDICT + "  - {id: power-sharing, name: the restoration, date: 2016-05-21, place: chennai, mentions: ['power-sharing was restored']}\n"
    assert [f.rule for f in lint(text, rule="event-place", date="2016-06-01", facts_yaml=facts)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Iran nuclear deal unfolded in Tehran.", ["event-place"]),
        ("The Iran nuclear deal, signed this year in Tehran, ended years of talks.", ["event-place"]),
        ("In Tehran, the Iran nuclear deal began a new era.", ["event-place"]),
        ("In Vienna, the Iran nuclear deal began a new era.", []),
        ("In Tehran, protesters against the Iran nuclear deal began a march.", []),
    ],
)
def test_an_event_that_unfolded_was_held_this_year_or_opened_in_a_place(text, expected):
    assert [f.rule for f in lint(text, rule="event-place", date="2015-08-14", facts_yaml=DEAL)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Iran nuclear deal, carried out in Tehran, ended years of talks.", ["event-place"]),
        ("The Iran nuclear deal, which took place in Tehran on Friday, ended years of talks.", ["event-place"]),
        ("The Iran nuclear deal, which took place in Vienna on Friday, ended years of talks.", []),
    ],
)
def test_an_event_carried_out_or_which_took_place_in_a_place(text, expected):
    assert [f.rule for f in lint(text, rule="event-place", date="2015-08-14", facts_yaml=DEAL)] == expected
