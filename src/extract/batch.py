"""Run many articles through the pipeline into the store, incrementally and safely.

The main process walks the inputs, hashes each document and skips those the store
already has with the same content and pipeline version (rules and extraction code). The rest go to ``process`` —
in this process (``jobs=1``), in worker processes, or on a Dask cluster — at most a
few at a time, so memory stays bounded. Each result is committed with its document
row in one transaction (by the worker process that made it, with ``--jobs``); a failure becomes a row in ``errors`` and a line on stderr,
and the batch goes on.
"""
from __future__ import annotations

import gc
import hashlib
import json
import queue
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import ExtractError, InputError
from .read import Article, Fields, RecordError, doc_id, is_collection, iter_paths, iter_records, parse_article, read_bytes
from .store import DB_NAME, Result, Store, export


@dataclass
class Options:
    """How to run a batch (the options of ``extract run``)."""

    out_dir: Path = Path("out")
    encoding: str | None = None
    parquet: bool = False
    rules_dirs: tuple[str, ...] = ()
    jobs: int = 1
    timeout: float = 30.0
    force: bool = False
    fields: Fields = Fields()
    engine: str = "local"  # or "dask"
    scheduler: str | None = None
    log: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True)


@dataclass
class Task:
    """One document to process: the raw bytes of a file, or an article of a collection."""

    doc: str
    path: str
    content_hash: str
    rules_dirs: tuple[str, ...]
    timeout: float
    data: bytes | None = None
    article: Article | None = None
    encoding: str | None = None
    store: str | None = None  # the store a pool worker commits the result to itself
    run_id: int | None = None


@dataclass
class Summary:
    """The counts of a finished batch."""

    documents: int = 0
    processed: int = 0
    unchanged: int = 0
    failed: int = 0
    failed_before: int = 0
    new_facts: int = 0
    exported: int = 0
    seconds: float = 0.0
    written: list[Path] = field(default_factory=list)

    def line(self) -> str:
        """The closing line for stderr."""
        before = f" ({self.failed_before} of them unchanged since they failed)" if self.failed_before else ""
        files = ", ".join(str(p) for p in self.written)
        return (f"{self.documents} documents ({self.processed} processed, {self.unchanged} unchanged), "
                f"{self.new_facts} new facts, {self.failed} failed{before} in {self.seconds:.1f}s; "
                f"{self.exported} facts → {files}")


class DocumentTimeout(Exception):
    """Processing one document took longer than the time limit."""


# ---------------------------------------------------------------- the work on one document


def process(task: Task) -> Result:
    """Read (if needed) and extract one document, within ``task.timeout`` seconds.

    Never raises: every failure comes back as a Result with status ``error``.
    """
    rules = _rules(task.rules_dirs)
    result = Result(task.doc, task.path, task.content_hash, pipeline_version(rules))
    try:
        with _time_limit(task.timeout):
            article = task.article or parse_article(task.path, task.data, task.encoding)
            facts = _extract(article.text, task.doc, rules, article.date)
        result.facts, result.title, result.date = facts, article.title, article.date
    except InputError as exc:
        _fail(result, exc.reason, exc.hint)
    except DocumentTimeout:
        _fail(result, f"took longer than the time limit of {task.timeout:g} s",
              "raise --timeout, or split the article and report it if it is short")
    except RecursionError:
        _fail(result, "RecursionError: text nested too deeply", "please report this article")
    except Exception as exc:  # one bad article never stops the batch
        _fail(result, f"{type(exc).__name__}: {exc}", "please report this article")
    return result


def process_and_save(tasks: list[Task]) -> list[Result]:
    """A pool worker's work on a few documents: process them and commit them to the store
    from the worker, in one transaction, so the main process only counts (SQLite takes
    one writer at a time; the workers take turns)."""
    results = [process(task) for task in tasks]
    _worker_store(tasks[0].store).save(results, tasks[0].run_id)
    return [result.committed() for result in results]


@lru_cache(maxsize=1)
def _worker_store(path: str) -> Store:
    return Store(Path(path))


@lru_cache(maxsize=4)
def _rules(rules_dirs: tuple[str, ...]):
    """The rules of a run, loaded once per process: a batch does not watch the rule files
    for edits (load_rules would look at every file's size and time for each document)."""
    from .rules import load_rules

    return load_rules(rules_dirs)


