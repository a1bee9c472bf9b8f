"""``extract run`` over many articles: the store, reruns, failures, time limits, workers,
and a run killed with kill -9 then run again."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import main
from extract.facts import FACT_COLUMNS, extract_facts

sys.path.insert(0, str(Path(__file__).parent))  # pytest runs with --import-mode=importlib
from test_read import ARTICLE, LONG_BODY, news_page, tiny_pdf  # noqa: E402  (builders shared with test_read)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOOD_DOCS = {"gbk", "bom", "page", "report", "j1", "j2"}
BAD_DOCS = {"empty", "binary", "dump-3"}


def run(*args: str, input: str | None = None):
    """``extract run ARGS`` through click; returns the result (output holds stderr)."""
    return CliRunner().invoke(main, ["run", *args], input=input, catch_exceptions=False)


def rows(out: Path, query: str) -> list[tuple]:
    with sqlite3.connect(out / "extract.db") as db:
        return db.execute(query).fetchall()


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder with one article of each kind, two bad files, a bad JSONL line and gold."""
    folder = tmp_path / "in"
    (folder / "gold").mkdir(parents=True)
    (folder / "gbk.txt").write_bytes(ARTICLE.encode("gbk"))
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (folder / "page.html").write_text(news_page(LONG_BODY), encoding="utf-8")
    (folder / "report.pdf").write_bytes(tiny_pdf(ARTICLE))
    lines = [json.dumps({"id": "j1", "text": ARTICLE}, ensure_ascii=False),
             json.dumps({"id": "j2", "content": "新增就业人数15325人"}, ensure_ascii=False), "{broken"]
    (folder / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x7fELF\x00\x00\x01" * 100)
    (folder / "gold" / "gbk.gold.jsonl").write_text('{"doc": "gbk"}\n', encoding="utf-8")
    (folder / "gbk.gold.jsonl").write_text('{"doc": "gbk"}\n', encoding="utf-8")
    (folder / "SOURCES.md").write_text("# where the texts come from: 5202 人\n", encoding="utf-8")
    return folder


def test_a_mixed_folder_gives_the_good_facts_and_an_error_row_per_bad_file(mixed: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run(str(mixed), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "3 failed" in result.output
    for name in ("empty.txt", "binary.txt", "dump.jsonl:3"):
        assert f"Error: {mixed / name}" in result.output
    facts = jsonl(out / "facts.jsonl")
    by_doc = {}
    for fact in facts:
        by_doc.setdefault(fact["doc"], []).append((fact["value"], fact["unit"]))
    expected = [(f.value, f.unit) for f in extract_facts(ARTICLE)]
    assert expected and all(by_doc[doc] == expected for doc in ("gbk", "bom", "report", "j1"))
    assert (5202, "人") in by_doc["page"] and (6242400, "元") in by_doc["page"]
    assert by_doc["j2"] == [(15325, "人")]
    assert set(by_doc) == GOOD_DOCS
    errors = {row[0]: row[1:] for row in rows(out, "SELECT doc, path, reason, hint FROM errors")}
    assert set(errors) == BAD_DOCS
    assert errors["empty"][1] == "empty article" and errors["binary"][1].startswith("binary file")
    assert all(hint for *_, hint in errors.values())
    status = dict(rows(out, "SELECT doc, status FROM documents"))
    assert status == {**{d: "ok" for d in GOOD_DOCS}, **{d: "error" for d in BAD_DOCS}}
    assert len(jsonl(out / "errors.jsonl")) == 3
    title, date = rows(out, "SELECT title, date FROM documents WHERE doc = 'page'")[0]
    assert (title, date) == ("定南县民生工作", "2023-06-15")


def test_facts_are_exported_in_order_as_jsonl_csv_and_parquet(mixed: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(str(mixed), "--out", str(out), "--parquet")
    facts = jsonl(out / "facts.jsonl")
    assert list(facts[0]) == list(FACT_COLUMNS)
    keys = [(f["doc"], f["start"]) for f in facts]
    assert keys == sorted(keys) and len(facts) == rows(out, "SELECT count(*) FROM facts")[0][0]
    raw = (out / "facts.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + ",".join(FACT_COLUMNS).encode())
    table_rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [(r["doc"], r["text"], r["unit"]) for r in table_rows] == [(f["doc"], f["text"], f["unit"]) for f in facts]
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(out / "facts.parquet")
    assert table.num_rows == len(facts) and table.column_names == list(FACT_COLUMNS)
    assert table.column("value").to_pylist() == [f["value"] for f in facts]


def test_a_rerun_processes_nothing_and_a_change_only_what_changed(mixed: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(str(mixed), "--out", str(out))
    first = (out / "facts.jsonl").read_text(encoding="utf-8")
    again = run(str(mixed), "--out", str(out))
    assert "(0 processed, 9 unchanged)" in again.output, again.output
    assert again.exit_code == 1 and "3 failed (3 of them unchanged since they failed)" in again.output
    assert (out / "facts.jsonl").read_text(encoding="utf-8") == first
    (mixed / "bom.txt").write_text("新增就业人数15325人", encoding="utf-8")
    (mixed / "empty.txt").write_text("走访群众15924户", encoding="utf-8")
    changed = run(str(mixed), "--out", str(out))
    assert "(2 processed, 7 unchanged)" in changed.output, changed.output
    assert rows(out, "SELECT value FROM facts WHERE doc = 'bom'") == [(15325,)]
    assert rows(out, "SELECT value FROM facts WHERE doc = 'empty'") == [(15924,)]
    assert {r[0] for r in rows(out, "SELECT doc FROM errors")} == {"binary", "dump-3"}
    runs = rows(out, "SELECT id, processed, unchanged, failed, finished IS NOT NULL FROM runs ORDER BY id")
    assert runs == [(1, 9, 0, 3, 1), (2, 0, 9, 3, 1), (3, 2, 7, 2, 1)]


def test_force_and_a_new_rules_version_process_everything_again(mixed: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(str(mixed), "--out", str(out))
    assert "(9 processed, 0 unchanged)" in run(str(mixed), "--out", str(out), "--force").output
    extra = tmp_path / "rules"
    extra.mkdir()
    (extra / "extra.yaml").write_text("exclusions:\n  - id: test-only\n    phrases: [某某某某]\n", encoding="utf-8")
    result = run(str(mixed), "--out", str(out), "--rules", str(extra))
    assert "(9 processed, 0 unchanged)" in result.output, result.output
    versions = {r[0] for r in rows(out, "SELECT rules_version FROM documents")}
    assert len(versions) == 1


def test_an_all_good_run_exits_0_and_the_store_is_plain_sqlite(tmp_path: Path):
    out = tmp_path / "out"
    result = run(str(CORPUS), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert rows(out, "SELECT count(*) FROM documents") == [(6,)]
    assert not (out / "errors.jsonl").exists() and not (out / "extract.db-wal").exists()
    tables = {r[0] for r in rows(out, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"documents", "facts", "errors", "runs"}
    n_facts = rows(out, "SELECT sum(n_facts) FROM documents")[0][0]
    assert n_facts == rows(out, "SELECT count(*) FROM facts")[0][0] == len(jsonl(out / "facts.jsonl")) > 100


def test_stdin_is_one_article(tmp_path: Path):
    out = tmp_path / "out"
    result = run("-", "--out", str(out), input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert [(f["doc"], f["value"]) for f in jsonl(out / "facts.jsonl")][:2] == [("stdin", 5202), ("stdin", 6242400)]


def test_two_inputs_with_one_id_are_both_kept(tmp_path: Path):
    for sub in ("a", "b"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "same.txt").write_text(ARTICLE, encoding="utf-8")
    result = run(str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert "stored as 'same~2'" in result.output
    assert {f["doc"] for f in jsonl(tmp_path / "out" / "facts.jsonl")} == {"same", "same~2"}


def test_a_document_over_the_time_limit_fails_and_the_batch_goes_on(tmp_path: Path, monkeypatch):
    import extract.batch as batch

    real = batch._extract

    def slow_on_hang(text, doc, rules, date=None):
        if doc == "hang":
            while True:  # a pathological article
                time.sleep(0.01)
        return real(text, doc, rules, date)

    monkeypatch.setattr(batch, "_extract", slow_on_hang)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "hang", "z"):
        (folder / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    started = time.monotonic()
    result = run(str(folder), "--out", str(tmp_path / "out"), "--timeout", "0.5")
    assert time.monotonic() - started < 20
    assert result.exit_code == 1 and "hang.txt: took longer than the time limit of 0.5 s" in result.output
    assert {f["doc"] for f in jsonl(tmp_path / "out" / "facts.jsonl")} == {"a", "z"}
    assert rows(tmp_path / "out", "SELECT doc, reason FROM errors") == [("hang", "took longer than the time limit of 0.5 s")]


def test_a_worker_that_dies_loses_only_its_own_document(tmp_path: Path, monkeypatch):
    import extract.batch as batch

    real = batch._extract

    def crash_on_dies(text, doc, rules, date=None):
        if doc == "dies":
            os._exit(3)  # a crash inside a C extension takes the whole worker with it
        return real(text, doc, rules, date)

    monkeypatch.setattr(batch, "_extract", crash_on_dies)
    monkeypatch.setattr(batch, "CHUNK_DOCS", 2)
    monkeypatch.setattr(batch, "HARD_MARGIN", 0.5)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "dies", "z"):  # dies shares its chunk with z
        (folder / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    result = run(str(folder), "--out", str(tmp_path / "out"), "--jobs", "2", "--timeout", "1")
    assert result.exit_code == 1 and "dies.txt: the worker process died or hung" in result.output
    assert {f["doc"] for f in jsonl(tmp_path / "out" / "facts.jsonl")} == {"a", "b", "z"}
    assert rows(tmp_path / "out", "SELECT doc, status FROM documents ORDER BY doc") == [
        ("a", "ok"), ("b", "ok"), ("dies", "error"), ("z", "ok")]


def test_two_workers_give_the_same_facts_as_one(mixed: Path, tmp_path: Path):
    run(str(mixed), "--out", str(tmp_path / "one"))
    result = run(str(mixed), "--out", str(tmp_path / "two"), "--jobs", "2")
    assert "(9 processed, 0 unchanged)" in result.output and "3 failed" in result.output
    assert (tmp_path / "one" / "facts.jsonl").read_bytes() == (tmp_path / "two" / "facts.jsonl").read_bytes()


def many_copies(folder: Path, copies: int) -> int:
    folder.mkdir()
    texts = sorted(CORPUS.glob("*.txt"))
    for n in range(copies):
        for text in texts:
            shutil.copy(text, folder / f"{text.stem}-{n:04d}.txt")
    return copies * len(texts)


def committed(out: Path) -> int:
    try:
        with sqlite3.connect(f"file:{out / 'extract.db'}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _wait_for_group_to_end(pgid: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise AssertionError("the workers of a killed run did not end")


def test_a_run_killed_midway_and_run_again_matches_a_clean_run(tmp_path: Path):
    total = many_copies(tmp_path / "in", 40)
    command = [sys.executable, "-m", "extract", "run", str(tmp_path / "in"), "--jobs", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    killed = subprocess.Popen([*command, "--out", str(tmp_path / "killed")], env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while committed(tmp_path / "killed") < 20 and time.monotonic() < deadline and killed.poll() is None:
        time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)  # the main process only: its workers finish their chunk and end
    killed.wait()
    _wait_for_group_to_end(killed.pid)
    done_when_killed = committed(tmp_path / "killed")
    assert 20 <= done_when_killed < total, "the run must be killed midway"
    again = subprocess.run([*command, "--out", str(tmp_path / "killed")], env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"({total - done_when_killed} processed, {done_when_killed} unchanged)" in again.stderr
    clean = subprocess.run([*command, "--out", str(tmp_path / "clean")], env=env, capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr
    killed_facts = (tmp_path / "killed" / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    clean_facts = (tmp_path / "clean" / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(clean_facts) > total and killed_facts == clean_facts
    query = 'SELECT doc, "start", count(*) FROM facts GROUP BY doc, "start", "end", unit HAVING count(*) > 1'
    assert rows(tmp_path / "killed", query) == []


def test_the_dask_engine_without_dask_says_how_to_install_it(tmp_path: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # as if not installed
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--out", str(tmp_path / "out"), "--engine", "dask",
                                       "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 1
    assert "pip install 'extract[dask]'" in result.output


def test_the_dask_engine_gives_the_same_facts_as_a_local_run(tmp_path: Path):
    distributed = pytest.importorskip("dask.distributed")
    run(str(CORPUS), "--out", str(tmp_path / "local"))
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        result = run(str(CORPUS), "--out", str(tmp_path / "dask"), "--engine", "dask",
                     "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert "(6 processed, 0 unchanged)" in result.output
    assert (tmp_path / "dask" / "facts.jsonl").read_bytes() == (tmp_path / "local" / "facts.jsonl").read_bytes()
    import pandas as pd

    by_kind = pd.read_parquet(tmp_path / "dask" / "facts_by_kind")  # the partitioned dataset
    local = pd.DataFrame(jsonl(tmp_path / "local" / "facts.jsonl"))
    assert len(by_kind) == len(local) and sorted(by_kind["kind"].astype(str)) == sorted(local["kind"])
    assert {p.name for p in (tmp_path / "dask" / "facts_by_kind").iterdir()} == {f"kind={k}" for k in local["kind"]}


def test_collection_field_options_reach_the_reader(tmp_path: Path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"key": "k1", "headline": "H", "article": ARTICLE}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(dump), "--out", str(out), "--id-field", "key", "--text-field", "article", "--title-field", "headline")
    assert result.exit_code == 0, result.output
    assert rows(out, "SELECT doc, title, status, n_facts > 0 FROM documents") == [("k1", "H", "ok", 1)]
