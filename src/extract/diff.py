"""Compare facts: what a rule change does to a corpus (``extract diff``), how each rule
fares against gold (``extract score --by-rule``), and gold drafts from the pipeline's
own output (``extract gold-draft``).

A rule set is a folder of rule files, or the ``rules/`` folder of a git revision
(``HEAD``, ``main~1``), read with ``git show REV:rules/FILE`` into a temporary folder.
"""
from __future__ import annotations

import json
import subprocess
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .errors import ExtractError, InputError
from .facts import CONTRACT_FIELDS, Fact, extract
from .mentions import SENTENCE_END
from .rules import Rules

# Fields compared between the old and the new facts of one mention.
COMPARED = ("text", "value", "value_max", "unit", "kind", "approx", "per", "subject")


# ---------------------------------------------------------------- reading inputs


def iter_articles(inputs: list[str], encoding: str | None = None, errors: list[str] | None = None) -> Iterator:
    """Articles of files, folders and collections (as ``extract run`` reads them);
    problems go to ``errors`` instead of stopping the loop."""
    from .read import is_collection, iter_paths, iter_records, read_article

    for path in iter_paths(list(inputs)):
        try:
            if is_collection(path):
                for item in iter_records(path, encoding=encoding):
                    if isinstance(item, InputError):
                        if errors is not None:
                            errors.append(str(item))
                    else:
                        yield item
            else:
                yield read_article(path, encoding)
        except InputError as exc:
            if errors is not None:
                errors.append(str(exc))


# ---------------------------------------------------------------- rule sets


class RuleSetError(ExtractError):
    """A rule set named by ``--old`` or ``--new`` that cannot be found."""


def materialize_rules(spec: str | Path, rules_dir: Path, workdir: Path) -> Path:
    """The folder of the rule set ``spec``: ``spec`` itself if it is a folder, else the
    files of ``rules_dir`` at git revision ``spec``, written into ``workdir``."""
    path = Path(spec)
    if path.is_dir():
        return path
    rules_dir = rules_dir.resolve()
    try:
        top = Path(_git(rules_dir, "rev-parse", "--show-toplevel").strip())
        relative = rules_dir.relative_to(top).as_posix()
        names = _git(top, "ls-tree", "--name-only", f"{spec}:{relative}").split()
    except (ValueError, RuleSetError) as exc:
        raise RuleSetError(f"{spec}: neither a rules folder nor a git revision with {rules_dir.name}/ ({exc})") from None
    out = workdir / "rules"
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        if name.endswith(".yaml"):
            (out / name).write_text(_git(top, "show", f"{spec}:{relative}/{name}"), encoding="utf-8")
    return out


def _git(cwd: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False)
    except OSError as exc:
        raise RuleSetError(f"cannot run git: {exc}") from None
    if done.returncode:
        raise RuleSetError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


# ---------------------------------------------------------------- diff of two rule sets


@dataclass
class Change:
    """One fact that differs between the old and the new rules."""

    doc: str
    kind: str  # added, removed, changed
    old: dict | None
    new: dict | None

    def fields(self) -> list[str]:
        """The compared fields whose values differ (all of them for added/removed)."""
        if self.old is None or self.new is None:
            return list(COMPARED)
        return [k for k in COMPARED if self.old.get(k) != self.new.get(k)]


@dataclass
class Diff:
    docs: int = 0
    unchanged: int = 0
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(c.kind == kind for c in self.changes)

    def summary(self) -> str:
        changed_docs = len({c.doc for c in self.changes})
        return (f"{self.docs} documents ({changed_docs} changed): {self.count('added')} facts added, "
                f"{self.count('removed')} removed, {self.count('changed')} changed, {self.unchanged} unchanged")


def diff_rules(articles: Iterable, old: Rules, new: Rules) -> Diff:
    """Facts each article gets under ``old`` and ``new`` rules, compared mention by mention.

    >>> from extract.rules import load_rules
    >>> from extract.read import Article
    >>> rules = load_rules()
    >>> diff_rules([Article("a", "种了1.4万亩", "a.txt")], rules, rules).summary()
    '1 documents (0 changed): 0 facts added, 0 removed, 0 changed, 1 unchanged'
    """
    out = Diff()
    for article in articles:
        out.docs += 1
        before = extract(article.text, article.doc, old).facts
        after = extract(article.text, article.doc, new).facts
        changes, same = compare_facts(before, after)
        out.unchanged += same
        out.changes += [Change(article.doc, kind, o, n) for kind, o, n in changes]
    return out


