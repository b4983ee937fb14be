"""Peers for bench/run.py --peers: textlint + prh and proselint on the same corpus.

Both are installed into a scratch directory (npm and PyPI must be reachable). textlint's prh
rule gets an equivalent substitution list: every alias of the generated facts' entities mapped
to the canonical name, as many rules as factlint has names at that size (capped at 10,000:
textlint's cost grows linearly with rules, about 400 s at 10,000 on this corpus's size).
proselint runs its default checks. Not part of CI.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

MAX_PRH_RULES = 10_000


def _install(work: Path) -> tuple[Path, Path]:
    node = work / "peers-node"
    node.mkdir(exist_ok=True)
    subprocess.run(["npm", "init", "-y"], cwd=node, capture_output=True, check=True)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "textlint", "textlint-rule-prh"], cwd=node, capture_output=True, check=True)
    venv = work / "peers-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint"], check=True)
    return node / "node_modules" / ".bin" / "textlint", venv / "bin" / "proselint"


def _prh_rules(generated_facts: Path, limit: int) -> list[dict]:
    data = yaml.safe_load(generated_facts.read_text(encoding="utf-8"))
    rules = []
    for entity in data["entities"]:
        for alias in entity.get("aliases", []):
            rules.append({"expected": entity["name"], "patterns": [alias]})
            if len(rules) >= limit:
                return rules
    return rules


def _timed(command: list[str], cwd: Path | None = None) -> float:
    """Wall seconds of a peer's run; a run that failed (not 0 or 1: findings) is not a timing."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"peer failed ({result.returncode}): {' '.join(command[:2])} ...\n{result.stderr[-2000:]}")
    return time.perf_counter() - started


def run_peers(corpus: Path, work: Path, megabytes: float, figures: list[dict]) -> None:
    if not shutil.which("npm"):
        print("\npeers: npm not found, skipped")
        return
    textlint, proselint = _install(work)
    files = [str(p) for p in sorted(corpus.rglob("*.txt"))]
    print(f"\n{'peer':<32}{'wall s':>8}{'MB/s':>7}{'factlint s':>11}{'ratio':>7}")
    for row in figures:
        size = row["entities"]
        generated = work / f"facts-{size}.yaml"
        rules = _prh_rules(generated, min(size * 3, MAX_PRH_RULES))
        config_dir = work / f"textlint-{size}"
        config_dir.mkdir(exist_ok=True)
        (config_dir / "prh.yml").write_text(yaml.safe_dump({"version": 1, "rules": rules}), encoding="utf-8")
        (config_dir / ".textlintrc.json").write_text('{"rules": {"prh": {"rulePaths": ["./prh.yml"]}}}', encoding="utf-8")
        wall = _timed([str(textlint), "--config", str(config_dir / ".textlintrc.json"), *files], cwd=config_dir)
        name = f"textlint + prh, {len(rules):,} rules"
        print(f"{name:<32}{wall:>8.1f}{megabytes / wall:>7.2f}{row['wall_s']:>11.2f}{wall / row['wall_s']:>6.0f}x")
    wall = _timed([str(proselint), "check", *files])  # proselint 0.16+: a "check" command
    print(f"{'proselint, default checks':<32}{wall:>8.1f}{megabytes / wall:>7.2f}{figures[0]['wall_s']:>11.2f}{wall / figures[0]['wall_s']:>6.0f}x")
