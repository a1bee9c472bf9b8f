"""Stage 7: write facts as tables — JSONL (UTF-8), CSV (UTF-8 with BOM so Excel shows
Chinese) and, with the parquet extra, Parquet."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from .facts import FACT_COLUMNS, Fact


def fact_json(fact: Fact) -> str:
    """One fact as a JSON line."""
    return json.dumps(fact.row(), ensure_ascii=False)


def write_jsonl(rows: Iterable[dict], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def table_text(facts: list[Fact], columns: tuple[str, ...] = ("text", "value", "value_max", "unit", "kind", "approx", "per", "subject", "rule")) -> str:
    """Facts as an aligned plain-text table for the terminal."""
    rows = [[_cell(f.row()[c]) for c in columns] for f in facts]
    widths = [max([_width(c)] + [_width(r[i]) for r in rows]) for i, c in enumerate(columns)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(columns, widths))]
    lines += ["  ".join(_pad(v, w) for v, w in zip(r, widths)) for r in rows]
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


__all__ = ["FACT_COLUMNS", "IndicatorTable", "fact_json", "indicator_table", "table_text", "write_jsonl"]


KIND_COLUMNS = ("people", "households", "money", "area", "weight", "length", "volume", "percent",
                "percentage_point", "age", "duration", "count")


def indicator_table(facts):
    """The wide table an editor pastes into a spreadsheet: one row per document ×
    indicator × subject (and year and scope), a column per kind, plus year, place and
    scope. Facts of one subject fill a row until a kind repeats; then a new row starts,
    so `2165 人 159.79 万元` is one row and a later figure of the same subject another.

    >>> rows = [dict(doc="d", indicator="稳岗补助", subject="稳岗补助", kind="people", value=5202, value_max=None,
    ...              unit="人", year=2023, place="中阳县", scope=None),
    ...         dict(doc="d", indicator="稳岗补助", subject="稳岗补助", kind="money", value=6242400, value_max=None,
    ...              unit="元", year=2023, place="中阳县", scope=None)]
    >>> indicator_table(rows).iloc[0][["indicator", "people", "money", "year"]].tolist()
    ['稳岗补助', 5202, 6242400, 2023]
    """
    table = IndicatorTable()
    for fact in facts:
        table.add(fact)
    return table.frame()


class IndicatorTable:
    """Builds the indicator table one fact row at a time.

    Without a ``writer`` the rows are kept (``frame()``); with a csv.DictWriter over
    ``ALL_COLUMNS`` each document's rows are written as soon as the facts (ordered by
    document) move on to the next one, so memory does not grow with the corpus.
    """

    KEY = ("doc", "indicator", "subject", "year", "scope")
    ALL_COLUMNS = ["doc", "indicator", "subject"] + [c for k in KIND_COLUMNS for c in (k, f"{k}_unit")] + \
        ["year", "place", "scope"]

    def __init__(self, writer=None):
        self.rows: list[dict] = []
        self.open_rows: dict[tuple, dict] = {}
        self.writer, self.doc, self.written = writer, None, 0

    def add(self, fact: dict) -> None:
        if self.writer is not None and fact.get("doc") != self.doc:
            self.flush()
            self.doc = fact.get("doc")
        if _plain(fact.get("indicator")) is None:
            return
        key = tuple(_plain(fact.get(c)) for c in self.KEY)
        row = self.open_rows.get(key)
        if row is None or fact["kind"] in row:
            row = dict(zip(self.KEY, key), place=_plain(fact.get("place")))
            self.rows.append(row)
            self.open_rows[key] = row
        row[fact["kind"]] = _cell_value(fact)
        row[f"{fact['kind']}_unit"] = fact["unit"]

    def flush(self) -> None:
        """Write the rows gathered so far (with a writer)."""
        if self.writer is not None:
            self.writer.writerows(self.rows)
            self.written += len(self.rows)
            self.rows, self.open_rows = [], {}

    def columns(self) -> list[str]:
        kinds = {k for row in self.rows for k in row}
        return [c for c in self.ALL_COLUMNS if c in self.KEY or c in ("place",) or c.removesuffix("_unit") in kinds]

    def frame(self):
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.columns(), dtype=object)


def _plain(value):
    """NaN to None and whole floats to int, so cells read as people expect."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _cell_value(fact: dict):
    low, high = _plain(fact["value"]), _plain(fact.get("value_max"))
    return low if high is None else f"{low}–{high}"
