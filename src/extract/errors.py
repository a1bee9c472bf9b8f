"""Errors the pipeline reports to people: each names the file (and line) and what to do."""
from __future__ import annotations


class ExtractError(Exception):
    """Base class for errors shown to users without a traceback."""


class RulesError(ExtractError):
    """One or more problems in rule files, each as ``file:line: message``."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))

    def __reduce__(self):  # from a worker process: the problems, not the joined message read as a list
        return type(self), (self.problems,)


class InputError(ExtractError):
    """An article that cannot be read: names the file and what to do."""

    def __init__(self, path: str, reason: str, hint: str = ""):
        self.path, self.reason, self.hint = path, reason, hint
        message = f"{path}: {reason}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)

    def __reduce__(self):
        return type(self), (self.path, self.reason, self.hint)


# Messages with codes, in one place so tests can check their wording.
KINDS = (
    "people", "households", "money", "area", "weight", "length", "volume",
    "percent", "percentage_point", "age", "duration", "count",
)
APPROX = ("about", "over", "under")

E_YAML = "YAML syntax error: {error}"
E_NOT_MAPPING = "expected a mapping of section names to lists of rules, got {got}"
E_UNKNOWN_SECTION = "unknown section {section!r}; expected one of {expected}"
E_NOT_LIST = "section {section!r} must be a list of rules"
E_NOT_RULE = "each rule must be a mapping with an id, got {got!r}"
E_MISSING = "rule {id}: missing key {key!r}"
E_UNKNOWN_KEY = "rule {id}: unknown key {key!r}; expected one of {expected}"
E_DUPLICATE_ID = "rule {id}: duplicate id (first defined at line {first})"
E_DUPLICATE_KEY = "duplicate key {key!r} (YAML keeps only the last one)"
E_BAD_KIND = "rule {id}: unknown kind {kind!r}; expected one of {expected}"
E_BAD_APPROX = "rule {id}: unknown approx {approx!r}; expected one of {expected}"
E_BAD_TYPE = "rule {id}: {key!r} must be {expected}, got {got!r}"
E_BAD_REGEX = "rule {id}: invalid regex {pattern!r}: {error}"
E_SLOW_REGEX = "rule {id}: regex {pattern!r} can take too long on long input (nested repetition); rewrite it without a repeated group inside a repetition"
E_UNKNOWN_RULE = "rule {id}: disables or overrides an unknown rule id"
E_NO_RULES_DIR = "no rules folder at {path}; pass --rules DIR or set EXTRACT_RULES"
