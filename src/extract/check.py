"""Check rule files: every problem in one pass, then every rule's examples.

Each rule's ``examples`` map a text to the fields of the fact it must yield (a
mapping: one of the facts has these fields; a list: exactly these facts, in order; an
empty list: no fact). For exclusion rules ``examples`` is a list of texts that must
yield no fact. ``not`` lists texts the rule must leave alone: no fact in that unit,
with that approx or that per — or, for exclusions, at least one fact.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .facts import extract_facts
from .rules import Rule, Rules, compile_rules, read_rule_dirs, read_rule_file


@dataclass
class ExampleResult:
    rule: Rule
    text: str
    ok: bool
    message: str

    @property
    def name(self) -> str:
        return f"{Path(self.rule.file).name}:{self.rule.id}:{self.text}"


def check_files(files: list[Path]) -> list[str]:
    """Syntax and schema problems of the given rule files, as file:line messages."""
    problems: list[str] = []
    for path in files:
        read_rule_file(path, problems)
    return problems


def run_examples(rules: Rules, only_files: set[str] | None = None) -> list[ExampleResult]:
    """Run every rule's examples and `not` cases against the compiled ``rules``."""
    results = []
    for rule in rules.rules:
        if only_files and Path(rule.file).resolve() not in only_files:
            continue
        results.extend(_rule_examples(rule, rules))
    return results


def iter_examples(rule: Rule) -> list[tuple[str, object, bool]]:
    """(text, expected, is_not) for each example and `not` case of a rule."""
    cases: list[tuple[str, object, bool]] = []
    examples = rule.get("examples") or {}
    if isinstance(examples, dict):
        cases += [(str(text), expected, False) for text, expected in examples.items()]
    else:
        cases += [(str(text), [], False) for text in examples]
    cases += [(str(text), None, True) for text in rule.get("not") or []]
    return cases


def _rule_examples(rule: Rule, rules: Rules) -> list[ExampleResult]:
    return [check_example(rule, text, expected, is_not, rules) for text, expected, is_not in iter_examples(rule)]


def check_example(rule: Rule, text: str, expected, is_not: bool, rules: Rules) -> ExampleResult:
    """Run one example of ``rule`` and say whether the facts agree."""
    facts = [f.row() for f in extract_facts(text, rules=rules)]
    if is_not:
        ok, message = _check_not(rule, facts)
    elif isinstance(expected, dict):
        ok = any(_agrees(f, expected) for f in facts)
        message = "" if ok else f"expected a fact with {_fields(expected)}; got {_brief(facts)}"
    else:
        expected = expected or []
        ok = len(facts) == len(expected) and all(_agrees(f, e) for f, e in zip(facts, expected))
        message = "" if ok else f"expected {[_fields(e) for e in expected] or 'no fact'}; got {_brief(facts)}"
    return ExampleResult(rule, text, ok, message)


def _check_not(rule: Rule, facts: list[dict]) -> tuple[bool, str]:
    if rule.section == "exclusions":
        return (bool(facts), "" if facts else "expected the rule to leave a fact; got none")
    field, value = _not_field(rule)
    bad = [f for f in facts if field is None or f.get(field) == value]
    if field == "unit":
        bad = [f for f in bad if f.get("rule", "").endswith("/" + rule.id)]
    return (not bad, "" if not bad else f"the rule must not apply here; got {_brief(bad)}")


def _not_field(rule: Rule) -> tuple[str | None, object]:
    if rule.section == "units":
        return "unit", rule.get("unit", rule.id)
    if rule.section == "approx":
        return "approx", rule.get("approx")
    if rule.section == "rates":
        return "per", rule.get("per")
    if rule.section == "implicit":
        return "rule", f"implicit/{rule.id}"
    return None, None


def _agrees(fact: dict, expected: dict) -> bool:
    for key, want in expected.items():
        got = fact.get(key)
        if isinstance(want, (int, float)) and isinstance(got, (int, float)):
            if abs(got - want) > 1e-6 * max(1.0, abs(want)):
                return False
        elif got != want and not (want is None and got in (None, "")):
            return False
    return True


def _fields(expected: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in expected.items())


def _brief(facts: list[dict]) -> str:
    if not facts:
        return "no fact"
    return "; ".join(f"{f['text']} → {f['value']}{'–' + str(f['value_max']) if f['value_max'] is not None else ''} {f['unit']} "
                     f"{f['kind']} approx={f['approx']} per={f['per']}" for f in facts)


def load_for_check(dirs: list[Path]) -> tuple[Rules | None, list[str]]:
    """Rules of the layered folders, or None and the problems that stop them."""
    rules, problems = read_rule_dirs(dirs)
    if problems:
        return None, problems
    return compile_rules(rules), []
