"""The workbench (`extract serve`): its JSON API through Flask's test client, then the
page end to end in a real headless Chromium (Debian's chromium and chromium-driver,
driven by Selenium): paste the seed article, see the figures and the table, open the
explanation of a figure and of a number without a fact, sort, filter and download the
table, make a bad and a good rule edit, and diff the corpus.

Every edit happens in a temporary copy of the rules. The browser tests are skipped,
saying why, when chromium, chromedriver or selenium is missing; `.ci/run` installs them.
Set EXTRACT_SCREENSHOT=docs/workbench.png to save the README's screenshot on the way.
"""
from __future__ import annotations

import os
import shutil
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("flask", reason="the web extra is not installed: pip install -e '.[web]'")

from click.testing import CliRunner  # noqa: E402

from extract.cli import main  # noqa: E402
from extract.facts import extract  # noqa: E402
from extract.rules import default_rules_dir, load_rules_from  # noqa: E402
from extract.serve import Server, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "zhongyang-employment.txt"
STICKS_RULE = "  - {id: 棒, kind: count, surfaces: [棒]"  # the unit of 4800多万棒 in units.yaml
# A good edit: an exclusion appended to exclusions.yaml, which drops one fact (10家) of the seed article.
EXCLUSION = """\
  - id: applicants-only
    description: Firms that only applied are not yet counted.
    phrases: [10家经营主体]
    examples: [共有10家经营主体提交了认定申请]
"""


@pytest.fixture
def desk(tmp_path):
    """A copy of the built-in rules and a one-article corpus (the seed article)."""
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules, ignore=shutil.ignore_patterns("*.md"))
    (tmp_path / "corpus").mkdir()
    shutil.copy(SEED, tmp_path / "corpus")
    return tmp_path


@pytest.fixture
def client(desk):
    app = create_app(desk / "rules", desk / "corpus")
    yield app.test_client()
    app.extensions["workbench"].close()


def _seed() -> str:
    return SEED.read_text(encoding="utf-8")


def _with_exclusion(exclusions: str) -> str:
    assert exclusions.endswith("\n") and exclusions.rstrip().splitlines()[-1].startswith("    "), \
        "exclusions.yaml no longer ends inside its list of exclusions"
    return exclusions + EXCLUSION


# ---------------------------------------------------------------- the API


def test_extract_is_the_pipeline(client):
    text = _seed()
    data = client.post("/api/extract", json={"text": text, "doc": "seed"}).get_json()
    result = extract(text, "seed", load_rules_from(default_rules_dir()))
    assert [{k: v for k, v in f.items() if k not in ("id", "steps", "explain")} for f in data["facts"]] == \
        [f.row() for f in result.facts]
    assert [f["steps"] for f in data["facts"]] == [f.steps for f in result.facts]
    assert data["text"] == text and data["changes"] == []
    # Numbers without a fact come with raw offsets: the raw text there is the number.
    assert len(data["rejections"]) == len(result.rejections) > 0
    for rejection in data["rejections"]:
        assert "".join(text[rejection["start"]:rejection["end"]].split()) == rejection["text"]
        assert rejection["reason"]


def test_explanation_is_extract_try_explain(client):
    sentence = "每名耳农增收2.7万元左右，其中3位数"
    fact = client.post("/api/extract", json={"text": sentence}).get_json()["facts"][0]
    printed = CliRunner().invoke(main, ["try", "--explain", sentence]).output
    assert fact["explain"][0].startswith("2.7万元左右 → 27000 元 (money)")
    assert "\n".join(fact["explain"]) in printed


def test_bad_rule_edit_is_refused_with_the_check_message(client, desk):
    path = desk / "rules" / "units.yaml"
    before = path.read_text(encoding="utf-8")
    opened = client.get("/api/rules/units.yaml").get_json()
    assert opened["content"] == before
    bad = before.replace("{id: 棒, kind: count,", "{id: 棒, kind: cuont,")
    answer = client.put("/api/rules/units.yaml", json={"content": bad, "version": opened["version"]})
    assert answer.status_code == 400
    problems = answer.get_json()["problems"]
    line = next(i for i, text in enumerate(bad.splitlines(), 1) if "id: 棒, kind: cuont" in text)
    assert any(p.startswith(f"units.yaml:{line}: unit 棒: unknown kind 'cuont'") or
               f"/units.yaml:{line}: unit 棒: unknown kind 'cuont'" in p for p in problems), problems
    assert all("extract-check-" not in p for p in problems)  # the real file is named, not the scratch copy
    assert path.read_text(encoding="utf-8") == before


