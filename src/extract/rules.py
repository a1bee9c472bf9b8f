"""Load, check and compile the rule files in ``rules/`` (units, approximations, rates,
nouns, exclusions, clean-up tables).

Every rule file is YAML: a mapping of section names to lists of rules. Each rule is a
mapping with an ``id``, an optional ``description``, ``examples`` (text → the fact
fields it must yield) and ``not`` (texts it must leave alone), plus the fields of its
section (see ``SECTIONS``). Rule folders layer: a later folder adds rules, replaces a
rule of the same section and id, or switches one off with ``enabled: false``.
"""
from __future__ import annotations

import hashlib
import os
import time
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
    "units": ({"kind", "surfaces"}, {"unit", "factor", "tenths", "digit_after", "slash_pair", "not_before", "but_before", "only_before", "only_after", "weak_after", "symbols",
                          "classifier", "kind_by_noun", "count_after", "signed", "size", "decimals_free", "part", "one_object", "approx"}),
    "approx": ({"approx"}, {"before", "after", "inside", "gap", "gap_any", "not_after", "not_before", "only_before", "of_base"}),
    "rates": ({"per"}, {"before", "after", "pattern", "at_number"}),
    "nouns": ({"role", "words"}, {"unit", "kind"}),
    "exclusions": (set(), {"phrases", "pattern", "scope", "keep_if_qualified"}),
    "implicit": ({"unit", "kind"}, {"before", "pattern", "after", "question", "gap", "needs_magnitude", "written_with"}),
    "subjects": ({"role", "words"}, set()),
    "fixed": ({"phrases", "value", "unit", "kind"}, {"approx", "per"}),
    "indicators": ({"terms", "kinds"}, set()),
    "scopes": ({"words"}, set()),
    "spoken": ({"role", "words"}, set()),
}
NOUN_ROLES = ("person", "household", "firm", "account", "group")
SUBJECT_ROLES = ("link", "lead", "share", "term", "adverb", "vague", "grant", "surname", "progress", "dimension", "host", "no-topic",
                 "group", "outcome", "single", "standard", "span", "cap", "cap-opening", "cap-verb")
SPOKEN_ROLES = ("correction", "account-sum", "not-an-entry", "saying", "reckoning")
EXCLUSION_SCOPES = ("number", "mention")


def alternation(words) -> str:
    """A regex alternative of ``words``, the longest first (欧阳 before 欧); one that never
    matches when there are none."""
    return "|".join(map(regex.escape, sorted(words, key=len, reverse=True))) or "(?!)"


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
    file: str  # absolute path of the rule file
    line: int

    @property
    def where(self) -> str:
        """``rules/units.yaml:14``: file (relative to the working folder) and line."""
        return f"{show_path(self.file)}:{self.line}"

    @property
    def label(self) -> str:
        """How messages name the rule: ``unit 万元``, ``exclusion set-phrases``."""
        return f"{SECTION_LABELS.get(self.section, self.section)} {self.id}"

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


# ---------------------------------------------------------------- YAML with lines


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (parsed by libyaml where PyYAML has it, ten times faster) that records
    each mapping's line (and its keys' lines) and reports duplicate keys."""

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
        mapping.key_lines = seen
        return mapping


def _construct_map(loader: _LineLoader, node) -> "_LineDict":
    # SafeLoader builds every mapping as a plain dict (filled in later by a generator),
    # which would lose the line; build the line-carrying dict directly instead, for
    # block and flow mappings ({id: 亩, kind: area}) alike.
    return loader.construct_mapping(node)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)


class _LineDict(dict):
    line = 0
    key_lines: dict = {}


def show_path(path: str | Path) -> str:
    """A rule file's path as messages show it: relative to the working folder when it
    lies inside it (``rules/units.yaml``), else as given."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _read_yaml(path: Path, problems: list[str]) -> Any:
    local: list[tuple[int, str]] = []
    where = show_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{where}:1: " + E_UNREADABLE.format(error=exc))
        return None
    loader = _LineLoader(text, local)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        error = getattr(exc, "problem", None) or str(exc)
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and context_mark is not None:
            error += f" ({context} at line {context_mark.line + 1})"
        problems.append(f"{where}:{line}: " + E.E_YAML.format(error=error))
        return None
    finally:
        loader.dispose()
    problems.extend(f"{where}:{line}: {msg}" for line, msg in local)
    return data


