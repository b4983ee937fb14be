"""The English words factlint understands around names, titles, dates and quotes.

Kept as data in one place so that what the engine reads (and what it
deliberately leaves alone) is easy to review and extend.
"""

# Before a title: the claim is that the person held it before, not now.
FORMER = frozenset({"former", "ex", "erstwhile", "onetime", "deposed", "ousted", "toppled", "overthrown"})
# The words of titles that most countries' offices have ("Prime Minister", "Leader of the
# Opposition", "finance minister", "vice president"): such a title, given to someone the facts know
# only in another country's offices, may be that country's office, which the facts do not list.
GENERIC_TITLE_WORDS = frozenset(
    """prime minister opposition leader of the foreign finance defence defense interior justice health
    president vice deputy mayor governor speaker premier""".split()
)
# After a comma or "was", an adverb that says the same: "X, once mayor of Y,", "who was formerly mayor".
ONCE = frozenset({"once", "formerly", "previously"})
# After a titled person's possessive name, a noun for their time in the office as a period: "the last
# years of President Marcos's rule". Not "government" or "administration": "President Bush's
# administration said" is a claim about now.
TENURE_NOUNS = frozenset("rule reign regime era years tenure heyday".split())
# After "the" and before a title, a possessive of these nouns stands for "the": "the state's premier",
# "the company's chief executive" (the one the article speaks of), not a person's relation ("Blair's chancellor").
ORGANISATION_NOUNS = frozenset(
    """country nation state province region city territory island company firm group bank club party
    team league union board""".split()
)
# Before a title: the claim is that the person held it at the time spoken of.
EARLIER = frozenset({"then"})
# Before a title: the claim is that the person holds it ("the current Education Secretary, X,", "the
# outgoing governor": holds it still, until the successor takes over).
CURRENT = frozenset({"current", "incumbent", "sitting", "serving", "present", "now", "outgoing", "departing"})
# Of those, the words of a handover: the holder is leaving, or has just left ("the outgoing premier
# said in a farewell statement", in the paper the day after the successor was sworn in). The claim
# is true up to HANDOVER_DAYS after the tenure ends.
OUTGOING = frozenset({"outgoing", "departing"})
# A holder's leaving, after the titled name ("Chancellor X resigned") or before it ("the departure
# of Prime Minister X"): the title is the one held until then, whenever that was.
LEAVING_VERBS = frozenset({"resigned", "retired"})
# After "was" or "were": "Shadow chancellor X was demoted", "was sacked", "was replaced by Y".
LEAVING_PASSIVES = frozenset({"demoted", "sacked", "fired", "ousted", "removed", "replaced", "dismissed", "deposed", "toppled", "axed", "impeached"})
# A verb of leaving only with what follows: "stepped down", "left office", "quit politics" ("left for
# Kyiv", "stood at the podium" and "quit smoking" are no leaving).
LEAVING_PHRASES = {
    "stepped": frozenset({"down", "aside"}),
    "stood": frozenset({"down", "aside"}),
    "left": frozenset({"office", "power", "politics", "government", "parliament", "the"}),
    "quit": frozenset({"as", "office", "politics", "government", "the"}),
}
# After "left the", "quit the": what was left ("left the government", "quit the post").
LEFT_POSTS = frozenset({"government", "post", "job", "cabinet", "office", "presidency", "treasury", "party", "leadership", "stage", "scene"})
PERSONAL_POSSESSIVES = frozenset({"his", "her", "their"})  # "her chancellor": a relation to a person, like "Truss's chancellor"
# After "since-", participles of leaving that say "former": "his since-sacked home secretary".
SINCE_LEFT = (LEAVING_PASSIVES - {"impeached"}) | LEAVING_VERBS | frozenset(
    "departed deceased assassinated murdered killed exiled unseated expelled".split()
)
LEAVING_NOUNS = frozenset({"departure", "resignation", "exit", "ouster", "downfall", "fall", "removal", "retirement"})
HANDOVER_DAYS = 7
# Right after a title claim dated by a fronted time: an election won ("In 2020, President Biden won
# the state"), which gives the title that the holder takes up at most this many days later (the
# US President in January after a November vote).
ELECTION_WINS = frozenset("won wins carried defeated beat swept".split())
# After one of those, words that begin what an election wins (or a capitalised name, or a figure).
ELECTION_OBJECTS = frozenset("the a an re-election reelection election office by".split())
ELECTION_TO_OFFICE_DAYS = 90
# Right after a title claim: the holder's taking up the office, soon ("President X will be inaugurated
# on Monday"): the title is true within ELECTION_TO_OFFICE_DAYS after the time spoken of.
TAKING_OFFICE = tuple(
    tuple(phrase.split())
    for phrase in (
        "will be inaugurated", "will be sworn", "will be installed", "is to be inaugurated", "is to be sworn",
        "is set to be inaugurated", "is set to be sworn", "will take office", "takes office", "is to take office",
        "will take the oath", "takes the oath", "is to take the oath",
    )
)
# Before or after a title: another role, or not (yet) holding it ("would-be", "will become").
# The title is left alone.
OTHER_ROLE = frozenset(
    """shadow deputy vice lieutenant acting interim assistant associate junior caretaker honorary co
    lt lieut dep asst future incoming designate elect late would prospective presumptive""".split()
)
# Before a title: the person named after it is to become (or became) the holder, and the title
# is left alone ("will become Prime Minister Liz Truss"); unless that name is a possessive, when
# what is become is something of the holder's ("Rubio becomes President Trump's first cabinet pick").
BECOMING = frozenset("be become becomes became becoming".split())
# Capitalised only because they open a sentence (or a title phrase: "Former"): a name right after
# one is not part of a longer name ("But Wenger said"), while after any other capitalised word it
# may be ("Newcastle United").
SENTENCE_OPENERS = frozenset(
    """the a an and but or so yet nor for if when while as after before since until although though
    because meanwhile however also then now today yesterday tomorrow tonight earlier later last next
    this that these those there here in on at by with from to of into under over during without about
    according despite instead indeed even still only both neither either each every all many most some
    such what which who whom whose where why how it he she they we i you his her their our its my your
    former ex new old once not no yes well meanwhile asked speaking following ahead amid among unlike like
    against within throughout across through behind toward towards upon""".split()
)
ARTICLES = frozenset({"the", "a", "an"})
# Capitalised before a title in wire copy, but never an organisation: "New White House Chief of Staff".
TITLE_ADJECTIVES = frozenset({"new", "newly-appointed", "veteran", "longtime", "long-time"})
# Before a title (with at most an adjective between): "a good chancellor", "an interim president".
# An indefinite title names a kind of role, not a person's office: never a claim.
INDEFINITE_ARTICLES = frozenset({"a", "an"})
# Capitalised words that describe a person, not the owner of an office: "Labour chancellor Rachel
# Reeves", "Republican senator", "the Democratic former governor". Read through before a title.
PARTY_WORDS = frozenset(
    """labour conservative conservatives tory tories liberal liberals democrat democrats democratic
    republican republicans lib dem snp plaid reform ukip socialist socialists gaullist communist
    communists unionist gop""".split()
)
# After "Title" in "Name, the title," or "the title, Name,": the appositive must end here.
APPOSITIVE_END = frozenset({",", ".", ";", ":", ")", "—", "–", "!", "?"})
# After "when X was title": a word that lets the title end the phrase.
PHRASE_END_WORDS = frozenset({"when", "in", "from", "until", "between", "at", "during", "and", "but", "before", "after", "for", "under"})