def test_failing_example_is_refused(client, desk):
    path = desk / "rules" / "units.yaml"
    before = path.read_text(encoding="utf-8")
    bad = before.replace("{value: 12, unit: 棒, kind: count}", "{value: 13, unit: 棒, kind: count}")
    assert bad != before
    answer = client.put("/api/rules/units.yaml", json={"content": bad})
    assert answer.status_code == 400
    assert any("unit 棒: example '全县共有12棒': expected a fact with value=13" in p for p in answer.get_json()["problems"])
    assert path.read_text(encoding="utf-8") == before


def test_good_rule_edit_is_saved_and_shows_on_the_article_and_corpus(client, desk):
    path = desk / "rules" / "exclusions.yaml"
    opened = client.get("/api/rules/exclusions.yaml").get_json()
    edited = _with_exclusion(opened["content"])
    answer = client.put("/api/rules/exclusions.yaml", json={"content": edited, "version": opened["version"]})
    assert answer.status_code == 200, answer.get_json()
    assert path.read_text(encoding="utf-8") == edited
    data = client.post("/api/extract", json={"text": _seed()}).get_json()
    assert [(c["change"], c["old"]["text"]) for c in data["changes"]] == [("removed", "10家")]
    assert "10家" not in [f["text"] for f in data["facts"]]
    diff = client.post("/api/diff", json={}).get_json()
    assert diff["summary"] == "1 documents (1 changed): 0 facts added, 1 removed, 0 changed, 47 unchanged"
    assert [(c["doc"], c["change"], c["old"]["text"]) for c in diff["changes"]] == \
        [("zhongyang-employment", "removed", "10家")]
    # Accepting the current rules as the baseline: nothing differs any more.
    assert client.post("/api/baseline", json={"source": "current"}).status_code == 200
    assert client.post("/api/extract", json={"text": _seed()}).get_json()["changes"] == []


def test_problems_already_there_do_not_block_an_edit(client, desk):
    (desk / "rules" / "zz-local.yaml").write_text(
        'units:\n  - {id: 晌, kind: area, surfaces: [晌], examples: {"300晌": {value: 301}}}\n', encoding="utf-8")
    opened = client.get("/api/rules/exclusions.yaml").get_json()
    answer = client.put("/api/rules/exclusions.yaml", json={"content": _with_exclusion(opened["content"])})
    assert answer.status_code == 200
    assert any("zz-local.yaml:2: unit 晌: example '300晌'" in p for p in answer.get_json()["known"])


def test_edit_on_disk_shows_and_conflicts(client, desk):
    path = desk / "rules" / "exclusions.yaml"
    opened = client.get("/api/rules/exclusions.yaml").get_json()
    path.write_text(_with_exclusion(opened["content"]), encoding="utf-8")
    data = client.post("/api/extract", json={"text": _seed()}).get_json()
    assert [c["change"] for c in data["changes"]] == ["removed"]
    answer = client.put("/api/rules/exclusions.yaml", json={"content": opened["content"], "version": opened["version"]})
    assert answer.status_code == 409 and "changed on disk" in answer.get_json()["error"]


def test_broken_rules_on_disk_are_reported(client, desk):
    (desk / "rules" / "units.yaml").write_text("units:\n  - {id: 晌, kind: aera, surfaces: [晌]}\n", encoding="utf-8")
    answer = client.post("/api/extract", json={"text": "300晌"})
    assert answer.status_code == 400
    assert any("unit 晌: unknown kind 'aera'" in p for p in answer.get_json()["problems"])


def test_corpus_and_rule_listing(client):
    assert client.get("/api/corpus").get_json()["docs"] == [{"doc": "zhongyang-employment", "chars": len(_seed())}]
    assert client.get("/api/corpus/zhongyang-employment").get_json()["text"] == _seed()
    assert client.get("/api/corpus/nope").status_code == 404
    names = [f["name"] for f in client.get("/api/rules").get_json()["files"]]
    assert "units.yaml" in names and "exclusions.yaml" in names


def test_requests_that_are_refused(client):
    assert client.post("/api/extract", data="text=1").status_code == 415  # a form post from another site
    assert client.post("/api/extract", json=["x"]).status_code == 400
    assert client.get("/api/rules/..%2Fpyproject.toml").status_code == 404
    assert client.get("/api/rules/README.md").status_code == 404
    assert client.put("/api/rules/new.yaml", json={"content": "units: []\n"}).status_code == 404
    assert client.get("/", headers={"Host": "attacker.example:8765"}).status_code == 403
    assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200
    refused = client.post("/api/baseline", json={"source": "HEAD"})  # the scratch rules are not in git
    assert refused.status_code == 400 and "git revision" in refused.get_json()["error"]