def _extract(text: str, doc: str, rules, date: str | None = None) -> list[dict]:
    from .facts import extract

    return [fact.row() for fact in extract(text, doc, rules, date=date).facts]


def _fail(result: Result, reason: str, hint: str | None) -> None:
    result.status, result.reason, result.hint, result.facts = "error", reason, hint or None, []


class _time_limit:
    """Raise DocumentTimeout in the block after ``seconds`` (SIGALRM; main thread only).

    Elsewhere — a Dask worker thread — there is no limit.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.active = seconds > 0 and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")

    def __enter__(self):
        if self.active:
            self.previous = signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc):
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)

    @staticmethod
    def _expired(signum, frame):
        raise DocumentTimeout()


# Modules that do not change what an article's facts are.
NOT_PIPELINE = {"__init__.py", "__main__.py", "batch.py", "check.py", "cli.py", "export.py", "score.py", "store.py"}


def pipeline_version(rules) -> str:
    """The rules version plus a hash of the extraction code: facts stored under another
    version are stale and the document is processed again.

    >>> from extract.rules import load_rules
    >>> version = pipeline_version(load_rules())
    >>> version.startswith(load_rules().version + "+")
    True
    """
    return f"{rules.version}+{_code_version()}"


@lru_cache(maxsize=1)
def _code_version() -> str:
    digest = hashlib.sha1()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        if path.name not in NOT_PIPELINE:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:8]


# ---------------------------------------------------------------- planning: what needs doing


class _Planner:
    """Turns inputs into Tasks, skipping unchanged documents and recording read errors."""

    def __init__(self, store: Store, rules_version: str, options: Options, summary: Summary):
        self.store, self.rules_version, self.options, self.summary = store, rules_version, options, summary
        self.seen: set[str] = set()

    def items(self, inputs: list[str]) -> Iterator[Task | Result]:
        """Tasks to run, and Results for documents that failed before any work."""
        for path in iter_paths(inputs):
            if is_collection(path):
                yield from self._collection(path)
            else:
                yield from self._file(path)

    def _file(self, path: str) -> Iterator[Task | Result]:
        doc = self._unique(doc_id(path), path)
        try:
            data = read_bytes(path)
        except InputError as exc:
            yield from self._failed(doc, path, _stat_hash(path), exc)
            return
        task = Task(doc, path, _hash(data), self.options.rules_dirs, self.options.timeout, data=data,
                    encoding=self.options.encoding)
        yield from self._unless_unchanged(task)

    def _collection(self, path: str) -> Iterator[Task | Result]:
        try:
            for record in iter_records(path, self.options.fields, self.options.encoding):
                yield from self._record(record)
        except InputError as exc:
            yield from self._failed(self._unique(doc_id(path), path), path, _stat_hash(path), exc)

    def _record(self, record: Article | RecordError) -> Iterator[Task | Result]:
        if isinstance(record, RecordError):
            doc = self._unique(record.doc, record.path)
            yield from self._failed(doc, record.path, _hash(str(record).encode()), record)
            return
        record.doc = self._unique(record.doc, record.path)
        content = json.dumps([record.text, record.title, record.date], ensure_ascii=False).encode()
        task = Task(record.doc, record.path, _hash(content), self.options.rules_dirs, self.options.timeout,
                    article=record)
        yield from self._unless_unchanged(task)

    def _failed(self, doc: str, path: str, content_hash: str | None, exc: InputError) -> Iterator[Result]:
        if not self._is_unchanged(doc, content_hash):
            yield Result(doc, path, content_hash, self.rules_version, "error", reason=exc.reason, hint=exc.hint or None)

    def _unless_unchanged(self, task: Task) -> Iterator[Task]:
        if not self._is_unchanged(task.doc, task.content_hash):
            yield task

    def _is_unchanged(self, doc: str, content_hash: str | None) -> bool:
        self.summary.documents += 1
        known = None if self.options.force or content_hash is None else self.store.known(doc)
        if known and known.content_hash == content_hash and known.rules_version == self.rules_version:
            self.summary.unchanged += 1
            self.summary.failed_before += known.status != "ok"
            return True
        return False

    def _unique(self, doc: str, path: str) -> str:
        """The doc id, made unique within the run (``name~2``) if two inputs share it."""
        unique, n = doc, 1
        while unique in self.seen:
            n += 1
            unique = f"{doc}~{n}"
        if unique != doc:
            self.options.log(f"Warning: {path}: document id {doc!r} is taken by an earlier input; stored as {unique!r}")
        self.seen.add(unique)
        return unique


def _hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def _stat_hash(path: str) -> str | None:
    """Size and time of a file that could not be read, so an unchanged one is not retried."""
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return f"stat:{stat.st_size}:{stat.st_mtime_ns}"


# ---------------------------------------------------------------- executors


def _serial(items: Iterable[Task | Result]) -> Iterator[Result]:
    for item in items:
        yield item if isinstance(item, Result) else process(item)


CHUNK_DOCS = 8  # documents a worker processes and commits together
HARD_MARGIN = 60.0  # seconds past its time limit before a document's worker is given up on
IN_FLIGHT = 4  # chunks in flight per worker: enough that none waits for the next


def _pool(items: Iterable[Task | Result], jobs: int, hard_limit: float, store: Store, run_id: int) -> Iterator[Result]:
    """Process tasks in ``jobs`` worker processes, ``CHUNK_DOCS`` at a time and at most
    ``IN_FLIGHT * jobs`` chunks in flight; each worker commits its results to ``store``
    and sends back the counts.

    A chunk whose worker dies (or hangs outside Python) past ``hard_limit`` seconds a
    document is run again a document at a time, so that only the document that did it
    is reported, and the batch does not stall.
    """
    items = iter(items)
    # Frozen objects are left out of garbage collection, so a worker's collections do not
    # write to (and copy) the pages of the dictionary and rules it shares with the parent:
    # about 15 MB less a worker over a 50 MB batch.
    gc.collect()
    gc.freeze()
    try:
        yield from _run_pool(items, jobs, hard_limit, store, run_id)
    finally:
        gc.unfreeze()


def _run_pool(items: Iterator[Task | Result], jobs: int, hard_limit: float, store: Store, run_id: int) -> Iterator[Result]:
    import multiprocessing

    done: queue.Queue = queue.Queue()
    inflight: dict[int, tuple[list[Task], float]] = {}
    retry: list[list[Task]] = []
    with multiprocessing.Pool(jobs, maxtasksperchild=1000) as pool:
        exhausted, key = False, 0
        while True:
            while len(inflight) < IN_FLIGHT * jobs and (retry or not exhausted):
                chunk = retry.pop() if retry else []
                while not retry and not exhausted and len(chunk) < CHUNK_DOCS:
                    item = next(items, None)
                    if item is None:
                        exhausted = True
                    elif isinstance(item, Result):
                        yield item
                    else:
                        item.store, item.run_id = str(store.path), run_id
                        chunk.append(item)
                if chunk:
                    key += 1
                    inflight[key] = (chunk, time.monotonic())
                    pool.apply_async(process_and_save, (chunk,), callback=lambda r, k=key: done.put((k, r)),
                                     error_callback=lambda e, k=key: done.put((k, e)))
            if not inflight:
                return
            yield from _collect(done, inflight, hard_limit, retry)


def _collect(done: queue.Queue, inflight: dict, hard_limit: float, retry: list[list[Task]]) -> Iterator[Result]:
    """The results of the next finished chunk; chunks that went past the hard limit are
    split up for ``retry``, or reported if they were one document."""
    try:
        key, outcome = done.get(timeout=1.0)
    except queue.Empty:
        for key, (chunk, started) in list(inflight.items()):
            if time.monotonic() - started > hard_limit * len(chunk):
                del inflight[key]
                yield from _failed_chunk(chunk, "the worker process died or hung",
                                         "run it alone with --jobs 1 and report it", retry)
        return
    chunk, _ = inflight.pop(key, (None, 0))
    if chunk is None:
        return  # already given up on
    if isinstance(outcome, BaseException):
        yield from _failed_chunk(chunk, f"{type(outcome).__name__}: {outcome}", "please report this article", retry)
    else:
        yield from outcome


def _failed_chunk(chunk: list[Task], reason: str, hint: str, retry: list[list[Task]]) -> Iterator[Result]:
    if len(chunk) > 1:
        retry.extend([task] for task in chunk)
    else:
        yield _lost(chunk[0], reason, hint)


def _lost(task: Task, reason: str, hint: str) -> Result:
    from .rules import load_rules

    version = pipeline_version(load_rules(task.rules_dirs))
    return Result(task.doc, task.path, task.content_hash, version, "error", reason=reason, hint=hint)


def _dask(items: Iterable[Task | Result], scheduler: str | None, window: int) -> Iterator[Result]:
    """Process tasks on a Dask distributed cluster (the workers need ``extract`` installed)."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise ExtractError("--engine dask needs Dask distributed: pip install 'extract[dask]'") from None
    if not scheduler:
        raise ExtractError("--engine dask needs --scheduler ADDRESS (for example tcp://127.0.0.1:8786)")
    with Client(scheduler) as client:
        running = as_completed()
        count = 0
        for item in items:
            if isinstance(item, Result):
                yield item
                continue
            running.add(client.submit(process, item, pure=False))
            count += 1
            if count >= window:
                yield next(running).result()
                count -= 1
        for future in running:
            yield future.result()


