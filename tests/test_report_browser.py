"""The HTML report in a real browser: headless Chromium (Debian's package) driven by Playwright.

What is asserted is what the browser rendered: the marks it painted, where its links
took it, what its scripts did, the colours it computed. The harness also takes the
screenshot shown in the README (written to docs/ when FACTLINT_UPDATE_SCREENSHOTS=1).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from browser import chromium, unavailable_reason
from conftest import REPO, run_cli

pytestmark = pytest.mark.skipif(unavailable_reason() is not None, reason=f"no browser test: {unavailable_reason()}")

SEED_SPANS = {
    "former-office-holder": "Donald Trump was president",
    "quote-anachronism": "President Trump",
    "office-holder": "UK Prime Minister Rishi Sunak",
    "event-date": "March 15",
}
HOSTILE = '<script>window.pwned = 1</script> and <img src="x" onerror="window.pwned = 2">'
# A pack with a finding of every severity, two of them overlapping.
EXTRA_RULES = """\
rules:
  - id: test-info
    kind: pattern
    severity: info
    pattern: 'coalition of the willing'
    message: "A phrase worth a second look."
    description: A test rule of severity info.
    examples: {flag: [The coalition of the willing met.], pass: [The alliance met.]}
  - id: test-overlap
    kind: pattern
    severity: warning
    pattern: 'the willing'
    message: "Overlaps the info finding."
    description: A test rule whose span overlaps another.
    examples: {flag: [The coalition of the willing met.], pass: [The alliance met.]}
"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: errors.append(message.text) if message.type in {"error", "warning"} else None)
    opened.errors = errors
    yield opened
    context.close()


def render(tmp_path: Path, *args: str, cwd: Path = REPO) -> str:
    target = tmp_path / "report.html"
    result = run_cli("check", *args, "--format", "html", "--output", str(target), cwd=cwd)
    assert result.returncode in (0, 1, 2) and target.is_file(), result.stderr  # 2: a file could not be read
    return target.as_uri()


def marked_findings(page) -> dict[str, str]:
    """Rule id -> the text the browser shows marked for that finding."""
    return page.evaluate("""() => {
        const found = {};
        for (const item of document.querySelectorAll('li[id^="l"]')) {
            const number = item.id.slice(1);
            const rule = item.querySelector('code').textContent;
            const marks = [...document.querySelectorAll('mark[data-f]')]
                .filter(mark => mark.dataset.f.split(' ').includes(number));
            found[rule] = marks.map(mark => mark.textContent).join('');
        }
        return found;
    }""")


def test_the_four_seed_findings_are_highlighted(page, tmp_path):
    page.goto(render(tmp_path, "seeds/"))
    assert marked_findings(page) == SEED_SPANS
    painted = page.evaluate("""() => [...document.querySelectorAll('mark')].map(mark => {
        const style = getComputedStyle(mark);
        const box = mark.getBoundingClientRect();
        return [style.backgroundColor, style.borderBottomStyle, box.width > 0 && box.height > 0];
    })""")
    assert len(painted) == 4
    assert all(background not in {"rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"} and border == "solid" and shown
               for background, border, shown in painted), painted
    notes = page.locator(".note").all_inner_texts()
    assert any("Rishi Sunak was Prime Minister of the United Kingdom from 25 October 2022 to 5 July 2024; "
               "Keir Starmer from 5 July 2024." in note for note in notes)
    assert page.errors == []


