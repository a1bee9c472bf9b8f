"""Load, check and compile the rule files in ``rules/`` (units, approximations, rates,
nouns, exclusions, clean-up tables).

Every rule file is YAML: a mapping of section names to lists of rules. Each rule is a
mapping with an ``id``, an optional ``description``, ``examples`` (text → the fact
fields it must yield) and ``not`` (texts it must leave alone), plus the fields of its
section (see ``SECTIONS``). Rule folders layer: a later folder adds rules, replaces a
rule of the same section and id, or switches one off with ``enabled: false``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
import yaml

from . import errors as E

COMMON_KEYS = {"id", "description", "examples", "not", "enabled"}

# section -> (required keys, optional keys)
SECTIONS: dict[str, tuple[set[str], set[str]]] = {
    "char_map": ({"from", "to"}, set()),
    "units": ({"kind", "surfaces"}, {"unit", "factor", "not_before", "not_after", "classifier", "kind_by_noun"}),
    "approx": ({"approx"}, {"before", "after", "gap"}),
    "rates": ({"per"}, {"before", "after", "pattern"}),
    "nouns": ({"role", "words"}, {"unit", "kind"}),
    "exclusions": (set(), {"phrases", "pattern", "scope", "keep_if_approx"}),
    "implicit": ({"before", "unit", "kind"}, {"gap", "needs_magnitude"}),
}
NOUN_ROLES = ("person", "household", "firm", "account")
EXCLUSION_SCOPES = ("number", "mention")


def default_rules_dir() -> Path:
    """The built-in ``rules/`` folder (EXTRACT_RULES overrides it)."""
    env = os.environ.get("EXTRACT_RULES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "rules"


@dataclass
class Rule:
    """One rule as written in a file, with where it came from."""

    section: str
    id: str
    data: dict[str, Any]
    file: str
    line: int

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


# ---------------------------------------------------------------- YAML with lines


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records each mapping's line and reports duplicate keys."""

    def __init__(self, stream, problems: list[tuple[int, str]]):
        super().__init__(stream)
        self.problems = problems

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                self.problems.append((key_node.start_mark.line + 1, E.E_DUPLICATE_KEY.format(key=key)))
            seen[key] = key_node.start_mark.line + 1
        mapping = _LineDict(super().construct_mapping(node, deep=deep))
        mapping.line = node.start_mark.line + 1
        return mapping


class _LineDict(dict):
    line = 0


def _read_yaml(path: Path, problems: list[str]) -> Any:
    local: list[tuple[int, str]] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}:0: cannot read rule file: {exc}")
        return None
    loader = _LineLoader(text, local)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problems.append(f"{path}:{line}: " + E.E_YAML.format(error=getattr(exc, "problem", exc)))
        return None
    finally:
        loader.dispose()
    problems.extend(f"{path}:{line}: {msg}" for line, msg in local)
    return data


# ---------------------------------------------------------------- checking


def read_rule_file(path: Path, problems: list[str]) -> list[Rule]:
    """Parse one rule file into rules; append ``file:line: message`` problems."""
    data = _read_yaml(path, problems)
    if data is None:
        return []
    if not isinstance(data, dict):
        problems.append(f"{path}:1: " + E.E_NOT_MAPPING.format(got=type(data).__name__))
        return []
    rules: list[Rule] = []
    for section, entries in data.items():
        line = getattr(data, "line", 1)
        if section not in SECTIONS:
            problems.append(f"{path}:{line}: " + E.E_UNKNOWN_SECTION.format(section=section, expected=", ".join(SECTIONS)))
            continue
        if not isinstance(entries, list):
            problems.append(f"{path}:{line}: " + E.E_NOT_LIST.format(section=section))
            continue
        for entry in entries:
            rule = _check_rule(section, entry, path, problems)
            if rule:
                rules.append(rule)
    return rules


def _check_rule(section: str, entry: Any, path: Path, problems: list[str]) -> Rule | None:
    if not isinstance(entry, dict) or "id" not in entry:
        line = getattr(entry, "line", 0)
        problems.append(f"{path}:{line}: " + E.E_NOT_RULE.format(got=entry))
        return None
    rule = Rule(section, str(entry["id"]), dict(entry), str(path), getattr(entry, "line", 0))
    required, optional = SECTIONS[section]
    if entry.get("enabled") is False:
        return rule  # a switch-off needs nothing else
    before = len(problems)
    for key in sorted(required - entry.keys()):
        problems.append(f"{rule.where}: " + E.E_MISSING.format(id=rule.id, key=key))
    allowed = required | optional | COMMON_KEYS
    for key in entry:
        if key not in allowed:
            problems.append(f"{rule.where}: " + E.E_UNKNOWN_KEY.format(id=rule.id, key=key, expected=", ".join(sorted(allowed))))
    for message in _check_values(rule):
        problems.append(f"{rule.where}: {message}")
    return rule if len(problems) == before else None


