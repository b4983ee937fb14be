"""The rule kinds: the engine's few general primitives. One module per kind."""

from linter.checks.kinds.base import Kind, Match
from linter.checks.kinds.event_date import EventDate
from linter.checks.kinds.event_date_conflict import EventDateConflict
from linter.checks.kinds.list_count import ListCount
from linter.checks.kinds.office_conflict import OfficeConflict
from linter.checks.kinds.office_holder import OfficeHolder
from linter.checks.kinds.pattern import Pattern
from linter.checks.kinds.quantity import QuantityCheck
from linter.checks.kinds.quote import QuoteCheck
from linter.checks.kinds.relation import RelationCheck
from linter.checks.kinds.substitution import Substitution

KINDS: dict[str, type[Kind]] = {
    kind.name: kind for kind in (Pattern, Substitution, OfficeHolder, QuoteCheck, EventDate, OfficeConflict, EventDateConflict, ListCount,
                                RelationCheck, QuantityCheck)
}

__all__ = ["KINDS", "Kind", "Match"]
