"""Throughput and peak memory of ``extract run`` (at --jobs 1 and 2) beside JioNLP's
``extract_money`` and Recognizers-Text's Chinese currency and dimension models, all
on the same texts in one run.

Each tool runs in its own process; its peak memory is the largest proportional set
size (PSS) of that process and its children together (psutil), or the peak resident
size of its largest process (``resource``) without psutil. Throughput counts the tool's working time: the
``in N s`` of extract's closing line, the extraction loop for the libraries. A slow
library stops after --max-seconds and is rated on the articles it got through.

The libraries are optional (``pip install -e '.[bench]'``); a missing one is skipped
with a note.

Example: python bench/run.py --size-mb 5
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import build  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LIBRARIES = {
    # extract's own API in one process, the same loop as the libraries: core facts only,
    # then with subjects and context (the two speed goals)
    "extract API, core facts": ("extract", "-e ."),
    "extract API, with subjects": ("extract", "-e ."),
    "jionlp extract_money": ("jionlp", "jionlp"),
    "recognizers currency+dimension (zh)": ("recognizers_suite", "recognizers-text-suite (and emoji<1.0)"),
}


# ---------------------------------------------------------------- child: one library


def library_child(name: str, corpus: Path, max_seconds: float) -> None:
    """Run one library over the corpus; print its counts as one JSON line."""
    annotate = _library(name)
    annotate("每亩 800元，增长12.5%。")  # load dictionaries and models before the clock starts
    docs = chars = found = 0
    started = time.perf_counter()
    for path in sorted(corpus.rglob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        found += annotate(text)
        docs, chars = docs + 1, chars + len(text)
        if time.perf_counter() - started > max_seconds:
            break
    print(json.dumps({"docs": docs, "chars": chars, "found": found, "seconds": time.perf_counter() - started}))


def _library(name: str):
    """A function text → number of mentions found, for the named library."""
    if name.startswith("extract API"):
        from extract.facts import extract
        from extract.rules import load_rules

        rules, context = load_rules(), name.endswith("with subjects")
        return lambda text: len(extract(text, None, rules, context=context).facts)
    if name.startswith("jionlp"):
        import jionlp

        return lambda text: len(jionlp.ner.extract_money(text, with_parsing=False))
    from recognizers_suite import Culture, recognize_currency, recognize_dimension

    return lambda text: len(recognize_currency(text, Culture.Chinese)) + len(recognize_dimension(text, Culture.Chinese))


def _installed(module: str) -> bool:
    probe = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True)
    return probe.returncode == 0


# ---------------------------------------------------------------- parent: measure


def measure(command: list[str]) -> tuple[float, float, str, str]:
    """Run ``command``; return wall seconds, peak memory in MB, stdout and stderr."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        peak = _watch(process)
        seconds = time.perf_counter() - started
        out.seek(0), err.seek(0)
        return seconds, peak, out.read(), err.read()


def _watch(process: subprocess.Popen) -> float:
    """Peak resident MB of the process tree, sampled every 50 ms (psutil), else the
    largest child's peak from ``resource``."""
    try:
        import psutil
    except ImportError:
        process.wait()
        return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    peak, proc = 0.0, psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(_resident(p) for p in tree) / 2**20)
        except psutil.Error:
            pass
        time.sleep(0.05)
    return peak


def _resident(proc) -> int:
    """Proportional set size (shared pages split between the processes that share
    them, so forked workers are not counted twice), else resident set size."""
    try:
        return proc.memory_full_info().pss
    except (AttributeError, OSError):
        return proc.memory_info().rss


def bench_extract(corpus: Path, jobs: int, chars: int, docs: int, work: Path) -> dict:
    command = [sys.executable, "-m", "extract", "run", str(corpus), "--out", str(work / f"out-j{jobs}"),
               "--jobs", str(jobs)]
    wall, peak, _, err = measure(command)
    closing = re.search(r"(\d+) new facts, \d+ failed[^\n]* in ([\d.]+)s", err)
    if closing is None:
        return {"note": f"failed: {err.strip()[-300:]}"}
    found, seconds = int(closing.group(1)), float(closing.group(2))
    return {"docs": docs, "chars": chars, "found": found, "seconds": seconds, "wall": wall, "peak": peak}


def bench_library(name: str, corpus: Path, max_seconds: float) -> dict:
    module, package = LIBRARIES[name]
    if not _installed(module):
        return {"note": f"skipped: pip install {package}"}
    command = [sys.executable, __file__, "--child", name, "--corpus", str(corpus), "--max-seconds", str(max_seconds)]
    wall, peak, out, err = measure(command)
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if not lines:
        return {"note": f"failed: {err.strip()[-300:]}"}
    return {**json.loads(lines[-1]), "wall": wall, "peak": peak}


def table(results: dict[str, dict], total_docs: int) -> str:
    head = f"{'tool':38} {'docs':>7} {'k chars/s':>10} {'docs/s':>8} {'found':>8} {'work s':>7} {'wall s':>7} {'peak MB':>8}"
    lines = [head, "-" * len(head)]
    for name, r in results.items():
        if "note" in r:
            lines.append(f"{name:38} {r['note']}")
            continue
        rate = r["seconds"] or 1e-9
        partial = "" if r["docs"] == total_docs else " (partial)"
        lines.append(f"{name:38} {r['docs']:>7} {r['chars'] / rate / 1000:>10.1f} {r['docs'] / rate:>8.1f} "
                     f"{r['found']:>8} {r['seconds']:>7.1f} {r['wall']:>7.1f} {r['peak']:>8.0f}{partial}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=50, help="Corpus size in MB (default 50).")
    parser.add_argument("--jobs", default="1,2", help="extract run --jobs values, comma-separated (default 1,2).")
    parser.add_argument("--max-seconds", type=float, default=120, help="Time budget of each library (default 120).")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return library_child(args.child, args.corpus, args.max_seconds)
    with tempfile.TemporaryDirectory(prefix="extract-bench-") as tmp:
        work, corpus = Path(tmp), Path(tmp) / "corpus"
        docs, size = build(corpus, args.size_mb)
        chars = sum(len(p.read_text(encoding="utf-8-sig")) for p in corpus.rglob("*.txt"))
        print(f"corpus: {docs} articles, {size / 1e6:.1f} MB, {chars / 1e6:.2f} M characters", file=sys.stderr)
        results = {}
        for jobs in (int(j) for j in args.jobs.split(",")):
            print(f"extract run --jobs {jobs} ...", file=sys.stderr)
            results[f"extract run --jobs {jobs}"] = bench_extract(corpus, jobs, chars, docs, work)
        for name in LIBRARIES:
            print(f"{name} ...", file=sys.stderr)
            results[name] = bench_library(name, corpus, args.max_seconds)
    print(table(results, docs))
    print("found: facts for extract; money mentions for jionlp; currency + dimension mentions for recognizers")


if __name__ == "__main__":
    main()
