"""Score predicted facts against gold facts, exactly as shared/eval/score.py does.

Facts are matched per document, one to one, on (unit, value, value_max) with values
equal within a relative 1e-6; precision, recall and F1 are counted over all documents.
On matched pairs, kind, approx and per are scored as accuracy, and subject as the share
of pairs whose predicted subject shares a two-character run with the gold subject (or
equals it) and is at most twice as long (or six characters longer).
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

UNIT_ALIASES = {"名": "人", "位": "人", "块": "元", "千克": "公斤", "个月": "月"}


def norm_unit(unit) -> str | None:
    """Canonical unit for matching (名 and 位 are 人, 块 is 元 …)."""
    if unit is None:
        return None
    unit = str(unit).strip()
    return UNIT_ALIASES.get(unit, unit)


def as_number(x) -> float | None:
    if x is None or x == "":
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def load_facts(path: str | Path, docs_prefix: str | None = None) -> dict[str, list[dict]]:
    """Facts of a JSONL file, or of every ``*.jsonl`` in a folder, grouped by doc."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                doc = str(row.get("doc"))
                if docs_prefix and not doc.startswith(docs_prefix):
                    continue
                by_doc[doc].append(row)
    return by_doc


def subject_ok(pred, gold) -> bool | None:
    """Does the predicted subject name the gold one? None when gold has none."""
    if not gold:
        return None
    if not pred:
        return False
    pred, gold = str(pred), str(gold)
    if len(pred) > max(2 * len(gold), len(gold) + 6):
        return False
    if pred == gold or pred in gold or gold in pred:
        return True
    grams = {gold[i:i + 2] for i in range(len(gold) - 1)}
    return any(pred[i:i + 2] in grams for i in range(len(pred) - 1))


def match_doc(gold: list[dict], pred: list[dict]):
    """Greedy one-to-one matching: (pairs, missed gold, spurious predictions)."""
    used = [False] * len(pred)
    pairs, missed = [], []
    for g in gold:
        key = (norm_unit(g.get("unit")), as_number(g.get("value")), as_number(g.get("value_max")))
        hit = next((i for i, p in enumerate(pred) if not used[i] and _same(key, p)), None)
        if hit is None:
            missed.append(g)
        else:
            used[hit] = True
            pairs.append((g, pred[hit]))
    return pairs, missed, [p for i, p in enumerate(pred) if not used[i]]


def _same(key, p) -> bool:
    unit, value, value_max = key
    return norm_unit(p.get("unit")) == unit and close(as_number(p.get("value")), value) and close(as_number(p.get("value_max")), value_max)


@dataclass
class Score:
    summary: dict
    misses: list[tuple[str, dict]] = field(default_factory=list)
    extras: list[tuple[str, dict]] = field(default_factory=list)
    pairs: list[tuple[str, dict, dict]] = field(default_factory=list)


def score(gold_by_doc: dict, pred_by_doc: dict, kinds: set[str] | None = None) -> Score:
    """Precision, recall, F1 and field accuracies of predictions against gold."""
    keep = (lambda r: True) if kinds is None else (lambda r: r.get("kind") in kinds)
    tp = fn = fp = 0
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    result = Score(summary={})
    for doc, gold in gold_by_doc.items():
        gold = [g for g in gold if keep(g)]
        pairs, missed, spurious = match_doc(gold, pred_by_doc.get(doc, []))
        if kinds is not None:
            spurious = [p for p in spurious if keep(p)]
        tp, fn, fp = tp + len(pairs), fn + len(missed), fp + len(spurious)
        result.misses += [(doc, g) for g in missed]
        result.extras += [(doc, p) for p in spurious]
        result.pairs += [(doc, g, p) for g, p in pairs]
        for g, p in pairs:
            for name in ("kind", "approx", "per"):
                acc[name][1] += 1
                acc[name][0] += (g.get(name) or None) == (p.get(name) or None)
            ok = subject_ok(p.get("subject"), g.get("subject"))
            if ok is not None:
                acc["subject"][1] += 1
                acc["subject"][0] += ok
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    summary = {"gold": tp + fn, "pred": tp + fp, "tp": tp, "precision": round(precision, 4),
               "recall": round(recall, 4), "f1": round(f1, 4)}
    for name, (c, n) in acc.items():
        summary[f"{name}_acc"] = round(c / n, 4) if n else None
    result.summary = summary
    return result