SPEECH_VERBS = frozenset(
    """said says say told tells added adds asked asks explained explains stated states declared
    declares insisted insists warned warns noted notes argued argues wrote writes replied replies
    continued continues commented comments claimed claims suggested suggests announced announces
    admitted admits conceded concedes recalled recalls urged urges stressed stresses promised promises
    vowed vows pledged pledges quipped joked tweeted posted""".split()
)
PRONOUNS = frozenset({"he", "she"})
# Verbs of replying: the words after the colon answer the speech noun's owner ("hit back at X's warning:").
REPLY_VERBS = frozenset(
    """hit responded respond responds replied reply replies retorted countered counters dismissed rejected mocked
    attacked slammed answered answers rebuffed rebutted""".split()
)
# Nouns of something said, naming whose it is before a colon and a quotation: 'the remark by X: "..."',
# 'X's warning: "..."'.
SPEECH_NOUNS = frozenset(
    """remark remarks comment comments words quip jibe retort warning warnings statement message pledge
    promise vow line verdict plea reply response answer""".split()
)
# Speech verbs that take a listener before their circumstances: "told investors in London".
LISTENER_VERBS = frozenset({"told", "tells", "asked", "asks", "urged", "urges", "warned", "warns", "reminded", "reminds"})
# Prepositions of the circumstances after a speech verb: "said in a statement on Tuesday".
CIRCUMSTANCE_PREPOSITIONS = frozenset({"of", "on", "in", "at", "during", "after", "before", "from", "to", "with", "via", "by", "outside", "inside"})
AUXILIARIES = frozenset(
    """is are was were be been being has have had do does did will would shall should can could may might must""".split()
)
# Verbs whose reported clause is in the speaker's own words ("Lagarde promised that the ECB was
# "ready to do whatever it takes""), unlike "recalled", "quoted" or "cited", which bring in another's.
OWN_WORDS_VERBS = frozenset(
    """said says told tells promised promises warned warns insisted insists declared declares argued argues
    claimed claims stated states announced announces pledged pledges vowed vows added adds""".split()
)