def test_server_binds_loopback_and_serves_the_page(desk):
    server = Server(rules_dir=desk / "rules", corpus_dir=desk / "corpus").start()
    try:
        assert server.url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(server.url, timeout=10) as response:
            assert "extract workbench" in response.read().decode("utf-8")
        with urllib.request.urlopen(server.url + "static/app.js", timeout=10) as response:
            assert b"/api/extract" in response.read()
    finally:
        server.close()


def test_serve_default_host_is_loopback():
    serve = main.commands["serve"]
    assert next(p for p in serve.params if p.name == "host").default == "127.0.0.1"


# ---------------------------------------------------------------- in a real browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if missing:
        pytest.skip(f"browser tests need Debian's chromium and chromium-driver ({', '.join(missing)} missing): "
                    "apt-get install chromium chromium-driver (.ci/run does)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium (the test extra)")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not try to download a driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=en-US",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_window_size(1440, 1000)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, desk):
    server = Server(rules_dir=desk / "rules", corpus_dir=desk / "corpus").start()
    browser.get(server.url)
    _wait(browser, lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
    yield browser
    server.close()


def _wait(driver, condition, timeout=30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _css(driver, selector):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def _paste(driver, selector, text):
    """Replace the text of a box as pasting over a selection does: one insertion by the
    browser's editing machinery (with its input event), not a value set behind its back."""
    box = _css(driver, selector)[0]
    box.click()
    driver.execute_script("arguments[0].focus(); arguments[0].select();"
                          "document.execCommand('insertText', false, arguments[1]);", box, text)
    assert box.get_attribute("value") == text


def _figure(driver, text):
    """The highlighted figure whose text (white space removed) is ``text``."""
    return next(s for s in _css(driver, "#article-view .fig") if "".join(s.text.split()) == text)


def test_page_end_to_end(page, desk):
    driver = page
    text = _seed()
    facts = extract(text, None, load_rules_from(desk / "rules")).facts

    # Paste the seed article and extract: every fact is highlighted, coloured by kind.
    _paste(driver, "#article-input", text)
    _css(driver, "#extract-btn")[0].click()
    _wait(driver, lambda d: len(_css(d, "#article-view .fig")) == len(facts))
    shown = _css(driver, "#article-view .fig")
    assert ["".join(s.text.split()) for s in shown] == [f.text for f in facts]
    assert [s.get_attribute("data-kind") for s in shown] == [f.kind for f in facts]
    colour = {s.get_attribute("data-kind"): s.value_of_css_property("background-color") for s in shown}
    assert colour["people"] != colour["money"]
    assert len(_css(driver, "#legend span")) >= 12
    assert _css(driver, "#article-view .nofact"), "numbers without a fact are shown"

    # The facts table: one row per fact.
    assert len(_css(driver, "#facts-table tbody tr")) == len(facts)
    assert _css(driver, "#facts-count")[0].text == f"({len(facts)})"

    # Click a figure: its row and how it was read.
    _figure(driver, "2.7万元左右").click()
    explain = _css(driver, "#explain")[0].text
    assert "2.7万元左右 → 27000 元" in explain
    for expected in ("money", "about", "per", "人", "subject", "rule", "quantity/元", "approx    about"):
        assert expected in explain, (expected, explain)

    # Click a number that gave no fact: why not.
    next(s for s in _css(driver, "#article-view .nofact") if "".join(s.text.split()) == "2023年").click()
    assert "a year (date)" in _css(driver, "#explain")[0].text

    # Sort by value, filter by kind, and download what is shown as CSV.
    _css(driver, "#facts-table thead th[data-col=value]")[0].click()
    values = [float(tr.find_elements("css selector", "td")[2].text) for tr in _css(driver, "#facts-table tbody tr")]
    assert values == sorted(values)
    from selenium.webdriver.support.ui import Select

    Select(_css(driver, "#facts-kind")[0]).select_by_value("money")
    money = [f for f in facts if f.kind == "money"]
    assert len(_css(driver, "#facts-table tbody tr")) == len(money)
    driver.execute_script("window._csv = null; const make = URL.createObjectURL;"
                          "URL.createObjectURL = (blob) => { blob.arrayBuffer().then(b => window._csv = Array.from("
                          "new Uint8Array(b))); return make(blob); };")
    _css(driver, "#csv-btn")[0].click()
    csv_bytes = bytes(_wait(driver, lambda d: d.execute_script("return window._csv")))
    assert csv_bytes.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, like facts.csv
    lines = csv_bytes.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("doc,text,value,value_max,unit,kind")
    assert len(lines) == 1 + len(money)

    # A bad rule edit is refused with extract check's message; the file stays as it was.
    _css(driver, "[data-tab=rules]")[0].click()
    Select(_css(driver, "#rule-picker")[0]).select_by_value("units.yaml")
    _wait(driver, lambda d: STICKS_RULE.strip() in _css(d, "#rule-editor")[0].get_attribute("value"))
    units = (desk / "rules" / "units.yaml").read_text(encoding="utf-8")
    _paste(driver, "#rule-editor", units.replace("{id: 棒, kind: count,", "{id: 棒, kind: cuont,"))
    _css(driver, "#rule-save")[0].click()
    _wait(driver, lambda d: "not saved" in _css(d, "#rule-message")[0].text)
    assert "unit 棒: unknown kind 'cuont'" in _css(driver, "#rule-message")[0].text
    assert (desk / "rules" / "units.yaml").read_text(encoding="utf-8") == units

    # Reload drops the refused edit; switching files with an unsaved edit would ask first.
    _css(driver, "#rule-reload")[0].click()
    _wait(driver, lambda d: _css(d, "#rule-editor")[0].get_attribute("value") == units)

    # A good edit (a new exclusion) is saved; the article is extracted again and the change shows.
    Select(_css(driver, "#rule-picker")[0]).select_by_value("exclusions.yaml")
    _wait(driver, lambda d: "id: set-phrases" in _css(d, "#rule-editor")[0].get_attribute("value"))
    exclusions = (desk / "rules" / "exclusions.yaml").read_text(encoding="utf-8")
    _paste(driver, "#rule-editor", _with_exclusion(exclusions))
    _css(driver, "#rule-save")[0].click()
    _wait(driver, lambda d: "On this article" in _css(d, "#rule-message")[0].text)
    assert "Saved exclusions.yaml" in _css(driver, "#rule-message")[0].text
    assert "0 added, 1 removed, 0 changed" in _css(driver, "#rule-message")[0].text
    assert (desk / "rules" / "exclusions.yaml").read_text(encoding="utf-8") == _with_exclusion(exclusions)
    assert len(_css(driver, "#article-view .fig")) == len(facts) - 1
    removed = _css(driver, "#article-view .chg-removed")
    assert ["".join(s.text.split()) for s in removed] == ["10家"]
    removed[0].click()
    explain = _css(driver, "#explain")[0].text
    assert "removed" in explain and "excluded by rule applicants-only" in explain

    # Across the corpus: the extract diff view.
    _css(driver, "[data-tab=changes]")[0].click()
    assert "10家" in _css(driver, "#article-changes")[0].text
    _css(driver, "#diff-btn")[0].click()
    _wait(driver, lambda d: "documents" in _css(d, "#corpus-diff")[0].text)
    assert "1 documents (1 changed): 0 facts added, 1 removed" in _css(driver, "#corpus-diff")[0].text
    assert "zhongyang-employment" in _css(driver, "#corpus-diff")[0].text


def test_page_picks_a_corpus_article(page):
    from selenium.webdriver.support.ui import Select

    Select(_css(page, "#doc-picker")[0]).select_by_value("zhongyang-employment")
    _wait(page, lambda d: len(_css(d, "#article-view .fig")) > 40)
    _figure(page, "5202人").click()
    assert "稳岗补助" in _css(page, "#explain")[0].text
    assert _css(page, "#facts-table tbody tr.selected")  # the figure's row in the table too
    _css(page, "#facts-table tbody tr")[0].click()  # and a row shows its figure
    selected = _css(page, "#article-view .fig.selected")[0].text
    assert "".join(selected.split()) == _css(page, "#facts-table tbody tr td")[1].text
    if os.environ.get("EXTRACT_SCREENSHOT"):  # the README's picture: the seed article, one figure explained
        page.set_window_size(1440, 1060)
        _figure(page, "2.7万元左右").click()
        page.execute_script("window.scrollTo(0, 0); document.querySelector('#facts-table').parentNode.scrollLeft = 0")
        page.save_screenshot(os.environ["EXTRACT_SCREENSHOT"])
