"""JUnit XML, for GitLab, Jenkins and other CI systems: one test case per checked file."""

from __future__ import annotations

from xml.etree import ElementTree

from linter.result import RunResult


def render_junit(result: RunResult, color: bool = False) -> str:
    by_path: dict[str, list] = {path: [] for path in result.checked_paths}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    problems = {str(p.location.path) if p.location else "factlint": p for p in result.problems}
    failures = sum(1 for findings in by_path.values() if findings)
    tests = str(len(by_path) + len(problems))
    suites = ElementTree.Element(
        "testsuites", name="factlint", tests=tests, failures=str(failures), errors=str(len(problems))
    )
    suite = ElementTree.SubElement(
        suites, "testsuite", name="factlint", tests=tests, failures=str(failures), errors=str(len(problems))
    )
    for path in sorted(by_path):
        case = ElementTree.SubElement(suite, "testcase", classname="factlint", name=path, file=path)
        for f in by_path[path]:
            failure = ElementTree.SubElement(case, "failure", type=f.rule, message=f"{f.severity} [{f.rule}] {f.message}")
            failure.text = f"{f.path}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}"
    for path, problem in sorted(problems.items()):
        case = ElementTree.SubElement(suite, "testcase", classname="factlint", name=path, file=path)
        error = ElementTree.SubElement(case, "error", type="not-checked", message=problem.message)
        error.text = str(problem)
    ElementTree.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"
