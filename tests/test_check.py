"""Broken rule files: every kind of problem gives one exact ``file:line: message`` line,
`extract check` reports them all in one pass, and the batch commands refuse to run
with the same lines. Also: layering of a newsroom folder over the built-in rules.

Add a new kind of problem as a row of BROKEN: a file's text and the line it must give.
"""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from extract.check import check_rules
from extract.cli import main
from extract.errors import RulesError
from extract.rules import default_rules_dir, load_rules, read_rule_dirs, read_rule_file, slow_sample

KINDS = "people, households, money, area, weight, length, volume, percent, percentage_point, age, duration, count"

# (name, file text, the exact problem line, relative to the newsroom folder `news/`)
BROKEN = [
    ("bad-kind-flow", """\
        units:
          - {id: 晌, kind: area, surfaces: [晌]}
          - {id: 万元, kind: moeny, surfaces: [万元]}
        """, f"news/r.yaml:3: unit 万元: unknown kind 'moeny'; expected one of {KINDS} (did you mean 'money'?)"),
    ("bad-kind-block", """\
        units:
          - id: 晌
            kind: aera
            surfaces: [晌]
        """, f"news/r.yaml:2: unit 晌: unknown kind 'aera'; expected one of {KINDS} (did you mean 'area'?)"),
    ("yaml-syntax", """\
        units:
          - id: 晌
            surfaces: [晌
        """, "news/r.yaml:4: YAML syntax error: " + (
        "did not find expected ',' or ']'" if yaml.__with_libyaml__  # the rules are parsed by libyaml where PyYAML has it
        else "expected ',' or ']', but got '<stream end>'") + " (while parsing a flow sequence at line 3)"),
    ("unknown-key", """\
        units:
          - id: 晌
            kind: area
            surface: [晌]
        """, "news/r.yaml:4: unit 晌: unknown key 'surface'; expected one of approx, but_before, classifier, count_after, decimals_free, description, digit_after, "
             "enabled, examples, factor, id, kind, kind_by_noun, not, not_before, one_object, only_after, only_before, part, signed, size, slash_pair, "
             "surfaces, symbols, tenths, unit, weak_after "
             "(did you mean 'surfaces'?)"),
    ("missing-key", """\
        units:
          - id: 晌
            kind: area
        """, "news/r.yaml:2: unit 晌: missing key 'surfaces'"),
    ("duplicate-id", """\
        exclusions:
          - id: slogans
            phrases: [万人助万企]
          - id: slogans
            phrases: [百企帮百村]
        """, "news/r.yaml:4: exclusion slogans: duplicate id (first defined at line 2)"),
    ("duplicate-key", """\
        exclusions:
          - id: slogans
            phrases: [万人助万企]
            phrases: [百企帮百村]
        """, "news/r.yaml:4: duplicate key 'phrases' (YAML keeps only the last one)"),
    ("invalid-regex", """\
        exclusions:
          - id: broken
            pattern: "([一二"
        """, "news/r.yaml:2: exclusion broken: invalid regex '([一二': unterminated character set at position 4"),
    ("nested-repetition", """\
        exclusions:
          - id: nested
            pattern: "(\\\\d+)+元"
        """, "news/r.yaml:2: exclusion nested: regex '(\\\\d+)+元' can take too long on long input (nested "
             "repetition); rewrite it without a repeated group inside a repetition"),
    ("slow-on-long-input", """\
        exclusions:
          - id: slow
            pattern: "(?:\\\\d|\\\\d\\\\d)+(?:元|万)"
        """, "news/r.yaml:2: exclusion slow: regex '(?:\\\\d|\\\\d\\\\d)+(?:元|万)' can take too long on long input "
             "(more than 0.5s on 5000 characters '111111111111'…, or twice that on all test inputs); rewrite it so "
             "that no part can match the same text in many ways, and anchor a repeat that ends in a word "
             "((?<!\\d)\\d+届)"),
    ("unknown-section", """\
        unit:
          - id: 晌
        """, "news/r.yaml:1: unknown section 'unit'; expected one of " + ", ".join(__import__("extract.rules", fromlist=["SECTIONS"]).SECTIONS)
             + " (did you mean 'units'?)"),
    ("disable-unknown", """\
        units:
          - id: 晌晌
            enabled: false
        """, "news/r.yaml:2: unit 晌晌: disables or overrides an unknown rule id"),
    ("bad-approx", """\
        approx:
          - id: roughly
            approx: aboot
            before: [大致上]
        """, "news/r.yaml:2: approx roughly: unknown approx 'aboot'; expected one of about, over, under"),
    ("bad-size", """\
        units:
          - id: 刻钟
            kind: duration
            size: 900秒
            surfaces: [刻钟]
        """, "news/r.yaml:2: unit 刻钟: 'size' must be a number and a unit, as in '12 月', got '900秒'"),
    ("not-a-rule", """\
        units:
          - 晌
        """, "news/r.yaml:1: each rule must be a mapping with an id, got '晌'"),
]


