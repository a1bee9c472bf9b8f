"""Check rule files: every problem in one pass, then every rule's examples.

Each rule's ``examples`` map a text to the fields of the fact it must yield (a
mapping: one of the facts has these fields; a list: exactly these facts, in order; an
empty list: no fact). For exclusion rules ``examples`` is a list of texts that must
yield no fact. ``not`` lists texts the rule must leave alone: no fact in that unit,
with that approx or that per — or, for exclusions, at least one fact.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import RulesError
from .facts import extract_facts
from .rules import Rule, Rules, compile_rules, read_rule_dirs

BROKEN_RULES = "not run: the rule files have problems"


@dataclass
class ExampleResult:
    rule: Rule
    text: str
    ok: bool
    message: str

    is_not: bool = False

    @property
    def name(self) -> str:
        return f"{Path(self.rule.file).name}:{self.rule.id}:{self.text}"

    @property
    def line(self) -> str:
        """``rules/units.yaml:14: unit 万元: example '3.2亿元': expected …``"""
        case = "not" if self.is_not else "example"
        return f"{self.rule.where}: {self.rule.label}: {case} {self.text!r}: {self.message}"


@dataclass
class CheckReport:
    """Everything ``extract check`` found: file problems and failing examples."""

    files: list[Path]
    problems: list[str] = field(default_factory=list)
    results: list[ExampleResult] = field(default_factory=list)

    @property
    def failures(self) -> list[ExampleResult]:
        return [r for r in self.results if not r.ok]

    @property
    def ok(self) -> bool:
        return not self.problems and not self.failures

    def lines(self) -> list[str]:
        """One ``file:line: message`` line per problem, then per failing example."""
        return self.problems + [r.line for r in self.failures]

    def summary(self) -> str:
        failed = len(self.failures)
        return (f"{len(self.files)} files, {len(self.results) - failed} examples passed, {failed} failed, "
                f"{len(self.problems)} problems")


def check_rules(files: list[Path], dirs: list[Path]) -> CheckReport:
    """Check rule ``files`` (all files of ``dirs`` when empty) in one pass, then run the
    examples of their rules with the layered folders ``dirs`` (built-in first).

    A file outside ``dirs`` is checked as a layer of its own folder over ``dirs``.
    """
    dirs = [Path(d) for d in dirs]
    known = {d.resolve() for d in dirs}
    for path in files:
        if path.parent.resolve() not in known and path.parent.is_dir():
            dirs.append(path.parent)
            known.add(path.parent.resolve())
    targets = list(files) or [p for d in dirs for p in sorted(d.glob("*.yaml"))]
    report = CheckReport(targets)
    rules, report.problems = read_rule_dirs(dirs)  # every target is in one of dirs: each file is read once
    compiled = compile_rules(rules)
    only = {p.resolve() for p in files} if files else None
    report.results = [r for r in run_examples(compiled, only) if r.message != BROKEN_RULES]
    return report


def run_examples(rules: Rules, only_files: set[str] | None = None) -> list[ExampleResult]:
    """Run every rule's examples and `not` cases against the compiled ``rules``."""
    results = []
    for rule in rules.rules:
        if only_files and Path(rule.file) not in only_files:
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
    try:
        facts = [f.row() for f in extract_facts(text, rules=rules)]
    except RulesError:  # already reported as problems of the rule files
        return ExampleResult(rule, text, False, BROKEN_RULES, is_not)
    except Exception as exc:  # a broken rule set must not hide the other examples
        first = str(exc).splitlines()[0] if str(exc) else ""
        return ExampleResult(rule, text, False, f"extraction failed: {type(exc).__name__}: {first}", is_not)
    if is_not:
        ok, message = _check_not(rule, facts)
    elif isinstance(expected, dict):
        ok = any(_agrees(f, expected) for f in facts)
        message = "" if ok else f"expected a fact with {_fields(expected)}; got {_brief(facts)}"
    else:
        expected = expected or []
        ok = len(facts) == len(expected) and all(_agrees(f, e) for f, e in zip(facts, expected))
        message = "" if ok else f"expected {[_fields(e) for e in expected] or 'no fact'}; got {_brief(facts)}"
    return ExampleResult(rule, text, ok, message, is_not)


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
                     f"{f['kind']} approx={f['approx']} per={f['per']} subject={f['subject']}" for f in facts)
