"""Stage 3b of the pipeline: which written thing belongs to which.

Mentions (names, titles, dates, events, quotations) are found on their own; linking decides,
in one place, how they bear on each other: the time a title claim speaks of (``claim_time``),
the event a written date belongs to (``event_dates``) and who speaks a quotation
(``speakers``). Each decision is a value on the analysis, so a rule reads it instead of
guessing again.
"""