# Verbs whose object is followed by a speaker's words about it: "X described Y as "...", "X called Y "..."".
DESCRIBING_VERBS = frozenset(
    """described describes called calls branded brands labelled labeled labels dubbed dubs hailed hails""".split()
)

# Words that open a new clause: a time written after one of them belongs to that clause, not to
# a title before it ("Streeting said the list had doubled since it was last cut in 2010").
CLAUSE_OPENERS = frozenset(
    """that which who whom whose where when whenever while whereas since because although though
    after before until till if unless whether as and but or nor so than once""".split()
)
# Between a verb of speech and a time: "said on 3 March 2021", "said in 2019".
TIME_PREPOSITIONS = frozenset({"on", "in", "during", "at", "by", "last", "early", "late"})
# Before a time that is the time of the noun before it, not of the clause: "an election for 28 April".
TARGET_PREPOSITIONS = frozenset({"for"})
# After a title: "Jeremy Hunt, chancellor at the time,": held then, like "then-".
AT_THE_TIME = ("at", "the", "time")

# Between a date and an event mention: the date belongs to another clause or another event
# ("a charity match on 10 January for victims of the tsunami", "before the Athens Games and
# again on 12 August"). A relative pronoun right after the event attaches its clause to it
# ("the Australian Open, which starts on 17 January").
DATE_DETACHING = frozenset(
    """before after since until till following ahead for because while when whereas and but or nor
    which that who whom whose where than eve despite""".split()
)
RELATIVE_PRONOUNS = frozenset({"which", "that"})
# Between an event lasting several days and a date: the date is its first day, or its last.
OPENING_VERBS = frozenset("open opens opened opening begin begins began beginning start starts started starting".split())
CLOSING_VERBS = frozenset("close closes closed closing end ends ended ending finish finishes finished conclude concludes concluded".split())
# After "and", a verb of timing keeps the event as the subject ("the show ..., and runs from 6 to
# 9 January"): the date stays attached.
TIMING_VERBS = frozenset(
    """runs ran starts started begins began ends ended opens opened closes closed finishes finished
    takes took is was will kicks kicked culminates""".split()
)
# Before "for" and a date, a word that plans the event itself for that day ("scheduled for March 1"),
# and adverbs that may stand before such a word in an apposition ("the swearing-in, now scheduled for").
SCHEDULING = frozenset("scheduled rescheduled set slated planned pencilled penciled fixed earmarked due".split())
SCHEDULE_ADVERBS = frozenset("now already originally initially provisionally tentatively".split())
# Verbs of an event's own act, in a relative clause on it: "the anniversary of the fire, which killed 192
# people on Feb. 28" dates the fire; "..., which was marked with a silence on Feb. 20" dates the anniversary.
EVENT_ACTS = frozenset("killed claimed struck hit destroyed injured began started erupted broke happened occurred swept".split())
MAX_DATE_DISTANCE = 20  # tokens between a date and the event it dates
# After an event and a comma, words that keep the date with the event ("the Oscars, held on 2 March",
# "the summit, to be held on 3 March").
EVENT_APPOSITION = frozenset(
    """held staged scheduled due set starting beginning running taking played hosted opening ending
    run won fought begun shown sung led struck made drawn sworn taken written which that to""".split()
)
# Between "for" and an event: "registration for next year's London Marathon".
DETERMINER_WORDS = frozenset({"next", "last", "this", "that", "annual", "year's", "year’s", "-"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# Words that date an act to a day near the article's ("said on Wednesday", "announced yesterday").
DAY_WORDS = WEEKDAYS | {"today", "tonight", "yesterday"}
# The kind of place that ends a region's name ("Santa Fe Province", "Kyiv Oblast"), which copy
# often writes in lower case ("Santa Fe province").
PLACE_KINDS = frozenset(
    """province region county district oblast prefecture state department governorate territory
    municipality voivodeship canton""".split()
)
# Right after a place's name, nouns that make it a modifier of a wider or other place: "42,000
# people in the Whitehorse area" is not Whitehorse's population.
AREA_NOUNS = frozenset(
    """area areas region regions metro metropolitan suburbs suburb outskirts district districts county
    valley basin belt corridor zone hinterland catchment conurbation commuter""".split()
)
# Right after an event's name, nouns that make the event their modifier: "the Grenfell Tower fire
# inquiry heard evidence on 3 March" dates the inquiry, "the referendum result on 24 June" the
# result, "the title parade on June 17" the parade. A date then belongs to that noun, unless it
# stands right before the event's name ("the 7 July bombings inquiry").
EVENT_HEAD_NOUNS = frozenset(
    """inquiry inquiries inquest inquests anniversary anniversaries memorial memorials commemoration
    commemorations vigil vigils tribute tributes victims survivors families bereaved report reports
    review reviews investigation investigations probe trial trials hearing hearings case cases
    lawsuit campaign campaigns debate debates aftermath fallout coverage documentary film book
    exhibition fund appeal committee commission panel result results count recount winner winners
    champion champions tickets organisers organizers legacy bill compensation payouts clean-up
    cleanup reconstruction rebuilding response parade parades celebrations homecoming reception
    receptions rally rallies""".split()
)
# Occasions with days of their own, held about an event: "the fifth anniversary of the Garissa
# attack on 2 April 2020", "the inquiry into the fire on 3 March" date the occasion. ("Survivors of
# the attack on 3 April" dates the attack: survivors and victims are no occasion.)
OCCASIONS = frozenset(
    """anniversary anniversaries centenary centenaries centennial bicentenary jubilee memorial memorials
    commemoration commemorations vigil vigils tribute
    tributes remembrance inquiry inquiries inquest inquests trial trials hearing hearings parade parades
    celebrations homecoming reception receptions rally rallies""".split()
)
# Of those, the ones that mark an earlier thing: "the centenary of the 1929 Exposition" is not in 1929
# (a parade, a hearing or a rally of 2023 is in 2023).
MARKING_OCCASIONS = frozenset(
    """anniversary anniversaries centenary centenaries centennial bicentenary jubilee memorial memorials
    commemoration commemorations remembrance tribute tributes""".split()
)
# Before an event, prepositions that make it the object of another noun ("registration for the
# marathon opens on 2 May"): a date further on belongs to that noun, unless right after the event.
# Before "for" and an event: the event's own act, not another noun ("polling for the election
# will be held on 30 November" dates the election).
EVENT_OWN_ACTS = frozenset({"polling", "voting", "balloting"})
OBJECT_PREPOSITIONS = frozenset({"for", "about", "into"})
# Before a date that opens its sentence ("On 16 February, the Baftas..."): it dates the main clause.
OPENING_TIME_WORDS = frozenset(
    """on in by at from early late then and but later , the of evening morning afternoon night eve
    ago a an one two three four five six seven eight nine ten twenty thirty fifty hundred
    day days week weeks month months year years decade decades exactly just almost nearly over past""".split()
)
# Opening a sentence, a clause whose time is the sentence's: "When the alliance met in Madrid in June 2022, ...".
TEMPORAL_SUBORDINATORS = frozenset({"when", "while", "as", "after", "before", "once", "until", "since"})

MONTHS = {
    "January": 1, "Jan": 1, "February": 2, "Feb": 2, "March": 3, "Mar": 3, "April": 4, "Apr": 4,
    "May": 5, "June": 6, "Jun": 6, "July": 7, "Jul": 7, "August": 8, "Aug": 8, "September": 9,
    "Sept": 9, "Sep": 9, "October": 10, "Oct": 10, "November": 11, "Nov": 11, "December": 12, "Dec": 12,
}

# The tense of a clause inside a quotation ("President Obama and I spent eight years on this"):
# a past-tense clause may speak of a time before the speaker's own tenure.
PAST_TENSE_VERBS = frozenset(
    """was were had did spent said told made took came went knew gave thought met saw led left won
    lost ran began became brought built bought caught chose drove fought found felt got held kept
    let meant paid put rose sent set sat spoke stood struck taught understood wrote signed""".split()
)
# Words that may stand between a name and its verb: "President Obama and I spent", "Trump also said".
BEFORE_VERB = frozenset(
    {"and", "i", "we", "he", "she", "they", "you", "also", "still", "never", "always", "just", "then", "already", "once", "himself", "herself"}
)
# A time close to the speaking: "I spoke with President Trump this morning" speaks of now.
RECENT_TIMES = frozenset({"today", "tonight", "yesterday", "now", "morning", "week", "currently"})
# Opening a sentence with a span of time counted from something: "The day after the Love Parade
# disaster in 2010, ...", "Two weeks before the 2019 election, ...": a phrase as "after ..." is.
RELATIVE_TIME_NOUNS = frozenset("day days week weeks month months year years morning evening night weekend hours".split())
RELATIVE_TIME_COUNTS = frozenset("the a an one two three four five six seven eight nine ten few several".split())
# Opening a sentence with a time: "During the Brexit votes of 2019, Commons Speaker John Bercow".
OPENING_PREPOSITIONS = frozenset({"in", "during", "at", "after", "before", "by", "throughout", "on", "from", "until", "amid", "over"})
DURING_PREPOSITIONS = frozenset({"at", "during", "in", "throughout", "amid"})  # before an event: its own days
# Words that open an adverbial aside set off by commas after a fronted time: "In 2011, with
# aftershocks still rattling the capital, Governor X ...", "In 2020, despite the protests, ...".
# ("In 2022, then as now a Fine Gael councillor, Mayor X": what the subject was at that time.)
ASIDE_OPENERS = TEMPORAL_SUBORDINATORS | OPENING_PREPOSITIONS | frozenset(
    {"with", "without", "despite", "following", "under", "amongst", "among", "then", "now", "still"}
)
# After "had", words that make it a main verb ("had a meeting"), not a past perfect ("had spent").
NOT_A_PARTICIPLE = frozenset(
    """a an the no to his her their its our my your this that these those some any much many more
    little few several one two three enough nothing""".split()
)
# After "before" or "after", a time of day keeps the date with the event: "struck before dawn on 6 February".
TIMES_OF_DAY = frozenset({"dawn", "dusk", "daybreak", "sunrise", "sunset", "midnight", "noon", "midday", "lunchtime", "nightfall"})
# Before a time that heads a clause: "He said that in 2019 Chancellor Sajid Javid ...".
CLAUSE_HEADS = frozenset({",", ";", ":", "—", "–", "that", "and", "but", "then", "so", "yet"})
# Never an adjective between "former" and a title: "a former chairman of President Reagan's council".
FUNCTION_WORDS = frozenset(
    """of to for in on at by with from and or but as than into onto over under about after before""".split()
)
# Capitalised before a year, words that make it a time, not part of a name ("In 2019", "The 2022
# World Cup", "Since 2010"), unlike "Paris 2024" or "Euro 2020".
NOT_NAME_WORDS = ARTICLES | OPENING_PREPOSITIONS | TEMPORAL_SUBORDINATORS | FUNCTION_WORDS | frozenset(
    {"this", "that", "last", "next", "early", "late", "mid", "circa"}
)