# ---------------------------------------------------------------- checking

# How a message names a rule: "unit 万元: …", "exclusion set-phrases: …".
SECTION_LABELS = {
    "char_map": "char_map", "units": "unit", "approx": "approx", "rates": "rate",
    "nouns": "nouns", "exclusions": "exclusion", "implicit": "implicit", "subjects": "subject", "spoken": "spoken",
}
# Fields an example may name (those of a fact row).
EXAMPLE_FIELDS = ("text", "value", "value_max", "unit", "kind", "approx", "per", "subject", "indicator", "year", "place",
                  "scope", "rule")
E_UNREADABLE = "cannot read rule file: {error}"
E_BAD_EXAMPLE_FIELD = "rule {id}: example {text!r}: unknown field {key!r}; expected one of {expected}"
E_SLOW_REGEX_TIMED = ("rule {id}: regex {pattern!r} can take too long on long input (more than {limit}s on "
                      "{length} characters {sample!r}…, or twice that on all test inputs); rewrite it so that no "
                      "part can match the same text in many ways, and anchor a repeat that ends in a word "
                      "((?<!\\d)\\d+届)")
SLOW_LIMIT = 0.5  # seconds a pattern may take on one adversarial input
SLOW_LENGTH = 5000  # characters in an adversarial input
WALL_SLACK = 10  # wall time a timed input may take, in limits, on a machine busy with other work


def rule_message(section: str, rule_id: str, template: str, **fields: Any) -> str:
    """A message about one rule, naming it by section: ``unit 万元: unknown kind …``.

    >>> rule_message("units", "万元", E.E_MISSING, key="kind")
    "unit 万元: missing key 'kind'"
    """
    body = template.removeprefix("rule {id}: ")
    return f"{SECTION_LABELS.get(section, section)} {rule_id}: " + body.format(id=rule_id, **fields)


def _did_you_mean(word: Any, choices) -> str:
    import difflib

    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def read_rule_file(path: Path, problems: list[str]) -> list[Rule]:
    """Parse one rule file into rules; append ``file:line: message`` problems."""
    data = _read_yaml(path, problems)
    where = show_path(path)
    if data is None:
        return []
    if not isinstance(data, dict):
        problems.append(f"{where}:1: " + E.E_NOT_MAPPING.format(got=type(data).__name__))
        return []
    rules: list[Rule] = []
    for section, entries in data.items():
        line = getattr(data, "key_lines", {}).get(section, getattr(data, "line", 1))
        if section not in SECTIONS:
            problems.append(f"{where}:{line}: " + E.E_UNKNOWN_SECTION.format(section=section, expected=", ".join(SECTIONS))
                            + _did_you_mean(section, SECTIONS))
            continue
        if not isinstance(entries, list):
            problems.append(f"{where}:{line}: " + E.E_NOT_LIST.format(section=section))
            continue
        first_line: dict[str, int] = {}
        for entry in entries:
            if isinstance(entry, dict) and "id" in entry:
                rule_id, rule_line = str(entry["id"]), getattr(entry, "line", line)
                if rule_id in first_line:
                    problems.append(f"{where}:{rule_line}: " + rule_message(
                        section, rule_id, E.E_DUPLICATE_ID, first=first_line[rule_id]))
                    continue
                first_line[rule_id] = rule_line
            rule = _check_rule(section, entry, path, line, problems)
            if rule:
                rules.append(rule)
    return rules


