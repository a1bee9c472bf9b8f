"""Every example and `not` case of every rule in rules/*.yaml, one test each.

Add examples to the rule files, not here: this module only collects them.
Ids read `units.yaml:元:每亩 800元` so a failure names the rule and the text.
"""
from pathlib import Path

import pytest

from extract.check import check_example, iter_examples
from extract.rules import default_rules_dir, load_rules

RULES = load_rules()


def _cases():
    for rule in RULES.rules:
        for text, expected, is_not in iter_examples(rule):
            name = f"{Path(rule.file).name}:{rule.id}:{'not:' if is_not else ''}{text}"
            yield pytest.param(rule, text, expected, is_not, id=name)


@pytest.mark.parametrize("rule, text, expected, is_not", list(_cases()))
def test_rule_example(rule, text, expected, is_not):
    result = check_example(rule, text, expected, is_not, RULES)
    assert result.ok, result.message


def test_every_producing_rule_has_examples():
    # Rules that make facts must show one; tables (char_map, nouns lists) may rely on others'.
    bare = [r.id for r in RULES.rules if r.section in ("approx", "implicit", "exclusions") and not r.get("examples")]
    assert not bare, f"rules without examples: {bare}"


def test_rules_dir_is_the_bundled_one():
    assert (default_rules_dir() / "units.yaml").is_file()


def test_errors_keep_their_message_across_processes():
    import pickle
    from extract.errors import InputError, RulesError
    rules_error = pickle.loads(pickle.dumps(RulesError(["units.yaml:9: rule 摊: duplicate id"])))
    input_error = pickle.loads(pickle.dumps(InputError("a.txt", "empty file", "check the export")))
    assert str(rules_error) == "units.yaml:9: rule 摊: duplicate id" and rules_error.problems == ["units.yaml:9: rule 摊: duplicate id"]
    assert str(input_error) == "a.txt: empty file (check the export)" and input_error.hint == "check the export"
