"""Start-up: a run imports what it needs and nothing else (docs/performance.md, "Start-up").

Every pre-commit hook pays for each module imported, so the other output formats, the language
server and TOML parsing are imported only by the runs that use them.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

RUN = """
import sys
sys.argv = ["factlint", *sys.argv[1:]]
from linter.cli import main
try:
    main()
except SystemExit:
    pass
with open("modules.txt", "w") as out:
    out.write("\\n".join(sorted(sys.modules)))
"""
NOT_FOR_TEXT = {
    "linter.report.html", "linter.report.json_format", "linter.report.sarif", "linter.report.junit", "linter.report.github",
    "linter.server", "pygls", "lsprotocol", "tomllib", "json", "xml.etree.ElementTree", "linter.filtering.fixes", "linter.filtering.baseline",
}


def _modules(tmp_path, *arguments: str) -> set[str]:
    subprocess.run([sys.executable, "-c", RUN, *arguments], cwd=tmp_path, capture_output=True, timeout=120, check=False)
    return set((tmp_path / "modules.txt").read_text().split())


def test_a_text_check_imports_no_other_format_no_server_no_toml(tmp_path):
    (tmp_path / "draft.md").write_text("The goverment fell.\n", encoding="utf-8")
    modules = _modules(tmp_path, "check", "draft.md", "--facts", str(REPO / "seeds" / "facts.yaml"), "-q")
    assert "linter.report.text" in modules and "linter.runner" in modules
    assert not modules & NOT_FOR_TEXT, modules & NOT_FOR_TEXT


def test_a_format_is_imported_when_asked_for(tmp_path):
    (tmp_path / "draft.md").write_text("The goverment fell.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.factlint]\nignore = ['repeated-word']\n", encoding="utf-8")
    modules = _modules(tmp_path, "check", "draft.md", "--format", "sarif")
    assert {"linter.report.sarif", "tomllib"} <= modules and "linter.report.html" not in modules