def _check_rule(section: str, entry: Any, path: Path, section_line: int, problems: list[str]) -> Rule | None:
    where = show_path(path)
    if not isinstance(entry, dict) or "id" not in entry:
        line = getattr(entry, "line", section_line)
        problems.append(f"{where}:{line}: " + E.E_NOT_RULE.format(got=entry))
        return None
    rule = Rule(section, str(entry["id"]), dict(entry), str(path.resolve()), getattr(entry, "line", section_line))
    required, optional = SECTIONS[section]
    if entry.get("enabled") is False:
        return rule  # a switch-off needs nothing else
    before = len(problems)
    for key in sorted(required - entry.keys()):
        problems.append(f"{rule.where}: " + rule_message(section, rule.id, E.E_MISSING, key=key))
    allowed = required | optional | COMMON_KEYS
    for key in entry:
        if key not in allowed:
            line = getattr(entry, "key_lines", {}).get(key, rule.line)
            problems.append(f"{where}:{line}: " + rule_message(section, rule.id, E.E_UNKNOWN_KEY, key=key, expected=", ".join(sorted(allowed)))
                            + _did_you_mean(key, allowed))
    for message in _check_values(rule):
        problems.append(f"{rule.where}: {message}")
    return rule if len(problems) == before else None


def _check_values(rule: Rule) -> list[str]:
    out = []

    def bad(template: str, **fields: Any) -> None:
        out.append(rule_message(rule.section, rule.id, template, **fields))

    kind = rule.get("kind")
    if kind is not None and kind not in E.KINDS:
        bad(E.E_BAD_KIND, kind=kind, expected=", ".join(E.KINDS))
        out[-1] += _did_you_mean(kind, E.KINDS)
    approx = rule.get("approx")
    if (rule.section == "approx" or approx is not None) and approx not in E.APPROX:
        bad(E.E_BAD_APPROX, approx=approx, expected=", ".join(E.APPROX))
    for key in ("surfaces", "before", "after", "question", "inside", "words", "phrases", "not_before", "but_before", "only_before", "only_after",
                "weak_after", "not_after", "symbols"):
        value = rule.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, (str, int)) for v in value)):
            bad(E.E_BAD_TYPE, key=key, expected="a list of strings", got=value)
    if rule.section == "nouns" and rule.get("role") not in NOUN_ROLES:
        bad(E.E_BAD_TYPE, key="role", expected="one of " + ", ".join(NOUN_ROLES), got=rule.get("role"))
    if rule.section == "subjects" and rule.get("role") not in SUBJECT_ROLES:
        bad(E.E_BAD_TYPE, key="role", expected="one of " + ", ".join(SUBJECT_ROLES), got=rule.get("role"))
    if rule.section == "spoken" and rule.get("role") not in SPOKEN_ROLES:
        bad(E.E_BAD_TYPE, key="role", expected="one of " + ", ".join(SPOKEN_ROLES), got=rule.get("role"))
    if rule.section == "implicit" and not rule.get("before") and not rule.get("pattern") and not rule.get("after") \
            and not rule.get("question") and not rule.get("written_with"):
        bad(E.E_MISSING, key="before', 'pattern', 'after', 'question' or 'written_with")
    if rule.section == "exclusions" and rule.get("scope", "number") not in EXCLUSION_SCOPES:
        bad(E.E_BAD_TYPE, key="scope", expected="one of " + ", ".join(EXCLUSION_SCOPES), got=rule.get("scope"))
    for key in ("factor", "gap"):
        value = rule.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            bad(E.E_BAD_TYPE, key=key, expected="a number", got=value)
    size = rule.get("size")
    if size is not None and _SIZE.fullmatch(str(size)) is None:
        bad(E.E_BAD_TYPE, key="size", expected="a number and a unit, as in '12 月'", got=size)
    pattern = rule.get("pattern")
    if pattern is not None:
        out.extend(rule_message(rule.section, rule.id, "{message}", message=m.removeprefix(f"rule {rule.id}: "))
               for m in _check_regex(rule.id, pattern))
    examples = rule.get("examples")
    if examples is not None and not isinstance(examples, (dict, list)):
        bad(E.E_BAD_TYPE, key="examples", expected="a mapping of text to fields, or a list of texts", got=examples)
    elif isinstance(examples, dict):
        for text, expected in examples.items():
            for fields in expected if isinstance(expected, list) else [expected]:
                if not isinstance(fields, dict):
                    bad(E.E_BAD_TYPE, key="examples", expected="a mapping of text to fields, or a list of texts", got={text: expected})
                    continue
                for key in fields:
                    if key not in EXAMPLE_FIELDS:
                        bad(E_BAD_EXAMPLE_FIELD, text=text, key=key, expected=", ".join(EXAMPLE_FIELDS))
    nots = rule.get("not")
    if nots is not None and not isinstance(nots, list):
        bad(E.E_BAD_TYPE, key="not", expected="a list of texts", got=nots)
    return out


