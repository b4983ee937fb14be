"""What the factlint GitHub Action (action.yml at the repository's root) runs, testable anywhere.

    python run.py install   # pip install factlint: the action's own copy, or INPUT_VERSION from PyPI
    python run.py check     # check the given or changed documents; set the step's outputs

The inputs arrive as environment variables (INPUT_PATHS, INPUT_FACTS, INPUT_RULES, INPUT_DATE,
INPUT_FAIL_ON, INPUT_SARIF, INPUT_ANNOTATIONS, INPUT_VERSION), never pasted into a shell
command, so no input can run code. ``check`` always exits 0 once its outputs are written
(``findings``, ``exit-code``, ``sarif-file``): the SARIF is uploaded before a later step fails
the job with factlint's exit code. A bad input is one ``::error::`` line and exit code 2.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

FAIL_LEVELS = ("error", "warning", "info", "never")
SWITCHES = {"true": True, "false": False}
VERSION = re.compile(r"[0-9][0-9A-Za-z.+!-]*")  # a PEP 440 version: nothing a shell or pip could read as more
NO_COMMIT = "0" * 40  # 'before' of a push that created the branch


class InputError(Exception):
    """An input the action cannot use; reported as one line."""


def items(value: str) -> list[str]:
    """An input list: one per line when it has several lines (names may hold spaces), else split on spaces."""
    parts = value.splitlines() if "\n" in value.strip() else value.split()
    return [part.strip() for part in parts if part.strip()]


def switch(name: str, value: str) -> bool:
    if value.strip().lower() not in SWITCHES:
        raise InputError(f"input '{name}' must be true or false (got {value!r})")
    return SWITCHES[value.strip().lower()]


def install_command(version: str, action_path: str) -> list[str]:
    """pip's command line: the action's own checkout (factlint and the action always agree), or a release."""
    version = version.strip()
    if not version:
        return [sys.executable, "-m", "pip", "install", "--quiet", action_path]
    if not VERSION.fullmatch(version):
        raise InputError(f"input 'version' must be a release such as 1.0.0, or empty for the action's own copy (got {version!r})")
    return [sys.executable, "-m", "pip", "install", "--quiet", f"factlint=={version}"]


def changed_documents(env: dict[str, str]) -> list[str] | None:
    """The documents the pull request or push changed (deleted ones aside); None: check the whole repository."""
    from linter.source.read import TEXT_SUFFIXES

    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8")) if env.get("GITHUB_EVENT_PATH") else {}
    name = env.get("GITHUB_EVENT_NAME", "")
    if name.startswith("pull_request"):
        base, head = event["pull_request"]["base"]["sha"], "HEAD"  # HEAD: the commit checked out (the merge, by default)
    elif name == "push" and event.get("before", NO_COMMIT) != NO_COMMIT:
        base, head = event["before"], event.get("after", "HEAD")
    else:  # a new branch, a schedule, a manual run: nothing to compare with
        return None
    listing = subprocess.run(["git", "diff", "--name-only", "-z", "--diff-filter=d", f"{base}...{head}"], capture_output=True)
    if listing.returncode != 0:
        raise InputError(
            f"cannot list the changed files: commit {base[:12]} is not in the clone "
            "(check out with 'fetch-depth: 0', or give the 'paths' input)"
        )
    names = listing.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [name for name in names if name and Path(name).suffix.lower() in TEXT_SUFFIXES]


def factlint_arguments(env: dict[str, str], paths: list[str]) -> list[str]:
    arguments = ["check", *paths]
    for path in items(env.get("INPUT_FACTS", "")):
        arguments += ["--facts", path]
    for path in items(env.get("INPUT_RULES", "")):
        arguments += ["--rules", path]
    if env.get("INPUT_DATE", "").strip():
        arguments += ["--date", env["INPUT_DATE"].strip()]
    return arguments


def check(env: dict[str, str]) -> int:
    fail_on = env.get("INPUT_FAIL_ON", "error").strip() or "error"
    if fail_on not in FAIL_LEVELS:
        raise InputError(f"input 'fail-on' must be one of {', '.join(FAIL_LEVELS)} (got {fail_on!r})")
    sarif, annotations = switch("sarif", env.get("INPUT_SARIF", "true")), switch("annotations", env.get("INPUT_ANNOTATIONS", "true"))
    paths = items(env.get("INPUT_PATHS", "")) or changed_documents(env)
    if paths == []:
        print("::notice title=factlint::No Markdown, plain-text or HTML document changed; nothing to check.")
        _outputs(env, findings=0, code=0, sarif_file="")
        return 0
    arguments = factlint_arguments(env, paths or ["."])
    factlint = [sys.executable, "-m", "linter"]
    # One run decides the exit code and counts the findings, from a report that is a contract (SARIF or JSON).
    report = Path(env.get("RUNNER_TEMP") or ".") / ("factlint.sarif" if sarif else "factlint.json")
    print(f"factlint {' '.join(arguments)}", flush=True)
    code = subprocess.run([*factlint, *arguments, "--format", "sarif" if sarif else "json", "--output", str(report), "--fail-on", fail_on]).returncode
    findings = _count(report, sarif)
    if annotations:  # the same findings as annotations on the pull request; the run above already decided
        subprocess.run([*factlint, *arguments, "--format", "github", "--fail-on", "never"])
    _outputs(env, findings=findings, code=code, sarif_file=str(report) if sarif and report.is_file() else "")
    if env.get("GITHUB_STEP_SUMMARY"):
        with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(f"factlint: {findings} finding(s), exit code {code} (fail-on: {fail_on})\n")
    return 0


def _count(report: Path, sarif: bool) -> int:
    """Findings in the report (0 when factlint could not write one: its exit code 2 says why)."""
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    return sum(len(run["results"]) for run in data["runs"]) if sarif else data["summary"]["findings"]


def _outputs(env: dict[str, str], findings: int, code: int, sarif_file: str) -> None:
    lines = f"findings={findings}\nexit-code={code}\nsarif-file={sarif_file}\n"
    if env.get("GITHUB_OUTPUT"):
        with open(env["GITHUB_OUTPUT"], "a", encoding="utf-8") as output:
            output.write(lines)
    else:  # run by hand: show them
        print(lines, end="")


def main(argv: list[str]) -> int:
    env = dict(os.environ)
    try:
        if argv == ["install"]:
            return subprocess.run(install_command(env.get("INPUT_VERSION", ""), env.get("GITHUB_ACTION_PATH", "."))).returncode
        if argv == ["check"]:
            return check(env)
    except InputError as error:  # escaped as workflow command data, so that an input cannot start a command of its own
        print("::error title=factlint::" + str(error).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
        return 2
    print("usage: run.py install|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
