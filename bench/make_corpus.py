"""Build a benchmark corpus of at least SIZE MB from the bundled ``corpus/*.txt``.

The articles are copied over and over under new document ids
(``jianli-drought-000123.txt``), 1000 files to a folder.

Example: python bench/make_corpus.py /tmp/bench-corpus --size-mb 50
"""
from __future__ import annotations

import argparse
import itertools
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PER_FOLDER = 1000


def build(target: Path, size_mb: float, source: Path = ROOT / "corpus") -> tuple[int, int]:
    """Write copies of the source articles into ``target`` until it holds ``size_mb``.

    Returns the number of files and bytes written.
    """
    articles = [(p.stem, p.read_bytes()) for p in sorted(source.glob("*.txt"))]
    if not articles:
        raise SystemExit(f"{source}: no *.txt articles to copy; pass another source folder")
    goal, written, count = int(size_mb * 1_000_000), 0, 0
    for stem, data in itertools.cycle(articles):
        if written >= goal:
            break
        count += 1
        folder = target / f"part-{(count - 1) // PER_FOLDER:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{stem}-{count:06d}.txt").write_bytes(data)
        written += len(data)
    return count, written

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="Folder to write the corpus into (made if missing).")
    parser.add_argument("--size-mb", type=float, default=50, help="Size of the corpus in MB (default 50).")
    args = parser.parse_args()
    files, size = build(args.target, args.size_mb)
    print(f"{files} articles, {size / 1e6:.1f} MB in {args.target}")


if __name__ == "__main__":
    main()