# ---------------------------------------------------------------- the batch


# Documents are committed in small groups: far fewer transactions than one per document,
# and a killed run loses at most a group, which the next run processes again.
SAVE_EVERY = 64
SAVE_SECONDS = 2.0


def run_batch(inputs: list[str], options: Options) -> Summary:
    """Process every new or changed document of ``inputs`` into ``OUT/extract.db`` and export it."""
    from .rules import load_rules

    started = time.perf_counter()
    version = pipeline_version(load_rules(options.rules_dirs))
    summary = Summary()
    store = Store(options.out_dir / DB_NAME)
    try:
        run_id = store.start_run(inputs, version)
        items = _Planner(store, version, options, summary).items(inputs)
        pending: list[Result] = []
        flushed = time.perf_counter()
        with _Progress(options.log) as progress:
            for result in _execute(items, options, store, run_id):
                if not result.saved:
                    pending.append(result)
                _count(summary, result, progress.log)
                progress.update(result.n_facts)
                if len(pending) >= SAVE_EVERY or time.perf_counter() - flushed > SAVE_SECONDS:
                    store.save(pending, run_id)
                    pending, flushed = [], time.perf_counter()
            store.save(pending, run_id)
        summary.failed += summary.failed_before
        summary.written, summary.exported = export(store, options.out_dir, options.parquet, options.jobs,
                                                   partitioned=options.engine == "dask")
        summary.written.append(store.path)
        summary.seconds = time.perf_counter() - started
        store.finish_run(run_id, vars(summary))
    finally:
        store.close()
    return summary


