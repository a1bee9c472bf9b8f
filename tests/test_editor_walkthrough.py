"""The worked example of rules/README.md, end to end, in a temporary copy of the rules:
the editor adds a unit, a slogan and a counted noun in a newsroom folder, then runs
check, try and diff. The rule file, the sentence and the expected lines are read from
the README itself, so the guide cannot drift from what the commands do."""
from __future__ import annotations

import re
import shutil

import pytest
from click.testing import CliRunner

from extract.cli import main
from extract.rules import default_rules_dir

README = default_rules_dir() / "README.md"


def _blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


@pytest.fixture
def guide():
    text = README.read_text(encoding="utf-8")
    worked = text[text.index("## Worked example"):text.index("## Scoring against gold")]
    newsroom = next(b for b in _blocks(worked, "yaml") if b.startswith("# Our newsroom's rules"))
    texts = _blocks(worked, "text")
    sentence = re.search(r'\$ extract try "(.+?)"', texts[0]).group(1)
    return {"newsroom": newsroom, "sentence": sentence, "texts": texts}


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """A working folder with a copy of the built-in rules and a one-article corpus."""
    shutil.copytree(default_rules_dir(), tmp_path / "rules", ignore=shutil.ignore_patterns("*.md"))
    monkeypatch.setenv("EXTRACT_RULES", str(tmp_path / "rules"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rows(output: str) -> list[list[str]]:
    return [line.split() for line in output.splitlines()[1:] if line.strip()]


def test_walkthrough(guide, desk):
    runner = CliRunner()
    sentence = guide["sentence"]
    (desk / "corpus").mkdir()
    (desk / "corpus" / "village.txt").write_text(sentence + "\n", encoding="utf-8")

    # Before: the slogan gives a false 10000 people and the rest is missed.
    before = runner.invoke(main, ["try", sentence])
    assert before.exit_code == 0
    shown = [line.split() for line in guide["texts"][0].splitlines()[2:] if line.strip()]
    assert _rows(before.output) == shown == [["万人", "10000", "-", "人", "people", "-", "-", "开展", "quantity/人"]]

    # 1. Write the rules.
    (desk / "newsroom").mkdir()
    rule_file = desk / "newsroom" / "newsroom.yaml"
    rule_file.write_text(guide["newsroom"], encoding="utf-8")

    # 2. Check them: clean, and a typo gives the README's line in check and in run.
    check = runner.invoke(main, ["check", "--rules", "newsroom/"])
    assert check.exit_code == 0, check.output
    assert check.output.endswith(" failed, 0 problems\n") and " 0 failed" in check.output
    rule_file.write_text(guide["newsroom"].replace("kind: area", "kind: aera"), encoding="utf-8")
    mistake = next(b for b in guide["texts"] if "unknown kind 'aera'" in b).strip()
    check = runner.invoke(main, ["check", "--rules", "newsroom/"])
    assert check.exit_code == 1
    assert mistake in check.output.splitlines()
    run = runner.invoke(main, ["run", "corpus/", "--out", "out", "--rules", "newsroom/"])
    assert run.exit_code == 1 and mistake in run.output.splitlines()
    rule_file.write_text(guide["newsroom"], encoding="utf-8")

    # 3. Try the sentence: 300 晌 and 3000 people, no slogan.
    after = runner.invoke(main, ["try", "--rules", "newsroom/", "--explain", sentence])
    assert after.exit_code == 0
    facts = {(row[1], row[3], row[4]) for row in _rows(after.output.split("\n\n")[0])}
    assert facts == {("300", "晌", "area"), ("3000", "人", "people")}
    why = next(b for b in guide["texts"] if b.startswith("why not:")).strip().splitlines()
    assert why[1] in after.output.splitlines()

    # 4. Diff the corpus: the README's summary line.
    diff = runner.invoke(main, ["diff", "corpus/", "--rules", "newsroom/"])
    assert diff.exit_code == 0
    summary = next(b for b in guide["texts"] if "$ extract diff corpus/ --rules newsroom/" in b).strip().splitlines()[1]
    assert diff.output.splitlines()[0] == summary
    changes = {(row[1], row[2]) for row in _rows("\n".join(diff.output.splitlines()[2:]))}
    assert changes == {("added", "300晌"), ("added", "近3000护林员"), ("removed", "万人")}


def test_walkthrough_disable_a_builtin_rule(desk):
    # The README's switch-off: 亩 no longer gives facts, and diff shows the loss.
    runner = CliRunner()
    (desk / "newsroom").mkdir()
    (desk / "newsroom" / "off.yaml").write_text("units:\n  - id: 亩\n    enabled: false\n", encoding="utf-8")
    (desk / "corpus").mkdir()
    (desk / "corpus" / "a.txt").write_text("全县流转土地1.4万亩。", encoding="utf-8")
    # The folder itself is fine; examples of other rules that relied on 亩 may now fail.
    assert runner.invoke(main, ["check", "--rules", "newsroom/"]).output.endswith(" 0 problems\n")
    assert "1.4万亩" not in runner.invoke(main, ["try", "--rules", "newsroom/", "流转土地1.4万亩"]).stdout
    diff = runner.invoke(main, ["diff", "corpus/", "--rules", "newsroom/"])
    assert diff.output.splitlines()[0] == "1 documents (1 changed): 0 facts added, 1 removed, 0 changed, 0 unchanged"


def test_walkthrough_edit_builtin_copy_and_diff_against_it(desk):
    # Editing the built-in copy in place, compared with the untouched original folder.
    runner = CliRunner()
    original = desk / "original-rules"
    shutil.copytree(desk / "rules", original)
    units = desk / "rules" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("{id: 公顷, kind: area,", "{id: 公顷, kind: count,"),
                     encoding="utf-8")
    (desk / "corpus").mkdir()
    (desk / "corpus" / "a.txt").write_text("新增林地1200公顷。", encoding="utf-8")
    diff = runner.invoke(main, ["diff", "corpus/", "--old", str(original)])
    assert diff.exit_code == 0
    assert diff.output.splitlines()[0] == "1 documents (1 changed): 0 facts added, 0 removed, 1 changed, 0 unchanged"
    assert "area → count" in diff.output