def compare_facts(old: list[Fact], new: list[Fact]) -> tuple[list[tuple[str, dict | None, dict | None]], int]:
    """Pair old and new facts of one document by where they stand (the same span
    first, then overlapping spans); return the changes and the count of unchanged."""
    used = [False] * len(new)
    pairs: list[tuple[Fact | None, Fact | None]] = []
    for exact in (True, False):
        for o in old:
            if any(p[0] is o for p in pairs):
                continue
            for i, n in enumerate(new):
                if used[i]:
                    continue
                if (o.start, o.end) == (n.start, n.end) if exact else (o.start < n.end and n.start < o.end):
                    used[i] = True
                    pairs.append((o, n))
                    break
    paired = {id(o) for o, _ in pairs}
    pairs += [(o, None) for o in old if id(o) not in paired]
    pairs += [(None, n) for i, n in enumerate(new) if not used[i]]
    pairs.sort(key=lambda p: (p[0] or p[1]).start)
    changes, same = [], 0
    for o, n in pairs:
        if o is None:
            changes.append(("added", None, n.row()))
        elif n is None:
            changes.append(("removed", o.row(), None))
        elif any(o.row()[k] != n.row()[k] for k in COMPARED):
            changes.append(("changed", o.row(), n.row()))
        else:
            same += 1
    return changes, same


def diff_table(diff: Diff) -> str:
    """The changes as a table: one row per fact, ``old → new`` in the changed cells."""
    columns = ("doc", "change", *COMPARED, "rule")
    rows = []
    for change in diff.changes:
        row = [change.doc, change.kind]
        for key in (*COMPARED, "rule"):
            old = None if change.old is None else change.old.get(key)
            new = None if change.new is None else change.new.get(key)
            if change.kind == "changed" and old != new:
                row.append(f"{cell(old)} → {cell(new)}")
            else:
                row.append(cell(new if change.new is not None else old))
        rows.append(row)
    return table(columns, rows)


# ---------------------------------------------------------------- score per rule


@dataclass
class RuleScore:
    rule: str
    tp: int = 0
    fp: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0


def rule_scores(result) -> list[RuleScore]:
    """True and false positives per rule (the ``rule`` column of the predictions) of a
    ``score.Score``, most false positives first."""
    scores: dict[str, RuleScore] = {}
    for _, _, pred in result.pairs:
        scores.setdefault(str(pred.get("rule")), RuleScore(str(pred.get("rule")))).tp += 1
    for _, pred in result.extras:
        scores.setdefault(str(pred.get("rule")), RuleScore(str(pred.get("rule")))).fp += 1
    return sorted(scores.values(), key=lambda s: (-s.fp, -s.tp, s.rule))


def overlaps(pred_by_doc: dict[str, list[dict]]) -> list[tuple[str, str, str, dict, dict]]:
    """Predictions of one document whose spans overlap: (doc, "overlap" when they say the
    same (unit, value), else "conflict", rule pair, the two rows)."""
    found = []
    for doc, rows in pred_by_doc.items():
        spans = [r for r in rows if isinstance(r.get("start"), int) and isinstance(r.get("end"), int)]
        spans.sort(key=lambda r: r["start"])
        for i, a in enumerate(spans):
            for b in spans[i + 1:]:
                if b["start"] >= a["end"]:
                    break
                same = (a.get("unit"), a.get("value"), a.get("value_max")) == (b.get("unit"), b.get("value"), b.get("value_max"))
                found.append((doc, "overlap" if same else "conflict", f"{a.get('rule')} × {b.get('rule')}", a, b))
    return found


def find_sentence(text: str, mention: str) -> str | None:
    """The sentence of ``text`` holding ``mention`` (white space inside it ignored).

    >>> find_sentence("第一句。合作社每亩 800 元。第三句", "800元")
    '合作社每亩 800 元。'
    """
    import regex

    chars = [regex.escape(c) for c in "".join(mention.split())]
    if not chars:
        return None
    m = regex.search(r"\s*".join(chars), text)
    if m is None:
        return None
    left, right = m.start(), m.end()
    while left > 0 and text[left - 1] not in SENTENCE_END:
        left -= 1
    while right < len(text) and text[right] not in SENTENCE_END:
        right += 1
    if right < len(text) and text[right] != "\n":
        right += 1
    return text[left:right].strip()