_SIZE = regex.compile(r"(?P<count>\d+(?:\.\d+)?) +(?P<unit>\S+)")


# A repeated group that itself ends in a repetition: (a+)+, (\w*x?)*, (?:ab+){2,}
_NESTED_REPEAT = regex.compile(r"\((?:[^()]|\((?:[^()])*\))*[+*}]\)[+*{]")


def _check_regex(rule_id: str, pattern: Any) -> list[str]:
    """Problems of one rule's regex, as ``rule {id}: …`` templates already filled in
    except for the rule prefix."""
    if not isinstance(pattern, str):
        return [E.E_BAD_TYPE.format(id=rule_id, key="pattern", expected="a string", got=pattern).removeprefix(f"rule {rule_id}: ")]
    pattern = pattern.replace(SURNAME_SLOT, "(?:王|欧阳)")  # the names come with the compiled rule set
    try:
        regex.compile(pattern)  # a pattern that does not compile is named here, with its error
    except regex.error as exc:
        return [E.E_BAD_REGEX.format(id=rule_id, pattern=pattern, error=exc).removeprefix(f"rule {rule_id}: ")]
    if _NESTED_REPEAT.search(pattern):
        return [E.E_SLOW_REGEX.format(id=rule_id, pattern=pattern).removeprefix(f"rule {rule_id}: ")]
    sample = _slow_sample_of(pattern)
    if sample is not None:
        return [E_SLOW_REGEX_TIMED.format(id=rule_id, pattern=pattern, limit=SLOW_LIMIT, length=SLOW_LENGTH,
                                          sample=sample[:12]).removeprefix(f"rule {rule_id}: ")]
    return []


@lru_cache(maxsize=1024)
def _slow_sample_of(pattern: str) -> str | None:
    """slow_sample, once per pattern: the rule files are read more than once per check,
    and a pattern found fast once is remembered across runs (timing every pattern took
    most of the two seconds of reading the rules)."""
    key = _pattern_key(pattern)
    if key in _fast_patterns():
        return None
    sample = slow_sample(regex.compile(pattern))
    if sample is None:
        _fast_patterns().add(key)
        _NEWLY_FAST.add(key)
    return sample


