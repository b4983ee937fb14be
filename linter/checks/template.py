"""Message templates: ``{placeholder}`` filled from the match and the facts.

Templates are checked when the rule pack is loaded, so a typo in a placeholder
is a rule-pack error with its location, never a crash while linting.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

_FORMATTER = string.Formatter()


def placeholders(template: str) -> list[str]:
    """Field names used by a template; raises ValueError for malformed braces."""
    names = []
    for _, field, spec, conversion in _FORMATTER.parse(template):
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            raise ValueError(f"'{{{field}}}' is not a placeholder; write {{name}} (use {{{{ and }}}} for literal braces)")
        names.append(field)
    return names


def render(template: str, values: Mapping[str, object], capitalise_opening: bool = False) -> str:
    """The message; with ``capitalise_opening``, a placeholder that opens it is filled with a capital first letter."""
    names = placeholders(template)
    filled = {name: values.get(name, "") for name in names}
    if capitalise_opening and names and template.startswith(f"{{{names[0]}}}") and (opening := str(filled[names[0]])):
        filled[names[0]] = opening[0].upper() + opening[1:]
    return template.format_map(filled)