def by_rule_report(result, pred_by_doc: dict[str, list[dict]], texts: dict[str, str] | None = None) -> list[str]:
    """Lines of ``extract score --by-rule``: a table of true and false positives per
    rule, overlapping and conflicting predictions, then every miss with its sentence
    (from ``texts`` by doc, else the gold text) and every false positive with its own."""
    rows = [[s.rule, str(s.tp), str(s.fp), f"{s.precision:.3f}"] for s in rule_scores(result)]
    lines = table(("rule", "tp", "fp", "precision"), rows).splitlines()
    found = overlaps(pred_by_doc)
    counts = Counter((kind, pair) for _, kind, pair, _, _ in found)
    lines += ["", f"overlaps and conflicts: {len(found)}"]
    for (kind, pair), n in sorted(counts.items(), key=lambda item: (item[0][0], -item[1], item[0][1])):
        doc, _, _, a, b = next(f for f in found if (f[1], f[2]) == (kind, pair))
        lines.append(f"  {kind} {pair}: {n} (e.g. {doc}: {a.get('text')} {cell(a.get('value'))} {a.get('unit')}"
                     f" / {b.get('text')} {cell(b.get('value'))} {b.get('unit')})")
    lines += ["", f"misses: {len(result.misses)}"]
    for doc, gold in result.misses:
        sentence = find_sentence(texts[doc], str(gold.get("text") or "")) if texts and doc in texts else None
        lines.append(f"  {doc}: {gold.get('text')} = {cell(gold.get('value'))}"
                     f"{'–' + cell(gold.get('value_max')) if gold.get('value_max') is not None else ''} {gold.get('unit')}"
                     f" | {sentence or gold.get('text')}")
    lines += ["", f"false positives: {len(result.extras)}"]
    for doc, pred in result.extras:
        lines.append(f"  {doc}: {pred.get('text')} = {cell(pred.get('value'))} {pred.get('unit')} [{pred.get('rule')}]"
                     f" | {pred.get('sentence') or pred.get('text')}")
    return lines


def read_texts(folder: Path) -> dict[str, str]:
    """Article texts of a folder by doc id, for finding the sentence of a miss."""
    errors: list[str] = []
    return {a.doc: a.text for a in iter_articles([str(folder)], errors=errors)}


# ---------------------------------------------------------------- gold drafts


def gold_rows(facts: list[Fact]) -> list[dict]:
    """Facts as rows of a gold file: the contract's fields only.

    >>> from extract.facts import extract_facts
    >>> gold_rows(extract_facts("每亩 800元", "a"))
    [{'doc': 'a', 'text': '800元', 'value': 800, 'value_max': None, 'unit': '元', 'kind': 'money', 'approx': None, 'per': '亩', 'subject': None}]
    """
    return [{k: f.row()[k] for k in CONTRACT_FIELDS} for f in facts]


def write_gold_drafts(articles: Iterable, rules: Rules, out_dir: Path) -> list[Path]:
    """One ``<doc>.gold.jsonl`` per article in ``out_dir``, for an editor to correct."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    by_doc: dict[str, list[dict]] = defaultdict(list)
    order: list[str] = []
    for article in articles:
        if article.doc not in by_doc:
            order.append(article.doc)
        by_doc[article.doc] += gold_rows(extract(article.text, article.doc, rules).facts)
    for doc in order:
        path = out_dir / f"{doc}.gold.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in by_doc[doc]), encoding="utf-8")
        written.append(path)
    return written


# ---------------------------------------------------------------- tables


def cell(value) -> str:
    """A value as a table cell: ``-`` for none, 800 for 800.0."""
    if value is None or value == "":
        return "-"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table(columns: Iterable[str], rows: list[list[str]]) -> str:
    """An aligned plain-text table (Chinese characters count two columns)."""
    columns = list(columns)
    widths = [max([_width(c)] + [_width(r[i]) for r in rows]) for i, c in enumerate(columns)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(columns, widths)).rstrip()]
    lines += ["  ".join(_pad(v, w) for v, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))
