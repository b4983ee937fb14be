"""What real news prose needs: organisations with titles, short names, time in the sentence."""

from __future__ import annotations

import pytest

from conftest import analysis_of, lint

DATE = "2004-01-01..2005-12-31"


def claims(text: str) -> list[tuple[str, str, frozenset | None]]:
    analysis = analysis_of(text, date=DATE)
    return [(analysis.text(c.span), c.person, c.organizations) for c in analysis.claims]


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft chief executive Steve Ballmer said.",
        "Microsoft's chief executive Steve Ballmer said.",
        "Microsoft's former chief executive Bill Gates said.",
        "Steve Ballmer, chief executive of Microsoft, said.",
        "Steve Ballmer, Microsoft chief executive, said.",
        "The Microsoft boss, Steve Ballmer, said.",
    ],
)
def test_titles_with_their_organisation(text):
    [(_, person, organizations)] = claims(text)
    assert organizations == frozenset({"microsoft"}) and person in ("steve-ballmer", "bill-gates")


def test_organisation_decides_which_office_a_shared_title_means():
    assert lint("Microsoft chief executive Steve Ballmer said.", date=DATE) == []
    [finding] = lint("Apple chief executive Steve Ballmer said.", date=DATE)
    assert "Chief Executive of Apple" in finding.message and "Steve Jobs" in finding.message
    [finding] = lint("Steve Jobs, chief executive of Microsoft, said.", date=DATE)
    assert "Chief Executive of Microsoft" in finding.message
    assert lint("Microsoft chairman Bill Gates said.", date=DATE) == []
    assert lint("Microsoft's former chief executive Bill Gates said.", date=DATE) == []


def test_a_title_without_organisation_means_the_persons_own_office():
    assert lint("Chief executive Steve Ballmer said.", date=DATE) == []
    assert lint("Boss Alex Ferguson said.", date=DATE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Lions coach Alex Ferguson said.",  # an organisation the facts do not know
        "Rangers boss Steve Ballmer said.",
        "Newcastle United manager Alex Ferguson said.",  # 'United' is only the end of another name
        "Labour's chancellor Gordon Brown said.",  # a possessive the facts do not know
        "Blair's chancellor Kenneth Clarke said.",  # a relation, not a claim of office
        "Sony chief executive Steve Ballmer said.",
    ],
)
def test_abstains_when_the_organisation_is_unknown_or_the_name_is_part_of_another(text):
    assert lint(text, date=DATE) == []


def test_short_names_refer_to_the_full_name_given_earlier():
    analysis = analysis_of("Gordon Brown spoke. Mr Brown said. Brown left.", date=DATE)
    assert [(analysis.text(n.span), n.entity) for n in analysis.names] == [
        ("Gordon Brown", "gordon-brown"), ("Mr Brown", "gordon-brown"), ("Brown", "gordon-brown")
    ]
    assert analysis_of("Mr Brown said. Brown left.", date=DATE).names == []  # never named in full
    ferguson = analysis_of("Sir Alex Ferguson spoke. Later Sir Alex left.", date=DATE)
    assert [n.entity for n in ferguson.names] == ["alex-ferguson", "alex-ferguson"]


def test_a_short_name_with_a_title_is_checked():
    [finding] = lint("Gordon Brown arrived. Microsoft boss Brown spoke.", rule="office-holder", date=DATE)
    assert finding.message.startswith("Gordon Brown was not Chief Executive of Microsoft")


def test_a_short_name_after_another_first_name_is_not_that_person():
    analysis = analysis_of("Gordon Brown spoke. James Brown sang. The singer James Brown sang.", date=DATE)
    assert [analysis.text(n.span) for n in analysis.names] == ["Gordon Brown"]
    united = analysis_of("Newcastle United won. But United lost.", date=DATE)
    assert [(united.text(n.span), n.embedded) for n in united.names] == [("United", True), ("United", False)]
    assert lint("Gordon Brown spoke. James Brown, the chancellor, sang.", date=DATE) == []


def test_a_past_year_in_the_sentence_sets_the_time_of_the_claim():
    assert lint("In 1996, Chancellor Kenneth Clarke said.", date=DATE) == []
    assert lint("Chancellor Kenneth Clarke said.", date=DATE)
    [finding] = lint("In 1998, Chancellor Kenneth Clarke said.", date=DATE)
    assert "Chancellor of the Exchequer in 1998: it was held by Gordon Brown" in finding.message  # the year, not the article's date
    assert lint("In the 1990s, Chancellor Kenneth Clarke said.", date=DATE) == []
    assert lint("On 1 March 1996 Chancellor Kenneth Clarke said.", date=DATE) == []
    assert lint("Chancellor Kenneth Clarke said he would retire in 2009.", date=DATE)  # future years do not count


@pytest.mark.parametrize(
    "text",
    [
        "Gordon Brown, who became chancellor in 1997, said.",
        "The late chancellor Kenneth Clarke said.",
        "Incoming Microsoft boss Steve Jobs said.",
        "Interim chief executive Steve Jobs said.",
        "Would-be chancellor Kenneth Clarke said.",
        "The prime minister's spokesman said Gordon Brown would speak.",
    ],
)
def test_phrases_that_are_left_alone(text):
    assert lint(text, date=DATE) == []


def test_then_title_is_understood():
    assert lint("Then-chancellor Kenneth Clarke said.", date=DATE) == []
    assert lint("Then-chancellor Gordon Brown said.", date="1995-01-01", rule="then-office-holder")


def test_ranks_are_not_invented():
    analysis = analysis_of("Gordon Brown spoke. Lord Brown of Madingley disagreed.", date=DATE)
    assert [analysis.text(n.span) for n in analysis.names] == ["Gordon Brown"]


def test_a_capitalised_modifier_is_not_part_of_a_name():
    text = "It changed its name to Acme Inc. Former Microsoft chief executive Bill Gates spoke."
    [(phrase, person, organizations)] = claims(text)
    assert (person, organizations) == ("bill-gates", frozenset({"microsoft"}))
    assert lint(text, date=DATE) == []


def test_of_overlapping_titles_the_one_reaching_furthest_wins():
    facts = __import__("conftest").FACTS.replace("titles: [Chancellor]", "titles: [Chancellor, UK Chancellor, Chancellor of the Exchequer]")
    facts = facts.replace("  - {id: acme,", "  - {id: uk, name: UK, type: place}\n  - {id: acme,")
    analysis = analysis_of("UK Chancellor of the Exchequer Gordon Brown spoke.", date=DATE, facts_yaml=facts)
    assert [analysis.text(t.span) for t in analysis.titles] == ["Chancellor of the Exchequer"]
    assert [analysis.text(c.span) for c in analysis.claims] == ["UK Chancellor of the Exchequer Gordon Brown"]