def _check_values(rule: Rule) -> list[str]:
    out = []
    kind = rule.get("kind")
    if kind is not None and kind not in E.KINDS:
        out.append(E.E_BAD_KIND.format(id=rule.id, kind=kind, expected=", ".join(E.KINDS)))
    approx = rule.get("approx")
    if rule.section == "approx" and approx not in E.APPROX:
        out.append(E.E_BAD_APPROX.format(id=rule.id, approx=approx, expected=", ".join(E.APPROX)))
    for key in ("surfaces", "before", "after", "words", "phrases", "not_before", "not_after"):
        value = rule.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, (str, int)) for v in value)):
            out.append(E.E_BAD_TYPE.format(id=rule.id, key=key, expected="a list of strings", got=value))
    if rule.section == "nouns" and rule.get("role") not in NOUN_ROLES:
        out.append(E.E_BAD_TYPE.format(id=rule.id, key="role", expected="one of " + ", ".join(NOUN_ROLES), got=rule.get("role")))
    if rule.section == "exclusions" and rule.get("scope", "number") not in EXCLUSION_SCOPES:
        out.append(E.E_BAD_TYPE.format(id=rule.id, key="scope", expected="one of " + ", ".join(EXCLUSION_SCOPES), got=rule.get("scope")))
    for key in ("factor", "gap"):
        value = rule.get(key)
        if value is not None and not isinstance(value, (int, float)):
            out.append(E.E_BAD_TYPE.format(id=rule.id, key=key, expected="a number", got=value))
    pattern = rule.get("pattern")
    if pattern is not None:
        out.extend(_check_regex(rule.id, pattern))
    examples = rule.get("examples")
    if examples is not None and not isinstance(examples, (dict, list)):
        out.append(E.E_BAD_TYPE.format(id=rule.id, key="examples", expected="a mapping of text to fields, or a list of texts", got=examples))
    nots = rule.get("not")
    if nots is not None and not isinstance(nots, list):
        out.append(E.E_BAD_TYPE.format(id=rule.id, key="not", expected="a list of texts", got=nots))
    return out


# A repeated group that itself ends in a repetition: (a+)+, (\w*x?)*, (?:ab+){2,}
_NESTED_REPEAT = regex.compile(r"\((?:[^()]|\((?:[^()])*\))*[+*}]\)[+*{]")


def _check_regex(rule_id: str, pattern: Any) -> list[str]:
    if not isinstance(pattern, str):
        return [E.E_BAD_TYPE.format(id=rule_id, key="pattern", expected="a string", got=pattern)]
    try:
        regex.compile(pattern)
    except regex.error as exc:
        return [E.E_BAD_REGEX.format(id=rule_id, pattern=pattern, error=exc)]
    if _NESTED_REPEAT.search(pattern):
        return [E.E_SLOW_REGEX.format(id=rule_id, pattern=pattern)]
    return []


def read_rule_dirs(dirs: list[Path]) -> tuple[list[Rule], list[str]]:
    """All rules of the layered folders, later folders overriding earlier ones by id."""
    problems: list[str] = []
    merged: dict[tuple[str, str], Rule] = {}
    for layer, folder in enumerate(dirs):
        if not folder.is_dir():
            problems.append(f"{folder}:0: " + E.E_NO_RULES_DIR.format(path=folder))
            continue
        seen: dict[tuple[str, str], Rule] = {}
        for path in sorted(folder.glob("*.yaml")):
            for rule in read_rule_file(path, problems):
                key = (rule.section, rule.id)
                if key in seen:
                    problems.append(f"{rule.where}: " + E.E_DUPLICATE_ID.format(id=rule.id, first=f"{seen[key].file}:{seen[key].line}"))
                    continue
                seen[key] = rule
                if layer and rule.get("enabled") is False and key not in merged:
                    problems.append(f"{rule.where}: " + E.E_UNKNOWN_RULE.format(id=rule.id))
                merged[key] = rule
    rules = [r for r in merged.values() if r.get("enabled") is not False]
    return rules, problems


# ---------------------------------------------------------------- compiled tables


@dataclass
class Unit:
    id: str
    unit: str
    kind: str
    factor: float
    classifier: bool  # may stand after 个 (个月, 个小时, 个百分点)
    kind_by_noun: bool  # a generic measure word: the counted noun decides the kind
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]