@pytest.fixture
def news(tmp_path, monkeypatch):
    """An empty newsroom folder ``news/`` in a working folder of its own."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "news"
    folder.mkdir()
    return folder


def _write(folder: Path, text: str, name: str = "r.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.mark.parametrize("text, line", [pytest.param(t, l, id=n) for n, t, l in BROKEN])
def test_problem_wording(news, text, line):
    _write(news, text)
    report = check_rules([], [default_rules_dir(), news])
    assert line in report.problems
    assert not report.ok


@pytest.mark.parametrize("text, line", [pytest.param(t, l, id=n) for n, t, l in BROKEN])
def test_batch_commands_refuse_with_the_same_lines(news, text, line):
    _write(news, text)
    runner = CliRunner()
    check = runner.invoke(main, ["check", "--rules", "news"])
    assert check.exit_code == 1
    assert line in check.output.splitlines()
    article = news.parent / "a.txt"
    article.write_text("种了1.4万亩", encoding="utf-8")
    for args in (["run", str(article), "--out", "out"], ["try", "种了1.4万亩"]):
        result = runner.invoke(main, [*args, "--rules", "news"])
        assert result.exit_code == 1, args
        assert "Error: rule files have problems:" in result.output
        assert line in result.output.splitlines(), args
    with pytest.raises(RulesError) as info:
        load_rules(("news",))
    assert line in info.value.problems


def test_every_problem_in_one_pass(news):
    for i, (_, text, _) in enumerate(BROKEN):
        _write(news, text, f"r{i:02}.yaml")
    report = check_rules([], [default_rules_dir(), news])
    for i, (name, _, line) in enumerate(BROKEN):
        assert line.replace("news/r.yaml", f"news/r{i:02}.yaml") in report.problems, name


def test_builtin_rules_in_a_copy_report_rules_path(tmp_path, monkeypatch):
    # The issue's own example: a typo in a copy of the built-in units.yaml.
    shutil.copytree(default_rules_dir(), tmp_path / "rules", ignore=shutil.ignore_patterns("*.md"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EXTRACT_RULES", str(tmp_path / "rules"))
    units = tmp_path / "rules" / "units.yaml"
    lines = units.read_text(encoding="utf-8").splitlines()
    number = next(i for i, l in enumerate(lines, 1) if l.startswith("  - {id: 公顷,"))
    lines[number - 1] = lines[number - 1].replace("kind: area", "kind: moeny")
    units.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"rules/units.yaml:{number}: unit 公顷: unknown kind 'moeny'; expected one of {KINDS} (did you mean 'money'?)")


def test_example_failure_carries_the_rule_line(news):
    # A flow-style rule on line 3 whose example is wrong.
    _write(news, """\
        units:
          - {id: 晌, kind: area, surfaces: [晌]}
          - {id: 英亩, kind: area, surfaces: [英亩], examples: {"种了30英亩": {value: 31}}}
        exclusions:
          - id: slogans
            phrases: [万人助万企]
            not: [开展万人助万企活动]
        """)
    report = check_rules([news / "r.yaml"], [default_rules_dir()])
    assert report.problems == []
    assert report.lines() == [
        "news/r.yaml:3: unit 英亩: example '种了30英亩': expected a fact with value=31; "
        "got 30英亩 → 30 英亩 area approx=None per=None subject=None",
        "news/r.yaml:5: exclusion slogans: not '开展万人助万企活动': expected the rule to leave a fact; got none",
    ]
    assert report.summary() == "1 files, 0 examples passed, 2 failed, 0 problems"


def test_every_builtin_rule_has_its_real_line():
    rules, problems = read_rule_dirs([default_rules_dir()])
    assert not problems
    assert all(r.line > 0 for r in rules)
    units = next(r for r in rules if r.section == "units" and r.id == "公顷")
    text = Path(units.file).read_text(encoding="utf-8").splitlines()
    assert text[units.line - 1].startswith("  - {id: 公顷,")


def test_every_rule_that_makes_facts_has_examples():
    rules, _ = read_rule_dirs([default_rules_dir()])
    sections = ("units", "approx", "rates", "implicit", "exclusions")
    bare = [f"{r.section}:{r.id}" for r in rules if r.section in sections and not r.get("examples")]
    assert bare == []


def test_builtin_rules_check_clean():
    rules, problems = read_rule_dirs([default_rules_dir()])
    assert problems == []
    report = check_rules(sorted(default_rules_dir().glob("*.yaml")), [default_rules_dir()])
    failing = [r.line for r in report.failures if r.rule.section in ("units", "approx", "rates", "implicit", "exclusions",
                                                                     "nouns", "char_map")]
    assert failing == []


def test_slow_sample_times_patterns():
    import regex

    assert slow_sample(regex.compile(r"\d+(?:万|亿)?元")) is None
    assert slow_sample(regex.compile(r"(?:\d|\d\d)+(?:元|万)"), limit=0.2) is not None
    # under the limit on each input, but quadratic on all of them: tried at every digit of a run
    quadratic = regex.compile(r"[\d一二三]+届(?=全会|人大)|(?<=届人大)[一二\d]+次(?=会议)")
    assert slow_sample(quadratic, limit=0.2) is not None
    assert slow_sample(regex.compile(r"(?<![\d一二三])[\d一二三]+届(?=全会|人大)"), limit=0.2) is None


def test_a_busy_machine_does_not_make_a_pattern_slow():
    class Busy:
        """A pattern whose first search runs out of wall time while the CPU did other work."""
        pattern = r"\d+元"
        searches = 0

        def findall(self, text, timeout):
            self.searches += 1
            if self.searches == 1:
                raise TimeoutError
            return []

    busy = Busy()
    assert slow_sample(busy) is None
    assert busy.searches > 2  # tried again, then went on to the other inputs


def test_a_pattern_found_fast_is_not_timed_again(tmp_path, monkeypatch):
    from extract import rules as rules_module

    monkeypatch.setenv("EXTRACT_CACHE_DIR", str(tmp_path / "cache"))
    timed = []
    monkeypatch.setattr(rules_module, "slow_sample", lambda compiled: timed.append(compiled.pattern) or (
        "1" * 12 if "slow" in compiled.pattern else None))

    def verdicts():
        # a new run: nothing remembered in memory, only what the cache folder holds
        rules_module._slow_sample_of.cache_clear()
        rules_module._fast_patterns.cache_clear()
        found = rules_module._slow_sample_of(r"\d+元"), rules_module._slow_sample_of(r"slow\d+")
        rules_module.save_fast_patterns()  # as reading the rule folders does, once at its end
        return found

    assert verdicts() == (None, "1" * 12)
    assert timed == [r"\d+元", r"slow\d+"]
    assert verdicts() == (None, "1" * 12)
    assert timed[2:] == [r"slow\d+"]  # the fast one remembered, the slow one timed (and refused) again
    monkeypatch.setattr(rules_module, "SLOW_LENGTH", rules_module.SLOW_LENGTH * 2)
    verdicts()
    assert timed[3:] == [r"\d+元", r"slow\d+"]  # a verdict holds for one test size only


def test_an_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    from extract import rules as rules_module

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("EXTRACT_CACHE_DIR", str(blocker / "cache"))
    rules_module._slow_sample_of.cache_clear()
    rules_module._fast_patterns.cache_clear()
    assert rules_module._slow_sample_of(r"\d+万元") is None
    rules_module.save_fast_patterns()
    rules_module._fast_patterns.cache_clear()


def test_read_rule_file_keeps_going_after_a_bad_rule(news):
    path = _write(news, """\
        units:
          - {id: 万元, kind: moeny, surfaces: [万元]}
          - {id: 晌, kind: area, surfaces: [晌]}
        """)
    problems: list[str] = []
    rules = read_rule_file(path, problems)
    assert [r.id for r in rules] == ["晌"]
    assert len(problems) == 1


# ---------------------------------------------------------------- layering


def _facts(text, dirs=()):
    from extract.facts import extract_facts

    return [(f.value, f.unit, f.kind) for f in extract_facts(text, rules=load_rules(tuple(dirs)))]


def test_layer_adds_a_rule(news):
    assert _facts("种植玉米300晌") == []
    _write(news, "units:\n  - {id: 晌, kind: area, surfaces: [晌]}\n")
    assert _facts("种植玉米300晌", [news]) == [(300, "晌", "area")]


def test_layer_overrides_a_rule_by_id(news):
    assert _facts("新增林地1200公顷") == [(1200, "公顷", "area")]
    _write(news, "units:\n  - {id: 公顷, unit: 公顷, kind: count, surfaces: [公顷]}\n")
    assert _facts("新增林地1200公顷", [news]) == [(1200, "公顷", "count")]


def test_layer_disables_a_rule(news):
    assert _facts("1.4万亩土地") == [(14000, "亩", "area")]
    _write(news, "units:\n  - id: 亩\n    enabled: false\n")
    assert _facts("1.4万亩土地", [news]) == []
    assert _facts("1.4万亩土地") == [(14000, "亩", "area")]  # the built-in set is untouched


def test_a_layer_term_stays_one_word_in_segmentation(news):
    """Segmentation takes the nouns of the rule set in use, not only the built-in ones."""
    from extract.facts import extract_facts

    text = "全镇建成蓝莓采摘园12个"
    assert [f.subject for f in extract_facts(text)] == ["采摘园"]  # jieba: 蓝莓 / 采摘 / 园
    _write(news, "subjects:\n  - id: local-terms\n    role: term\n    words: [蓝莓采摘园]\n")
    assert [f.subject for f in extract_facts(text, rules=load_rules((str(news),)))] == ["蓝莓采摘园"]
    assert [f.subject for f in extract_facts(text)] == ["采摘园"]  # the built-in set is untouched


def test_a_surname_added_in_a_layer_reaches_the_exclusion_patterns(news):
    """{surname} in an exclusion pattern stands for the family names of the rule set in use."""
    text = "负责人禹六根正忙着调度运粮车"
    assert _facts(text) == [(6, "根", "count")]  # 禹 is no family name of the built-in rules
    _write(news, "subjects:\n  - id: more-surnames\n    role: surname\n    words: [禹]\n")
    assert _facts(text, [news]) == []


def test_a_correction_word_added_in_a_layer_carries_the_unit(news):
    """The words of a speaker taking a figure back are rules data (spoken, role correction)."""
    text = "三千斤，口误口误，三千五"
    assert _facts(text) == [(3000, "斤", "weight")]
    _write(news, "spoken:\n  - id: more-corrections\n    role: correction\n    words: [口误口误]\n")
    assert _facts(text, [news]) == [(3000, "斤", "weight"), (3500, "斤", "weight")]


def test_a_spoken_word_of_unknown_role_is_refused(news):
    _write(news, "spoken:\n  - id: odd\n    role: filler\n    words: [那个]\n")
    with pytest.raises(Exception, match="role"):
        load_rules((str(news),))


def test_an_edited_layer_is_read_again(news):
    path = _write(news, "units:\n  - {id: 晌, kind: area, surfaces: [晌]}\n")
    assert _facts("300晌", [news]) == [(300, "晌", "area")]
    path.write_text("units:\n  - {id: 晌, kind: count, surfaces: [晌]}\n  - {id: 英亩, kind: area, surfaces: [英亩]}\n",
                    encoding="utf-8")
    assert _facts("300晌", [news]) == [(300, "晌", "count")]


def test_same_id_in_two_files_of_one_folder(news):
    _write(news, "units:\n  - {id: 晌, kind: area, surfaces: [晌]}\n", "a.yaml")
    _write(news, "\nunits:\n  - {id: 晌, kind: area, surfaces: [晌]}\n", "b.yaml")
    report = check_rules([], [default_rules_dir(), news])
    assert report.problems == ["news/b.yaml:3: unit 晌: duplicate id (first defined at line news/a.yaml:2)"]
