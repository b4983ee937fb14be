"""The English words factlint understands around names, titles, dates and quotes.

Kept as data in one place so that what the engine reads (and what it
deliberately leaves alone) is easy to review and extend.
"""

# Before a title: the claim is that the person held it before, not now.
FORMER = frozenset({"former", "ex", "erstwhile", "onetime"})
# Before a title: the claim is that the person held it at the time spoken of.
EARLIER = frozenset({"then"})
# Before or after a title: another role, or not (yet) holding it ("would-be", "will become").
# The title is left alone.
OTHER_ROLE = frozenset(
    """shadow deputy vice acting interim assistant associate junior caretaker honorary co
    future incoming outgoing designate elect late would prospective presumptive
    be become becomes became becoming""".split()
)
# Capitalised only because they open a sentence (or a title phrase: "Former"): a name right after
# one is not part of a longer name ("But Wenger said"), while after any other capitalised word it
# may be ("Newcastle United").
SENTENCE_OPENERS = frozenset(
    """the a an and but or so yet nor for if when while as after before since until although though
    because meanwhile however also then now today yesterday tomorrow tonight earlier later last next
    this that these those there here in on at by with from to of into under over during without about
    according despite instead indeed even still only both neither either each every all many most some
    such what which who whom whose where why how it he she they we i you his her their our its my your
    former ex new old once not no yes well meanwhile asked speaking""".split()
)
ARTICLES = frozenset({"the", "a", "an"})
# After "Title" in "Name, the title," or "the title, Name,": the appositive must end here.
APPOSITIVE_END = frozenset({",", ".", ";", ":", ")", "—", "–", "!", "?"})
# After "when X was title": a word that lets the title end the phrase.
PHRASE_END_WORDS = frozenset({"when", "in", "from", "until", "between", "at", "during", "and", "but", "before", "after", "for", "under"})

SPEECH_VERBS = frozenset(
    """said says say told tells added adds asked asks explained explains stated states declared
    declares insisted insists warned warns noted notes argued argues wrote writes replied replies
    continued continues commented comments claimed claims suggested suggests announced announces
    admitted admits conceded concedes recalled recalls urged urges stressed stresses""".split()
)
PRONOUNS = frozenset({"he", "she"})

# Between a date and an event mention: the date belongs to another clause or another event
# ("a charity match on 10 January for victims of the tsunami", "before the Athens Games and
# again on 12 August"). A relative pronoun right after the event attaches its clause to it
# ("the Australian Open, which starts on 17 January").
DATE_DETACHING = frozenset(
    """before after since until till following ahead for because while when whereas and but or nor
    which that who whom whose where than eve despite""".split()
)
RELATIVE_PRONOUNS = frozenset({"which", "that"})
# After "and", a verb of timing keeps the event as the subject ("the show ..., and runs from 6 to
# 9 January"): the date stays attached.
TIMING_VERBS = frozenset(
    """runs ran starts started begins began ends ended opens opened closes closed finishes finished
    takes took is was will kicks kicked culminates""".split()
)
MAX_DATE_DISTANCE = 20  # tokens between a date and the event it dates

MONTHS = {
    "January": 1, "Jan": 1, "February": 2, "Feb": 2, "March": 3, "Mar": 3, "April": 4, "Apr": 4,
    "May": 5, "June": 6, "Jun": 6, "July": 7, "Jul": 7, "August": 8, "Aug": 8, "September": 9,
    "Sept": 9, "Sep": 9, "October": 10, "Oct": 10, "November": 11, "Nov": 11, "December": 12, "Dec": 12,
}
