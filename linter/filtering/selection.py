"""Which rules run on a group of files, and at which severity: the part of the filter stage decided
before any document is read, from the files' nearest configuration and the command line.

Only the selected rules run, at their configured severity, so nothing the other rules would read
is extracted, and their findings need no second look.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from linter.checks.rules import Rule, load_rules
from linter.errors import UserError, did_you_mean
from linter.filtering.suppressions import ENGINE_RULES, EngineRule

if TYPE_CHECKING:
    from linter.config import Config
    from linter.plan import CheckOptions

AnyRule = TypeVar("AnyRule", bound=Rule | EngineRule)  # rule packs' rules and the engine's own


def rules_for(config: Config, options: CheckOptions, shown) -> tuple[list, list]:
    """Every rule known to a group of files (rule packs and engine rules), and those selected to run."""
    every_rule: list[Rule | EngineRule] = [*load_rules([shown(p) for p in [*options.rules, *config.rules]]), *ENGINE_RULES]
    selected = select_rules(
        override_severities(every_rule, config.severity, config.severity_locations),
        options.select if options.select else config.select,
        [*config.ignore, *options.ignore],
        [*config.extend_select, *options.extend_select],
    )
    return every_rule, selected


def select_rules(rules: list[AnyRule], select: list[str], ignore: list[str], extend_select: Sequence[str] = ()) -> list[AnyRule]:
    """Keep rules whose id starts with a selected prefix (all when none are selected), or with an
    extended one, and with no ignored prefix."""

    def matches(rule: AnyRule, prefixes: Sequence[str]) -> bool:
        return any(rule.id.startswith(prefix) for prefix in prefixes)

    return [
        rule for rule in rules
        if (not select or matches(rule, select) or matches(rule, extend_select)) and not matches(rule, ignore)
    ]


def override_severities(rules: list[AnyRule], severities: dict[str, str], locations: dict) -> list[AnyRule]:
    """Rules with the configured severities; an override naming no rule is an error."""
    known = {rule.id for rule in rules}
    for rule_id in severities:
        if rule_id not in known:
            raise UserError(f"severity is set for an unknown rule '{rule_id}'{did_you_mean(rule_id, known)}", locations.get(rule_id))
    return [dataclasses.replace(rule, severity=severities.get(rule.id, rule.severity)) for rule in rules]