@dataclass(eq=False)  # hashed by identity, so stages can cache per rule set
class Rules:
    """Compiled rule tables used by the stages."""

    rules: list[Rule]
    char_map: dict[str, str] = field(default_factory=dict)
    surfaces: dict[str, Unit] = field(default_factory=dict)
    approx_before: list[tuple[str, str, int, str]] = field(default_factory=list)  # word, approx, gap, id
    approx_after: dict[str, tuple[str, str]] = field(default_factory=dict)  # word -> approx, id
    rate_before: list[tuple[str, str, str]] = field(default_factory=list)  # regex, per, id
    rate_after: dict[str, tuple[str, str]] = field(default_factory=dict)  # word -> per, id
    nouns: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # role -> word -> (unit, kind)
    phrases: dict[str, tuple[str, str]] = field(default_factory=dict)  # phrase -> (id, scope)
    patterns: list[tuple[str, str, str]] = field(default_factory=list)  # regex, id, scope
    keep_if_approx: set[str] = field(default_factory=set)  # exclusions an approximation overrides
    implicit: list[Rule] = field(default_factory=list)
    version: str = ""

    def by_id(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def compile_rules(rules: list[Rule]) -> Rules:
    """Turn checked rules into the lookup tables the stages use."""
    out = Rules(rules=rules)
    for rule in rules:
        _COMPILERS[rule.section](out, rule)
    out.version = _version(rules)
    return out


def _compile_char_map(out: Rules, rule: Rule) -> None:
    out.char_map.update(zip(str(rule.get("from")), str(rule.get("to"))))


def _compile_unit(out: Rules, rule: Rule) -> None:
    unit = Unit(
        id=rule.id,
        unit=str(rule.get("unit", rule.id)),
        kind=rule.get("kind"),
        factor=rule.get("factor", 1),
        classifier=bool(rule.get("classifier", False)),
        kind_by_noun=bool(rule.get("kind_by_noun", False)),
        not_before=tuple(str(w) for w in rule.get("not_before", [])),
        not_after=tuple(str(w) for w in rule.get("not_after", [])),
    )
    for surface in rule.get("surfaces"):
        out.surfaces[str(surface)] = unit


def _compile_approx(out: Rules, rule: Rule) -> None:
    for word in rule.get("before", []):
        out.approx_before.append((str(word), rule.get("approx"), int(rule.get("gap", 0)), rule.id))
    for word in rule.get("after", []):
        out.approx_after[str(word)] = (rule.get("approx"), rule.id)
    out.approx_before.sort(key=lambda item: -len(item[0]))


def _compile_rate(out: Rules, rule: Rule) -> None:
    for word in rule.get("before", []):
        out.rate_before.append((regex.escape(str(word)), str(rule.get("per")), rule.id))
    if rule.get("pattern"):
        out.rate_before.append((rule.get("pattern"), str(rule.get("per")), rule.id))
    for word in rule.get("after", []):
        out.rate_after[str(word)] = (str(rule.get("per")), rule.id)


def _compile_nouns(out: Rules, rule: Rule) -> None:
    table = out.nouns.setdefault(rule.get("role"), {})
    for word in rule.get("words"):
        table[str(word)] = (rule.get("unit"), rule.get("kind"))


def _compile_exclusion(out: Rules, rule: Rule) -> None:
    scope = rule.get("scope", "number")
    for phrase in rule.get("phrases", []):
        out.phrases[str(phrase)] = (rule.id, scope)
    if rule.get("pattern"):
        out.patterns.append((rule.get("pattern"), rule.id, scope))
    if rule.get("keep_if_approx"):
        out.keep_if_approx.add(rule.id)


def _compile_implicit(out: Rules, rule: Rule) -> None:
    out.implicit.append(rule)


_COMPILERS = {
    "char_map": _compile_char_map,
    "units": _compile_unit,
    "approx": _compile_approx,
    "rates": _compile_rate,
    "nouns": _compile_nouns,
    "exclusions": _compile_exclusion,
    "implicit": _compile_implicit,
}


def _version(rules: list[Rule]) -> str:
    import hashlib

    digest = hashlib.sha1()
    for rule in sorted(rules, key=lambda r: (r.section, r.id)):
        digest.update(repr((rule.section, rule.id, sorted(rule.data.items(), key=str))).encode())
    return digest.hexdigest()[:12]


def load_rules(dirs: tuple[str | Path, ...] | None = None) -> Rules:
    """Load, check and compile the layered rule folders (built-in first).

    Raises RulesError listing every problem as ``file:line: message``.

    >>> rules = load_rules()
    >>> rules.surfaces["万元"].unit if "万元" in rules.surfaces else rules.surfaces["元"].unit
    '元'
    """
    key = tuple(str(Path(d).resolve()) for d in (dirs or ()))
    return _load_cached(key, str(default_rules_dir()))


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...], builtin: str) -> Rules:
    folders = [Path(builtin)] + [Path(d) for d in extra]
    rules, problems = read_rule_dirs(folders)
    if problems:
        raise E.RulesError(problems)
    return compile_rules(rules)
