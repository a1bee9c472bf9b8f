"""The commands through click's CliRunner: exact output where it does not depend on
the extraction heuristics, help text for every command, and `extract score` agreeing
with shared/eval/score.py."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import main
from extract.diff import compare_facts, find_sentence, materialize_rules
from extract.facts import extract_facts
from extract.rules import default_rules_dir

ROOT = Path(__file__).resolve().parents[1]
SHARED_SCORE = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.fixture
def runner():
    return CliRunner()


# ---------------------------------------------------------------- help


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help(runner, name):
    command = main.commands[name]
    assert command.help and "Example: extract " + name in command.help
    result = runner.invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert f"Usage: main {name}" in result.output
    for param in command.params:
        if isinstance(param, __import__("click").Option):
            assert param.help, f"{name} {param.opts} has no help"


def test_commands_are_listed(runner):
    result = runner.invoke(main, ["--help"])
    for name in ("run", "try", "score", "check", "diff", "gold-draft"):
        assert f"  {name} " in result.output


# ---------------------------------------------------------------- try


def test_try_json(runner):
    result = runner.invoke(main, ["try", "--json", "每亩 800元的保底分红"])
    assert result.exit_code == 0
    row = json.loads(result.output.splitlines()[0])
    assert (row["value"], row["unit"], row["per"], row["rule"]) == (800, "元", "亩", "quantity/元")


def test_try_explain_steps_and_why_not(runner):
    result = runner.invoke(main, ["try", "--explain", "2023年，每名耳农增收2.7万元左右，其中3位数。打造一个平台"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    start = lines.index("2.7万元左右 → 27000 元 (money)   rule quantity/元")
    assert lines[start + 1:start + 8] == [
        "  number    2.7万 → 27000",
        "  magnitude 万 ×10⁴ (folded into the value)",
        "  unit      元 (rule 元)",
        "  kind      money (the unit's kind)",
        "  approx    about: rule about-after",
        "  per       人: 每名 before the number (rule per-person)",
        lines[start + 7],
    ]
    assert lines[start + 7].startswith("  subject   ")
    why = lines[lines.index("why not:"):]
    assert why == [
        "why not:",
        "  2023年: a year (date), not a length of time",
        "  3: no unit, measure word or counted noun after it",
        "  一个: excluded by rule bare-one: 一",
    ]


def test_try_explain_without_rejections(runner):
    result = runner.invoke(main, ["try", "--explain", "种了1.4万亩"])
    assert result.output.splitlines()[-2:] == ["why not:", "  every number gave a fact"]


# ---------------------------------------------------------------- check


def test_check_good_newsroom_folder(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.yaml").write_text(
        'units:\n  - {id: 晌, kind: area, surfaces: [晌], examples: {"300晌": {value: 300, unit: 晌}}}\n', encoding="utf-8")
    result = runner.invoke(main, ["check", "news/a.yaml"])
    assert result.exit_code == 0
    assert result.output == "1 files, 1 examples passed, 0 failed, 0 problems\n"


def test_check_failing_example(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.yaml").write_text(
        'units:\n\n  - {id: 晌, kind: area, surfaces: [晌], examples: {"300晌": {value: 30}}}\n', encoding="utf-8")
    result = runner.invoke(main, ["check", "--rules", "news", "news/a.yaml"])
    assert result.exit_code == 1
    assert result.output == (
        "news/a.yaml:3: unit 晌: example '300晌': expected a fact with value=30; "
        "got 300晌 → 300 晌 area approx=None per=None subject=None\n"
        "1 files, 0 examples passed, 1 failed, 0 problems\n")


# ---------------------------------------------------------------- score


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


GOLD = [
    {"doc": "d", "text": "800元", "value": 800, "value_max": None, "unit": "元", "kind": "money", "approx": None, "per": "亩", "subject": "保底分红"},
    {"doc": "d", "text": "1.4万亩", "value": 14000, "value_max": None, "unit": "亩", "kind": "area", "approx": None, "per": None, "subject": "土地"},
    {"doc": "d", "text": "500余名", "value": 500, "value_max": None, "unit": "人", "kind": "people", "approx": "over", "per": None, "subject": "劳动力"},
]
PRED = [
    {"doc": "d", "text": "800元", "value": 800, "value_max": None, "unit": "元", "kind": "money", "approx": None, "per": "亩",
     "subject": "保底分红", "start": 4, "end": 8, "sentence": "每亩 800元的保底分红。", "rule": "quantity/元"},
    {"doc": "d", "text": "1.4万亩", "value": 14000, "value_max": None, "unit": "亩", "kind": "area", "approx": None, "per": None,
     "subject": "土地", "start": 12, "end": 17, "sentence": "流转1.4万亩土地。", "rule": "quantity/亩"},
    {"doc": "d", "text": "万亩", "value": 10000, "value_max": None, "unit": "亩", "kind": "area", "approx": None, "per": None,
     "subject": None, "start": 14, "end": 17, "sentence": "流转1.4万亩土地。", "rule": "bare-magnitude/亩"},
]


def test_score_by_rule_exact(runner, tmp_path):
    gold = _jsonl(tmp_path / "d.gold.jsonl", GOLD)
    pred = _jsonl(tmp_path / "pred.jsonl", PRED)
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "d.txt").write_text("每亩 800元的保底分红。流转1.4万亩土地。共有500余名劳动力外出务工。", encoding="utf-8")
    result = runner.invoke(main, ["score", str(gold), str(pred), "--by-rule", "--texts", str(texts)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "gold=3 pred=3 tp=2 precision=0.6667 recall=0.6667 f1=0.6667 kind_acc=1.0 approx_acc=1.0 per_acc=1.0 subject_acc=1.0",
        "",
        "rule               tp  fp  precision",
        "bare-magnitude/亩  0   1   0.000",
        "quantity/亩        1   0   1.000",
        "quantity/元        1   0   1.000",
        "",
        "overlaps and conflicts: 1",
        "  conflict quantity/亩 × bare-magnitude/亩: 1 (e.g. d: 1.4万亩 14000 亩 / 万亩 10000 亩)",
        "",
        "misses: 1",
        "  d: 500余名 = 500 人 | 共有500余名劳动力外出务工。",
        "",
        "false positives: 1",
        "  d: 万亩 = 10000 亩 [bare-magnitude/亩] | 流转1.4万亩土地。",
    ]


def test_score_by_rule_without_texts_prints_the_gold_text(runner, tmp_path):
    gold = _jsonl(tmp_path / "d.gold.jsonl", GOLD)
    pred = _jsonl(tmp_path / "pred.jsonl", PRED[:2])
    result = runner.invoke(main, ["score", str(gold), str(pred), "--by-rule"])
    assert "  d: 500余名 = 500 人 | 500余名" in result.output.splitlines()


def test_find_sentence_ignores_white_space():
    assert find_sentence("一。脱贫劳动力 662 人。三", "662人") == "脱贫劳动力 662 人。"
    assert find_sentence("一。二", "662人") is None


@pytest.mark.skipif(not SHARED_SCORE.is_file(), reason="shared/eval/score.py is absent")
@pytest.mark.parametrize("extra", [[], ["--json"], ["--kinds", "money,area"], ["--docs", "jianli"]])
def test_score_agrees_with_shared_scorer(runner, tmp_path, extra):
    out = tmp_path / "out"
    run = runner.invoke(main, ["run", str(ROOT / "corpus"), "--out", str(out)])
    assert run.exit_code == 0, run.output
    gold, pred = ROOT / "corpus" / "gold", out / "facts.jsonl"
    ours = runner.invoke(main, ["score", str(gold), str(pred), *extra])
    theirs = subprocess.run([sys.executable, str(SHARED_SCORE), str(gold), str(pred), *extra],
                            capture_output=True, text=True, encoding="utf-8", check=True)
    assert ours.exit_code == 0
    assert ours.stdout == theirs.stdout


@pytest.mark.skipif(not SHARED_SCORE.is_file(), reason="shared/eval/score.py is absent")
def test_score_agrees_on_imperfect_predictions(runner, tmp_path):
    gold = _jsonl(tmp_path / "d.gold.jsonl", GOLD)
    pred = _jsonl(tmp_path / "pred.jsonl", PRED)
    ours = runner.invoke(main, ["score", str(gold), str(pred), "--json"])
    theirs = subprocess.run([sys.executable, str(SHARED_SCORE), str(gold), str(pred), "--json"],
                            capture_output=True, text=True, encoding="utf-8", check=True)
    assert ours.stdout == theirs.stdout


# ---------------------------------------------------------------- diff


def test_diff_with_a_newsroom_folder(runner, tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.yaml").write_text("units:\n  - id: 亩\n    enabled: false\n  - {id: 晌, kind: area, surfaces: [晌]}\n",
                                              encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "v.txt").write_text("流转1.4万亩土地，种植玉米300晌，共有500余名劳动力。", encoding="utf-8")
    result = runner.invoke(main, ["diff", str(tmp_path / "texts"), "--rules", str(tmp_path / "news")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "1 documents (1 changed): 1 facts added, 1 removed, 0 changed, 1 unchanged"
    assert lines[2].split() == ["doc", "change", "text", "value", "value_max", "unit", "kind", "approx", "per", "subject", "rule"]
    assert lines[3].split()[:6] == ["v", "removed", "1.4万亩", "14000", "-", "亩"]
    assert lines[4].split()[:6] == ["v", "added", "300晌", "300", "-", "晌"]


def test_diff_same_rules_changes_nothing(runner):
    result = runner.invoke(main, ["diff", str(ROOT / "corpus"), "--old", str(default_rules_dir())])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("6 documents (0 changed): 0 facts added, 0 removed, 0 changed, ")


def test_diff_changed_cells_show_old_and_new():
    old = extract_facts("每亩 800元的保底分红")
    new = extract_facts("每亩 800元的保底分红")
    new[0].value, new[0].per = 8000, None
    changes, same = compare_facts(old, new)
    assert same == 0
    assert [(kind, o["value"], n["value"]) for kind, o, n in changes] == [("changed", 800, 8000)]


def test_diff_old_git_revision(tmp_path):
    try:
        folder = materialize_rules("HEAD", default_rules_dir(), tmp_path)
    except Exception as exc:  # no git, or not a checkout
        pytest.skip(f"no git revision to read: {exc}")
    assert (folder / "units.yaml").is_file()
    assert folder != default_rules_dir()


def test_diff_unknown_old(runner, tmp_path):
    result = runner.invoke(main, ["diff", str(ROOT / "corpus"), "--old", "no-such-revision-xyz"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no-such-revision-xyz: neither a rules folder nor a git revision")


# ---------------------------------------------------------------- gold-draft


def test_gold_draft(runner, tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "v.txt").write_text("合作社对农户每亩有 800元的保底分红。", encoding="utf-8")
    result = runner.invoke(main, ["gold-draft", str(tmp_path / "texts"), "--out", str(tmp_path / "gold")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [str(tmp_path / "gold" / "v.gold.jsonl"), "1 gold drafts written, 0 failed"]
    rows = [json.loads(l) for l in (tmp_path / "gold" / "v.gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert list(rows[0]) == ["doc", "text", "value", "value_max", "unit", "kind", "approx", "per", "subject"]
    assert (rows[0]["doc"], rows[0]["value"], rows[0]["unit"], rows[0]["per"]) == ("v", 800, "元", "亩")
    # A draft scores perfectly against the output it came from.
    run = runner.invoke(main, ["run", str(tmp_path / "texts"), "-o", str(tmp_path / "out")])  # -o is --out
    score = runner.invoke(main, ["score", str(tmp_path / "gold"), str(tmp_path / "out" / "facts.jsonl")])
    assert run.exit_code == 0 and "precision=1.0 recall=1.0" in score.output
