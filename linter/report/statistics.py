"""--statistics: how many findings each rule has (as Ruff's), most frequent first."""

from __future__ import annotations

from collections import Counter

from linter.result import RunResult


def render_statistics(result: RunResult) -> str:
    counts = Counter(finding.rule for finding in result.findings)
    severity = {finding.rule: finding.severity for finding in result.findings}
    width = max((len(rule) for rule in counts), default=0)
    lines = [f"{count:>6}  {rule:<{width}}  {severity[rule]}" for rule, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(lines) + "\n" if lines else ""
