"""The embedded store: one SQLite file, ``OUT/extract.db``, that every run upserts into.

Plain tables that open as they are in Datasette or sqlite-utils:

- ``documents``: one row per document id — where it came from, the hash of its
  content, the version it was processed with (``rules_version``: the rules version
  plus a hash of the extraction code), its title and date, ``ok`` or
  ``error``, how many facts it has and when it was processed;
- ``facts``: the fact columns of ``extract.facts.FACT_COLUMNS``;
- ``errors``: the documents that failed — path, reason, hint and the run that saw it;
- ``runs``: one row per ``extract run`` with its counts.

A document's facts, errors and ``documents`` row are written in one transaction, so a
run killed at any moment leaves each document either wholly done or not at all.
The tables are exported (``facts.jsonl``, ``facts.csv``, ``facts.parquet``) in chunks,
never all in memory.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from .errors import ExtractError
from .facts import FACT_COLUMNS

DB_NAME = "extract.db"
CHUNK = 5_000
FACT_TYPES = {"value": "NUMERIC", "value_max": "NUMERIC", "year": "INTEGER", "start": "INTEGER", "end": "INTEGER"}
DOCUMENT_COLUMNS = ("doc", "path", "content_hash", "rules_version", "title", "date", "status",
                    "n_facts", "processed_at", "run_id")
ERROR_COLUMNS = ("doc", "path", "reason", "hint", "run_id")
RUN_COUNTS = ("documents", "processed", "unchanged", "failed", "new_facts")


@dataclass
class Result:
    """What processing one document gave: its facts, or why it failed."""

    doc: str
    path: str
    content_hash: str | None
    rules_version: str
    status: str = "ok"  # or "error"
    facts: list[dict] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    reason: str | None = None
    hint: str | None = None
    saved_facts: int | None = None  # set when a worker committed the result itself and sent no rows

    @property
    def saved(self) -> bool:
        return self.saved_facts is not None

    @property
    def n_facts(self) -> int:
        return len(self.facts) if self.saved_facts is None else self.saved_facts

    def committed(self) -> "Result":
        """What a worker sends back once it has committed this result itself: the
        counts, not the rows."""
        return Result(self.doc, self.path, self.content_hash, self.rules_version, self.status,
                      reason=self.reason, hint=self.hint, saved_facts=len(self.facts))


@dataclass
class Known:
    """What the store remembers of a document."""

    content_hash: str | None
    rules_version: str | None
    status: str


def _q(name: str) -> str:
    """A quoted SQL identifier (``start`` and ``end`` are keywords)."""
    return '"' + name.replace('"', '""') + '"'


def _schema() -> list[str]:
    fact_columns = ", ".join(f"{_q(c)} {FACT_TYPES.get(c, 'TEXT')}" for c in FACT_COLUMNS)
    return [
        """CREATE TABLE IF NOT EXISTS documents (doc TEXT PRIMARY KEY, path TEXT, content_hash TEXT,
           rules_version TEXT, title TEXT, date TEXT, status TEXT, n_facts INTEGER, processed_at TEXT,
           run_id INTEGER)""",
        f"CREATE TABLE IF NOT EXISTS facts ({fact_columns})",
        'CREATE INDEX IF NOT EXISTS facts_doc_start ON facts (doc, "start")',
        """CREATE TABLE IF NOT EXISTS errors (id INTEGER PRIMARY KEY, doc TEXT, path TEXT, reason TEXT,
           hint TEXT, run_id INTEGER)""",
        "CREATE INDEX IF NOT EXISTS errors_doc ON errors (doc)",
        """CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, started TEXT, finished TEXT,
           inputs TEXT, rules_version TEXT, documents INTEGER, processed INTEGER, unchanged INTEGER,
           failed INTEGER, new_facts INTEGER)""",
    ]


def now() -> str:
    """The current UTC time as ISO 8601 text, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """The SQLite store of one output folder."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            for statement in _schema():
                self.db.execute(statement)
            self._add_new_fact_columns()
        except (sqlite3.DatabaseError, OSError) as exc:
            raise ExtractError(f"{self.path}: cannot open the store: {exc} "
                               "(pick another --out folder, or delete the file to start afresh)") from None

    def _add_new_fact_columns(self) -> None:
        """Columns added to FACT_COLUMNS since the store was made become new columns."""
        have = {row[1] for row in self.db.execute("PRAGMA table_info(facts)")}
        for column in FACT_COLUMNS:
            if column not in have:
                self.db.execute(f"ALTER TABLE facts ADD COLUMN {_q(column)} {FACT_TYPES.get(column, 'TEXT')}")

    # ------------------------------------------------------------ runs

    def start_run(self, inputs: list[str], rules_version: str) -> int:
        cursor = self.db.execute("INSERT INTO runs (started, inputs, rules_version) VALUES (?, ?, ?)",
                                 (now(), json.dumps(inputs, ensure_ascii=False), rules_version))
        return cursor.lastrowid

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        sets = ", ".join(f"{c} = ?" for c in RUN_COUNTS)
        self.db.execute(f"UPDATE runs SET finished = ?, {sets} WHERE id = ?",
                        (now(), *(counts.get(c, 0) for c in RUN_COUNTS), run_id))

    # ------------------------------------------------------------ documents

    def known(self, doc: str) -> Known | None:
        """The stored hash, rules version and status of ``doc``, or None if new."""
        row = self.db.execute("SELECT content_hash, rules_version, status FROM documents WHERE doc = ?",
                              (doc,)).fetchone()
        return Known(*row) if row else None

    def save(self, results: list[Result], run_id: int) -> None:
        """Replace each document's facts, errors and row; all of ``results`` in one
        transaction, so a killed run keeps whole documents only."""
        if not results:
            return
        columns = ", ".join(_q(c) for c in FACT_COLUMNS)
        marks = ", ".join("?" for _ in FACT_COLUMNS)
        with self._transaction():
            for result in results:
                self._replace(result, run_id, columns, marks)

    def _replace(self, result: Result, run_id: int, columns: str, marks: str) -> None:
        doc = result.doc
        self.db.execute("DELETE FROM facts WHERE doc = ?", (doc,))
        self.db.execute("DELETE FROM errors WHERE doc = ?", (doc,))
        if result.facts:
            self.db.executemany(f"INSERT INTO facts ({columns}) VALUES ({marks})",
                                ([row.get(c) for c in FACT_COLUMNS] for row in result.facts))
        if result.status != "ok":
            self.db.execute("INSERT INTO errors (doc, path, reason, hint, run_id) VALUES (?, ?, ?, ?, ?)",
                            (doc, result.path, result.reason, result.hint, run_id))
        values = (doc, result.path, result.content_hash, result.rules_version, result.title, result.date,
                  result.status, len(result.facts), now(), run_id)
        self.db.execute(f"INSERT OR REPLACE INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "
                        f"VALUES ({', '.join('?' for _ in DOCUMENT_COLUMNS)})", values)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK if anything inside fails."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # ------------------------------------------------------------ reading back

    def count(self, table: str) -> int:
        return self.db.execute(f"SELECT count(*) FROM {_q(table)}").fetchone()[0]

    def iter_rows(self, query: str, chunk: int = CHUNK, params: tuple = ()) -> Iterator[dict]:
        """Rows of ``query`` as dicts, fetched ``chunk`` at a time."""
        cursor = self.db.execute(query, params)
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(chunk):
            for row in rows:
                yield dict(zip(names, row))

    def iter_facts(self, chunk: int = CHUNK, low: str | None = None, high: str | None = None) -> Iterator[dict]:
        """Every fact (of the documents in [low, high)), ordered by document then start."""
        columns = ", ".join(_q(c) for c in FACT_COLUMNS)
        where = " AND ".join(w for w, bound in (("doc >= ?", low), ("doc < ?", high)) if bound is not None)
        params = tuple(bound for bound in (low, high) if bound is not None)
        query = f'SELECT {columns} FROM facts {"WHERE " + where if where else ""} ORDER BY doc, "start", "end", rowid'
        return self.iter_rows(query, chunk, params)

    def iter_errors(self) -> Iterator[dict]:
        return self.iter_rows("SELECT doc, path, reason, hint, run_id FROM errors ORDER BY doc, path")

    def close(self) -> None:
        """Fold the write-ahead log back so ``extract.db`` is one self-contained file."""
        try:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.OperationalError:
            pass  # another process still has it open; the WAL stays, which SQLite reads fine
        self.db.close()


# ---------------------------------------------------------------- export


def export(store: Store, out_dir: Path, parquet: bool = False, jobs: int = 1,
           partitioned: bool = False) -> tuple[list[Path], int]:
    """Write facts.jsonl, facts.csv, indicators.csv (and facts.parquet) and errors.jsonl
    from the store; with ``jobs`` > 1 the three tables are written in that many
    processes, each a range of documents, then joined. With ``partitioned`` the facts
    are also a Parquet dataset partitioned by kind (``facts_by_kind/kind=money/…``),
    the layout Dask, Spark and DuckDB read in parallel.

    Returns the files written and the number of facts.
    """
    written = [out_dir / "facts.jsonl", out_dir / "facts.csv", out_dir / "indicators.csv"]
    n = _write_tables(store, written, jobs)
    if parquet:
        written.append(out_dir / "facts.parquet")
        _atomic(written[-1], lambda tmp: _write_parquet(store.iter_facts(), tmp))
    if partitioned:
        written.append(out_dir / PARTITIONED)
        _write_partitioned(store.iter_facts(), written[-1])
    errors_path = out_dir / "errors.jsonl"
    if store.count("errors"):
        _atomic(errors_path, lambda tmp: _write_jsonl(store.iter_errors(), tmp))
    elif errors_path.exists():
        errors_path.unlink()
    return written, n


def _atomic(path: Path, write) -> int:
    """Write through a temporary file, so a killed run never leaves half a table."""
    tmp = path.with_name(path.name + ".tmp")
    count = write(tmp)
    os.replace(tmp, path)
    return count


PARALLEL_EXPORT_FACTS = 20_000  # fewer facts are written faster by one process


def _write_tables(store: Store, paths: list[Path], jobs: int) -> int:
    """facts.jsonl, facts.csv (UTF-8 with BOM, so Excel shows the Chinese) and
    indicators.csv: headers, then the rows of each range of documents, written by
    ``jobs`` processes into part files and joined, each table through a temporary file."""
    from .export import IndicatorTable

    ranges = _doc_ranges(store, jobs) if jobs > 1 and store.count("facts") >= PARALLEL_EXPORT_FACTS else [(None, None)]
    parts = [[p.with_name(f".{p.name}.part{k}") for p in paths] for k in range(len(ranges))]
    if len(ranges) == 1:
        count = _write_part(store, *ranges[0], parts[0])
    else:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(len(ranges)) as pool:
            count = sum(pool.starmap(_write_part_of, [(str(store.path), *r, part) for r, part in zip(ranges, parts)]))
    headers = [None, ",".join(FACT_COLUMNS), ",".join(IndicatorTable.ALL_COLUMNS)]
    for k, (path, header) in enumerate(zip(paths, headers)):
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as out:
            if header is not None:
                out.write(("\ufeff" + header + "\r\n").encode("utf-8"))
            for part in parts:
                with open(part[k], "rb") as piece:
                    shutil.copyfileobj(piece, out, 1 << 20)
                os.unlink(part[k])
    for path in paths:
        os.replace(path.with_name(path.name + ".tmp"), path)
    return count


def _doc_ranges(store: Store, jobs: int) -> list[tuple[str | None, str | None]]:
    """``jobs`` ranges of document ids [low, high) holding about as many facts each."""
    counts = store.db.execute("SELECT doc, count(*) FROM facts GROUP BY doc ORDER BY doc").fetchall()
    total, bounds, running = sum(n for _, n in counts), [], 0
    for doc, n in counts:
        if running >= total * (len(bounds) + 1) / jobs and len(bounds) < jobs - 1:
            bounds.append(doc)
        running += n
    edges = [None, *bounds, None]
    return list(zip(edges, edges[1:]))


def _write_part_of(db_path: str, low: str | None, high: str | None, part: list[Path]) -> int:
    store = Store(Path(db_path))
    try:
        return _write_part(store, low, high, part)
    finally:
        store.db.close()


def _write_part(store: Store, low: str | None, high: str | None, part: list[Path]) -> int:
    """The rows of the documents in [low, high) of the three tables, without headers."""
    from .export import IndicatorTable

    count = 0
    with open(part[0], "w", encoding="utf-8") as out_jsonl, \
            open(part[1], "w", encoding="utf-8", newline="") as out_csv, \
            open(part[2], "w", encoding="utf-8", newline="") as out_indicators:
        writer = csv.writer(out_csv)
        table = IndicatorTable(csv.DictWriter(out_indicators, fieldnames=IndicatorTable.ALL_COLUMNS))
        encode = json.JSONEncoder(ensure_ascii=False).encode
        for row in store.iter_facts(low=low, high=high):
            out_jsonl.write(encode(row) + "\n")
            writer.writerow(row.values())  # rows come in FACT_COLUMNS order
            table.add(row)
            count += 1
        table.flush()
    return count


def _write_jsonl(rows: Iterator[dict], path: Path) -> int:
    from .export import write_jsonl

    return write_jsonl(rows, path)


PARTITIONED = "facts_by_kind"


def _write_partitioned(rows: Iterator[dict], folder: Path, chunk: int = CHUNK) -> None:
    """The facts as a Hive-partitioned Parquet dataset (one folder per kind), written
    beside the old one and swapped in whole."""
    pa, pq = _pyarrow("--engine dask")
    schema = _fact_schema(pa)
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for k, batch in enumerate(_chunks(rows, chunk)):  # in this thread: the store's cursor stays in it
        pq.write_to_dataset(pa.Table.from_pylist(batch, schema=schema), tmp, partition_cols=["kind"],
                            basename_template=f"part-{k:05d}-{{i}}.parquet")
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)


def _chunks(rows: Iterator[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _pyarrow(option: str):
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExtractError(f"{option} needs pyarrow: pip install 'extract[parquet]'") from None
    return pa, pq


def _fact_schema(pa):
    types = {"value": pa.float64(), "value_max": pa.float64(), "year": pa.int64(), "start": pa.int64(), "end": pa.int64()}
    return pa.schema([(c, types.get(c, pa.string())) for c in FACT_COLUMNS])


def _write_parquet(rows: Iterator[dict], path: Path, chunk: int = CHUNK) -> int:
    pa, pq = _pyarrow("--parquet")
    schema = _fact_schema(pa)
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _chunks(rows, chunk):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
        if not count:
            writer.write_table(pa.Table.from_pylist([], schema=schema))  # an empty table, with its columns
    return count