def cache_dir() -> Path:
    """Where extract keeps what it can work out again: ``$EXTRACT_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/extract``, else ``~/.cache/extract``."""
    if os.environ.get("EXTRACT_CACHE_DIR"):
        return Path(os.environ["EXTRACT_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "extract"


_FAST_PATTERNS_FILE = "fast-patterns.txt"  # one key a line: patterns slow_sample found fast
_NEWLY_FAST: set[str] = set()  # keys found fast since the file was last written


def _pattern_key(pattern: str) -> str:
    # A verdict holds for one pattern under one regex release and one test size.
    identity = f"{regex.__version__}\0{SLOW_LIMIT}\0{SLOW_LENGTH}\0{pattern}"
    return hashlib.sha1(identity.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _fast_patterns() -> set[str]:
    try:
        return set((cache_dir() / _FAST_PATTERNS_FILE).read_text(encoding="ascii").split())
    except (OSError, UnicodeDecodeError):
        return set()


def save_fast_patterns() -> None:
    """Write the patterns found fast, once a reading of the rules is done: whole, through a
    temporary file, so that a reader (another worker) never sees half a file; a cache that
    cannot be written is no error."""
    if not _NEWLY_FAST:
        return
    path = cache_dir() / _FAST_PATTERNS_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}")
        temporary.write_text("\n".join(sorted(_fast_patterns())) + "\n", encoding="ascii")
        os.replace(temporary, path)
    except OSError:
        pass
    _NEWLY_FAST.clear()


# What an escape in a pattern stands for, when building inputs from its characters.
_ESCAPE_SAMPLES = {"d": "1", "w": "a", "s": " ", "p": "一", "D": "一", "W": "一", "S": "1"}
_META = set("()[]{}?*+|^$.<>=!:,-&~")


def _pattern_chars(pattern: str) -> list[str]:
    """The characters a pattern can match, read from its text: literals, members of
    character classes, and a sample for each escape (\\d → 1, \\p{Han} → 一)."""
    chars: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            chars.append(_ESCAPE_SAMPLES.get(nxt, nxt))
            i += 2
            if nxt in "pP" and i < len(pattern) and pattern[i] == "{":
                i = pattern.find("}", i) + 1 or len(pattern)
            continue
        if ch not in _META and not ch.isspace():
            chars.append(ch)
        i += 1
    chars += ["1", "一"]
    return list(dict.fromkeys(chars))


def slow_sample(compiled: regex.Pattern, limit: float = SLOW_LIMIT, length: int = SLOW_LENGTH) -> str | None:
    """The first adversarial input on which ``compiled`` takes longer than ``limit``
    seconds of CPU time, or None. Inputs are ``length`` repeats of each character the pattern
    mentions, half-and-half pairs of them, and all of them in turn — the text on which
    nested or overlapping repetitions backtrack. A pattern that stays under the limit
    on each input but takes more than twice it on all of them together is slow too
    (``\\d+届`` tried at every digit of a long run).

    >>> slow_sample(regex.compile(r"\\d+元")) is None
    True
    >>> slow_sample(regex.compile(r"(?:\\d|\\d\\d)+(?:元|万)"))[:3]
    '111'
    """
    chars = _pattern_chars(compiled.pattern)
    inputs = [c * length for c in chars]
    inputs.append(("".join(chars) * length)[:length])
    few = chars[:6]
    inputs += [a * (length // 2) + b * (length // 2) for a in few for b in few if a != b]
    spent, slowest = 0.0, (0.0, "")
    for text in inputs:
        took = _cpu_seconds(compiled, text, limit)
        if took > limit:
            return text
        spent, slowest = spent + took, max(slowest, (took, text))
        if spent > 2 * limit:
            return slowest[1]  # quadratic on every input: slow on each long article
    return None


def _cpu_seconds(compiled: regex.Pattern, text: str, limit: float) -> float:
    """CPU seconds ``compiled`` takes to find all its matches in ``text``, or infinity
    past ``limit``. The regex timeout is wall time: when it runs out before the CPU time
    does (a machine busy with other work), the search is tried again with more time."""
    for wall in (limit, limit * WALL_SLACK):
        started = time.process_time()
        try:
            compiled.findall(text, timeout=wall)
            return time.process_time() - started
        except TimeoutError:
            if time.process_time() - started >= limit * 0.9:
                break
    return float("inf")


def read_rule_dirs(dirs: list[Path]) -> tuple[list[Rule], list[str]]:
    """All rules of the layered folders, later folders overriding earlier ones by id.

    A later folder adds rules, replaces the rule of the same section and id, or switches
    it off with ``enabled: false``; within one folder each id appears once.
    """
    problems: list[str] = []
    merged: dict[tuple[str, str], Rule] = {}
    for layer, folder in enumerate(dirs):
        if not folder.is_dir():
            problems.append(f"{show_path(folder)}:0: " + E.E_NO_RULES_DIR.format(path=show_path(folder)))
            continue
        seen: dict[tuple[str, str], Rule] = {}
        for path in sorted(folder.glob("*.yaml")):
            for rule in read_rule_file(path, problems):
                key = (rule.section, rule.id)
                if key in seen:  # the same id in two files of one folder
                    first = seen[key]
                    first_at = first.where
                    problems.append(f"{rule.where}: " + rule_message(rule.section, rule.id, E.E_DUPLICATE_ID, first=first_at))
                    continue
                seen[key] = rule
                if layer and rule.get("enabled") is False and key not in merged:
                    problems.append(f"{rule.where}: " + rule_message(rule.section, rule.id, E.E_UNKNOWN_RULE))
                merged[key] = rule
    rules = [r for r in merged.values() if r.get("enabled") is not False]
    save_fast_patterns()
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
    tenths: bool  # 8折 = 80 %: a number below 10 counts tenths
    not_before: tuple[str, ...]
    but_before: tuple[str, ...] = ()  # words that lift not_before (只 before 能繁)
    only_before: tuple[str, ...] = ()  # the unit counts only before one of these (日 in 七日内)
    only_after: tuple[str, ...] = ()  # … or only with one of these just before the number (风力4级)
    weak_after: tuple[str, ...] = ()  # like only_after, but yielding to a namesake's words in the clause (最高)
    digit_after: bool = False  # a digit after the unit is a tenth of it: 四块五 = 4.5 元
    slash_pair: bool = False  # N/M before it are two readings in it: 血压160/100mmHg
    signed: bool = False  # a minus before the number is kept: 零下4.3℃ (else it marks a fall: 增长-2.1%)
    decimals_free: bool = False  # a number with decimals needs no context words: 3.0级以上4次
    count_after: tuple[str, ...] = ()  # words just before the number that make it a count (手术1036例)
    part: tuple[str, ...] = ()  # the units a tenth of this one, then of that: 七亩五分 = 7.5 亩, 三分五厘 = 0.35 亩
    one_object: bool = False  # the measure word of one whole object: 一台12万元的收获机 describes the machine
    approx: str | None = None  # every figure in it is approximate: 八旬 is eighty and more


@dataclass(eq=False)  # hashed by identity, so stages can cache per rule set
class Rules:
    """Compiled rule tables used by the stages."""

    rules: list[Rule]
    char_map: dict[str, str] = field(default_factory=dict)
    surfaces: dict[str, Unit] = field(default_factory=dict)
    surface_alternatives: dict[str, list[Unit]] = field(default_factory=dict)  # same surface, other only_after context
    symbols: dict[str, Unit] = field(default_factory=dict)  # written before the number: ￥500
    approx_before: list[tuple[str, str, int, str]] = field(default_factory=list)  # word, approx, gap, id
    approx_after: dict[str, tuple[str, str]] = field(default_factory=dict)  # word -> approx, id
    approx_inside: dict[str, tuple[str, str]] = field(default_factory=dict)  # between number and unit: 500余名
    approx_not_after: dict[str, str] = field(default_factory=dict)  # rule id -> characters that make 签约 no 约
    approx_not_before: dict[str, str] = field(default_factory=dict)  # rule id -> characters that make 不到场 no 不到
    approx_only_before: dict[str, str] = field(default_factory=dict)  # rule id -> characters one of which must follow (过万)
    approx_gap_any: set[str] = field(default_factory=set)  # rule ids whose gap may hold digits and any character of the clause
    approx_of_base: set[str] = field(default_factory=set)  # rule ids whose words may stand before a share's base (不超过收益的20%)
    rate_before: list[tuple[str, str, str]] = field(default_factory=list)  # regex, per, id
    rate_at_number: set[str] = field(default_factory=set)  # rate ids whose pattern ends right at the number
    rate_after: dict[str, tuple[str, str]] = field(default_factory=dict)  # word -> per, id
    nouns: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # role -> word -> (unit, kind)
    phrases: dict[str, tuple[str, str]] = field(default_factory=dict)  # phrase -> (id, scope)
    patterns: list[tuple[str, str, str]] = field(default_factory=list)  # regex, id, scope
    keep_if_qualified: set[str] = field(default_factory=set)  # exclusions an approximation or 半 overrides
    implicit: list[Rule] = field(default_factory=list)
    subject_words: dict[str, list[str]] = field(default_factory=dict)  # role -> words, longest first
    indicators: list[tuple[str, tuple[str, ...], frozenset[str]]] = field(default_factory=list)  # id, terms, kinds
    scopes: list[tuple[str, str]] = field(default_factory=list)  # word, scope id; longest first
    spoken_words: dict[str, list[str]] = field(default_factory=dict)  # role -> words of talk, longest first: 说错了
    fixed: dict[str, tuple[float, Unit, str | None, str | None]] = field(default_factory=dict)  # phrase -> value, unit, approx, per: 对折 = 50 %
    sizes: dict[str, tuple[str, float]] = field(default_factory=dict)  # unit -> smallest unit it converts to, how many: 年 -> (月, 12)
    version: str = ""



def compile_rules(rules: list[Rule]) -> Rules:
    """Turn checked rules into the lookup tables the stages use."""
    out = Rules(rules=rules)
    for rule in rules:
        _COMPILERS[rule.section](out, rule)
    if any(SURNAME_SLOT in pattern for pattern, _, _ in out.patterns):
        names = "(?:" + alternation(out.subject_words.get("surname", [])) + ")"
        out.patterns = [(pattern.replace(SURNAME_SLOT, names), rule_id, scope) for pattern, rule_id, scope in out.patterns]
    out.version = _version(rules)
    return out


SURNAME_SLOT = "{surname}"  # in an exclusion pattern: any family name of subjects.yaml (role surname)


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
        tenths=bool(rule.get("tenths", False)),
        not_before=tuple(str(w) for w in rule.get("not_before", [])),
        but_before=tuple(str(w) for w in rule.get("but_before", [])),
        only_before=tuple(str(w) for w in rule.get("only_before", [])),
        only_after=tuple(str(w) for w in rule.get("only_after", [])),
        weak_after=tuple(str(w) for w in rule.get("weak_after", [])),
        digit_after=bool(rule.get("digit_after", False)) or bool(rule.get("tenths", False)),
        slash_pair=bool(rule.get("slash_pair", False)),
        signed=bool(rule.get("signed", False)),
        decimals_free=bool(rule.get("decimals_free", False)),
        count_after=tuple(str(w) for w in rule.get("count_after", [])),
        part=_parts(rule.get("part")),
        one_object=bool(rule.get("one_object", False)),
        approx=rule.get("approx"),
    )
    size = _size(rule.get("size"))
    if size:  # 年 holds 12 月; 月, holding none, is the family's smallest unit
        count, smaller = size
        out.sizes[unit.unit] = (smaller, count)
        out.sizes.setdefault(smaller, (smaller, 1))
    for surface in rule.get("surfaces"):
        taken = out.surfaces.get(str(surface))
        if taken is not None and taken.id != unit.id and (taken.only_after or unit.only_after):
            # 度: ℃ after 气温, 千瓦时 after 发电; 两: silver money after 银, else a weight. A unit
            # with context words is the alternative; one without them is the default.
            alternative, default = (unit, taken) if unit.only_after else (taken, unit)
            out.surface_alternatives.setdefault(str(surface), []).append(alternative)
            out.surfaces[str(surface)] = default
            continue
        out.surfaces[str(surface)] = unit
    for symbol in rule.get("symbols", []):
        out.symbols[str(symbol)] = unit


def _parts(written: Any) -> tuple[str, ...]:
    """``part: 分`` or ``part: [分, 厘]``: the chain of units each a tenth of the one before."""
    if not written:
        return ()
    return tuple(str(w) for w in written) if isinstance(written, list) else (str(written),)


def _size(written: Any) -> tuple[float, str] | None:
    """'12 月' → (12, '月')."""
    if written is None:
        return None
    m = _SIZE.fullmatch(str(written))
    return float(m.group("count")), m.group("unit")


def _compile_approx(out: Rules, rule: Rule) -> None:
    for word in rule.get("before", []):
        out.approx_before.append((str(word), rule.get("approx"), int(rule.get("gap", 0)), rule.id))
    for word in rule.get("after", []):
        out.approx_after[str(word)] = (rule.get("approx"), rule.id)
    for word in rule.get("inside", []):
        out.approx_inside[str(word)] = (rule.get("approx"), rule.id)
    if rule.get("not_after"):
        out.approx_not_after[rule.id] = "".join(str(c) for c in rule.get("not_after"))
    if rule.get("not_before"):
        out.approx_not_before[rule.id] = "".join(str(c) for c in rule.get("not_before"))
    if rule.get("of_base"):
        out.approx_of_base.add(rule.id)
    if rule.get("gap_any"):
        out.approx_gap_any.add(rule.id)
    if rule.get("only_before"):
        out.approx_only_before[rule.id] = "".join(str(c) for c in rule.get("only_before"))
    out.approx_before.sort(key=lambda item: -len(item[0]))


def _compile_rate(out: Rules, rule: Rule) -> None:
    for word in rule.get("before", []):
        # 第一次, 十一年 hold no 一次, 一年 marker, 最高的一户 names one household; 10月销量
        # is a date, not a monthly flow
        guard = ""
        if str(word).startswith("一"):
            guard = "(?<![第\\d〇零一二两三四五六七八九十])(?<!最\\p{Han}{0,3}的)"
        elif str(word).startswith(("月", "年", "日")):  # 当月销量, 今年产值: that month, not each
            guard = "(?<![\\d〇零一二两三四五六七八九十当本上下同今去明该])"
        after = "(?!级)" if str(word).endswith("年") else ""  # 小学一年级 names a grade
        out.rate_before.append((guard + regex.escape(str(word)) + after, str(rule.get("per")), rule.id))
    if rule.get("pattern"):
        out.rate_before.append((rule.get("pattern"), str(rule.get("per")), rule.id))
    if rule.get("at_number"):
        out.rate_at_number.add(rule.id)
    per = str(rule.get("per"))
    for word in rule.get("after", []):
        # with per: $per an after word names its own denominator: 一串 → 串
        out.rate_after[str(word)] = (str(word).lstrip("一每/") if per == "$per" else per, rule.id)


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
    if rule.get("keep_if_qualified"):
        out.keep_if_qualified.add(rule.id)


def _compile_implicit(out: Rules, rule: Rule) -> None:
    out.implicit.append(rule)


def _compile_indicator(out: Rules, rule: Rule) -> None:
    terms = tuple(sorted((str(t) for t in rule.get("terms")), key=len, reverse=True))
    out.indicators.append((rule.id, terms, frozenset(rule.get("kinds"))))


def _compile_fixed(out: Rules, rule: Rule) -> None:
    unit = Unit(id=rule.id, unit=str(rule.get("unit")), kind=rule.get("kind"), factor=1, classifier=False,
                kind_by_noun=False, tenths=False, not_before=())
    for phrase in rule.get("phrases"):
        out.fixed[str(phrase)] = (rule.get("value"), unit, rule.get("approx"), rule.get("per"))


def _compile_scope(out: Rules, rule: Rule) -> None:
    out.scopes.extend((str(w), rule.id) for w in rule.get("words"))
    out.scopes.sort(key=lambda item: -len(item[0]))


def _compile_role_words(table: dict[str, list[str]], rule: Rule) -> None:
    """Add a rule's words to its role's list, longest first (subjects and spoken words alike)."""
    words = table.setdefault(rule.get("role"), [])
    words.extend(str(w) for w in rule.get("words"))
    words.sort(key=len, reverse=True)


_COMPILERS = {
    "char_map": _compile_char_map,
    "units": _compile_unit,
    "approx": _compile_approx,
    "rates": _compile_rate,
    "nouns": _compile_nouns,
    "exclusions": _compile_exclusion,
    "implicit": _compile_implicit,
    "subjects": lambda out, rule: _compile_role_words(out.subject_words, rule),
    "indicators": _compile_indicator,
    "scopes": _compile_scope,
    "spoken": lambda out, rule: _compile_role_words(out.spoken_words, rule),
    "fixed": _compile_fixed,
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
    return load_rules_from(default_rules_dir(), dirs)


def load_rules_from(base: str | Path, dirs: tuple[str | Path, ...] | None = None) -> Rules:
    """Like ``load_rules``, but with ``base`` in place of the built-in folder: a complete
    rule set, such as the rules/ of an older revision (``extract diff --old``).

    >>> load_rules_from(default_rules_dir()).version == load_rules().version
    True
    """
    folders = tuple(str(Path(d).resolve()) for d in (base, *(dirs or ())))
    return _load_cached(folders, _fingerprint(folders))


def _fingerprint(folders: tuple[str, ...]) -> tuple:
    """Names, sizes and times of the rule files, so an edited file is read again."""
    out = []
    for folder in folders:
        for path in sorted(Path(folder).glob("*.yaml")):
            try:
                stat = path.stat()
            except OSError:
                continue
            out.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(out)


@lru_cache(maxsize=8)
def _load_cached(folders: tuple[str, ...], fingerprint: tuple) -> Rules:
    rules, problems = read_rule_dirs([Path(d) for d in folders])
    if problems:
        raise E.RulesError(problems)
    return compile_rules(rules)
