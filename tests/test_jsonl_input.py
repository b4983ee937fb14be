"""Documents from JSONL shards: records reported by id, bad records and shards located by line."""

from __future__ import annotations

import gzip
import json

from conftest import REPO, run_in_process

SEED_FACTS = str(REPO / "seeds" / "facts.yaml")
WRONG = "Prime Minister Rishi Sunak spoke in London."


def _lines(*records) -> str:
    return "".join((record if isinstance(record, str) else json.dumps(record)) + "\n" for record in records)


def test_records_are_checked_and_reported_by_id(tmp_path):
    (tmp_path / "cms.jsonl").write_text(_lines(
        {"id": "a-1", "date": "2025-06-01", "text": WRONG},
        {"id": 2, "date": "2023-06-01", "text": WRONG},  # Sunak was Prime Minister then
        {"id": "h-3", "date": "2025-06-01", "html": f"<html><body><p>{WRONG}</p><script>x</script></body></html>"},
    ))
    result = run_in_process("check", "cms.jsonl", "--facts", SEED_FACTS, "--format", "json", "--no-cache", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert [(f["path"], f["rule"]) for f in report["findings"]] == [("cms.jsonl#a-1", "office-holder"), ("cms.jsonl#h-3", "office-holder")]
    assert report["summary"]["files"] == 3
    text = run_in_process("check", "cms.jsonl", "--facts", SEED_FACTS, "--no-cache", cwd=tmp_path).stdout
    assert text.startswith("cms.jsonl#a-1:1:1: error [office-holder]") and "1 | Prime Minister Rishi Sunak spoke" in text


def test_a_bad_record_is_a_located_line_and_the_others_are_checked(tmp_path):
    (tmp_path / "cms.jsonl").write_text(_lines(
        {"id": "ok", "date": "2025-06-01", "text": WRONG},
        '{"id": "broken", "text": ',
        {"id": "no-body", "date": "2025-06-01"},
        {"text": "no id"},
        "",
        {"id": "bad-date", "date": "June", "text": "x"},
        "[1, 2]",
    ))
    result = run_in_process("check", "cms.jsonl", "--facts", SEED_FACTS, "--no-cache", cwd=tmp_path)
    assert result.returncode == 2
    errors = result.stderr.splitlines()
    assert errors[0].startswith("cms.jsonl:2: not a valid JSON record: ")
    assert errors[1:4] == [
        'cms.jsonl:3: record no-body: no "text" or "html"',
        'cms.jsonl:4: the record has no "id" (a string or a number)',
        "cms.jsonl:6: front matter 'date': 'June' is not a date; write it as YYYY-MM-DD, or as a date and time such as 2025-06-10T09:30:00Z",
    ]
    assert errors[4] == "cms.jsonl:7: a record must be a JSON object, not list"
    assert "cms.jsonl#ok:1:1: error [office-holder]" in result.stdout and "Traceback" not in result.stderr


def test_a_glob_of_gzip_shards_and_a_damaged_shard(tmp_path):
    (tmp_path / "shards").mkdir()
    for number in range(3):
        with gzip.open(tmp_path / "shards" / f"part-{number}.jsonl.gz", "wt", encoding="utf-8") as handle:
            handle.write(_lines({"id": f"s{number}", "date": "2025-06-01", "text": WRONG}))
    good = run_in_process("check", "shards/*.jsonl.gz", "--facts", SEED_FACTS, "--format", "json", "--no-cache", cwd=tmp_path)
    assert [f["path"] for f in json.loads(good.stdout)["findings"]] == [f"shards/part-{n}.jsonl.gz#s{n}" for n in range(3)]
    data = (tmp_path / "shards" / "part-1.jsonl.gz").read_bytes()
    (tmp_path / "shards" / "part-1.jsonl.gz").write_bytes(data[: len(data) // 2])  # truncated
    (tmp_path / "shards" / "part-2.jsonl.gz").write_bytes(b"not gzip at all\n")
    damaged = run_in_process("check", "shards/*.jsonl.gz", "--facts", SEED_FACTS, "--format", "json", "--no-cache", cwd=tmp_path)
    assert damaged.returncode == 2
    assert damaged.stderr.splitlines() == [
        "shards/part-1.jsonl.gz:1: cannot read the shard: Compressed file ended before the end-of-stream marker was reached",
        "shards/part-2.jsonl.gz:1: cannot read the shard: Not a gzipped file (b'no')",
    ]
    assert [f["path"] for f in json.loads(damaged.stdout)["findings"]] == ["shards/part-0.jsonl.gz#s0"]
    nothing = run_in_process("check", "none/*.jsonl", cwd=tmp_path)
    assert (nothing.returncode, nothing.stderr) == (2, "none/*.jsonl: no file matches this pattern\n")


def test_records_cannot_be_fixed_in_place(tmp_path):
    (tmp_path / "cms.jsonl").write_text(_lines({"id": "a", "text": "The goverment fell."}))
    result = run_in_process("check", "cms.jsonl", "--fix", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "factlint: error: --fix, --diff and --add-suppressions cannot edit records of JSONL shards\n")
