"""Build a benchmark corpus of at least SIZE MB from the bundled articles.

Each article is made of sentences drawn at random from ``corpus/*.txt`` and the held-out
sets in ``tests/``, with every Arabic digit replaced by a random one, so no two articles
are the same and caches cannot make a tool look faster than it is on real text
(``mixed-000123.txt``, 1000 files to a folder; the same seed gives the same corpus).

Example: python bench/make_corpus.py /tmp/bench-corpus --size-mb 50
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PER_FOLDER = 1000


SOURCES = [ROOT / "corpus", ROOT / "tests" / "heldout" / "texts", ROOT / "tests" / "heldout2" / "texts"]
SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")


def build(target: Path, size_mb: float, sources: list[Path] = SOURCES, seed: int = 7) -> tuple[int, int]:
    """Write varied articles into ``target`` until it holds ``size_mb``.

    Returns the number of files and bytes written.
    """
    sentences = [m.group().strip() for folder in sources for p in sorted(folder.glob("*.txt"))
                 for m in SENTENCE.finditer(p.read_text(encoding="utf-8-sig")) if len(m.group().strip()) > 8]
    if not sentences:
        raise SystemExit(f"{sources[0]}: no *.txt articles to draw from; pass another source folder")
    rng = random.Random(seed)
    goal, written, count = int(size_mb * 1_000_000), 0, 0
    while written < goal:
        count += 1
        paragraphs = ["".join(rng.choices(sentences, k=rng.randint(2, 5))) for _ in range(rng.randint(4, 10))]
        text = re.sub(r"\d", lambda m: str(rng.randint(0, 9)), "\n".join(paragraphs)) + "\n"
        folder = target / f"part-{(count - 1) // PER_FOLDER:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"mixed-{count:06d}.txt").write_bytes(data)
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
