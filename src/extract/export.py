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


def write_tables(facts: list[Fact], out_dir: Path, parquet: bool = False) -> list[Path]:
    """facts.jsonl and facts.csv (and facts.parquet) in ``out_dir``."""
    from .facts import facts_frame

    out_dir.mkdir(parents=True, exist_ok=True)
    written = [out_dir / "facts.jsonl", out_dir / "facts.csv"]
    write_jsonl((f.row() for f in facts), written[0])
    frame = facts_frame(facts)
    frame.to_csv(written[1], index=False, encoding="utf-8-sig")
    if parquet:
        path = out_dir / "facts.parquet"
        frame.to_parquet(path, index=False)
        written.append(path)
    return written


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


__all__ = ["FACT_COLUMNS", "fact_json", "table_text", "write_jsonl", "write_tables"]
