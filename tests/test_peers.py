"""Conformance of ``extract.numerals`` with the peer suites in shared/peers.

The suites are read in place (shared/peers/README.md describes the format) and never
copied into the project. Each test prints its rate; the assertion message lists the
failing cases.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from extract.numerals import parse_number

PEERS = Path(__file__).resolve().parents[2] / "shared" / "peers"
if not PEERS.is_dir():
    pytest.skip(f"peer suites not found at {PEERS}", allow_module_level=True)

MIN_RATE = 0.99


def _records(name: str) -> list[dict]:
    with open(PEERS / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _matches(result: float | None, expected: float) -> bool:
    return result is not None and math.isclose(result, expected, rel_tol=1e-6, abs_tol=1e-12)


def _report(label: str, failures: list[str], total: int) -> float:
    ok = total - len(failures)
    rate = ok / total if total else 0.0
    print(f"{label}: {ok}/{total} = {rate:.1%}")
    return rate


def test_cn2an_normal_and_smart() -> None:
    cases = [r for r in _records("cn2an.jsonl") if r.get("mode") in ("normal", "smart") and not r.get("error")]
    failures = []
    for r in cases:
        expected = r["expected"][0]["value"]
        result = parse_number(r["input"])
        if not _matches(result, expected):
            failures.append(f"{r['id']} ({r['mode']}) {r['input']!r}: got {result!r}, expected {expected!r}")
    rate = _report("cn2an normal/smart", failures, len(cases))
    assert cases
    assert rate >= MIN_RATE, "\n".join(failures)


def test_recognizers_number_items() -> None:
    items = [(r["id"], item) for r in _records("recognizers-zh-number.jsonl") for item in r["expected"]
             if item["value"] is not None]
    failures = []
    for record_id, item in items:
        result = parse_number(item["text"])
        if not _matches(result, item["value"]):
            failures.append(f"{record_id} {item['text']!r}: got {result!r}, expected {item['value']!r}")
    rate = _report("recognizers-zh-number items", failures, len(items))
    assert items
    assert rate >= MIN_RATE, "\n".join(failures)


def test_cn2an_strict_invalid_is_informational() -> None:
    """cn2an's strict mode rejects these; we are lenient (一一 → 11, 三万五 → 35000),
    so the share we also reject is only printed."""
    cases = [r for r in _records("cn2an.jsonl") if r.get("error")]
    rejected = [r for r in cases if parse_number(r["input"]) is None]
    print(f"cn2an strict invalid, None returned: {len(rejected)}/{len(cases)} = {len(rejected) / len(cases):.1%}")
    assert cases


FACT_SUITES = ("recognizers-zh-currency.jsonl", "recognizers-zh-dimension.jsonl", "recognizers-zh-percent.jsonl")
MIN_FACT_RATE = 0.95


def test_facts_agree_with_recognizers_quantities() -> None:
    """Each expected currency, dimension and percent item of Recognizers-Text is found:
    a fact of the input has its value (units are named differently, so values are
    compared). The rate over the three suites together must reach 95 %."""
    from extract.facts import extract_facts

    failures, total = [], 0
    for suite in FACT_SUITES:
        suite_failures, suite_total = [], 0
        for record in _records(suite):
            values = [f.value for f in extract_facts(record["input"], context=False)]
            for item in record["expected"]:
                if item["value"] is None:
                    continue
                suite_total += 1
                if not any(_matches(v, item["value"]) for v in values):
                    suite_failures.append(f"{record['id']}: {item['text']} = {item['value']}; got {values}")
        _report(suite.removesuffix(".jsonl"), suite_failures, suite_total)
        failures += suite_failures
        total += suite_total
    rate = _report("recognizers currency+dimension+percent facts", failures, total)
    assert rate >= MIN_FACT_RATE, "\n".join(failures)
