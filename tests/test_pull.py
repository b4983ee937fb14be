"""`factlint facts pull` against a real HTTP server on the loopback address serving recorded answers."""

from __future__ import annotations

import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import REPO, run_cli

ANSWER = (REPO / "tests" / "data" / "wikidata" / "uk-answer.json").read_bytes()
POSITIONS = ["--position", "Q14211", "--position", "Q531471", "--position", "Q11696"]
CONTACT = "newsdesk@example.org"


class QueryService:
    """A SPARQL endpoint that plays a script: each request gets the next reply; every request is recorded."""

    def __init__(self) -> None:
        self.script: list[tuple] = []
        self.requests: list[dict] = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                service.requests.append({"path": self.path, "headers": dict(self.headers), "form": urllib.parse.parse_qs(body)})
                action, *rest = service.script.pop(0) if service.script else ("answer", ANSWER)
                if action == "hang":
                    time.sleep(rest[0])
                    return
                status, headers, payload = (200, {"Content-Type": "application/sparql-results+json"}, rest[0]) if action == "answer" else rest
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args) -> None:  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def service():
    running = QueryService()
    yield running
    running.close()


def pull(service: QueryService, cwd: Path, *options: str, env: dict | None = None):
    return run_cli("facts", "pull", *POSITIONS, "--endpoint", service.url, *options, cwd=cwd, env=env)


def test_pull_asks_as_wikimedia_asks_and_imports_the_answer(service, tmp_path):
    result = pull(service, tmp_path, "--contact", CONTACT, "--save-answer", "answer.json", "--output", "facts.yaml")
    assert result.returncode == 0, result.stderr
    [request] = service.requests
    assert request["headers"]["User-Agent"].startswith(f"factlint/1.0.0 ({CONTACT}) Python-urllib/3.")
    assert request["headers"]["Accept"] == "application/sparql-results+json"
    assert request["form"]["query"] == [run_cli("facts", "query", *POSITIONS).stdout]
    assert (tmp_path / "answer.json").read_bytes() == ANSWER
    imported = run_cli("facts", "import", "answer.json", "--output", "again.yaml", cwd=tmp_path)
    assert imported.returncode == 0 and (tmp_path / "again.yaml").read_text() == (tmp_path / "facts.yaml").read_text()
    assert "verified: 2025-03-28" in (tmp_path / "facts.yaml").read_text()  # the day the query ran


def test_a_busy_service_is_asked_again_after_the_wait_it_asks_for_then_with_back_off(service, tmp_path):
    service.script = [
        ("status", 503, {"Retry-After": "1"}, b"busy"),
        ("status", 429, {}, b"Too Many Requests"),
        ("answer", ANSWER),
    ]
    started = time.monotonic()
    result = pull(service, tmp_path, "--output", "facts.yaml", env={"FACTLINT_CONTACT": CONTACT})
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert len(service.requests) == 3 and elapsed >= 3  # 1 s (Retry-After), then 2 s (the second back-off)
    assert result.stderr.splitlines()[:2] == [
        f"factlint: {service.url}: 503 Service Unavailable; asking again in 1 s (attempt 2 of 4)",
        f"factlint: {service.url}: 429 Too Many Requests; asking again in 2 s (attempt 3 of 4)",
    ]
    assert (tmp_path / "facts.yaml").is_file()


def test_a_service_that_never_answers_times_out_and_is_a_one_line_error(service, tmp_path):
    service.script = [("hang", 5), ("hang", 5)]
    started = time.monotonic()
    result = pull(service, tmp_path, "--contact", CONTACT, "--timeout", "0.5", "--retries", "1", "--output", "facts.yaml")
    assert result.returncode == 2 and time.monotonic() - started < 4.5
    assert result.stderr.splitlines() == [
        f"factlint: {service.url}: no answer within 0.5 s; asking again in 1 s (attempt 2 of 2)",
        f"factlint: error: {service.url}: no answer within 0.5 s (after 2 attempts)",
    ]
    assert len(service.requests) == 2 and not (tmp_path / "facts.yaml").exists()


def test_a_refused_query_is_not_asked_again(service, tmp_path):
    service.script = [("status", 400, {"Content-Type": "text/plain"}, b"MalformedQueryException: Encountered \" <VAR1> \"?x\"\nat line 3\n")]
    result = pull(service, tmp_path, "--contact", CONTACT)
    assert result.returncode == 2 and len(service.requests) == 1
    assert result.stderr.strip() == f"factlint: error: {service.url} answered 400 Bad Request: MalformedQueryException: Encountered \" <VAR1> \"?x\""


def test_pull_needs_a_contact_and_an_http_endpoint(service, tmp_path):
    result = pull(service, tmp_path, env={"FACTLINT_CONTACT": ""})
    assert result.returncode == 2 and "--contact: Wikimedia asks every program" in result.stderr and not service.requests
    local = run_cli("facts", "pull", *POSITIONS, "--contact", CONTACT, "--endpoint", "file:///etc/passwd", cwd=tmp_path)
    assert local.returncode == 2 and "--endpoint must be an http(s) URL" in local.stderr


def test_an_unreachable_service_is_a_one_line_error(tmp_path):
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    url = f"http://127.0.0.1:{closed.server_address[1]}/sparql"
    closed.server_close()  # nothing listens there now
    result = run_cli("facts", "pull", *POSITIONS, "--contact", CONTACT, "--endpoint", url, "--retries", "0", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.strip() == f"factlint: error: {url}: [Errno 111] Connection refused (after 1 attempt)"