def test_the_finding_list_jumps_to_each_span_using_only_the_keyboard(page, tmp_path):
    page.goto(render(tmp_path, "seeds/"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the findings"
    assert page.evaluate("document.activeElement.getBoundingClientRect().width") > 0, "the skip link shows when focused"
    page.keyboard.press("Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid", "focus is visible"
    links = page.locator('li[id^="l"] a.where')
    assert links.count() == 4
    for index in range(4):
        link = links.nth(index)
        target = link.get_attribute("href")
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("hash => location.hash === hash", arg=target)
        # The script outlines the span the link leads to (on hashchange, which comes after the jump).
        page.wait_for_function("id => document.getElementById(id).nextElementSibling.classList.contains('current')", arg=target[1:])
        state = page.evaluate("""id => {
            const mark = document.getElementById(id).nextElementSibling;
            const box = mark.getBoundingClientRect();
            return [mark.tagName, box.top >= 0 && box.bottom <= innerHeight];
        }""", target[1:])
        assert state == ["MARK", True], (target, state)


def test_scripts_in_documents_do_not_run(page, tmp_path, write):
    write("draft.md", f"---\ndate: 2025-06-01\n---\nThe goverment said {HOSTILE}.\n")
    write("page.html", f"<p>The goverment said so.</p>{HOSTILE}<p onclick=\"window.pwned = 3\">Click</p>\n")
    page.goto(render(tmp_path, ".", cwd=tmp_path))
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.pwned") == "undefined"
    text = page.locator("details.document").all_inner_texts()
    assert any(HOSTILE in shown for shown in text), "the markup is shown as text"
    assert page.locator("img").count() == 0
    assert page.locator(".controls").is_visible(), "the report's own script ran (its hash is in the policy)"
    assert page.errors == [], "no script was blocked either: escaping alone kept them out"


def test_readable_and_navigable_with_javascript_off(browser, tmp_path, write):
    for number in range(12):
        write(f"docs/{number:02}.md", "---\ndate: 2025-06-01\n---\nUK Prime Minister Rishi Sunak spoke.\n")
    url = render(tmp_path, "docs", "--facts", str(REPO / "seeds" / "facts.yaml"), cwd=tmp_path)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    assert page.locator("details.document[open]").count() == 0, "twelve documents start collapsed"
    assert not page.locator(".controls").is_visible(), "filters need the script, so they stay hidden"
    page.locator('a[href="#f7"]').click()
    assert page.evaluate("location.hash") == "#f7"
    assert page.locator("details.document[open]").count() == 1, "following a link opens its document"
    opened = page.locator("details.document[open]")
    assert opened.locator("mark").inner_text() == "UK Prime Minister Rishi Sunak"
    assert opened.locator(".note").is_visible() and "Keir Starmer" in opened.locator(".note").inner_text()
    context.close()


def test_severity_filters_hide_and_show_findings(page, tmp_path, write):
    write("rules.yaml", EXTRA_RULES)
    page.goto(render(tmp_path, "seeds/", "--rules", str(tmp_path / "rules.yaml")))
    visible = 'li[id^="l"]:visible'
    counts = {severity: page.locator(f'li.sev-{severity}[id^="l"]').count() for severity in ("error", "warning", "info")}
    assert counts["error"] == 4 and counts["warning"] >= 1 and counts["info"] >= 1
    page.get_by_label("error (4)").uncheck()
    assert page.locator(visible).count() == counts["warning"] + counts["info"]
    assert page.locator(".note.sev-error:visible").count() == 0
    error_only = page.evaluate("""() => [...document.querySelectorAll('mark.sev-error')]
        .filter(mark => mark.dataset.f.split(' ').length === 1).every(mark => mark.classList.contains('muted'))""")
    assert error_only, "marks of hidden findings lose their highlight"
    page.get_by_label("error (4)").check()
    assert page.locator(visible).count() == sum(counts.values())


def test_overlapping_findings_are_shown_as_overlapping(page, tmp_path, write):
    write("rules.yaml", EXTRA_RULES)
    page.goto(render(tmp_path, "seeds/", "--rules", str(tmp_path / "rules.yaml")))
    overlap = page.locator("mark.overlap").first
    assert overlap.inner_text() == "the willing"
    style = overlap.evaluate("mark => getComputedStyle(mark).borderBottomStyle")
    assert style == "double"
    assert overlap.get_attribute("title").count("finding") == 2


def test_text_meets_wcag_aa_contrast(page, tmp_path, write):
    write("rules.yaml", EXTRA_RULES)
    write("hidden.txt", "UK Prime Minister Rishi\u200bSunak spoke of the goverment.\n")
    (tmp_path / "bad.txt").write_bytes(b"caf\xff\n")
    page.goto(render(tmp_path, str(REPO / "seeds"), "hidden.txt", "bad.txt", "--rules", "rules.yaml",
                     "--facts", str(REPO / "seeds" / "facts.yaml"), cwd=tmp_path))
    page.locator('li[id^="l"] a.where').first.click()  # a current (outlined) mark, too
    report = page.evaluate("""() => {
        const rgba = text => {
            const parts = text.match(/[\\d.]+/g).map(Number);
            return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
        };
        const channel = v => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
        const background = element => {
            for (let e = element; e; e = e.parentElement) {
                const colour = rgba(getComputedStyle(e).backgroundColor);
                if (colour.a === 1) return colour;
                if (colour.a > 0) return null;  // translucent: this check cannot judge it
            }
            return {r: 255, g: 255, b: 255, a: 1};
        };
        const ratio = (a, b) => {
            const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
            return (light + 0.05) / (dark + 0.05);
        };
        const failures = [];
        let checked = 0;
        for (const element of document.body.querySelectorAll('*')) {
            if (!element.checkVisibility()) continue;
            const ownText = [...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim());
            const before = getComputedStyle(element, '::before').content;
            const styles = [];
            if (ownText) styles.push(['', getComputedStyle(element).color]);
            if (before && before !== 'none' && before !== 'normal') styles.push(['::before', getComputedStyle(element, '::before').color]);
            for (const [part, colour] of styles) {
                checked += 1;
                const ground = background(element);
                const value = ground && ratio(rgba(colour), ground);
                if (!ground || value < 4.5) failures.push(`${element.tagName}.${element.className}${part}: ${colour} ${value}`);
            }
        }
        return {checked, failures};
    }""")
    assert report["checked"] > 100
    assert report["failures"] == []


def test_a_thousand_documents_start_collapsed_with_those_with_findings_first(page, tmp_path, write):
    for number in range(1000):
        write(f"docs/{number:04}.txt", "The goverment fell.\n" if number % 10 == 0 else "All is well.\n")
    page.goto(render(tmp_path, "docs", cwd=tmp_path))
    documents = page.locator("details.document")
    assert documents.count() == 1000 and page.locator("details.document[open]").count() == 0
    order = documents.evaluate_all("all => all.map(d => d.querySelector('h3').textContent)")
    assert order[:100] == [f"docs/{n:04}.txt" for n in range(0, 1000, 10)], "documents with findings come first"
    assert all(not name.endswith("0.txt") for name in order[100:])
    expand = page.get_by_role("button", name="Expand all documents")
    expand.focus()
    page.keyboard.press("Enter")
    assert page.locator("details.document[open]").count() == 1000
    page.get_by_role("button", name="Collapse all documents").press("Space")
    assert page.locator("details.document[open]").count() == 0
    page.locator('a[href="#f100"]').click()
    page.wait_for_function("() => document.querySelector('mark.current') !== null")
    assert page.locator("details.document[open] h3").all_inner_texts() == ["docs/0990.txt"]


def test_printing_shows_every_document_without_the_controls(browser, tmp_path, write):
    for number in range(12):
        write(f"docs/{number:02}.txt", "The goverment fell.\n")
    url = render(tmp_path, "docs", cwd=tmp_path)
    page = browser.new_page()
    page.goto(url)
    page.emulate_media(media="print")
    assert page.locator("details.document[open]").count() == 0
    assert page.locator(".line").evaluate_all("lines => lines.every(line => line.checkVisibility())")
    assert page.locator("mark").count() == 12 and not page.locator(".controls").is_visible()
    kept = page.evaluate("""() => [...document.querySelectorAll('mark, .badge, a.ref')]
        .every(element => getComputedStyle(element).printColorAdjust === 'exact')""")
    assert kept, "severity colours are printed, not dropped with other backgrounds"
    assert page.pdf()[:5] == b"%PDF-"
    page.close()


def test_screenshot_of_the_seed_report(page, tmp_path):
    """The picture in the README; FACTLINT_UPDATE_SCREENSHOTS=1 writes it to docs/images/."""
    page.goto(render(tmp_path, "seeds/") + "#f3")
    page.wait_for_function("document.querySelector('mark.current') !== null")
    shot = tmp_path / "seed-report.png"
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("FACTLINT_UPDATE_SCREENSHOTS"):
        (REPO / "docs" / "images").mkdir(exist_ok=True)
        shutil.copyfile(shot, REPO / "docs" / "images" / "seed-report.png")