def _execute(items: Iterator[Task | Result], options: Options, store: Store, run_id: int) -> Iterator[Result]:
    if options.engine == "dask":
        return _dask(items, options.scheduler, window=max(8, 4 * options.jobs))
    if options.jobs <= 1:
        return _serial(items)
    _warm_up(options.rules_dirs)
    return _pool(items, options.jobs, 3 * options.timeout + HARD_MARGIN, store, run_id)


def _warm_up(rules_dirs: tuple[str, ...]) -> None:
    """Load the lazy parts of the pipeline (the segmenter's dictionary) once, before the
    workers fork, so that each of them does not load it again."""
    from .rules import load_rules

    _extract("稳岗补助 5202 人，每亩 800元。", "warm-up", load_rules(rules_dirs))


def _count(summary: Summary, result: Result, log: Callable[[str], None]) -> None:
    summary.processed += 1
    summary.new_facts += result.n_facts
    if result.status != "ok":
        summary.failed += 1
        hint = f" ({result.hint})" if result.hint else ""
        log(f"Error: {result.path}: {result.reason}{hint}")


class _Progress:
    """A tqdm bar on a terminal; otherwise a plain line every ``every`` seconds."""

    def __init__(self, log: Callable[[str], None], every: float = 10.0):
        self._log, self.every = log, every
        self.docs = self.facts = 0
        self.started = self.last = time.monotonic()
        self.bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, desc="documents")

    def __enter__(self):
        return self

    def log(self, line: str) -> None:
        """A message line that does not break the bar."""
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            self._log(line)

    def update(self, facts: int) -> None:
        self.docs, self.facts = self.docs + 1, self.facts + facts
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix(facts=self.facts, refresh=False)
        elif time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            rate = self.docs / max(self.last - self.started, 1e-9)
            self._log(f"... {self.docs} documents processed, {self.facts} facts, {rate:.1f} docs/s")

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()
